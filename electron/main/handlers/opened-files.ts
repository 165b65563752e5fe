/**
 * Files the system asks the app to open: a double-clicked backup (.bdbackup) or sync file (.bdsync), as a
 * start argument (Windows, Linux), in a second start while the app runs, or by macOS's open-file event.
 * Main keeps the path; the page asks for the file (file:pending) when it is ready, and is told
 * (file:opened) when one arrives while it runs. Only these two kinds, never any path the page names.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { HandlerError, register, type IpcRegistrar } from '../ipc';

const OPENABLE = /\.(bdbackup|bdsync)$/i;
const MAX_BYTES = 200 * 1024 * 1024;

let pending: string | null = null;

/** The last argument that names a backup or sync file (the system passes the path as it is). */
export function openableFromArgs(argv: readonly string[]): string | null {
  return [...argv].reverse().find((arg) => !arg.startsWith('-') && OPENABLE.test(arg)) ?? null;
}

/** Keeps a file to open; returns whether it is one the app opens. */
export function setPendingFile(path: string | null): boolean {
  if (!path || !OPENABLE.test(path)) return false;
  pending = path;
  return true;
}

export function registerOpenedFileHandler(ipc: IpcRegistrar): void {
  register(ipc, 'file:pending', async () => {
    const path = pending;
    pending = null;
    if (!path) return null;
    try {
      const info = await stat(path);
      if (info.size > MAX_BYTES) throw new HandlerError('invalid-input', `文件太大（${Math.round(info.size / 1024 / 1024)} MB），不是支部工作台的备份或同步文件。`);
      return { name: basename(path), data: new Uint8Array(await readFile(path)) };
    } catch (error) {
      if (error instanceof HandlerError) throw error;
      throw new HandlerError('io-error', `打不开 ${basename(path)}：文件不在了，或没有读取权限。`);
    }
  });
}
