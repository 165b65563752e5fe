/**
 * 发展党员: the board, a step that breaks a rule, the demo activist moved through steps 7–15 to
 * 预备党员 through the UI, and the 支部大会决议 and 公示 printed and read back from the PDF.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { addDays, addMonths, chinaToday } from '../../shared/dates.ts';
import { printedText, recordSteps, squeeze, stubPrintDialog, type StepEntry } from './helpers.ts';

test.beforeEach(({ page }) => stubPrintDialog(page));

const today = chinaToday(new Date());
const daysAgo = (n: number) => addDays(today, -n);
const cn = (date: string) => `${date.slice(0, 4)}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;

async function openBoard(page: Page): Promise<Locator> {
  await page.goto('/?demo=branch');
  await page.getByRole('menuitem', { name: '发展党员' }).click();
  const rows = page.locator('.ant-table-tbody tr');
  await expect(rows).toHaveCount(4);
  return rows;
}

/** A 1×1 PNG: the smallest real photo. */
const ONE_PIXEL_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** 保存为PDF in the preview, once the form is laid out in the print root. */
async function saveAsPdf(page: Page, kind: string): Promise<void> {
  await page.getByRole('button', { name: '保存为PDF' }).click();
  await expect(page.locator(`.print-root [data-testid="form-${kind}"]`)).toBeAttached();
}

const rowOf = (rows: Locator, status: string) => rows.filter({ has: rows.page().locator('td:nth-child(2)', { hasText: new RegExp(`^${status}$`) }) });

test('the pipeline board lists each recruit with stage, next step and the check result', async ({ page }, testInfo) => {
  const rows = await openBoard(page);
  await expect(page.locator('.ant-table-tbody')).toContainText('入党积极分子');
  await expect(page.locator('.ant-table-tbody')).toContainText('发展对象');
  await expect(page.locator('.ant-table-tbody')).toContainText('第5阶段 预备党员的教育考察和转正');
  await page.screenshot({ path: testInfo.outputPath('pipeline.png') });

  await rowOf(rows, '入党积极分子').click();
  await expect(page.getByTestId('step-6')).toBeVisible();
  await expect(page.getByTestId('step-7')).toContainText('下一步，最早');
  await expect(page.getByTestId('step-3')).toContainText(/\d{4}-\d{2}-\d{2}/);
  await page.screenshot({ path: testInfo.outputPath('dossier.png') });
});

test('a date that breaks R-ACTIVIST-1Y is stopped with the reason, and nothing is saved', async ({ page }, testInfo) => {
  const rows = await openBoard(page);
  await rowOf(rows, '入党积极分子').click();
  const step3 = /(\d{4}-\d{2}-\d{2})/.exec((await page.getByTestId('step-3').textContent()) ?? '')![1]!;
  const form = page.getByTestId('step-form');
  await expect(form).toContainText('第7步 确定发展对象');
  // Eleven months after becoming an activist: a year is required.
  await form.getByLabel('日期', { exact: true }).fill(addMonths(step3, 11));
  await form.getByRole('button', { name: '检查并登记' }).click();
  await expect(page.locator('.ant-modal-confirm-title')).toHaveText('这一步不符合发展党员的规定');
  await expect(form).toContainText('R-ACTIVIST-1Y');
  await page.screenshot({ path: testInfo.outputPath('violation.png') });
  await page.getByRole('button', { name: '取消，去改正' }).click();
  await expect(page.getByTestId('step-7')).toContainText('下一步');
  await expect(page.getByTestId('step-7')).not.toContainText(addMonths(step3, 11));
});

test('the activist becomes a 预备党员 through steps 7–15; the 决议 and the 公示 print with every filled field', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const rows = await openBoard(page);
  const name = (await rowOf(rows, '入党积极分子').locator('td').first().textContent())!.trim();
  await rowOf(rows, '入党积极分子').click();

  const publicity = { from: daysAgo(42), to: daysAgo(27) };
  const steps: StepEntry[] = [
    { step: 7, date: daysAgo(70) },
    { step: 8, date: daysAgo(68), fill: (f) => f.getByLabel('上级党委文号').fill('水机党备〔2026〕9号') },
    { step: 9, date: daysAgo(65), fill: (f) => f.getByLabel('有关人员').fill('王建国、李秀英') },
    { step: 10, date: daysAgo(60), fill: async (f) => { await f.getByLabel('政审结束日期').fill(daysAgo(55)); await f.getByLabel('政审结论').fill('政治审查合格'); } },
    { step: 11, date: daysAgo(50), fill: (f) => f.getByLabel('培训结束日期').fill(daysAgo(47)) },
    { step: 12, date: daysAgo(45) },
    {
      step: 13,
      date: daysAgo(25),
      fill: async (f) => {
        await f.getByLabel('发展对象公示开始日期').fill(publicity.from);
        await f.getByLabel('公示结束日期').fill(publicity.to);
        await f.getByLabel('上级党委文号').fill('水机党预〔2026〕3号');
      },
    },
    { step: 14, date: daysAgo(20), fill: (f) => f.getByLabel('入党志愿书编号').fill('0012345') },
    {
      step: 15,
      date: daysAgo(10),
      fill: async (f) => {
        await f.getByLabel('经批准不计入应到会').fill('2');
        await f.getByLabel('实到会有表决权').fill('30');
        await f.getByLabel('赞成', { exact: true }).fill('29');
        await f.getByLabel('反对', { exact: true }).fill('1');
        await f.getByLabel('弃权', { exact: true }).fill('0');
        await f.getByLabel('备注').fill('该同志入党动机端正，表现突出，已具备党员条件');
      },
    },
  ];
  await recordSteps(page, steps);
  await page.screenshot({ path: testInfo.outputPath('admitted-dossier.png'), fullPage: true });
  await expect(page.locator('.ant-drawer .ant-descriptions')).toContainText('预备党员');

  // The forms of the steps reached, filled from the dossier.
  await page.getByRole('tab', { name: '打印材料' }).click();
  await page.getByTestId('form-item-resolution-admit').getByRole('button', { name: '预览打印' }).click();
  const preview = page.getByTestId('form-preview');
  await expect(preview).toContainText('同意接收');
  await page.screenshot({ path: testInfo.outputPath('resolution-preview.png') });
  await saveAsPdf(page, 'resolution-admit');
  const fullMembers = Number(/应到会有表决权的正式党员(\d+)名/.exec((await preview.textContent()) ?? '')![1]);
  const resolution = squeeze(await printedText(page, testInfo.outputPath('支部大会决议.pdf')));
  for (const field of [
    '支部大会决议',
    name,
    cn(daysAgo(10)),
    `应到会有表决权的正式党员${fullMembers}名`,
    '实到会有表决权的正式党员30名',
    '赞成29票',
    '反对1票',
    '弃权0票',
    '王建国、李秀英',
    '该同志入党动机端正，表现突出，已具备党员条件',
    `同意接收${name}同志为中共预备党员`,
    '市水利局离退休干部党支部',
  ]) {
    expect(resolution, field).toContain(squeeze(field));
  }
  expect(resolution, 'the screen UI is not printed').not.toContain('打印预览');
  await page.locator('.ant-modal-footer').getByRole('button', { name: '关闭' }).click();

  await page.getByTestId('form-item-candidate-publicity').getByRole('button', { name: '预览打印' }).click();
  await saveAsPdf(page, 'candidate-publicity');
  const notice = squeeze(await printedText(page, testInfo.outputPath('发展对象公示.pdf')));
  for (const field of ['发展对象公示', name, cn(publicity.from), cn(publicity.to), '王建国、李秀英', cn(daysAgo(70))]) {
    expect(notice, field).toContain(squeeze(field));
  }
  expect(notice, 'only the current print job is on paper').not.toContain('支部大会决议');
  await page.locator('.ant-modal-footer').getByRole('button', { name: '关闭' }).click();

  // The board shows the new status; the probation runs one year from step 15.
  await page.locator('.ant-drawer-close').click();
  await expect(rowOf(rows, '预备党员')).toHaveCount(2);
});

test('a new 入党申请 opens a dossier; a blank form and the quarter plan print', async ({ page }, testInfo) => {
  const rows = await openBoard(page);
  await page.getByRole('button', { name: '登记入党申请' }).click();
  const dialog = page.getByRole('dialog', { name: '登记入党申请' });
  await dialog.getByText('新登记一位申请人').click();
  await dialog.getByLabel('姓名（与身份证一致）').fill('赵小青');
  await dialog.getByText('女', { exact: true }).click();
  await dialog.getByLabel('出生日期').fill('2010-03-01');
  await dialog.getByLabel('递交入党申请书的日期').fill(daysAgo(3));
  await dialog.getByRole('button', { name: '登记' }).click();
  await expect(dialog.getByRole('alert')).toContainText('未满18周岁');
  await dialog.getByLabel('出生日期').fill('2000-03-01');
  await dialog.getByRole('button', { name: '登记' }).click();
  await expect(page.getByText('已登记入党申请，档案已建立')).toBeVisible();
  await expect(rows).toHaveCount(5);
  await rows.filter({ hasText: '赵小青' }).click();
  await expect(page.getByTestId('step-1')).toContainText(daysAgo(3));
  await expect(page.getByTestId('step-form')).toContainText('第2步 党组织派人谈话');

  // A 思想汇报 goes into the records; a photo of the signed 申请书 into the scans, encrypted, and back.
  await page.getByRole('tab', { name: /思想汇报和考察/ }).click();
  const reports = page.getByTestId('records-thoughtReports');
  await reports.getByLabel('日期').fill(daysAgo(1));
  await reports.getByLabel('内容').fill('学习党章的体会');
  await reports.getByRole('button', { name: '添加' }).click();
  await expect(reports).toContainText('学习党章的体会');
  await expect(reports).toContainText('1 条');
  await page.getByRole('tab', { name: /扫描件/ }).click();
  await page.getByLabel('材料名称').fill('入党申请书第1页');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '选择照片或PDF…' }).click();
  await (await chooser).setFiles({ name: '申请书.png', mimeType: 'image/png', buffer: ONE_PIXEL_PNG });
  await expect(page.getByText('已添加：入党申请书第1页')).toBeVisible();
  await expect(page.getByRole('tab', { name: '扫描件（1）' })).toBeVisible();
  await page.getByRole('button', { name: '查看' }).click();
  const image = page.locator('.ant-modal img');
  await expect(image).toBeVisible();
  expect(await image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);
  await page.screenshot({ path: testInfo.outputPath('scan.png') });
  await page.locator('.ant-modal-footer').getByRole('button', { name: '关闭' }).click();
  await page.locator('.ant-drawer-close').click();

  // The talk is due within a month of the application (R-TALK-1M): the 首页 says so.
  await page.getByRole('menuitem', { name: '首页' }).click();
  await expect(page.getByTestId('reminders')).toContainText('赵小青');
  await page.screenshot({ path: testInfo.outputPath('home-reminders.png') });
  await page.getByRole('menuitem', { name: '发展党员' }).click();

  await page.getByRole('button', { name: '打印空白表格' }).hover();
  await page.getByRole('menuitem', { name: '入党积极分子登记表' }).click();
  await saveAsPdf(page, 'activist-register');
  const blank = squeeze(await printedText(page, testInfo.outputPath('入党积极分子登记表-空白.pdf')));
  expect(blank).toContain('入党积极分子登记表');
  expect(blank).toContain('培养联系人');
  expect(blank, 'a blank form names nobody').not.toContain('赵小青');
  await page.locator('.ant-modal-footer').getByRole('button', { name: '关闭' }).click();

  await page.getByRole('button', { name: '打印下季度工作计划' }).click();
  await expect(page.getByTestId('form-preview')).toContainText('发展党员工作计划');
  await saveAsPdf(page, 'work-plan');
  const plan = squeeze(await printedText(page, testInfo.outputPath('发展党员工作计划.pdf')));
  expect(plan).toContain('赵小青');
  expect(plan).toContain('第2步党组织派人谈话');
});
