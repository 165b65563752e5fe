/** The built web app in a fresh headless Chromium profile, served by vite preview, for one piece of work. */
import { chromium, type Page } from 'playwright-core';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { preview } from 'vite';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium.ts';

export async function withApp<T>(url: (base: string) => string, work: (page: Page) => Promise<T>): Promise<T> {
  const server = await preview({ configFile: 'vite.web.config.ts', preview: { port: 0, host: '127.0.0.1' }, logLevel: 'silent' });
  const profile = await mkdtemp(join(tmpdir(), 'branchdesk-bench-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true, viewport: { width: 1366, height: 768 } });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    // tsx (esbuild) names inner functions with a __name helper that pages do not have.
    await page.addInitScript('window.__name = (f) => f');
    page.on('console', (m) => {
      if (m.type() === 'warning' && process.env.BENCH_VERBOSE) console.log('page warning:', m.text());
    });
    page.setDefaultTimeout(600_000);
    await page.goto(url(server.resolvedUrls!.local[0]!));
    await page.waitForSelector('.app-header');
    return await work(page);
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  }
}
