/** The roster: import an existing Excel roster with bad rows, search by pinyin, undo, print, export. */
import { chinaToday } from '../../shared/dates.ts';
import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { readFileSync, writeFileSync } from 'node:fs';
import { demoRosterXlsx } from '../fixtures/roster-xlsx.ts';
import { createBranch, printedText, squeeze, stubPrintDialog } from './helpers.ts';

test.beforeEach(({ page }) => stubPrintDialog(page));

const TODAY = chinaToday(new Date());

test('import an Excel roster with three bad rows, find 张三 by pinyin, undo the import', async ({ page }, testInfo) => {
  await createBranch(page);
  await page.getByRole('menuitem', { name: '党员名册' }).click();
  await expect(page.getByTestId('roster-count')).toHaveText('共 0 人');

  // One person entered by hand first: undoing the import must keep him.
  await page.getByRole('button', { name: '添加人员' }).click();
  const dialog = page.getByRole('dialog', { name: '添加人员' });
  await dialog.getByLabel('姓名').fill('赵老栓');
  await dialog.getByLabel('公民身份号码').fill('110105194001010034');
  await expect(dialog.getByLabel('出生日期')).toHaveValue('1940-01-01');
  await dialog.getByLabel('入党日期').fill('1960/7/1');
  await dialog.getByLabel('转正日期').fill('1961-06-01');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.getByText('转正日期应在入党一年以后')).toBeVisible();
  await dialog.getByLabel('转正日期').fill('1961-07-01');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByTestId('roster-count')).toHaveText('共 1 人');

  const fixture = await demoRosterXlsx(TODAY);
  const file = testInfo.outputPath('现有名册.xlsx');
  writeFileSync(file, fixture.bytes);
  await page.getByRole('button', { name: '从Excel导入' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '选择Excel文件' }).click();
  await (await chooser).setFiles(file);
  await expect(page.getByText('请核对每一栏对应的内容')).toBeVisible();
  await expect(page.locator('.ant-modal tr').filter({ hasText: '身份证号' })).toContainText('公民身份号码');
  await page.screenshot({ path: testInfo.outputPath('01-import-mapping.png') });
  await page.getByRole('button', { name: '检查数据' }).click();

  const report = page.getByTestId('import-report');
  await expect(report).toContainText(`可以导入 ${fixture.goodRows} 人；有错误 3 行；重复 0 行`);
  for (const bad of fixture.badRows) {
    const row = report.locator('tr').filter({ hasText: bad.name });
    await expect(row).toContainText(String(bad.rowNumber));
    await expect(row).toContainText(bad.problem);
  }
  await page.screenshot({ path: testInfo.outputPath('02-import-report.png') });
  await page.getByRole('button', { name: `导入 ${fixture.goodRows} 人` }).click();
  await expect(page.getByText(`已导入 ${fixture.goodRows} 人`)).toBeVisible();
  await page.getByRole('button', { name: '完成' }).click();
  await expect(page.getByTestId('roster-count')).toHaveText(`共 ${fixture.goodRows + 1} 人`);

  // Search by initials and by full pinyin.
  const search = page.getByLabel('查找人员');
  await search.fill('zs');
  await expect(page.locator('.roster-row').filter({ hasText: '张三' })).toBeVisible();
  await search.fill('zhangsan');
  await expect(page.getByTestId('roster-count')).toHaveText(`找到 1 人（共 ${fixture.goodRows + 1} 人）`);
  await page.screenshot({ path: testInfo.outputPath('03-search-zhangsan.png') });
  await search.fill('');

  // Importing the same file again adds no one twice.
  await page.getByRole('button', { name: '从Excel导入' }).click();
  const again = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '选择Excel文件' }).click();
  await (await again).setFiles(file);
  await page.getByRole('button', { name: '检查数据' }).click();
  await expect(page.getByTestId('import-report')).toContainText(`可以导入 0 人；有错误 3 行；重复 ${fixture.goodRows} 行`);
  await page.getByRole('dialog', { name: '从Excel导入名册' }).getByRole('button', { name: '取消' }).click();

  await page.getByRole('button', { name: /撤销上次导入/ }).click();
  await page.getByRole('button', { name: '撤销导入' }).click();
  await expect(page.getByTestId('roster-count')).toHaveText('共 1 人');
  await expect(page.locator('.roster-row').filter({ hasText: '赵老栓' })).toBeVisible();
});

test('print the 花名册 and a member card, and keep a history of changes', async ({ page }, testInfo) => {
  await page.goto('/?demo=branch');
  await page.getByRole('menuitem', { name: '党员名册' }).click();
  await expect(page.getByTestId('roster-count')).toHaveText('共 45 人');
  const firstName = (await page.locator('.roster-row').first().locator('[role=cell]').first().textContent())!.trim();

  await page.getByRole('button', { name: '打印花名册' }).click();
  await expect(page.getByTestId('roster-print')).toBeAttached();
  const text = await printedText(page, testInfo.outputPath('花名册.pdf'));
  expect(squeeze(text)).toContain('市水利局离退休干部党支部党员花名册');
  expect(squeeze(text)).toContain('共45人');
  for (const header of ['姓名', '性别', '出生日期', '入党日期', '党小组']) expect(squeeze(text)).toContain(header);
  expect(squeeze(text)).toContain(firstName);
  expect(text, 'the screen UI is not printed').not.toContain('从Excel导入');

  // Edit a person: the change is in the history; then the member card prints the new value.
  await page.locator('.roster-row').first().click();
  await page.getByRole('button', { name: '修改' }).click();
  const form = page.getByRole('dialog', { name: `修改：${firstName}` });
  await form.getByLabel('居住地址').fill('光明路8号2单元501室');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(page.locator('.ant-timeline')).toContainText('居住地址：（已修改，内容不记入历史）');
  await page.getByRole('button', { name: '打印党员信息卡' }).click();
  const card = await printedText(page, testInfo.outputPath('党员信息卡.pdf'));
  expect(card).toContain('党员信息卡');
  expect(squeeze(card), 'only the current print job is on paper').not.toContain('党员花名册');
  expect(card).toContain(firstName);
  expect(squeeze(card)).toContain('光明路8号2单元501室');
});

test('archive a member: off the roll, still kept, and back again', async ({ page }) => {
  await page.goto('/?demo=branch');
  await page.getByRole('menuitem', { name: '党员名册' }).click();
  const row = page.locator('.roster-row').nth(3);
  const name = (await row.locator('[role=cell]').first().textContent())!.trim();
  await row.click();
  await page.getByRole('button', { name: '出册' }).click();
  const dialog = page.getByRole('dialog', { name: `${name} 出册` });
  // antd animates the drop-down open: retry the choice until it shows as selected.
  await expect(async () => {
    await dialog.getByLabel('出册原因').click();
    await page.locator('.ant-select-item-option[title="去世"]').click({ timeout: 2000 });
    await expect(dialog.locator('.ant-select').first()).toContainText('去世', { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await dialog.getByLabel('日期').fill('2026-10-01');
  await dialog.getByLabel('日期').press('Enter');
  await expect(dialog.getByLabel('日期')).toHaveValue('2026-10-01');
  await dialog.getByRole('button', { name: '确认出册' }).click();
  await expect(page.getByText('已出册：去世（2026-10-01）')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('roster-count')).toHaveText('共 44 人');
  await page.getByText('显示已出册人员').click();
  await expect(page.getByTestId('roster-count')).toHaveText('共 46 人');
  await page.getByLabel('查找人员').fill(name);
  await page.locator('.roster-row').filter({ hasText: name }).click();
  await page.getByRole('button', { name: '恢复在册' }).click();
  await page.locator('.ant-modal-confirm').getByRole('button', { name: '恢复在册' }).click();
  await expect(page.locator('.ant-timeline')).toContainText('在册状态：出册 → 在册');
});

test('statistics: the counts on screen, exported to Excel and read back, and printed', async ({ page }, testInfo) => {
  await page.goto('/?demo=branch');
  await page.getByRole('menuitem', { name: '统计报表' }).click();
  const basics = page.getByTestId('stat-table').filter({ hasText: '党员基本情况' });
  await expect(basics.locator('.ant-table-tbody tr').filter({ hasText: '党员总数' })).toContainText('42');
  await expect(basics.locator('.ant-table-tbody tr').filter({ hasText: '预备党员' })).toContainText('1');
  await page.screenshot({ path: testInfo.outputPath('statistics.png'), fullPage: true });

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出Excel' }).click();
  const file = testInfo.outputPath('统计.xlsx');
  await (await download).saveAs(file);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  expect(String(sheet.getCell('A1').value)).toBe('市水利局离退休干部党支部党员统计表');
  const rows: Record<string, unknown> = {};
  sheet.eachRow((row) => {
    rows[String(row.getCell(1).value)] = row.getCell(2).value;
  });
  expect(rows['党员总数']).toBe(42);
  expect(rows['正式党员']).toBe(41);
  expect(rows['离退休']).toBe(38);
  expect(rows['流动党员']).toBe(3);
  expect(sheet.getCell('A4').isMerged, 'table titles are merged over their columns').toBe(true);

  await page.getByRole('button', { name: '打印统计表' }).click();
  const text = squeeze(await printedText(page, testInfo.outputPath('统计表.pdf')));
  expect(text).toContain('市水利局离退休干部党支部党员统计表');
  expect(text).toContain('党员总数42');
  expect(text).toContain('按年龄');
});

test('a committee term entered in 支部与党小组 brings the 换届 reminder to 首页 six months before it ends', async ({ page }) => {
  await createBranch(page);
  await page.getByRole('menuitem', { name: '党员名册' }).click();
  await page.getByRole('tab', { name: '支部与党小组' }).click();
  await page.getByRole('button', { name: '记录换届选举' }).click();
  const dialog = page.getByRole('dialog', { name: '记录换届选举' });
  const elected = new Date(Date.now() - (3 * 365 - 90) * 86_400_000).toISOString().slice(0, 10);
  await dialog.getByLabel('选举日期').fill(elected);
  await dialog.getByLabel('选举日期').press('Enter');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByTestId('term-status')).toContainText('请提前做好换届准备');
  await page.getByRole('menuitem', { name: '首页' }).click();
  await expect(page.getByTestId('reminder-term')).toContainText('届满');
});
