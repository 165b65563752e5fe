/**
 * Opening the local database: RxDB on Dexie (IndexedDB), every collection of shared/model,
 * schema validation on every write so nothing invalid is ever stored (validators compiled at build time:
 * our CSP forbids the `new Function` ajv would use in the page).
 */
import { addRxPlugin, createRxDatabase, type RxCollection, type RxDatabase, type RxStorage } from 'rxdb';
import { RxDBAttachmentsPlugin } from 'rxdb/plugins/attachments';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { wrappedWebCryptoEncryptionStorage } from './encryption';
import { wrappedValidateCompiledStorage } from './validate';
import { collections, type CollectionName, type DocTypes } from '@shared/model';

export type BranchCollections = { [K in CollectionName]: RxCollection<DocTypes[K]> };
export type BranchDatabase = RxDatabase<BranchCollections>;

export const DEFAULT_DB_NAME = 'branchdesk';

addRxPlugin(RxDBMigrationSchemaPlugin);
addRxPlugin(RxDBAttachmentsPlugin);

let devModeReady: Promise<void> | null = null;
/** RxDB's dev-mode checks schemas and queries strictly; development and tests only, never in builds. */
function enableDevMode(): Promise<void> {
  devModeReady ??= import('rxdb/plugins/dev-mode').then(({ RxDBDevModePlugin, disableWarnings }) => {
    disableWarnings();
    addRxPlugin(RxDBDevModePlugin);
  });
  return devModeReady;
}

export interface OpenOptions {
  name?: string;
  /** The raw storage; IndexedDB through Dexie when absent. Tests pass fake-indexeddb or memory. */
  storage?: RxStorage<unknown, unknown>;
  multiInstance?: boolean;
  /** Encrypts the fields a schema marks `encrypted` (personal identifiers). */
  password: string;
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
    await db.addCollections(collections);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}
