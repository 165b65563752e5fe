/**
 * Opening the minutes list (会议记录) of the 10,000-member data set with five years of meetings: from the
 * click on the menu to the first page of rows in the page, measured inside the page (no Playwright
 * round trips), for this year (the default) and for all five years.
 */
import type { Page } from 'playwright-core';
import { withApp } from './with-app.ts';

/** Clicks a menu item or a drop-down option and waits for the list it brings; in-page milliseconds. */
function timeInPage(page: Page, action: { menu?: string; option?: string }): Promise<number> {
  return page.evaluate(async ({ menu, option }) => {
    // The list is there with its count: a row and a total that differs from before the click (the newest
    // meeting may head both lists, so the row alone does not tell).
    const state = () => {
      const row = document.querySelector('[data-testid="meetings-list"] .ant-table-tbody tr.ant-table-row');
      const total = document.querySelector('.ant-pagination-total-text')?.textContent ?? '';
      return row ? total : null;
    };
    const before = state();
    const target = menu
      ? Array.from(document.querySelectorAll('.ant-menu-item')).find((e) => e.textContent?.trim() === menu)
      : Array.from(document.querySelectorAll('.ant-select-item-option')).find((e) => e.textContent?.trim() === option);
    if (!target) throw new Error(`nothing to click: ${menu ?? option}`);
    const start = performance.now();
    (target as HTMLElement).click();
    await new Promise<void>((resolve) => {
      const check = () => {
        const now = state();
        if (now && now !== before) resolve();
        else requestAnimationFrame(check);
      };
      check();
    });
    return performance.now() - start;
  }, action);
}

export async function measureMeetingsList(runs: number): Promise<{ meetings: number; thisYear: number[]; allYears: number[] }> {
  return withApp(
    (base) => `${base}?demo=scale`,
    async (page) => {
      await page.waitForFunction(() => /党员总数\s*10,?\d{3}/.test(document.querySelector('[data-testid="home-counts"]')?.textContent ?? ''), undefined, { timeout: 900_000 });
      const figures = { meetings: 0, thisYear: [] as number[], allYears: [] as number[] };
      for (let i = 0; i < runs + 1; i++) {
        await page.getByRole('menuitem', { name: '首页' }).click();
        await page.getByTestId('home-counts').waitFor();
        const thisYear = await timeInPage(page, { menu: '会议记录' });
        await page.getByLabel('年份').click();
        const allYears = await timeInPage(page, { option: '全部年份' });
        if (i === 0) {
          const total = (await page.locator('.ant-pagination-total-text').textContent()) ?? '';
          figures.meetings = Number(/共 (\d+) 次会议/.exec(total)?.[1] ?? Number.NaN);
          continue; // warm-up: the first opening also loads the section's code
        }
        figures.thisYear.push(thisYear);
        figures.allYears.push(allYears);
      }
      return figures;
    },
  );
}
