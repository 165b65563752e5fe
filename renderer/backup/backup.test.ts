/** Backups: the whole database out and back identical; files that are not ours, cut short or locked refused, nothing touched. */
import { indexedDB, IDBKeyRange } from 'fake-indexeddb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { COLLECTION_NAMES } from '@shared/model';
import { openBranchDatabase, type BranchDatabase } from '../db/database';
import { loadDemo } from '../db/demo';
import { collectContent, makeBackup, readBackup, replaceContent, type BackupContent } from './backup';
import { BackupError, readBackupSummary, sealBackup } from './format';

const DEVICE_KEY = 'device-key-0123456789abcdef';
let counter = 0;
const open: BranchDatabase[] = [];

async function openDb(name = `backup-${Date.now()}-${counter++}`): Promise<BranchDatabase> {
  const db = await openBranchDatabase({ name, storage: getRxStorageDexie({ indexedDB, IDBKeyRange }), multiInstance: false, password: DEVICE_KEY });
  open.push(db);
  return db;
}

afterEach(async () => {
  await Promise.all(open.splice(0).map((db) => db.close()));
});


/** The demo branch plus a scan on a dossier: every collection with something in it, an attachment, encrypted fields. */
async function filled(): Promise<BranchDatabase> {
  const db = await openDb();
  await loadDemo(db, 'branch', '2026-11-23');
  const dossier = (await db.dossiers.findOne().exec())!;
  await dossier.putAttachment({ id: 'scan-1', type: 'image/png', data: new Blob([new Uint8Array([137, 80, 78, 71, 1, 2, 3, 250])], { type: 'image/png' }) });
  return db;
}

async function wipe(db: BranchDatabase): Promise<void> {
  for (const name of COLLECTION_NAMES) await db[name].find().remove();
}

describe('backup → wipe → restore', () => {
  it('gives back every document and attachment identical, personal identifiers included', async () => {
    const db = await filled();
    const before = await collectContent(db);
    expect(before.collections.people!.some((p) => (p as { private?: { idNumber?: string } }).private?.idNumber)).toBe(true);
    const { bytes, summary } = await makeBackup(db, { reason: 'manual', appVersion: '0.1.0', secrets: { device: DEVICE_KEY } });
    expect(summary.branch?.name).toBe('市水利局离退休干部党支部');
    expect(summary.counts.people).toBe(before.collections.people!.length);

    await wipe(db);
    expect(await db.people.count().exec()).toBe(0);
    const content = await readBackup(bytes, { device: DEVICE_KEY });
    await replaceContent(db, content, { collections: {}, attachments: [] });

    const after = await collectContent(db);
    for (const name of COLLECTION_NAMES) {
      const sort = (docs: Record<string, unknown>[] = []) => [...docs].sort((a, b) => String(a.id).localeCompare(String(b.id)));
      expect(sort(after.collections[name]), name).toEqual(sort(before.collections[name]));
    }
    expect(after.attachments).toEqual(before.attachments);
  });

  it('removes what was added after the backup, so the database is as it was', async () => {
    const db = await filled();
    const { bytes } = await makeBackup(db, { reason: 'manual', appVersion: '0.1.0', secrets: { device: DEVICE_KEY } });
    const people = await db.people.count().exec();
    const extra = { ...(await db.people.findOne().exec())!.toMutableJSON(false), id: '01KAZZZZZZZZZZZZZZZZZZZZZZ', name: '后加的人' };
    await db.people.insert(extra as never);
    await replaceContent(db, await readBackup(bytes, { device: DEVICE_KEY }), { collections: {}, attachments: [] });
    expect(await db.people.count().exec()).toBe(people);
    expect(await db.people.findOne('01KAZZZZZZZZZZZZZZZZZZZZZZ').exec()).toBeNull();
  });

  it('opens on another computer with the backup password, and only with it', async () => {
    const db = await filled();
    const { bytes } = await makeBackup(db, { reason: 'manual', appVersion: '0.1.0', secrets: { device: DEVICE_KEY, password: '党支部2026' } });
    const elsewhere = await readBackup(bytes, { device: 'another-computer-key', password: '党支部2026' });
    expect(elsewhere.collections.people!.length).toBe(await db.people.count().exec());
    await expect(readBackup(bytes, { device: 'another-computer-key', password: '党支部2025' })).rejects.toMatchObject({ code: 'wrong-password' });
    await expect(readBackup(bytes, { device: 'another-computer-key' })).rejects.toMatchObject({ code: 'locked', message: expect.stringContaining('备份密码') });
  });
});

describe('a file that cannot be restored is refused before anything is touched', () => {
  async function refusedLeavesDataAlone(db: BranchDatabase, bytes: Uint8Array<ArrayBuffer>, code: BackupError['code']) {
    const before = await collectContent(db);
    const attempt = readBackup(bytes, { device: DEVICE_KEY });
    await expect(attempt).rejects.toBeInstanceOf(BackupError);
    await expect(attempt).rejects.toMatchObject({ code });
    expect(await collectContent(db)).toEqual(before);
  }

  it('a truncated backup (a copy cut short)', async () => {
    const db = await filled();
    const { bytes } = await makeBackup(db, { reason: 'manual', appVersion: '0.1.0', secrets: { device: DEVICE_KEY } });
    await refusedLeavesDataAlone(db, bytes.slice(0, Math.floor(bytes.length * 0.7)), 'damaged');
    await refusedLeavesDataAlone(db, bytes.slice(0, 30), 'damaged');
  });

  it('a backup with one byte changed', async () => {
    const db = await filled();
    const { bytes } = await makeBackup(db, { reason: 'manual', appVersion: '0.1.0', secrets: { device: DEVICE_KEY } });
    const changed = bytes.slice();
    changed[changed.length - 40] = changed[changed.length - 40]! ^ 0xff;
    await refusedLeavesDataAlone(db, changed, 'damaged');
  });

  it('a foreign file (an Excel sheet renamed, an empty file)', async () => {
    const db = await filled();
    await refusedLeavesDataAlone(db, new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]), 'foreign');
    await refusedLeavesDataAlone(db, new Uint8Array(0), 'foreign');
    expect(() => readBackupSummary(new TextEncoder().encode('姓名,性别\n张三,男'))).toThrow('这不是支部工作台的备份文件');
  });

  it('a backup made by a newer version of the app', async () => {
    const newer = await sealBackup({ collections: {}, attachments: [] } satisfies BackupContent, { createdAt: '2027-01-01T00:00:00Z', appVersion: '9.0.0', reason: 'manual', branch: null, counts: {}, schemaVersions: { people: 99 }, dates: null }, { device: DEVICE_KEY });
    await expect(readBackup(newer, { device: DEVICE_KEY })).rejects.toMatchObject({ code: 'newer' });
  });
});

describe('a backup of data stored by an older version (taken before an upgrade)', () => {
  it('is brought to the current schema versions when it is read, ready to restore', async () => {
    const duesRow = { id: '01JD0000000000000000000071', orgId: 'ORG', createdAt: '2026-01-10T01:00:00.000Z', updatedAt: '2026-01-10T01:00:00.000Z', updatedBy: '王建国', personId: 'P1', month: '2026-01', category: 'retired', amountFen: 1489, paidFen: 1489, paidOn: '2026-01-10' };
    const old = await sealBackup({ collections: { dues: [duesRow] }, attachments: [] } satisfies BackupContent, { createdAt: '2026-11-23T01:00:00Z', appVersion: '0.1.0', reason: 'before-upgrade', branch: null, counts: { dues: 1 }, schemaVersions: { dues: 0 }, dates: null }, { device: DEVICE_KEY });
    const content = await readBackup(old, { device: DEVICE_KEY });
    expect(content.collections.dues).toEqual([duesRow]);
  });
});

describe('the preview', () => {
  it('reads the branch, the counts and the dates without any key', async () => {
    const db = await filled();
    const { bytes } = await makeBackup(db, { reason: 'daily', appVersion: '0.1.0', secrets: { device: DEVICE_KEY }, now: new Date('2026-11-23T08:00:00Z') });
    const summary = readBackupSummary(bytes);
    expect(summary).toMatchObject({ reason: 'daily', createdAt: '2026-11-23T08:00:00.000Z', branch: { name: '市水利局离退休干部党支部' }, slots: ['device'] });
    expect(summary.counts.meetings).toBeGreaterThan(50);
    expect(summary.dates!.from < summary.dates!.to).toBe(true);
  });

  it('does not show personal identifiers: the file holds no ID number in clear', async () => {
    const db = await filled();
    const person = (await db.people.findOne().exec())!.toJSON() as { private?: { idNumber?: string } };
    const { bytes } = await makeBackup(db, { reason: 'manual', appVersion: '0.1.0', secrets: { device: DEVICE_KEY } });
    expect(new TextDecoder().decode(bytes)).not.toContain(person.private!.idNumber!);
  });
});
