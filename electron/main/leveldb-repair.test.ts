import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeLog, recordOf } from './leveldb-fixture';
import { checkLog, crc32c, repairChromiumStorage, repairLevelDb } from './leveldb-repair';

const BLOCK = 32768;

/** Three records: small, one spread over three blocks, small. */
const records = [recordOf(0, 100), recordOf(1, 70_000), recordOf(2, 300)];
const whole = encodeLog(records);
/** Where each record ends in the file (the offsets a clean log may end at). */
const ends = records.map((_, i) => encodeLog(records.slice(0, i + 1)).length);

describe('checkLog', () => {
  it('computes CRC-32C as LevelDB does', () => {
    expect(crc32c(Buffer.from('123456789'))).toBe(0xe3069283);
    expect(crc32c(Buffer.alloc(32))).toBe(0x8a9136aa);
  });

  it('finds a log that ends after a whole record clean, however records are fragmented', () => {
    expect(checkLog(Buffer.alloc(0))).toEqual({ state: 'clean' });
    for (const end of ends) expect(checkLog(whole.subarray(0, end))).toEqual({ state: 'clean' });
    // A record ending within the last six bytes of a block: the next starts after the padding.
    const tight = encodeLog([recordOf(0, BLOCK - 7 - 3), recordOf(1, 10)]);
    expect(checkLog(tight)).toEqual({ state: 'clean' });
  });

  it('cuts back to the last whole record wherever the writer died', () => {
    // Every cut point inside the second and third records: in a header, in data, between fragments.
    const cuts = [ends[0]! + 3, ends[0]! + 7, ends[0]! + 500, BLOCK, BLOCK + 4, BLOCK + 100, 2 * BLOCK + 2, ends[1]! - 1, ends[1]! + 5, ends[2]! - 1];
    for (const cut of cuts) {
      const keep = ends.filter((end) => end <= cut).at(-1) ?? 0;
      expect(checkLog(whole.subarray(0, cut)), `cut at ${cut}`).toEqual({ state: 'torn-tail', keep, size: cut });
    }
  });

  it('treats a last record whose bytes do not match their checksum as torn (a power cut can leave garbage)', () => {
    const damaged = Buffer.from(whole);
    damaged[ends[2]! - 10]! ^= 0xff;
    expect(checkLog(damaged)).toEqual({ state: 'torn-tail', keep: ends[1], size: whole.length });
  });

  it('leaves damage in the middle alone: good records follow it', () => {
    const damaged = Buffer.from(whole);
    damaged[50]! ^= 0xff;
    expect(checkLog(damaged)).toEqual({ state: 'damaged', at: 0 });
  });

  it('recognises records appended after a torn one (what Chromium alone makes of a crash) as damage', () => {
    const torn = whole.subarray(0, ends[0]! + 20);
    const appended = Buffer.concat([torn, encodeLog([recordOf(9, 50)])]);
    expect(checkLog(appended)).toMatchObject({ state: 'damaged', at: ends[0] });
  });

  it('cuts zero padding after the last record, so the next append starts where LevelDB expects', () => {
    const padded = Buffer.concat([whole, Buffer.alloc(20)]);
    expect(checkLog(padded)).toEqual({ state: 'torn-tail', keep: whole.length, size: whole.length + 20 });
  });
});

describe('repairing a profile', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'bd-leveldb-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function store(path: string, files: Record<string, Buffer | string>): Promise<string> {
    const folder = join(dir, path);
    await mkdir(folder, { recursive: true });
    for (const [name, content] of Object.entries(files)) await writeFile(join(folder, name), content);
    return folder;
  }

  it('cuts torn logs and the torn MANIFEST of every IndexedDB origin and of localStorage, and nothing else', async () => {
    const table = Buffer.from('sorted table bytes, never touched');
    const idb = await store('IndexedDB/file__0.indexeddb.leveldb', {
      '000007.log': whole.subarray(0, ends[1]! + 9),
      'MANIFEST-000001': Buffer.concat([encodeLog([recordOf(5, 40)]), Buffer.from([1, 2, 3])]),
      CURRENT: 'MANIFEST-000001\n',
      '000005.ldb': table,
    });
    const clean = await store('IndexedDB/http_localhost_5173.indexeddb.leveldb', { '000003.log': whole, CURRENT: 'MANIFEST-000002\n' });
    const local = await store('Local Storage/leveldb', { '000004.log': whole.subarray(0, 9) });

    const report = repairChromiumStorage(dir);

    expect(report.damaged).toEqual([]);
    expect(report.repaired.map((r) => r.file).sort()).toEqual([join(idb, '000007.log'), join(idb, 'MANIFEST-000001'), join(local, '000004.log')].sort());
    expect((await stat(join(idb, '000007.log'))).size).toBe(ends[1]);
    expect(checkLog(await readFile(join(idb, 'MANIFEST-000001')))).toEqual({ state: 'clean' });
    expect((await stat(join(local, '000004.log'))).size).toBe(0);
    expect(await readFile(join(idb, '000005.ldb'))).toEqual(table);
    expect(await readFile(join(clean, '000003.log'))).toEqual(whole);
    // Repairing twice changes nothing more.
    expect(repairChromiumStorage(dir)).toEqual({ repaired: [], damaged: [] });
  });

  it('reports damage in the middle without changing the file', async () => {
    const damaged = Buffer.from(whole);
    damaged[50]! ^= 0xff;
    const folder = await store('IndexedDB/file__0.indexeddb.leveldb', { '000003.log': damaged });
    expect(repairLevelDb(folder)).toEqual({ repaired: [], damaged: [{ file: join(folder, '000003.log'), at: 0 }] });
    expect(await readFile(join(folder, '000003.log'))).toEqual(damaged);
  });

  it('does nothing where there are no stores yet (first start)', () => {
    expect(repairChromiumStorage(join(dir, 'nothing-here'))).toEqual({ repaired: [], damaged: [] });
  });
});
