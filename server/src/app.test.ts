import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from './db/connect';
import { openTestDb, START_TIMEOUT, testServer } from './testing/support';
import { SERVER_VERSION } from './version';

let db: Db;
let webDir: string;
beforeAll(async () => {
  db = await openTestDb();
  webDir = await mkdtemp(join(tmpdir(), 'bd-web-'));
  await writeFile(join(webDir, 'index.html'), '<!doctype html><title>支部工作台</title>');
  await writeFile(join(webDir, 'app.js'), 'console.log(1)');
}, START_TIMEOUT);
afterAll(async () => {
  await db.destroy();
  await rm(webDir, { recursive: true });
});

describe('the server', () => {
  it('answers the health check', async () => {
    const app = await testServer(db);
    const response = await app.inject({ method: 'GET', url: '/api/health?probe=1' });
    expect(response.json()).toEqual({ status: 'ok', version: SERVER_VERSION });
    await app.close();
  });

  it('answers an unknown route with 404 and a message in Chinese', async () => {
    const app = await testServer(db);
    const response = await app.inject({ method: 'POST', url: '/api/health' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ error: 'not-found', message: '没有这个接口：POST /api/health' });
    await app.close();
  });

  it('lets the app call /api from another origin (file:// or the web address): preflight and answers', async () => {
    const app = await testServer(db);
    const preflight = await app.inject({ method: 'OPTIONS', url: '/api/sync/people/push?schemaVersion=1', headers: { origin: 'null', 'access-control-request-method': 'POST' } });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers).toMatchObject({ 'access-control-allow-origin': '*', 'access-control-allow-headers': 'authorization, content-type' });
    const refused = await app.inject({ method: 'GET', url: '/api/sync/people/pull?schemaVersion=1', headers: { origin: 'null' } });
    expect(refused.statusCode).toBe(401);
    expect(refused.headers['access-control-allow-origin']).toBe('*');
    await app.close();
  });

  it('serves the web app, with its index.html for any page address but not for /api', async () => {
    const app = await testServer(db, { webDir });
    expect((await app.inject({ method: 'GET', url: '/' })).body).toContain('支部工作台');
    expect((await app.inject({ method: 'GET', url: '/app.js' })).body).toBe('console.log(1)');
    const page = await app.inject({ method: 'GET', url: '/committee/branches' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('支部工作台');
    expect((await app.inject({ method: 'GET', url: '/api/nothing' })).statusCode).toBe(404);
    await app.close();
  });

  it('logs requests as JSON without the access token of an event stream URL', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const app = await testServer(db, { logger: { level: 'info', stream } });
    await app.inject({ method: 'GET', url: '/api/sync/stream?accessToken=eyJsecret.token.value' });
    await app.close();
    const log = lines.join('');
    expect(log).toContain('accessToken=[redacted]');
    expect(log).not.toContain('eyJsecret');
    expect(() => lines.map((line) => JSON.parse(line) as unknown)).not.toThrow();
  });
});
