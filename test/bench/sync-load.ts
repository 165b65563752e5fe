/**
 * The server as deployed (`node --import tsx server/src/cli.ts`, PGlite on disk in DATA_DIR) in a
 * child process, under many branches syncing at once. The load generator is a plain loop per branch
 * over node:http (keep-alive), so it does not share the server's event loop.
 *
 * Rate limits: the server allows 1,200 requests a minute per address by default (RATE_LIMIT_PER_MINUTE;
 * the bench keeps the defaults, whatever its own environment says). Every simulated branch would share
 * 127.0.0.1, so the bench starts the server with TRUST_PROXY=1 and gives each branch its own
 * X-Forwarded-For address, as branches at their own sites behind the committee's reverse proxy would be seen.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { COLLECTION_NAMES, collections, type CollectionName } from '../../shared/model/index.ts';
import { pullPath, pushPath, type LoginResponse, type PullResponse } from '../../shared/sync/protocol.ts';
import { sql } from 'kysely';
import { ulid } from 'ulid';
import { openDatabase, postgresDb } from '../../server/src/db/connect.ts';
import { lockDataDir } from '../../server/src/db/data-dir-lock.ts';
import { createCommittee, createOrg, createUser } from '../../server/src/orgs/admin.ts';
import { DAILY_COLLECTIONS, freshDoc, startingDocs } from './sync-data.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PASSWORD = 'bench-2026-mima';
const PULL_LIMIT = 200;

export interface LoadOptions {
  branches: number;
  seconds: number;
  /** Pause between two sync passes of a branch, uniform in [min, max] ms. */
  thinkMs: [number, number];
  /** Share of passes that also push 1–5 new documents. */
  pushShare: number;
  /** The server's LOG_LEVEL: info as deployed (a JSON line per request, to a file here). */
  logLevel: string;
  /** PostgreSQL instead of PGlite: a throwaway database is created on it and dropped. */
  databaseUrl?: string | undefined;
  /** Copy the server's log here before its temporary folder is removed. */
  keepLog?: string | undefined;
  /** Told when each phase starts (the whole takes minutes). */
  onPhase?: (phase: string) => void;
}

export interface Latencies {
  count: number;
  p50: number;
  p99: number;
  max: number;
}

export interface LoadResult {
  options: LoadOptions;
  cpus: number;
  /** Seeding with the admin functions: the org tree, then the accounts (argon2 hashes). */
  seedMs: { orgs: number; users: number };
  /** 1,300 requests from one address, without X-Forwarded-For: how many the rate limit refused. */
  oneAddress: { sent: number; refused: number };
  login: { ms: number; latency: Latencies; failed: Record<string, number> };
  /** Every branch pushes its starting documents, then pulls all collections from the start. */
  warmUp: { ms: number; docs: number; requests: number; failed: Record<string, number> };
  run: {
    ms: number;
    requests: number;
    perSecond: number;
    latency: Latencies;
    pulls: Latencies;
    pushes: Latencies;
    /** One sync pass of a branch: its nine pulls (and its push, when it pushes). */
    passes: Latencies;
    docsPushed: number;
    errors: Record<string, number>;
    /** TCP connections the branches opened during the run, and SYNs the kernel dropped (listen queue full; Linux). */
    connections: number;
    overflows: number;
    /** CPU time over wall time, in cores: the server's child process and this process. */
    serverCores: number;
    generatorCores: number;
  };
}

export async function measureServerLoad(options: LoadOptions): Promise<LoadResult> {
  const dataDir = await mkdtemp(join(tmpdir(), 'branchdesk-bench-server-'));
  const postgres = options.databaseUrl ? await throwawayDatabase(options.databaseUrl) : null;
  try {
    options.onPhase?.(`seeding ${options.branches} branches and accounts`);
    const { usernames, orgsMs, usersMs } = await seedBranches(dataDir, options.branches, postgres?.url);
    const seedMs = { orgs: orgsMs, users: usersMs };
    const server = await startServer(dataDir, options.logLevel, postgres?.url);
    try {
      return { options, cpus: cpus().length, seedMs, ...(await drive(server, usernames, options)) };
    } finally {
      // Idle keep-alive sockets would keep the process alive.
      for (const agent of agents) agent.destroy();
      agents.length = 0;
      await server.stop();
    }
  } finally {
    if (options.keepLog) await copyFile(join(dataDir, 'server.log'), options.keepLog).catch(() => undefined);
    await postgres?.drop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** A database of its own on the given PostgreSQL (the role needs CREATEDB), dropped afterwards. */
async function throwawayDatabase(url: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const admin = postgresDb(url);
  const name = `branchdesk_bench_${ulid().toLowerCase()}`;
  await sql.raw(`create database ${name}`).execute(admin);
  const target = new URL(url);
  target.pathname = `/${name}`;
  return {
    url: target.toString(),
    drop: async () => {
      await sql.raw(`drop database if exists ${name} with (force)`).execute(admin);
      await admin.destroy();
    },
  };
}

/** 党委s of 100 branches each, one account per branch; argon2 hashes a few at a time (the thread pool's size). */
async function seedBranches(dataDir: string, count: number, databaseUrl: string | undefined): Promise<{ usernames: string[]; orgsMs: number; usersMs: number }> {
  const unlock = databaseUrl ? async () => undefined : await lockDataDir(dataDir);
  const db = await openDatabase({ databaseUrl, dataDir: join(dataDir, 'pglite') });
  try {
    const started = performance.now();
    const branches: { id: string; username: string }[] = [];
    for (let c = 0; c * 100 < count; c++) {
      const committee = await createCommittee(db, { name: `中共基准测试第${c + 1}委员会` });
      for (let b = c * 100; b < Math.min(count, (c + 1) * 100); b++) {
        const org = await createOrg(db, { parentId: committee.id, kind: 'branch', name: `基准测试第${b + 1}党支部` });
        branches.push({ id: org.id, username: `bench-${b + 1}` });
      }
    }
    const orgsDone = performance.now();
    for (let i = 0; i < branches.length; i += 8) {
      await Promise.all(branches.slice(i, i + 8).map((b) => createUser(db, { orgId: b.id, username: b.username, displayName: '书记', password: PASSWORD })));
    }
    return { usernames: branches.map((b) => b.username), orgsMs: orgsDone - started, usersMs: performance.now() - orgsDone };
  } finally {
    await db.destroy();
    await unlock();
  }
}

interface ChildServer {
  port: number;
  pid: number;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const probe = createServer();
  probe.listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as AddressInfo;
  probe.close();
  await once(probe, 'close');
  return port;
}

async function startServer(dataDir: string, logLevel: string, databaseUrl: string | undefined): Promise<ChildServer> {
  const port = await freePort();
  const logFile = join(dataDir, 'server.log');
  const log = createWriteStream(logFile);
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/src/cli.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl ?? '',
      JWT_SECRET: randomBytes(32).toString('hex'),
      TRUST_PROXY: '1',
      WEB_DIR: '',
      LOG_LEVEL: logLevel,
      // Empty: the defaults, which the one-address probe measures.
      RATE_LIMIT_PER_MINUTE: '',
      LOGIN_RATE_LIMIT_PER_MINUTE: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  const exited = once(child, 'exit');
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
    log.end();
  };
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server stopped at start (exit ${child.exitCode}):\n${(await readFile(logFile, 'utf8')).slice(-2000)}`);
    const answer = await call(port, 'GET', '/api/health').catch(() => null);
    if (answer?.status === 200) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error('the server did not answer /api/health within 120 s');
    }
    await sleep(100);
  }
  return { port, pid: child.pid!, stop };
}

/**
 * Each simulated branch keeps its own keep-alive connection, as a computer does. Opening 1,000 at once
 * overflows the server's listen queue (511): the kernel drops SYNs and the client retries after 1, 2,
 * 4… s, so connections are opened before the measured run and the run counts any it opens.
 */
const agents: Agent[] = [];
const newAgent = () => {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  agents.push(agent);
  return agent;
};
// Health checks while the server starts: nothing to keep open.
const shared = new Agent({ keepAlive: false });
let connectionsOpened = 0;

interface Answer {
  status: number;
  body: string;
}

function call(port: number, method: 'GET' | 'POST', path: string, headers: Record<string, string> = {}, body?: string, agent: Agent = shared): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method, path, agent, headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('socket', (socket) => {
      if (socket.connecting) connectionsOpened++;
    });
    req.on('error', reject);
    req.end(body);
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Percentiles by sorting every sample (there are at most a few hundred thousand). */
export function latencies(samples: number[]): Latencies {
  if (samples.length === 0) return { count: 0, p50: Number.NaN, p99: Number.NaN, max: Number.NaN };
  const sorted = Float64Array.from(samples).sort();
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  return { count: sorted.length, p50: at(0.5), p99: at(0.99), max: sorted[sorted.length - 1]! };
}

/** utime + stime of a process, in ms (Linux /proc; NaN elsewhere). */
async function cpuMs(pid: number): Promise<number> {
  try {
    const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return Number.NaN;
  }
}

/** TcpExt ListenOverflows of the whole machine (Linux); NaN elsewhere. */
async function listenOverflows(): Promise<number> {
  try {
    const lines = (await readFile('/proc/net/netstat', 'utf8')).split('\n').filter((l) => l.startsWith('TcpExt:'));
    const names = lines[0]!.split(' ');
    const values = lines[1]!.split(' ');
    return Number(values[names.indexOf('ListenOverflows')]);
  } catch {
    return Number.NaN;
  }
}

interface Branch {
  index: number;
  agent: Agent;
  headers: Record<string, string>;
  dataOrgId: string;
  checkpoints: Record<CollectionName, number>;
}

/** The address branch i is seen from (10.x.y.z), through the reverse proxy the server trusts. */
const addressOf = (i: number) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;

async function drive(server: ChildServer, usernames: string[], options: LoadOptions): Promise<Omit<LoadResult, 'options' | 'cpus' | 'seedMs'>> {
  const { port } = server;

  // Everyone behind one address, as without TRUST_PROXY: how soon the limit refuses.
  let refused = 0;
  const probeAgent = new Agent({ keepAlive: true, maxSockets: 50 });
  agents.push(probeAgent);
  const probes = Array.from({ length: 1300 }, (_, i) => i);
  for (let i = 0; i < probes.length; i += 50) {
    const answers = await Promise.all(probes.slice(i, i + 50).map(() => call(port, 'GET', '/api/health', {}, undefined, probeAgent)));
    refused += answers.filter((a) => a.status === 429).length;
  }

  // Each branch signs in once (argon2 on the server: the slow part).
  options.onPhase?.(`${usernames.length} logins`);
  const loginStart = performance.now();
  const loginTimes: number[] = [];
  const loginFailed: Record<string, number> = {};
  const signedIn = await Promise.all(
    usernames.map(async (username, index): Promise<Branch | null> => {
      const forwarded = { 'x-forwarded-for': addressOf(index) };
      const agent = newAgent();
      const started = performance.now();
      const answer = await call(port, 'POST', '/api/auth/login', forwarded, JSON.stringify({ username, password: PASSWORD, deviceName: '基准测试电脑' }), agent).catch(
        (error: NodeJS.ErrnoException) => ({ status: `network: ${error.code ?? error.message}`, body: '' }),
      );
      loginTimes.push(performance.now() - started);
      if (answer.status !== 200) {
        const key = typeof answer.status === 'number' ? `HTTP ${answer.status} ${answer.body.slice(0, 80)}` : answer.status;
        loginFailed[key] = (loginFailed[key] ?? 0) + 1;
        return null;
      }
      const session = JSON.parse(answer.body) as LoginResponse;
      const checkpoints = Object.fromEntries(COLLECTION_NAMES.map((c) => [c, 0])) as Record<CollectionName, number>;
      return { index, agent, headers: { ...forwarded, authorization: `Bearer ${session.accessToken}` }, dataOrgId: session.account.dataOrgId, checkpoints };
    }),
  );
  const login = { ms: performance.now() - loginStart, latency: latencies(loginTimes), failed: loginFailed };
  const branches = signedIn.filter((b): b is Branch => b !== null);

  const version = (c: CollectionName) => collections[c].schema.version;
  const push = (b: Branch, c: CollectionName, docs: object[]) =>
    call(port, 'POST', `${pushPath(c)}?schemaVersion=${version(c)}`, b.headers, JSON.stringify({ rows: docs.map((newDocumentState) => ({ newDocumentState })) }), b.agent);
  const pull = async (b: Branch, c: CollectionName, record?: (ms: number, status: number) => void): Promise<boolean> => {
    const started = performance.now();
    const answer = await call(port, 'GET', `${pullPath(c)}?checkpoint=${b.checkpoints[c]}&limit=${PULL_LIMIT}&schemaVersion=${version(c)}`, b.headers, undefined, b.agent);
    record?.(performance.now() - started, answer.status);
    if (answer.status !== 200) return false;
    const page = JSON.parse(answer.body) as PullResponse;
    b.checkpoints[c] = page.checkpoint.seq;
    return page.documents.length === PULL_LIMIT;
  };

  options.onPhase?.('warm-up');
  // Warm-up: every branch brings its roster and a year of meetings, then pulls everything once (checkpoints).
  const warmStart = performance.now();
  let warmDocs = 0;
  let warmRequests = 0;
  const warmFailed: Record<string, number> = {};
  const warmFail = (key: string) => (warmFailed[key] = (warmFailed[key] ?? 0) + 1);
  await Promise.all(
    branches.map(async (b) => {
      for (const [c, docs] of Object.entries(startingDocs(b.dataOrgId)) as [CollectionName, object[]][]) {
        const answer = await push(b, c, docs).catch((error: NodeJS.ErrnoException) => ({ status: error.code ?? 'network' }));
        warmRequests++;
        if (answer.status === 200) warmDocs += docs.length;
        else warmFail(typeof answer.status === 'number' ? `HTTP ${answer.status}` : `network: ${answer.status}`);
      }
      for (const c of COLLECTION_NAMES) {
        const record = (_ms: number, status: number) => status !== 200 && warmFail(`HTTP ${status}`);
        for (let more = true; more; warmRequests++) {
          more = await pull(b, c, record).catch((error: NodeJS.ErrnoException) => {
            warmFail(`network: ${error.code ?? error.message}`);
            return false;
          });
        }
      }
    }),
  );
  const warmUp = { ms: performance.now() - warmStart, docs: warmDocs, requests: warmRequests, failed: warmFailed };

  // The run: every branch loops over sync passes until the time is up.
  const all: number[] = [];
  const pulls: number[] = [];
  const pushes: number[] = [];
  const passes: number[] = [];
  const errors: Record<string, number> = {};
  let docsPushed = 0;
  let lastDone = 0;
  const failed = (key: string) => (errors[key] = (errors[key] ?? 0) + 1);
  const recordPull = (ms: number, status: number) => {
    lastDone = performance.now();
    all.push(ms);
    pulls.push(ms);
    if (status !== 200) failed(`HTTP ${status}`);
  };
  // Connections idle since the warm-up may have been closed (keep-alive timeout): open them again now.
  await Promise.all(branches.map((b) => call(port, 'GET', '/api/health', b.headers, undefined, b.agent).catch(() => null)));
  options.onPhase?.(`${options.seconds} s of load`);
  const connectionsBefore = connectionsOpened;
  const overflowsBefore = await listenOverflows();
  const serverCpu = await cpuMs(server.pid);
  const ownCpu = process.cpuUsage();
  const start = performance.now();
  const end = start + options.seconds * 1000;
  const [thinkMin, thinkMax] = options.thinkMs;
  await Promise.all(
    branches.map(async (b) => {
      // Spread the first passes over one think time, as branches do not all press 同步 in the same millisecond.
      await sleep(Math.random() * thinkMax);
      let written = 0;
      while (performance.now() < end) {
        const passStart = performance.now();
        try {
          for (const c of COLLECTION_NAMES) while (await pull(b, c, recordPull));
          if (Math.random() < options.pushShare) {
            const c = DAILY_COLLECTIONS[Math.floor(Math.random() * DAILY_COLLECTIONS.length)]!;
            const docs = Array.from({ length: 1 + Math.floor(Math.random() * 5) }, () => ({ ...freshDoc(c, b.dataOrgId, written++), _deleted: false }));
            const started = performance.now();
            const answer = await push(b, c, docs);
            lastDone = performance.now();
            const ms = lastDone - started;
            all.push(ms);
            pushes.push(ms);
            if (answer.status === 200) docsPushed += docs.length;
            else failed(`HTTP ${answer.status}`);
          }
          passes.push(performance.now() - passStart);
        } catch (error) {
          failed(`network: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
        }
        await sleep(thinkMin + Math.random() * (thinkMax - thinkMin));
      }
    }),
  );
  const wall = performance.now() - start;
  const connections = connectionsOpened - connectionsBefore;
  const overflows = (await listenOverflows()) - overflowsBefore;
  const own = process.cpuUsage(ownCpu);
  const serverCores = ((await cpuMs(server.pid)) - serverCpu) / wall;
  // From the start to the last answer (the loops then sleep out their think time).
  const ms = lastDone - start;
  return {
    oneAddress: { sent: probes.length, refused },
    login,
    warmUp,
    run: {
      ms,
      requests: all.length,
      perSecond: all.length / (ms / 1000),
      latency: latencies(all),
      pulls: latencies(pulls),
      pushes: latencies(pushes),
      passes: latencies(passes),
      docsPushed,
      errors,
      connections,
      overflows,
      serverCores,
      generatorCores: (own.user + own.system) / 1000 / wall,
    },
  };
}
