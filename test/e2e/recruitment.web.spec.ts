/** 发展党员: the three demo recruits on the board, each dossier checked against the 25-step rules. */
import { expect, test } from '@playwright/test';

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
