import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncStreamEvent } from '../../../shared/sync/protocol';
import type { Db } from '../db/connect';
import { appraisal, approval, bearer, branchDocs, login, openTestDb, pushUrl, rows, seedTree, START_TIMEOUT, testServer, USERS, wire, type Tree } from '../testing/support';

let db: Db;
let app: FastifyInstance;
let base: string;
let tree: Tree;
const a = branchDocs(1);
const b = branchDocs(2);
const tokens = {} as Record<'a1' | 'a2' | 'b' | 'committee' | 'other', string>;

beforeAll(async () => {
  db = await openTestDb();
  tree = await seedTree(db);
  app = await testServer(db, { heartbeatMs: 100 });
  base = await app.listen({ host: '127.0.0.1', port: 0 });
  tokens.a1 = (await login(app, USERS.a, { localOrgId: a.orgId, deviceName: '书记的笔记本' })).accessToken;
  tokens.a2 = (await login(app, USERS.a, { localOrgId: a.orgId, deviceName: '组织委员的电脑' })).accessToken;
  tokens.b = (await login(app, USERS.b, { localOrgId: b.orgId })).accessToken;
  tokens.committee = (await login(app, USERS.committee)).accessToken;
  tokens.other = (await login(app, USERS.other)).accessToken;
}, START_TIMEOUT);
afterAll(async () => {
  await app.close();
  await db.destroy();
});

/** An open event stream: everything it received so far, parsed. */
async function openStream(query = '', headers: Record<string, string> = {}) {
  const controller = new AbortController();
  const response = await fetch(`${base}/api/sync/stream${query}`, { headers, signal: controller.signal });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/event-stream');
  const state = { text: '', ended: false };
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const done = (async () => {
    try {
      for (;;) {
        const { value, done: finished } = await reader.read();
        if (finished) break;
        state.text += decoder.decode(value, { stream: true });
      }
    } catch {
      // aborted by the test
    }
    state.ended = true;
  })();
  await until(() => state.text.includes(': connected'));
  return {
    get events(): SyncStreamEvent[] {
      return [...state.text.matchAll(/event: change\ndata: (.*)\n\n/g)].map((match) => JSON.parse(match[1]!) as SyncStreamEvent);
    },
    get text() {
      return state.text;
    },
    get ended() {
      return state.ended;
    },
    close: async () => {
      controller.abort();
      await done;
    },
  };
}

async function until(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const push = async (token: string, collection: string, docs: object[]) => {
  const response = await app.inject({ method: 'POST', url: pushUrl(collection), headers: bearer(token), payload: { rows: rows(docs as never) } });
  expect(response.statusCode, response.body).toBe(200);
};

describe('the event stream', () => {
  it("tells the branch's other computers and its committee of a push, and no other branch or committee", async () => {
    const sameBranch = await openStream('', bearer(tokens.a2));
    const otherBranch = await openStream('', bearer(tokens.b));
    const committee = await openStream('', bearer(tokens.committee));
    const otherCommittee = await openStream('', bearer(tokens.other));
    try {
      await push(tokens.a1, 'people', a.docs.people.slice(0, 5));
      const seq = (await db.selectFrom('docs').select((eb) => eb.fn.max('seq').as('max')).executeTakeFirstOrThrow()).max;
      await until(() => sameBranch.events.length > 0 && committee.events.length > 0);
      expect(sameBranch.events).toEqual([{ collection: 'people', seq }]);
      expect(committee.events).toEqual([{ collection: 'people', seq }]);
      // Give a wrongly delivered event time to arrive before checking it did not.
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(otherBranch.events).toEqual([]);
      expect(otherCommittee.events).toEqual([]);
    } finally {
      await Promise.all([sameBranch, otherBranch, committee, otherCommittee].map((stream) => stream.close()));
    }
  });

  it("tells a branch of its committee's approval", async () => {
    const branch = await openStream('', bearer(tokens.a1));
    try {
      await push(tokens.committee, 'approvals', [approval(a.orgId, tree.committee.id)]);
      await until(() => branch.events.length > 0);
      expect(branch.events[0]).toMatchObject({ collection: 'approvals' });
    } finally {
      await branch.close();
    }
  });

  it('says nothing of a push that changed nothing', async () => {
    const branch = await openStream('', bearer(tokens.a2));
    try {
      await push(tokens.a1, 'people', a.docs.people.slice(0, 5));
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(branch.events).toEqual([]);
    } finally {
      await branch.close();
    }
  });

  it('takes the token from the query string, for EventSource', async () => {
    const stream = await openStream(`?accessToken=${tokens.a2}`);
    try {
      await push(tokens.a1, 'appraisals', [wire(appraisal(a.orgId))]);
      await until(() => stream.events.length > 0);
      expect(stream.events[0]).toMatchObject({ collection: 'appraisals' });
    } finally {
      await stream.close();
    }
  });

  it('sends heartbeats while idle', async () => {
    const stream = await openStream('', bearer(tokens.b));
    try {
      await until(() => stream.text.includes(': heartbeat'));
    } finally {
      await stream.close();
    }
  });

  it('ends when the device logs out', async () => {
    const session = await login(app, USERS.b, { localOrgId: b.orgId, deviceName: '要退出的电脑' });
    const stream = await openStream('', bearer(session.accessToken));
    await app.inject({ method: 'POST', url: '/api/auth/logout', headers: bearer(session.accessToken) });
    await until(() => stream.ended);
  });

  it('refuses a request without a token', async () => {
    const response = await fetch(`${base}/api/sync/stream`);
    expect(response.status).toBe(401);
  });
});

describe('token expiry', () => {
  it('ends the stream when its access token expires, so the client reconnects with a fresh one', async () => {
    let now = Date.now();
    const own = await testServer(db, { clock: () => now });
    const address = await own.listen({ host: '127.0.0.1', port: 0 });
    try {
      const session = await login(own, USERS.a, { localOrgId: a.orgId });
      now += session.expiresIn * 1000 - 300;
      const response = await fetch(`${address}/api/sync/stream`, { headers: bearer(session.accessToken) });
      const reader = response.body!.getReader();
      const started = Date.now();
      for (;;) if ((await reader.read()).done) break;
      expect(Date.now() - started).toBeLessThan(3000);
    } finally {
      await own.close();
    }
  });
});

describe('shutting down', () => {
  it('ends open streams so the server can close', async () => {
    const own = await testServer(db);
    const address = await own.listen({ host: '127.0.0.1', port: 0 });
    const session = await login(own, USERS.a, { localOrgId: a.orgId });
    const response = await fetch(`${address}/api/sync/stream`, { headers: bearer(session.accessToken) });
    const reader = response.body!.getReader();
    await reader.read();
    await own.close();
    // The stream ends rather than hanging.
    for (;;) if ((await reader.read()).done) break;
  });
});
