/**
 * One print job at a time: a screen hands over the document to print; the PrintHost renders it
 * under <body> and the platform prints it (PDF in Electron, the print dialog in web mode).
 */
import type { ReactNode } from 'react';
import { create } from 'zustand';
import type { SavedFile } from '@shared/ipc';
import { platform } from '../platform';

interface PrintState {
  job: { id: number; document: ReactNode } | null;
}

export const usePrintStore = create<PrintState>()(() => ({ job: null }));

let nextId = 1;
const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

export async function printDocument(document: ReactNode, request: { suggestedName: string; landscape?: boolean }): Promise<SavedFile> {
  usePrintStore.setState({ job: { id: nextId++, document } });
  // Two frames: React commits the document, then the browser lays it out.
  await nextFrame();
  await nextFrame();
  return platform().printToPdf(request);
}
