/**
 * STACK.md pitfall: a pull must never miss a row that commits after a row with a larger sequence
 * number. Several computers push at once while another pages through with a small limit; at the
 * end it must have seen every document exactly once. Against PGlite always, and against
 * PostgreSQL (several connections, real concurrency) when TEST_DATABASE_URL is set.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PullResponse, WireDoc } from '../../../shared/sync/protocol';
import type { Db } from '../db/connect';
import { serverNow } from '../db/server-time';
import { appraisal, bearer, branchDocs, login, openPostgresTestDb, openTestDb, pullUrl, pushUrl, rows, seedTree, START_TIMEOUT, testServer, USERS, wire } from '../testing/support';
import { pullChanges } from './pull';
import { lockDocsForWrite, nextSeq } from './sequence';

const PUSHERS = 6;
const BATCHES = 12;
const BATCH_SIZE = 4;
const PAGE = 3;

function scenario(open: () => Promise<{ db: Db; close: () => Promise<void> }>) {
  let app: FastifyInstance;
  let db: Db;
  let close: () => Promise<void>;
  const a = branchDocs(1);

  beforeAll(async () => {
    const opened = await open();
    db = opened.db;
    close = opened.close;
    await seedTree(opened.db);
    app = await testServer(opened.db);
  }, START_TIMEOUT);
  afterAll(async () => {
    await app?.close();
    await close?.();
  });

  it('a puller paging with a small limit sees every document of concurrent pushes exactly once', async () => {
    const pushers = await Promise.all(Array.from({ length: PUSHERS }, (_, i) => login(app, USERS.a, { localOrgId: a.orgId, deviceName: `电脑${i + 1}` })));
    const puller = (await login(app, USERS.committee)).accessToken;
    const pushed: string[] = [];
    let pushing = true;

    const pushAll = async (token: string) => {
      for (let batch = 0; batch < BATCHES; batch++) {
        const docs = Array.from({ length: BATCH_SIZE }, () => wire(appraisal(a.orgId)));
        const response = await app.inject({ method: 'POST', url: pushUrl('appraisals'), headers: bearer(token), payload: { rows: rows(docs) } });
        expect(response.statusCode, response.body).toBe(200);
        pushed.push(...docs.map((doc) => doc.id));
      }
    };

    const seen: string[] = [];
    let checkpoint = 0;
    const pullPage = async (): Promise<WireDoc[]> => {
      const response = await app.inject({ method: 'GET', url: pullUrl('appraisals', checkpoint, PAGE), headers: bearer(puller) });
      const page = response.json<PullResponse>();
      seen.push(...page.documents.map((doc) => doc.id));
      checkpoint = page.checkpoint.seq;
      return page.documents;
    };
    const pullWhilePushing = async () => {
      while (pushing) await pullPage();
      // Catch up with what committed after the last page.
      while ((await pullPage()).length > 0);
    };

    const pulling = pullWhilePushing();
    await Promise.all(pushers.map((session) => pushAll(session.accessToken)));
    pushing = false;
    await pulling;

    expect(pushed).toHaveLength(PUSHERS * BATCHES * BATCH_SIZE);
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual([...pushed].sort());
  });

  it('a writer that took a number and has not committed yet holds back every later writer', async () => {
    // The race made slow on purpose: the first writer waits between taking its number and committing.
    const write = (id: string, pause: number, started?: () => void) =>
      db.transaction().execute(async (trx) => {
        await lockDocsForWrite(trx);
        const doc = { ...wire(appraisal(a.orgId)), id };
        await trx
          .insertInto('docs')
          .values({ collection: 'appraisals', id, org_id: a.orgId, seq: nextSeq, deleted: false, data: JSON.stringify(doc), updated_at: serverNow, updated_by_device: null })
          .execute();
        started?.();
        await new Promise((resolve) => setTimeout(resolve, pause));
      });
    const pull = (after: number) => pullChanges(db, { collection: 'appraisals', orgIds: [a.orgId], after, limit: 100 });
    const latest = await db.selectFrom('docs').select((eb) => eb.fn.max('seq').as('seq')).executeTakeFirstOrThrow();
    const checkpoint = latest.seq ?? 0;

    let slowStarted!: () => void;
    const started = new Promise<void>((resolve) => (slowStarted = resolve));
    const slow = write('01SLOWWRITER00000000000000', 300, slowStarted);
    await started;
    const fast = write('01FASTWRITER00000000000000', 0);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const during = await pull(checkpoint);
    await Promise.all([slow, fast]);
    const after = await pull(during.checkpoint.seq);
    const seen = [...during.documents, ...after.documents].map((doc) => doc.id);
    expect(seen.sort()).toEqual(['01FASTWRITER00000000000000', '01SLOWWRITER00000000000000']);
  });
}

describe('concurrent pushes on PGlite', () => {
  scenario(async () => {
    const db = await openTestDb();
    return { db, close: () => db.destroy() };
  });
});

const url = process.env.TEST_DATABASE_URL;
describe.skipIf(!url)(`concurrent pushes on PostgreSQL (${url ? 'TEST_DATABASE_URL' : 'skipped: set TEST_DATABASE_URL=postgres://… to run'})`, () => {
  scenario(async () => {
    const { db, drop } = await openPostgresTestDb(url!);
    return { db, close: drop };
  });
});
