/**
 * What the UI shows about sync (renderer/sync/service.ts keeps it up to date). A module of its own so the
 * app frame can show the 离线 banner without loading the sync code into the first screen.
 */
import { create } from 'zustand';
import type { Account } from '@shared/sync/protocol';
import type { SyncProgress } from './replication';

export type Connection = 'signed-out' | 'connecting' | 'online' | 'offline' | 'refused';

export interface SyncState {
  connection: Connection;
  account: Account | null;
  baseUrl: string | null;
  lastSyncAt: string | null;
  /** Documents changed here that the server has not confirmed yet; null until known. */
  pending: number | null;
  progress: SyncProgress | null;
  active: boolean;
  /** The last problem, in Chinese (cleared when a sync succeeds). */
  message: string | null;
}

export const useSyncStore = create<SyncState>(() => ({
  connection: 'signed-out',
  account: null,
  baseUrl: null,
  lastSyncAt: null,
  pending: null,
  progress: null,
  active: false,
  message: null,
}));

