/**
 * Sync by file benchmark (section 文件同步 of `npm run bench`; alone: `node --import tsx test/bench/sync-file.ts`).
 * Prints figures, asserts nothing.
 *
 * The 500-member branch of the sync benchmark (sync-data.ts) on a computer that is never online
 * (sync-file-branch.ts: the app's renderer/sync/file-sync.ts on all nine collections), and its
 * committee's server in this process on loopback, PGlite on disk in a temporary DATA_DIR as deployed
 * (BENCH_FILE_SYNC_DB=memory: in memory, as sync.ts's first-sync figures), reached through the
 * committee app's HTTP client (BENCH_FILE_SYNC_EXPORTS, BENCH_FILE_SYNC_ROUNDS: how many of each below):
 *   first file   the branch's first export (everything), the committee's import of it, the branch's
 *                import of the reply that acknowledges everything
 *   one meeting  a new meeting recorded at the branch, then the same round trip, `rounds` times
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';
import { openSyncFile, readEnvelope, syncFileKeys, type ReplyFilePayload } from '../../shared/sync/file-format.ts';
import { BENCH_PASSWORD, benchServer } from './bench-server.ts';
import { branchOf500, documentCount, freshDoc } from './sync-data.ts';
import type * as BranchModule from './sync-file-branch.ts';


let branchModule: Promise<typeof BranchModule> | null = null;
/** renderer/ imports '@shared/…' (a Vite alias): tsx resolves it with the paths of tsconfig.base.json. */
function branchSide(): Promise<typeof BranchModule> {
  branchModule ??= register({ namespace: 'bench-sync-file', tsconfig: fileURLToPath(new URL('../../tsconfig.base.json', import.meta.url)) }).import('./sync-file-branch.ts', import.meta.url);
  return branchModule;
}

type Storage = 'disk' | 'memory';

const bytesOf = (text: string) => Buffer.byteLength(text, 'utf8');

/** One exchange of files, its times in ms and its sizes in bytes. */
export interface FileRound {
  rows: number;
  fileBytes: number;
  /** Build + seal, each run (only the last file is committed and sent). */
  exportMs: number[];
  commitMs: number;
  importMs: number;
  replyDocs: number;
  replyBytes: number;
  replyImportMs: number;
}

export interface FileSyncResult {
  storage: Storage;
  documents: number;
  collections: number;
  /** The first file's payload as JSON, before gzip. */
  firstJsonBytes: number;
  first: FileRound;
  rounds: FileRound[];
}

export interface FileSyncOptions {
  /** Builds of the first file (the last one is sent). */
  exports?: number;
  /** Rounds of one new meeting. */
  rounds?: number;
  storage?: Storage;
}

/** BENCH_FILE_SYNC_EXPORTS (5), BENCH_FILE_SYNC_ROUNDS (5), BENCH_FILE_SYNC_DB (disk | memory). */
export function fileSyncOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): FileSyncOptions {
  return {
    exports: Number(env.BENCH_FILE_SYNC_EXPORTS ?? 5),
    rounds: Number(env.BENCH_FILE_SYNC_ROUNDS ?? 5),
    storage: env.BENCH_FILE_SYNC_DB === 'memory' ? 'memory' : 'disk',
  };
}

export async function measureFileSync(options: FileSyncOptions = {}): Promise<FileSyncResult> {
  const { exports = 5, rounds = 5, storage = 'disk' } = options;
  const { openBranchComputer, committeeApp } = await branchSide();
  const server = await benchServer({ storage, account: 'committee' });
  let computer: BranchModule.BranchComputer | null = null;
  try {
    const committee = await committeeApp(server.baseUrl, server.username, BENCH_PASSWORD);
    const { code } = await committee.fileCode(server.branchId);
    const set = branchOf500();
    computer = await openBranchComputer(code, set);
    const branch = computer;
    const keys = await syncFileKeys(code);
    const replyDocs = async (reply: string) => {
      const payload: ReplyFilePayload = await openSyncFile(readEnvelope(reply), keys, 'reply');
      return Object.values(payload.docs).reduce((n, docs) => n + docs.length, 0);
    };

    /** export (`exportRuns` times; the last file is the one sent) → commit → the committee imports it → the branch imports the reply. */
    const round = async (exportRuns: number): Promise<FileRound & { text: string }> => {
      const exportMs: number[] = [];
      let file: BranchModule.ExportedFile | null = null;
      for (let run = 0; run < exportRuns; run++) {
        const started = performance.now();
        file = await branch.exportFile();
        exportMs.push(performance.now() - started);
      }
      if (!file) throw new Error('no export');
      let started = performance.now();
      await file.commit();
      const commitMs = performance.now() - started;

      started = performance.now();
      const imported = await committee.importBranchFile(file.text);
      const importMs = performance.now() - started;
      if (imported.accepted !== file.rows || imported.conflicts !== 0) {
        throw new Error(`the server took ${imported.accepted} of ${file.rows} rows (${imported.conflicts} conflicts)`);
      }

      started = performance.now();
      const summary = await branch.importReply(imported.reply);
      const replyImportMs = performance.now() - started;
      if (summary.acknowledged !== file.rows || summary.unacknowledged !== 0) {
        throw new Error(`the reply acknowledged ${summary.acknowledged} of ${file.rows} rows; ${summary.unacknowledged} still to send`);
      }
      return {
        text: file.text,
        rows: file.rows,
        fileBytes: bytesOf(file.text),
        exportMs,
        commitMs,
        importMs,
        replyDocs: await replyDocs(imported.reply),
        replyBytes: bytesOf(imported.reply),
        replyImportMs,
      };
    };

    const { text, ...first } = await round(exports);
    if (first.rows !== documentCount(set)) throw new Error(`the first file held ${first.rows} documents, expected ${documentCount(set)}`);
    const firstPayload = await openSyncFile(readEnvelope(text), keys, 'branch');
    const firstJsonBytes = bytesOf(JSON.stringify(firstPayload));

    const later: FileRound[] = [];
    for (let n = 0; n < rounds; n++) {
      await branch.db.meetings.insert(freshDoc('meetings', set.org.id, n));
      const { text: _text, ...next } = await round(1);
      later.push(next);
    }
    return { storage, documents: documentCount(set), collections: Object.keys(firstPayload.rows).length, firstJsonBytes, first, rounds: later };
  } finally {
    await computer?.close();
    await server.close();
  }
}

type Row = (label: string, values: number[]) => void;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
const kb = (bytes: number) => (bytes / 1024).toFixed(1);
/** `5` or `1.4–2.2`: the values of the rounds, as one figure when they agree. */
const range = (values: number[], show: (n: number) => string = String) => {
  const [min, max] = [show(Math.min(...values)), show(Math.max(...values))];
  return min === max ? min : `${min}–${max}`;
};

export async function printFileSync(row: Row, options: FileSyncOptions = fileSyncOptionsFromEnv()): Promise<void> {
  const r = await measureFileSync(options);
  const where = r.storage === 'disk' ? 'PGlite on disk in a temporary DATA_DIR' : 'PGlite in memory';
  console.log(`500-member branch: ${r.documents} documents in ${r.collections} collections; the committee's server in this process (${where}), its app over HTTP on loopback`);
  console.log(`first file: ${r.first.rows} rows, ${r.first.fileBytes.toLocaleString('en')} bytes (${mb(r.first.fileBytes)}; ${mb(r.firstJsonBytes)} of JSON before gzip)`);
  row(`  branch: build + seal it (${r.first.exportMs.length} runs)`, r.first.exportMs);
  row('  branch: record it as sent (commit, once)', [r.first.commitMs]);
  row('  committee: import it on the server (once)', [r.first.importMs]);
  console.log(`  reply: ${r.first.replyDocs} documents, ${r.first.replyBytes.toLocaleString('en')} bytes (${mb(r.first.replyBytes)})`);
  row('  branch: import the reply (acknowledges all)', [r.first.replyImportMs]);
  const rounds = r.rounds;
  console.log(
    `one new meeting (${rounds.length} rounds): file ${range(rounds.map((x) => x.rows))} row, ${range(rounds.map((x) => x.fileBytes), kb)} kB; ` +
      `reply ${range(rounds.map((x) => x.replyDocs))} document, ${range(rounds.map((x) => x.replyBytes), kb)} kB`,
  );
  row('  branch: build + seal the file', rounds.flatMap((x) => x.exportMs));
  row('  branch: record it as sent (commit)', rounds.map((x) => x.commitMs));
  row('  committee: import it on the server', rounds.map((x) => x.importMs));
  row('  branch: import the reply', rounds.map((x) => x.replyImportMs));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const ms = (n: number) => `${n.toFixed(0)} ms`;
  const row: Row = (label, values) => {
    const sorted = [...values].sort((a, b) => a - b);
    const median = sorted.length % 2 ? sorted[(sorted.length - 1) / 2]! : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;
    console.log(`${label.padEnd(52)} median ${ms(median).padStart(8)}   min ${ms(sorted[0]!).padStart(8)}   max ${ms(sorted.at(-1)!).padStart(8)}`);
  };
  console.log('文件同步');
  await printFileSync(row);
  // Keep-alive sockets and RxDB timers would hold the process open.
  process.exit(0);
}
