/**
 * The crash-safety fault run: Chromium writes through the app's database stack, is killed with SIGKILL at a
 * random moment, is started again on the same profile, and the database must open with every write it
 * acknowledged present and whole. Used by `npm run faults` (kill.ts) and, shorter, by the automated suite.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build, preview, type PreviewServer } from 'vite';
import { schemaValidators } from '../../build/schema-validators.ts';
import { alias, define } from '../../vite.shared.ts';
import { repairChromiumStorage } from '../../electron/main/leveldb-repair.ts';
import { launchChromium, type ChromiumProcess } from './chromium-process.ts';
import { tearLogs } from './tear.ts';
import type { Ack, Opened, Verification } from './harness/writer.ts';

const HARNESS_DIR = resolve(import.meta.dirname, 'harness');

export interface CrashRunOptions {
  /** Kill cycles: the browser is started runs + 1 times (the last start only verifies). */
  runs: number;
  /** How long each run writes before the kill, chosen at random in this range (ms). */
  writeMs?: [number, number];
  /** Seed of the random write durations, to repeat a run. */
  seed?: number;
  /** Progress lines. */
  log?: (line: string) => void;
  /**
   * Repair torn logs before each start, as the desktop app's main process does (default true). Off, the run
   * shows what Chromium alone does.
   */
  repair?: boolean;
  /** After each kill, leave an incomplete record at the end of the logs (what a kill mid-record leaves). */
  tear?: boolean;
  /** Keeps Chromium's log and a copy of the database folder before each start, in the kept work folder. */
  diagnostics?: boolean;
}

export interface RunRecord {
  run: number;
  /** From launch to kill, including open, verification and writing. */
  ms: number;
  openMs: number;
  verifyMs: number;
  writeMs: number;
  acks: number;
}

export interface CrashFigures {
  seed: number;
  runs: number;
  kills: number;
  launches: number;
  acknowledged: number;
  /** Distinct acknowledged writes absent at any verification. */
  missing: number;
  /** Distinct documents found unequal to what was written, or unreadable, at any verification. */
  corrupt: number;
  opensFailed: number;
  writeErrors: number;
  /** Logs torn on purpose (`tear`), and logs the repair cut back to their last whole record. */
  logsTorn: number;
  logsRepaired: number;
  /** Documents in the database at the last verification. */
  storedAtEnd: number;
  /** Of those, writes that committed but whose acknowledgement never arrived (the kill fell in between). */
  unacknowledgedAtEnd: number;
  perRun: RunRecord[];
  /** What went wrong, for people: the first few ids and reasons. */
  problems: string[];
  totalMs: number;
}

/** A small seeded generator (mulberry32): the same seed gives the same kill moments. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const delay = (ms: number) => new Promise((done) => setTimeout(done, ms));

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer in ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Builds the harness page as the app is built (production mode: no dev-mode, compiled validators) and serves it. */
async function serveHarness(outDir: string): Promise<PreviewServer> {
  const config = { configFile: false as const, root: HARNESS_DIR, base: './', logLevel: 'warn' as const, resolve: { alias }, define };
  await build({ ...config, plugins: [schemaValidators()], build: { outDir, emptyOutDir: true, target: 'chrome130', minify: false, chunkSizeWarningLimit: 8000 } });
  return preview({ ...config, logLevel: 'silent', build: { outDir }, preview: { port: 0, host: '127.0.0.1', strictPort: false } });
}

export async function crashRun(options: CrashRunOptions): Promise<CrashFigures> {
  const started = performance.now();
  const log = options.log ?? (() => undefined);
  const [minWrite, maxWrite] = options.writeMs ?? [200, 2000];
  const seed = options.seed ?? Math.floor(Math.random() * 2 ** 31);
  const random = seeded(seed);
  const work = await mkdtemp(join(tmpdir(), 'branchdesk-faults-'));
  const profile = join(work, 'profile');
  const figures: CrashFigures = {
    seed,
    runs: options.runs,
    kills: 0,
    launches: 0,
    acknowledged: 0,
    missing: 0,
    corrupt: 0,
    opensFailed: 0,
    writeErrors: 0,
    logsTorn: 0,
    logsRepaired: 0,
    storedAtEnd: 0,
    unacknowledgedAtEnd: 0,
    perRun: [],
    problems: [],
    totalMs: 0,
  };
  const acked: Ack[] = [];
  const missing = new Set<string>();
  const corrupt = new Set<string>();
  let current: ChromiumProcess | null = null;
  // Chromium runs in its own process group: an interrupted run must not leave it behind.
  const onSignal = () => {
    if (current) process.kill(-current.child.pid!, 'SIGKILL');
    process.exit(130);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const server = await serveHarness(join(work, 'harness'));
  const url = `${server.resolvedUrls!.local[0]!}index.html`;
  let keepWork = false;

  try {
    for (let run = 0; run <= options.runs; run++) {
      const t0 = performance.now();
      const record: RunRecord = { run, ms: 0, openMs: 0, verifyMs: 0, writeMs: 0, acks: 0 };
      if (options.diagnostics && run > 0) {
        keepWork = true;
        await cp(join(profile, 'Default', 'IndexedDB'), join(work, `before-start-${run}`), { recursive: true });
      }
      if (options.tear && run > 0) figures.logsTorn += tearLogs(join(profile, 'Default')).length;
      if (options.repair ?? true) {
        const report = repairChromiumStorage(join(profile, 'Default'));
        figures.logsRepaired += report.repaired.length;
        for (const damaged of report.damaged) figures.problems.push(`run ${run}: damaged log left alone: ${damaged.file} at ${damaged.at}`);
      }
      current = await launchChromium(profile, options.diagnostics ? join(work, 'chromium.log') : undefined);
      figures.launches++;
      const context = current.browser.contexts()[0]!;
      const page = context.pages()[0] ?? (await context.newPage());
      page.on('console', (message) => {
        const text = message.text();
        const ack = /^ACK (care|dues|people) (\S+)$/.exec(text);
        if (ack) {
          // Logged only after the insert promise resolved: from here on the write must survive.
          acked.push({ collection: ack[1] as Ack['collection'], id: ack[2]! });
          record.acks++;
        } else if (text.startsWith('WRITE_ERROR')) {
          figures.writeErrors++;
          figures.problems.push(`run ${run}: ${text}`);
        }
      });
      page.on('pageerror', (error) => figures.problems.push(`run ${run}: page error ${error.message}`));
      // tsx (esbuild) names inner functions with a __name helper that pages do not have.
      await page.addInitScript('window.__name = (f) => f');
      await page.goto(url);

      const opened: Opened = await withTimeout(
        page.evaluate(() => window.faults.opened),
        60_000,
        'opening the database',
      ).catch((error: unknown) => ({ ok: false as const, ms: 60_000, error: String(error) }));
      record.openMs = opened.ms;
      if (!opened.ok) {
        figures.opensFailed++;
        figures.problems.push(`run ${run}: the database did not open: ${opened.error}`);
        keepWork = true;
        await current.killGroup();
        current = null;
        break;
      }

      if (run > 0) {
        const verification: Verification = await withTimeout(
          page.evaluate((list) => window.faults.verify(list), acked),
          300_000,
          'verifying',
        );
        record.verifyMs = verification.ms;
        figures.storedAtEnd = verification.stored;
        figures.unacknowledgedAtEnd = verification.unacknowledged;
        for (const m of verification.missing) {
          const key = `${m.collection}/${m.id}`;
          if (!missing.has(key) && missing.size < 20) figures.problems.push(`run ${run}: missing ${key}`);
          missing.add(key);
        }
        for (const c of verification.corrupt) {
          const key = `${c.collection}/${c.id}`;
          if (!corrupt.has(key) && corrupt.size < 20) figures.problems.push(`run ${run}: corrupt ${key}: ${c.reason}`);
          corrupt.add(key);
        }
        if (verification.missing.length > 0 || verification.corrupt.length > 0) keepWork = true;
      }

      if (run < options.runs) {
        const writeFor = minWrite + random() * (maxWrite - minWrite);
        await page.evaluate((n) => window.faults.write(n), run);
        await delay(writeFor);
        record.writeMs = writeFor;
        await current.killGroup();
        figures.kills++;
      } else {
        await current.killGroup();
      }
      current = null;
      record.ms = performance.now() - t0;
      figures.perRun.push(record);
      log(
        run < options.runs
          ? `run ${run + 1}/${options.runs}: opened in ${Math.round(record.openMs)} ms, ${run > 0 ? `verified ${figures.storedAtEnd} documents in ${Math.round(record.verifyMs)} ms, ` : ''}wrote ${Math.round(record.writeMs)} ms (${record.acks} acknowledged), killed; missing so far ${missing.size}, corrupt ${corrupt.size}`
          : `final start: opened in ${Math.round(record.openMs)} ms, verified ${figures.storedAtEnd} documents in ${Math.round(record.verifyMs)} ms`,
      );
    }
  } catch (error) {
    keepWork = true;
    throw error;
  } finally {
    if (current) await current.killGroup().catch(() => undefined);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await new Promise<void>((done) => server.httpServer.close(() => done()));
    if (keepWork) log(`profile and harness kept for inspection: ${work}`);
    else await rm(work, { recursive: true, force: true });
  }
  figures.acknowledged = acked.length;
  figures.missing = missing.size;
  figures.corrupt = corrupt.size;
  figures.totalMs = performance.now() - started;
  return figures;
}

/** The figures as a short report. */
export function formatFigures(f: CrashFigures): string {
  const runs = f.perRun.filter((r) => r.writeMs > 0);
  const stat = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    const mean = values.reduce((s, v) => s + v, 0) / Math.max(1, values.length);
    return `mean ${Math.round(mean)}, median ${Math.round(sorted[Math.floor(sorted.length / 2)] ?? 0)}, max ${Math.round(sorted.at(-1) ?? 0)}`;
  };
  const lines = [
    `runs                              ${f.runs} (seed ${f.seed})`,
    `kills (SIGKILL, whole group)      ${f.kills}`,
    `Chromium starts                   ${f.launches}`,
    `acknowledged writes total         ${f.acknowledged}`,
    `  per run                         min ${Math.min(...runs.map((r) => r.acks))}, ${stat(runs.map((r) => r.acks))}`,
    `missing acknowledged writes       ${f.missing}`,
    `half-written / corrupt documents  ${f.corrupt}`,
    `opens failed                      ${f.opensFailed}`,
    `write errors                      ${f.writeErrors}`,
    `logs torn on purpose / repaired   ${f.logsTorn} / ${f.logsRepaired}`,
    `documents at the end              ${f.storedAtEnd} (${f.unacknowledgedAtEnd} committed but not acknowledged before the kill)`,
    `time per run (ms)                 ${stat(runs.map((r) => r.ms))}`,
    `  writing before the kill (ms)    ${stat(runs.map((r) => r.writeMs))}`,
    `  database open after a kill (ms) ${stat(f.perRun.slice(1).map((r) => r.openMs))}`,
    `  verification (ms)               ${stat(f.perRun.slice(1).map((r) => r.verifyMs))}`,
    `total                             ${(f.totalMs / 1000).toFixed(1)} s`,
  ];
  if (f.problems.length > 0) lines.push('problems:', ...f.problems.slice(0, 40).map((p) => `  ${p}`));
  return lines.join('\n');
}
