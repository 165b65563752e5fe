import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CollectionName } from '../../../shared/model';
import { MAX_PULL_LIMIT, type CommitteeBranchesResponse, type ErrorBody, type PullResponse, type PushResponse, type WireDoc } from '../../../shared/sync/protocol';
import type { Db } from '../db/connect';
import {
  appraisal,
  approval,
  bearer,
  branchDocs,
  login,
  openTestDb,
  pullUrl,
  pushUrl,
  seedTree,
  START_TIMEOUT,
  storedState,
  testServer,
  USERS,
  wire,
  type Tree,
} from '../testing/support';

let db: Db;
let app: FastifyInstance;
let tree: Tree;
/** Branch A's data (demo seed 1) and two of its computers; branch B's data (seed 2); the 党委. */
const a = branchDocs(1);
const b = branchDocs(2);
let a1: string;
let a2: string;
let bToken: string;
let committee: string;

beforeAll(async () => {
  db = await openTestDb();
  tree = await seedTree(db);
  app = await testServer(db);
  a1 = (await login(app, USERS.a, { localOrgId: a.orgId, deviceName: '书记的笔记本' })).accessToken;
  a2 = (await login(app, USERS.a, { localOrgId: a.orgId, deviceName: '组织委员的电脑' })).accessToken;
  bToken = (await login(app, USERS.b, { localOrgId: b.orgId })).accessToken;
  committee = (await login(app, USERS.committee)).accessToken;
}, START_TIMEOUT);
afterAll(async () => {
  await app.close();
  await db.destroy();
});

async function push(token: string, collection: string, docs: WireDoc[] | { newDocumentState: WireDoc; assumedMasterState?: WireDoc }[], url = pushUrl(collection)) {
  const body = { rows: docs.map((row) => ('newDocumentState' in row ? row : { newDocumentState: row })) };
  return app.inject({ method: 'POST', url, headers: bearer(token), payload: body });
}

async function pushAll(token: string, collection: string, docs: WireDoc[]): Promise<void> {
  for (let i = 0; i < docs.length; i += 200) {
    const response = await push(token, collection, docs.slice(i, i + 200));
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<PushResponse>().conflicts).toEqual([]);
  }
}

async function pull(token: string, collection: string, checkpoint = 0, limit = MAX_PULL_LIMIT): Promise<PullResponse> {
  const response = await app.inject({ method: 'GET', url: pullUrl(collection, checkpoint, limit), headers: bearer(token) });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<PullResponse>();
}

/** Every document after `checkpoint`, paging `limit` at a time. */
async function pullAll(token: string, collection: string, checkpoint = 0, limit = MAX_PULL_LIMIT): Promise<{ documents: WireDoc[]; checkpoint: number }> {
  const documents: WireDoc[] = [];
  for (;;) {
    const page = await pull(token, collection, checkpoint, limit);
    documents.push(...page.documents);
    checkpoint = page.checkpoint.seq;
    if (page.documents.length < limit) return { documents, checkpoint };
  }
}

describe('push and pull', () => {
  it("store a branch's documents of every collection and give them back, in sequence order", async () => {
    for (const [collection, docs] of Object.entries(a.docs)) await pushAll(a1, collection, docs);
    for (const [collection, docs] of Object.entries(a.docs)) {
      const pulled = await pullAll(a2, collection);
      expect(pulled.documents).toEqual(docs);
    }
  });

  it('page through a collection with small limits, every document exactly once', async () => {
    const whole = await pullAll(a2, 'dues');
    const paged = await pullAll(a2, 'dues', 0, 7);
    expect(paged.documents.map((doc) => doc.id)).toEqual(whole.documents.map((doc) => doc.id));
    expect(paged.checkpoint).toBe(whole.checkpoint);
    // Nothing new: the checkpoint stays where it is.
    expect(await pull(a2, 'dues', whole.checkpoint)).toEqual({ documents: [], checkpoint: { seq: whole.checkpoint } });
  });

  it(`answer at most ${MAX_PULL_LIMIT} documents, whatever the limit asks`, async () => {
    await pushAll(a1, 'appraisals', Array.from({ length: MAX_PULL_LIMIT + 1 }, () => wire(appraisal(a.orgId))));
    expect((await pull(a2, 'appraisals', 0, 10_000)).documents).toHaveLength(MAX_PULL_LIMIT);
  });

  it('take the same push twice as once: no new sequence number, no conflict', async () => {
    const before = await storedState(db);
    const again = await push(a1, 'people', a.docs.people.slice(0, 20));
    expect(again.json<PushResponse>()).toEqual({ conflicts: [] });
    expect(await storedState(db)).toEqual(before);
  });

  it('take an edit made on the master the client last saw', async () => {
    const { documents } = await pullAll(a2, 'people');
    const master = documents[0]!;
    const edited = { ...master, note: '已搬家，新地址见档案', updatedAt: '2026-11-24T10:00:00.000+08:00' } as WireDoc;
    const before = await storedState(db);
    const response = await push(a2, 'people', [{ newDocumentState: edited, assumedMasterState: master }]);
    expect(response.json<PushResponse>()).toEqual({ conflicts: [] });
    expect((await storedState(db)).maxSeq).toBe(before.maxSeq! + 1);
    const latest = await pull(a1, 'people', before.maxSeq!);
    expect(latest.documents).toEqual([edited]);
  });

  it('answer the current master when the client edited an older one, and keep the master', async () => {
    const { documents } = await pullAll(a1, 'meetings');
    const master = documents[0]!;
    const first = { ...master, updatedAt: '2026-11-24T11:00:00.000+08:00', updatedBy: '书记' } as WireDoc;
    expect((await push(a1, 'meetings', [{ newDocumentState: first, assumedMasterState: master }])).json<PushResponse>().conflicts).toEqual([]);

    const before = await storedState(db);
    const late = { ...master, updatedAt: '2026-11-24T11:05:00.000+08:00', updatedBy: '组织委员' } as WireDoc;
    const conflict = await push(a2, 'meetings', [{ newDocumentState: late, assumedMasterState: master }]);
    expect(conflict.json<PushResponse>()).toEqual({ conflicts: [first] });
    // A client that believes the document is new conflicts too.
    expect((await push(a2, 'meetings', [late])).json<PushResponse>()).toEqual({ conflicts: [first] });
    expect(await storedState(db)).toEqual(before);
  });

  it('store a deletion and hand it on as _deleted', async () => {
    const { documents } = await pullAll(a1, 'care');
    const master = documents[0]!;
    const deleted = { ...master, _deleted: true };
    expect((await push(a1, 'care', [{ newDocumentState: deleted, assumedMasterState: master }])).json<PushResponse>().conflicts).toEqual([]);
    const after = await pullAll(a2, 'care');
    expect(after.documents.find((doc) => doc.id === master.id)).toEqual(deleted);
  });

  it("order by the server's sequence, not by the clocks of the laptops (one a year ahead)", async () => {
    const yearAhead = { ...wire(appraisal(a.orgId)), createdAt: '2027-11-23T09:00:00.000+08:00', updatedAt: '2027-11-23T09:00:00.000+08:00' };
    const start = (await storedState(db)).maxSeq!;
    await pushAll(a1, 'appraisals', [yearAhead]);
    // The other laptop, with a correct clock, edits it afterwards: accepted, and later in the sequence.
    const edited = { ...yearAhead, stage: 'mutual-review', updatedAt: '2026-11-23T15:00:00.000+08:00' } as WireDoc;
    const response = await push(a2, 'appraisals', [{ newDocumentState: edited, assumedMasterState: yearAhead }]);
    expect(response.json<PushResponse>().conflicts).toEqual([]);
    const pulled = await pull(a1, 'appraisals', start);
    expect(pulled.documents).toEqual([edited]);
    const row = await db.selectFrom('docs').select('updated_at').where('id', '=', yearAhead.id).executeTakeFirstOrThrow();
    expect(Math.abs(row.updated_at.getTime() - Date.now())).toBeLessThan(60_000);
  });
});

describe('validation', () => {
  it('refuses a batch with one invalid document, naming collection, id and field, and stores none of it', async () => {
    const extra = branchDocs(11).docs.people.map((doc) => ({ ...doc, orgId: a.orgId }));
    const bad = { ...extra[3]!, name: 42 } as unknown as WireDoc;
    const before = await storedState(db);
    const response = await push(a1, 'people', [...extra.slice(0, 3), bad, ...extra.slice(4, 10)]);
    expect(response.statusCode).toBe(400);
    expect(response.json<ErrorBody>()).toEqual({ error: 'invalid-document', message: `people 中的文档 ${bad.id} 不符合格式：字段 /name 的类型应为 string。这批数据没有保存。` });
    expect(await storedState(db)).toEqual(before);
  });

  it.each([
    ['a missing required field', (doc: Record<string, unknown>) => delete doc.updatedBy, '缺少必填字段 /updatedBy'],
    ['RxDB bookkeeping left in', (doc: Record<string, unknown>) => (doc._rev = '1-abc'), '多出了不认识的字段 /_rev'],
    ['no _deleted', (doc: Record<string, unknown>) => delete doc._deleted, '缺少必填字段 /_deleted'],
    ['an id that is not a ULID', (doc: Record<string, unknown>) => (doc.id = 'not-a-ulid'), '字段 /id 的格式不对'],
    ['a NUL character', (doc: Record<string, unknown>) => (doc.note = 'a\u0000b'), '字段 /note 含有不允许的控制字符'],
  ])('refuses %s', async (_what, spoil, message) => {
    const doc = { ...wire(appraisal(a.orgId)) } as Record<string, unknown>;
    spoil(doc);
    const response = await push(a1, 'appraisals', [doc as unknown as WireDoc]);
    expect(response.statusCode).toBe(400);
    expect(response.json<ErrorBody>().message).toContain(message);
  });

  it('refuses rows without newDocumentState', async () => {
    const response = await app.inject({ method: 'POST', url: pushUrl('people'), headers: bearer(a1), payload: { rows: [{ assumedMasterState: null }] } });
    expect(response.statusCode).toBe(400);
    expect(response.json<ErrorBody>().message).toBe('第 1 条记录缺少 newDocumentState。');
  });
});

describe('schema versions', () => {
  it.each([
    ['pull', 'GET'],
    ['push', 'POST'],
  ] as const)('must match on %s: an older app is asked to upgrade, a newer one told the server is behind', async (action, method) => {
    const at = (schemaVersion: number) => (action === 'pull' ? pullUrl('people', 0, 10, schemaVersion) : pushUrl('people', schemaVersion));
    const older = await app.inject({ method, url: at(0), headers: bearer(a1), payload: method === 'POST' ? { rows: [] } : undefined });
    expect(older.statusCode).toBe(409);
    expect(older.json<ErrorBody>()).toMatchObject({ error: 'client-outdated', message: expect.stringMatching(/^请升级支部工作台/) });
    const newer = await app.inject({ method, url: at(2), headers: bearer(a1), payload: method === 'POST' ? { rows: [] } : undefined });
    expect(newer.statusCode).toBe(409);
    expect(newer.json<ErrorBody>()).toMatchObject({ error: 'server-outdated', message: expect.stringMatching(/^服务器版本较旧/) });
  });

  it('is required', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/sync/people/pull?checkpoint=0', headers: bearer(a1) });
    expect(response.statusCode).toBe(400);
    expect(response.json<ErrorBody>().message).toBe('请求缺少 schemaVersion。');
  });
});

describe('sync URLs', () => {
  it('answer 404 for a collection the server does not have', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/sync/secrets/pull?schemaVersion=0', headers: bearer(a1) });
    expect(response.statusCode).toBe(404);
    expect(response.json<ErrorBody>()).toEqual({ error: 'unknown-collection', message: '服务器上没有「secrets」这类数据。' });
  });

  it('refuse a checkpoint that is not a whole number', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/sync/people/pull?schemaVersion=1&checkpoint=-3', headers: bearer(a1) });
    expect(response.statusCode).toBe(400);
    expect(response.json<ErrorBody>().message).toContain('checkpoint');
  });
});

describe('a committee', () => {
  it('reads every branch of its subtree, including those under its 党总支', async () => {
    await pushAll(bToken, 'people', b.docs.people);
    const { documents } = await pullAll(committee, 'people');
    const orgIds = new Set(documents.map((doc) => doc.orgId));
    expect(orgIds).toEqual(new Set([a.orgId, b.orgId]));
  });

  it('writes approvals that its branch then reads', async () => {
    const decision = approval(a.orgId, tree.committee.id, a.docs.dossiers[0]!.id);
    const start = (await pullAll(a1, 'approvals')).checkpoint;
    const response = await push(committee, 'approvals', [decision]);
    expect(response.json<PushResponse>()).toEqual({ conflicts: [] });
    expect((await pull(a1, 'approvals', start)).documents).toEqual([decision]);
    expect((await pull(bToken, 'approvals', start)).documents).toEqual([]);
  });

  it('sees its orgs with their last sync and document counts', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/committee/branches', headers: bearer(committee) });
    expect(response.statusCode).toBe(200);
    const { branches } = response.json<CommitteeBranchesResponse>();
    expect(branches.map((org) => org.name).sort()).toEqual(['办公室党支部', '机关党总支', '离退休干部党支部'].sort());
    const branchA = branches.find((org) => org.id === tree.a.id)!;
    expect(branchA).toMatchObject({ kind: 'branch', parentId: tree.committee.id, dataOrgId: a.orgId, lastSyncAt: expect.any(String) });
    const liveCare = a.docs.care.length - 1; // one was deleted above
    expect(branchA.docCounts).toMatchObject({ orgs: 1, people: a.docs.people.length, dues: a.docs.dues.length, care: liveCare, approvals: 1 } satisfies Partial<Record<CollectionName, number>>);
    expect(branches.find((org) => org.name === '机关党总支')).toMatchObject({ kind: 'general-branch', dataOrgId: null, docCounts: {} });
  });

  it('of one 党总支 sees only its own branches', async () => {
    const general = (await login(app, USERS.general)).accessToken;
    const { documents } = await pullAll(general, 'people');
    expect(new Set(documents.map((doc) => doc.orgId))).toEqual(new Set([b.orgId]));
  });
});
