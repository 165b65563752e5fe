/**
 * The security matrix: every endpoint that needs an account refuses every kind of bad token, and
 * every write outside an account's scope is refused whole, with nothing stored.
 */
import type { FastifyInstance, InjectOptions } from 'fastify';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, MAX_PUSH_ROWS, type ErrorBody, type PullResponse, type WireDoc } from '../../shared/sync/protocol';
import { signAccessToken } from './auth/tokens';
import type { Db } from './db/connect';
import {
  appraisal,
  approval,
  bearer,
  branchDocs,
  JWT_SECRET,
  login,
  openTestDb,
  pullUrl,
  pushUrl,
  rows,
  seedTree,
  START_TIMEOUT,
  storedState,
  testServer,
  USERS,
  type Tree,
} from './testing/support';

let db: Db;
let app: FastifyInstance;
let tree: Tree;
const a = branchDocs(1);
const b = branchDocs(2);
const c = branchDocs(3);
const tokens = {} as Record<'a' | 'b' | 'c' | 'committee' | 'general' | 'other', string>;
let aSession: Awaited<ReturnType<typeof login>>;
const now = Date.now();

beforeAll(async () => {
  db = await openTestDb();
  tree = await seedTree(db);
  app = await testServer(db);
  aSession = await login(app, USERS.a, { localOrgId: a.orgId });
  tokens.a = aSession.accessToken;
  tokens.b = (await login(app, USERS.b, { localOrgId: b.orgId })).accessToken;
  tokens.c = (await login(app, USERS.c, { localOrgId: c.orgId })).accessToken;
  tokens.committee = (await login(app, USERS.committee)).accessToken;
  tokens.general = (await login(app, USERS.general)).accessToken;
  tokens.other = (await login(app, USERS.other)).accessToken;
  // Each branch has some data already.
  for (const [token, data] of [
    [tokens.a, a],
    [tokens.b, b],
    [tokens.c, c],
  ] as const) {
    const response = await app.inject({ method: 'POST', url: pushUrl('people'), headers: bearer(token), payload: { rows: rows(data.docs.people) } });
    expect(response.statusCode).toBe(200);
  }
}, START_TIMEOUT);
afterAll(async () => {
  await app.close();
  await db.destroy();
});

let before: Awaited<ReturnType<typeof storedState>>;
beforeEach(async () => {
  before = await storedState(db);
});
async function expectNothingStored() {
  expect(await storedState(db)).toEqual(before);
}

const secret = new TextEncoder().encode(JWT_SECRET);
const claimsOf = () => {
  const payload = JSON.parse(Buffer.from(tokens.a.split('.')[1]!, 'base64url').toString()) as Record<string, string>;
  return { user: payload.user!, device: payload.device!, org: payload.org!, role: 'branch' as const };
};
const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Every way of presenting a bad access token, and the answer it must get. */
const badTokens: [string, () => Promise<Record<string, string>>][] = [
  ['no token', async () => ({})],
  ['a header that is not Bearer', async () => ({ authorization: `Basic ${Buffer.from('branch-a:zhibu-2026-mima').toString('base64')}` })],
  ['a token that is not a JWT', async () => bearer('not.a.token')],
  ['an expired token', async () => bearer(await signAccessToken(secret, claimsOf(), Math.floor(now / 1000) - 16 * 60))],
  ['a token signed with another key', async () => bearer(await signAccessToken(new TextEncoder().encode('another-key-that-is-long-enough-to-sign'), claimsOf(), Math.floor(now / 1000)))],
  [
    'a token with alg none',
    async () => bearer(`${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({ ...claimsOf(), iss: 'branch-desk', exp: Math.floor(now / 1000) + 600 })}.`),
  ],
  [
    'a token whose payload was changed to committee',
    async () => {
      const [header, , signature] = tokens.a.split('.');
      return bearer(`${header}.${base64url({ ...claimsOf(), role: 'committee', org: tree.committee.id, iss: 'branch-desk', exp: Math.floor(now / 1000) + 600 })}.${signature}`);
    },
  ],
  [
    'a token signed with HS512 by the right key',
    async () =>
      bearer(
        await new SignJWT({ ...claimsOf() })
          .setProtectedHeader({ alg: 'HS512' })
          .setIssuer('branch-desk')
          .setExpirationTime(Math.floor(now / 1000) + 600)
          .sign(secret),
      ),
  ],
];

const endpoints: [string, () => InjectOptions][] = [
  ['pull', () => ({ method: 'GET', url: pullUrl('people') })],
  ['push', () => ({ method: 'POST', url: pushUrl('appraisals'), payload: { rows: rows([{ ...appraisal(a.orgId), _deleted: false }]) } })],
  ['event stream', () => ({ method: 'GET', url: '/api/sync/stream' })],
  ['logout', () => ({ method: 'POST', url: '/api/auth/logout', payload: {} })],
  ['committee branches', () => ({ method: 'GET', url: '/api/committee/branches' })],
  ['file sync code', () => ({ method: 'POST', url: '/api/file-sync/code', payload: { orgId: 'x' } })],
  ['file sync import', () => ({ method: 'POST', url: '/api/file-sync/import', payload: { format: 'branchdesk-sync' } })],
  ['file sync reply', () => ({ method: 'GET', url: '/api/file-sync/reply/x' })],
];

describe.each(endpoints)('%s', (_name, request) => {
  it.each(badTokens)('refuses %s with 401 and stores nothing', async (_what, headers) => {
    const response = await app.inject({ ...request(), headers: await headers() });
    expect(response.statusCode).toBe(401);
    expect(response.json<ErrorBody>()).toMatchObject({ error: expect.stringMatching(/^(unauthenticated|token-expired)$/), message: expect.any(String) });
    await expectNothingStored();
  });
});

describe('a revoked device', () => {
  it('is refused on every endpoint although its token has not expired', async () => {
    const session = await login(app, USERS.a, { localOrgId: a.orgId, deviceName: '丢失的笔记本' });
    await db.updateTable('devices').set({ revoked: true }).where('name', '=', '丢失的笔记本').execute();
    before = await storedState(db);
    for (const [, request] of endpoints) {
      const response = await app.inject({ ...request(), headers: bearer(session.accessToken) });
      expect(response.statusCode).toBe(401);
      expect(response.json<ErrorBody>().error).toBe('device-revoked');
    }
    await expectNothingStored();
  });
});

const push = (token: string, collection: string, docs: WireDoc[]) =>
  app.inject({ method: 'POST', url: pushUrl(collection), headers: bearer(token), payload: { rows: rows(docs) } });
const pull = async (token: string, collection: string) => {
  const response = await app.inject({ method: 'GET', url: pullUrl(collection), headers: bearer(token) });
  expect(response.statusCode).toBe(200);
  return response.json<PullResponse>().documents;
};

describe('scope', () => {
  it("a branch reads none of another branch's documents", async () => {
    expect(new Set((await pull(tokens.a, 'people')).map((doc) => doc.orgId))).toEqual(new Set([a.orgId]));
  });

  it("a branch cannot write into another branch's data", async () => {
    const intruder = { ...branchDocs(21).docs.people[0]!, orgId: b.orgId };
    const response = await push(tokens.a, 'people', [intruder]);
    expect(response.statusCode).toBe(403);
    expect(response.json<ErrorBody>()).toMatchObject({ error: 'forbidden', message: expect.stringContaining('不属于本支部') });
    await expectNothingStored();
  });

  it("a branch cannot overwrite another branch's document by reusing its id", async () => {
    const taken = { ...b.docs.people[0]!, orgId: a.orgId, name: '冒名顶替' } as WireDoc;
    const response = await push(tokens.a, 'people', [taken]);
    expect(response.statusCode).toBe(403);
    expect(response.json<ErrorBody>().message).toContain('属于其他组织');
    await expectNothingStored();
  });

  it('one document out of scope refuses the whole batch', async () => {
    const own = branchDocs(22).docs.people.slice(0, 5).map((doc) => ({ ...doc, orgId: a.orgId }));
    const foreign = { ...branchDocs(23).docs.people[0]!, orgId: c.orgId };
    expect((await push(tokens.a, 'people', [...own, foreign])).statusCode).toBe(403);
    await expectNothingStored();
  });

  it('a branch cannot write approvals, not even about itself', async () => {
    const response = await push(tokens.a, 'approvals', [approval(a.orgId, tree.committee.id)]);
    expect(response.statusCode).toBe(403);
    expect(response.json<ErrorBody>().message).toBe('审批结果由上级党委填写，支部只能查看，不能修改。');
    await expectNothingStored();
  });

  it("a committee cannot write a branch's data", async () => {
    const response = await push(tokens.committee, 'people', [{ ...a.docs.people[0]!, note: '党委改的' } as WireDoc]);
    expect(response.statusCode).toBe(403);
    expect(response.json<ErrorBody>().message).toBe('上级党委只能填写审批结果，不能修改支部的数据。');
    await expectNothingStored();
  });

  it('a committee cannot approve for a branch outside its subtree', async () => {
    const response = await push(tokens.committee, 'approvals', [approval(c.orgId, tree.committee.id)]);
    expect(response.statusCode).toBe(403);
    expect(response.json<ErrorBody>().message).toContain('不在本党委管辖范围内');
    await expectNothingStored();
  });

  it("a committee cannot sign an approval with another committee's id", async () => {
    expect((await push(tokens.committee, 'approvals', [approval(a.orgId, tree.other.id)])).statusCode).toBe(403);
    await expectNothingStored();
  });

  it('a 党总支 approves its own branches only', async () => {
    expect((await push(tokens.general, 'approvals', [approval(a.orgId, tree.general.id)])).statusCode).toBe(403);
    await expectNothingStored();
    expect((await push(tokens.general, 'approvals', [approval(b.orgId, tree.general.id)])).statusCode).toBe(200);
  });

  it("a 党总支 cannot rewrite its 党委's approval of the same branch", async () => {
    const decision = approval(b.orgId, tree.committee.id);
    expect((await push(tokens.committee, 'approvals', [decision])).statusCode).toBe(200);
    before = await storedState(db);
    const rewritten = { ...decision, committeeId: tree.general.id, decision: 'returned' } as WireDoc;
    const response = await app.inject({
      method: 'POST',
      url: pushUrl('approvals'),
      headers: bearer(tokens.general),
      payload: { rows: [{ newDocumentState: rewritten, assumedMasterState: decision }] },
    });
    expect(response.statusCode).toBe(403);
    await expectNothingStored();
  });

  it('a committee reads nothing of another committee’s branches', async () => {
    expect(await pull(tokens.other, 'people')).toSatisfy((docs: WireDoc[]) => docs.every((doc) => doc.orgId === c.orgId));
    expect((await pull(tokens.committee, 'people')).some((doc) => doc.orgId === c.orgId)).toBe(false);
  });

  it('a branch cannot see the committee overview', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/committee/branches', headers: bearer(tokens.a) });
    expect(response.statusCode).toBe(403);
  });

  it('a branch cannot issue a 离线同步码 or take a reply file, not even its own', async () => {
    const own = await db.selectFrom('orgs').select('id').where('data_org_id', '=', a.orgId).executeTakeFirstOrThrow();
    for (const request of [
      { method: 'POST' as const, url: '/api/file-sync/code', payload: { orgId: own.id } },
      { method: 'GET' as const, url: `/api/file-sync/reply/${own.id}` },
    ]) {
      const response = await app.inject({ ...request, headers: bearer(tokens.a) });
      expect(response.statusCode).toBe(403);
    }
    await expectNothingStored();
  });
});

describe('malformed requests', () => {
  it(`refuse a body over ${MAX_BODY_BYTES / 1024 / 1024} MB with 413`, async () => {
    const huge = { ...appraisal(a.orgId), _deleted: false, note: 'x'.repeat(MAX_BODY_BYTES) };
    const response = await push(tokens.a, 'appraisals', [huge]);
    expect(response.statusCode).toBe(413);
    expect(response.json<ErrorBody>()).toMatchObject({ error: 'body-too-large', message: expect.stringContaining('4 MB') });
    await expectNothingStored();
  });

  it(`refuse more than ${MAX_PUSH_ROWS} rows with 413`, async () => {
    const many = Array.from({ length: MAX_PUSH_ROWS + 1 }, () => ({ ...appraisal(a.orgId), _deleted: false }));
    const response = await push(tokens.a, 'appraisals', many);
    expect(response.statusCode).toBe(413);
    expect(response.json<ErrorBody>()).toMatchObject({ error: 'too-many-rows', message: expect.stringContaining(`一次最多上传 ${MAX_PUSH_ROWS} 条`) });
    await expectNothingStored();
  });

  it('refuse malformed JSON with 400', async () => {
    const response = await app.inject({ method: 'POST', url: pushUrl('people'), headers: { ...bearer(tokens.a), 'content-type': 'application/json' }, payload: '{"rows": [' });
    expect(response.statusCode).toBe(400);
    expect(response.json<ErrorBody>()).toEqual({ error: 'bad-json', message: '请求内容不是有效的 JSON。' });
    await expectNothingStored();
  });

  it('refuse a body that is not JSON', async () => {
    const response = await app.inject({ method: 'POST', url: pushUrl('people'), headers: { ...bearer(tokens.a), 'content-type': 'text/plain' }, payload: 'rows' });
    expect(response.statusCode).toBe(400);
    await expectNothingStored();
  });

  it('refuse a login body that is malformed JSON', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"username":' });
    expect(response.statusCode).toBe(400);
  });
});
