/** 发展党员: the three demo recruits on the board, each dossier checked against the 25-step rules. */
import { expect, test } from '@playwright/test';
import { chinaToday } from '../../shared/dates.ts';

test('the pipeline board lists each recruit with stage, next step and the check result', async ({ page }, testInfo) => {
  await page.goto('/?demo=branch');
  await page.getByRole('menuitem', { name: '发展党员' }).click();
  const rows = page.locator('.ant-table-tbody tr');
  await expect(rows).toHaveCount(3);
  await expect(page.locator('.ant-table-tbody')).toContainText('入党积极分子');
  await expect(page.locator('.ant-table-tbody')).toContainText('发展对象');
  await expect(page.locator('.ant-table-tbody')).toContainText('第5阶段 预备党员的教育考察和转正');
  await page.screenshot({ path: testInfo.outputPath('pipeline.png') });

  // The activist: step 7 (确定发展对象) comes at the earliest one year after step 3 (R-ACTIVIST-1Y).
  await rows.filter({ hasText: '入党积极分子' }).click();
  await expect(page.getByTestId('step-6')).toBeVisible();
  await expect(page.getByTestId('step-7')).toContainText('下一步，最早');
  await expect(page.getByTestId('step-3')).toContainText(/\d{4}-\d{2}-\d{2}/);
  await page.screenshot({ path: testInfo.outputPath('dossier.png') });
});

test('recording steps: a lawful step is saved, a step that breaks R-ACTIVIST-1Y is stopped with the reason', async ({ page }, testInfo) => {
  await page.goto('/?demo=branch');
  await page.getByRole('menuitem', { name: '发展党员' }).click();
  const rows = page.locator('.ant-table-tbody tr');

  // The activist cannot become a candidate today: a year has not passed since step 3.
  await rows.filter({ has: page.locator('td:nth-child(2)', { hasText: /^入党积极分子$/ }) }).click();
  const form = page.getByTestId('step-form');
  await expect(form.getByLabel('步骤')).toBeVisible();
  await expect(form).toContainText('第7步 确定发展对象');
  await form.getByRole('button', { name: '检查并登记' }).click();
  await expect(page.locator('.ant-modal-confirm-title')).toHaveText('这一步不符合发展党员的规定');
  await expect(form).toContainText('R-ACTIVIST-1Y');
  await page.screenshot({ path: testInfo.outputPath('violation.png') });
  await page.getByRole('button', { name: '取消，去改正' }).click();
  await expect(page.getByTestId('step-7')).toContainText('下一步');
  await page.getByRole('button', { name: 'Close' }).or(page.locator('.ant-drawer-close')).first().click();

  // The candidate's political review (step 10) today is lawful: saved, and the board moves on.
  await rows.filter({ has: page.locator('td:nth-child(2)', { hasText: /^发展对象$/ }) }).click();
  await expect(form).toContainText('第10步 进行政治审查');
  await form.getByLabel('有关人员').fill('王建国、李秀英');
  await form.getByRole('button', { name: '检查并登记' }).click();
  await expect(page.getByText('已登记第10步')).toBeVisible();
  const today = chinaToday(new Date());
  await expect(page.getByTestId('step-10')).toContainText(today);
  await expect(page.getByTestId('step-10')).toContainText('王建国、李秀英');
  await expect(form).toContainText('第11步 开展集中培训');
});
