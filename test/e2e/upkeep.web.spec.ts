/**
 * The branch's upkeep: a month's 党费 for the whole demo branch in one screen and its receipts on paper;
 * a 送学上门 that counts as taking part in the meeting it makes up for; an outgoing transfer with its
 * three-part 介绍信 printed and the 回执 recorded when it comes back; the reminders centre.
 */
import { expect, test, type Page } from '@playwright/test';
import { chinaToday } from '../../shared/dates.ts';
import { OPEN_DROPDOWN, printedText, squeeze, stubPrintDialog } from './helpers.ts';

test.beforeEach(({ page }) => stubPrintDialog(page));

const today = chinaToday(new Date());
const monthWords = `${today.slice(0, 4)}年${Number(today.slice(5, 7))}月`;

/** Picks a person in a searchable select by typing the name, as a secretary does in a long list. */
async function pick(page: Page, label: string, name: string) {
  await page.getByLabel(label).click();
  await page.keyboard.type(name);
  await page.locator(OPEN_DROPDOWN).locator('.ant-select-item-option', { hasText: name }).first().click();
}

test('a month of 党费 for the whole branch in one screen, then the receipts on paper', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await page.goto('/?demo=branch');
  await page.getByRole('menuitem', { name: '党费' }).click();
  await expect(page.getByText(/应交 \d+ 人，已交 0 人/)).toBeVisible();
  const due = Number((await page.getByText(/应交 \d+ 人/).textContent())!.match(/应交 (\d+) 人/)![1]);
  expect(due).toBeGreaterThan(30);

  // Everyone paid this month; one bedridden member's dues were handed in by the 联系人.
  await page.getByRole('button', { name: '全部勾选未交的人' }).click();
  const firstRow = page.locator('.ant-table-tbody tr').first();
  const firstName = (await firstRow.locator('td').nth(1).textContent())!.trim();
  await page.getByLabel(`${firstName}的代交人`).fill('李红');
  await page.screenshot({ path: testInfo.outputPath('01-month.png') });
  await page.getByRole('button', { name: `登记所选 ${due} 人已交` }).click();
  await expect(page.getByText(`已登记 ${due} 人${monthWords}的党费`)).toBeVisible();
  await expect(page.getByText(new RegExp(`应交 ${due} 人，已交 ${due} 人`))).toBeVisible();
  await expect(firstRow).toContainText('李红代交');

  // Receipts, three to a sheet, numbered, with the amount in words.
  await page.getByRole('button', { name: '打印本月收据' }).click();
  await page.getByRole('button', { name: '保存为PDF' }).click();
  await expect(page.locator('.print-root [data-testid="form-dues-receipt"]')).toHaveCount(Math.ceil(due / 3));
  const receipts = squeeze(await printedText(page, testInfo.outputPath('党费收据.pdf')));
  expect(receipts).toContain(firstName);
  expect(receipts).toContain('李红');
  expect(receipts).toContain(squeeze(monthWords));
  expect(receipts).toMatch(new RegExp(`${today.slice(0, 4)}-\\d{4}`));
  expect(receipts).toMatch(/[壹贰叁肆伍陆柒捌玖][拾佰]?.*元/);
  expect(receipts.match(/党费收据/g)!.length).toBeGreaterThanOrEqual(due);
  await page.locator('.ant-modal-footer').getByRole('button', { name: '关闭' }).click();

  // Nothing was lost: the month's rows are there after a reload.
  await page.reload();
  await page.getByRole('menuitem', { name: '党费' }).click();
  await expect(page.getByText(new RegExp(`应交 ${due} 人，已交 ${due} 人`))).toBeVisible();
});

test('a 送学上门 counts as taking part in the meeting it brings home', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await page.goto('/?demo=branch');
  await page.getByRole('menuitem', { name: '会议记录' }).click();
  await page.getByRole('tab', { name: '三会一课落实情况' }).click();
  // Lowest attendance first: a member living elsewhere, on leave at every meeting.
  const rates = page.getByTestId('attendance-rates').locator('.ant-table-tbody tr');
  const row = rates.first();
  await expect(row).toContainText('%');
  const name = (await row.locator('td').nth(0).textContent())!.trim();
  const homeStudyBefore = Number(await row.locator('td').nth(3).textContent());

  await page.getByRole('menuitem', { name: '关怀走访' }).click();
  await page.getByRole('button', { name: '登记走访、送学或谈话' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByText('送学上门', { exact: true }).click();
  await pick(page, '党员', name);
  await dialog.getByLabel('送学材料').fill('主题党日学习材料和党课讲稿');
  // The meetings he missed in the last three months are offered once they are read.
  await expect(dialog.getByText('选择他没能参加的会议')).toBeVisible();
  await dialog.getByLabel('补学的会议').click();
  await page.locator(OPEN_DROPDOWN).locator('.ant-select-item-option').first().click();
  await page.screenshot({ path: testInfo.outputPath('01-home-study.png') });
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已保存')).toBeVisible();

  await page.getByRole('menuitem', { name: '会议记录' }).click();
  await page.getByRole('tab', { name: '三会一课落实情况' }).click();
  const after = page.getByTestId('attendance-rates').locator('.ant-table-tbody tr', { hasText: name });
  await expect(after.locator('td').nth(3)).toHaveText(String(homeStudyBefore + 1));
  await expect(after.locator('td').nth(6)).not.toHaveText('0%');
  await page.screenshot({ path: testInfo.outputPath('02-attendance.png'), fullPage: true });
});

test('an outgoing transfer: the three-part 介绍信 printed, the member off the roll, the 回执 recorded', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await page.goto('/?demo=branch');
  const total = page.getByTestId('home-counts').locator('.ant-statistic', { hasText: '党员总数' });
  const before = Number((await total.locator('.ant-statistic-content-value').textContent())!.trim());

  await page.getByRole('menuitem', { name: '组织关系' }).click();
  await page.getByRole('button', { name: '开具转出介绍信' }).click();
  await page.getByLabel('转出的党员').click();
  const option = page.locator(OPEN_DROPDOWN).locator('.ant-select-item-option').nth(3);
  const name = (await option.textContent())!.trim();
  await option.click();
  await expect(page.getByLabel('党费交到')).not.toHaveValue('');
  await page.getByLabel('转到（党组织全称）').fill('中共广州市天河区石牌街道工作委员会');
  await page.getByLabel('接收党委（回执寄回）').fill('中共广州市天河区委组织部');
  await page.getByText('跨省（区、市）', { exact: true }).click();
  await page.screenshot({ path: testInfo.outputPath('01-letter-form.png') });
  await page.getByRole('button', { name: '开具并打印' }).click();
  await expect(page.getByText(`已开具介绍信，${name}已转出名册`)).toBeVisible();

  await page.getByRole('button', { name: '保存为PDF' }).click();
  await expect(page.locator('.print-root [data-testid="form-transfer-letter"]')).toHaveCount(1);
  const letter = squeeze(await printedText(page, testInfo.outputPath('介绍信.pdf')));
  for (const text of ['存根', '回执', name, '中共广州市天河区石牌街道工作委员会', '市水利局离退休干部党支部', '党费已交到', '有效期30天', `${today.slice(0, 4)}-002`]) expect(letter, text).toContain(text);
  expect(letter).toMatch(/\d{17}[\dX]/);
  await page.locator('.ant-modal-footer').getByRole('button', { name: '关闭' }).click();

  const row = page.locator('.ant-table-tbody tr', { hasText: name });
  await expect(row).toContainText('等回执');
  await row.getByRole('button', { name: '登记回执' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已登记回执，转接办结')).toBeVisible();
  await expect(row).toContainText('已回执');
  await page.screenshot({ path: testInfo.outputPath('02-receipt.png') });

  await page.getByRole('menuitem', { name: '首页' }).click();
  await expect(total.locator('.ant-statistic-content-value')).toHaveText(String(before - 1));
});

test('the reminders centre lists what is due and clears an item once it is fixed', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await page.goto('/?demo=branch');
  await expect(page.getByTestId('reminders')).toBeVisible();
  await page.getByTestId('reminders-all').click();
  const list = page.getByTestId('reminders');
  await expect(list).toContainText('组织关系介绍信回执未回');
  await expect(list).toContainText('已连续7个月未交党费');
  await page.screenshot({ path: testInfo.outputPath('01-reminders.png'), fullPage: true });

  // The overdue 回执 comes back: its reminder goes.
  await list.getByText(/组织关系介绍信回执未回/).click();
  await page.locator('.ant-table-tbody tr', { hasText: '已过有效期' }).getByRole('button', { name: '登记回执' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已登记回执，转接办结')).toBeVisible();
  await page.getByRole('menuitem', { name: '提醒' }).click();
  await expect(page.getByTestId('reminders')).toContainText('已连续7个月未交党费');
  await expect(page.getByTestId('reminders')).not.toContainText('回执未回');
});
