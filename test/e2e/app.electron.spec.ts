/** The same journey in the real Electron shell, wherever its binary exists. */
import { _electron as electron, expect, test } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { electronBinary } from '../../scripts/electron-binary.mjs';

const binary = electronBinary();

test.skip(!binary, 'Electron 程序文件不存在（本机无法下载），跳过桌面版测试；网页版测试照常运行。');

test('the desktop app opens sandboxed, without Node in the page, and shows the wizard', async () => {
  const userData = mkdtempSync(join(tmpdir(), 'branchdesk-e2e-'));
  const app = await electron.launch({ executablePath: binary!, args: ['out/main/index.js', `--user-data-dir=${userData}`] });
  try {
    const page = await app.firstWindow();
    await expect(page.getByText('欢迎使用支部工作台')).toBeVisible();
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    expect(await page.evaluate(() => typeof (window as unknown as { branchDesk?: object }).branchDesk)).toBe('object');
    const info = await page.evaluate(() => (window as unknown as { branchDesk: { 'app:info': (r: undefined) => Promise<unknown> } }).branchDesk['app:info'](undefined));
    expect(info).toMatchObject({ ok: true, value: { shell: 'electron' } });
    // Navigation away from the app is refused.
    await page.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).not.toContain('example.com');
  } finally {
    await app.close();
    rmSync(userData, { recursive: true, force: true });
  }
});
