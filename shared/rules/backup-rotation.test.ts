/** Automatic backups kept by rotation: 7 daily, 4 weekly, 12 monthly, and the 3 newest whatever they are. */
import { describe, expect, it } from 'vitest';
import { addDays } from '../dates';
import { backupsToRemove, type StoredBackup } from './backup-rotation';

/** One backup a day at 09:00 China time for `days` days up to `last`. */
function daily(last: string, days: number): StoredBackup[] {
  return Array.from({ length: days }, (_, i) => {
    const date = addDays(last, -i);
    return { name: `auto-${date}.bdbackup`, date, createdAt: `${date}T01:00:00.000Z` };
  });
}

describe('backupsToRemove', () => {
  it('keeps everything while there are only a few backups', () => {
    expect(backupsToRemove(daily('2026-11-23', 5))).toEqual([]);
  });

  it('after two years of daily backups keeps 7 days, 4 weeks and 12 months: about 21 files', () => {
    const all = daily('2026-11-23', 730);
    const removed = new Set(backupsToRemove(all));
    const kept = all.filter((b) => !removed.has(b.name)).map((b) => b.date);
    expect(kept.length).toBeGreaterThanOrEqual(18);
    expect(kept.length).toBeLessThanOrEqual(23);
    // The last seven days, every one of them.
    for (let i = 0; i < 7; i++) expect(kept).toContain(addDays('2026-11-23', -i));
    // One for each of the last twelve months.
    const months = new Set(kept.map((d) => d.slice(0, 7)));
    expect(months.size).toBe(12);
    expect(months.has('2025-12')).toBe(true);
    expect(months.has('2025-11')).toBe(false);
  });

  it('keeps the newest of a day when several were made (a backup before an import, then the daily one)', () => {
    const backups: StoredBackup[] = [
      { name: 'daily', date: '2026-11-23', createdAt: '2026-11-23T01:00:00.000Z' },
      { name: 'before-import', date: '2026-11-23', createdAt: '2026-11-23T03:00:00.000Z' },
      ...daily('2026-11-22', 30),
    ];
    const removed = backupsToRemove(backups);
    expect(removed).not.toContain('before-import');
    expect(removed).not.toContain('daily'); // one of the 3 newest
  });

  it('never removes the three newest, even all on one day', () => {
    const burst: StoredBackup[] = Array.from({ length: 5 }, (_, i) => ({ name: `b${i}`, date: '2026-11-23', createdAt: `2026-11-23T0${i}:00:00.000Z` }));
    expect(backupsToRemove(burst).sort()).toEqual(['b0', 'b1']);
  });
});
