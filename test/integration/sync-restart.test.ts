/**
 * Sync through a bad link and a restarted server, at the level of the app's replication:
 * - the server restarts in the middle of a push (the batch was stored, the answer never arrived): the
 *   device sends it again, the server takes it as already there, nothing is stored twice;
 * - a device whose clock is a year wrong syncs exactly like one with the right time: what it changed
 *   wins where it changed alone, the server's order is its own sequence, nothing is dropped.
 */
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { addRxPlugin, createRxDatabase, type RxDatabase } from 'rxdb';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { generateDemoBranch } from '../../shared/demo';
import { collections, type CollectionName, type PersonDoc } from '../../shared/model';
import type { Db } from '../../server/src/db/connect';
import { createCommittee, createOrg, createUser } from '../../server/src/orgs/admin';
import { JWT_SECRET, openTestDb, PASSWORD, START_TIMEOUT, testServer } from '../../server/src/testing/support';
import { wrappedWebCryptoEncryptionStorage } from '../../renderer/db/encryption';

vi.mock('../../renderer/security/session', () => ({ dataKey: () => 'test-data-key-0123456789abcdef0123456789abcdef' }));
const { conflictHandlerFor } = await import('../../renderer/sync/conflicts');
const { startReplication } = await import('../../renderer/sync/replication');
const { createHttpApi, login } = await import('../../renderer/sync/http');

addRxPlugin(RxDBMigrationSchemaPlugin);
const COLLECTIONS: CollectionName[] = ['orgs', 'people'];

let db: Db;
let server: FastifyInstance;
let port = 0;
const base = () => `http://127.0.0.1:${port}`;

async function listen(): Promise<void> {
  server = await testServer(db, { jwtSecret: JWT_SECRET });
  await server.listen({ host: '127.0.0.1', port });
  port = (server.server.address() as AddressInfo).port;
}

beforeAll(async () => {
  db = await openTestDb();
  await listen();
}, START_TIMEOUT);
afterAll(async () => {
  await server?.close();
  await db?.destroy();
});

let counter = 0;
async function branchDevice(tag: string, fetchImpl: typeof fetch) {
  const committee = await createCommittee(db, { name: `中共测试委员会${tag}` });
  const branch = await createOrg(db, { parentId: committee.id, kind: 'branch', name: `测试党支部${tag}` });
  await createUser(db, { orgId: branch.id, username: `b-${tag}`, displayName: '书记', password: PASSWORD });
  const demo = generateDemoBranch({ today: '2026-11-23', seed: 500 + counter++ });
  const rx: RxDatabase = await createRxDatabase({
    name: `restart-${tag}-${counter++}`,
    storage: wrappedWebCryptoEncryptionStorage({ storage: getRxStorageMemory() }),
    password: `device-key-${tag}-0123456789abcdef`,
    multiInstance: false,
  });
  await rx.addCollections(Object.fromEntries(COLLECTIONS.map((c) => [c, { ...collections[c], conflictHandler: conflictHandlerFor(c) }])));
  await rx.orgs!.insert(demo.org);
  await rx.people!.bulkInsert(demo.people.slice(0, 10));
  const answer = await login(fetch, base(), { username: `b-${tag}`, password: PASSWORD, deviceName: tag, localOrgId: demo.org.id });
  const api = createHttpApi({
    fetch: fetchImpl,
    session: { baseUrl: base(), account: answer.account, refreshToken: answer.refreshToken },
    accessToken: answer.accessToken,
    onTokens: () => undefined,
    onSignedOut: () => undefined,
  });
  const sync = startReplication({ db: rx as never, api, role: 'branch', identifier: tag, onStatus: () => undefined, only: COLLECTIONS });
  return { rx, sync, demo };
}

async function serverRows(orgId: string): Promise<{ rows: number; distinct: number }> {
  const row = await db
    .selectFrom('docs')
    .where('org_id', '=', orgId)
    .select([(eb) => eb.fn.countAll<number>().as('rows'), (eb) => eb.fn.count<number>('id').distinct().as('distinct')])
    .executeTakeFirstOrThrow();
  return { rows: Number(row.rows), distinct: Number(row.distinct) };
}

it('converges without duplicates when the server restarts after storing a push whose answer was lost', async () => {
  let dropNextPushAnswer = true;
  // The link: a push reaches the server and is stored, then the server restarts before it answers.
  const flaky: typeof fetch = async (input, init) => {
    const url = String(input).replace(/127\.0\.0\.1:\d+/, `127.0.0.1:${port}`);
    const response = await fetch(url, init);
    if (dropNextPushAnswer && url.includes('/push')) {
      dropNextPushAnswer = false;
      await server.close();
      await listen();
      throw new TypeError('fetch failed: connection reset');
    }
    return response;
  };
  const { rx, sync, demo } = await branchDevice('restart', flaky);
  try {
    await sync.initialDone();
    await sync.syncNow();
    expect(dropNextPushAnswer).toBe(false);
    const stored = await serverRows(demo.org.id);
    expect(stored).toEqual({ rows: 11, distinct: 11 });
  } finally {
    await sync.stop();
    await rx.close();
  }
}, 120_000);

it('gives the same result with a device clock a year ahead: the edit it made alone wins, nothing is lost', async () => {
  // The device's clock shows in what it writes (updatedAt); the server neither orders nor decides by it.
  const { rx, sync, demo } = await branchDevice('clock', (input, init) => fetch(String(input).replace(/127\.0\.0\.1:\d+/, `127.0.0.1:${port}`), init));
  try {
    await sync.initialDone();
    const person = demo.people[3]!;
    await (await rx.people!.findOne(person.id).exec())!.incrementalPatch({ name: '改名测试', updatedAt: '2027-11-23T09:00:00.000Z' });
    await sync.syncNow();
    const stored = await db.selectFrom('docs').where('id', '=', person.id).select(['data', 'updated_at']).executeTakeFirstOrThrow();
    expect((stored.data as PersonDoc).name).toBe('改名测试');
    // The server stamped its own time, not the device's year-ahead one.
    expect(new Date(stored.updated_at as unknown as string).getFullYear()).toBeLessThan(2027);
    expect(await serverRows(demo.org.id)).toEqual({ rows: 11, distinct: 11 });
  } finally {
    await sync.stop();
    await rx.close();
  }
}, 120_000);
