import { expect, type Locator, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';

/** Creates a branch through the first-run wizard, as a secretary does on the first day. */
export async function createBranch(page: Page, name = '东风社区离退休党员第一党支部'): Promise<void> {
  await page.goto('/');
  await page.getByRole('button', { name: '开始建立支部' }).click();
  await page.getByLabel('支部名称').fill(name);
  await page.getByText('离退休党员支部').click();
  await page.getByLabel('上级党组织').fill('中共东风街道工作委员会');
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByLabel('支部书记姓名').fill('王建国');
  await page.getByRole('button', { name: '下一步' }).click();
  // A test laptop without a password (password.web.spec.ts sets one).
  await page.getByText('不设密码（多人共用的办公电脑）').click();
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByRole('button', { name: '完成，进入首页' }).click();
  await expect(page.locator('.app-header')).toContainText(name);
}

/**
 * Replaces the browser's print dialog: since Debian's Chromium 156.0.8078.114, headless window.print()
 * leaves the page "being printed" and page.pdf() then fails. The app's print buttons still call it
 * (counted in `window.__printCalls`); printedText makes the PDF as the print CSS lays it out.
 */
export async function stubPrintDialog(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const counted = window as Window & { __printCalls?: number };
    counted.__printCalls = 0;
    window.print = () => {
      counted.__printCalls = (counted.__printCalls ?? 0) + 1;
    };
  });
}

/** The page printed to an A4 PDF as the print CSS lays it out, and the PDF's text (pdftotext). */
export async function printedText(page: Page, pdfPath: string): Promise<string> {
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  writeFileSync(pdfPath, pdf);
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdfPath, pdfPath.replace(/\.pdf$/, '')]);
  return execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
}

/** Text without spaces and line breaks: long titles wrap in a PDF. */
export function squeeze(text: string): string {
  return text.replace(/\s+/g, '');
}

/** The drop-down of the select that is open now (antd keeps closed ones in the page, hidden). */
export const OPEN_DROPDOWN = '.ant-select-dropdown:not(.ant-select-dropdown-hidden)';

/** Opens a select, picks an option by index or text (among those containing `only`), waits until it has closed. */
export async function choose(select: Locator, option: string | number, only?: string): Promise<string> {
  const page = select.page();
  await select.click();
  let options = page.locator(`${OPEN_DROPDOWN} .ant-select-item-option`);
  if (only) options = options.filter({ hasText: only });
  const chosen = typeof option === 'number' ? options.nth(option) : options.filter({ hasText: option }).first();
  const text = (await chosen.textContent())!.trim();
  // A click during the drop-down's opening animation or an autosave's re-render can miss: try again.
  await expect(async () => {
    if ((await page.locator(OPEN_DROPDOWN).count()) === 0) await select.click();
    await chosen.click({ timeout: 2000 });
    await expect(page.locator(OPEN_DROPDOWN)).toHaveCount(0, { timeout: 1500 });
  }).toPass({ timeout: 20_000 });
  return text;
}

/** A step of a dossier as the step form takes it: its date and what else the step asks for. */
export interface StepEntry {
  step: number;
  date: string;
  fill?: (form: Locator) => Promise<void>;
}

/** Records steps one after another in the open dossier's step form, each seen registered with its date. */
export async function recordSteps(page: Page, steps: readonly StepEntry[]): Promise<void> {
  const form = page.getByTestId('step-form');
  for (const entry of steps) {
    await expect(form.locator('.ant-select-content, .ant-select-selection-item').first()).toContainText(`第${entry.step}步`);
    await form.getByLabel('日期', { exact: true }).fill(entry.date);
    await entry.fill?.(form);
    await form.getByRole('button', { name: '检查并登记' }).click();
    await expect(page.getByText(`已登记第${entry.step}步`)).toBeVisible();
    await expect(page.getByTestId(`step-${entry.step}`)).toContainText(entry.date);
  }
}

/** 发展党员 → the demo branch's 入党积极分子, whose dossier opens at step 7 (确定发展对象); returns the name. */
export async function openActivistDossier(page: Page): Promise<string> {
  await page.getByRole('menuitem', { name: '发展党员' }).click();
  const activist = page.locator('.ant-table-tbody tr').filter({ hasText: '入党积极分子' });
  const name = (await activist.locator('td').first().textContent())!.trim();
  await activist.click();
  await expect(page.getByTestId('step-form')).toContainText('第7步 确定发展对象');
  return name;
}
