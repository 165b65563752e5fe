/** The local database: every collection opens, data survives closing, invalid data is refused. */
import Dexie from 'dexie';
import { indexedDB, IDBKeyRange } from 'fake-indexeddb';
import { createRxDatabase, type RxJsonSchema } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { wrappedValidateZSchemaStorage } from 'rxdb/plugins/validate-z-schema';
import { afterEach, describe, expect, it } from 'vitest';
import { firstValueFrom } from 'rxjs';
import { collections, COLLECTION_NAMES, type CollectionName, type PersonDoc } from '@shared/model';
import { countRoster, HOME_COUNT_KEYS } from '@shared/rules';
import { homeCounts$ } from './queries';
import { generateDemoBranch } from '@shared/demo';
import { openBranchDatabase, type BranchDatabase, type StoredSnapshot } from './database';
import { loadDemo } from './demo';
import { createBranch } from './writes';
import { openWithDefinitions } from './test-open';

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
    expect(await db.dossiers.count().exec()).toBe(4);
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

// Old schema versions are copied into these tests as data, never imported: the current modules no longer have them.
// The building blocks of shared/model/common.ts as those versions used them:
const dateField = { type: 'string', maxLength: 10, pattern: '^\\d{4}-\\d{2}-\\d{2}$' };
const nameField = { type: 'string', maxLength: 100 };
const textField = { type: 'string', maxLength: 20000 };
const stringList = { type: 'array', items: { type: 'string', maxLength: 200 } };
const refField = { type: 'string', maxLength: 26, minLength: 1 };
const instantField = { type: 'string', maxLength: 32 };
const monthField = { type: 'string', maxLength: 7, pattern: '^\\d{4}-\\d{2}$' };
const baseProperties = {
  id: { type: 'string', maxLength: 26, pattern: '^[0-9A-HJKMNP-TV-Z]{26}$' },
  orgId: { type: 'string', maxLength: 26, minLength: 1 },
  createdAt: instantField,
  updatedAt: instantField,
  updatedBy: { type: 'string', maxLength: 64 },
};
const baseRequired = ['id', 'orgId', 'createdAt', 'updatedAt', 'updatedBy'];

/**
 * Like openBranchDatabase (same wrapped storage, name, password, every collection) but the collections given
 * here at an old schema version, without migration strategies: the database as an older build stored it.
 */
async function openWithOldSchemas(name: string, oldSchemas: Partial<Record<CollectionName, object>>): Promise<BranchDatabase> {
  const old = Object.fromEntries(Object.entries(oldSchemas).map(([collection, schema]) => [collection, { schema: schema as never, migrationStrategies: {} }]));
  const db = await openWithDefinitions(name, TEST_PASSWORD, { ...collections, ...old });
  open.push(db);
  return db;
}

/** After migration the version-0 store of a collection holds nothing any more (if RxDB kept the store at all). */
async function expectVersion0StoreEmpty(name: string, collection: CollectionName): Promise<void> {
  const v0Store = (await indexedDB.databases()).map((d) => d.name!).find((n) => n === `rxdb-dexie-${name}--0--${collection}`);
  if (!v0Store) return;
  const raw = new Dexie(v0Store, { indexedDB, IDBKeyRange });
  await raw.open();
  const left = await Promise.all(raw.tables.map((t) => t.toArray()));
  raw.close();
  expect(left.flat().filter((d) => !(d as { _deleted?: boolean })._deleted)).toEqual([]);
}

/** Every record of a collection's store at one schema version, as IndexedDB holds it (after encryption). */
async function rawRecords(name: string, collection: CollectionName, version: number): Promise<string> {
  const store = (await indexedDB.databases()).map((d) => d.name!).find((n) => n === `rxdb-dexie-${name}--${version}--${collection}`);
  expect(store, `store of ${collection} v${version}`).toBeDefined();
  const raw = new Dexie(store!, { indexedDB, IDBKeyRange });
  await raw.open();
  try {
    return JSON.stringify(await Promise.all(raw.tables.map((t) => t.toArray())));
  } finally {
    raw.close();
  }
}

describe('dossiers schema version 0 → 1', () => {
  // The dossier schema as it was stored at version 0 (git HEAD before 公示, vote, conclusion, approvalDelayReason,
  // scans and encrypted attachments were added).
  const datedEntry = {
    type: 'object',
    properties: { date: dateField, endDate: dateField, by: nameField, hours: { type: 'number', minimum: 0, maximum: 1000 }, note: textField },
    required: ['date'],
  };
  const dossierSchemaV0 = {
    title: 'dossiers',
    description: '一人一档: the recruitment dossier of one person, the 25 steps with dates, actors, documents',
    version: 0,
    primaryKey: 'id',
    type: 'object',
    properties: {
      id: { type: 'string', maxLength: 26, pattern: '^[0-9A-HJKMNP-TV-Z]{26}$' },
      orgId: { type: 'string', maxLength: 26, minLength: 1 },
      createdAt: { type: 'string', maxLength: 32 },
      updatedAt: { type: 'string', maxLength: 32 },
      updatedBy: { type: 'string', maxLength: 64 },
      personId: { type: 'string', maxLength: 26, minLength: 1 },
      state: { type: 'string', enum: ['open', 'closed', 'stopped'], maxLength: 10 },
      events: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            step: { type: 'integer', minimum: 1, maximum: 25 },
            date: dateField,
            endDate: dateField,
            people: stringList,
            personIds: stringList,
            documents: stringList,
            docNo: nameField,
            outcome: nameField,
            note: textField,
          },
          required: ['step', 'date'],
        },
      },
      thoughtReports: { type: 'array', items: datedEntry },
      evaluations: { type: 'array', items: datedEntry },
      trainings: { type: 'array', items: datedEntry },
      leavingOn: dateField,
      introducerIds: stringList,
      contactIds: stringList,
      volunteerBookNo: nameField,
      supersededBy: { type: 'string', maxLength: 26, minLength: 1 },
      note: textField,
    },
    required: ['id', 'orgId', 'createdAt', 'updatedAt', 'updatedBy', 'personId', 'state', 'events', 'thoughtReports', 'evaluations', 'trainings'],
    indexes: [['orgId', 'state'], 'personId'],
  };

  const storedV0 = {
    id: '01JD0000000000000000000001',
    orgId: '01JD0000000000000000000002',
    createdAt: '2024-03-01T02:00:00.000Z',
    updatedAt: '2026-05-20T08:30:00.000Z',
    updatedBy: '王建国',
    personId: '01JD0000000000000000000003',
    state: 'open',
    events: [
      { step: 1, date: '2024-03-01', documents: ['入党申请书'], note: '本人手写' },
      { step: 2, date: '2024-03-20', people: ['王建国'], personIds: ['01JD0000000000000000000004'] },
      { step: 3, date: '2024-04-10', endDate: '2024-04-12', people: ['李红', '赵刚'], documents: ['推荐表', '测评汇总'] },
      { step: 6, date: '2025-04-15', docNo: '东风工委〔2025〕12号', outcome: '同意列为发展对象' },
      { step: 17, date: '2025-09-01', docNo: '东风工委〔2025〕31号', outcome: '同意接收为预备党员', note: '审批' },
    ],
    thoughtReports: [
      { date: '2024-06-30', note: '第二季度' },
      { date: '2024-09-30', note: '第三季度' },
    ],
    evaluations: [{ date: '2024-09-01', endDate: '2025-03-01', by: '李红', note: '半年考察' }],
    trainings: [{ date: '2025-05-10', endDate: '2025-05-14', by: '街道党校', hours: 32.5 }],
    leavingOn: '2027-01-31',
    introducerIds: ['01JD0000000000000000000004', '01JD0000000000000000000005'],
    contactIds: ['01JD0000000000000000000005'],
    volunteerBookNo: 'ZY-2024-0007',
    note: '老档案，版本 0 时录入',
  };

  const scanBytes = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 1, 2, 3, 250, 251, ...new TextEncoder().encode('入党志愿书第1页')]);

  it('keeps every field of a version-0 dossier, then takes 公示, vote and an encrypted scan', async () => {
    const name = uniqueName();
    const dbs: { close(): Promise<unknown> }[] = [];
    try {
      const old = await openWithOldSchemas(name, { dossiers: dossierSchemaV0 });
      dbs.push(old);
      expect(old.dossiers.schema.version).toBe(0);
      await old.dossiers.insert(storedV0 as never);
      await old.close();

      const migrated = await openDb(name);
      dbs.push(migrated);
      expect(migrated.dossiers.schema.version).toBe(1);
      expect(await migrated.dossiers.migrationNeeded()).toBe(false);
      // The migration moved the document over: the version-0 store holds nothing any more.
      await expectVersion0StoreEmpty(name, 'dossiers');
      const doc = (await migrated.dossiers.findOne(storedV0.id).exec())!;
      expect(doc).not.toBeNull();
      expect(doc.toJSON()).toEqual(storedV0);

      const events = [
        ...doc.events,
        { step: 13, date: '2025-06-20', publicity: { from: '2025-06-20', to: '2025-06-26' } },
        { step: 15, date: '2025-07-01', vote: { fullMembers: 42, excluded: 2, presentVoting: 36, yes: 35, no: 0, abstain: 1 } },
      ];
      await doc.incrementalPatch({ events, updatedAt: '2026-11-23T02:00:00.000Z' });
      const withStep = (await migrated.dossiers.findOne(storedV0.id).exec())!;
      expect(withStep.toJSON()).toEqual({ ...storedV0, events, updatedAt: '2026-11-23T02:00:00.000Z' });

      const scans = [{ id: 'scan-1.jpg', title: '入党志愿书第1页', step: 15, addedAt: '2026-11-23T02:05:00.000Z' }];
      await withStep.incrementalPatch({ scans });
      await (await migrated.dossiers.findOne(storedV0.id).exec())!.putAttachment({ id: 'scan-1.jpg', data: new Blob([scanBytes], { type: 'image/jpeg' }), type: 'image/jpeg' });
      const readBack = await (await migrated.dossiers.findOne(storedV0.id).exec())!.getAttachment('scan-1.jpg')!.getData();
      expect(readBack.type).toBe('image/jpeg');
      expect(new Uint8Array(await readBack.arrayBuffer())).toEqual(scanBytes);
      await migrated.close();

      const again = await openDb(name);
      dbs.push(again);
      const reopened = (await again.dossiers.findOne(storedV0.id).exec())!;
      expect(reopened.toJSON()).toEqual({ ...storedV0, events, scans, updatedAt: '2026-11-23T02:00:00.000Z' });
      const attachment = reopened.getAttachment('scan-1.jpg')!;
      expect(attachment).toMatchObject({ id: 'scan-1.jpg', type: 'image/jpeg', length: scanBytes.length });
      const data = await attachment.getData();
      expect(data.type).toBe('image/jpeg');
      expect(new Uint8Array(await data.arrayBuffer())).toEqual(scanBytes);
      expect(await again.dossiers.count().exec()).toBe(1);
    } finally {
      await Promise.all(dbs.map((db) => db.close()));
    }
  });
});

describe('meetings schema version 0 → 1', () => {
  // The meetings schema as it was stored at version 0 (git HEAD before 换届选举 added `elections`).
  const count = { type: 'integer', minimum: 0, maximum: 100000 };
  const meetingSchemaV0 = {
    title: 'meetings',
    description: 'Minutes: kind, time, place, host, recorder, attendance, agenda, speeches, votes, status',
    version: 0,
    primaryKey: 'id',
    type: 'object',
    properties: {
      id: { type: 'string', maxLength: 26, pattern: '^[0-9A-HJKMNP-TV-Z]{26}$' },
      orgId: { type: 'string', maxLength: 26, minLength: 1 },
      createdAt: instantField,
      updatedAt: instantField,
      updatedBy: { type: 'string', maxLength: 64 },
      kind: { type: 'string', enum: ['assembly', 'committee', 'group', 'lecture', 'theme-day', 'life-meeting', 'appraisal'], maxLength: 20 },
      date: dateField,
      startTime: { type: 'string', maxLength: 5, pattern: '^\\d{2}:\\d{2}$' },
      endTime: { type: 'string', maxLength: 5, pattern: '^\\d{2}:\\d{2}$' },
      place: { type: 'string', maxLength: 200 },
      topic: { type: 'string', maxLength: 200 },
      hostName: nameField,
      hostId: refField,
      recorderName: nameField,
      recorderId: refField,
      groupId: { type: 'string', maxLength: 26 },
      attendance: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            personId: refField,
            state: { type: 'string', enum: ['present', 'absent', 'leave', 'home-study'] },
            reason: { type: 'string', maxLength: 200 },
          },
          required: ['personId', 'state'],
        },
      },
      guests: { type: 'array', items: { type: 'object', properties: { name: nameField, note: nameField }, required: ['name'] } },
      agenda: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            title: { type: 'string', maxLength: 200 },
            speeches: {
              type: 'array',
              items: {
                type: 'object',
                properties: { speakerName: nameField, speakerId: refField, aboutPersonId: refField, text: textField },
                required: ['speakerName', 'text'],
              },
            },
            decision: textField,
          },
          required: ['title'],
        },
      },
      votes: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            motion: { type: 'string', enum: ['admit', 'confirm', 'extend', 'other'] },
            subject: nameField,
            aboutPersonId: refField,
            method: { type: 'string', enum: ['hands', 'ballot'] },
            excluded: count,
            yes: count,
            no: count,
            abstain: count,
            writtenYes: count,
            writtenNo: count,
            writtenAbstain: count,
            ballotsIssued: count,
            ballotsReturned: count,
          },
          required: ['motion', 'subject', 'method', 'yes', 'no', 'abstain'],
        },
      },
      decisions: stringList,
      status: { type: 'string', enum: ['draft', 'final'] },
      finalizedAt: instantField,
      contentHash: { type: 'string', maxLength: 128 },
      amendments: {
        type: 'array',
        items: {
          type: 'object',
          properties: { date: dateField, by: nameField, text: textField },
          required: ['date', 'by', 'text'],
        },
      },
      note: textField,
    },
    required: ['id', 'orgId', 'createdAt', 'updatedAt', 'updatedBy', 'kind', 'date', 'attendance', 'agenda', 'votes', 'status'],
    indexes: [
      ['orgId', 'date'],
      ['orgId', 'kind', 'date'],
    ],
  };

  const candidateId = '01JD0000000000000000000013';
  const storedV0 = {
    id: '01JD0000000000000000000011',
    orgId: '01JD0000000000000000000002',
    createdAt: '2025-07-01T01:00:00.000Z',
    updatedAt: '2025-07-01T09:00:00.000Z',
    updatedBy: '王建国',
    kind: 'assembly',
    date: '2025-07-01',
    startTime: '09:00',
    endTime: '11:30',
    place: '东风社区党群服务中心二楼会议室',
    topic: '讨论接收李明同志为预备党员',
    hostName: '王建国',
    hostId: '01JD0000000000000000000004',
    recorderName: '李红',
    recorderId: '01JD0000000000000000000005',
    attendance: [
      { personId: '01JD0000000000000000000004', state: 'present' },
      { personId: '01JD0000000000000000000005', state: 'present' },
      { personId: '01JD0000000000000000000006', state: 'leave', reason: '住院治疗' },
      { personId: '01JD0000000000000000000007', state: 'home-study' },
      { personId: '01JD0000000000000000000008', state: 'absent' },
    ],
    guests: [{ name: '张伟', note: '街道工委组织委员' }],
    agenda: [
      {
        title: '讨论接收李明同志为预备党员',
        speeches: [
          { speakerName: '李明', speakerId: candidateId, text: '汇报对党的认识、入党动机和本人履历' },
          { speakerName: '赵刚', speakerId: '01JD0000000000000000000009', aboutPersonId: candidateId, text: '介绍人意见：该同志入党动机端正，表现突出。' },
          { speakerName: '刘芳', text: '支部委员会审查情况：材料齐全。' },
        ],
        decision: '同意接收李明同志为中共预备党员，报上级党组织审批',
      },
      { title: '学习党章第一章' },
    ],
    votes: [
      {
        motion: 'admit',
        subject: '李明',
        aboutPersonId: candidateId,
        method: 'ballot',
        excluded: 1,
        yes: 34,
        no: 0,
        abstain: 1,
        writtenYes: 2,
        writtenNo: 0,
        writtenAbstain: 0,
        ballotsIssued: 35,
        ballotsReturned: 35,
      },
    ],
    decisions: ['同意接收李明同志为中共预备党员'],
    status: 'final',
    finalizedAt: '2025-07-01T09:00:00.000Z',
    contentHash: 'sha256:9f2c4a1e7b3d5f60182a4c6e8b0d2f4a6c8e0b2d4f6a8c0e2b4d6f8a0c2e4b6d',
    amendments: [{ date: '2025-07-03', by: '李红', text: '更正：列席人员张伟职务为街道工委组织委员' }],
    note: '版本 0 时录入',
  };

  const elections = [
    {
      office: 'committee' as const,
      seats: 3,
      electorsExpected: 38,
      electorsPresent: 36,
      ballotsIssued: 36,
      ballotsReturned: 36,
      invalidBallots: 1,
      candidates: [
        { name: '王建国', personId: '01JD0000000000000000000004', votes: 33 },
        { name: '李红', personId: '01JD0000000000000000000005', votes: 30 },
        { name: '赵刚', personId: '01JD0000000000000000000009', votes: 28 },
        { name: '孙丽', votes: 2, writeIn: true },
      ],
    },
  ];

  it('keeps every field of a finalized version-0 meeting, then takes an election', async () => {
    const name = uniqueName();
    const dbs: { close(): Promise<unknown> }[] = [];
    try {
      const old = await openWithOldSchemas(name, { meetings: meetingSchemaV0 });
      dbs.push(old);
      expect(old.meetings.schema.version).toBe(0);
      await old.meetings.insert(storedV0 as never);
      await old.close();

      const migrated = await openDb(name);
      dbs.push(migrated);
      expect(migrated.meetings.schema.version).toBe(1);
      expect(await migrated.meetings.migrationNeeded()).toBe(false);
      await expectVersion0StoreEmpty(name, 'meetings');
      const doc = (await migrated.meetings.findOne(storedV0.id).exec())!;
      expect(doc).not.toBeNull();
      expect(doc.toJSON()).toEqual(storedV0);
      expect(doc.elections).toBeUndefined();

      await doc.incrementalPatch({ elections, updatedAt: '2026-11-23T02:00:00.000Z' });
      const withElection = (await migrated.meetings.findOne(storedV0.id).exec())!;
      expect(withElection.toJSON()).toEqual({ ...storedV0, elections, updatedAt: '2026-11-23T02:00:00.000Z' });
      await migrated.close();

      const again = await openDb(name);
      dbs.push(again);
      const reopened = (await again.meetings.findOne(storedV0.id).exec())!;
      expect(reopened.toJSON()).toEqual({ ...storedV0, elections, updatedAt: '2026-11-23T02:00:00.000Z' });
      expect(await again.meetings.count().exec()).toBe(1);
    } finally {
      await Promise.all(dbs.map((db) => db.close()));
    }
  });
});

describe('people schema version 0 → 1', () => {
  // The people schema as it was stored at version 0 (git HEAD before duesBaseSetOn, duesCategory and `mobile`).
  const personSchemaV0 = {
    title: 'people',
    description: 'Every person a branch tracks: members, candidates, activists, applicants',
    version: 0,
    primaryKey: 'id',
    type: 'object',
    properties: {
      ...baseProperties,
      name: { type: 'string', minLength: 1, maxLength: 40 },
      gender: { type: 'string', enum: ['male', 'female'] },
      ethnicity: { type: 'string', maxLength: 20 },
      birthDate: dateField,
      nativePlace: nameField,
      education: { type: 'string', enum: ['postgraduate', 'bachelor', 'college', 'secondary', 'junior-or-below'] },
      workUnit: { type: 'string', maxLength: 200 },
      position: nameField,
      category: { type: 'string', enum: ['employed', 'retired', 'mobile', 'lost-contact', 'farmer', 'student', 'unemployed', 'other'], maxLength: 20 },
      status: { type: 'string', enum: ['full', 'probationary', 'candidate', 'activist', 'applicant'], maxLength: 20 },
      joinedOn: dateField,
      confirmedOn: dateField,
      groupId: { type: 'string', maxLength: 26 },
      limitedMobility: { type: 'boolean' },
      bedridden: { type: 'boolean' },
      duesBaseFen: { type: 'integer', minimum: 0, maximum: 100000000 },
      onRoll: { type: 'boolean' },
      archived: {
        type: 'object',
        properties: { reason: { type: 'string', enum: ['deceased', 'transferred-out', 'removed', 'withdrew'] }, on: dateField, note: textField },
        required: ['reason', 'on'],
      },
      private: {
        type: 'object',
        properties: {
          idNumber: { type: 'string', maxLength: 18 },
          phone: { type: 'string', maxLength: 40 },
          address: { type: 'string', maxLength: 200 },
          emergencyContact: { type: 'string', maxLength: 100 },
        },
      },
      contactPersonId: refField,
      note: textField,
      searchKeys: { type: 'array', items: { type: 'string', maxLength: 100 } },
      importBatch: { type: 'string', maxLength: 26 },
      history: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            at: instantField,
            by: { type: 'string', maxLength: 64 },
            action: { type: 'string', enum: ['create', 'update', 'archive', 'restore', 'import'] },
            changes: {
              type: 'array',
              items: {
                type: 'object',
                properties: { field: { type: 'string', maxLength: 40 }, from: { type: 'string', maxLength: 400 }, to: { type: 'string', maxLength: 400 } },
                required: ['field'],
              },
            },
          },
          required: ['at', 'by', 'action', 'changes'],
        },
      },
    },
    encrypted: ['private'],
    required: [...baseRequired, 'name', 'gender', 'birthDate', 'category', 'status', 'onRoll', 'history'],
    indexes: [
      ['orgId', 'onRoll', 'status', 'category'],
      ['orgId', 'name'],
    ],
  };

  // Every field of version 0 except `archived`, which the second person (off the roll) has.
  const storedV0 = {
    id: '01JD0000000000000000000021',
    orgId: '01JD0000000000000000000002',
    createdAt: '2024-01-10T02:00:00.000Z',
    updatedAt: '2026-03-02T07:15:00.000Z',
    updatedBy: '李红',
    name: '张秀英',
    gender: 'female',
    ethnicity: '汉族',
    birthDate: '1950-03-15',
    nativePlace: '山东济南',
    education: 'secondary',
    workUnit: '东风纺织厂（已退休）',
    position: '车间主任',
    category: 'mobile',
    status: 'full',
    joinedOn: '1978-06-20',
    confirmedOn: '1979-06-20',
    groupId: '01JD0000000000000000000031',
    limitedMobility: true,
    bedridden: false,
    duesBaseFen: 420000,
    onRoll: true,
    private: { idNumber: '370102195003150028', phone: '13912345678', address: '东风街道幸福里5号楼2单元301室', emergencyContact: '女儿 王芳 13687654321' },
    contactPersonId: '01JD0000000000000000000005',
    note: '随女儿在外地居住',
    searchKeys: ['zhangxiuying', 'zxy'],
    importBatch: '01JD0000000000000000000041',
    history: [
      { at: '2024-01-10T02:00:00.000Z', by: '李红', action: 'import', changes: [] },
      {
        at: '2026-03-02T07:15:00.000Z',
        by: '李红',
        action: 'update',
        changes: [{ field: 'category', from: 'retired', to: 'mobile' }, { field: 'private.phone' }],
      },
    ],
  };

  const archivedV0 = {
    id: '01JD0000000000000000000022',
    orgId: '01JD0000000000000000000002',
    createdAt: '2024-01-10T02:00:00.000Z',
    updatedAt: '2025-12-01T03:00:00.000Z',
    updatedBy: '王建国',
    name: '刘德明',
    gender: 'male',
    birthDate: '1938-11-02',
    category: 'retired',
    status: 'full',
    onRoll: false,
    archived: { reason: 'deceased', on: '2025-11-28', note: '病故' },
    private: { idNumber: '370102193811020013' },
    history: [
      { at: '2024-01-10T02:00:00.000Z', by: '李红', action: 'create', changes: [] },
      { at: '2025-12-01T03:00:00.000Z', by: '王建国', action: 'archive', changes: [{ field: 'onRoll', from: 'true', to: 'false' }] },
    ],
  };

  const added = {
    duesBaseSetOn: '2026-01-15',
    duesCategory: 'retired' as const,
    mobile: { place: '江苏省苏州市工业园区', since: '2026-03-01', contactWay: '电话、微信', hostOrg: '苏州工业园区星湖社区党委', certificateNo: 'LD-2026-0015' },
    updatedAt: '2026-11-23T02:00:00.000Z',
  };

  it('keeps every field of a version-0 person, personal identifiers still encrypted, then takes the dues and 流动党员 fields', async () => {
    const name = uniqueName();
    const dbs: { close(): Promise<unknown> }[] = [];
    try {
      const old = await openWithOldSchemas(name, { people: personSchemaV0 });
      dbs.push(old);
      expect(old.people.schema.version).toBe(0);
      await old.people.bulkInsert([storedV0, archivedV0] as never);
      await old.close();

      const migrated = await openDb(name);
      dbs.push(migrated);
      expect(migrated.people.schema.version).toBe(1);
      expect(await migrated.people.migrationNeeded()).toBe(false);
      await expectVersion0StoreEmpty(name, 'people');
      const doc = (await migrated.people.findOne(storedV0.id).exec())!;
      expect(doc).not.toBeNull();
      expect(doc.toJSON()).toEqual(storedV0);
      expect((await migrated.people.findOne(archivedV0.id).exec())!.toJSON()).toEqual(archivedV0);

      await doc.incrementalPatch(added);
      const patched = (await migrated.people.findOne(storedV0.id).exec())!;
      expect(patched.toJSON()).toEqual({ ...storedV0, ...added });
      await migrated.close();

      // The migration rewrote the documents into the version-1 store: the identifiers are still encrypted there.
      const records = await rawRecords(name, 'people', 1);
      expect(records).toContain(storedV0.name);
      expect(records).toContain(added.mobile.hostOrg);
      for (const secret of [storedV0.private.idNumber, storedV0.private.phone, storedV0.private.address, archivedV0.private.idNumber]) {
        expect(records).not.toContain(secret);
      }

      const again = await openDb(name);
      dbs.push(again);
      expect((await again.people.findOne(storedV0.id).exec())!.toJSON()).toEqual({ ...storedV0, ...added });
      expect((await again.people.findOne(archivedV0.id).exec())!.toJSON()).toEqual(archivedV0);
      expect(await again.people.count().exec()).toBe(2);
    } finally {
      await Promise.all(dbs.map((db) => db.close()));
    }
  });
});

describe('dues schema version 0 → 1', () => {
  // The dues schema as it was stored at version 0 (git HEAD before receiptNo, paymentId and 减免).
  const duesSchemaV0 = {
    title: 'dues',
    description: '党费 ledger: one row per person per month',
    version: 0,
    primaryKey: 'id',
    type: 'object',
    properties: {
      ...baseProperties,
      personId: { type: 'string', maxLength: 26, minLength: 1 },
      month: monthField,
      category: { type: 'string', enum: ['employed', 'retired', 'mobile', 'lost-contact', 'farmer', 'student', 'unemployed', 'other'] },
      baseFen: { type: 'integer', minimum: 0, maximum: 100000000 },
      amountFen: { type: 'integer', minimum: 0, maximum: 10000000 },
      paidFen: { type: 'integer', minimum: 0, maximum: 10000000 },
      paidOn: dateField,
      paidBy: nameField,
      note: textField,
    },
    required: [...baseRequired, 'personId', 'month', 'category', 'amountFen'],
    indexes: [
      ['orgId', 'month'],
      ['personId', 'month'],
    ],
  };

  const storedV0 = {
    id: '01JD0000000000000000000051',
    orgId: '01JD0000000000000000000002',
    createdAt: '2026-10-12T01:30:00.000Z',
    updatedAt: '2026-10-12T01:30:00.000Z',
    updatedBy: '李红',
    personId: '01JD0000000000000000000021',
    month: '2026-10',
    category: 'retired',
    baseFen: 420000,
    amountFen: 2100,
    paidFen: 2100,
    paidOn: '2026-10-12',
    paidBy: '王芳（女儿代交）',
    note: '版本 0 时录入',
  };

  const added = {
    receiptNo: 'DF-2026-0107',
    paymentId: '01JD0000000000000000000061',
    reduction: { decision: '支部委员会2026年9月会议决定：因病减半交纳', approvalNo: '东风工委〔2026〕8号' },
    updatedAt: '2026-11-23T02:00:00.000Z',
  };

  it('keeps every field of a version-0 dues row, then takes a receipt, a payment and 减免', async () => {
    const name = uniqueName();
    const dbs: { close(): Promise<unknown> }[] = [];
    try {
      const old = await openWithOldSchemas(name, { dues: duesSchemaV0 });
      dbs.push(old);
      expect(old.dues.schema.version).toBe(0);
      await old.dues.insert(storedV0 as never);
      await old.close();

      const migrated = await openDb(name);
      dbs.push(migrated);
      expect(migrated.dues.schema.version).toBe(1);
      expect(await migrated.dues.migrationNeeded()).toBe(false);
      await expectVersion0StoreEmpty(name, 'dues');
      const doc = (await migrated.dues.findOne(storedV0.id).exec())!;
      expect(doc).not.toBeNull();
      expect(doc.toJSON()).toEqual(storedV0);

      await doc.incrementalPatch(added);
      expect((await migrated.dues.findOne(storedV0.id).exec())!.toJSON()).toEqual({ ...storedV0, ...added });
      await migrated.close();

      const again = await openDb(name);
      dbs.push(again);
      expect((await again.dues.findOne(storedV0.id).exec())!.toJSON()).toEqual({ ...storedV0, ...added });
      expect(await again.dues.count().exec()).toBe(1);
    } finally {
      await Promise.all(dbs.map((db) => db.close()));
    }
  });

  it('hands the stored version-0 rows to beforeMigration before migrating, and only when a migration is due', async () => {
    const name = uniqueName();
    const dbs: { close(): Promise<unknown> }[] = [];
    try {
      const old = await openWithOldSchemas(name, { dues: duesSchemaV0 });
      dbs.push(old);
      await old.dues.insert(storedV0 as never);
      await createBranch(old, branchInput);
      const person = generateDemoBranch({ today: '2026-11-23' }).people[0]!;
      await old.people.insert(person);
      await old.close();

      const snapshots: StoredSnapshot[] = [];
      const open = () => openBranchDatabase({ name, storage: storage(), multiInstance: false, password: TEST_PASSWORD, beforeMigration: async (s) => void snapshots.push(s) });
      const migrated = await open();
      dbs.push(migrated);
      expect(snapshots).toHaveLength(1);
      expect(snapshots[0]!.schemaVersions.dues).toBe(0);
      expect(snapshots[0]!.collections.dues).toEqual([storedV0]);
      // The collections at the current version are in it too: the snapshot is the whole database.
      expect(snapshots[0]!.collections.orgs!.map((o) => o.name)).toEqual([branchInput.name]);
      // Read as the app reads: personal identifiers decrypted (the backup file encrypts them again).
      expect(snapshots[0]!.collections.people).toEqual([person]);
      expect((await migrated.dues.findOne(storedV0.id).exec())!.toJSON()).toEqual(storedV0);
      await migrated.close();

      const again = await open();
      dbs.push(again);
      expect(snapshots, 'nothing to migrate: no snapshot').toHaveLength(1);
    } finally {
      await Promise.all(dbs.map((db) => db.close()));
    }
  });
});

describe('care schema version 0 → 1', () => {
  // The care schema as it was stored at version 0 (git HEAD before dischargedOn and meetingId).
  const careSchemaV0 = {
    title: 'care',
    description: 'Visits, 送学上门, talks (谈心谈话), hardship help',
    version: 0,
    primaryKey: 'id',
    type: 'object',
    properties: {
      ...baseProperties,
      personId: { type: 'string', maxLength: 26, minLength: 1 },
      kind: { type: 'string', enum: ['visit', 'home-study', 'talk', 'help'], maxLength: 12 },
      occasion: nameField,
      date: dateField,
      visitors: stringList,
      given: { type: 'string', maxLength: 200 },
      material: { type: 'string', maxLength: 200 },
      followUp: textField,
      note: textField,
    },
    required: [...baseRequired, 'personId', 'kind', 'date'],
    indexes: [
      ['orgId', 'date'],
      ['personId', 'date'],
    ],
  };

  const storedV0 = {
    id: '01JD0000000000000000000071',
    orgId: '01JD0000000000000000000002',
    createdAt: '2026-07-03T06:00:00.000Z',
    updatedAt: '2026-07-03T06:00:00.000Z',
    updatedBy: '王建国',
    personId: '01JD0000000000000000000022',
    kind: 'home-study',
    occasion: '生病住院',
    date: '2026-07-03',
    visitors: ['王建国', '李红'],
    given: '水果一篮',
    material: '七一专题党课讲稿',
    followUp: '出院后再上门',
    note: '版本 0 时录入',
  };

  const added = { dischargedOn: '2026-07-20', meetingId: '01JD0000000000000000000011', updatedAt: '2026-11-23T02:00:00.000Z' };

  it('keeps every field of a version-0 care record, then takes the discharge date and the meeting', async () => {
    const name = uniqueName();
    const dbs: { close(): Promise<unknown> }[] = [];
    try {
      const old = await openWithOldSchemas(name, { care: careSchemaV0 });
      dbs.push(old);
      expect(old.care.schema.version).toBe(0);
      await old.care.insert(storedV0 as never);
      await old.close();

      const migrated = await openDb(name);
      dbs.push(migrated);
      expect(migrated.care.schema.version).toBe(1);
      expect(await migrated.care.migrationNeeded()).toBe(false);
      await expectVersion0StoreEmpty(name, 'care');
      const doc = (await migrated.care.findOne(storedV0.id).exec())!;
      expect(doc).not.toBeNull();
      expect(doc.toJSON()).toEqual(storedV0);

      await doc.incrementalPatch(added);
      expect((await migrated.care.findOne(storedV0.id).exec())!.toJSON()).toEqual({ ...storedV0, ...added });
      await migrated.close();

      const again = await openDb(name);
      dbs.push(again);
      expect((await again.care.findOne(storedV0.id).exec())!.toJSON()).toEqual({ ...storedV0, ...added });
      expect(await again.care.count().exec()).toBe(1);
    } finally {
      await Promise.all(dbs.map((db) => db.close()));
    }
  });
});

describe('transfers schema version 0 → 1', () => {
  // The transfers schema as it was stored at version 0 (git HEAD before the letter's personal fields, the
  // encrypted ID number, scope, receivingCommittee and arrivedOn; version 0 encrypted nothing).
  const transferSchemaV0 = {
    title: 'transfers',
    description: '组织关系转接 in and out: the three-part introduction letter and its validity',
    version: 0,
    primaryKey: 'id',
    type: 'object',
    properties: {
      ...baseProperties,
      direction: { type: 'string', enum: ['out', 'in'], maxLength: 3 },
      personId: refField,
      name: { type: 'string', minLength: 1, maxLength: 40 },
      fromOrg: { type: 'string', maxLength: 200 },
      toOrg: { type: 'string', maxLength: 200 },
      letterNo: nameField,
      issuedOn: dateField,
      validDays: { type: 'integer', minimum: 1, maximum: 183 },
      duesPaidTo: monthField,
      receiptOn: dateField,
      state: { type: 'string', enum: ['open', 'done', 'expired', 'cancelled'] },
      note: textField,
    },
    required: [...baseRequired, 'direction', 'name', 'fromOrg', 'toOrg', 'issuedOn', 'state'],
    indexes: [['orgId', 'issuedOn']],
  };

  const storedV0 = {
    id: '01JD0000000000000000000081',
    orgId: '01JD0000000000000000000002',
    createdAt: '2026-09-01T02:00:00.000Z',
    updatedAt: '2026-09-20T02:00:00.000Z',
    updatedBy: '李红',
    direction: 'in',
    personId: '01JD0000000000000000000023',
    name: '陈志强',
    fromOrg: '中共西城街道红星社区委员会',
    toOrg: '东风社区第一党支部',
    letterNo: '西城组转〔2026〕045号',
    issuedOn: '2026-09-01',
    validDays: 30,
    duesPaidTo: '2026-08',
    receiptOn: '2026-09-20',
    state: 'done',
    note: '版本 0 时录入',
  };

  const idNumber = '110102197205180035';
  const added = {
    gender: 'male' as const,
    age: 54,
    ethnicity: '回族',
    partyStatus: 'full' as const,
    private: { idNumber },
    scope: 'province' as const,
    receivingCommittee: '中共东风街道工作委员会',
    arrivedOn: '2026-09-05',
    updatedAt: '2026-11-23T02:00:00.000Z',
  };

  it('keeps every field of a version-0 transfer, then takes the letter fields with the ID number encrypted at rest', async () => {
    const name = uniqueName();
    const dbs: { close(): Promise<unknown> }[] = [];
    try {
      const old = await openWithOldSchemas(name, { transfers: transferSchemaV0 });
      dbs.push(old);
      expect(old.transfers.schema.version).toBe(0);
      await old.transfers.insert(storedV0 as never);
      await old.close();

      const migrated = await openDb(name);
      dbs.push(migrated);
      expect(migrated.transfers.schema.version).toBe(1);
      expect(await migrated.transfers.migrationNeeded()).toBe(false);
      await expectVersion0StoreEmpty(name, 'transfers');
      const doc = (await migrated.transfers.findOne(storedV0.id).exec())!;
      expect(doc).not.toBeNull();
      expect(doc.toJSON()).toEqual(storedV0);

      await doc.incrementalPatch(added);
      expect((await migrated.transfers.findOne(storedV0.id).exec())!.toJSON()).toEqual({ ...storedV0, ...added });
      await migrated.close();

      const records = await rawRecords(name, 'transfers', 1);
      expect(records).toContain(storedV0.name);
      expect(records).toContain(added.receivingCommittee);
      expect(records).not.toContain(idNumber);

      const again = await openDb(name);
      dbs.push(again);
      expect((await again.transfers.findOne(storedV0.id).exec())!.toJSON()).toEqual({ ...storedV0, ...added });
      expect(await again.transfers.count().exec()).toBe(1);
    } finally {
      await Promise.all(dbs.map((db) => db.close()));
    }
  });
});

describe('orgs schema version 0 → 1', () => {
  // The orgs schema as it was stored at version 0 (git HEAD before the dues settings).
  const orgSchemaV0 = {
    title: 'orgs',
    description: '党支部: its details, committee members and terms (换届), party groups (党小组)',
    version: 0,
    primaryKey: 'id',
    type: 'object',
    properties: {
      ...baseProperties,
      name: { type: 'string', minLength: 2, maxLength: 100 },
      level: { type: 'string', enum: ['committee', 'general-branch', 'branch'], maxLength: 20 },
      category: { type: 'string', enum: ['active', 'retired', 'mixed'] },
      parentName: nameField,
      parentId: refField,
      foundedOn: dateField,
      address: { type: 'string', maxLength: 200 },
      committee: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            role: { type: 'string', enum: ['secretary', 'deputy', 'organization', 'publicity', 'discipline', 'other'] },
            title: nameField,
            name: nameField,
            personId: refField,
            since: dateField,
          },
          required: ['role', 'name'],
        },
      },
      terms: {
        type: 'array',
        items: {
          type: 'object',
          properties: { electedOn: dateField, years: { type: 'integer', minimum: 1, maximum: 5 }, note: textField },
          required: ['electedOn', 'years'],
        },
      },
      groups: {
        type: 'array',
        items: { type: 'object', properties: { id: { type: 'string', maxLength: 26 }, name: nameField, leaderId: refField }, required: ['id', 'name'] },
      },
      note: textField,
    },
    required: [...baseRequired, 'name', 'level', 'category', 'parentName', 'committee', 'terms', 'groups'],
    indexes: ['level'],
  };

  const storedV0 = {
    id: '01JD0000000000000000000002',
    orgId: '01JD0000000000000000000002',
    createdAt: '2026-01-03T06:00:00.000Z',
    updatedAt: '2026-01-03T06:00:00.000Z',
    updatedBy: '王建国',
    name: '东风社区第一党支部',
    level: 'branch',
    category: 'retired',
    parentName: '中共东风街道工作委员会',
    foundedOn: '1998-07-01',
    address: '东风路1号',
    committee: [{ role: 'secretary', title: '书记', name: '王建国', personId: '01JD0000000000000000000022', since: '2024-03-01' }],
    terms: [{ electedOn: '2024-03-01', years: 3, note: '第五届' }],
    groups: [{ id: '01JD0000000000000000000031', name: '第一党小组', leaderId: '01JD0000000000000000000022' }],
    note: '版本 0 时录入',
  };

  const added = { dues: { ledgerStart: '2026-01', farmerFen: 50 }, updatedAt: '2026-11-23T02:00:00.000Z' };

  it('keeps every field of a version-0 branch, then takes the dues settings', async () => {
    const name = uniqueName();
    const dbs: { close(): Promise<unknown> }[] = [];
    try {
      const old = await openWithOldSchemas(name, { orgs: orgSchemaV0 });
      dbs.push(old);
      expect(old.orgs.schema.version).toBe(0);
      await old.orgs.insert(storedV0 as never);
      await old.close();

      const migrated = await openDb(name);
      dbs.push(migrated);
      expect(migrated.orgs.schema.version).toBe(1);
      expect(await migrated.orgs.migrationNeeded()).toBe(false);
      await expectVersion0StoreEmpty(name, 'orgs');
      const doc = (await migrated.orgs.findOne(storedV0.id).exec())!;
      expect(doc.toJSON()).toEqual(storedV0);

      await doc.incrementalPatch(added);
      await migrated.close();

      const again = await openDb(name);
      dbs.push(again);
      expect((await again.orgs.findOne(storedV0.id).exec())!.toJSON()).toEqual({ ...storedV0, ...added });
      await expect(again.orgs.findOne(storedV0.id).exec().then((d) => d!.incrementalPatch({ dues: { farmerFen: 5 } }))).rejects.toThrow();
    } finally {
      await Promise.all(dbs.map((db) => db.close()));
    }
  });
});
