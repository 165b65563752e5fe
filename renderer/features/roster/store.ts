/** UI state of the roster screen: search text, filters, which person is open. */
import { create } from 'zustand';
import type { PartyStatus, PersonCategory } from '@shared/model';

export interface RosterFilters {
  query: string;
  category: PersonCategory | null;
  status: PartyStatus | null;
  groupId: string | null;
  ageBand: string | null;
  showArchived: boolean;
}

interface RosterUi extends RosterFilters {
  openPersonId: string | null;
  editing: 'new' | string | null;
  setFilter: <K extends keyof RosterFilters>(key: K, value: RosterFilters[K]) => void;
  open: (id: string | null) => void;
  edit: (id: 'new' | string | null) => void;
}

export const useRosterUi = create<RosterUi>()((set) => ({
  query: '',
  category: null,
  status: null,
  groupId: null,
  ageBand: null,
  showArchived: false,
  openPersonId: null,
  editing: null,
  setFilter: (key, value) => set({ [key]: value } as Partial<RosterUi>),
  open: (openPersonId) => set({ openPersonId }),
  edit: (editing) => set({ editing }),
}));
