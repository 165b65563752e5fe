/**
 * Leaves the mark a process killed in the middle of writing a log record leaves: an incomplete record at
 * the end of every IndexedDB write-ahead log of the profile. A real SIGKILL does this only when it lands
 * between the writes of one record (rare); the fault test can do it after every kill, to show what Chromium
 * makes of it on the next starts and that the desktop app's repair (electron/main/leveldb-repair.ts) holds.
 */
import { appendFileSync, existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const BLOCK_SIZE = 32768;

/** Appends a record header promising 200 bytes, and 5 of them, to the newest log of each store. Returns the logs torn. */
export function tearLogs(partitionDir: string): string[] {
  const indexedDb = join(partitionDir, 'IndexedDB');
  if (!existsSync(indexedDb)) return [];
  const torn: string[] = [];
  for (const store of readdirSync(indexedDb).filter((name) => name.endsWith('.leveldb'))) {
    const logs = readdirSync(join(indexedDb, store))
      .filter((name) => /^\d+\.log$/.test(name))
      .sort();
    const log = logs.at(-1);
    if (!log) continue;
    const file = join(indexedDb, store, log);
    const blockLeft = BLOCK_SIZE - (statSync(file).size % BLOCK_SIZE);
    // A record never starts in the last 6 bytes of a block (they are padding), and must fit its block.
    const padding = blockLeft < 7 + 200 ? Buffer.alloc(blockLeft) : Buffer.alloc(0);
    const header = Buffer.from([0x12, 0x34, 0x56, 0x78, 200, 0, 1]);
    appendFileSync(file, Buffer.concat([padding, header, Buffer.from('torn!')]));
    torn.push(file);
  }
  return torn;
}
