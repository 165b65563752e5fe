/**
 * The one door from the UI to the machine: print, files, app information. Two implementations:
 * Electron (the preload bridge) and Web (browser APIs). Everything else in the renderer is the same.
 */
import type { AppInfo, BridgeApi, IpcEventName, IpcEvents, OpenedFile, SavedFile } from '@shared/ipc';
import { createElectronPlatform } from './electron';
import { createWebPlatform } from './web';

export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface StoredKeys {
  ring: string | null;
  remembered: string | null;
  keystore: boolean;
}

export interface Platform {
  readonly shell: 'electron' | 'web';
  appInfo(): Promise<AppInfo>;
  /** Asks where to save (Electron) or downloads (web). */
  saveFile(request: { suggestedName: string; filters?: FileFilter[]; data: string | Uint8Array<ArrayBuffer> }): Promise<SavedFile>;
  /** Lets the user pick one file; null when cancelled. */
  openFile(request: { filters?: FileFilter[]; maxBytes?: number }): Promise<OpenedFile | null>;
  /** The current page as an A4 PDF (Electron), or the browser's print dialog with 另存为PDF (web). */
  printToPdf(request: { suggestedName: string; landscape?: boolean }): Promise<SavedFile>;
  /** A backup or sync file double-clicked to open the app (once); null when none (always in the web). */
  pendingFile(): Promise<OpenedFile | null>;
  /** The system print dialog. */
  print(): Promise<void>;
  /**
   * Where the data key is kept (renderer/security/session.ts decides what to keep): the key ring, text
   * (set when a password protects the key), and the data key itself when remembered on this computer.
   * `keystore`: an OS key store keeps a remembered key safe (Electron's safeStorage); the web has none.
   */
  loadKeys(): Promise<StoredKeys>;
  /** Replaces both; null removes. */
  saveKeys(keys: { ring: string | null; remembered: string | null }): Promise<void>;
  /** A desktop notification; a click opens `path`. Resolves false where none can be shown (web without permission). */
  notify(request: { title: string; body: string; path: string }): Promise<boolean>;
  /** Events from the shell (the Electron menu); the web has none. Returns the unsubscribe. */
  on<E extends IpcEventName>(event: E, listener: (payload: IpcEvents[E]) => void): () => void;
}

/** A refusal from the machine, with a message for the user in Chinese. */
export class PlatformError extends Error {
  override readonly name = 'PlatformError';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

declare global {
  interface Window {
    branchDesk?: BridgeApi;
  }
}

let current: Platform | null = null;

export function platform(): Platform {
  current ??= window.branchDesk ? createElectronPlatform(window.branchDesk) : createWebPlatform(window);
  return current;
}
