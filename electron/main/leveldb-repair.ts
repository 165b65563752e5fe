/**
 * Repairs the one kind of damage a crash leaves in Chromium's LevelDB stores, before Chromium opens them.
 *
 * Why: Chromium opens its IndexedDB and localStorage LevelDB stores with `reuse_logs`. A process killed in
 * the middle of writing a log record leaves an incomplete record at the end of the log; on the next start
 * LevelDB rightly ignores it, but then keeps appending to the same file after it. After a second crash the
 * log has the broken record in its middle, LevelDB reports corruption, and Chromium deletes the whole
 * IndexedDB of the origin: every record of the branch, not just the last write (google/leveldb#1287; the
 * fix, leveldb PR #1336, is not in Chromium). Our fault test saw it once: two kills, 736 saved records gone.
 *
 * What: for every write-ahead log (`*.log`) and the current MANIFEST of a store, cut an incomplete record
 * off the end of the file, so the next append starts clean. Nothing else is ever changed: a record cut off
 * was being written when the process died, so LevelDB never told anyone it was saved. Damage in the middle
 * of a file (valid records after a bad one) is not ours to guess at: it is reported and left alone.
 *
 * Log format (leveldb doc/log_format.md): 32 KiB blocks of physical records, each a 7-byte header
 * (masked CRC-32C of type and data, little-endian length, type) and its data; a logical record is one FULL
 * record or FIRST, MIDDLE…, LAST; fewer than 7 bytes left in a block are zero padding.
 */
import { existsSync, readdirSync, readFileSync, truncateSync } from 'node:fs';
import { join } from 'node:path';

const BLOCK_SIZE = 32768;
const HEADER_SIZE = 7;
const enum RecordType {
  Zero = 0,
  Full = 1,
  First = 2,
  Middle = 3,
  Last = 4,
}

const CRC32C_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0x82f63b78 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32C (Castagnoli), the checksum LevelDB uses. */
export function crc32c(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let crc = 0xffffffff;
  for (let i = start; i < end; i++) crc = CRC32C_TABLE[(crc ^ bytes[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** LevelDB stores checksums masked, so a CRC of data holding CRCs stays well distributed. */
export function maskCrc(crc: number): number {
  return (((crc >>> 15) | (crc << 17)) + 0xa282ead8) >>> 0;
}

export type LogCheck =
  | { state: 'clean' }
  /** An incomplete record at the end: the file should end at `keep` bytes. */
  | { state: 'torn-tail'; keep: number; size: number }
  /** A bad record followed by good ones: real damage, left alone. */
  | { state: 'damaged'; at: number };

interface Physical {
  type: number;
  length: number;
}

/** The physical record at `pos` if its header and data are whole and its checksum matches. */
function physicalAt(bytes: Uint8Array, pos: number): Physical | 'zero' | null {
  const blockLeft = BLOCK_SIZE - (pos % BLOCK_SIZE);
  if (bytes.length - pos < HEADER_SIZE || blockLeft < HEADER_SIZE) return null;
  const length = bytes[pos + 4]! | (bytes[pos + 5]! << 8);
  const type = bytes[pos + 6]!;
  if (type === RecordType.Zero && length === 0) return 'zero';
  if (type < RecordType.Full || type > RecordType.Last) return null;
  if (HEADER_SIZE + length > blockLeft || pos + HEADER_SIZE + length > bytes.length) return null;
  const stored = (bytes[pos]! | (bytes[pos + 1]! << 8) | (bytes[pos + 2]! << 16) | (bytes[pos + 3]! << 24)) >>> 0;
  if (maskCrc(crc32c(bytes, pos + 6, pos + HEADER_SIZE + length)) !== stored) return null;
  return { type, length };
}

/**
 * Whether a whole, checksummed record starts anywhere after the bad one at `from`: then `from` is not the
 * end of what was written but damage in the middle (for instance records appended after a torn one by an
 * app that did not repair it). Records start at any offset within a block, so every offset is tried; the
 * checksum keeps a chance match out.
 */
function goodRecordAfter(bytes: Uint8Array, from: number): boolean {
  for (let pos = from + 1; pos + HEADER_SIZE <= bytes.length; pos++) {
    const found = physicalAt(bytes, pos);
    if (found !== null && found !== 'zero') return true;
  }
  return false;
}

/** Reads a LevelDB log as LevelDB's reader would and says whether it ends in an incomplete record. */
export function checkLog(bytes: Uint8Array): LogCheck {
  let pos = 0;
  /** The end of the last whole logical record: where a clean file would end. */
  let lastWholeEnd = 0;
  let inFragments = false;
  while (pos < bytes.length) {
    const blockLeft = BLOCK_SIZE - (pos % BLOCK_SIZE);
    if (blockLeft < HEADER_SIZE) {
      pos += blockLeft; // the block's zero trailer
      continue;
    }
    const record = physicalAt(bytes, pos);
    if (record === 'zero') {
      pos += blockLeft; // zeros to the end of the block: no record here
      continue;
    }
    const sequenceOk =
      record !== null && (record.type === RecordType.Full || record.type === RecordType.First ? !inFragments : inFragments);
    if (record === null || !sequenceOk) {
      if (goodRecordAfter(bytes, pos)) return { state: 'damaged', at: pos };
      return { state: 'torn-tail', keep: lastWholeEnd, size: bytes.length };
    }
    pos += HEADER_SIZE + record.length;
    if (record.type === RecordType.First) inFragments = true;
    if (record.type === RecordType.Full || record.type === RecordType.Last) {
      inFragments = false;
      lastWholeEnd = pos;
    }
  }
  if (inFragments) return { state: 'torn-tail', keep: lastWholeEnd, size: bytes.length };
  // Only block padding after the last record is clean too, but cutting it keeps the writer's block math exact.
  return lastWholeEnd === bytes.length || bytes.length === 0 ? { state: 'clean' } : { state: 'torn-tail', keep: lastWholeEnd, size: bytes.length };
}

export interface RepairReport {
  /** Files cut back to their last whole record. */
  repaired: { file: string; from: number; to: number }[];
  /** Files with damage in the middle, left alone. */
  damaged: { file: string; at: number }[];
}

/** The log files of one LevelDB folder: every write-ahead log and the MANIFEST named in CURRENT. */
function logFilesOf(dir: string): string[] {
  const files = readdirSync(dir)
    .filter((name) => /^\d+\.log$/.test(name))
    .map((name) => join(dir, name));
  const current = join(dir, 'CURRENT');
  if (existsSync(current)) {
    const manifest = readFileSync(current, 'utf8').trim();
    if (/^MANIFEST-\d+$/.test(manifest) && existsSync(join(dir, manifest))) files.push(join(dir, manifest));
  }
  return files;
}

/** Repairs torn tails in one LevelDB folder. */
export function repairLevelDb(dir: string, report: RepairReport = { repaired: [], damaged: [] }): RepairReport {
  for (const file of logFilesOf(dir)) {
    const bytes = readFileSync(file);
    const check = checkLog(bytes);
    if (check.state === 'torn-tail') {
      truncateSync(file, check.keep);
      report.repaired.push({ file, from: check.size, to: check.keep });
    } else if (check.state === 'damaged') {
      report.damaged.push({ file, at: check.at });
    }
  }
  return report;
}

/**
 * Repairs the LevelDB stores of one Chromium storage partition (Electron's userData folder, or a Chromium
 * profile's `Default` folder): every IndexedDB origin and localStorage. Call before any page opens them.
 */
export function repairChromiumStorage(partitionDir: string): RepairReport {
  const report: RepairReport = { repaired: [], damaged: [] };
  const indexedDb = join(partitionDir, 'IndexedDB');
  const stores = existsSync(indexedDb)
    ? readdirSync(indexedDb)
        .filter((name) => name.endsWith('.leveldb'))
        .map((name) => join(indexedDb, name))
    : [];
  const localStorage = join(partitionDir, 'Local Storage', 'leveldb');
  if (existsSync(localStorage)) stores.push(localStorage);
  for (const store of stores) repairLevelDb(store, report);
  return report;
}
