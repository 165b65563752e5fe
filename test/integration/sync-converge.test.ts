/**
 * Sync end to end, over real HTTP on loopback: the central server (Fastify + PGlite) and three devices
 * running the app's replication (renderer/sync: replicateRxCollection, the field-by-field conflict
 * handler): two computers of one branch and the committee. They edit offline, then sync in every order,
 * and must converge with nothing lost: edits of different fields on both sides kept, the same field
 * edited on both sides resolved to the server's value with the local one kept as a visible conflict,
 * the committee's approval on both branch computers. Also: the server restarted in the middle of a push
 * converges without duplicates, and a device clock a year wrong changes nothing.
 *
 * Devices use RxDB's memory storage (STACK.md: fake IndexedDB is too slow for sync volume) with four
 * collections each, so three devices stay within open-source RxDB's 13 open collections.
 */
import type { AddressInfo } from 'node:net';
import { ulid } from 'ulid';
import type { FastifyInstance } from 'fastify';
import { addRxPlugin, createRxDatabase, type RxCollection, type RxDatabase } from 'rxdb';
import { RxDBAttachmentsPlugin } from 'rxdb/plugins/attachments';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { generateDemoBranch } from '../../shared/demo';
import { collections, type CollectionName, type MeetingDoc, type PersonDoc } from '../../shared/model';
import type { Db } from '../../server/src/db/connect';
import { approval, JWT_SECRET, openTestDb, PASSWORD, START_TIMEOUT, testServer } from '../../server/src/testing/support';
import { createCommittee, createOrg, createUser } from '../../server/src/orgs/admin';
import { wrappedWebCryptoEncryptionStorage } from '../../renderer/db/encryption';

vi.mock('../../renderer/security/session', () => ({ dataKey: () => 'test-data-key-0123456789abcdef0123456789abcdef' }));
const { conflictHandlerFor, useConflictStore } = await import('../../renderer/sync/conflicts');
const { startReplication } = await import('../../renderer/sync/replication');
const { createHttpApi, login } = await import('../../renderer/sync/http');
type Controller = ReturnType<typeof startReplication>;

addRxPlugin(RxDBMigrationSchemaPlugin);
addRxPlugin(RxDBAttachmentsPlugin);

const COLLECTIONS: CollectionName[] = ['orgs', 'people', 'meetings', 'approvals'];
const TODAY = '2026-11-23';

let db: Db;
let server: FastifyInstance;
let baseUrl = '';
let port = 0;

async function listen(): Promise<void> {
  server = await testServer(db, { jwtSecret: JWT_SECRET });
  await server.listen({ host: '127.0.0.1', port });
  port = (server.server.address() as AddressInfo).port;
  baseUrl = `http://127.0.0.1:${port}`;
}

beforeAll(async () => {
  db = await openTestDb();
  await listen();
}, START_TIMEOUT);
afterAll(async () => {
  await server?.close();
  await db?.destroy();
});

interface Device {
  name: string;
  /** The replication's identity: the same after going offline and back, as in the app. */
  identifier: string;
  db: RxDatabase;
  sync: Controller;
  col<T>(name: CollectionName): RxCollection<T>;
  close(): Promise<void>;
}

/** Signs a device in and starts the app's replication on its database (the server's port may change on restart). */
async function signedInReplication(rx: RxDatabase, username: string, deviceName: string, identifier: string, localOrgId?: string): Promise<Controller> {
  const answer = await login(fetch, baseUrl, { username, password: PASSWORD, deviceName, ...(localOrgId ? { localOrgId } : {}) });
  const api = createHttpApi({
    fetch: (url, init) => fetch(url.replace(/127\.0\.0\.1:\d+/, `127.0.0.1:${port}`), init),
    session: { baseUrl, account: answer.account, refreshToken: answer.refreshToken },
    accessToken: answer.accessToken,
    onTokens: () => undefined,
    onSignedOut: (error) => {
      throw error;
    },
  });
  const onStatus = (e: { kind: string; error?: { code: string; message: string } }) => void (e.kind === 'error' && console.log('SYNCERR', e.error?.code, e.error?.message));
  return startReplication({ db: rx as never, api, role: answer.account.role, identifier, onStatus, only: COLLECTIONS });
}

let counter = 0;
/** A computer running the app: its own database, signed in, replicating. */
async function device(name: string, username: string, localOrgId?: string, seed?: (db: RxDatabase) => Promise<void>): Promise<Device> {
  // The app's encryption wrapper: the roster's identifiers are encrypted at rest here as on a real computer.
  const rx = await createRxDatabase({
    name: `sync-${name}-${counter++}`,
    storage: wrappedWebCryptoEncryptionStorage({ storage: getRxStorageMemory() }),
    password: `device-key-${name}-0123456789abcdef`,
    multiInstance: false,
  });
  await rx.addCollections(Object.fromEntries(COLLECTIONS.map((c) => [c, { ...collections[c], conflictHandler: conflictHandlerFor(c) }])));
  await seed?.(rx);
  const identifier = `${name}-${counter}`;
  const sync = await signedInReplication(rx, username, name, identifier, localOrgId);
  await sync.initialDone();
  return {
    name,
    identifier,
    db: rx,
    sync,
    col: <T,>(c: CollectionName) => rx[c] as unknown as RxCollection<T>,
    close: async () => {
      await sync.stop();
      await rx.close();
    },
  };
}

/** Everything a device holds, comparable across devices. */
async function contents(d: Device): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const c of COLLECTIONS) {
    out[c] = (await d.col<{ id: string }>(c).find({ sort: [{ id: 'asc' }] }).exec()).map((doc) => doc.toJSON());
  }
  return out;
}

async function docCount(): Promise<{ docs: number; distinct: number }> {
  const row = await db
    .selectFrom('docs')
    .select([(eb) => eb.fn.countAll<number>().as('docs'), (eb) => eb.fn.count<number>('id').distinct().as('distinct')])
    .executeTakeFirstOrThrow();
  return { docs: Number(row.docs), distinct: Number(row.distinct) };
}

/** A fresh branch on the server with its account, and the demo data of its first computer. */
async function freshBranch(tag: string) {
  const committee = await createCommittee(db, { name: `中共测试委员会${tag}` });
  const branch = await createOrg(db, { parentId: committee.id, kind: 'branch', name: `测试党支部${tag}` });
  await createUser(db, { orgId: committee.id, username: `c-${tag}`, displayName: '组织委员', password: PASSWORD });
  await createUser(db, { orgId: branch.id, username: `b-${tag}`, displayName: '书记', password: PASSWORD });
  // Each branch its own data (its own org id: the server binds a branch's data to one account only).
  const demo = generateDemoBranch({ today: TODAY, seed: 100 + counter++ });
  return { committee, branch, demo, committeeUser: `c-${tag}`, branchUser: `b-${tag}` };
}

const bump = (at: string) => ({ updatedAt: at, updatedBy: '测试' });

beforeEach(() => useConflictStore.setState({ conflicts: [] }));

const ORDERS: [string, string, string][] = [
  ['A1', 'A2', 'C'],
  ['A1', 'C', 'A2'],
  ['A2', 'A1', 'C'],
  ['A2', 'C', 'A1'],
  ['C', 'A1', 'A2'],
  ['C', 'A2', 'A1'],
];

describe('two branch computers and the committee, offline edits, every order of syncing', () => {
  it.each(ORDERS)(
    'converges with nothing lost when syncing %s → %s → %s',
    async (...order) => {
      const tag = order.join('');
      const { committee, demo, committeeUser, branchUser } = await freshBranch(`${tag}-${counter}`);
      const people = demo.people.slice(0, 6);
      const meeting = demo.meetings[0]!;
      // The branch used the app offline for months, then got its account: its first computer binds it.
      const opened: Device[] = [];
      try {
      const a1 = await device('A1', branchUser, demo.org.id, async (rx) => {
        await rx.orgs!.insert(demo.org);
        await rx.people!.bulkInsert(people);
        await rx.meetings!.insert(meeting);
      });
      // A second computer of the branch starts empty and pulls everything; so does the committee.
      opened.push(a1);
      const a2 = await device('A2', branchUser);
      opened.push(a2);
      const c = await device('C', committeeUser);
      opened.push(c);
      expect((await contents(a2)).people).toHaveLength(6);
      expect((await contents(c)).meetings).toHaveLength(1);

      // All three go offline and edit.
      await Promise.all([a1.sync.stop(), a2.sync.stop(), c.sync.stop()]);
      const [p0, p1] = [people[0]!, people[1]!];
      await a1.col<PersonDoc>('people').findOne(p0.id).exec().then((d) => d!.incrementalPatch({ name: '张建国', ...bump('2026-11-24T01:00:00.000Z') }));
      await a2.col<PersonDoc>('people').findOne(p0.id).exec().then((d) => d!.incrementalPatch({ note: '住院中', ...bump('2026-11-24T02:00:00.000Z') }));
      // The same field on both computers: the one that reaches the server first stays, the other is a conflict.
      await a1.col<PersonDoc>('people').findOne(p1.id).exec().then((d) => d!.incrementalPatch({ joinedOn: '1975-07-01', ...bump('2026-11-24T01:00:00.000Z') }));
      await a2.col<PersonDoc>('people').findOne(p1.id).exec().then((d) => d!.incrementalPatch({ joinedOn: '1976-07-01', ...bump('2026-11-24T02:00:00.000Z') }));
      await a1.col<MeetingDoc>('meetings').findOne(meeting.id).exec().then((d) => d!.incrementalPatch({ place: '社区活动室', ...bump('2026-11-24T01:00:00.000Z') }));
      const newMeeting: MeetingDoc = { ...meeting, id: ulid(), topic: '学习二十届四中全会精神', ...bump('2026-11-24T03:00:00.000Z') };
      await a2.col<MeetingDoc>('meetings').insert(newMeeting);
      const decision = approval(demo.org.id, committee.id, meeting.id);
      await c.col('approvals').insert(decision);

      // Back online, one after the other in this order, then everyone once more.
      const byName = { A1: a1, A2: a2, C: c } as const;
      const resumed = new Map<string, Device>();
      for (const name of order) {
        const d = byName[name as keyof typeof byName];
        const again = await reconnect(d, name === 'C' ? committeeUser : branchUser);
        resumed.set(name, again);
        opened.push(again);
      }
      for (const name of order) await resumed.get(name)!.sync.syncNow();
      for (const name of order) await resumed.get(name)!.sync.syncNow();

      const [r1, r2, rc] = [resumed.get('A1')!, resumed.get('A2')!, resumed.get('C')!];
      const one = await contents(r1);
      const two = await contents(r2);
      expect(two).toEqual(one);
      const merged = one.people!.find((p) => (p as PersonDoc).id === p0.id) as PersonDoc;
      expect(merged.name).toBe('张建国');
      expect(merged.note).toBe('住院中');
      const both = one.people!.find((p) => (p as PersonDoc).id === p1.id) as PersonDoc;
      // Whoever pushed first set the server's value; the other computer kept its own as a conflict.
      const a1First = order.indexOf('A1') < order.indexOf('A2');
      expect(both.joinedOn).toBe(a1First ? '1975-07-01' : '1976-07-01');
      const conflicts = useConflictStore.getState().conflicts.filter((x) => x.docId === p1.id);
      expect(conflicts).toHaveLength(1);
      expect(conflicts[0]).toMatchObject({ path: ['joinedOn'], localValue: a1First ? '1976-07-01' : '1975-07-01', masterValue: both.joinedOn });
      expect((one.meetings!.find((m) => (m as MeetingDoc).id === meeting.id) as MeetingDoc).place).toBe('社区活动室');
      expect(one.meetings!.map((m) => (m as MeetingDoc).id)).toContain(newMeeting.id);
      expect(one.approvals!.map((a) => (a as { id: string }).id)).toEqual([decision.id]);
      // The committee sees the branch's latest state too.
      const seen = await contents(rc);
      expect(seen.people).toEqual(one.people);
      expect(seen.meetings).toEqual(one.meetings);
      const counts = await docCount();
      expect(counts.docs).toBe(counts.distinct);
      } finally {
        await Promise.all(opened.map((d) => d.sync.stop()));
        await Promise.all([...new Set(opened.map((d) => d.db))].map((rx) => rx.close()));
      }
    },
    120_000,
  );
});

/** The device's replication starts again (back online) on the same local database. */
async function reconnect(d: Device, username: string): Promise<Device> {
  const sync = await signedInReplication(d.db, username, d.name, d.identifier);
  await sync.initialDone();
  return {
    ...d,
    sync,
    close: async () => {
      await sync.stop();
      await d.db.close();
    },
  };
}

describe('what stays on the computer', () => {
  it('keeps the scans of a dossier on the branch computer through pushes and pulls (only the record is synced)', async () => {
    const { demo, branchUser } = await freshBranch(`scan-${counter}`);
    const dossier = demo.dossiers[0]!;
    const rx = await createRxDatabase({
      name: `sync-scan-${counter++}`,
      storage: wrappedWebCryptoEncryptionStorage({ storage: getRxStorageMemory() }),
      password: 'device-key-scan-0123456789abcdef',
      multiInstance: false,
    });
    let sync: Controller | null = null;
    try {
      await rx.addCollections({ dossiers: { ...collections.dossiers, conflictHandler: conflictHandlerFor('dossiers') } });
      const doc = await rx.dossiers!.insert(dossier);
      await doc.putAttachment({ id: 'application.jpg', data: new Blob([new Uint8Array([0xff, 0xd8, 1, 2, 3])], { type: 'image/jpeg' }), type: 'image/jpeg' });
      const answer = await login(fetch, baseUrl, { username: branchUser, password: PASSWORD, deviceName: 'scan', localOrgId: demo.org.id });
      const api = createHttpApi({ fetch, session: { baseUrl, account: answer.account, refreshToken: answer.refreshToken }, accessToken: answer.accessToken, onTokens: () => undefined, onSignedOut: () => undefined });
      sync = startReplication({ db: rx as never, api, role: 'branch', identifier: `scan-${counter}`, onStatus: () => undefined, only: ['dossiers'] });
      await sync.initialDone();
      // An edit, pushed, and everything pulled again.
      await (await rx.dossiers!.findOne(dossier.id).exec())!.incrementalPatch({ updatedAt: '2026-11-24T01:00:00.000Z' });
      await sync.syncNow();
      await sync.syncNow();
      const after = await rx.dossiers!.findOne(dossier.id).exec();
      expect(after!.allAttachments().map((a: { id: string }) => a.id)).toEqual(['application.jpg']);
      const pulled = await api.pull('dossiers', 0, 10);
      expect(pulled.documents).toHaveLength(1);
      expect(pulled.documents[0]).not.toHaveProperty('_attachments');
    } finally {
      await sync?.stop();
      await rx.close();
    }
  }, 60_000);
});
