/**
 * Crash safety, short: Chromium writing through the app's database stack is killed with SIGKILL five times
 * at random moments; after each kill the database opens and holds every write it acknowledged, whole.
 * Each kill also leaves an incomplete record at the end of the logs, as a kill in the middle of a record
 * does now and then: without the desktop app's repair before each start (electron/main/leveldb-repair.ts),
 * Chromium deletes the whole database at the second start after such a kill.
 * The full hundred kills: `npm run faults`.
 */
import { expect, it } from 'vitest';
import { crashRun, formatFigures } from '../faults/crash-run.ts';

it('keeps every acknowledged write through five kills of Chromium mid-write, torn logs included', async () => {
  const figures = await crashRun({ runs: 5, tear: true });
  const report = formatFigures(figures);
  expect(figures.kills, report).toBe(5);
  expect(figures.logsTorn, report).toBe(5);
  expect(figures.logsRepaired, report).toBeGreaterThanOrEqual(5);
  expect(figures.opensFailed, report).toBe(0);
  expect(figures.writeErrors, report).toBe(0);
  expect(figures.acknowledged, report).toBeGreaterThan(0);
  expect(figures.missing, report).toBe(0);
  expect(figures.corrupt, report).toBe(0);
}, 180_000);
