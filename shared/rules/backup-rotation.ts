/**
 * Which automatic backups to keep (grandfather-father-son): the newest of each of the last 7 days, of
 * each of the last 4 weeks and of each of the last 12 months that have a backup, plus the 3 newest of
 * all (a backup made before an import or a restore is never the first to go). The rest are removed.
 */
import { addDays } from '../dates';

export interface StoredBackup {
  name: string;
  /** The China date it was made, 'YYYY-MM-DD'. */
  date: string;
  /** ISO instant, to order backups of one day. */
  createdAt: string;
}

export const BACKUP_RETENTION = { daily: 7, weekly: 4, monthly: 12, newest: 3 } as const;

/** Monday of the date's week, 'YYYY-MM-DD'. */
function weekOf(date: string): string {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, -((day + 6) % 7));
}

export function backupsToRemove(backups: readonly StoredBackup[], retention = BACKUP_RETENTION): string[] {
  const newestFirst = [...backups].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const keep = new Set(newestFirst.slice(0, retention.newest).map((b) => b.name));
  const newestOf = (bucket: (b: StoredBackup) => string, count: number) => {
    const seen = new Set<string>();
    for (const b of newestFirst) {
      const key = bucket(b);
      if (seen.has(key)) continue;
      seen.add(key);
      if (seen.size > count) break;
      keep.add(b.name);
    }
  };
  newestOf((b) => b.date, retention.daily);
  newestOf((b) => weekOf(b.date), retention.weekly);
  newestOf((b) => b.date.slice(0, 7), retention.monthly);
  return newestFirst.filter((b) => !keep.has(b.name)).map((b) => b.name);
}
