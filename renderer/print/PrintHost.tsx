import { PrintPortal } from './PrintPortal';
import { usePrintStore } from './print-job';

/** Holds the document of the current print job; it stays until the next job replaces it. */
export function PrintHost() {
  const job = usePrintStore((s) => s.job);
  return job ? <PrintPortal key={job.id}>{job.document}</PrintPortal> : null;
}
