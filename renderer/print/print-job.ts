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

/** Puts the document in the print root and waits until the browser has laid it out. */
export async function preparePrint(document: ReactNode): Promise<void> {
  performance.mark('bd:print-job');
  usePrintStore.setState({ job: { id: nextId++, document } });
  // Two frames: React commits the document, then the browser lays it out.
  await nextFrame();
  performance.mark('bd:print-frame-1');
  await nextFrame();
  performance.mark('bd:print-ready');
}

/** The document as a PDF file (Electron), or the browser's print dialog (web). */
export async function printDocument(document: ReactNode, request: { suggestedName: string; landscape?: boolean }): Promise<SavedFile> {
  await preparePrint(document);
  return platform().printToPdf(request);
}

/** The document on the printer, through the system print dialog. */
export async function printOnPaper(document: ReactNode): Promise<void> {
  await preparePrint(document);
  await platform().print();
}
