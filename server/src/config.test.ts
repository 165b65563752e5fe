import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../shared/sync/protocol';
import { readConfig } from './config';
import type { Db } from './db/connect';
import { openTestDb, START_TIMEOUT, testServer } from './testing/support';

describe('rate limits from the environment', () => {
  it('are 1,200 requests and 10 login attempts a minute when unset or empty', () => {
    expect(readConfig({}).rateLimit).toEqual({ max: 1200, loginMax: 10 });
    expect(readConfig({ RATE_LIMIT_PER_MINUTE: '', LOGIN_RATE_LIMIT_PER_MINUTE: ' ' }).rateLimit).toEqual({ max: 1200, loginMax: 10 });
  });

  it('are read from RATE_LIMIT_PER_MINUTE and LOGIN_RATE_LIMIT_PER_MINUTE', () => {
    expect(readConfig({ RATE_LIMIT_PER_MINUTE: '6000', LOGIN_RATE_LIMIT_PER_MINUTE: ' 60 ' }).rateLimit).toEqual({ max: 6000, loginMax: 60 });
  });

  it.each(['0', '-5', 'abc', '12.5', '1e3', '0x10', '99999999999999999999'])('refuse「%s」, naming the variable, in Chinese', (value) => {
    expect(() => readConfig({ RATE_LIMIT_PER_MINUTE: value })).toThrow(new Error(`RATE_LIMIT_PER_MINUTE 应为正整数（每个地址每分钟的请求数，默认 1200），现在是「${value}」。`));
    expect(() => readConfig({ LOGIN_RATE_LIMIT_PER_MINUTE: value })).toThrow(/^LOGIN_RATE_LIMIT_PER_MINUTE 应为正整数/);
  });
});

describe('a server started with low limits', () => {
  let db: Db;
  const servers: FastifyInstance[] = [];
  beforeAll(async () => {
    db = await openTestDb();
  }, START_TIMEOUT);
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.close()));
    await db.destroy();
  });

  async function serverWith(env: NodeJS.ProcessEnv): Promise<FastifyInstance> {
    const server = await testServer(db, { rateLimit: readConfig(env).rateLimit });
    servers.push(server);
    return server;
  }

  it('refuses the request after RATE_LIMIT_PER_MINUTE with 429 and a Chinese message', async () => {
    const server = await serverWith({ RATE_LIMIT_PER_MINUTE: '3' });
    for (let i = 0; i < 3; i++) expect((await server.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    const refused = await server.inject({ method: 'GET', url: '/api/health' });
    expect(refused.statusCode).toBe(429);
    expect(refused.json<ErrorBody>()).toEqual({ error: 'rate-limited', message: expect.stringContaining('请求过于频繁') });
  });

  it('refuses the login attempt after LOGIN_RATE_LIMIT_PER_MINUTE with 429 and a Chinese message', async () => {
    const server = await serverWith({ LOGIN_RATE_LIMIT_PER_MINUTE: '2' });
    const attempt = () => server.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'zhangsan', password: 'guess-guess', deviceName: '电脑' } });
    for (let i = 0; i < 2; i++) expect((await attempt()).statusCode).toBe(401);
    const refused = await attempt();
    expect(refused.statusCode).toBe(429);
    expect(refused.json<ErrorBody>()).toEqual({ error: 'rate-limited', message: expect.stringContaining('请求过于频繁') });
  });
});
