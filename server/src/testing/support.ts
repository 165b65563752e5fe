/**
 * Test helpers for the server: an in-memory database, a small org tree with accounts, real
 * documents of every collection (from the demo generator), and a snapshot of what is stored.
 * Used by *.test.ts only.
 */
import { PGlite } from '@electric-sql/pglite';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { ulid } from 'ulid';
import { generateDemoBranch } from '../../../shared/demo';
import type { ApprovalDoc, AppraisalDoc, CollectionName } from '../../../shared/model';
import type { LoginResponse, PushRow, WireDoc } from '../../../shared/sync/protocol';
import { collections } from '../../../shared/model';
import { buildServer, type ServerOptions } from '../app';
import { pgliteDb, postgresDb, type Db } from '../db/connect';
import { migrateToLatest } from '../db/migrations';
import { createCommittee, createOrg, createUser } from '../orgs/admin';

export const JWT_SECRET = 'test-secret-that-is-at-least-32-bytes-long';
export const PASSWORD = 'zhibu-2026-mima';
export const TODAY = '2026-11-23';
/** PGlite starts in about 4 s (more on a busy machine): hooks that open one need longer than vitest's 10 s. */
export const START_TIMEOUT = 120_000;

export async function openTestDb(): Promise<Db> {
  const db = pgliteDb(new PGlite());
  await migrateToLatest(db);
  return db;
}

/** A fresh database on the PostgreSQL of TEST_DATABASE_URL, dropped by `drop`. */
export async function openPostgresTestDb(url: string): Promise<{ db: Db; drop: () => Promise<void> }> {
  const admin = postgresDb(url);
  const name = `branchdesk_test_${ulid().toLowerCase()}`;
  await sql.raw(`create database ${name}`).execute(admin);
  const target = new URL(url);
  target.pathname = `/${name}`;
  const db = postgresDb(target.toString());
  await migrateToLatest(db);
  return {
    db,
    drop: async () => {
      await db.destroy();
      await sql.raw(`drop database if exists ${name}`).execute(admin);
      await admin.destroy();
    },
  };
}

export function testServer(db: Db, options: Partial<ServerOptions> = {}): Promise<FastifyInstance> {
  return buildServer({ db, jwtSecret: JWT_SECRET, rateLimit: { max: 100_000, loginMax: 100_000 }, ...options });
}

/**
 * 市水利局机关党委 ─┬─ 离退休干部党支部 (A)
 *                  └─ 机关党总支 ─── 办公室党支部 (B)
 * 市教育局党委 ─── 一中党支部 (C)
 * One account per org, named in USERS.
 */
export const USERS = { committee: 'committee', general: 'general', a: 'branch-a', b: 'branch-b', other: 'other-committee', c: 'branch-c' } as const;

export async function seedTree(db: Db) {
  const committee = await createCommittee(db, { name: '中共市水利局机关委员会' });
  const general = await createOrg(db, { parentId: committee.id, kind: 'general-branch', name: '机关党总支' });
  const branchA = await createOrg(db, { parentId: committee.id, kind: 'branch', name: '离退休干部党支部' });
  const branchB = await createOrg(db, { parentId: general.id, kind: 'branch', name: '办公室党支部' });
  const other = await createCommittee(db, { name: '中共市教育局委员会' });
  const branchC = await createOrg(db, { parentId: other.id, kind: 'branch', name: '一中党支部' });
  const orgs = { committee, general, a: branchA, b: branchB, other, c: branchC };
  for (const [key, org] of Object.entries(orgs)) {
    await createUser(db, { orgId: org.id, username: USERS[key as keyof typeof USERS], displayName: `${org.name}书记`, password: PASSWORD });
  }
  return orgs;
}
export type Tree = Awaited<ReturnType<typeof seedTree>>;

export async function login(app: FastifyInstance, username: string, extra: { localOrgId?: string; deviceName?: string } = {}): Promise<LoginResponse> {
  const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: PASSWORD, deviceName: extra.deviceName ?? '测试电脑', ...extra } });
  if (response.statusCode !== 200) throw new Error(`login ${username}: ${response.statusCode} ${response.body}`);
  return response.json<LoginResponse>();
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

export const wire = <T extends object>(doc: T): T & { _deleted: boolean } => ({ ...doc, _deleted: false });

/** A branch's documents of every collection it writes (all but approvals), each valid against its schema. */
export function branchDocs(seed: number): { orgId: string; docs: Record<Exclude<CollectionName, 'approvals'>, WireDoc[]> } {
  const demo = generateDemoBranch({ today: TODAY, seed });
  const orgId = demo.org.id;
  return {
    orgId,
    docs: {
      orgs: [wire(demo.org)],
      people: demo.people.map(wire),
      dossiers: demo.dossiers.map(wire),
      meetings: demo.meetings.map(wire),
      appraisals: [wire(appraisal(orgId))],
      dues: demo.dues.map(wire),
      care: demo.care.map(wire),
      transfers: demo.transfers.map(wire),
    } as Record<Exclude<CollectionName, 'approvals'>, WireDoc[]>,
  };
}

const stamp = { createdAt: `${TODAY}T09:00:00.000+08:00`, updatedAt: `${TODAY}T09:00:00.000+08:00` };

export function appraisal(orgId: string): AppraisalDoc {
  return { id: ulid(), orgId, ...stamp, updatedBy: '书记', year: 2026, stage: 'self-review', selfReviews: [], ballots: [], results: [] };
}

export function approval(orgId: string, committeeId: string, targetId = ulid()): WireDoc<'approvals'> {
  const doc: ApprovalDoc = {
    id: ulid(),
    orgId,
    ...stamp,
    updatedBy: '党委组织部',
    committeeId,
    targetCollection: 'dossiers',
    targetId,
    step: 13,
    kind: 'pre-review',
    decision: 'approved',
    comment: '同意列为发展对象。',
    decidedOn: TODAY,
  };
  return wire(doc);
}

export const rows = (docs: WireDoc[]): PushRow[] => docs.map((newDocumentState) => ({ newDocumentState }));

export const version = (collection: CollectionName) => collections[collection].schema.version;
export const pushUrl = (collection: string, schemaVersion: number = version(collection as CollectionName)) => `/api/sync/${collection}/push?schemaVersion=${schemaVersion}`;
export const pullUrl = (collection: string, checkpoint = 0, limit = 500, schemaVersion: number = version(collection as CollectionName)) =>
  `/api/sync/${collection}/pull?checkpoint=${checkpoint}&limit=${limit}&schemaVersion=${schemaVersion}`;

/** What is stored: a refused request must leave all of it unchanged. */
export async function storedState(db: Db): Promise<{ docs: number; maxSeq: number | null; writes: number }> {
  const docs = await db.selectFrom('docs').select([(eb) => eb.fn.countAll<number>().as('count'), (eb) => eb.fn.max('seq').as('max')]).executeTakeFirstOrThrow();
  const writes = await db.selectFrom('audit').select((eb) => eb.fn.countAll<number>().as('count')).where('action', '=', 'doc.write').executeTakeFirstOrThrow();
  return { docs: docs.count, maxSeq: docs.max, writes: writes.count };
}
