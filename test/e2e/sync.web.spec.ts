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

test('the committee reviews in its browser: a 备案 request from the branch, approved with a 文号, moves the branch\'s dossier on', async ({ page, browser }, testInfo) => {
  test.setTimeout(240_000);
  if (!server) await startServer();
  // The branch records step 7 (确定发展对象) for its activist and syncs.
  await page.goto('/?demo=branch');
  await page.getByRole('menuitem', { name: '同步' }).click();
  await page.getByLabel('服务器地址').fill(SERVER);
  await page.getByLabel('用户名').fill('shuiliju-ltx');
  await page.getByLabel('密码').fill('zhibu-2026-mima');
  await page.getByRole('button', { name: '登录并开始同步' }).click();
  await expect(page.getByTestId('sync-status')).toContainText('没有，都已同步', { timeout: 90_000 });
  await page.getByRole('menuitem', { name: '发展党员' }).click();
  const activist = page.locator('.ant-table-tbody tr').filter({ hasText: '入党积极分子' });
  const name = (await activist.locator('td').first().textContent())!.trim();
  await activist.click();
  const form = page.getByTestId('step-form');
  await expect(form).toContainText('第7步 确定发展对象');
  await form.getByRole('button', { name: '检查并登记' }).click();
  await expect(page.getByTestId('step-7')).not.toContainText('下一步', { timeout: 15_000 });
  await page.locator('.ant-drawer-close').click();
  await page.getByRole('menuitem', { name: '同步' }).click();
  await page.getByRole('button', { name: '立即同步' }).click();
  await expect(page.getByTestId('sync-status')).toContainText('没有，都已同步', { timeout: 60_000 });

  // The committee, in its own browser: the same app in committee mode.
  const committeeContext = await browser.newContext();
  await committeeContext.addInitScript(() => localStorage.setItem('branchdesk.mode', 'committee'));
  const committee = await committeeContext.newPage();
  await committee.goto('/');
  await expect(committee.getByText('上级党委登录')).toBeVisible();
  await committee.getByLabel('服务器地址').fill(SERVER);
  await committee.getByLabel('用户名').fill('jiguan-dw');
  await committee.getByLabel('密码').fill('dangwei-2026-mima');
  await committee.getByRole('button', { name: '登录', exact: true }).click();
  const request = committee.locator('.ant-table-tbody tr').filter({ hasText: name });
  await expect(request).toContainText('发展对象备案', { timeout: 90_000 });
  await expect(request).toContainText('市水利局离退休干部党支部');
  await committee.screenshot({ path: testInfo.outputPath('03-committee-queue.png') });
  await request.getByRole('button', { name: '同意' }).click();
  await committee.getByLabel('文号').fill('水机党备〔2026〕21号');
  await committee.getByRole('button', { name: '保存' }).click();
  await expect(committee.locator('.ant-table-tbody tr').filter({ hasText: name })).toHaveCount(0, { timeout: 30_000 });

  // Branches and statistics, read-only.
  await committee.getByRole('tab', { name: /各支部/ }).click();
  const row = committee.locator('.ant-table-tbody tr').filter({ hasText: '市水利局离退休干部党支部' });
  await expect(row).toContainText('42');
  await row.click();
  await expect(committee.getByText('市水利局离退休干部党支部（只读）')).toBeVisible();
  await committee.screenshot({ path: testInfo.outputPath('04-committee-branch.png') });
  await committee.keyboard.press('Escape');
  await committee.getByRole('tab', { name: '统计' }).click();
  await expect(committee.locator('.ant-table-tbody tr').filter({ hasText: '合计' })).toBeVisible();
  await committee.screenshot({ path: testInfo.outputPath('05-committee-statistics.png') });

  // Back at the branch: the approval arrives and fills in step 8 with the committee's 文号.
  await page.getByRole('button', { name: '立即同步' }).click();
  await page.getByRole('menuitem', { name: '发展党员' }).click();
  await page.locator('.ant-table-tbody tr').filter({ hasText: name }).click();
  await expect(page.getByTestId('step-8')).toContainText('水机党备〔2026〕21号', { timeout: 60_000 });
  await page.screenshot({ path: testInfo.outputPath('06-branch-dossier-advanced.png') });
  await committeeContext.close();
});
