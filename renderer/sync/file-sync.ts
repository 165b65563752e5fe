/**
 * Sync by file on a branch computer (the file: shared/sync/file-format.ts; the decisions:
 * shared/sync/file-exchange.ts). For a branch that is never online:
 * - the secretary types the 离线同步码 the committee gave once;
 * - 导出同步文件 writes everything the committee has not acknowledged, signed and encrypted;
 * - 导入回复文件 takes the committee's reply: approvals arrive (and advance the dossiers, as over the
 *   network), the branch's own documents are acknowledged, and what both sides changed is merged
 *   field by field with the local value kept visible in 同步.
 *
 * What this computer knows of each document (the last master a reply brought and the states sent
 * since) is kept in local documents, one per collection, sealed with the data key: it holds copies of
 * the records, ID numbers included. The code is sealed the same way. In the app they live in a small
 * database of their own beside the branch's (fileSyncDatabase), opened only when file sync is used:
 * the branch database itself opens no store it did not have (a newer build's data stays untouched).
 */
import { createRxDatabase, getChangedDocumentsSince, type RxCollection, type RxDocumentData } from 'rxdb';
import { ulid } from 'ulid';
import { collections, COLLECTION_NAMES, type CollectionName, type OrgDoc } from '@shared/model';
import { checkpointAfter, planReply, rowsToSend, withSent, type FileSyncEntry } from '@shared/sync/file-exchange';
import {
  openSyncFile,
  readEnvelope,
  sealSyncFile,
  syncFileKeys,
  syncFileName,
  SyncFileError,
  type BranchFilePayload,
  type FileRow,
  type SyncFileKeys,
} from '@shared/sync/file-format';
import type { FieldConflict } from '@shared/sync/merge';
import type { WireDoc } from '@shared/sync/protocol';
import type { BranchDatabase } from '../db/database';
import { decryptValue, encryptValue } from '../db/encryption';
import { loadConfirmed } from './confirmed';

const STATE_ID = 'filesync';
const entriesId = (collection: CollectionName) => `filesync-${collection}`;
/** Reply files already imported, remembered to say so when one comes again. */
const REMEMBERED_REPLIES = 100;

interface StoredState {
  keyId: string;
  /** The 离线同步码, sealed with the data key. */
  code: string;
  checkpoint: number;
  lastExportAt: string | null;
  lastImport: LastImport | null;
  replies: string[];
}

export interface LastImport {
  /** This computer's clock, to show when. */
  at: string;
  committeeName: string;
  received: number;
  acknowledged: number;
}

export interface FileSyncStatus {
  /** A 离线同步码 was entered. */
  configured: boolean;
  lastExportAt: string | null;
  lastImport: LastImport | null;
  /** Documents the committee has not acknowledged yet (they go in the next file). */
  unacknowledged: number;
}

export interface ExportedFile {
  name: string;
  text: string;
  /** Documents in the file. */
  rows: number;
  /** Records the file as sent: call once it is saved (a cancelled save sends nothing). */
  commit(): Promise<void>;
}

export interface ImportSummary {
  committeeName: string;
  /** Documents written on this computer (approvals and changes made elsewhere). */
  received: number;
  /** Approvals among them. */
  approvals: number;
  /** This computer's documents the committee now holds as they are here. */
  acknowledged: number;
  conflicts: number;
  /** The same reply had been imported before (nothing changed). */
  seenBefore: boolean;
  /** What the committee's server did with the file this answers; null for a reply made without one. */
  imported: { accepted: number; unchanged: number; conflicts: number } | null;
  /** Documents still to go in the next file. */
  unacknowledged: number;
}

export interface FileSyncHooks {
  /** Fields both sides changed: the committee's value was taken; the local one is to be shown. */
  onConflicts?(collection: CollectionName, docId: string, conflicts: FieldConflict[]): void;
  /** A document's current version reached the committee. */
  onAcknowledged?(collection: CollectionName, id: string, updatedAt: string): void;
}

/** The app's database, or a test's with some of its collections (what is here is read and written). */
interface AnyDatabase {
  collections: Partial<Record<string, RxCollection>>;
  getLocal(id: string): Promise<{ toJSON(): { readonly data: unknown } } | null>;
  upsertLocal<T extends object>(id: string, data: T): Promise<unknown>;
}

const bookkeeping = new WeakMap<BranchDatabase, Promise<AnyDatabase>>();

/** The branch database's collections with the file sync bookkeeping beside it (`<name>-filesync`). */
export function fileSyncDatabase(db: BranchDatabase): Promise<AnyDatabase> {
  let found = bookkeeping.get(db);
  if (!found) {
    found = createRxDatabase({
      name: `${db.name}-filesync`,
      storage: db.storage,
      password: db.password as string,
      multiInstance: db.multiInstance,
      localDocuments: true,
      closeDuplicates: true,
    }).then((book) => {
      db.onClose.push(() => book.close());
      return { collections: db.collections as AnyDatabase['collections'], getLocal: (id: string) => book.getLocal(id), upsertLocal: (id: string, data: object) => book.upsertLocal(id, data) };
    });
    bookkeeping.set(db, found);
  }
  return found;
}

// The 已送达上级 marks of a branch that syncs by file are kept under a scope of their own
// (renderer/sync/confirmed.ts); a signed-in account's scope takes over while it is signed in.
const FILE_SYNC_ITEM = 'branchdesk.filesync';
const MARKS_SCOPE = 'file';

/** Called once a code is saved: from now on this computer's marks are kept for file sync. */
export function keepFileSyncMarks(): void {
  if (typeof localStorage !== 'undefined') localStorage.setItem(FILE_SYNC_ITEM, '1');
  loadConfirmed(MARKS_SCOPE);
}

/** At start, for a computer not signed in to a server: the marks file replies gave. */
export function resumeFileSyncMarks(signedIn: boolean): void {
  if (!signedIn && typeof localStorage !== 'undefined' && localStorage.getItem(FILE_SYNC_ITEM)) loadConfirmed(MARKS_SCOPE);
}

/** Thrown with a message for the secretary. */
export { SyncFileError };

// ---------------------------------------------------------------------------------------------

/** Stores the 离线同步码 the committee gave (typed in any case, with or without dashes). */
export async function setFileCode(db: AnyDatabase, sealKey: CryptoKey, typed: string): Promise<void> {
  const keys = await syncFileKeys(typed);
  const state = await readState(db);
  const code = await encryptValue(typed, sealKey);
  // A new code (the old paper was lost) protects the files from now on; what was exchanged stays valid.
  await writeState(db, state ? { ...state, keyId: keys.keyId, code } : { keyId: keys.keyId, code, checkpoint: 0, lastExportAt: null, lastImport: null, replies: [] });
}

/** Whether a 离线同步码 was entered on this computer (cheap: no counting). */
export async function fileSyncConfigured(db: AnyDatabase): Promise<boolean> {
  return (await readState(db)) !== null;
}

/**
 * What 同步 shows. Counting the records not acknowledged reads every document (about 250 ms at 500
 * members): a caller that has just learnt the count (from an export or an import) passes it.
 */
export async function fileSyncStatus(db: AnyDatabase, sealKey: CryptoKey, unacknowledged?: number): Promise<FileSyncStatus> {
  const state = await readState(db);
  if (!state) return { configured: false, lastExportAt: null, lastImport: null, unacknowledged: 0 };
  return { configured: true, lastExportAt: state.lastExportAt, lastImport: state.lastImport, unacknowledged: unacknowledged ?? (await pendingRows(db, sealKey)).count };
}

/** The branch's file of everything not acknowledged; `commit()` once it is saved. */
export async function exportBranchFile(db: AnyDatabase, sealKey: CryptoKey, now = new Date()): Promise<ExportedFile> {
  const { state, keys } = await opened(db, sealKey);
  const org = await ownOrg(db);
  const { rows, entries, count } = await pendingRows(db, sealKey);
  const payload: BranchFilePayload = {
    kind: 'branch',
    orgId: org.id,
    orgName: org.name,
    checkpoint: state.checkpoint,
    schemaVersions: Object.fromEntries(branchCollections(db).map((name) => [name, collections[name].schema.version])),
    rows,
  };
  const text = await sealSyncFile(payload, keys, { fileId: ulid(), createdAt: now.toISOString(), orgName: org.name });
  return {
    name: syncFileName(org.name, 'branch', now),
    text,
    rows: count,
    commit: () =>
      exclusive(db, async () => {
        // Onto the bookkeeping as it is now: a reply imported while the file was being saved stays recorded.
        for (const [collection, changed] of entries) {
          const current = await loadEntries(db, sealKey, collection);
          for (const [id, entry] of changed) current.set(id, withSent(current.get(id) ?? { sent: [] }, entry.sent.at(-1)!));
          await saveEntries(db, sealKey, collection, current);
        }
        const latest = (await readState(db)) ?? state;
        await writeState(db, { ...latest, lastExportAt: now.toISOString() });
      }),
  };
}

/** Imports the committee's reply file (its bytes or text). */
export function importReplyFile(db: AnyDatabase, sealKey: CryptoKey, file: string | Uint8Array, hooks: FileSyncHooks = {}, now = new Date()): Promise<ImportSummary> {
  return exclusive(db, () => importReply(db, sealKey, file, hooks, now));
}

async function importReply(db: AnyDatabase, sealKey: CryptoKey, file: string | Uint8Array, hooks: FileSyncHooks, now: Date): Promise<ImportSummary> {
  const envelope = readEnvelope(file);
  const { state, keys } = await opened(db, sealKey);
  const payload = await openSyncFile(envelope, keys, 'reply');
  const org = await ownOrg(db);
  if (payload.orgId !== org.id) throw new SyncFileError('wrong-code', `这个回复文件是给「${payload.orgName}」的，不是本支部的数据。`);
  for (const [name, version] of Object.entries(payload.schemaVersions)) {
    if (name in collections && collections[name as CollectionName].schema.version !== version) {
      throw new SyncFileError('newer-format', '上级服务器的支部工作台版本与本机不同：请把本机软件升级到与上级相同的版本后再导入。这个文件没有导入。');
    }
  }
  const seenBefore = state.replies.includes(envelope.fileId);
  let received = 0;
  let approvals = 0;
  let acknowledged = 0;
  let conflicts = 0;
  for (const name of COLLECTION_NAMES) {
    const incoming = payload.docs[name];
    const collection = db.collections[name] as RxCollection | undefined;
    if (!incoming?.length || !collection) continue;
    const entries = await loadEntries(db, sealKey, name);
    const ids = [...new Set(incoming.map((d) => d.doc.id))];
    const found = await collection.storageInstance.findDocumentsById(ids, true);
    const local = new Map(found.map((doc) => [doc.id as string, toWire(doc)]));
    const plan = planReply({ local, entries, incoming });
    for (const doc of plan.writes) await writeLocal(collection, doc);
    for (const { docId, conflicts: fields } of plan.conflicts) hooks.onConflicts?.(name, docId, fields);
    for (const doc of plan.acknowledged) hooks.onAcknowledged?.(name, doc.id, doc.updatedAt);
    if (plan.entries.size > 0) {
      for (const [id, entry] of plan.entries) entries.set(id, entry);
      await saveEntries(db, sealKey, name, entries);
    }
    received += plan.writes.length;
    if (name === 'approvals') approvals += plan.writes.filter((d) => !d._deleted).length;
    acknowledged += plan.acknowledged.length;
    conflicts += plan.conflicts.length;
  }
  const latest = (await readState(db)) ?? state;
  const lastImport: LastImport = { at: now.toISOString(), committeeName: payload.committeeName, received, acknowledged };
  await writeState(db, {
    ...latest,
    checkpoint: checkpointAfter(latest.checkpoint, payload),
    lastImport: seenBefore ? latest.lastImport : lastImport,
    replies: seenBefore ? latest.replies : [...latest.replies, envelope.fileId].slice(-REMEMBERED_REPLIES),
  });
  const { count } = await pendingRows(db, sealKey);
  return { committeeName: payload.committeeName, received, approvals, acknowledged, conflicts, seenBefore, imported: payload.imported, unacknowledged: count };
}

// ---------------------------------------------------------------------------------------------

/** The collections a branch sends: all it has but `approvals`, which only the committee writes. */
function branchCollections(db: AnyDatabase): CollectionName[] {
  return COLLECTION_NAMES.filter((name) => name !== 'approvals' && db.collections[name]);
}

async function pendingRows(db: AnyDatabase, sealKey: CryptoKey): Promise<{ rows: BranchFilePayload['rows']; entries: Map<CollectionName, Map<string, FileSyncEntry>>; count: number }> {
  const rows: Partial<Record<CollectionName, FileRow[]>> = {};
  const entries = new Map<CollectionName, Map<string, FileSyncEntry>>();
  let count = 0;
  for (const name of branchCollections(db)) {
    const result = rowsToSend(await allDocuments(db.collections[name] as RxCollection), await loadEntries(db, sealKey, name));
    if (result.rows.length === 0) continue;
    rows[name] = result.rows;
    entries.set(name, result.entries);
    count += result.rows.length;
  }
  return { rows, entries, count };
}

async function opened(db: AnyDatabase, sealKey: CryptoKey): Promise<{ state: StoredState; keys: SyncFileKeys }> {
  const state = await readState(db);
  if (!state) throw new SyncFileError('bad-code', '还没有输入离线同步码：请先输入上级党委给的离线同步码。');
  return { state, keys: await syncFileKeys((await decryptValue(state.code, sealKey)) as string) };
}

async function ownOrg(db: AnyDatabase): Promise<OrgDoc> {
  const doc = await (db.collections.orgs as RxCollection<OrgDoc>).findOne().exec();
  if (!doc) throw new SyncFileError('not-a-sync-file', '本机还没有支部信息：请先建立支部，再用文件同步。');
  return doc.toJSON() as OrgDoc;
}

/** Every document of a collection as the wire carries it, tombstones included. */
async function allDocuments(collection: RxCollection): Promise<WireDoc[]> {
  const docs: WireDoc[] = [];
  let checkpoint: unknown;
  for (;;) {
    const page = await getChangedDocumentsSince(collection.storageInstance, 1000, checkpoint);
    for (const doc of page.documents) docs.push(toWire(doc));
    if (page.documents.length < 1000) return docs;
    checkpoint = page.checkpoint;
  }
}

/** The record without RxDB's bookkeeping; scans (attachments) stay on the computer, as over the network. */
function toWire(doc: RxDocumentData<unknown>): WireDoc {
  const { _rev: _r, _meta: _m, _attachments: _a, ...wire } = doc as RxDocumentData<Record<string, unknown>>;
  return wire as unknown as WireDoc;
}

/** Writes a state that came from the committee, keeping this computer's scans of the document. */
async function writeLocal(collection: RxCollection, doc: WireDoc): Promise<void> {
  const { _deleted: deleted, ...data } = doc as WireDoc & Record<string, unknown>;
  const existing = await collection.findOne(doc.id).exec();
  if (deleted) {
    if (existing) await existing.incrementalRemove();
    return;
  }
  if (existing) {
    await existing.incrementalModify((current: Record<string, unknown>) => {
      const kept = Object.fromEntries(Object.entries(current).filter(([key]) => key.startsWith('_')));
      return { ...kept, ...data };
    });
  } else {
    await collection.upsert(data);
  }
}

// The bookkeeping, in the database's local documents.

async function readState(db: AnyDatabase): Promise<StoredState | null> {
  const doc = await db.getLocal(STATE_ID);
  return doc ? (doc.toJSON().data as StoredState) : null;
}

async function writeState(db: AnyDatabase, state: StoredState): Promise<void> {
  await db.upsertLocal(STATE_ID, state);
}

async function loadEntries(db: AnyDatabase, sealKey: CryptoKey, collection: CollectionName): Promise<Map<string, FileSyncEntry>> {
  const doc = await db.getLocal(entriesId(collection));
  if (!doc) return new Map();
  const entries = (await decryptValue((doc.toJSON().data as { sealed: string }).sealed, sealKey)) as Record<string, FileSyncEntry>;
  return new Map(Object.entries(entries));
}

/** Writes a collection's whole bookkeeping: the caller read it in the same `exclusive` turn. */
async function saveEntries(db: AnyDatabase, sealKey: CryptoKey, collection: CollectionName, entries: Map<string, FileSyncEntry>): Promise<void> {
  await db.upsertLocal(entriesId(collection), { sealed: await encryptValue(Object.fromEntries(entries), sealKey) });
}

const turns = new WeakMap<AnyDatabase, Promise<unknown>>();

/**
 * One change of the bookkeeping at a time on a database: an import and an export's commit never
 * interleave, so each may write back what it read without reading it again.
 */
function exclusive<T>(db: AnyDatabase, work: () => Promise<T>): Promise<T> {
  const run = (turns.get(db) ?? Promise.resolve()).then(work);
  turns.set(db, run.catch(() => undefined));
  return run;
}
