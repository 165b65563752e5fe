/**
 * The backups the app makes by itself: the first time it opens each day, before an import and before a
 * restore; and the restore itself, which takes a safety backup of the current data first.
 */
import type { BranchDatabase } from '../db/database';
import { platform } from '../platform';
import { dataKey } from '../security/session';
import { chinaToday } from '@shared/dates';
import type { StoredSnapshot } from '../db/database';
import { collectContent, currentVersions, makeBackup, readBackup, replaceContent, summarize, type BackupContent } from './backup';
import { sealBackup, type Secrets } from './format';
import { listBackups, rotateBackups, storeBackup } from './store';

export type AutoReason = 'daily' | 'before-import' | 'before-restore' | 'before-upgrade';

/** '20261124091530-daily.bdbackup': the China time it was made, to the second. */
const stampName = (now: Date, reason: string) => `${new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace(/[-:T]/g, '')}-${reason}.bdbackup`;

async function appVersion(): Promise<string> {
  return (await platform().appInfo()).version;
}

/** Makes and keeps an automatic backup; returns its name, or null where the browser keeps no files. */
export async function autoBackup(db: BranchDatabase, reason: AutoReason, now = new Date()): Promise<string | null> {
  const { bytes } = await makeBackup(db, { reason, appVersion: await appVersion(), secrets: { device: dataKey() }, now });
  const name = stampName(now, reason);
  if (!(await storeBackup(name, bytes))) return null;
  await rotateBackups();
  return name;
}

/** The daily backup, unless one was made today already. */
export async function dailyBackupIfDue(db: BranchDatabase, now = new Date()): Promise<string | null> {
  const today = chinaToday(now);
  const existing = await listBackups();
  if (existing.some((b) => b.date === today)) return null;
  return autoBackup(db, 'daily', now);
}

/** A backup to save where the secretary chooses (a USB stick), optionally with a password. */
export async function manualBackup(db: BranchDatabase, password: string | undefined): Promise<Uint8Array<ArrayBuffer>> {
  const secrets: Secrets = { device: dataKey(), ...(password ? { password } : {}) };
  return (await makeBackup(db, { reason: 'manual', appVersion: await appVersion(), secrets })).bytes;
}

/**
 * Restores a backup: the file is opened and checked whole first; then the current data is saved as a
 * safety backup; then replaced (or put back if writing fails).
 */
export async function restoreBackup(db: BranchDatabase, bytes: Uint8Array<ArrayBuffer>, password?: string): Promise<void> {
  const device = dataKey();
  const content = await readBackup(bytes, { device, ...(password ? { password } : {}) });
  const current = await collectContent(db);
  const now = new Date();
  const safety = await sealBackup(current, summarize(currentVersions(db), current, 'before-restore', await appVersion(), now), { device });
  await storeBackup(stampName(now, 'before-restore'), safety);
  await replaceContent(db, content, current);
}

/**
 * The data as the previous version stored it, kept before a schema migration runs (openBranchDatabase's
 * beforeMigration): restoring it later migrates it again. Scans are not in it (a migration keeps them).
 */
export async function backupBeforeUpgrade(snapshot: StoredSnapshot, device: string, now = new Date()): Promise<string | null> {
  const content: BackupContent = { collections: snapshot.collections, attachments: [] };
  const versions = snapshot.schemaVersions as Record<string, number>;
  const bytes = await sealBackup(content, summarize(versions, content, 'before-upgrade', await appVersion(), now), { device });
  const name = stampName(now, 'before-upgrade');
  return (await storeBackup(name, bytes)) ? name : null;
}
