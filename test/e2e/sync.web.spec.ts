/**
 * 同步 as a secretary meets it: the committee's server (started here as it is deployed: `npm run server`
 * with its admin commands, PGlite in a data folder), the demo branch signs in from 同步, its records reach
 * the server, the server goes away (离线 banner, work goes on), comes back, and 立即同步 catches up.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

const PORT = 4397;
const SERVER = `http://127.0.0.1:${PORT}`;
let dataDir = '';
let server: ChildProcess | null = null;

function admin(...args: string[]): string {
  return execFileSync('node', ['--import', 'tsx', 'server/src/cli.ts', 'admin', ...args], { env: { ...process.env, DATA_DIR: dataDir }, encoding: 'utf8' });
}
const idIn = (output: string) => /编号 ([0-9A-Z]{26})/.exec(output)![1]!;

async function startServer(): Promise<void> {
  server = spawn('node', ['--import', 'tsx', 'server/src/cli.ts'], { env: { ...process.env, DATA_DIR: dataDir, PORT: String(PORT), HOST: '127.0.0.1', WEB_DIR: '' }, stdio: 'ignore' });
  await expect.poll(async () => (await fetch(`${SERVER}/api/health`).catch(() => null))?.status ?? 0, { timeout: 30_000 }).toBe(200);
}
async function stopServer(): Promise<void> {
  const child = server;
  server = null;
  if (!child || child.exitCode !== null) return;
  await new Promise<void>((done) => {
    child.once('exit', () => done());
    child.kill('SIGTERM');
  });
}

test.beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'branchdesk-server-'));
  const committee = idIn(admin('create-committee', '--name', '中共市水利局机关委员会'));
  const branch = idIn(admin('create-org', '--parent', committee, '--kind', 'branch', '--name', '市水利局离退休干部党支部'));
  admin('create-user', '--org', branch, '--username', 'shuiliju-ltx', '--name', '王建国', '--password', 'zhibu-2026-mima');
  admin('create-user', '--org', committee, '--username', 'jiguan-dw', '--name', '组织委员', '--password', 'dangwei-2026-mima');
});
test.afterAll(async () => {
  await stopServer();
  rmSync(dataDir, { recursive: true, force: true });
});

test('the branch signs in to the committee server, syncs, works on offline, and catches up', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  await startServer();
  await page.goto('/?demo=branch');
  await expect(page.locator('.app-header')).toContainText('市水利局离退休干部党支部');
  await page.getByRole('menuitem', { name: '同步' }).click();

  // A committee account is refused on a branch's computer, in plain words.
  await page.getByLabel('服务器地址').fill(SERVER);
  await page.getByLabel('用户名').fill('jiguan-dw');
  await page.getByLabel('密码').fill('dangwei-2026-mima');
  await page.getByRole('button', { name: '登录并开始同步' }).click();
  await expect(page.getByText('是上级党委的账号')).toBeVisible();
  await page.getByLabel('密码').fill('wrong');
  await page.getByLabel('用户名').fill('shuiliju-ltx');
  await page.getByRole('button', { name: '登录并开始同步' }).click();
  await expect(page.getByText('用户名或密码不正确')).toBeVisible();
  await page.getByLabel('密码').fill('zhibu-2026-mima');
  await page.getByRole('button', { name: '登录并开始同步' }).click();

  const status = page.getByTestId('sync-status');
  await expect(status).toContainText('在线', { timeout: 60_000 });
  await expect(status).toContainText('没有，都已同步', { timeout: 60_000 });
  await page.screenshot({ path: testInfo.outputPath('01-synced.png'), fullPage: true });

  // The committee sees the branch's records on the server.
  const login = await fetch(`${SERVER}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'jiguan-dw', password: 'dangwei-2026-mima', deviceName: '组织部' }),
  }).then((r) => r.json() as Promise<{ accessToken: string }>);
  const overview = await fetch(`${SERVER}/api/committee/branches`, { headers: { authorization: `Bearer ${login.accessToken}` } }).then(
    (r) => r.json() as Promise<{ branches: { name: string; docCounts: Record<string, number>; lastSyncAt: string | null }[] }>,
  );
  const branch = overview.branches.find((b) => b.name === '市水利局离退休干部党支部')!;
  expect(branch.docCounts.people).toBeGreaterThanOrEqual(46);
  expect(branch.docCounts.meetings).toBeGreaterThan(0);
  expect(branch.lastSyncAt).not.toBeNull();

  // The line goes down: one plain banner, and the work goes on.
  await stopServer();
  await page.getByRole('button', { name: '立即同步' }).click();
  await expect(page.getByTestId('offline-banner')).toBeVisible({ timeout: 60_000 });
  await page.screenshot({ path: testInfo.outputPath('02-offline.png') });
  await page.getByRole('menuitem', { name: '党员名册' }).click();
  await expect(page.getByText('党员名册').first()).toBeVisible();
  await page.getByRole('menuitem', { name: '同步' }).click();

  // Back online: 立即同步 (or the next retry) catches up and the banner goes.
  await startServer();
  await page.getByRole('button', { name: '立即同步' }).click();
  await expect(status).toContainText('在线', { timeout: 90_000 });
  await expect(page.getByTestId('offline-banner')).toHaveCount(0, { timeout: 90_000 });
});
