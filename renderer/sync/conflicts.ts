/**
 * Sync conflicts: the RxDB conflict handler of every collection merges field by field
 * (shared/sync/merge.ts); where both sides changed a field, the server's value is kept in the document
 * and the local one is kept here, for the secretary to look at in 同步 and take back if it was right.
 * Kept on this computer sealed with the data key (a conflicting value may be an ID number).
 */
import type { RxConflictHandler } from 'rxdb';
import { create } from 'zustand';
import type { CollectionName } from '@shared/model';
import { mergeDocuments, isSameDocument, type FieldConflict } from '@shared/sync/merge';
import { decryptValue, encryptValue, keyFor } from '../db/encryption';
import { dataKey } from '../security/session';

const CONFLICTS_ITEM = 'branchdesk.sync.conflicts';

export interface StoredConflict extends FieldConflict {
  /** collection/docId/path: one entry per field, the latest wins. */
  key: string;
  collection: CollectionName;
  docId: string;
  /** When the conflict was met (this computer's clock, only to order the list). */
  at: string;
}

export const useConflictStore = create<{ conflicts: StoredConflict[] }>(() => ({ conflicts: [] }));

async function persist(conflicts: StoredConflict[]): Promise<void> {
  if (typeof localStorage === 'undefined') return; // outside a page (integration tests)
  if (conflicts.length === 0) localStorage.removeItem(CONFLICTS_ITEM);
  else localStorage.setItem(CONFLICTS_ITEM, await encryptValue(conflicts, await keyFor(dataKey())));
}

/** Reads the conflicts kept on this computer (at start). */
export async function loadConflicts(): Promise<void> {
  const sealed = localStorage.getItem(CONFLICTS_ITEM);
  if (!sealed) return;
  try {
    useConflictStore.setState({ conflicts: (await decryptValue(sealed, await keyFor(dataKey()))) as StoredConflict[] });
  } catch (error) {
    console.error('sync conflicts unreadable', error);
  }
}

export function recordConflicts(collection: CollectionName, docId: string, found: FieldConflict[], now = new Date()): void {
  if (found.length === 0) return;
  const fresh = found.map((c) => ({ ...c, key: `${collection}/${docId}/${c.path.join('.')}`, collection, docId, at: now.toISOString() }));
  const keys = new Set(fresh.map((c) => c.key));
  keep([...useConflictStore.getState().conflicts.filter((c) => !keys.has(c.key)), ...fresh]);
}

/** The secretary has looked at it (kept the server's value, or took the local one back). */
export function dismissConflict(key: string): void {
  keep(useConflictStore.getState().conflicts.filter((c) => c.key !== key));
}

/** The list shown in 同步, and kept on this computer. */
function keep(conflicts: StoredConflict[]): void {
  useConflictStore.setState({ conflicts });
  void persist(conflicts).catch((error: unknown) => console.error('sync conflicts not kept', error));
}

/** The conflict handler of one collection (given to addCollections). */
export function conflictHandlerFor(collection: CollectionName): RxConflictHandler<object> {
  return {
    // Scans (`_attachments`) stay on this computer and are never part of what the server compares.
    isEqual: (a, b) => isSameDocument(withoutScans(a), withoutScans(b)),
    resolve: async ({ newDocumentState, realMasterState, assumedMasterState }) => {
      const { merged, conflicts } = mergeDocuments({
        local: withoutScans(newDocumentState),
        master: withoutScans(realMasterState),
        ...(assumedMasterState ? { assumed: withoutScans(assumedMasterState) } : {}),
      });
      recordConflicts(collection, (realMasterState as unknown as { id: string }).id, conflicts);
      const scans = (newDocumentState as { _attachments?: unknown })._attachments;
      return (scans === undefined ? merged : { ...merged, _attachments: scans }) as typeof merged;
    },
  };
}

function withoutScans<T extends object>(doc: T): T {
  if (!('_attachments' in doc)) return doc;
  const { _attachments: _scans, ...rest } = doc as T & { _attachments?: unknown };
  return rest as T;
}
