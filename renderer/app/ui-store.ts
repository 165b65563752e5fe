/** UI state only (RxDB holds the domain data): large-type mode, remembered on this computer. */
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

interface UiState {
  largeType: boolean;
  setLargeType: (on: boolean) => void;
}

export const useUiStore = create<UiState>()(
  persist(
    (set) => ({
      largeType: false,
      setLargeType: (largeType) => set({ largeType }),
    }),
    { name: 'branchdesk.ui', storage: createJSONStorage(() => localStorage), version: 1 },
  ),
);
