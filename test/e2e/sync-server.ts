/**
 * The committee's server for a journey, started as it is deployed (`npm run server` with its admin
 * commands, PGlite in a data folder of its own), and the sign-ins of both sides. The same steps as
 * sync.web.spec.ts, for the specs written after it.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';

export const BRANCH_NAME = '市水利局离退休干部党支部';
export const BRANCH_USER = { username: 'shuiliju-ltx', password: 'zhibu-2026-mima' };
export const COMMITTEE_USER = { username: 'jiguan-dw', password: 'dangwei-2026-mima' };

export class SyncServer {
  readonly url: string;
  private readonly dataDir = mkdtempSync(join(tmpdir(), 'branchdesk-server-'));
  private child: ChildProcess | null = null;

  constructor(private readonly port: number) {
    this.url = `http://127.0.0.1:${port}`;
  }

  admin(...args: string[]): string {
    return execFileSync('node', ['--import', 'tsx', 'server/src/cli.ts', 'admin', ...args], { env: { ...process.env, DATA_DIR: this.dataDir }, encoding: 'utf8' });
  }

  /** The committee, the demo branch under it and one account for each. */
  createAccounts(): void {
    const idIn = (output: string) => /编号 ([0-9A-Z]{26})/.exec(output)![1]!;
    const committee = idIn(this.admin('create-committee', '--name', '中共市水利局机关委员会'));
    const branch = idIn(this.admin('create-org', '--parent', committee, '--kind', 'branch', '--name', BRANCH_NAME));
    this.admin('create-user', '--org', branch, '--username', BRANCH_USER.username, '--name', '王建国', '--password', BRANCH_USER.password);
    this.admin('create-user', '--org', committee, '--username', COMMITTEE_USER.username, '--name', '组织委员', '--password', COMMITTEE_USER.password);
  }

  /** Starts the server; nothing when it runs already. Fails when another server holds the port. */
  async start(): Promise<void> {
    if (this.child) return;
    // Another journey's server on this port would answer with data that is not ours.
    if (await fetch(`${this.url}/api/health`).catch(() => null)) throw new Error(`port ${this.port} is taken by another server`);
    this.child = spawn('node', ['--import', 'tsx', 'server/src/cli.ts'], {
      env: { ...process.env, DATA_DIR: this.dataDir, PORT: String(this.port), HOST: '127.0.0.1', WEB_DIR: '' },
      stdio: 'ignore',
    });
    await expect.poll(async () => (await fetch(`${this.url}/api/health`).catch(() => null))?.status ?? 0, { timeout: 30_000 }).toBe(200);
  }

  async stop(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (child && child.exitCode === null) {
      await new Promise<void>((done) => {
        child.once('exit', () => done());
        child.kill('SIGTERM');
      });
    }
  }

  /** Stops the server and removes its data folder. */
  async remove(): Promise<void> {
    await this.stop();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

/** The demo branch signs in from 同步 and waits until everything is on the server. */
export async function signInDemoBranch(page: Page, server: SyncServer): Promise<void> {
  await page.goto('/?demo=branch');
  await expect(page.locator('.app-header')).toContainText(BRANCH_NAME);
  await page.getByRole('menuitem', { name: '同步' }).click();
  await page.getByLabel('服务器地址').fill(server.url);
  await page.getByLabel('用户名').fill(BRANCH_USER.username);
  await page.getByLabel('密码').fill(BRANCH_USER.password);
  await page.getByRole('button', { name: '登录并开始同步' }).click();
  await expect(page.getByTestId('sync-status')).toContainText('没有，都已同步', { timeout: 90_000 });
}

/** 立即同步 on the branch's 同步 page, until nothing waits to be sent. */
export async function syncBranchNow(page: Page): Promise<void> {
  await page.getByRole('menuitem', { name: '同步' }).click();
  await page.getByRole('button', { name: '立即同步' }).click();
  await expect(page.getByTestId('sync-status')).toContainText('没有，都已同步', { timeout: 60_000 });
}

/** The committee in its own browser: the same app in committee mode, signed in. */
export async function openCommittee(browser: Browser, server: SyncServer): Promise<{ context: BrowserContext; committee: Page }> {
  const context = await browser.newContext();
  await context.addInitScript(() => localStorage.setItem('branchdesk.mode', 'committee'));
  const committee = await context.newPage();
  await committee.goto('/');
  await expect(committee.getByText('上级党委登录')).toBeVisible();
  await committee.getByLabel('服务器地址').fill(server.url);
  await committee.getByLabel('用户名').fill(COMMITTEE_USER.username);
  await committee.getByLabel('密码').fill(COMMITTEE_USER.password);
  await committee.getByRole('button', { name: '登录', exact: true }).click();
  return { context, committee };
}

/** A date in China, `days` from today, as the app writes dates. */
export function chinaDate(days = 0): string {
  return new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
}
