/**
 * Cryptographic randomness drawn from a pool: the ulid package asks the system for one byte per
 * character (16 calls an id), which cost half a second for a 10,000-person import. The pool is
 * refilled from crypto.getRandomValues, so ids and IVs stay unpredictable.
 */
import { ulid } from 'ulid';

const POOL_BYTES = 64 * 1024;
let pool = new Uint8Array(0);
let offset = 0;

/** `count` fresh random bytes. */
export function randomBytes(count: number): Uint8Array<ArrayBuffer> {
  if (count > POOL_BYTES) return crypto.getRandomValues(new Uint8Array(count));
  if (offset + count > pool.length) {
    pool = crypto.getRandomValues(new Uint8Array(POOL_BYTES));
    offset = 0;
  }
  const bytes = pool.slice(offset, offset + count);
  offset += count;
  return bytes;
}

/** A float in [0, 1) from 32 random bits: the source ulid expects. */
function random(): number {
  return new DataView(randomBytes(4).buffer).getUint32(0) / 0x1_0000_0000;
}

/** A new document id (ULID: time-ordered, 26 characters). */
export function newId(atMs: number = Date.now()): string {
  return ulid(atMs, random);
}
