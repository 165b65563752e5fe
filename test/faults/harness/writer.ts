/// <reference types="vite/client" />
// The virtual module of the app's build (a global declaration file, which cannot be imported): the harness
// type-checks under test/tsconfig.json, which does not include renderer/.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="../../../renderer/virtual.d.ts" />
/**
 * The fault harness page: the app's own database stack (openBranchDatabase: Dexie on IndexedDB, the
 * encryption wrapper, schema validation) under a fixed name. The driver (kill.ts) calls `faults.verify`
 * after each restart and `faults.write` to start writing until Chromium is killed. A write is reported
 * (`ACK <collection> <id>` on the console) only after its insert promise resolved.
 */
import type { RxCollection } from 'rxdb';
import { openBranchDatabase, type BranchDatabase } from '../../../renderer/db/database';
import { FAULT_COLLECTIONS, FAULT_DB_NAME, FAULT_PASSWORD, faultDoc, parseFaultId, type FaultCollection } from './records';

export interface Ack {
  collection: FaultCollection;
  id: string;
}

export type Opened = { ok: true; ms: number } | { ok: false; ms: number; error: string };

export interface Verification {
  /** Documents stored in the three collections. */
  stored: number;
  /** Acknowledged writes not found. */
  missing: Ack[];
  /** Documents found but not equal to what was written (or unreadable: failed to decrypt, bad id). */
  corrupt: { collection: string; id: string; reason: string }[];
  /** Stored documents whose acknowledgement never reached the driver (the kill came between commit and report). */
  unacknowledged: number;
  ms: number;
}

export interface FaultHarness {
  opened: Promise<Opened>;
  verify(acked: Ack[]): Promise<Verification>;
  /** Starts writing documents of this run; never resolves while writes succeed. */
  write(run: number): void;
}

declare global {
  interface Window {
    faults: FaultHarness;
  }
}

/** JSON with sorted keys: field order is not part of a document's content. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  );
}

const started = performance.now();
let db: BranchDatabase | null = null;
const opened: Promise<Opened> = openBranchDatabase({ name: FAULT_DB_NAME, password: FAULT_PASSWORD }).then(
  (value) => {
    db = value;
    return { ok: true as const, ms: performance.now() - started };
  },
  (error: unknown) => ({ ok: false as const, ms: performance.now() - started, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) }),
);

function collectionOf(name: FaultCollection): RxCollection {
  return db![name] as unknown as RxCollection;
}

async function verify(acked: Ack[]): Promise<Verification> {
  const t0 = performance.now();
  const result: Verification = { stored: 0, missing: [], corrupt: [], unacknowledged: 0, ms: 0 };
  const ackedIds = new Set(acked.map((a) => `${a.collection}/${a.id}`));
  const found = new Set<string>();
  for (const name of FAULT_COLLECTIONS) {
    const collection = collectionOf(name);
    let docs: Record<string, unknown>[];
    try {
      docs = (await collection.find().exec()).map((d) => d.toJSON() as Record<string, unknown>);
    } catch (error) {
      // One unreadable document (e.g. a field that no longer decrypts) fails the whole query: find which.
      result.corrupt.push({ collection: name, id: '*', reason: `query failed: ${String(error)}` });
      docs = [];
      for (const ack of acked.filter((a) => a.collection === name)) {
        try {
          const doc = await collection.findOne(ack.id).exec();
          if (doc) docs.push(doc.toJSON() as Record<string, unknown>);
        } catch (cause) {
          result.corrupt.push({ collection: name, id: ack.id, reason: String(cause) });
          found.add(`${name}/${ack.id}`);
        }
      }
    }
    for (const doc of docs) {
      const id = String(doc.id);
      const key = `${name}/${id}`;
      found.add(key);
      result.stored++;
      if (!ackedIds.has(key)) result.unacknowledged++;
      const origin = parseFaultId(id);
      if (!origin) {
        result.corrupt.push({ collection: name, id, reason: 'id not written by the harness' });
        continue;
      }
      const expected = canonical(faultDoc(name, origin.run, origin.seq));
      const actual = canonical(doc);
      if (actual !== expected) result.corrupt.push({ collection: name, id, reason: `differs: ${actual.slice(0, 300)}` });
    }
  }
  for (const ack of acked) if (!found.has(`${ack.collection}/${ack.id}`)) result.missing.push(ack);
  result.ms = performance.now() - t0;
  return result;
}

function ack(collection: FaultCollection, id: string): void {
  console.log(`ACK ${collection} ${id}`);
}

/**
 * Writes as the app does, in three patterns: one insert at a time (care, dues, people with its encrypted
 * identifiers), a bulkInsert of five dues rows, three inserts at once.
 */
async function writeLoop(run: number): Promise<void> {
  let seq = 0;
  console.log(`WRITING ${run}`);
  for (let step = 0; ; step++) {
    const pattern = step % 7;
    if (pattern === 3) {
      const docs = [0, 1, 2, 3, 4].map(() => faultDoc('dues', run, seq++));
      const result = await collectionOf('dues').bulkInsert(docs);
      if (result.error.length > 0) throw new Error(`bulkInsert refused: ${JSON.stringify(result.error[0])}`);
      for (const doc of docs) ack('dues', doc.id);
    } else if (pattern === 6) {
      const batch = (['care', 'people', 'dues'] as const).map((name) => ({ name, doc: faultDoc(name, run, seq++) }));
      await Promise.all(batch.map(({ name, doc }) => collectionOf(name).insert(doc).then(() => ack(name, doc.id))));
    } else {
      const name = FAULT_COLLECTIONS[step % 3]!;
      const doc = faultDoc(name, run, seq++);
      await collectionOf(name).insert(doc);
      ack(name, doc.id);
    }
  }
}

window.faults = {
  opened,
  verify,
  write(run) {
    writeLoop(run).catch((error: unknown) => console.log(`WRITE_ERROR ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`));
  },
};
