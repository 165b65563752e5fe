/**
 * Opening the local database: RxDB on Dexie (IndexedDB), every collection of shared/model,
 * schema validation on every write so nothing invalid is ever stored (validators compiled at build time:
 * our CSP forbids the `new Function` ajv would use in the page).
 */
import { addRxPlugin, createRxDatabase, getAllCollectionDocuments, getChangedDocumentsSince, type RxCollection, type RxConflictHandler, type RxDatabase, type RxStorage } from 'rxdb';
import { RxDBAttachmentsPlugin } from 'rxdb/plugins/attachments';
import { RxDBLocalDocumentsPlugin } from 'rxdb/plugins/local-documents';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { wrappedWebCryptoEncryptionStorage } from './encryption';
import { wrappedValidateCompiledStorage } from './validate';
import { collections, COLLECTION_NAMES, type CollectionName, type DocTypes } from '@shared/model';

export type BranchCollections = { [K in CollectionName]: RxCollection<DocTypes[K]> };
export type BranchDatabase = RxDatabase<BranchCollections>;

export const DEFAULT_DB_NAME = 'branchdesk';

addRxPlugin(RxDBMigrationSchemaPlugin);
addRxPlugin(RxDBAttachmentsPlugin);
// Local documents: bookkeeping kept beside the data, not synced or backed up as records. Only in a
// database of its own (renderer/sync/file-sync.ts): the branch database opens no store it did not have.
addRxPlugin(RxDBLocalDocumentsPlugin);

let devModeReady: Promise<void> | null = null;
/** RxDB's dev-mode checks schemas and queries strictly; development and tests only, never in builds. */
function enableDevMode(): Promise<void> {
  devModeReady ??= import('rxdb/plugins/dev-mode').then(({ RxDBDevModePlugin, disableWarnings }) => {
    disableWarnings();
    addRxPlugin(RxDBDevModePlugin);
  });
  return devModeReady;
}

/** What each collection holds, as the refusal of newer data names it. */
const COLLECTION_LABELS: Record<CollectionName, string> = {
  orgs: '支部信息',
  people: '人员名册',
  dossiers: '发展党员档案',
  meetings: '会议记录',
  appraisals: '民主评议',
  dues: '党费',
  care: '关怀走访',
  transfers: '组织关系转接',
  approvals: '上级审批',
};

/** A collection stored at a schema version this build does not know. */
export interface NewerCollection {
  collection: CollectionName;
  stored: number;
  known: number;
}

/**
 * The stored data was written by a newer version of the app. Opened anyway, RxDB 17 would start an empty
 * store at the older version beside the newer one: the app would look empty (the first-run wizard would
 * offer to create the branch again) and the newer version would later "migrate" whatever was written there
 * into its data. So the database is refused before anything is written.
 */
export class NewerDataError extends Error {
  override readonly name = 'NewerDataError';
  constructor(readonly collections: readonly NewerCollection[]) {
    const detail = collections.map((c) => `${COLLECTION_LABELS[c.collection]}的数据格式为第 ${c.stored} 版，当前版本只能读取到第 ${c.known} 版`).join('；');
    super(`这台电脑上的数据是用更新版本的支部工作台保存的（${detail}），当前版本无法打开。请安装最新版本后再打开；数据没有被改动。`);
  }
}

/** The collections whose stored schema version is higher than this build's (read only: nothing is written). */
async function newerCollections(db: Pick<RxDatabase, 'internalStore'>): Promise<NewerCollection[]> {
  const stored = await getAllCollectionDocuments(db.internalStore);
  const newer: NewerCollection[] = [];
  for (const doc of stored) {
    const { name, version } = doc.data as { name: string; version: number };
    const known = (collections as Partial<Record<string, { schema: { version: number } }>>)[name]?.schema.version;
    // A collection this build does not have at all is left alone: nothing here reads or writes it.
    if (known !== undefined && version > known) newer.push({ collection: name as CollectionName, stored: version, known });
  }
  return newer;
}

export interface OpenOptions {
  name?: string;
  /** The raw storage; IndexedDB through Dexie when absent. Tests pass fake-indexeddb or memory. */
  storage?: RxStorage<unknown, unknown>;
  multiInstance?: boolean;
  /** Encrypts the fields a schema marks `encrypted` (personal identifiers). */
  password: string;
  /**
   * Called with every stored document, as stored (older schema versions), before a schema migration
   * runs: the caller keeps it as a backup. Not called when nothing needs migrating. Attachments are
   * not included (they are carried over by the migration unchanged).
   */
  beforeMigration?: (snapshot: StoredSnapshot) => Promise<void>;
  /** How sync conflicts are merged, per collection (renderer/sync/conflicts.ts); RxDB's default when absent. */
  conflictHandler?: (collection: CollectionName) => RxConflictHandler<object>;
}

/** The stored documents of every collection at the schema version they were stored with. */
export interface StoredSnapshot {
  collections: Partial<Record<CollectionName, Record<string, unknown>[]>>;
  schemaVersions: Partial<Record<CollectionName, number>>;
}

/** Reads every stored collection at its stored version, through the same wrapped storage (decrypted, as the app reads). */
async function storedSnapshot(db: Pick<RxDatabase, 'storage' | 'token' | 'name' | 'password'>, stored: Awaited<ReturnType<typeof getAllCollectionDocuments>>): Promise<StoredSnapshot> {
  const snapshot: StoredSnapshot = { collections: {}, schemaVersions: {} };
  for (const { data } of stored) {
    const name = data.name as CollectionName;
    if (!(name in collections)) continue;
    const instance = await db.storage.createStorageInstance<Record<string, unknown>>({
      databaseInstanceToken: db.token,
      databaseName: db.name,
      collectionName: name,
      schema: data.schema,
      options: {},
      multiInstance: false,
      password: db.password,
      devMode: false,
    });
    try {
      const docs: Record<string, unknown>[] = [];
      let checkpoint: unknown;
      for (;;) {
        const page = await getChangedDocumentsSince(instance, 1000, checkpoint);
        for (const doc of page.documents) {
          if (doc._deleted) continue;
          const { _rev: _r, _meta: _m, _attachments: _a, _deleted: _d, ...plain } = doc;
          docs.push(plain);
        }
        if (page.documents.length < 1000) break;
        checkpoint = page.checkpoint;
      }
      snapshot.collections[name] = docs;
      snapshot.schemaVersions[name] = data.version;
    } finally {
      await instance.close();
    }
  }
  return snapshot;
}

export async function openBranchDatabase(options: OpenOptions): Promise<BranchDatabase> {
  if (import.meta.env.DEV) await enableDevMode();
  // Validation sees plain documents; encryption happens below it, on the way to IndexedDB.
  const storage = wrappedValidateCompiledStorage({
    storage: wrappedWebCryptoEncryptionStorage({ storage: options.storage ?? getRxStorageDexie() }),
  });
  const db = await createRxDatabase<BranchCollections>({
    name: options.name ?? DEFAULT_DB_NAME,
    storage,
    multiInstance: options.multiInstance ?? true,
    password: options.password,
    eventReduce: true,
    closeDuplicates: true,
  });
  try {
    // addCollections writes a record of each collection at this build's version and creates its store:
    // data from a newer version has to be refused before that.
    const newer = await newerCollections(db);
    if (newer.length > 0) throw new NewerDataError(newer);
    if (options.beforeMigration) {
      const stored = await getAllCollectionDocuments(db.internalStore);
      const older = stored.some(({ data }) => data.name in collections && data.version < collections[data.name as CollectionName].schema.version);
      if (older) await options.beforeMigration(await storedSnapshot(db, stored));
    }
    const handler = options.conflictHandler;
    await db.addCollections(
      handler
        ? (Object.fromEntries(COLLECTION_NAMES.map((name) => [name, { ...collections[name], conflictHandler: handler(name) }])) as unknown as typeof collections)
        : collections,
    );
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}
