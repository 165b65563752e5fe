/**
 * The printed forms of 党费, read as a secretary reads the paper: the text in reading order (formText)
 * and the blocks.
 */
import { describe, expect, it } from 'vitest';
import { DUES_CATEGORIES } from '../model';
import { duesYearTable, type DuesLedgerRow, type DuesPerson } from '../rules/dues';
import { formText, type FormBlock, type FormDocument } from './document';
import { DUES_CATEGORY_LABELS, duesReceipts, duesYearSummary, receiptFromRows, RECEIPTS_PER_SHEET, type DuesReceipt } from './dues';

const BRANCH = '市水利局离退休干部党支部';

/** 张建华 paying January to March 2026, 45.00 元 a month, on 10 March. */
function receipt(overrides: Partial<DuesReceipt> = {}): DuesReceipt {
  return { receiptNo: '2026-0007', name: '张建华', months: ['2026-01', '2026-02', '2026-03'], amountFen: 13500, paidOn: '2026-03-10', ...overrides };
}

type Table = Extract<FormBlock, { kind: 'table' }>;
type Fields = Extract<FormBlock, { kind: 'fields' }>;
const blocksOf = <K extends FormBlock['kind']>(form: FormDocument, kind: K) => form.blocks.filter((b): b is Extract<FormBlock, { kind: K }> => b.kind === kind);
/** The value printed beside a label in the ruled fields of a form. */
const valuesOf = (form: FormDocument, label: string): string[] =>
  blocksOf(form, 'fields').flatMap((b: Fields) => b.rows.flat().filter((f) => f.label === label).map((f) => f.value));
const occurrences = (text: string, part: string): number => text.split(part).length - 1;

describe('DUES_CATEGORY_LABELS', () => {
  it('names every dues category', () => {
    expect(DUES_CATEGORIES.map((c) => DUES_CATEGORY_LABELS[c])).toEqual(['在职', '离退休', '农民', '学生', '下岗失业', '低保/困难']);
  });
});

describe('receiptFromRows', () => {
  const row = (month: string, extra: Partial<DuesLedgerRow & { receiptNo: string; paidBy: string }> = {}) => ({
    month,
    amountFen: 1900,
    paidFen: 1900,
    paidOn: '2026-03-10',
    receiptNo: '2026-0008',
    paidBy: '李明',
    ...extra,
  });

  it('gathers the months, the sum paid and what the rows share', () => {
    expect(receiptFromRows('李秀英', [row('2026-01'), row('2026-02', { paidFen: 900 })])).toEqual({
      name: '李秀英',
      months: ['2026-01', '2026-02'],
      amountFen: 2800,
      receiptNo: '2026-0008',
      paidOn: '2026-03-10',
      paidBy: '李明',
    });
  });

  it('refuses to make a receipt of nothing', () => {
    expect(() => receiptFromRows('李秀英', [])).toThrow('李秀英没有交纳记录，不能开收据');
  });
});

describe('duesReceipts', () => {
  it('prints a receipt with its number, name, months, amount in figures and words, date and branch', () => {
    const [sheet] = duesReceipts([receipt()], BRANCH);
    expect(sheet!.title).toBe('党费收据');
    expect(sheet!.layout).toBe('form');
    expect(valuesOf(sheet!, '收据编号')).toEqual(['2026-0007']);
    expect(valuesOf(sheet!, '姓名')).toEqual(['张建华']);
    expect(valuesOf(sheet!, '交纳月份')).toEqual(['2026年1月至3月']);
    expect(valuesOf(sheet!, '金额（小写）')).toEqual(['¥135.00']);
    expect(valuesOf(sheet!, '金额（大写）')).toEqual(['人民币壹佰叁拾伍元整']);
    expect(valuesOf(sheet!, '交纳日期')).toEqual(['2026年3月10日']);
    const printed = formText(sheet!);
    expect(printed).toContain(`收款单位：${BRANCH}（盖章）`);
    expect(printed).toContain('收款人（签名）：＿＿＿＿＿＿');
  });

  it('lists months that do not follow one another', () => {
    const [sheet] = duesReceipts([receipt({ months: ['2025-12', '2026-02', '2026-03'], amountFen: 13500 })], BRANCH);
    expect(valuesOf(sheet!, '交纳月份')).toEqual(['2025年12月、2026年2月至3月']);
  });

  it('writes 角 and 分 in words', () => {
    const [sheet] = duesReceipts([receipt({ months: ['2026-01'], amountFen: 10020 })], BRANCH);
    expect(valuesOf(sheet!, '金额（小写）')).toEqual(['¥100.20']);
    expect(valuesOf(sheet!, '金额（大写）')).toEqual(['人民币壹佰元零贰角']);
  });

  it('names who handed the dues in for a homebound member', () => {
    const [sheet] = duesReceipts([receipt({ name: '李秀英', paidBy: '李明（女儿）' })], BRANCH);
    expect(valuesOf(sheet!, '代交人')).toEqual(['李明（女儿）']);
  });

  it('prints no 代交人 when the member paid in person', () => {
    const [sheet] = duesReceipts([receipt(), receipt({ paidBy: '张建华' })], BRANCH);
    expect(formText(sheet!)).not.toContain('代交人');
  });

  it('leaves a line for a missing number and date, and makes neither up', () => {
    const [sheet] = duesReceipts([receipt({ receiptNo: undefined, paidOn: undefined })], BRANCH);
    expect(valuesOf(sheet!, '收据编号')).toEqual(['＿'.repeat(8)]);
    expect(valuesOf(sheet!, '交纳日期')).toEqual(['＿＿＿＿年＿＿月＿＿日']);
  });

  it('leaves a line for the branch when its name is not known', () => {
    const [sheet] = duesReceipts([receipt()], '');
    expect(formText(sheet!)).toContain(`收款单位：${'＿'.repeat(10)}（盖章）`);
  });

  it('puts three receipts on a sheet, with a line to cut along between them', () => {
    const [sheet] = duesReceipts([receipt(), receipt({ name: '李秀英' }), receipt({ name: '王德明' })], BRANCH);
    // The sheet's title heads the first receipt; the others carry their own heading, read once cut apart.
    expect(sheet!.blocks.map((b) => b.kind)).toEqual(['fields', 'sign', 'cut', 'heading', 'fields', 'sign', 'cut', 'heading', 'fields', 'sign']);
    expect(blocksOf(sheet!, 'cut')).toEqual([
      { kind: 'cut', text: '沿虚线裁开' },
      { kind: 'cut', text: '沿虚线裁开' },
    ]);
    expect(valuesOf(sheet!, '姓名')).toEqual(['张建华', '李秀英', '王德明']);
  });

  it('starts a new sheet after every three receipts and numbers the sheets', () => {
    const names = ['张建华', '李秀英', '王德明', '赵丽华', '陈思远', '刘桂兰', '孙国强'];
    const sheets = duesReceipts(
      names.map((name) => receipt({ name })),
      BRANCH,
    );
    expect(RECEIPTS_PER_SHEET).toBe(3);
    expect(sheets.map((s) => valuesOf(s, '姓名'))).toEqual([names.slice(0, 3), names.slice(3, 6), names.slice(6)]);
    expect(sheets.map((s) => s.subtitle)).toEqual(['第1页，共3页（每页3张，沿虚线裁开）', '第2页，共3页（每页3张，沿虚线裁开）', '第3页，共3页']);
    expect(blocksOf(sheets[2]!, 'cut')).toEqual([]);
  });

  it('prints each receipt with the branch', () => {
    const [sheet] = duesReceipts([receipt(), receipt(), receipt()], BRANCH);
    expect(occurrences(formText(sheet!), BRANCH)).toBe(3);
  });

  it('prints no sheet without receipts', () => {
    expect(duesReceipts([], BRANCH)).toEqual([]);
  });
});

describe('duesYearSummary', () => {
  const person = (name: string, overrides: Partial<DuesPerson> = {}): DuesPerson => ({
    id: `P-${name}`,
    name,
    status: 'full',
    category: 'retired',
    duesBaseFen: 380000,
    joinedOn: '1975-07-01',
    onRoll: true,
    ...overrides,
  });
  const paid = (name: string, month: string, amountFen: number, paidFen = amountFen): DuesLedgerRow => ({ personId: `P-${name}`, month, amountFen, paidFen, paidOn: `${month}-10` });
  const members = [person('张建华'), person('李秀英', { category: 'employed', duesBaseFen: 600000 }), person('周淑珍', { category: 'other', duesCategory: 'relief', duesBaseFen: undefined }), person('吴海燕', { category: 'mobile' })];
  const rows = [
    ...['01', '02', '03'].map((m) => paid('张建华', `2025-${m}`, 1900)),
    paid('李秀英', '2025-01', 9000),
    paid('李秀英', '2025-02', 9000, 5000),
    paid('周淑珍', '2025-12', 20),
  ];
  const form = duesYearSummary(duesYearTable(members, rows, 2025), BRANCH, 2025);
  const [table] = blocksOf(form, 'table') as Table[];

  it('is a landscape 党费收缴明细表 of the branch and the year, in 元', () => {
    expect(form.title).toBe('党费收缴明细表');
    expect(form.landscape).toBe(true);
    expect(form.subtitle).toBe(`${BRANCH}\u30002025年度\u3000（金额单位：元）`);
  });

  it('has a column for each month between the member and the year’s sum', () => {
    expect(table!.headers).toEqual(['序号', '姓名', '党费类别', '党费基数', '月交纳额', '1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月', '合计']);
    expect(table!.widths!.reduce((a, b) => a + b, 0)).toBe(100);
  });

  it('gives one line per member, blank where nothing was paid', () => {
    expect(table!.rows.slice(0, 4)).toEqual([
      ['1', '张建华', '离退休', '3800.00', '19.00', '19.00', '19.00', '19.00', '', '', '', '', '', '', '', '', '', '57.00'],
      ['2', '李秀英', '在职', '6000.00', '90.00', '90.00', '50.00', '', '', '', '', '', '', '', '', '', '', '140.00'],
      ['3', '周淑珍', '低保/困难', '', '0.20', '', '', '', '', '', '', '', '', '', '', '', '0.20', '0.20'],
      ['4', '吴海燕', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '0.00'],
    ]);
  });

  it('ends with the totals of each month and of the year', () => {
    expect(table!.rows.at(-1)).toEqual(['', '合计', '', '', '', '109.00', '69.00', '19.00', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00', '0.20', '197.20']);
  });

  it('states the year’s sum in figures and words', () => {
    expect(formText(form)).toContain('本年度列入本表的党员4名，收缴党费合计197.20元（人民币壹佰玖拾柒元贰角）。');
  });

  it('leaves the signatures and the date to be written by hand', () => {
    const printed = formText(form);
    expect(printed).toContain('党支部书记（签名）：＿＿＿＿＿＿');
    expect(printed).toContain('＿＿＿＿年＿＿月＿＿日');
  });

  it('prints only the totals line for a year without members', () => {
    const [empty] = blocksOf(duesYearSummary(duesYearTable([], [], 2025), BRANCH, 2025), 'table') as Table[];
    expect(empty!.rows).toEqual([['', '合计', '', '', '', ...Array(12).fill('0.00'), '0.00']]);
  });
});
