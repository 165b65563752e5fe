/** The local database: every collection opens, data survives closing, invalid data is refused. */
import Dexie from 'dexie';
import { indexedDB, IDBKeyRange } from 'fake-indexeddb';
import { createRxDatabase, type RxJsonSchema } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { wrappedValidateZSchemaStorage } from 'rxdb/plugins/validate-z-schema';
import { afterEach, describe, expect, it } from 'vitest';
import { firstValueFrom } from 'rxjs';
import { COLLECTION_NAMES, type PersonDoc } from '@shared/model';
import { countRoster, HOME_COUNT_KEYS } from '@shared/rules';
import { homeCounts$ } from './queries';
import { generateDemoBranch } from '@shared/demo';
import { openBranchDatabase, type BranchDatabase } from './database';
import { loadDemo } from './demo';
import { createBranch } from './writes';

const TEST_PASSWORD = 'test-password-0123456789';
const storage = () => getRxStorageDexie({ indexedDB, IDBKeyRange });
let counter = 0;
const uniqueName = () => `test-${Date.now()}-${counter++}`;
const open: { close(): Promise<unknown> }[] = [];

async function openDb(name = uniqueName()): Promise<BranchDatabase> {
  const db = await openBranchDatabase({ name, storage: storage(), multiInstance: false, password: TEST_PASSWORD });
  open.push(db);
  return db;
}

afterEach(async () => {
  // Open-source RxDB allows 13 open collections: every test closes what it opened.
  await Promise.all(open.splice(0).map((db) => db.close()));
});

const branchInput = { name: '东风社区第一党支部', category: 'retired' as const, parentName: '中共东风街道工作委员会', secretaryName: '王建国' };

describe('openBranchDatabase', () => {
  it('opens every collection of the design', async () => {
    const db = await openDb();
    expect(Object.keys(db.collections).sort()).toEqual([...COLLECTION_NAMES].sort());
    expect(COLLECTION_NAMES.length).toBeLessThanOrEqual(12);
  });

  it('keeps a stored branch after the database is closed and opened again', async () => {
    const name = uniqueName();
    const first = await openDb(name);
    const org = await createBranch(first, branchInput, new Date('2026-11-23T02:00:00Z'));
    await first.close();
    const again = await openDb(name);
    const found = await again.orgs.findOne(org.id).exec();
    expect(found?.toJSON()).toMatchObject({ name: '东风社区第一党支部', parentName: '中共东风街道工作委员会', committee: [{ role: 'secretary', name: '王建国' }] });
  });

  it('refuses a document that does not fit its schema and stores nothing of it', async () => {
    const db = await openDb();
    const org = await createBranch(db, branchInput);
    const bad = { ...generateDemoBranch({ today: '2026-11-23' }).people[0]!, orgId: org.id, gender: '男' };
    await expect(db.people.insert(bad as never)).rejects.toMatchObject({ code: 'VD2' });
    expect(await db.people.count().exec()).toBe(0);
  });

  it('refuses a branch with no name, with a message in Chinese, and stores nothing', async () => {
    const db = await openDb();
    await expect(createBranch(db, { ...branchInput, name: '' })).rejects.toThrow('请填写支部全称');
    expect(await db.orgs.count().exec()).toBe(0);
  });
});

describe('loadDemo', () => {
  it('fills an empty database with the demo branch', async () => {
    const db = await openDb();
    const result = await loadDemo(db, 'branch', '2026-11-23');
    const expected = generateDemoBranch({ today: '2026-11-23' });
    expect(result).toEqual({ loaded: true, people: expected.people.length, meetings: expected.meetings.length });
    expect(await db.people.count().exec()).toBe(expected.people.length);
    expect(await db.meetings.count().exec()).toBe(expected.meetings.length);
    expect(await db.dossiers.count().exec()).toBe(3);
  });

  it('never loads over a branch that is already there', async () => {
    const db = await openDb();
    await createBranch(db, branchInput);
    const result = await loadDemo(db, 'branch', '2026-11-23');
    expect(result).toEqual({ loaded: false, reason: expect.stringContaining('未载入演示数据') });
    expect(await db.people.count().exec()).toBe(0);
    expect(await db.orgs.count().exec()).toBe(1);
  });
});

describe('schema migration', () => {
  // A test-only collection: version 0 stores a full name, version 1 splits surname and given name.
  const v0 = {
    version: 0,
    primaryKey: 'id',
    type: 'object',
    properties: { id: { type: 'string', maxLength: 26 }, fullName: { type: 'string' } },
    required: ['id', 'fullName'],
  } as const;
  const v1 = {
    version: 1,
    primaryKey: 'id',
    type: 'object',
    properties: { id: { type: 'string', maxLength: 26 }, surname: { type: 'string' }, givenName: { type: 'string' } },
    required: ['id', 'surname', 'givenName'],
  } as const;

  async function openWith(name: string, schema: RxJsonSchema<unknown>, migrationStrategies = {}) {
    const db = await createRxDatabase({ name, storage: wrappedValidateZSchemaStorage({ storage: storage() }), multiInstance: false });
    open.push(db);
    await db.addCollections({ notes: { schema, migrationStrategies } });
    return db;
  }

  it('keeps a stored document through a version bump, transformed by its migration strategy', async () => {
    const name = uniqueName();
    const old = await openWith(name, v0 as unknown as RxJsonSchema<unknown>);
    await old.collections.notes!.insert({ id: 'p1', fullName: '欧阳秀英' });
    await old.close();

    const migrated = await openWith(name, v1 as unknown as RxJsonSchema<unknown>, {
      1: (doc: { id: string; fullName: string }) => {
        const compound = ['欧阳', '司马', '诸葛'].find((s) => doc.fullName.startsWith(s));
        const surname = compound ?? doc.fullName.slice(0, 1);
        return { id: doc.id, surname, givenName: doc.fullName.slice(surname.length) };
      },
    });
    const doc = await migrated.collections.notes!.findOne('p1').exec();
    expect(doc?.toJSON()).toEqual({ id: 'p1', surname: '欧阳', givenName: '秀英' });
  });
});

describe('首页 counts', () => {
  it('are answered from the index and agree with counting the roster person by person', async () => {
    const db = await openDb();
    await loadDemo(db, 'branch', '2026-11-23');
    const org = (await db.orgs.findOne().exec())!;
    // Archive one member: archived people count nowhere.
    const someone = (await db.people.findOne({ selector: { status: 'full' } }).exec())!;
    await someone.patch({ onRoll: false, archived: { reason: 'deceased', on: '2026-10-01' } });
    const fromIndex = await firstValueFrom(homeCounts$(db, org.id));
    const people = (await db.people.find().exec()).map((d) => d.toJSON() as PersonDoc);
    const byPerson = countRoster(people);
    for (const key of HOME_COUNT_KEYS) expect(fromIndex[key], key).toBe(byPerson[key]);
    expect(fromIndex.members).toBe(42);
  });
});

describe('encryption at rest', () => {
  it('stores personal identifiers encrypted: the raw IndexedDB records hold the name but not the ID number', async () => {
    const name = uniqueName();
    const db = await openDb(name);
    await loadDemo(db, 'branch', '2026-11-23');
    const person = (await db.people.findOne().exec())!.toJSON() as PersonDoc;
    const idNumber = person.private!.idNumber!;
    expect(idNumber).toMatch(/^\d{17}[\dX]$/);
    await db.close();

    const databases = (await indexedDB.databases()).map((d) => d.name!).filter((n) => n.includes(name) && n.includes('people'));
    expect(databases).toHaveLength(1);
    const raw = new Dexie(databases[0]!, { indexedDB, IDBKeyRange });
    await raw.open();
    const records = JSON.stringify(await Promise.all(raw.tables.map((t) => t.toArray())));
    raw.close();
    expect(records).toContain(person.name);
    expect(records).not.toContain(idNumber);
    expect(records).not.toContain(person.private!.phone!);
  });

  it('gives the identifiers back in plain text to the app', async () => {
    const name = uniqueName();
    const first = await openDb(name);
    await loadDemo(first, 'branch', '2026-11-23');
    const before = (await first.people.findOne().exec())!.toJSON() as PersonDoc;
    await first.close();
    const again = await openDb(name);
    const after = (await again.people.findOne(before.id).exec())!.toJSON() as PersonDoc;
    expect(after.private).toEqual(before.private);
  });
});
