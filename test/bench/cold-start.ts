/**
 * Cold start in web mode with the 10,000-member data set: a fresh Chromium process opens the app
 * on a profile that already holds the data, and we read the app's own performance marks.
 */
import { chromium, type BrowserContext } from 'playwright-core';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { preview } from 'vite';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium.ts';

export interface ColdStartFigures {
  seedMs: number;
  people: number;
  runs: { launchMs: number; homeInteractiveMs: number; dbOpenMs: number; marks: Record<string, number> }[];
}

async function launch(profile: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    headless: true,
    viewport: { width: 1366, height: 768 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
}

async function marks(context: BrowserContext, url: string, timeout: number) {
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (error) => console.error('page error:', error.message));
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('bd:home-interactive').length > 0, undefined, { timeout, polling: 10 });
  return page.evaluate(() => {
    const home = performance.getEntriesByName('bd:home-interactive')[0]!.startTime;
    const db = performance.getEntriesByName('bd:db-open')[0]?.duration ?? Number.NaN;
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    const counts = document.querySelector('[data-testid="home-counts"]')?.textContent ?? '';
    const steps: Record<string, number> = Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime]));
    steps['dom-interactive'] = nav?.domInteractive ?? Number.NaN;
    return { home, db, steps, counts };
  });
}

export async function measureColdStart(runs: number): Promise<ColdStartFigures> {
  const server = await preview({ configFile: 'vite.web.config.ts', preview: { port: 0, host: '127.0.0.1' }, logLevel: 'silent' });
  const base = server.resolvedUrls!.local[0]!;
  const profile = await mkdtemp(join(tmpdir(), 'branchdesk-bench-'));
  try {
    const seeding = await launch(profile);
    const seedStart = performance.now();
    const seeded = await marks(seeding, `${base}?demo=scale`, 900_000);
    const seedMs = performance.now() - seedStart;
    const totals = await seeding.pages()[0]!.evaluate(async () => {
      const dbs = await indexedDB.databases();
      return dbs.map((d) => d.name).join(',');
    });
    await seeding.close();
    const people = Number(/党员总数\s*([\d,]+)/.exec(seeded.counts)?.[1]?.replaceAll(',', '') ?? Number.NaN);
    if (!(people >= 10_000)) throw new Error(`the scale data did not load (首页 shows: ${seeded.counts}; databases: ${totals})`);

    const figures: ColdStartFigures = { seedMs, people, runs: [] };
    for (let i = 0; i < runs; i++) {
      const launchStart = performance.now();
      const context = await launch(profile);
      const launchMs = performance.now() - launchStart;
      const run = await marks(context, base, 60_000);
      figures.runs.push({ launchMs, homeInteractiveMs: run.home, dbOpenMs: run.db, marks: run.steps });
      await context.close();
    }
    return figures;
  } finally {
    await rm(profile, { recursive: true, force: true });
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  }
}
