/**
 * The committee's server for a benchmark, in this process on loopback, as `npm run server` builds it:
 * one 党委 with one branch under it and one account (the branch's or the committee's). PGlite in
 * memory, or on disk in a temporary DATA_DIR as deployed. The limits are off: the benchmarks measure
 * the sync, and one computer's sync stays far below them anyway.
 */
import type { FastifyInstance } from 'fastify';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildServer } from '../../server/src/app.ts';
import { openDatabase, type Db } from '../../server/src/db/connect.ts';
import { createCommittee, createOrg, createUser } from '../../server/src/orgs/admin.ts';

export const BENCH_PASSWORD = 'bench-2026-mima';

export interface BenchServer {
  baseUrl: string;
  db: Db;
  branchId: string;
  /** The account's username (password BENCH_PASSWORD). */
  username: string;
  close(): Promise<void>;
}

export async function benchServer(options: { storage: 'memory' | 'disk'; account: 'branch' | 'committee' }): Promise<BenchServer> {
  const dataDir = options.storage === 'disk' ? await mkdtemp(join(tmpdir(), 'branchdesk-bench-')) : null;
  const db = await openDatabase({ dataDir: dataDir ? join(dataDir, 'pglite') : undefined });
  const app: FastifyInstance = await buildServer({ db, jwtSecret: randomBytes(32), rateLimit: { max: 1_000_000, loginMax: 1_000_000 } });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const committee = await createCommittee(db, { name: '中共市水利局机关委员会' });
  const branch = await createOrg(db, { parentId: committee.id, kind: 'branch', name: '规模测试党支部' });
  const username = `bench-${options.account}`;
  const account = options.account === 'branch' ? { orgId: branch.id, displayName: '书记' } : { orgId: committee.id, displayName: '组织委员' };
  await createUser(db, { ...account, username, password: BENCH_PASSWORD });
  return {
    baseUrl: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`,
    db,
    branchId: branch.id,
    username,
    close: async () => {
      await app.close();
      await db.destroy();
      if (dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}
