/**
 * The password of a secretary's own laptop: set in the first-run wizard with the recovery sheet printed,
 * asked at every start (a wrong one refused), the lock from the header and after idle time, the recovery
 * code when the password is forgotten, and a password change in 设置 after which the old one opens nothing.
 */
import { expect, test, type Page } from '@playwright/test';

async function createBranchWithPassword(page: Page, password: string, shot?: string): Promise<string> {
  await page.goto('/');
  await page.getByRole('button', { name: '开始建立支部' }).click();
  await page.getByLabel('支部名称').fill('东风社区离退休党员第一党支部');
  await page.getByLabel('上级党组织').fill('中共东风街道工作委员会');
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByLabel('支部书记姓名').fill('王建国');
  await page.getByRole('button', { name: '下一步' }).click();

  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByLabel('再输入一次密码').fill(password);
  const code = (await page.getByTestId('recovery-code').textContent())!.trim();
  expect(code).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){4}$/);
  // Not without the recovery sheet.
  await page.getByRole('button', { name: '保存密码' }).click();
  await expect(page.getByText('请先打印恢复单')).toBeVisible();
  await page.getByRole('button', { name: '打印恢复单' }).click();
  const preview = page.getByTestId('form-preview');
  await expect(preview).toContainText('支部工作台数据恢复单');
  await expect(preview).toContainText(code.split('-').join(' - '));
  await expect(preview).toContainText('东风社区离退休党员第一党支部');
  if (shot) await preview.screenshot({ path: shot });
  await page.locator('.ant-modal-footer').getByRole('button', { name: '关闭' }).click();
  await page.getByText('我已收好恢复码', { exact: true }).click();
  await page.getByRole('button', { name: '保存密码' }).click();
  await expect(page.getByText('密码已设置。恢复单请锁进柜子里。')).toBeVisible();
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page.locator('.ant-descriptions')).toContainText('已设置');
  await page.getByRole('button', { name: '完成，进入首页' }).click();
  await expect(page.locator('.app-header')).toContainText('东风社区离退休党员第一党支部');
  return code;
}

async function unlock(page: Page, password: string) {
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '打开', exact: true }).click();
}

test('a password set at first run is asked at every start; the lock and the recovery code work', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const code = await createBranchWithPassword(page, '红旗飘飘2026', testInfo.outputPath('00-recovery-sheet.png'));

  // Nothing of the data key is left in the browser's storage: only the ring.
  const stored = await page.evaluate(() => ({ key: localStorage.getItem('branchdesk.dataKey'), ring: localStorage.getItem('branchdesk.keyRing') }));
  expect(stored.key).toBeNull();
  expect(stored.ring).toContain('"rounds":600000');

  await page.reload();
  await expect(page.getByText('请输入密码，打开支部工作台')).toBeVisible();
  await expect(page.locator('.app-header')).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('01-unlock-at-start.png') });
  await unlock(page, '红旗飘飘2025');
  await expect(page.getByText('密码不对，请再试一次')).toBeVisible();
  await unlock(page, '红旗飘飘2026');
  await expect(page.locator('.app-header')).toContainText('东风社区离退休党员第一党支部');

  // Locked from the header: the app cannot be reached until the password is typed.
  await page.getByRole('button', { name: '锁定' }).click();
  await expect(page.getByText('支部工作台已锁定')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('02-locked.png') });
  expect(await page.locator('.ant-layout').first().evaluate((el) => el.closest('[inert]') !== null)).toBe(true);
  await unlock(page, '红旗飘飘2026');
  await expect(page.getByText('支部工作台已锁定')).toHaveCount(0);
  await page.getByRole('menuitem', { name: '党员名册' }).click();

  // Forgotten password: the recovery code, typed loosely, and a new password.
  await page.reload();
  await page.getByRole('button', { name: '忘记密码？用恢复码' }).click();
  await page.getByLabel('恢复码').fill(code.toLowerCase().replace(/-/g, ' '));
  await page.getByRole('button', { name: '用恢复码打开' }).click();
  await page.getByLabel('新密码（至少 6 位）').fill('党费按月交纳');
  await page.getByLabel('再输入一次新密码').fill('党费按月交纳');
  await page.getByRole('button', { name: '保存新密码并打开' }).click();
  await expect(page.locator('.app-header')).toContainText('东风社区离退休党员第一党支部');

  await page.reload();
  await unlock(page, '红旗飘飘2026');
  await expect(page.getByText('密码不对，请再试一次')).toBeVisible();
  await unlock(page, '党费按月交纳');
  await expect(page.locator('.app-header')).toBeVisible();
});

test('设置 → 密码与锁定: change the password, lock after idle time, remove the password', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await page.clock.install();
  await createBranchWithPassword(page, 'dangfei-2026');
  await page.getByRole('menuitem', { name: '设置' }).click();
  const card = page.locator('#security');
  await expect(card).toContainText('已设置');
  await expect(card).toContainText('每次打开都要输入密码');
  await page.screenshot({ path: testInfo.outputPath('03-settings-security.png'), fullPage: true });

  await card.getByRole('button', { name: '修改密码' }).click();
  await page.getByLabel('现在的密码').fill('wrong-one');
  await page.getByLabel('新密码', { exact: true }).fill('dangfei-2027');
  await page.getByLabel('再输入一次新密码').fill('dangfei-2027');
  await page.getByRole('button', { name: '保存新密码' }).click();
  await expect(page.getByText('现在的密码不对。')).toBeVisible();
  await page.getByLabel('现在的密码').fill('dangfei-2026');
  await page.getByRole('button', { name: '保存新密码' }).click();
  await expect(page.getByText('密码已修改，旧密码不再能打开数据。')).toBeVisible();

  // Five minutes without a key press or a click: locked.
  await card.getByRole('combobox', { name: '自动锁定' }).click();
  await page.getByTitle('5 分钟不用后锁定', { exact: true }).click();
  await page.clock.runFor(5 * 60_000 + 20_000);
  await expect(page.getByText('支部工作台已锁定')).toBeVisible();
  await unlock(page, 'dangfei-2026');
  await expect(page.getByText('密码不对，请再试一次')).toBeVisible();
  await unlock(page, 'dangfei-2027');
  await expect(page.getByText('支部工作台已锁定')).toHaveCount(0);

  await card.getByRole('button', { name: '取消密码' }).click();
  await page.getByLabel('现在的密码').fill('dangfei-2027');
  await page.locator('.ant-modal-footer').getByRole('button', { name: '取消密码' }).click();
  await expect(page.getByText('密码已取消。')).toBeVisible();
  await expect(card).toContainText('还没有设置密码');
  await page.reload();
  await expect(page.locator('.app-header')).toContainText('东风社区离退休党员第一党支部');
});
