/**
 * 会议记录: a 支部党员大会 that admits two 发展对象, each discussed and voted on separately; finalized,
 * then locked (an amendment is added instead); the minutes and a resolution printed and read back.
 */
import { expect, test, type Page } from '@playwright/test';
import { chinaToday } from '../../shared/dates.ts';
import { choose, printedText, squeeze, stubPrintDialog } from './helpers.ts';

test.beforeEach(({ page }) => stubPrintDialog(page));

const today = chinaToday(new Date());

const pick = (page: Page, label: string, option: string | number) => choose(page.getByLabel(label, { exact: true }), option);

test('a 支部党员大会 admits two candidates, is finalized, locked, amended and printed', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await page.goto('/?demo=branch');
  await page.getByRole('menuitem', { name: '会议记录' }).click();
  await expect(page.getByTestId('meetings-list').locator('.ant-table-tbody tr').first()).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('01-list.png') });

  await page.getByRole('button', { name: '新建会议记录' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '新建' }).click();
  await expect(page.getByText('支部党员大会记录')).toBeVisible();

  // 会前准备
  await page.getByLabel('开始时间').fill('09:00');
  await page.getByLabel('结束时间').fill('11:00');
  await page.getByLabel('地点').fill('局老干部活动室');
  const host = await pick(page, '主持人', 0);
  const recorder = await pick(page, '记录人', 1);
  await page.getByLabel('议程2题目').fill('讨论接收发展对象为中共预备党员');
  await expect(page.getByTestId('save-state')).toHaveText('已自动保存');
  await page.screenshot({ path: testInfo.outputPath('02-before.png') });
  await page.getByRole('button', { name: '打印会议通知' }).click();
  await expect(page.getByTestId('form-preview')).toContainText('局老干部活动室');
  await expect(page.getByTestId('form-preview')).toContainText('讨论接收发展对象为中共预备党员');
  await page.locator('.ant-modal-footer').getByRole('button', { name: '关闭' }).click();

  // 会中记录: two members away with reasons; speeches per agenda item and per candidate; two votes.
  await page.getByText('第二步：会中记录').click();
  // Everyone starts present (the bedridden as 送学上门); one click per exception.
  const present = page.locator('.attendance-cell[data-state="present"]');
  const nameOf = async (i: number) => (await present.nth(i).locator('button > span').first().textContent())!.trim();
  const away1 = await nameOf(2);
  const away2 = await nameOf(3);
  await page.getByTestId(`attendance-${away1}`).locator('button').click();
  await page.getByLabel(`${away1}请假原因`).fill('住院治疗');
  await page.getByTestId(`attendance-${away2}`).locator('button').click();
  await page.getByTestId(`attendance-${away2}`).locator('button').click();
  await page.getByLabel(`${away2}缺席原因`).fill('外出探亲');

  const agenda1 = page.getByTestId('agenda-0');
  await agenda1.getByRole('button', { name: '添加发言' }).click();
  await choose(agenda1.getByLabel('发言人', { exact: true }), 0);
  await agenda1.getByLabel(/的发言$/).fill('传达了上级关于做好发展党员工作的通知精神。');
  await agenda1.getByLabel('第1项议程的决定').fill('按通知要求做好本年度发展党员工作。');

  const agenda2 = page.getByTestId('agenda-1');
  const candidates: string[] = [];
  for (let i = 0; i < 2; i++) {
    await agenda2.getByRole('button', { name: '添加发言' }).click();
    const speech = agenda2.getByTestId(`speech-1-${i}`);
    await choose(speech.getByLabel('发言人', { exact: true }), i + 1);
    // The demo's two 发展对象.
    candidates.push((await choose(speech.getByLabel('关于', { exact: true }), i, '发展对象')).replace(/关于|（发展对象）/g, ''));
    await speech.getByRole('textbox').fill(`${candidates[i]}同志入党动机端正，工作积极，同意接收。`);
  }
  await agenda2.getByLabel('第2项议程的决定').fill(`同意接收${candidates.join('、')}同志为中共预备党员，报上级党委审批。`);

  const votersText = (await page.getByText(/实到会有表决权的 \d+ 人/).textContent())!;
  const voters = Number(/实到会有表决权的 (\d+) 人/.exec(votersText)![1]);
  for (let i = 0; i < 2; i++) {
    await page.getByRole('button', { name: '添加表决' }).click();
    const vote = page.getByTestId(`vote-${i}`);
    await choose(vote.getByLabel('表决对象'), candidates[i]!);
    await vote.getByLabel('赞成', { exact: true }).fill(String(voters - i));
    await vote.getByLabel('反对', { exact: true }).fill(String(i));
    await vote.getByLabel('弃权', { exact: true }).fill('0');
    await expect(vote.getByTestId('vote-result')).toContainText('表决通过');
  }
  await expect(page.getByTestId('save-state')).toHaveText('已自动保存');
  await page.screenshot({ path: testInfo.outputPath('03-during.png'), fullPage: true });

  // 会后整理: complete, finalized.
  await page.getByText(/第三步：会后整理/).click();
  await expect(page.getByText('记录已完整，可以定稿')).toBeVisible();
  await page.getByRole('button', { name: '定稿' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '定稿' }).click();
  await expect(page.getByText('已定稿').first()).toBeVisible();

  // Locked: nothing can be changed; a correction is an amendment.
  await page.getByText('第二步：会中记录').click();
  await expect(page.locator('.attendance-cell button').first()).toBeDisabled();
  await expect(page.getByTestId('agenda-0').getByRole('textbox').first()).toBeDisabled();
  await page.getByText(/第三步：会后整理/).click();
  await page.getByLabel('更正内容（原记录不变，更正附在后面）').fill(`${away2}缺席原因应为“身体不适”。`);
  await page.getByLabel('更正人').fill(recorder);
  await page.getByRole('button', { name: '添加更正说明' }).click();
  await expect(page.getByTestId('amendments')).toContainText('身体不适');
  await page.screenshot({ path: testInfo.outputPath('04-final.png'), fullPage: true });

  // The minutes on paper.
  await page.getByRole('button', { name: '打印会议记录' }).click();
  await page.getByRole('button', { name: '保存为PDF' }).click();
  await expect(page.locator('.print-root [data-testid="form-meeting-minutes"]')).toBeAttached();
  const minutes = squeeze(await printedText(page, testInfo.outputPath('会议记录.pdf')));
  for (const field of ['支部党员大会', today.slice(0, 4), '09:00', '11:00', '局老干部活动室', host, recorder, away1, '住院治疗', away2, '外出探亲', '传达了上级关于做好发展党员工作的通知精神。', ...candidates, `赞成${voters}票`, `赞成${voters - 1}票`, '身体不适']) {
    expect(minutes, field).toContain(squeeze(field));
  }
  await page.locator('.ant-modal-footer').getByRole('button', { name: '关闭' }).click();

  await page.getByRole('button', { name: new RegExp(`打印决议.*${candidates[1]}`) }).click();
  await page.getByRole('button', { name: '保存为PDF' }).click();
  await expect(page.locator('.print-root [data-testid="form-vote-resolution"]')).toBeAttached();
  const resolution = squeeze(await printedText(page, testInfo.outputPath('决议.pdf')));
  for (const field of [candidates[1]!, `赞成${voters - 1}票`, '反对1票', '弃权0票']) expect(resolution, field).toContain(squeeze(field));
  expect(resolution).not.toContain('未通过');
  expect(resolution, 'only the resolution is on paper').not.toContain('会议议程及发言');
});

test('三会一课: what was held in the period, each member’s attendance, the minutes bound with page numbers', async ({ page }, testInfo) => {
  await page.goto('/?demo=branch');
  await page.getByRole('menuitem', { name: '会议记录' }).click();
  await page.getByRole('tab', { name: '三会一课落实情况' }).click();
  const rows = page.getByTestId('compliance').locator('.ant-table-tbody tr');
  await expect(rows.filter({ hasText: '支部党员大会' })).toContainText('每季度至少召开一次');
  await expect(rows.filter({ hasText: '党小组会' })).toHaveCount(3);
  await expect(page.getByTestId('compliance-totals')).toContainText(/应开 \d+ 次，已开 \d+ 次/);
  await page.screenshot({ path: testInfo.outputPath('compliance.png'), fullPage: true });

  await page.getByRole('button', { name: /打印这段期间已定稿的会议记录/ }).click();
  await page.getByRole('button', { name: '保存为PDF' }).click();
  await expect(page.locator('.print-root [data-testid="form-meeting-minutes"]').first()).toBeAttached();
  const count = await page.locator('.print-root [data-testid="form-meeting-minutes"]').count();
  expect(count).toBeGreaterThan(5);
  const text = await printedText(page, testInfo.outputPath('会议记录合订本.pdf'));
  expect(squeeze(text).split('会议记录').length - 1).toBeGreaterThanOrEqual(count);
  expect(text, 'pages are numbered').toMatch(/—\s*\d+\s*—/);
});

test('换届选举: the count follows the rules, ballots and the result report print', async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  await page.goto('/?demo=branch');
  await page.getByRole('menuitem', { name: '会议记录' }).click();
  await page.getByRole('button', { name: '新建会议记录' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '新建' }).click();
  await page.getByText('第二步：会中记录').click();
  await page.getByRole('button', { name: '添加选举' }).click();
  const election = page.getByTestId('election-0');
  await election.getByLabel('应到选举人').fill('42');
  await election.getByLabel('实到选举人').fill('38');
  await election.getByLabel('发出选票').fill('38');
  await election.getByLabel('收回选票').fill('38');
  await election.getByLabel('无效票').fill('1');
  const names: string[] = [];
  for (const [i, votes] of [30, 28, 25, 12].entries()) {
    await election.getByRole('button', { name: '添加候选人' }).click();
    const row = election.getByTestId(`candidate-0-${i}`);
    names.push(await choose(row.getByLabel('候选人'), i + 4));
    await row.getByLabel('得票').fill(String(votes));
  }
  // 38 present of 42 expected: more than four fifths; 20 votes needed; three seats, three elected.
  await expect(election.getByTestId('election-result')).toContainText(`当选：${names.slice(0, 3).join('、')}`);
  await page.screenshot({ path: testInfo.outputPath('election.png'), fullPage: true });

  // Four fifths of 42 is 33.6: with 33 present the election does not count.
  const attend = async (n: string) => {
    for (const label of ['实到选举人', '发出选票', '收回选票']) await election.getByLabel(label).fill(n);
  };
  await attend('33');
  await expect(election.getByTestId('election-result')).toContainText('没有人当选');
  await attend('38');
  await expect(election.getByTestId('election-result')).toContainText(`当选：${names.slice(0, 3).join('、')}`);

  await page.getByText('第一步：会前准备').click();
  await page.getByRole('button', { name: '打印选票：支部委员会委员' }).click();
  await page.getByRole('button', { name: '保存为PDF' }).click();
  await expect(page.locator('.print-root [data-testid="form-election-ballots"]').first()).toBeAttached();
  const ballots = squeeze(await printedText(page, testInfo.outputPath('选票.pdf')));
  for (const name of names) expect(ballots).toContain(name);
  expect(ballots).toContain('应选3名');
  await page.locator('.ant-modal-footer').getByRole('button', { name: '关闭' }).click();

  await page.getByText(/第三步：会后整理/).click();
  await page.getByRole('button', { name: '打印选举结果报告：支部委员会委员' }).click();
  await page.getByRole('button', { name: '保存为PDF' }).click();
  await expect(page.locator('.print-root [data-testid="form-election-report"]')).toBeAttached();
  const report = squeeze(await printedText(page, testInfo.outputPath('选举结果报告.pdf')));
  for (const name of names) expect(report).toContain(name);
  for (const figure of ['42', '38', '30', '28', '25', '12']) expect(report).toContain(figure);
  expect(report).toContain('当选');
});
