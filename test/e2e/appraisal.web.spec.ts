/**
 * 民主评议党员: 20 anonymous ballots (19 typed in from paper with the keyboard, 1 cast on the laptop
 * passed round), the tally and the organization's grades, and the written notices printed.
 */
import { expect, test } from '@playwright/test';
import { chinaToday } from '../../shared/dates.ts';
import { printedText, squeeze, stubPrintDialog } from './helpers.ts';

test.beforeEach(({ page }) => stubPrintDialog(page));

const year = chinaToday(new Date()).slice(0, 4);

test('a 民主评议 with 20 ballots: tally, grades, notices on paper', async ({ page }, testInfo) => {
  // 19 ballots typed and one of 42 clicks: a long journey, slower still on a loaded machine.
  test.setTimeout(240_000);
  await page.goto('/?demo=branch');
  await page.getByRole('menuitem', { name: '民主评议' }).click();
  await page.getByRole('button', { name: `开始${year}年度民主评议` }).click();
  await page.getByRole('tab', { name: /测评票/ }).click();

  const entry = page.getByTestId('ballot-entry');
  const names = (await entry.locator('tbody tr td:nth-child(2)').allTextContents()).map((n) => n.trim());
  expect(names.length).toBeGreaterThan(20);
  // Ballots 1–12 grade the second member 不合格, all grade the first 优秀, everyone else 合格.
  for (let i = 0; i < 19; i++) {
    await entry.focus();
    await page.keyboard.type(['1', i < 12 ? '4' : '2', ...names.slice(2).map(() => '2')].join(''));
    await page.keyboard.press('Enter');
    await expect(page.getByText(`已录入第 ${i + 1} 张测评票`)).toBeVisible();
  }
  await page.screenshot({ path: testInfo.outputPath('01-ballot-entry.png') });

  // The 20th on the laptop passed round: the screen shows no earlier vote.
  await page.getByRole('button', { name: '在本机轮流投票' }).click();
  const kiosk = page.getByRole('dialog');
  await expect(kiosk.locator('.ant-radio-button-wrapper-checked')).toHaveCount(0);
  for (const [i, name] of names.entries()) await kiosk.getByTestId(`kiosk-${name}`).getByText(i === 0 ? '优秀' : '合格', { exact: true }).click();
  await page.screenshot({ path: testInfo.outputPath('02-kiosk.png') });
  await kiosk.getByRole('button', { name: /投出这张票/ }).click();
  await expect(kiosk.getByText('您的测评票已投出，谢谢！')).toBeVisible();
  await kiosk.getByRole('button', { name: '下一位开始投票' }).click();
  await expect(kiosk.locator('.ant-radio-button-wrapper-checked'), 'the next voter sees a clean ballot').toHaveCount(0);
  await kiosk.getByRole('button', { name: '结束投票' }).click();
  await expect(page.getByRole('tab', { name: '测评票（20张）' })).toBeVisible();

  // Tally and grades.
  await page.getByRole('tab', { name: '统计和评定' }).click();
  const tally = page.getByTestId('appraisal-tally');
  const first = tally.locator('tr', { hasText: names[0]! });
  await expect(first.locator('td').nth(1)).toHaveText('20');
  const second = tally.locator('tr', { hasText: names[1]! });
  await expect(second.locator('td').nth(4)).toHaveText('12');
  await page.getByRole('button', { name: /按测评结果填入组织评定/ }).click();
  await expect(second.getByLabel(`${names[1]}的组织评定`).locator('..')).toContainText('不合格');
  await second.getByLabel(`${names[1]}的整改要求`).fill('限期三个月改正，按时参加组织生活');
  await second.getByLabel(`${names[1]}的整改要求`).blur();
  await expect(page.getByText('评定结果需要注意')).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('03-results.png'), fullPage: true });

  // The notices, one per member, on paper.
  await page.getByRole('tab', { name: '通知和报告' }).click();
  await page.getByRole('button', { name: /打印全部结果通知书/ }).click();
  await page.getByRole('button', { name: '保存为PDF' }).click();
  await expect(page.locator('.print-root [data-testid="form-appraisal-notice"]')).toHaveCount(names.length);
  const notices = squeeze(await printedText(page, testInfo.outputPath('结果通知书.pdf')));
  for (const name of names) expect(notices, name).toContain(name);
  expect(notices).toContain('优秀');
  expect(notices).toContain('不合格');
  expect(notices).toContain('限期三个月改正，按时参加组织生活');
  expect(notices).toContain(`${year}年度`);
});
