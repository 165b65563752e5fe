import argon2 from 'argon2';
import type { FastifyInstance } from 'fastify';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ErrorBody, LoginResponse } from '../../../shared/sync/protocol';
import type { Db } from '../db/connect';
import { createCommittee, createOrg, createUser } from '../orgs/admin';
import { bearer, login, openTestDb, PASSWORD, pullUrl, seedTree, START_TIMEOUT, testServer, USERS, type Tree } from '../testing/support';
import { PASSWORD_CHECKS_AT_ONCE } from './passwords';
import { loadJwtSecret } from './secret';

let db: Db;
let app: FastifyInstance;
let tree: Tree;
let now = Date.parse('2026-11-23T09:00:00+08:00');

beforeAll(async () => {
  db = await openTestDb();
  tree = await seedTree(db);
  app = await testServer(db, { clock: () => now });
}, START_TIMEOUT);
afterAll(async () => {
  await app.close();
  await db.destroy();
});

const post = (url: string, payload: object, headers: Record<string, string> = {}) => app.inject({ method: 'POST', url, payload, headers });
const pullAs = (token: string) => app.inject({ method: 'GET', url: pullUrl('people'), headers: bearer(token) });

/** A branch with one account, not bound to any data yet. */
async function freshBranch(name: string) {
  const org = await createOrg(db, { parentId: tree.committee.id, kind: 'branch', name });
  const username = `u${org.id.slice(-8).toLowerCase()}`;
  await createUser(db, { orgId: org.id, username, displayName: `${name}书记`, password: PASSWORD });
  return { org, username };
}

describe('login', () => {
  it('answers a token pair and the account', async () => {
    const session = await login(app, USERS.committee);
    expect(session).toMatchObject({ expiresIn: 900, account: { username: USERS.committee, role: 'committee', orgId: tree.committee.id, dataOrgId: tree.committee.id, orgName: '中共市水利局机关委员会' } });
    expect((await app.inject({ method: 'GET', url: '/api/committee/branches', headers: bearer(session.accessToken) })).statusCode).toBe(200);
  });

  it('refuses a wrong password and an unknown user with the same message, and records the attempt', async () => {
    const wrong = await post('/api/auth/login', { username: USERS.a, password: 'not-the-password', deviceName: '电脑' });
    const unknown = await post('/api/auth/login', { username: 'nobody', password: 'not-the-password', deviceName: '电脑' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json<ErrorBody>()).toEqual({ error: 'bad-credentials', message: '用户名或密码不正确。' });
    expect(unknown.json<ErrorBody>()).toEqual(wrong.json<ErrorBody>());
    const failed = await db.selectFrom('audit').select('detail').where('action', '=', 'login.failed').execute();
    expect(failed.map((row) => row.detail?.username)).toEqual(expect.arrayContaining([USERS.a, 'nobody']));
  });

  it('refuses a disabled account', async () => {
    const { username } = await freshBranch('停用测试党支部');
    await db.updateTable('users').set({ disabled: true }).where('username', '=', username).execute();
    const response = await post('/api/auth/login', { username, password: PASSWORD, deviceName: '电脑' });
    expect(response.statusCode).toBe(403);
    expect(response.json<ErrorBody>().message).toBe('此账号已停用，请联系上级党委。');
  });

  it('refuses a body without a device name, naming the field', async () => {
    const response = await post('/api/auth/login', { username: USERS.a, password: PASSWORD });
    expect(response.statusCode).toBe(400);
    expect(response.json<ErrorBody>().message).toContain('deviceName');
  });
});

describe("binding a branch's local data to its server org", () => {
  it('binds the first login to the local org id the computer sends, and keeps it', async () => {
    const { org, username } = await freshBranch('绑定测试一党支部');
    const first = await login(app, username, { localOrgId: '01JLOCALORGIDOFBRANCH00001' });
    expect(first.account).toMatchObject({ orgId: org.id, dataOrgId: '01JLOCALORGIDOFBRANCH00001' });
    // A second computer with the same data, and a fresh one with none, are both welcome.
    expect((await login(app, username, { localOrgId: '01JLOCALORGIDOFBRANCH00001' })).account.dataOrgId).toBe('01JLOCALORGIDOFBRANCH00001');
    expect((await login(app, username)).account.dataOrgId).toBe('01JLOCALORGIDOFBRANCH00001');
  });

  it('binds a login without local data to the server org id, which the computer then adopts', async () => {
    const { org, username } = await freshBranch('绑定测试二党支部');
    expect((await login(app, username)).account.dataOrgId).toBe(org.id);
  });

  it("refuses a computer whose data belongs to another branch, in Chinese", async () => {
    const { username } = await freshBranch('绑定测试三党支部');
    await login(app, username, { localOrgId: '01JLOCALORGIDOFBRANCH00003' });
    const response = await post('/api/auth/login', { username, password: PASSWORD, deviceName: '另一台电脑', localOrgId: '01JSOMEOTHERBRANCHSDATA003' });
    expect(response.statusCode).toBe(409);
    expect(response.json<ErrorBody>()).toMatchObject({ error: 'org-mismatch', message: expect.stringContaining('这台电脑上的支部数据与服务器上的支部「绑定测试三党支部」不是同一个') });
  });

  it('refuses to bind data already bound to another branch', async () => {
    const first = await freshBranch('绑定测试四党支部');
    const second = await freshBranch('绑定测试五党支部');
    await login(app, first.username, { localOrgId: '01JLOCALORGIDOFBRANCH00004' });
    const response = await post('/api/auth/login', { username: second.username, password: PASSWORD, deviceName: '电脑', localOrgId: '01JLOCALORGIDOFBRANCH00004' });
    expect(response.statusCode).toBe(409);
    expect(response.json<ErrorBody>().message).toContain('已绑定到服务器上的「绑定测试四党支部」');
    const org = await db.selectFrom('orgs').select('data_org_id').where('id', '=', second.org.id).executeTakeFirstOrThrow();
    expect(org.data_org_id).toBeNull();
  });
});

describe('tokens', () => {
  it('expire after 15 minutes', async () => {
    const session = await login(app, USERS.a);
    now += 14 * 60_000;
    expect((await pullAs(session.accessToken)).statusCode).not.toBe(401);
    now += 2 * 60_000;
    const expired = await pullAs(session.accessToken);
    expect(expired.statusCode).toBe(401);
    expect(expired.json<ErrorBody>()).toEqual({ error: 'token-expired', message: '登录已过期，请重新登录。' });
  });

  it('are renewed by a refresh token, which works once: the new pair replaces the old', async () => {
    const session = await login(app, USERS.a);
    const renewed = await post('/api/auth/refresh', { refreshToken: session.refreshToken });
    expect(renewed.statusCode).toBe(200);
    const pair = renewed.json<LoginResponse>();
    expect(pair.refreshToken).not.toBe(session.refreshToken);
    expect(pair.account.username).toBe(USERS.a);
    expect((await pullAs(pair.accessToken)).statusCode).toBe(200);
    expect((await post('/api/auth/refresh', { refreshToken: pair.refreshToken })).statusCode).toBe(200);
  });

  it('sign the device out when a refresh token is used a second time (it was copied)', async () => {
    const session = await login(app, USERS.a);
    const pair = (await post('/api/auth/refresh', { refreshToken: session.refreshToken })).json<LoginResponse>();
    const reuse = await post('/api/auth/refresh', { refreshToken: session.refreshToken });
    expect(reuse.statusCode).toBe(401);
    expect(reuse.json<ErrorBody>()).toMatchObject({ error: 'device-revoked', message: expect.stringContaining('已经用过') });
    // Both the thief's and the owner's tokens stop working.
    expect((await post('/api/auth/refresh', { refreshToken: pair.refreshToken })).statusCode).toBe(401);
    expect((await pullAs(pair.accessToken)).json<ErrorBody>().error).toBe('device-revoked');
    const audit = await db.selectFrom('audit').select('action').where('action', '=', 'token.reuse').execute();
    expect(audit.length).toBeGreaterThan(0);
  });

  it('refuse a refresh token after 30 days', async () => {
    const session = await login(app, USERS.a);
    now += 31 * 24 * 3600_000;
    const response = await post('/api/auth/refresh', { refreshToken: session.refreshToken });
    expect(response.statusCode).toBe(401);
    expect(response.json<ErrorBody>().error).toBe('token-expired');
  });

  it('refuse a refresh token of the wrong form', async () => {
    expect((await post('/api/auth/refresh', { refreshToken: 'made-up' })).statusCode).toBe(401);
    expect((await post('/api/auth/refresh', {})).statusCode).toBe(400);
  });
});

describe('logout', () => {
  it('signs the device out: neither its access nor its refresh token works afterwards', async () => {
    const session = await login(app, USERS.b);
    const response = await post('/api/auth/logout', {}, bearer(session.accessToken));
    expect(response.statusCode).toBe(204);
    expect((await pullAs(session.accessToken)).statusCode).toBe(401);
    expect((await post('/api/auth/refresh', { refreshToken: session.refreshToken })).statusCode).toBe(401);
  });
});

/** vi.waitFor polls; a login's argon2 check alone may take a second on a busy machine. */
const WAIT = { timeout: 10_000 };

/** A gate that holds every call it is put in front of until opened; counts the calls that reached it. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  const state = { reached: 0, waiting: 0, mostWaiting: 0, open };
  return {
    state,
    hold: async <T>(call: () => Promise<T>): Promise<T> => {
      state.reached++;
      state.waiting++;
      state.mostWaiting = Math.max(state.mostWaiting, state.waiting);
      try {
        await opened;
        return await call();
      } finally {
        state.waiting--;
      }
    },
  };
}

describe('many logins at once', () => {
  it(`check at most ${PASSWORD_CHECKS_AT_ONCE} passwords at a time; the others wait in line while other requests are answered`, async () => {
    const reader = await login(app, USERS.b);
    const { state, hold } = gate();
    const verify = argon2.verify;
    const spy = vi.spyOn(argon2, 'verify').mockImplementation((...args) => hold(() => verify(...args)));
    try {
      const crowd = Array.from({ length: 8 }, (_, i) => login(app, USERS.a, { deviceName: `人群电脑${i}` }));
      await vi.waitFor(() => expect(state.reached).toBe(PASSWORD_CHECKS_AT_ONCE), WAIT);
      // Two logins check, six wait in line; none holds the database, so a branch still pulls.
      expect((await pullAs(reader.accessToken)).statusCode).toBe(200);
      expect(state.reached).toBe(PASSWORD_CHECKS_AT_ONCE);
      state.open();
      const sessions = await Promise.all(crowd);
      expect(sessions.map((session) => session.account.username)).toEqual(Array(8).fill(USERS.a));
      expect(state.reached).toBe(8);
      expect(state.mostWaiting).toBe(PASSWORD_CHECKS_AT_ONCE);
    } finally {
      state.open();
      spy.mockRestore();
    }
  });

  it('commit the login before signing its token: a signature waiting for a thread holds no database connection', async () => {
    const { state, hold } = gate();
    const sign = crypto.subtle.sign.bind(crypto.subtle);
    const spy = vi.spyOn(crypto.subtle, 'sign').mockImplementation((...args) => hold(() => sign(...args)));
    try {
      const pending = login(app, USERS.c, { deviceName: '等签名的电脑' });
      await vi.waitFor(() => expect(state.reached).toBe(1), WAIT);
      const device = await db.selectFrom('devices').select('name').where('name', '=', '等签名的电脑').executeTakeFirst();
      expect(device).toEqual({ name: '等签名的电脑' });
      state.open();
      expect((await pending).account.username).toBe(USERS.c);
    } finally {
      state.open();
      spy.mockRestore();
    }
  });

  it('commit a refresh before signing its token', async () => {
    const session = await login(app, USERS.c, { deviceName: '等续期的电脑' });
    const { state, hold } = gate();
    const sign = crypto.subtle.sign.bind(crypto.subtle);
    const spy = vi.spyOn(crypto.subtle, 'sign').mockImplementation((...args) => hold(() => sign(...args)));
    try {
      const pending = post('/api/auth/refresh', { refreshToken: session.refreshToken });
      await vi.waitFor(() => expect(state.reached).toBe(1), WAIT);
      const refreshed = await db.selectFrom('audit').select('action').where('action', '=', 'token.refresh').where('device_id', '=', session.refreshToken.split('.')[0]!).execute();
      expect(refreshed).toHaveLength(1);
      state.open();
      expect((await pending).statusCode).toBe(200);
    } finally {
      state.open();
      spy.mockRestore();
    }
  });
});

describe('login rate limit', () => {
  it('allows 10 attempts a minute for one username from one address, then answers 429 in Chinese', async () => {
    const strict = await testServer(db, { rateLimit: { max: 1000, loginMax: 10 } });
    try {
      const attempt = (username: string) => strict.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: 'guess', deviceName: '电脑' } });
      for (let i = 0; i < 10; i++) expect((await attempt(USERS.c)).statusCode).toBe(401);
      const blocked = await attempt(USERS.c);
      expect(blocked.statusCode).toBe(429);
      expect(blocked.json<ErrorBody>()).toMatchObject({ error: 'rate-limited', message: expect.stringContaining('请求过于频繁') });
      // Another account from the same address is not held up.
      expect((await attempt('other')).statusCode).toBe(401);
    } finally {
      await strict.close();
    }
  });
});

describe('the signing key', () => {
  it('is generated once into DATA_DIR/secret, readable by the owner only, and reused', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bd-secret-'));
    try {
      const first = await loadJwtSecret(dir, undefined);
      expect(first.length).toBe(64);
      expect((await stat(join(dir, 'secret'))).mode & 0o777).toBe(0o600);
      expect(await loadJwtSecret(dir, undefined)).toEqual(first);
    } finally {
      await rm(dir, { recursive: true });
    }
  });

  it('comes from JWT_SECRET when set, which must be long enough', async () => {
    await expect(loadJwtSecret('/nonexistent', 'short')).rejects.toThrow('JWT_SECRET 太短');
    expect(await loadJwtSecret('/nonexistent', 'x'.repeat(40))).toHaveLength(40);
  });
});

describe('committee accounts', () => {
  it('ignore a local org id: a committee has no branch data to bind', async () => {
    const committee = await createCommittee(db, { name: '中共市民政局委员会' });
    await createUser(db, { orgId: committee.id, username: 'minzheng', displayName: '郑部长', password: PASSWORD });
    const session = await login(app, 'minzheng', { localOrgId: '01JWHATEVERTHELAPTOPHAS01' });
    expect(session.account).toMatchObject({ role: 'committee', dataOrgId: committee.id });
  });
});
