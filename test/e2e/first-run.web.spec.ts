/** A secretary's first day: the wizard creates the branch, it survives a reload, large type works. */
import { expect, test, type Page } from '@playwright/test';

async function bodyFontSize(page: Page): Promise<number> {
  return page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('.ant-layout-content .ant-card-body') ?? document.body).fontSize));
}

async function expectNoHorizontalOverflow(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, 'page is wider than the 1366 px window').toBeLessThanOrEqual(0);
}

test('first run: the wizard creates the branch, which is still there after a reload', async ({ page }, testInfo) => {
  await page.goto('/');
  await expect(page.getByText('欢迎使用支部工作台')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('01-wizard-welcome.png') });

  await page.getByRole('button', { name: '开始建立支部' }).click();
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page.getByText('请填写支部全称')).toBeVisible();
  await expect(page.getByText('请填写上级党组织名称')).toBeVisible();

  await page.getByLabel('支部名称').fill('东风社区离退休党员第一党支部');
  await page.getByText('离退休党员支部').click();
  await page.getByLabel('上级党组织').fill('中共东风街道工作委员会');
  await page.getByRole('button', { name: '下一步' }).click();

  await page.getByLabel('支部书记姓名').fill('张');
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page.getByText('请填写书记姓名')).toBeVisible();
  await page.getByLabel('支部书记姓名').fill('王建国');
  await page.getByRole('button', { name: '下一步' }).click();

  // A password is recommended; a shared office laptop may go without one, after a plain warning.
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page.getByText('请先保存密码，或选择“不设密码”。')).toBeVisible();
  await page.getByText('不设密码（多人共用的办公电脑）').click();
  await expect(page.getByText('任何人打开这台电脑上的支部工作台都能看到党员的个人信息')).toBeVisible();
  await page.getByRole('button', { name: '下一步' }).click();

  await expect(page.getByText('请核对以下信息')).toBeVisible();
  await expect(page.locator('.ant-descriptions')).toContainText('未设置');
  await expect(page.locator('.ant-descriptions')).toContainText('东风社区离退休党员第一党支部');
  await expect(page.locator('.ant-descriptions')).toContainText('王建国');
  await page.screenshot({ path: testInfo.outputPath('02-wizard-confirm.png') });
  await page.getByRole('button', { name: '完成，进入首页' }).click();

  await expect(page.locator('.app-header')).toContainText('东风社区离退休党员第一党支部');
  await expect(page.getByTestId('home-counts')).toContainText('党员总数');
  await expect(page.getByText('中共东风街道工作委员会')).toBeVisible();
  await expectNoHorizontalOverflow(page);
  await page.screenshot({ path: testInfo.outputPath('03-home.png') });

  await page.reload();
  await expect(page.locator('.app-header')).toContainText('东风社区离退休党员第一党支部');
  await expect(page.getByText('欢迎使用支部工作台')).toHaveCount(0);
  await expect(page.getByText('王建国')).toBeVisible();
});

test('large-type mode raises the base text to at least 18 px and is remembered', async ({ page }, testInfo) => {
  await page.goto('/');
  // Switched on from the first-run wizard.
  await page.getByRole('switch', { name: '大字模式（字更大、更清楚）' }).click();
  expect(await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize))).toBeGreaterThanOrEqual(18);
  await page.getByRole('button', { name: '先看看演示支部' }).click();
  await expect(page.locator('.app-header')).toContainText('市水利局离退休干部党支部');
  expect(await bodyFontSize(page)).toBeGreaterThanOrEqual(18);
  await expectNoHorizontalOverflow(page);
  await page.screenshot({ path: testInfo.outputPath('04-home-large-type.png') });

  // Switched off and on again in 设置.
  await page.getByRole('menuitem', { name: '设置' }).click();
  const toggle = page.getByRole('switch', { name: '大字模式' });
  await expect(toggle).toBeChecked();
  await toggle.click();
  expect(await bodyFontSize(page)).toBeLessThan(18);
  await page.screenshot({ path: testInfo.outputPath('05-settings-normal.png') });
  await toggle.click();
  const large = await bodyFontSize(page);
  expect(large).toBeGreaterThanOrEqual(18);
  // antd animates the change of size: wait for the button to settle.
  const button = page.getByRole('button', { name: '打印测试页' });
  await expect.poll(() => button.evaluate((b) => b.getBoundingClientRect().height), { message: 'controls grow with the text' }).toBeGreaterThanOrEqual(44);

  await page.reload();
  await expect(page.getByRole('switch', { name: '大字模式' })).toBeChecked();
  expect(await bodyFontSize(page)).toBe(large);
});

test('the demo branch shows its counts on 首页, and 同步 asks for the committee server', async ({ page }, testInfo) => {
  await page.goto('/?demo=branch');
  await expect(page.locator('.app-header')).toContainText('市水利局离退休干部党支部');
  expect(new URL(page.url()).search, 'the demo flag is removed once used').toBe('');
  const counts = page.getByTestId('home-counts');
  // 41 full members on the roll (38 retired, 3 mobile; one more has just transferred out), one probationary member, two candidates, one activist.
  for (const [label, value] of [['党员总数', 42], ['正式党员', 41], ['预备党员', 1], ['离退休党员', 38], ['流动党员', 3], ['发展对象', 2], ['入党积极分子', 1], ['入党申请人', 0]] as const) {
    await expect(counts.locator('.ant-statistic').filter({ hasText: label }).locator('.ant-statistic-content-value')).toHaveText(String(value));
  }
  await page.screenshot({ path: testInfo.outputPath('06-demo-home.png') });

  await page.getByRole('menuitem', { name: '同步' }).click();
  await expect(page.getByText('连接上级党委的服务器')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('07-sync-sign-in.png') });

  // Asking for the demo again never overwrites data that is already there.
  await page.goto('/?demo=scale');
  await expect(page.locator('.app-header')).toContainText('市水利局离退休干部党支部');
  await expect(counts.locator('.ant-statistic').filter({ hasText: '党员总数' }).locator('.ant-statistic-content-value')).toHaveText('42');
});
