/**
 * 民主评议结果备案 as both sides meet it: the branch tallies this year's and last year's appraisals and
 * moves each to 结果通知; both reach the committee's 待办审批 with no person and no time limit; the
 * committee files this year's (同意, with a 文号) and returns last year's with its reasons. After 立即同步
 * the branch's appraisal of this year stands at 备案, and last year's page says why it came back, while
 * the committee's queue waits for the branch to send it again.
 */
import { expect, test, type Page } from '@playwright/test';
import { choose } from './helpers.ts';
import { chinaDate, openCommittee, signInDemoBranch, syncBranchNow, SyncServer } from './sync-server.ts';

const server = new SyncServer(4396);
const REASON = '个别党员的组织评定与测评结果不一致，请说明理由后重新报送。';
const thisYear = Number(chinaDate(0).slice(0, 4));
const lastYear = thisYear - 1;

test.beforeAll(() => server.createAccounts());
test.afterAll(() => server.remove());

/** The 民主评议 page's year. */
async function chooseYear(page: Page, year: number): Promise<void> {
  const select = page.getByRole('combobox', { name: '年度' });
  await choose(select, `${year}年度`);
  await expect(select.locator('xpath=ancestor::*[contains(@class,"ant-select ")][1]')).toContainText(`${year}年度`);
}

/** One anonymous ballot (everyone 合格) typed in, the grades filled in from it, and the stage set to 结果通知. */
async function appraiseUpToNotices(page: Page, year: number): Promise<void> {
  await page.getByRole('menuitem', { name: '民主评议' }).click();
  await chooseYear(page, year);
  await page.getByRole('button', { name: `开始${year}年度民主评议` }).click();
  await page.getByRole('tab', { name: /测评票/ }).click();
  const entry = page.getByRole('tabpanel', { name: /测评票/ }).getByTestId('ballot-entry');
  const count = await entry.locator('tbody tr').count();
  expect(count).toBeGreaterThan(0);
  await entry.focus();
  await page.keyboard.type('2'.repeat(count));
  await page.keyboard.press('Enter');
  await expect(page.getByText('已录入第 1 张测评票')).toBeVisible();
  await page.getByRole('tab', { name: '统计和评定' }).click();
  await page.getByRole('button', { name: /按测评结果填入组织评定/ }).click();
  await expect(page.getByText('评定结果需要注意')).toHaveCount(0);
  await page.locator('.ant-steps-item').filter({ hasText: '结果通知' }).click();
  await expect(page.locator('.ant-steps-item-process')).toContainText('结果通知');
}

test('the committee files one 民主评议 and returns another; the branch sees both', async ({ page, browser }, testInfo) => {
  test.setTimeout(300_000);
  await server.start();
  await signInDemoBranch(page, server);
  await appraiseUpToNotices(page, thisYear);
  await appraiseUpToNotices(page, lastYear);
  await syncBranchNow(page);

  // The committee's queue: a request about the whole branch, with no person and no time limit.
  const { context, committee } = await openCommittee(browser, server);
  const queue = committee.getByRole('tabpanel', { name: /待办审批/ });
  const filing = (year: number) => queue.locator('.ant-table-tbody tr').filter({ hasText: `${year}年度民主评议结果备案` });
  await expect(filing(thisYear)).toBeVisible({ timeout: 90_000 });
  await expect(filing(lastYear)).toBeVisible();
  await expect(filing(thisYear).locator('td').nth(1)).toHaveText('—');
  await expect(filing(thisYear).locator('td').nth(3)).toHaveText(chinaDate(0));
  await expect(filing(thisYear).locator('td').nth(4)).toHaveText('—');
  await committee.screenshot({ path: testInfo.outputPath('01-committee-queue.png') });

  // 同意 this year's, with a 文号.
  await filing(thisYear).getByRole('button', { name: '同意' }).click();
  let dialog = committee.getByRole('dialog');
  await expect(dialog).toContainText(`同意：市水利局离退休干部党支部 ${thisYear}年度民主评议结果备案`);
  await dialog.getByLabel('文号').fill('水机党备〔2026〕41号');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(filing(thisYear)).toHaveCount(0, { timeout: 30_000 });

  // 退回 last year's, with the reasons; a return without them is refused.
  await filing(lastYear).getByRole('button', { name: '退回' }).click();
  dialog = committee.getByRole('dialog');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.getByText('退回时请写明原因和需要补充的材料。')).toBeVisible();
  await dialog.getByLabel('退回原因').fill(REASON);
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(filing(lastYear)).toContainText('已退回，等支部重新报送', { timeout: 30_000 });
  await committee.screenshot({ path: testInfo.outputPath('02-committee-decided.png') });

  // The branch: this year's appraisal is 备案 (filed), with the committee's 文号; last year's says why it came back.
  await syncBranchNow(page);
  await page.getByRole('menuitem', { name: '民主评议' }).click();
  await chooseYear(page, thisYear);
  await expect(page.locator('.ant-steps-item-process')).toContainText('备案', { timeout: 60_000 });
  await expect(page.locator('.ant-alert')).toHaveText(`上级党委已于 ${chinaDate(0)} 备案${thisYear}年度民主评议结果（水机党备〔2026〕41号）。`);
  await page.screenshot({ path: testInfo.outputPath('03-branch-filed.png') });

  await chooseYear(page, lastYear);
  await expect(page.locator('.ant-steps-item-process')).toContainText('结果通知');
  const notice = page.locator('.ant-alert');
  await expect(notice).toContainText(`上级党委已于 ${chinaDate(0)} 退回${lastYear}年度民主评议结果备案：${REASON.replace(/。$/, '')}`, { timeout: 60_000 });
  await expect(notice).toContainText('修改后即重新报送');
  await page.screenshot({ path: testInfo.outputPath('04-branch-returned.png') });

  // The committee's view of the branch: nothing waits but last year's, returned.
  await committee.reload();
  await expect(filing(lastYear)).toContainText('已退回，等支部重新报送', { timeout: 60_000 });
  await expect(filing(thisYear)).toHaveCount(0);
  await context.close();
});
