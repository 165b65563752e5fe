/**
 * For tests only: opens a database with the app's wrapped storage (validation over encryption over
 * Dexie on fake-indexeddb) but with the collection definitions a test gives — the schemas as an older
 * build stored them, or as a newer build would — to see what the app's own opening does with them.
 */
import { indexedDB, IDBKeyRange } from 'fake-indexeddb';
import { addRxPlugin, createRxDatabase } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import type { BranchCollections, BranchDatabase } from './database';
import { wrappedWebCryptoEncryptionStorage } from './encryption';
import { wrappedValidateCompiledStorage } from './validate';

export const fakeStorage = () => getRxStorageDexie({ indexedDB, IDBKeyRange });

export async function openWithDefinitions(name: string, password: string, definitions: object): Promise<BranchDatabase> {
  if (import.meta.env.DEV) {
    const { RxDBDevModePlugin, disableWarnings } = await import('rxdb/plugins/dev-mode');
    disableWarnings();
    addRxPlugin(RxDBDevModePlugin);
  }
  const db = await createRxDatabase<BranchCollections>({
    name,
    storage: wrappedValidateCompiledStorage({ storage: wrappedWebCryptoEncryptionStorage({ storage: fakeStorage() }) }),
    multiInstance: false,
    password,
    eventReduce: true,
    closeDuplicates: true,
  });
  try {
    await db.addCollections(definitions as never);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}
