/**
 * A backup file double-clicked in the file manager: the shell hands it over (file:pending), App takes the
 * secretary to 设置, and the backup card shows what it holds before anything is restored.
 */
import { create } from 'zustand';
import type { OpenedFile } from '@shared/ipc';

interface OpenedFileState {
  backup: OpenedFile | null;
  /** The waiting backup, once: the card takes it and it is gone. */
  take(): OpenedFile | null;
}

export const useOpenedFile = create<OpenedFileState>((set, get) => ({
  backup: null,
  take: () => {
    const file = get().backup;
    if (file) set({ backup: null });
    return file;
  },
}));
