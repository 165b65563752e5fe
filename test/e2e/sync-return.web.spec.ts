/**
 * A request the committee returns (退回), as a secretary meets it: the branch's 发展对象备案 reaches the
 * server (已送达上级), the committee returns it with its reasons, the 首页 says so with the comment and
 * opens the dossier, the branch records 确定发展对象 again without a rule broken, and the committee
 * finds the request in its queue again and approves it. Finalized minutes show 已送达上级 too.
 */
import { expect, test } from '@playwright/test';
import { openActivistDossier } from './helpers';
import { chinaDate, openCommittee, signInDemoBranch, syncBranchNow, SyncServer } from './sync-server';

const server = new SyncServer(4399);
const REASON = '征求党员和群众意见的记录不全，请补充后重新报送。';

test.beforeAll(() => server.createAccounts());
test.afterAll(() => server.remove());

test('finalized minutes show that they reached the committee', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  await server.start();
  await page.goto('/?demo=branch');
  await page.getByRole('menuitem', { name: '会议记录' }).click();
  const finalRow = page.getByTestId('meetings-list').locator('.ant-table-tbody tr').filter({ hasText: '已定稿' }).first();
  // Never signed in to a server: no mark at all.
  await expect(finalRow).toBeVisible();
  await expect(finalRow.getByTestId('server-mark')).toHaveCount(0);

  await signInDemoBranch(page, server);
  await page.getByRole('menuitem', { name: '会议记录' }).click();
  await expect(finalRow.getByTestId('server-mark')).toHaveText('已送达上级');
  await page.screenshot({ path: testInfo.outputPath('01-minutes-reached.png') });

  // Offline, an amendment to final minutes waits: the mark says so until the next sync.
  await server.stop();
  await finalRow.click();
  await expect(page.getByText('第一步：会前准备')).toBeVisible();
  await expect(page.getByTestId('server-mark')).toHaveText('已送达上级');
  await page.getByText('第三步：会后整理').click();
  const amendments = page.getByTestId('amendments');
  await amendments.getByLabel(/更正内容/).fill('第二项议程中的发言人应为李秀英，特此更正。');
  await amendments.getByLabel('更正人').fill('王建国');
  await amendments.getByRole('button', { name: '添加更正说明' }).click();
  await expect(page.getByTestId('server-mark')).toHaveText('未送达上级（联网同步后自动送达）');
  await page.screenshot({ path: testInfo.outputPath('02-minutes-waiting.png') });
  await server.start();
  await syncBranchNow(page);
  await page.goBack();
  await expect(page.getByText('第一步：会前准备')).toBeVisible();
  await expect(page.getByTestId('server-mark')).toHaveText('已送达上级', { timeout: 30_000 });
});

test('the committee returns a 发展对象备案; the branch sees why, records the step again and the request goes back', async ({ page, browser }, testInfo) => {
  test.setTimeout(300_000);
  await server.start();
  await signInDemoBranch(page, server);

  // The branch decides its activist is a 发展对象 (step 7), three days ago; the 备案 goes to the committee.
  const name = await openActivistDossier(page);
  const form = page.getByTestId('step-form');
  await form.getByLabel('日期', { exact: true }).fill(chinaDate(-3));
  await form.getByRole('button', { name: '检查并登记' }).click();
  const request = page.getByTestId('request-8');
  await expect(request).toContainText(`等待上级党委办理发展对象备案（支部 ${chinaDate(-3)} 报送）`);
  await expect(request.getByTestId('server-mark')).toHaveText('已送达上级', { timeout: 60_000 });
  await page.getByTestId('step-7').scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('03-request-reached.png') });
  await page.locator('.ant-drawer-close').click();

  // The committee returns it, dated yesterday, with its reasons.
  const { context, committee } = await openCommittee(browser, server);
  const queued = committee.locator('.ant-table-tbody tr').filter({ hasText: name });
  await expect(queued).toContainText('发展对象备案', { timeout: 90_000 });
  await queued.getByRole('button', { name: '退回' }).click();
  const dialog = committee.getByRole('dialog');
  const picker = dialog.locator('.ant-picker input');
  await picker.click();
  await picker.fill(chinaDate(-1));
  await picker.press('Enter');
  await dialog.getByLabel('退回原因').fill(REASON);
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(queued).toContainText('已退回，等支部重新报送', { timeout: 30_000 });

  // The branch: the 首页 says what was returned, when and why, and opens the dossier.
  await syncBranchNow(page);
  await page.getByRole('menuitem', { name: '首页' }).click();
  const card = page.getByTestId('reminder-returned');
  await expect(card).toContainText(`上级党委退回了：${name} · 发展对象备案`, { timeout: 60_000 });
  await expect(card).toContainText(`${chinaDate(-1)} 退回。意见：${REASON}`);
  await expect(card).toContainText('重新登记第7步（确定发展对象）');
  await page.screenshot({ path: testInfo.outputPath('04-home-returned.png') });
  await card.getByRole('button', { name: '打开发展档案' }).click();

  // The dossier: the return with its comment, and the form offers step 7 again, explained.
  const drawer = page.locator('.ant-drawer');
  await expect(drawer).toContainText(`${name}的发展档案`);
  await expect(drawer.getByTestId('dossier-returned')).toContainText('上级党委退回了发展对象备案');
  await expect(drawer.getByTestId('dossier-returned')).toContainText(REASON.replace(/。$/, ''));
  await expect(drawer.getByTestId('request-8')).toContainText(`上级党委 ${chinaDate(-1)} 退回，等支部重新报送`);
  await expect(form).toContainText('第7步 确定发展对象');
  await expect(form.getByTestId('step-form-redo')).toContainText(`上级党委在 ${chinaDate(-1)} 退回了发展对象备案`);
  await page.screenshot({ path: testInfo.outputPath('05-dossier-returned.png') });

  // A redo dated on the day of the return is refused in plain words; today is recorded with no rule broken.
  await form.getByLabel('日期', { exact: true }).fill(chinaDate(-1));
  await form.getByRole('button', { name: '检查并登记' }).click();
  await expect(page.getByText(`重新办理的日期应在上级党委退回的日期（${chinaDate(-1)}）之后`)).toBeVisible();
  await form.getByLabel('日期', { exact: true }).fill(chinaDate(0));
  await form.getByRole('button', { name: '检查并登记' }).click();
  await expect(page.getByText('这一步不符合发展党员的规定')).toHaveCount(0);
  await expect(drawer.getByTestId('dossier-returned')).toHaveCount(0, { timeout: 15_000 });
  await expect(drawer.getByTestId('step-7')).toContainText('已被上级党委退回');
  await expect(drawer.getByTestId('step-7').locator('.ant-alert')).toHaveCount(0);
  await expect(drawer.getByTestId('request-8')).toContainText(`等待上级党委办理发展对象备案（支部 ${chinaDate(0)} 报送）`);
  await expect(drawer.getByTestId('request-8').getByTestId('server-mark')).toHaveText('已送达上级', { timeout: 60_000 });
  await drawer.getByTestId('step-7').scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('06-dossier-sent-again.png') });
  await page.locator('.ant-drawer-close').click();
  await page.getByRole('menuitem', { name: '首页' }).click();
  await expect(page.getByTestId('reminder-returned')).toHaveCount(0);

  // The committee finds it in its queue again and approves; the branch's step 8 follows.
  await expect(queued.getByRole('button', { name: '同意' })).toBeVisible({ timeout: 90_000 });
  await expect(queued).toContainText(chinaDate(0));
  await queued.getByRole('button', { name: '同意' }).click();
  await committee.getByLabel('文号').fill('水机党备〔2026〕30号');
  await committee.getByRole('button', { name: '保存' }).click();
  await expect(queued).toHaveCount(0, { timeout: 30_000 });
  await syncBranchNow(page);
  await page.getByRole('menuitem', { name: '发展党员' }).click();
  await page.locator('.ant-table-tbody tr').filter({ hasText: name }).click();
  await expect(page.getByTestId('step-8')).toContainText('水机党备〔2026〕30号', { timeout: 60_000 });
  await expect(page.getByTestId('step-7').locator('.ant-alert')).toHaveCount(0);
  await context.close();
});
