/**
 * 同步 as a secretary meets it (issue 6's round trip): the committee's server (started as it is
 * deployed, see sync-server.ts), the demo branch signs in from 同步, its records reach the server, the
 * server goes away (离线 banner) while the branch records and finalizes a meeting's minutes, comes back,
 * and 立即同步 brings the minutes to the committee. The committee, in its browser, approves a 备案 and a
 * 预审 with 文号; the branch syncs and its dossiers advance.
 */
import { expect, test, type Page } from '@playwright/test';
import { addDays, chinaToday } from '../../shared/dates.ts';
import { choose, openActivistDossier, recordSteps, type StepEntry } from './helpers.ts';
import { BRANCH_NAME, BRANCH_USER, COMMITTEE_USER, openCommittee, signInDemoBranch, SyncServer, syncBranchNow } from './sync-server.ts';

const server = new SyncServer(4397);
const today = chinaToday(new Date());
const daysAgo = (n: number) => addDays(today, -n);

test.beforeAll(() => server.createAccounts());
test.afterAll(() => server.remove());

/** The committee's view of its branches through the server's API. */
async function branchOnServer(): Promise<{ docCounts: Record<string, number>; lastSyncAt: string | null }> {
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...COMMITTEE_USER, deviceName: '组织部' }),
  }).then((r) => r.json() as Promise<{ accessToken: string }>);
  const overview = await fetch(`${server.url}/api/committee/branches`, { headers: { authorization: `Bearer ${login.accessToken}` } }).then(
    (r) => r.json() as Promise<{ branches: { name: string; docCounts: Record<string, number>; lastSyncAt: string | null }[] }>,
  );
  return overview.branches.find((b) => b.name === BRANCH_NAME)!;
}

/** A 支部党员大会 recorded from a new meeting's template and finalized (定稿), as meetings.web.spec.ts does. */
async function recordFinalMinutes(page: Page, topic: string): Promise<void> {
  await page.getByRole('menuitem', { name: '会议记录' }).click();
  await page.getByRole('button', { name: '新建会议记录' }).click();
  // The dialog loads the roster first (its button spins meanwhile); a loaded machine may take a while.
  const create = page.getByRole('dialog').getByRole('button', { name: '新建' });
  await expect(create).not.toHaveClass(/ant-btn-loading/, { timeout: 30_000 });
  await create.click();
  await expect(page.getByText('支部党员大会记录')).toBeVisible({ timeout: 30_000 });
  await page.getByLabel('会议主题', { exact: true }).fill(topic);
  await page.getByLabel('开始时间').fill('09:00');
  await page.getByLabel('结束时间').fill('10:30');
  await page.getByLabel('地点').fill('局老干部活动室');
  await choose(page.getByLabel('主持人', { exact: true }), 0);
  await choose(page.getByLabel('记录人', { exact: true }), 1);

  await page.getByText('第二步：会中记录').click();
  const speeches = ['传达了上级关于做好汛期安全工作的通知精神。', '大家一致同意组织离退休党员参加汛期志愿巡查。'];
  for (const [i, text] of speeches.entries()) {
    const agenda = page.getByTestId(`agenda-${i}`);
    await agenda.getByRole('button', { name: '添加发言' }).click();
    await choose(agenda.getByLabel('发言人', { exact: true }), i);
    await agenda.getByLabel(/的发言$/).fill(text);
  }
  await page.getByTestId('agenda-1').getByLabel('第2项议程的决定').fill('组织离退休党员分两批参加汛期志愿巡查。');
  await expect(page.getByTestId('save-state')).toHaveText('已自动保存');

  await page.getByText(/第三步：会后整理/).click();
  await expect(page.getByText('记录已完整，可以定稿')).toBeVisible();
  await page.getByRole('button', { name: '定稿' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '定稿' }).click();
  await expect(page.getByText('已定稿').first()).toBeVisible();
}

test('the branch signs in, records and finalizes minutes offline, catches up, and the committee sees them', async ({ page, browser }, testInfo) => {
  // Catching up after the outage waits for the sync's retry (up to a minute and a half seen).
  test.setTimeout(300_000);
  await server.start();
  await page.goto('/?demo=branch');
  await expect(page.locator('.app-header')).toContainText(BRANCH_NAME);
  await page.getByRole('menuitem', { name: '同步' }).click();

  // A committee account is refused on a branch's computer, in plain words.
  await page.getByLabel('服务器地址').fill(server.url);
  await page.getByLabel('用户名').fill(COMMITTEE_USER.username);
  await page.getByLabel('密码').fill(COMMITTEE_USER.password);
  await page.getByRole('button', { name: '登录并开始同步' }).click();
  await expect(page.getByText('是上级党委的账号')).toBeVisible();
  await page.getByLabel('密码').fill('wrong');
  await page.getByLabel('用户名').fill(BRANCH_USER.username);
  await page.getByRole('button', { name: '登录并开始同步' }).click();
  await expect(page.getByText('用户名或密码不正确')).toBeVisible();
  await page.getByLabel('密码').fill(BRANCH_USER.password);
  await page.getByRole('button', { name: '登录并开始同步' }).click();

  const status = page.getByTestId('sync-status');
  await expect(status).toContainText('在线', { timeout: 60_000 });
  await expect(status).toContainText('没有，都已同步', { timeout: 60_000 });
  await page.screenshot({ path: testInfo.outputPath('01-synced.png'), fullPage: true });

  // The committee sees the branch's records on the server.
  const before = await branchOnServer();
  expect(before.docCounts.people).toBeGreaterThanOrEqual(46);
  const meetingsBefore = before.docCounts.meetings ?? 0;
  expect(meetingsBefore).toBeGreaterThan(0);
  expect(before.lastSyncAt).not.toBeNull();

  // The line goes down: one plain banner, and the work goes on: a meeting recorded and finalized.
  await server.stop();
  await page.getByRole('button', { name: '立即同步' }).click();
  await expect(page.getByTestId('offline-banner')).toBeVisible({ timeout: 60_000 });
  await page.screenshot({ path: testInfo.outputPath('02-offline.png') });
  const topic = '部署汛期志愿巡查（离线记录）';
  await recordFinalMinutes(page, topic);
  await expect(page.getByTestId('offline-banner')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('03-offline-minutes-final.png'), fullPage: true });

  // Back online: 立即同步 catches up, the banner goes, and the minutes are on the server.
  await server.start();
  await page.getByRole('menuitem', { name: '同步' }).click();
  await page.getByRole('button', { name: '立即同步' }).click();
  await expect(status).toContainText('在线', { timeout: 90_000 });
  await expect(status).toContainText('没有，都已同步', { timeout: 90_000 });
  await expect(page.getByTestId('offline-banner')).toHaveCount(0, { timeout: 90_000 });
  expect((await branchOnServer()).docCounts.meetings).toBe(meetingsBefore + 1);

  // The committee, in its browser: the branch's 会议记录 lists the finalized minutes.
  const { context, committee } = await openCommittee(browser, server);
  await committee.getByRole('tab', { name: /各支部/ }).click();
  await committee.locator('.ant-table-tbody tr').filter({ hasText: BRANCH_NAME }).click();
  await expect(committee.getByText(`${BRANCH_NAME}（只读）`)).toBeVisible();
  await committee.getByRole('tab', { name: /会议记录/ }).click();
  const minutes = committee.locator('.ant-drawer .ant-table-tbody tr').filter({ hasText: topic });
  await expect(minutes).toContainText('已定稿', { timeout: 60_000 });
  await expect(minutes).toContainText(today);
  await committee.screenshot({ path: testInfo.outputPath('04-committee-minutes.png') });
  await context.close();
});

test('the committee approves a 备案 and a 预审 with 文号 in its browser, and the branch\'s dossiers move on', async ({ page, browser }, testInfo) => {
  test.setTimeout(240_000);
  await server.start();
  await signInDemoBranch(page, server);
  const board = page.locator('.ant-table-tbody tr');
  const form = page.getByTestId('step-form');

  // The branch records step 7 (确定发展对象) for its activist: a 发展对象备案 for the committee.
  const activistName = await openActivistDossier(page);
  await form.getByRole('button', { name: '检查并登记' }).click();
  await expect(page.getByTestId('step-7')).not.toContainText('下一步', { timeout: 15_000 });
  await page.locator('.ant-drawer-close').click();

  // For the 发展对象 before 政审, steps 10–12, the last (支部委员会审查) asking the committee's 预审 (step 13).
  const candidate = board.filter({ hasText: '第10步' });
  const candidateName = (await candidate.locator('td').first().textContent())!.trim();
  await candidate.click();
  const steps: StepEntry[] = [
    { step: 10, date: daysAgo(60), fill: async (f) => { await f.getByLabel('政审结束日期').fill(daysAgo(55)); await f.getByLabel('政审结论').fill('政治审查合格'); } },
    { step: 11, date: daysAgo(50), fill: (f) => f.getByLabel('培训结束日期').fill(daysAgo(47)) },
    { step: 12, date: daysAgo(45) },
  ];
  await recordSteps(page, steps);
  await expect(page.getByTestId('step-13')).not.toContainText('水机党预');
  await page.locator('.ant-drawer-close').click();
  await syncBranchNow(page);

  // The committee, in its own browser: both requests wait in 待办审批.
  const { context, committee } = await openCommittee(browser, server);
  const queue = committee.locator('.ant-table-tbody tr');
  const filing = queue.filter({ hasText: activistName });
  await expect(filing).toContainText('发展对象备案', { timeout: 90_000 });
  await expect(filing).toContainText(BRANCH_NAME);
  const preReview = queue.filter({ hasText: candidateName });
  await expect(preReview).toContainText('预审');
  await expect(preReview).toContainText(daysAgo(45));
  await committee.screenshot({ path: testInfo.outputPath('05-committee-queue.png') });

  await filing.getByRole('button', { name: '同意' }).click();
  await committee.getByLabel('文号').fill('水机党备〔2026〕21号');
  await committee.getByRole('button', { name: '保存' }).click();
  await expect(queue.filter({ hasText: activistName })).toHaveCount(0, { timeout: 30_000 });

  await preReview.getByRole('button', { name: '同意' }).click();
  await expect(committee.getByRole('dialog')).toContainText(`${candidateName} 预审`);
  await committee.getByLabel('文号').fill('水机党预〔2026〕7号');
  await committee.getByRole('button', { name: '保存' }).click();
  await expect(queue.filter({ hasText: candidateName })).toHaveCount(0, { timeout: 30_000 });

  // Branches and statistics, read-only.
  await committee.getByRole('tab', { name: /各支部/ }).click();
  const row = committee.locator('.ant-table-tbody tr').filter({ hasText: BRANCH_NAME });
  await expect(row).toContainText('42');
  await row.click();
  await expect(committee.getByText(`${BRANCH_NAME}（只读）`)).toBeVisible();
  await committee.screenshot({ path: testInfo.outputPath('06-committee-branch.png') });
  await committee.keyboard.press('Escape');
  await committee.getByRole('tab', { name: '统计' }).click();
  await expect(committee.locator('.ant-table-tbody tr').filter({ hasText: '合计' })).toBeVisible();
  await committee.screenshot({ path: testInfo.outputPath('07-committee-statistics.png') });

  // Back at the branch: the approvals arrive and fill in steps 8 and 13 with the committee's 文号.
  await page.getByRole('button', { name: '立即同步' }).click();
  await page.getByRole('menuitem', { name: '发展党员' }).click();
  await board.filter({ hasText: activistName }).click();
  await expect(page.getByTestId('step-8')).toContainText('水机党备〔2026〕21号', { timeout: 60_000 });
  await page.locator('.ant-drawer-close').click();
  await board.filter({ hasText: candidateName }).click();
  await expect(page.getByTestId('step-13')).toContainText('水机党预〔2026〕7号', { timeout: 60_000 });
  await expect(page.getByTestId('step-13')).toContainText(today);
  await expect(form.locator('.ant-select-content, .ant-select-selection-item').first()).toContainText('第14步');
  await page.getByTestId('step-13').scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('08-branch-dossier-advanced.png') });
  await context.close();
});
