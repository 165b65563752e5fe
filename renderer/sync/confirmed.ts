/**
 * Which version of each document the committee's server has confirmed (it took the push without a
 * conflict, or sent the document down): collection/id → updatedAt. A document whose current version is
 * not here waits to be sent. Screens show it as 已送达上级 (issue 6: important writes show when they
 * reached the server), so it lives in a zustand store they re-render from.
 *
 * Kept on this computer per scope (the signed-in account), in localStorage, written a moment after the
 * last confirmation. Whatever confirms a version calls markConfirmed: the replication today, a sync
 * file's acknowledgement later.
 */
import { create } from 'zustand';
import type { CollectionName } from '@shared/model';

export interface ConfirmedStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

interface ConfirmedState {
  /** collection/id → the updatedAt the server has. */
  versions: Readonly<Record<string, string>>;
}

export const useConfirmedStore = create<ConfirmedState>(() => ({ versions: {} }));

const SAVE_DELAY_MS = 1000;
const keyOf = (collection: CollectionName, id: string): string => `${collection}/${id}`;
const itemOf = (scope: string): string => `branchdesk.sync.confirmed.${scope}`;

let target: { storage: ConfirmedStorage; item: string } | null = null;
let saveTimer: ReturnType<typeof setTimeout> | undefined;
/** Confirmations not yet in the store: one sync batch confirms hundreds, the store copies once. */
let arriving: Record<string, string> | null = null;

function publish(): void {
  if (!arriving) return;
  const fresh = arriving;
  arriving = null;
  useConfirmedStore.setState((s) => ({ versions: { ...s.versions, ...fresh } }));
}

function current(): Readonly<Record<string, string>> {
  publish();
  return useConfirmedStore.getState().versions;
}

function save(): void {
  clearTimeout(saveTimer);
  saveTimer = undefined;
  if (target) target.storage.setItem(target.item, JSON.stringify(current()));
}

function defaultStorage(): ConfirmedStorage | null {
  return typeof localStorage === 'undefined' ? null : localStorage;
}

/**
 * Reads what the server confirmed for this scope (the account's user id) and keeps saving there. What
 * waited to be saved for the previous scope is saved first.
 */
export function loadConfirmed(scope: string, storage: ConfirmedStorage | null = defaultStorage()): void {
  if (saveTimer !== undefined) save();
  arriving = null;
  let versions: Record<string, string> = {};
  try {
    versions = JSON.parse(storage?.getItem(itemOf(scope)) ?? '{}') as Record<string, string>;
  } catch (error) {
    // A damaged entry only means the versions are sent (and confirmed) again.
    console.warn('confirmed versions unreadable, starting afresh', error);
  }
  target = storage ? { storage, item: itemOf(scope) } : null;
  useConfirmedStore.setState({ versions });
}

/** Signed out: the marks go; what the server confirmed stays stored for the next sign-in. */
export function forgetConfirmed(): void {
  if (saveTimer !== undefined) save();
  target = null;
  arriving = null;
  useConfirmedStore.setState({ versions: {} });
}

/** The server has this version of the document. */
export function markConfirmed(collection: CollectionName, id: string, updatedAt: string): void {
  if (!arriving) {
    arriving = {};
    queueMicrotask(publish);
  }
  arriving[keyOf(collection, id)] = updatedAt;
  if (!target) return;
  clearTimeout(saveTimer);
  saveTimer = setTimeout(save, SAVE_DELAY_MS);
}

/** Whether the server has confirmed this version of the document. */
export function isConfirmed(collection: CollectionName, id: string, updatedAt: string): boolean {
  return current()[keyOf(collection, id)] === updatedAt;
}

/** The same, for a screen: re-renders when the confirmation arrives. */
export function useConfirmedOnServer(collection: CollectionName, id: string, updatedAt: string): boolean {
  return useConfirmedStore((s) => s.versions[keyOf(collection, id)] === updatedAt);
}
