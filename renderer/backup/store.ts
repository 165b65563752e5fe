/**
 * Where automatic backups are kept: the origin-private file system (OPFS) of the browser profile,
 * which in the desktop app is inside its user data folder. Rotation keeps 7 daily, 4 weekly and 12
 * monthly copies (shared/rules/backup-rotation.ts).
 */
import { chinaToday } from '@shared/dates';
import { backupsToRemove, type StoredBackup } from '@shared/rules/backup-rotation';
import { readBackupSummary, type BackupSummary } from './format';

const FOLDER = 'backups';

async function folder(): Promise<FileSystemDirectoryHandle | null> {
  if (!navigator.storage?.getDirectory) return null;
  const root = await navigator.storage.getDirectory();
  return root.getDirectoryHandle(FOLDER, { create: true });
}

export interface AutoBackup extends StoredBackup {
  size: number;
  summary: BackupSummary | null;
}

/** Writes a backup whole: to a temporary name first, then renamed, so a crash leaves no half file. */
export async function storeBackup(name: string, bytes: Uint8Array<ArrayBuffer>): Promise<boolean> {
  const dir = await folder();
  if (!dir) return false;
  const temp = await dir.getFileHandle(`${name}.part`, { create: true });
  const writable = await temp.createWritable();
  await writable.write(bytes);
  await writable.close();
  const handle = temp as FileSystemFileHandle & { move?: (name: string) => Promise<void> };
  if (handle.move) await handle.move(name);
  else {
    const final = await (await dir.getFileHandle(name, { create: true })).createWritable();
    await final.write(bytes);
    await final.close();
    await dir.removeEntry(`${name}.part`);
  }
  return true;
}

export async function listBackups(): Promise<AutoBackup[]> {
  const dir = await folder();
  if (!dir) return [];
  const out: AutoBackup[] = [];
  for await (const [name, handle] of (dir as unknown as { entries(): AsyncIterable<[string, FileSystemHandle]> }).entries()) {
    if (handle.kind !== 'file' || !name.endsWith('.bdbackup')) continue;
    const file = await (handle as FileSystemFileHandle).getFile();
    let summary: BackupSummary | null = null;
    try {
      summary = readBackupSummary(new Uint8Array(await file.slice(0, Math.min(file.size, 256 * 1024)).arrayBuffer()) as Uint8Array<ArrayBuffer>);
    } catch {
      // A damaged file is listed without its summary, never opened.
    }
    const createdAt = summary?.createdAt ?? new Date(file.lastModified).toISOString();
    out.push({ name, size: file.size, createdAt, date: chinaToday(new Date(createdAt)), summary });
  }
  return out.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

export async function readStoredBackup(name: string): Promise<Uint8Array<ArrayBuffer>> {
  const dir = await folder();
  if (!dir) throw new Error('这台电脑上没有自动备份');
  return new Uint8Array(await (await (await dir.getFileHandle(name)).getFile()).arrayBuffer());
}

export async function rotateBackups(): Promise<string[]> {
  const dir = await folder();
  if (!dir) return [];
  const removed = backupsToRemove(await listBackups());
  for (const name of removed) await dir.removeEntry(name);
  return removed;
}
