/**
 * Roster benchmarks in Chromium (web mode): keystroke-to-results latency of the search over the
 * 10,000-member data set, and importing a 10,000-row .xlsx through the import dialog.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chinaToday } from '../../shared/dates.ts';
import { scaleRosterXlsx } from '../fixtures/scale-xlsx.ts';
import { withApp } from './with-app.ts';

const TODAY = chinaToday(new Date());

/**
 * Milliseconds from each keystroke's input event to the new results in the page (`samples`), and to
 * the next frame after that (`painted`, which adds the wait for the display's next refresh).
 */
export async function measureSearchLatency(queries: readonly string[]): Promise<{ people: number; samples: number[]; painted: number[]; filterMs: number[] }> {
  return withApp(
    (base) => `${base}?demo=scale`,
    async (page) => {
      await page.getByRole('menuitem', { name: '党员名册' }).click();
      await page.waitForFunction(() => /共 \d{5} 人/.test(document.querySelector('[data-testid="roster-count"]')?.textContent ?? ''));
      const people = Number(/共 (\d+) 人/.exec((await page.getByTestId('roster-count').textContent()) ?? '')?.[1]);
      const box = page.getByLabel('查找人员');
      const samples: number[] = [];
      const painted: number[] = [];
      for (const query of queries) {
        await box.fill('');
        await page.waitForFunction(() => /^共/.test(document.querySelector('[data-testid="roster-count"]')?.textContent ?? ''));
        for (const ch of query) {
          const before = await page.getByTestId('roster-count').textContent();
          await page.evaluate(() => {
            const w = window as unknown as { __bdT0?: number };
            document.querySelector('input[aria-label="查找人员"]')!.addEventListener('input', () => (w.__bdT0 = performance.now()), { once: true });
          });
          await box.focus();
          await page.keyboard.type(ch);
          const latency = await page.evaluate(
            (previous) =>
              new Promise<[number, number]>((resolve) => {
                const label = document.querySelector('[data-testid="roster-count"]')!;
                const t0 = (window as unknown as { __bdT0: number }).__bdT0;
                const done = () => {
                  const inDom = performance.now() - t0;
                  requestAnimationFrame(() => resolve([inDom, performance.now() - t0]));
                };
                if (label.textContent !== previous) return done();
                const observer = new MutationObserver(() => {
                  observer.disconnect();
                  done();
                });
                observer.observe(label, { childList: true, characterData: true, subtree: true });
                setTimeout(() => {
                  observer.disconnect();
                  resolve([-1, -1]); // the count did not change: no visible result to time
                }, 1000);
              }),
            before,
          );
          if (latency[0] >= 0) {
            samples.push(latency[0]);
            painted.push(latency[1]);
          }
        }
      }
      const filterMs = await page.evaluate(() => performance.getEntriesByName('bd:roster-filter').map((e) => e.duration));
      const warnings = await page.evaluate(() => (window as unknown as { __bdWarnings?: string[] }).__bdWarnings ?? []);
      if (process.env.BENCH_VERBOSE) console.log('filter ms', filterMs.map((x) => x.toFixed(1)).join(' '), warnings);
      return { people, samples, painted, filterMs };
    },
  );
}

/** Seconds from choosing the file to the import report, and from 导入 to done, for a 10,000-row file. */
export async function measureImport(rows: number): Promise<{ checkMs: number; writeMs: number; rows: number }> {
  const dir = await mkdtemp(join(tmpdir(), 'branchdesk-xlsx-'));
  const file = join(dir, '万人名册.xlsx');
  await writeFile(file, await scaleRosterXlsx(TODAY, rows));
  try {
    return await withApp(
      (base) => `${base}?demo=branch`,
      async (page) => {
        await page.getByRole('menuitem', { name: '党员名册' }).click();
        await page.getByRole('button', { name: '从Excel导入' }).click();
        const chooser = page.waitForEvent('filechooser');
        await page.getByRole('button', { name: '选择Excel文件' }).click();
        const start = performance.now();
        await (await chooser).setFiles(file);
        await page.getByRole('button', { name: '检查数据' }).click();
        await page.getByTestId('import-report').waitFor();
        const checked = performance.now();
        const report = (await page.getByTestId('import-report').textContent()) ?? '';
        const accepted = Number(/可以导入 (\d+) 人/.exec(report)?.[1]);
        if (accepted !== rows) throw new Error(`expected ${rows} importable rows, the report says: ${report.slice(0, 200)}`);
        await page.getByRole('button', { name: `导入 ${rows} 人` }).click();
        await page.getByText(`已导入 ${rows} 人`).waitFor();
        return { checkMs: checked - start, writeMs: performance.now() - checked, rows };
      },
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
