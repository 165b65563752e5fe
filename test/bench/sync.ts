/**
 * Sync benchmarks (section 同步 of `npm run bench`; alone: `node --import tsx test/bench/sync.ts
 * [initial|incremental|load]`). Prints figures, asserts nothing.
 *   initial      a fresh computer's first sync of a 500-member branch (server in this process, PGlite in memory)
 *   incremental  one new meeting: until the server has it, until another live computer has it
 *   load         the server as deployed, in a child process, under 1,000 branches syncing at once
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { filter, firstValueFrom, timeout } from 'rxjs';
import { register } from 'tsx/esm/api';
import type { DemoDataSet } from '../../shared/demo/index.ts';
import type { CollectionName } from '../../shared/model/index.ts';
import type { Db } from '../../server/src/db/connect.ts';
import { BENCH_PASSWORD, benchServer, type BenchServer } from './bench-server.ts';
import { branchOf500, documentCount, freshDoc } from './sync-data.ts';
import type * as DeviceModule from './sync-device.ts';
import { measureServerLoad, type Latencies, type LoadOptions, type LoadResult } from './sync-load.ts';


let deviceModule: Promise<typeof DeviceModule> | null = null;
/** renderer/ imports '@shared/…' (a Vite alias): tsx resolves it with the paths of tsconfig.base.json. */
function devices(): Promise<typeof DeviceModule> {
  deviceModule ??= register({ namespace: 'bench-sync', tsconfig: fileURLToPath(new URL('../../tsconfig.base.json', import.meta.url)) }).import('./sync-device.ts', import.meta.url);
  return deviceModule;
}

async function serverDocCount(db: Db): Promise<number> {
  const row = await db.selectFrom('docs').select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
  return Number(row.count);
}

/** The branch's first computer brings all of its data to the server, then closes (RxDB's collection limit). */
async function uploadBranch(server: BenchServer, set: DemoDataSet): Promise<void> {
  const { openDevice } = await devices();
  const first = await openDevice('first', {
    baseUrl: server.baseUrl,
    username: server.username,
    password: BENCH_PASSWORD,
    localOrgId: set.org.id,
    data: set,
  });
  try {
    const sync = first.start();
    await first.unlessRefused(sync.initialDone());
    await first.unlessRefused(sync.syncNow());
  } finally {
    await first.close();
  }
  const stored = await serverDocCount(server.db);
  if (stored !== documentCount(set)) throw new Error(`the server holds ${stored} documents, expected ${documentCount(set)}`);
}

export interface InitialSyncResult {
  documents: number;
  bytes: number;
  uploadMs: number;
  /** From starting the replication to every collection's first pass done; sign-in is before. */
  samples: number[];
}

/** A fresh computer's first sync of the 500-member branch: all nine collections, `runs` times. */
export async function measureInitialSync(runs = 3): Promise<InitialSyncResult> {
  const { openDevice } = await devices();
  const server = await benchServer({ storage: 'memory', account: 'branch' });
  try {
    const set = branchOf500();
    const uploadStart = performance.now();
    await uploadBranch(server, set);
    const uploadMs = performance.now() - uploadStart;
    const samples: number[] = [];
    let bytes = 0;
    for (let run = 0; run < runs; run++) {
      const fresh = await openDevice(`fresh-${run}`, { baseUrl: server.baseUrl, username: server.username, password: BENCH_PASSWORD });
      try {
        const before = fresh.bytesReceived();
        const started = performance.now();
        await fresh.unlessRefused(fresh.start().initialDone());
        samples.push(performance.now() - started);
        bytes = fresh.bytesReceived() - before;
        const held = await fresh.count();
        if (held !== documentCount(set)) throw new Error(`the fresh computer holds ${held} documents, expected ${documentCount(set)}`);
      } finally {
        await fresh.close();
      }
    }
    return { documents: documentCount(set), bytes, uploadMs, samples };
  } finally {
    await server.close();
  }
}

export interface IncrementalSyncResult {
  /** Insert → the server accepted it (the app's push, confirmed). */
  push: number[];
  /** Insert → the other computer's database has it (server-sent event → RESYNC → pull). */
  pull: number[];
}

// The writer replicates all nine collections, the reader four: 13, open-source RxDB's limit.
const READER_COLLECTIONS: CollectionName[] = ['orgs', 'people', 'meetings', 'approvals'];

/** One new meeting on a synced computer, `runs` times after one warm-up. */
export async function measureIncrementalSync(runs = 10): Promise<IncrementalSyncResult> {
  const { openDevice } = await devices();
  const server = await benchServer({ storage: 'memory', account: 'branch' });
  const opened: DeviceModule.Device[] = [];
  try {
    const set = branchOf500();
    await uploadBranch(server, set);
    const confirmed = new Map<string, () => void>();
    const writer = await openDevice('writer', { baseUrl: server.baseUrl, username: server.username, password: BENCH_PASSWORD, live: true, onConfirmed: (_c, id) => confirmed.get(id)?.() });
    opened.push(writer);
    const reader = await openDevice('reader', { baseUrl: server.baseUrl, username: server.username, password: BENCH_PASSWORD, live: true, only: READER_COLLECTIONS });
    opened.push(reader);
    await Promise.all([writer.unlessRefused(writer.start().initialDone()), reader.unlessRefused(reader.start().initialDone())]);
    for (const deadline = Date.now() + 10_000; !(writer.streaming() && reader.streaming()); ) {
      if (Date.now() > deadline) throw new Error('the live event streams did not connect');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }

    const result: IncrementalSyncResult = { push: [], pull: [] };
    for (let run = -1; run < runs; run++) {
      const meeting = freshDoc('meetings', set.org.id, run + 1);
      const pushed = new Promise<number>((resolve) => confirmed.set(meeting.id, () => resolve(performance.now())));
      const arrived = firstValueFrom(
        reader.db.meetings.$.pipe(
          filter((event) => event.documentId === meeting.id),
          timeout(10_000),
        ),
      ).then(() => performance.now());
      const started = performance.now();
      await writer.db.meetings.insert(meeting);
      const [pushedAt, arrivedAt] = await Promise.all([pushed, arrived]);
      confirmed.delete(meeting.id);
      if (run < 0) continue;
      result.push.push(pushedAt - started);
      result.pull.push(arrivedAt - started);
    }
    return result;
  } finally {
    for (const device of opened) await device.close();
    await server.close();
  }
}

export function loadOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): LoadOptions {
  const [min, max] = (env.BENCH_SYNC_THINK_MS ?? '500-1500').split('-').map(Number);
  return {
    branches: Number(env.BENCH_SYNC_BRANCHES ?? 1000),
    seconds: Number(env.BENCH_SYNC_SECONDS ?? 20),
    thinkMs: [min ?? 500, max ?? min ?? 1500],
    pushShare: 1 / 3,
    logLevel: env.BENCH_SYNC_LOG_LEVEL ?? 'info',
    databaseUrl: env.BENCH_SYNC_DATABASE_URL || undefined,
    keepLog: env.BENCH_SYNC_SERVER_LOG || undefined,
  };
}

export { measureServerLoad, type LoadResult };

type Row = (label: string, values: number[]) => void;
const ms = (n: number) => `${n.toFixed(0)} ms`;

export async function printInitialSync(row: Row, runs = 3): Promise<void> {
  const initial = await measureInitialSync(runs);
  console.log(`500-member branch: ${initial.documents} documents in 9 collections, ${(initial.bytes / 1024 / 1024).toFixed(1)} MB of JSON received (first computer's upload: ${(initial.uploadMs / 1000).toFixed(1)} s)`);
  row(`fresh computer's first sync (${runs} runs, loopback)`, initial.samples);
  console.log('target: ≤ 5 s on loopback');
}

export async function printIncrementalSync(row: Row, runs = 10): Promise<void> {
  const incremental = await measureIncrementalSync(runs);
  row(`one new meeting → the server has it (${runs} runs)`, incremental.push);
  row('  → another live computer has it (event stream)', incremental.pull);
  console.log('  (Node has no EventSource: the bench reads the stream with a small fetch-based one)');
}

export async function printServerLoad(options: LoadOptions = loadOptionsFromEnv()): Promise<void> {
  const r = await measureServerLoad({ ...options, onPhase: options.onPhase ?? ((phase) => console.error(`  … ${phase}`)) });
  const l = (x: Latencies) => `p50 ${ms(x.p50)}, p99 ${ms(x.p99)}, max ${ms(x.max)}`;
  const database = options.databaseUrl ? 'PostgreSQL' : 'PGlite on disk';
  console.log(`server in a child process (${database}, LOG_LEVEL=${options.logLevel}), ${r.cpus} CPUs shared with this load generator`);
  console.log(`  seeding with the admin functions: ${options.branches} branches ${(r.seedMs.orgs / 1000).toFixed(1)} s, their accounts (argon2) ${(r.seedMs.users / 1000).toFixed(1)} s`);
  console.log(
    `  rate limit: ${r.oneAddress.refused} of ${r.oneAddress.sent} requests from one address refused (1,200/min per address by default, RATE_LIMIT_PER_MINUTE);` +
      ' each branch is given its own address (TRUST_PROXY=1, X-Forwarded-For)',
  );
  const loginFailed = Object.entries(r.login.failed);
  console.log(
    `  ${options.branches} logins at once: ${(r.login.ms / 1000).toFixed(1)} s, ${l(r.login.latency)}` +
      (loginFailed.length ? `; failed: ${loginFailed.map(([k, n]) => `${k} × ${n}`).join(', ')}` : ''),
  );
  const warmFailed = Object.entries(r.warmUp.failed);
  console.log(
    `  warm-up: each branch pushes ~120 documents then pulls 9 collections: ${r.warmUp.docs} documents, ${r.warmUp.requests} requests in ${(r.warmUp.ms / 1000).toFixed(1)} s` +
      (warmFailed.length ? `; failed: ${warmFailed.map(([k, n]) => `${k} × ${n}`).join(', ')}` : ''),
  );
  console.log(
    `  ${options.branches} branches for ${options.seconds} s, each: 9 pulls from its checkpoints, in ${Math.round(options.pushShare * 100)}% of passes a push of 1–5 documents, then ${options.thinkMs.join('–')} ms pause`,
  );
  console.log(`  ${r.run.requests} requests in ${(r.run.ms / 1000).toFixed(1)} s: ${r.run.perSecond.toFixed(0)} requests/s, ${r.run.docsPushed} documents pushed`);
  console.log(`  latency, all requests: ${l(r.run.latency)}`);
  console.log(`           pulls (${r.run.pulls.count}): ${l(r.run.pulls)}`);
  console.log(`           pushes (${r.run.pushes.count}): ${l(r.run.pushes)}`);
  console.log(`           a branch's whole pass (${r.run.passes.count}): ${l(r.run.passes)}`);
  const errors = Object.entries(r.run.errors);
  console.log(`  connections opened during the run: ${r.run.connections}; listen-queue overflows (SYNs dropped): ${r.run.overflows}`);
  console.log(`  errors: ${errors.length ? errors.map(([k, n]) => `${k} × ${n}`).join(', ') : 'none'}`);
  console.log(`  CPU: server ${r.run.serverCores.toFixed(2)} cores, load generator ${r.run.generatorCores.toFixed(2)} cores`);
}

/** All three, as section 同步 of run.ts prints them. */
export async function printSyncBenchmarks(row: Row, parts: readonly string[] = ['initial', 'incremental', 'load']): Promise<void> {
  if (parts.includes('initial')) await printInitialSync(row);
  if (parts.includes('incremental')) await printIncrementalSync(row);
  if (parts.includes('load')) await printServerLoad();
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const row: Row = (label, values) => {
    const sorted = [...values].sort((a, b) => a - b);
    const median = sorted.length % 2 ? sorted[(sorted.length - 1) / 2]! : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;
    console.log(`${label.padEnd(52)} median ${ms(median).padStart(8)}   min ${ms(sorted[0]!).padStart(8)}   max ${ms(sorted.at(-1)!).padStart(8)}`);
  };
  const parts = process.argv.slice(2);
  console.log('同步');
  await printSyncBenchmarks(row, parts.length ? parts : undefined);
  // Keep-alive sockets and RxDB timers would hold the process open.
  process.exit(0);
}
