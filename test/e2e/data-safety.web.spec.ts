/**
 * Data safety as a secretary meets it: a form half filled when the app is closed unexpectedly comes
 * back as a draft; a backup saved to a USB stick (with a password) brings the branch back as it was.
 */
import { expect, test } from '@playwright/test';

test('a form being filled when the app closes unexpectedly comes back as a draft', async ({ page }, testInfo) => {
  await page.goto('/?demo=branch');
  await page.getByRole('menuitem', { name: '党员名册' }).click();
  await page.getByRole('button', { name: '添加人员' }).click();
  const dialog = page.getByRole('dialog', { name: '添加人员' });
  await dialog.getByLabel('姓名').fill('赵老栓');
  await dialog.getByLabel('公民身份号码').fill('110105195003150019');
  await page.waitForTimeout(1000);
  // The window goes away without 保存 or 取消: a crash, a power cut, the laptop closed.
  await page.reload();
  await page.getByRole('menuitem', { name: '党员名册' }).click();
  await page.getByRole('button', { name: '添加人员' }).click();
  await expect(dialog.getByTestId('draft-restored')).toBeVisible();
  await expect(dialog.getByLabel('姓名')).toHaveValue('赵老栓');
  await expect(dialog.getByLabel('公民身份号码')).toHaveValue('110105195003150019');
  await page.screenshot({ path: testInfo.outputPath('draft-restored.png') });
  // Cancelled on purpose, the draft is gone.
  await dialog.getByRole('button', { name: '取消' }).click();
  await page.getByRole('button', { name: '添加人员' }).click();
  await expect(dialog.getByLabel('姓名')).toHaveValue('');
  await expect(dialog.getByTestId('draft-restored')).toHaveCount(0);
});

test('a backup with a password, saved to a USB stick, brings the branch back as it was', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await page.goto('/?demo=branch');
  const total = page.getByTestId('home-counts').locator('.ant-statistic', { hasText: '党员总数' }).locator('.ant-statistic-content-value');
  await expect(total).toHaveText('42');

  await page.getByRole('menuitem', { name: '设置' }).click();
  await page.getByRole('button', { name: '立即备份到U盘或文件夹' }).click();
  await page.getByLabel('备份密码', { exact: true }).fill('党支部2026');
  await page.getByLabel('再输一次备份密码').fill('党支部2026');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '选择保存位置' }).click();
  const file = testInfo.outputPath('支部工作台备份.bdbackup');
  await (await download).saveAs(file);

  // Something changes after the backup: a member is archived.
  await page.getByRole('menuitem', { name: '组织关系' }).click();
  await page.getByRole('button', { name: '撤销' }).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: '撤销', exact: true }).click();
  await page.getByRole('menuitem', { name: '首页' }).click();
  await expect(total).toHaveText('43');

  // Restore: the preview says what the backup holds before anything is replaced.
  await page.getByRole('menuitem', { name: '设置' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '从备份文件恢复' }).click();
  await (await chooser).setFiles(file);
  const preview = page.getByRole('dialog', { name: '用这个备份恢复？' });
  await expect(preview).toContainText('市水利局离退休干部党支部');
  await expect(preview).toContainText('人员46条');
  await page.screenshot({ path: testInfo.outputPath('restore-preview.png') });
  await preview.getByRole('button', { name: '恢复', exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: '好' }).click();
  await page.getByRole('menuitem', { name: '首页' }).click();
  await expect(total).toHaveText('42');
  // The data before the restore was kept as an automatic backup.
  await page.getByRole('menuitem', { name: '设置' }).click();
  await expect(page.getByTestId('auto-backups')).toContainText('恢复前自动');
});
