/**
 * Sync by file, as a branch that is never online and its committee meet it: the committee gives the
 * branch a 离线同步码; the branch records a dossier step, exports a sync file; the committee imports it
 * (twice: nothing doubles), approves the 备案 with a 文号 and saves a reply file; the branch imports the
 * reply (twice: nothing more happens) and its dossier moves on. No branch account, no network at the branch.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { openActivistDossier, printedText, squeeze } from './helpers';
import { BRANCH_NAME, openCommittee, SyncServer } from './sync-server';

const server = new SyncServer(4398);

test.beforeAll(async () => {
  server.createAccounts();
  await server.start();
});
test.afterAll(async () => {
  await server.remove();
});

async function download(page: Page, click: () => Promise<void>, path: string): Promise<string> {
  const waiting = page.waitForEvent('download');
  await click();
  const file = await waiting;
  await file.saveAs(path);
  return file.suggestedFilename();
}

async function upload(page: Page, click: () => Promise<void>, path: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await click();
  await (await chooser).setFiles(path);
}

test('a branch that is never online syncs with its committee by files, both ways, each file imported twice', async ({ page, browser }, testInfo) => {
  test.setTimeout(240_000);
  const branchFile = testInfo.outputPath('branch.bdsync');
  const replyFile = testInfo.outputPath('reply.bdsync');

  // The committee gives the branch its 离线同步码.
  const { context, committee } = await openCommittee(browser, server);
  await committee.getByRole('tab', { name: /文件同步/ }).click();
  const branchRow = committee.getByRole('tabpanel', { name: /文件同步/ }).locator('.ant-table-tbody tr').filter({ hasText: BRANCH_NAME });
  await branchRow.getByRole('button', { name: '生成离线同步码' }).click();
  const codeText = committee.getByTestId('file-code');
  await expect(codeText).toContainText(/[0-9A-Z]{5}-/);
  const code = (await codeText.textContent())!.trim();
  await committee.screenshot({ path: testInfo.outputPath('01-committee-code.png') });
  // The 交接单 handed over with it, on paper: the code in its groups and how to use it.
  await committee.evaluate(() => {
    window.print = () => undefined;
  });
  await committee.getByRole('button', { name: '打印交接单' }).click();
  await committee.getByRole('button', { name: '保存为PDF' }).click();
  const sheet = squeeze(await printedText(committee, testInfo.outputPath('离线同步码交接单.pdf')));
  expect(sheet).toContain('离线同步码交接单');
  expect(sheet).toContain(code);
  expect(sheet).toContain(BRANCH_NAME);
  expect(sheet).toContain('「导出同步文件」');
  await committee.getByRole('dialog', { name: /打印预览/ }).locator('.ant-modal-footer').getByRole('button', { name: '关闭' }).click();
  await committee.getByRole('button', { name: '已交给支部' }).click();

  // The branch, offline: records step 7 for its activist, enters the code (typed loosely) and exports.
  await page.goto('/?demo=branch');
  await expect(page.locator('.app-header')).toContainText(BRANCH_NAME);
  const name = await openActivistDossier(page);
  const form = page.getByTestId('step-form');
  await form.getByRole('button', { name: '检查并登记' }).click();
  await expect(page.getByTestId('step-7')).not.toContainText('下一步', { timeout: 15_000 });
  await page.locator('.ant-drawer-close').click();

  await page.getByRole('menuitem', { name: '同步' }).click();
  await page.getByLabel('离线同步码').fill('12345');
  await page.getByRole('button', { name: '保存同步码' }).click();
  await expect(page.getByText('离线同步码应为 25 位')).toBeVisible();
  await page.getByLabel('离线同步码').fill(code.toLowerCase().replaceAll('-', ' '));
  await page.getByRole('button', { name: '保存同步码' }).click();
  await expect(page.getByText('上级还没确认的记录')).toBeVisible();
  const pending = page.locator('.ant-descriptions-row').filter({ hasText: '上级还没确认的记录' });
  await expect(pending).toContainText(/\d+ 条/);
  const name1 = await download(page, () => page.getByRole('button', { name: '导出同步文件' }).click(), branchFile);
  expect(name1).toMatch(/^市水利局离退休干部党支部-同步文件-\d{8}-\d{4}\.bdsync$/);
  await expect(page.getByText('同步文件已保存')).toBeVisible({ timeout: 20_000 });
  expect(readFileSync(branchFile, 'utf8')).not.toContain(name); // encrypted
  await page.screenshot({ path: testInfo.outputPath('02-branch-exported.png'), fullPage: true });

  // The committee imports it; the branch's request shows in 待办审批.
  await upload(committee, () => committee.getByRole('button', { name: '选择同步文件并导入' }).click(), branchFile);
  await expect(committee.getByText(`已导入「${BRANCH_NAME}」的同步文件`)).toBeVisible({ timeout: 60_000 });
  await expect(committee.locator('.ant-alert').filter({ hasText: '已导入' })).toContainText(/新收到 \d{3,} 条记录/);
  await committee.screenshot({ path: testInfo.outputPath('03-committee-imported.png') });
  // The same file again: nothing new.
  await upload(committee, () => committee.getByRole('button', { name: '选择同步文件并导入' }).click(), branchFile);
  await expect(committee.locator('.ant-alert').filter({ hasText: '已导入' })).toContainText('这个文件以前导入过。新收到 0 条记录');

  await committee.getByRole('tab', { name: /待办审批/ }).click();
  const request = committee.locator('.ant-table-tbody tr').filter({ hasText: name });
  await expect(request).toContainText('发展对象备案', { timeout: 90_000 });
  await request.getByRole('button', { name: '同意' }).click();
  await committee.getByLabel('文号').fill('水机党备〔2026〕33号');
  await committee.getByRole('button', { name: '保存' }).click();
  await expect(committee.locator('.ant-table-tbody tr').filter({ hasText: name })).toHaveCount(0, { timeout: 30_000 });

  // The branch's dossiers, read-only, as its file brought them.
  await committee.getByRole('tab', { name: /各支部/ }).click();
  await committee.getByRole('tabpanel', { name: /各支部/ }).locator('.ant-table-tbody tr').filter({ hasText: BRANCH_NAME }).click();
  await committee.getByRole('tab', { name: /发展党员/ }).click();
  await expect(committee.getByRole('tabpanel', { name: /发展党员/ }).locator('.ant-table-tbody tr').filter({ hasText: name })).toContainText('第7步（确定发展对象');
  await committee.screenshot({ path: testInfo.outputPath('04-committee-dossiers.png') });
  await committee.keyboard.press('Escape');

  await committee.getByRole('tab', { name: /文件同步/ }).click();
  await expect(branchRow).toContainText('已生成');
  const name2 = await download(committee, () => branchRow.getByRole('button', { name: '做回复文件' }).click(), replyFile);
  expect(name2).toMatch(/^市水利局离退休干部党支部-上级回复-\d{8}-\d{4}\.bdsync$/);
  await committee.screenshot({ path: testInfo.outputPath('05-committee-files.png'), fullPage: true });
  await context.close();

  // A reply file given to the committee by mistake, or changed on the way, is refused in plain words.
  await upload(page, () => page.getByRole('button', { name: '导入上级的回复文件' }).click(), branchFile);
  await expect(page.getByText('这是支部导出的同步文件，应由上级党委导入')).toBeVisible();
  const tampered = testInfo.outputPath('tampered.bdsync');
  const envelope = JSON.parse(readFileSync(replyFile, 'utf8')) as Record<string, string>;
  writeFileSync(tampered, JSON.stringify({ ...envelope, orgName: '别的支部' }));
  await upload(page, () => page.getByRole('button', { name: '导入上级的回复文件' }).click(), tampered);
  await expect(page.getByText('同步文件已损坏或被改动过')).toBeVisible();

  // The branch imports the reply: the approval arrives, its records are acknowledged.
  await upload(page, () => page.getByRole('button', { name: '导入上级的回复文件' }).click(), replyFile);
  const result = page.locator('.ant-alert').filter({ hasText: '已导入「中共市水利局机关委员会」的回复文件' });
  await expect(result).toContainText('其中上级审批 1 条');
  await expect(result).toContainText(/上级已确认本支部 \d{3,} 条记录/);
  await page.screenshot({ path: testInfo.outputPath('05-branch-imported.png'), fullPage: true });
  // Twice: nothing more.
  await upload(page, () => page.getByRole('button', { name: '导入上级的回复文件' }).click(), replyFile);
  await expect(page.getByText('这个回复文件以前已经导入过，没有新的内容。')).toBeVisible();

  // Finalized minutes the reply acknowledged show 已送达上级, also after the app starts again.
  await page.getByRole('menuitem', { name: '会议记录' }).click();
  await expect(page.locator('[data-testid="server-mark"][data-state="confirmed"]').first()).toBeVisible();
  await page.reload();
  await page.getByRole('menuitem', { name: '会议记录' }).click();
  await expect(page.locator('[data-testid="server-mark"][data-state="confirmed"]').first()).toBeVisible({ timeout: 15_000 });
  await page.screenshot({ path: testInfo.outputPath('07-branch-minutes-marked.png') });

  // The dossier moved on with the committee's 文号.
  await page.getByRole('menuitem', { name: '发展党员' }).click();
  await page.locator('.ant-table-tbody tr').filter({ hasText: name }).click();
  await expect(page.getByTestId('step-8')).toContainText('水机党备〔2026〕33号', { timeout: 30_000 });
  await page.screenshot({ path: testInfo.outputPath('06-branch-dossier-advanced.png') });
});
