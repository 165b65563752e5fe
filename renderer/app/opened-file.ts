/**
 * A backup or sync file double-clicked in the file manager: the shell hands it over (file:pending), App
 * takes the secretary to 设置 (a backup: the backup card shows what it holds before anything is
 * restored) or to 同步 (a sync file: the file sync card offers to import it).
 */
import { create } from 'zustand';
import type { OpenedFile } from '@shared/ipc';

interface OpenedFileState {
  backup: OpenedFile | null;
  sync: OpenedFile | null;
  /** The waiting backup, once: the card takes it and it is gone. */
  take(): OpenedFile | null;
  /** The waiting sync file, once. */
  takeSync(): OpenedFile | null;
}

export const useOpenedFile = create<OpenedFileState>((set, get) => ({
  backup: null,
  sync: null,
  take: () => {
    const file = get().backup;
    if (file) set({ backup: null });
    return file;
  },
  takeSync: () => {
    const file = get().sync;
    if (file) set({ sync: null });
    return file;
  },
}));
