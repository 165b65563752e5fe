/** Data stored by a newer version of the app: refused with a clear message, and left exactly as it was. */
import Dexie from 'dexie';
import { indexedDB, IDBKeyRange } from 'fake-indexeddb';
import type { MigrationStrategies, RxJsonSchema } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { collections, type CollectionName } from '@shared/model';
import { NewerDataError, openBranchDatabase, type BranchDatabase } from './database';
import { openWithDefinitions } from './test-open';

const TEST_PASSWORD = 'test-password-0123456789';
const storage = () => getRxStorageDexie({ indexedDB, IDBKeyRange });
let counter = 0;
const uniqueName = () => `newer-${Date.now()}-${counter++}`;
const open: { close(): Promise<unknown> }[] = [];

afterEach(async () => {
  // Open-source RxDB allows 13 open collections: every test closes what it opened.
  await Promise.all(open.splice(0).map((db) => db.close()));
});

type Definitions = Record<string, { schema: RxJsonSchema<unknown>; migrationStrategies: MigrationStrategies }>;

/** The app's collections as a later build might have them: the ones named one schema version ahead. */
function newerCollections(ahead: readonly CollectionName[], extra: Definitions = {}): Definitions {
  const out: Definitions = { ...(collections as unknown as Definitions), ...extra };
  for (const name of ahead) {
    const current = collections[name];
    const version = current.schema.version + 1;
    out[name] = {
      schema: { ...(current.schema as RxJsonSchema<unknown>), version },
      migrationStrategies: { ...current.migrationStrategies, [version]: (doc: unknown) => doc },
    };
  }
  return out;
}

/** Opens the database as that later build would: the same wrapped storage, name and password. */
async function openAsNewerBuild(name: string, definitions: Definitions): Promise<BranchDatabase> {
  const db = await openWithDefinitions(name, TEST_PASSWORD, definitions);
  open.push(db);
  return db;
}

const base = (id: string) => ({
  id,
  orgId: '01JD0000000000000000000002',
  createdAt: '2027-03-01T02:00:00.000Z',
  updatedAt: '2027-03-01T02:00:00.000Z',
  updatedBy: '王建国',
});

const branch = {
  ...base('01JD0000000000000000000002'),
  name: '东风社区第一党支部',
  level: 'branch',
  category: 'retired',
  parentName: '中共东风街道工作委员会',
  committee: [{ role: 'secretary', name: '王建国' }],
  terms: [],
  groups: [],
};

const person = {
  ...base('01JD0000000000000000000021'),
  name: '欧阳秀英',
  gender: 'female',
  birthDate: '1948-05-12',
  category: 'retired',
  status: 'full',
  onRoll: true,
  private: { idNumber: '110102194805120026', phone: '13800138000', address: '东风路1号3单元' },
  history: [{ at: '2027-03-01T02:00:00.000Z', by: '王建国', action: 'create', changes: [] }],
};

const visit = {
  ...base('01JD0000000000000000000071'),
  personId: person.id,
  kind: 'visit',
  occasion: '春节慰问',
  date: '2027-02-05',
  visitors: ['王建国', '李红'],
};

/** Stores a branch, a person (identifiers encrypted) and a visit the way the newer build does. */
async function storeAsNewerBuild(name: string, definitions: Definitions): Promise<void> {
  const db = await openAsNewerBuild(name, definitions);
  await db.orgs.insert(branch as never);
  await db.people.insert(person as never);
  await db.care.insert(visit as never);
  await db.close();
}

/** Every IndexedDB database of this RxDB database, with its version and every record of every store, as stored. */
async function rawSnapshot(name: string): Promise<string> {
  const names = (await indexedDB.databases())
    .map((d) => d.name!)
    .filter((n) => n.startsWith(`rxdb-dexie-${name}--`))
    .sort();
  const out: Record<string, unknown> = {};
  for (const dbName of names) {
    const raw = new Dexie(dbName, { indexedDB, IDBKeyRange });
    await raw.open();
    try {
      const tables: Record<string, unknown> = {};
      for (const table of raw.tables) tables[table.name] = await table.toArray();
      out[dbName] = { version: raw.verno, tables };
    } finally {
      raw.close();
    }
  }
  return JSON.stringify(out);
}

const openAsThisBuild = (name: string) => openBranchDatabase({ name, storage: storage(), multiInstance: false, password: TEST_PASSWORD });

describe('data stored by a newer version', () => {
  it('is refused with a message that says what happened, what to do, and that nothing was changed', async () => {
    const name = uniqueName();
    await storeAsNewerBuild(name, newerCollections(['people']));
    const known = collections.people.schema.version;

    const refusal = await openAsThisBuild(name).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(NewerDataError);
    expect((refusal as NewerDataError).collections).toEqual([{ collection: 'people', stored: known + 1, known }]);
    expect((refusal as NewerDataError).message).toBe(
      `这台电脑上的数据是用更新版本的支部工作台保存的（人员名册的数据格式为第 ${known + 1} 版，当前版本只能读取到第 ${known} 版），当前版本无法打开。请安装最新版本后再打开；数据没有被改动。`,
    );
  });

  it('names every collection that is newer', async () => {
    const name = uniqueName();
    await storeAsNewerBuild(name, newerCollections(['orgs', 'care']));
    const refusal = await openAsThisBuild(name).catch((error: unknown) => error);
    expect((refusal as NewerDataError).collections.map((c) => c.collection).sort()).toEqual(['care', 'orgs']);
    expect((refusal as NewerDataError).message).toContain('支部信息的数据格式为第');
    expect((refusal as NewerDataError).message).toContain('关怀走访的数据格式为第');
  });

  it('is left byte for byte as it was: no record changed, no store added', async () => {
    const name = uniqueName();
    await storeAsNewerBuild(name, newerCollections(['people', 'orgs']));
    const before = await rawSnapshot(name);
    expect(before).toContain(person.name);
    expect(before).not.toContain(person.private.idNumber);

    await expect(openAsThisBuild(name)).rejects.toBeInstanceOf(NewerDataError);
    // Twice: a second attempt (the user opening the app again) changes nothing either.
    await expect(openAsThisBuild(name)).rejects.toBeInstanceOf(NewerDataError);

    expect(await rawSnapshot(name)).toBe(before);
  });

  it('still opens in the newer version afterwards, with every document as it was stored', async () => {
    const name = uniqueName();
    const newer = newerCollections(['people']);
    await storeAsNewerBuild(name, newer);
    await expect(openAsThisBuild(name)).rejects.toBeInstanceOf(NewerDataError);

    const again = await openAsNewerBuild(name, newer);
    expect((await again.orgs.find().exec()).map((d) => d.toJSON())).toEqual([branch]);
    expect((await again.people.find().exec()).map((d) => d.toJSON())).toEqual([person]);
    expect((await again.care.find().exec()).map((d) => d.toJSON())).toEqual([visit]);
  });

  it('opens when the newer version only added a collection this version does not have, and leaves that one alone', async () => {
    const name = uniqueName();
    const letters = {
      schema: { version: 0, primaryKey: 'id', type: 'object', properties: { id: { type: 'string', maxLength: 26 }, text: { type: 'string' } }, required: ['id'] },
      migrationStrategies: {},
    } as unknown as Definitions[string];
    const newer = await openAsNewerBuild(name, newerCollections([], { letters }));
    await newer.collections['letters' as CollectionName].insert({ id: 'L1', text: '介绍信存根' } as never);
    await newer.close();
    const lettersStore = `rxdb-dexie-${name}--0--letters`;
    const before: unknown = JSON.parse(await rawSnapshot(name))[lettersStore];
    expect(JSON.stringify(before)).toContain('介绍信存根');

    const db = await openAsThisBuild(name);
    expect(Object.keys(db.collections)).not.toContain('letters');
    await db.close();
    expect(JSON.parse(await rawSnapshot(name))[lettersStore]).toEqual(before);
  });
});
