import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DUES_CATEGORIES, type DuesCategory, type DuesDoc } from '../model';
import {
  arrears,
  duesPaidTo,
  membersArrears,
  DUES_CATEGORY_LABELS,
  duesCategoryOf,
  duesYearTable,
  firstDuesMonth,
  memberDues,
  monthlyDues,
  monthPaid,
  monthSheet,
  monthsText,
  needsBaseUpdate,
  nextReceiptNo,
  paymentRows,
  yuan,
  yuanInWords,
  type DuesAmount,
  type DuesLedgerRow,
  type DuesPayment,
  type DuesPerson,
  type PaymentContext,
} from './dues';

/** A full member of 市水利局机关第一党支部, 在职 with a base of 4500.00 元, unless told otherwise. */
function person(name: string, overrides: Partial<DuesPerson> = {}): DuesPerson {
  return { id: `P-${name}`, name, status: 'full', category: 'employed', duesBaseFen: 450000, joinedOn: '2010-07-01', onRoll: true, ...overrides };
}

/** A ledger row as the screens hold it: the fields the rules read, and a receipt number or payment id. */
type Row = DuesLedgerRow & Partial<Pick<DuesDoc, 'receiptNo' | 'paymentId'>>;

/** A ledger row of 张建华 for `month`, paid in full (45.00 元) on the 10th, unless told otherwise. */
function row(month: string, overrides: Partial<Row> = {}): Row {
  return { personId: 'P-张建华', month, amountFen: 4500, paidFen: 4500, paidOn: `${month}-10`, ...overrides };
}

/** 'YYYY-MM' from `from` to `to`, both included. */
function monthsFrom(from: string, to: string): string[] {
  const months: string[] = [];
  let [year, month] = from.split('-').map(Number) as [number, number];
  for (let current = from; current <= to; current = `${year}-${String(month).padStart(2, '0')}`) {
    months.push(current);
    month += 1;
    if (month === 13) [year, month] = [year + 1, 1];
  }
  return months;
}

/** Rows paying every month from `from` to `to` in full. */
const paidMonths = (from: string, to: string, overrides: Partial<Row> = {}): Row[] => monthsFrom(from, to).map((month) => row(month, overrides));

const employed = (baseFen: number): DuesAmount => monthlyDues({ category: 'employed', baseFen });
const retired = (baseFen: number): DuesAmount => monthlyDues({ category: 'retired', baseFen });
const amountOf = (result: DuesAmount): number => {
  if (!result.ok) throw new Error(`expected an amount, got: ${result.message}`);
  return result.amountFen;
};

describe('DUES_CATEGORY_LABELS', () => {
  it('names the six dues categories of the model', () => {
    expect(DUES_CATEGORIES.map((c) => DUES_CATEGORY_LABELS[c])).toEqual(['在职', '离退休', '农民', '学生', '下岗失业', '低保/困难']);
  });
});

describe('duesCategoryOf', () => {
  it.each([
    ['employed', 'employed'],
    ['retired', 'retired'],
    ['farmer', 'farmer'],
    ['student', 'student'],
    ['unemployed', 'unemployed'],
  ] as const)('follows the person category %s when none is chosen', (category, dues) => {
    expect(duesCategoryOf({ category })).toBe(dues);
  });

  it.each(['mobile', 'lost-contact', 'other'] as const)('leaves a %s person without a dues category until one is chosen', (category) => {
    expect(duesCategoryOf({ category })).toBeNull();
  });

  it('takes the chosen dues category over the person category', () => {
    expect(duesCategoryOf({ category: 'mobile', duesCategory: 'employed' })).toBe('employed');
    expect(duesCategoryOf({ category: 'retired', duesCategory: 'relief' })).toBe('relief');
  });
});

describe('monthlyDues', () => {
  describe('在职: share of the monthly wage after tax, brackets inclusive at their top (R-DUES-RATE)', () => {
    it.each([
      [299999, 1500, '在职：税后月工资3000元以下（含），按0.5%'],
      [300000, 1500, '在职：税后月工资3000元以下（含），按0.5%'],
      [300001, 3000, '在职：税后月工资3000元以上至5000元（含），按1%'],
      [500000, 5000, '在职：税后月工资3000元以上至5000元（含），按1%'],
      [500001, 7500, '在职：税后月工资5000元以上至10000元（含），按1.5%'],
      [1000000, 15000, '在职：税后月工资5000元以上至10000元（含），按1.5%'],
      [1000001, 20000, '在职：税后月工资10000元以上，按2%'],
    ])('a base of %i fen pays %i fen: %s', (baseFen, amountFen, rule) => {
      expect(employed(baseFen)).toEqual({ ok: true, amountFen, rule });
    });
  });

  describe('离退休: share of the basic pension', () => {
    it.each([
      [499999, 2500, '离退休：基本养老金5000元以下（含），按0.5%'],
      [500000, 2500, '离退休：基本养老金5000元以下（含），按0.5%'],
      [500001, 5000, '离退休：基本养老金5000元以上，按1%'],
      [1200000, 12000, '离退休：基本养老金5000元以上，按1%'],
    ])('a pension of %i fen pays %i fen: %s', (baseFen, amountFen, rule) => {
      expect(retired(baseFen)).toEqual({ ok: true, amountFen, rule });
    });
  });

  describe('rounding half up to the fen, in integers', () => {
    it.each([
      ['1001.00 元 × 0.5% = 5.005 元', employed(100100), 501],
      ['3000.50 元 × 1% = 30.005 元', employed(300050), 3001],
      ['5009.00 元 × 1.5% = 75.135 元', employed(500900), 7514],
      ['10000.25 元 × 2% = 200.005 元', employed(1000025), 20001],
      ['4501.00 元 × 0.5% (离退休) = 22.505 元', retired(450100), 2251],
    ])('rounds half a fen up: %s', (_case, result, amountFen) => {
      expect(amountOf(result)).toBe(amountFen);
    });

    it('rounds less than half a fen down: 5008.99 元 × 1.5% = 75.13485 元', () => {
      expect(amountOf(employed(500899))).toBe(7513);
    });

    it('keeps 4999.995 fen from floating point: 6663.33 元 × 1.5% = 99.94995 元 → 99.95 元', () => {
      expect(amountOf(employed(666333))).toBe(9995);
    });
  });

  describe('fixed amounts', () => {
    it.each([
      ['student', '学生：每月固定交纳0.20元'],
      ['unemployed', '下岗失业：每月固定交纳0.20元'],
      ['relief', '低保/困难：每月固定交纳0.20元'],
    ] as const)('%s pays 0.20 元 whatever the base', (category, rule) => {
      expect(monthlyDues({ category })).toEqual({ ok: true, amountFen: 20, rule });
      expect(monthlyDues({ category, baseFen: 800000 })).toEqual({ ok: true, amountFen: 20, rule });
    });

    it('农民 pay 0.20 元 unless the branch sets another amount', () => {
      expect(monthlyDues({ category: 'farmer' })).toEqual({ ok: true, amountFen: 20, rule: '农民：每月固定交纳0.20元' });
    });

    it.each([20, 50, 100])('农民 pay the branch’s %i fen, between 0.20 and 1.00 元', (farmerFen) => {
      expect(monthlyDues({ category: 'farmer' }, { farmerFen })).toEqual({ ok: true, amountFen: farmerFen, rule: `农民：每月固定交纳${yuan(farmerFen)}元` });
    });

    it.each([19, 101, 0, 35.5])('refuses a 农民 amount of %s fen, outside 0.20–1.00 元 or not whole fen', (farmerFen) => {
      const result = monthlyDues({ category: 'farmer' }, { farmerFen });
      expect(result.ok).toBe(false);
      expect(result).toMatchObject({ message: expect.stringContaining('农民党员每月交纳党费0.20元至1.00元') });
    });

    it('does not let the 农民 setting change the other fixed amounts', () => {
      expect(amountOf(monthlyDues({ category: 'student' }, { farmerFen: 100 }))).toBe(20);
    });
  });

  describe('a base that cannot be used', () => {
    it.each(['employed', 'retired'] as const)('asks for the base of a %s member who has none', (category) => {
      expect(monthlyDues({ category })).toEqual({ ok: false, message: '请先填写党费基数（税后月工资/基本养老金）' });
    });

    it('refuses a negative base', () => {
      expect(employed(-100)).toEqual({ ok: false, message: '党费基数不能是负数，请填写税后月工资的金额（元）' });
      expect(retired(-100)).toEqual({ ok: false, message: '党费基数不能是负数，请填写基本养老金的金额（元）' });
    });

    it('refuses a base with a fraction of a fen', () => {
      expect(employed(450000.5)).toEqual({ ok: false, message: '党费基数最多精确到分（小数点后两位），请重新填写' });
    });

    it('refuses a base that is not a number', () => {
      expect(employed(Number.NaN)).toEqual({ ok: false, message: '党费基数应为金额，请填写税后月工资（元）' });
    });

    it('refuses a base of 0 元 and says which category fits a member without income', () => {
      const result = employed(0);
      expect(result.ok).toBe(false);
      expect(result).toMatchObject({ message: expect.stringContaining('请把党费类别改为“下岗失业”或“低保/困难”') });
    });

    it('refuses a base over 100万元 as a typing mistake', () => {
      expect(employed(100000001)).toEqual({ ok: false, message: '党费基数1000000.01元超过100万元，请核对是否多填了位数' });
    });
  });

  describe('properties', () => {
    const base = fc.integer({ min: 1, max: 100000000 });
    const category = fc.constantFrom<DuesCategory>(...DUES_CATEGORIES);

    it('never pays less for a higher base within a category', () => {
      fc.assert(
        fc.property(category, base, base, (c, a, b) => {
          const [low, high] = a <= b ? [a, b] : [b, a];
          expect(amountOf(monthlyDues({ category: c, baseFen: low }))).toBeLessThanOrEqual(amountOf(monthlyDues({ category: c, baseFen: high })));
        }),
      );
    });

    it('is within half a fen of base × rate, for the rate its rule names', () => {
      fc.assert(
        fc.property(fc.constantFrom<DuesCategory>('employed', 'retired'), base, (c, baseFen) => {
          const result = monthlyDues({ category: c, baseFen });
          if (!result.ok) throw new Error(result.message);
          const permille = Number(/按([\d.]+)%/.exec(result.rule)![1]) * 10;
          const error = result.amountFen * 1000 - baseFen * permille;
          // Half a fen rounds up: the amount is at most half a fen above, less than half a fen below.
          expect(error).toBeGreaterThan(-500);
          expect(error).toBeLessThanOrEqual(500);
        }),
      );
    });
  });
});

describe('memberDues', () => {
  it('computes a member’s dues from their dues category and base', () => {
    expect(memberDues(person('张建华'))).toEqual({ ok: true, amountFen: 4500, rule: '在职：税后月工资3000元以上至5000元（含），按1%' });
  });

  it('asks for the dues category of a 流动党员 by name', () => {
    const result = memberDues(person('吴海燕', { category: 'mobile' }));
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining('请先为吴海燕选择党费类别') });
  });

  it('computes a 流动党员’s dues once their dues category is chosen', () => {
    expect(amountOf(memberDues(person('吴海燕', { category: 'mobile', duesCategory: 'employed', duesBaseFen: 600000 })))).toBe(9000);
  });
});

describe('firstDuesMonth (R-DUES-FROM)', () => {
  it('starts in the month the member was admitted as probationary member', () => {
    expect(firstDuesMonth({ status: 'probationary', joinedOn: '2025-07-18' }, '2024-01')).toBe('2025-07');
  });

  it('starts no earlier than the month the branch began its ledger in the app', () => {
    expect(firstDuesMonth({ status: 'full', joinedOn: '1985-07-01' }, '2024-01')).toBe('2024-01');
  });

  it('starts with the ledger for a member whose admission date is not recorded', () => {
    expect(firstDuesMonth({ status: 'full' }, '2024-01')).toBe('2024-01');
  });

  it.each(['candidate', 'activist', 'applicant'] as const)('asks nothing of a %s', (status) => {
    expect(firstDuesMonth({ status, joinedOn: '2025-07-18' }, '2024-01')).toBeNull();
  });
});

describe('monthPaid', () => {
  it('calls a month without a row unpaid', () => {
    expect(monthPaid([])).toEqual({ paid: false, paidFen: 0, dueFen: null, owingFen: null });
  });

  it('says what is owed for a month without a row when told the amount due', () => {
    expect(monthPaid([], 4500)).toEqual({ paid: false, paidFen: 0, dueFen: 4500, owingFen: 4500 });
  });

  it('calls a month paid in full paid', () => {
    expect(monthPaid([row('2026-01')])).toEqual({ paid: true, paidFen: 4500, dueFen: 4500, owingFen: 0 });
  });

  it('counts the whole amount of a row with a date and no sum paid', () => {
    expect(monthPaid([row('2026-01', { paidFen: undefined })]).paid).toBe(true);
  });

  it('counts nothing for a row with neither a sum paid nor a date', () => {
    expect(monthPaid([row('2026-01', { paidFen: undefined, paidOn: undefined })])).toMatchObject({ paid: false, owingFen: 4500 });
  });

  it('leaves the rest owing after a partial payment', () => {
    expect(monthPaid([row('2026-01', { paidFen: 3000 })])).toEqual({ paid: false, paidFen: 3000, dueFen: 4500, owingFen: 1500 });
  });

  it('adds up the payments of a month paid in two parts', () => {
    expect(monthPaid([row('2026-01', { paidFen: 3000 }), row('2026-01', { paidFen: 1500, paidOn: '2026-02-05' })]).paid).toBe(true);
  });

  it('takes the higher amount due when the rows disagree', () => {
    expect(monthPaid([row('2026-01', { amountFen: 2250, paidFen: 2250 }), row('2026-01', { amountFen: 4500, paidFen: 0 })])).toMatchObject({
      paid: false,
      owingFen: 2250,
    });
  });
});

describe('arrears (R-DUES-6M)', () => {
  const TODAY = '2026-07-15';
  /** Paid from January 2025 to `lastPaid`; nothing after. */
  const behindSince = (lastPaid: string) => arrears({ rows: paidMonths('2025-01', lastPaid), firstMonth: '2025-01', today: TODAY });

  it('finds nothing owed when every ended month is paid', () => {
    expect(behindSince('2026-06')).toEqual({ unpaidMonths: [], consecutive: 0, level: 'ok', steps: [] });
  });

  it('does not count the current month: it has not ended', () => {
    expect(behindSince('2026-06').unpaidMonths).not.toContain('2026-07');
  });

  it('lets two months pass without a warning', () => {
    expect(behindSince('2026-04')).toMatchObject({ unpaidMonths: ['2026-05', '2026-06'], consecutive: 2, level: 'ok', steps: [] });
  });

  it('warns from three consecutive months, with a talk to remind and urge', () => {
    const result = behindSince('2026-03');
    expect(result).toMatchObject({ consecutive: 3, level: 'warn' });
    expect(result.steps).toHaveLength(3);
    expect(result.steps[0]).toContain('谈话');
    expect(result.steps[1]).toContain('了解未交纳的原因');
    expect(result.steps[2]).toContain('督促补交');
  });

  it('still warns at five consecutive months', () => {
    expect(behindSince('2026-01')).toMatchObject({ unpaidMonths: ['2026-02', '2026-03', '2026-04', '2026-05', '2026-06'], consecutive: 5, level: 'warn' });
  });

  it('treats six consecutive months as past the limit: talk, criticism, then the branch assembly', () => {
    const result = behindSince('2025-12');
    expect(result).toMatchObject({ consecutive: 6, level: 'past' });
    expect(result.steps).toHaveLength(3);
    expect(result.steps[0]).toContain('谈话');
    expect(result.steps[0]).toContain('正当理由');
    expect(result.steps[1]).toContain('批评教育');
    expect(result.steps[2]).toBe('经教育仍不交纳的，按自行脱党处理：提交支部党员大会讨论，决定予以除名，并报上级党委批准');
  });

  it('stays past the limit at seven consecutive months', () => {
    expect(behindSince('2025-11')).toMatchObject({ consecutive: 7, level: 'past' });
  });

  it('counts only the run ending last month: a member who paid last month is not warned for older gaps', () => {
    const rows = [...paidMonths('2025-01', '2025-06'), row('2026-06')];
    expect(arrears({ rows, firstMonth: '2025-01', today: TODAY })).toMatchObject({ consecutive: 0, level: 'ok' });
    expect(arrears({ rows, firstMonth: '2025-01', today: TODAY }).unpaidMonths).toHaveLength(11);
  });

  it('counts a month paid only in part as unpaid', () => {
    const rows = [...paidMonths('2025-01', '2025-12'), ...paidMonths('2026-01', '2026-06', { paidFen: 2000 })];
    expect(arrears({ rows, firstMonth: '2025-01', today: TODAY })).toMatchObject({ consecutive: 6, level: 'past' });
  });

  it('clears the run once a 补交 pays the missing months', () => {
    const rows = [...paidMonths('2025-01', '2025-12'), ...paidMonths('2026-01', '2026-06', { paidOn: '2026-07-03', paymentId: 'PAY-1' })];
    expect(arrears({ rows, firstMonth: '2025-01', today: TODAY })).toEqual({ unpaidMonths: [], consecutive: 0, level: 'ok', steps: [] });
  });

  it('counts from the first month owed, not before', () => {
    expect(arrears({ rows: [], firstMonth: '2026-05', today: TODAY })).toMatchObject({ unpaidMonths: ['2026-05', '2026-06'], consecutive: 2, level: 'ok' });
  });

  it('owes nothing in the month a member is admitted until it ends', () => {
    expect(arrears({ rows: [], firstMonth: '2026-07', today: TODAY }).unpaidMonths).toEqual([]);
  });

  it('asks nothing of someone who owes no dues', () => {
    expect(arrears({ rows: [], firstMonth: null, today: TODAY })).toEqual({ unpaidMonths: [], consecutive: 0, level: 'ok', steps: [] });
  });

  it('counts across the turn of the year', () => {
    expect(arrears({ rows: paidMonths('2025-01', '2025-09'), firstMonth: '2025-01', today: '2026-01-05' })).toMatchObject({
      unpaidMonths: ['2025-10', '2025-11', '2025-12'],
      consecutive: 3,
      level: 'warn',
    });
  });
});

describe('monthSheet', () => {
  const LEDGER = { ledgerStart: '2025-01' };
  const members = [
    person('张建华'),
    person('李秀英', { category: 'retired', duesBaseFen: 380000 }),
    person('王德明', { status: 'probationary', joinedOn: '2026-03-20' }),
    person('赵丽华', { status: 'activist', joinedOn: undefined }),
    person('陈思远', { onRoll: false }),
    person('吴海燕', { category: 'mobile' }),
    person('刘桂兰', { duesBaseFen: undefined }),
  ];

  it('lists the members on the roll who owe dues that month, in the order given', () => {
    expect(monthSheet(members, [], '2026-02', LEDGER).map((l) => l.name)).toEqual(['张建华', '李秀英', '吴海燕', '刘桂兰']);
  });

  it('includes a probationary member from the month of admission', () => {
    expect(monthSheet(members, [], '2026-03', LEDGER).map((l) => l.name)).toContain('王德明');
  });

  it('gives each member’s category, base and amount by the rule', () => {
    const [zhang, li] = monthSheet(members, [], '2026-02', LEDGER);
    expect(zhang).toMatchObject({ personId: 'P-张建华', duesCategory: 'employed', baseFen: 450000, due: { ok: true, amountFen: 4500 } });
    expect(li).toMatchObject({ duesCategory: 'retired', baseFen: 380000, due: { ok: true, amountFen: 1900, rule: '离退休：基本养老金5000元以下（含），按0.5%' } });
  });

  it('says why an amount cannot be computed', () => {
    const lines = monthSheet(members, [], '2026-02', LEDGER);
    expect(lines.find((l) => l.name === '吴海燕')).toMatchObject({ duesCategory: null, due: { ok: false, message: expect.stringContaining('选择党费类别') } });
    expect(lines.find((l) => l.name === '刘桂兰')).toMatchObject({ due: { ok: false, message: '请先填写党费基数（税后月工资/基本养老金）' } });
  });

  it('shows the rows already recorded that month, and only those', () => {
    const rows = [row('2026-02', { receiptNo: '2026-0003' }), row('2026-01'), row('2026-02', { personId: 'P-李秀英', amountFen: 1900, paidFen: 1000 })];
    const [zhang, li] = monthSheet(members, rows, '2026-02', LEDGER);
    expect(zhang!.rows).toEqual([rows[0]]);
    expect(zhang!.payment.paid).toBe(true);
    expect(li!.payment).toEqual({ paid: false, paidFen: 1000, dueFen: 1900, owingFen: 900 });
  });

  it('says what is owed by a member with no row yet', () => {
    expect(monthSheet(members, [], '2026-02', LEDGER)[0]!.payment).toEqual({ paid: false, paidFen: 0, dueFen: 4500, owingFen: 4500 });
  });

  it('applies the branch’s 农民 amount', () => {
    const [farmer] = monthSheet([person('孙国强', { category: 'farmer' })], [], '2026-02', { ...LEDGER, farmerFen: 50 });
    expect(farmer!.due).toMatchObject({ ok: true, amountFen: 50 });
  });
});

describe('paymentRows', () => {
  const zhang = person('张建华');
  const payment = (overrides: Partial<DuesPayment> = {}): DuesPayment => ({
    paymentId: 'PAY-01',
    months: ['2026-03', '2026-01', '2026-02'],
    paidOn: '2026-03-10',
    receiptNo: '2026-0007',
    ...overrides,
  });
  const context = (overrides: Partial<PaymentContext> = {}): PaymentContext => ({ existing: [], ledgerStart: '2025-01', today: '2026-03-12', ...overrides });
  const refusal = (result: ReturnType<typeof paymentRows>): string => {
    if (result.ok) throw new Error('paymentRows accepted a payment it should refuse');
    return result.message;
  };

  it('builds one row a month, in month order, sharing the payment’s id, receipt number and date', () => {
    const result = paymentRows(zhang, payment(), context());
    expect(result).toEqual({
      ok: true,
      totalFen: 13500,
      rows: ['2026-01', '2026-02', '2026-03'].map((month) => ({
        personId: 'P-张建华',
        month,
        category: 'employed',
        baseFen: 450000,
        amountFen: 4500,
        paidFen: 4500,
        paidOn: '2026-03-10',
        paymentId: 'PAY-01',
        receiptNo: '2026-0007',
      })),
    });
  });

  it('records who handed the dues in for a homebound member', () => {
    const li = person('李秀英', { category: 'retired', duesBaseFen: 380000 });
    const result = paymentRows(li, payment({ paidBy: '李明（女儿）' }), context());
    expect(result.ok && result.rows.every((r) => r.paidBy === '李明（女儿）')).toBe(true);
  });

  it('leaves out the bookkeeping fields the renderer stamps', () => {
    const result = paymentRows(zhang, payment(), context());
    for (const field of ['id', 'orgId', 'createdAt', 'updatedAt', 'updatedBy']) expect(result.ok && result.rows[0]).not.toHaveProperty(field);
  });

  it('accepts months ahead (预交)', () => {
    expect(paymentRows(zhang, payment({ months: ['2026-04', '2026-05', '2026-06'] }), context()).ok).toBe(true);
  });

  it('records no base for a fixed amount', () => {
    const result = paymentRows(person('周淑珍', { category: 'student' }), payment({ months: ['2026-01'] }), context());
    expect(result).toMatchObject({ ok: true, totalFen: 20 });
    expect(result.ok && result.rows[0]).not.toHaveProperty('baseFen');
  });

  it('completes a month paid in part with the rest (补交)', () => {
    const existing = [row('2026-01', { paidFen: 3000 })];
    const result = paymentRows(zhang, payment({ months: ['2026-01', '2026-02'] }), context({ existing }));
    expect(result).toMatchObject({ ok: true, totalFen: 6000, rows: [{ month: '2026-01', amountFen: 4500, paidFen: 1500 }, { month: '2026-02', amountFen: 4500, paidFen: 4500 }] });
    if (!result.ok) return;
    expect(monthPaid([...existing, ...result.rows]).paid).toBe(true);
  });

  it('refuses an empty list of months', () => {
    expect(refusal(paymentRows(zhang, payment({ months: [] }), context()))).toBe('请选择这次交纳的月份。');
  });

  it('refuses months already paid, naming them', () => {
    const existing = [row('2026-01'), row('2026-02')];
    expect(refusal(paymentRows(zhang, payment(), context({ existing })))).toBe('张建华2026年1月至2月的党费已经交纳，不能重复登记，请去掉。');
  });

  it('ignores other members’ rows', () => {
    const existing = [row('2026-01', { personId: 'P-李秀英' })];
    expect(paymentRows(zhang, payment(), context({ existing })).ok).toBe(true);
  });

  it('refuses months before the member was admitted, and says why', () => {
    const wang = person('王德明', { status: 'probationary', joinedOn: '2026-02-20' });
    expect(refusal(paymentRows(wang, payment(), context()))).toBe('王德明从2026年2月起交纳党费（2026年2月20日入党），2026年1月不用交纳，请去掉。');
  });

  it('refuses months before the ledger began in the app, and says why', () => {
    expect(refusal(paymentRows(zhang, payment({ months: ['2024-11', '2024-12', '2025-01'] }), context()))).toBe(
      '张建华从2025年1月起交纳党费（本支部从2025年1月开始在本软件登记党费），2024年11月至12月不用交纳，请去掉。',
    );
  });

  it('refuses a payment from someone who owes no dues', () => {
    expect(refusal(paymentRows(person('赵丽华', { status: 'activist' }), payment(), context()))).toBe(
      '赵丽华是入党积极分子，还不需要交纳党费：党费从支部党员大会接收为预备党员的当月起交纳。',
    );
  });

  it('refuses a date in the future', () => {
    expect(refusal(paymentRows(zhang, payment({ paidOn: '2026-03-13' }), context()))).toBe('交纳日期2026年3月13日晚于今天（2026年3月12日），请填写实际收到党费的日期。');
  });

  it('accepts a payment dated today', () => {
    expect(paymentRows(zhang, payment({ paidOn: '2026-03-12' }), context()).ok).toBe(true);
  });

  it('refuses a date that is not one', () => {
    expect(refusal(paymentRows(zhang, payment({ paidOn: '2026-02-30' }), context()))).toContain('交纳日期“2026-02-30”无法识别');
  });

  it('refuses a month it cannot read', () => {
    expect(refusal(paymentRows(zhang, payment({ months: ['2026-13'] }), context()))).toBe('月份“2026-13”无法识别，请按“2026-01”的格式选择月份。');
  });

  it('refuses when the amount cannot be computed', () => {
    expect(refusal(paymentRows(person('刘桂兰', { duesBaseFen: undefined }), payment(), context()))).toBe('请先填写党费基数（税后月工资/基本养老金）。');
  });

  it('gives every reason at once', () => {
    const existing = [row('2026-03')];
    expect(refusal(paymentRows(zhang, payment({ paidOn: '2026-04-01' }), context({ existing }))).split('\n')).toHaveLength(2);
  });
});

describe('needsBaseUpdate', () => {
  const TODAY = '2026-01-08';

  it('asks for the yearly update of a base set last year', () => {
    expect(needsBaseUpdate({ status: 'full', category: 'employed', duesBaseFen: 450000, duesBaseSetOn: '2025-01-10' }, TODAY)).toBe(true);
  });

  it('is satisfied with a base set this year', () => {
    expect(needsBaseUpdate({ status: 'full', category: 'retired', duesBaseFen: 380000, duesBaseSetOn: '2026-01-02' }, TODAY)).toBe(false);
  });

  it('asks when the date the base was set is not known', () => {
    expect(needsBaseUpdate({ status: 'full', category: 'retired', duesBaseFen: 380000 }, TODAY)).toBe(true);
  });

  it('asks when there is no base', () => {
    expect(needsBaseUpdate({ status: 'probationary', category: 'employed', duesBaseSetOn: '2026-01-02' }, TODAY)).toBe(true);
  });

  it('follows the chosen dues category of a 流动党员', () => {
    expect(needsBaseUpdate({ status: 'full', category: 'mobile', duesCategory: 'employed' }, TODAY)).toBe(true);
    expect(needsBaseUpdate({ status: 'full', category: 'mobile', duesCategory: 'farmer' }, TODAY)).toBe(false);
  });

  it.each(['farmer', 'student', 'unemployed'] as const)('never asks a %s member, who pays a fixed amount', (category) => {
    expect(needsBaseUpdate({ status: 'full', category }, TODAY)).toBe(false);
  });

  it('never asks someone who is not a member', () => {
    expect(needsBaseUpdate({ status: 'candidate', category: 'employed' }, TODAY)).toBe(false);
  });
});

describe('nextReceiptNo', () => {
  it('starts the year at 0001', () => {
    expect(nextReceiptNo([], 2026)).toBe('2026-0001');
  });

  it('is one more than the highest of the year, whatever the order', () => {
    expect(nextReceiptNo(['2026-0003', '2026-0012', '2026-0007'], 2026)).toBe('2026-0013');
  });

  it('does not continue last year’s numbers', () => {
    expect(nextReceiptNo(['2025-0230', '2025-0231'], 2026)).toBe('2026-0001');
  });

  it('reads numbers written without the leading zeros and ignores what is not a receipt number', () => {
    expect(nextReceiptNo(['2026-9', ' 2026-0004 ', '手写第15号', '2026-'], 2026)).toBe('2026-0010');
  });

  it('goes past 9999 rather than wrapping', () => {
    expect(nextReceiptNo(['2026-9999'], 2026)).toBe('2026-10000');
  });
});

describe('monthsText', () => {
  it.each([
    [['2026-01'], '2026年1月'],
    [['2026-03', '2026-01', '2026-02'], '2026年1月至3月'],
    [['2025-11', '2025-12', '2026-01', '2026-02'], '2025年11月至2026年2月'],
    [['2026-01', '2026-03', '2026-05', '2026-06'], '2026年1月、3月、5月至6月'],
    [['2025-12', '2026-02'], '2025年12月、2026年2月'],
    [['2026-01', '2026-01'], '2026年1月'],
  ])('writes %j as %s', (months, text) => {
    expect(monthsText(months)).toBe(text);
  });
});

describe('yuan', () => {
  it.each([
    [0, '0.00'],
    [20, '0.20'],
    [1234, '12.34'],
    [450000, '4500.00'],
    [-150, '-1.50'],
  ])('writes %i fen as %s', (fen, text) => {
    expect(yuan(fen)).toBe(text);
  });

  it('refuses a fraction of a fen', () => {
    expect(() => yuan(12.5)).toThrow(RangeError);
  });
});

describe('yuanInWords', () => {
  it.each([
    [0, '零元整'],
    [20, '贰角'],
    [5, '伍分'],
    [25, '贰角伍分'],
    [100, '壹元整'],
    [1000, '壹拾元整'],
    [1234, '壹拾贰元叁角肆分'],
    [1230, '壹拾贰元叁角'],
    [10000, '壹佰元整'],
    [10020, '壹佰元零贰角'],
    [10002, '壹佰元零贰分'],
    [10025, '壹佰元零贰角伍分'],
    [1602, '壹拾陆元零贰分'],
    [140950, '壹仟肆佰零玖元伍角'],
    [168032, '壹仟陆佰捌拾元零叁角贰分'],
    [1640902, '壹万陆仟肆佰零玖元零贰分'],
    [10700053, '壹拾万柒仟元零伍角叁分'],
    [10070000, '壹拾万零柒佰元整'],
    [10000500, '壹拾万零伍元整'],
    [1010101, '壹万零壹佰零壹元零壹分'],
    [100000000, '壹佰万元整'],
    [10000000500, '壹亿零伍元整'],
    [12345678900, '壹亿贰仟叁佰肆拾伍万陆仟柒佰捌拾玖元整'],
  ])('writes %i fen as %s', (fen, words) => {
    expect(yuanInWords(fen)).toBe(words);
  });

  it('refuses a negative amount', () => {
    expect(() => yuanInWords(-100)).toThrow(RangeError);
  });
});

describe('duesYearTable', () => {
  const YEAR = 2025;
  const zhang = person('张建华');
  const li = person('李秀英', { category: 'retired', duesBaseFen: 380000 });
  const zhou = person('周淑珍', { category: 'student' });
  const chen = person('陈思远', { onRoll: false });
  const zhao = person('赵丽华', { status: 'activist' });
  const rows: Row[] = [
    ...paidMonths('2025-01', '2025-12'),
    ...paidMonths('2025-01', '2025-06', { personId: 'P-李秀英', amountFen: 1900, paidFen: 1900 }),
    row('2025-07', { personId: 'P-李秀英', amountFen: 1900, paidFen: 1000 }),
    row('2025-03', { personId: 'P-周淑珍', amountFen: 20, paidFen: 20 }),
    ...paidMonths('2025-01', '2025-05', { personId: 'P-陈思远' }),
    row('2024-12'),
    row('2026-01'),
  ];
  const table = duesYearTable([zhang, li, zhou, chen, zhao], rows, YEAR);

  it('lists the members owing dues and anyone who paid in the year, in the order given', () => {
    expect(table.rows.map((r) => r.name)).toEqual(['张建华', '李秀英', '周淑珍', '陈思远']);
  });

  it('gives each member’s category, base and monthly amount', () => {
    expect(table.rows[1]).toMatchObject({ categoryLabel: '离退休', baseFen: 380000, monthlyFen: 1900 });
    expect(table.rows[2]).toMatchObject({ categoryLabel: '学生', baseFen: null, monthlyFen: 20 });
  });

  it('gives what was paid for each month of the year only, blank when nothing was', () => {
    expect(table.rows[0]!.paidFen).toEqual(Array(12).fill(4500));
    expect(table.rows[1]!.paidFen).toEqual([1900, 1900, 1900, 1900, 1900, 1900, 1000, null, null, null, null, null]);
    expect(table.rows[2]!.paidFen).toEqual([null, null, 20, null, null, null, null, null, null, null, null, null]);
  });

  it('totals each member’s year', () => {
    expect(table.rows.map((r) => r.totalFen)).toEqual([54000, 12400, 20, 22500]);
  });

  it('totals each month and the whole year', () => {
    expect(table.monthTotalsFen).toEqual([10900, 10900, 10920, 10900, 10900, 6400, 5500, 4500, 4500, 4500, 4500, 4500]);
    expect(table.totalFen).toBe(54000 + 12400 + 20 + 22500);
    expect(table.monthTotalsFen.reduce((a, b) => a + b, 0)).toBe(table.totalFen);
  });

  it('leaves the monthly amount empty when it cannot be computed', () => {
    const [row0] = duesYearTable([person('吴海燕', { category: 'mobile' })], [], YEAR).rows;
    expect(row0).toMatchObject({ duesCategory: null, categoryLabel: '', monthlyFen: null, totalFen: 0 });
  });

  it('leaves out a member admitted after the year', () => {
    expect(duesYearTable([person('王德明', { status: 'probationary', joinedOn: '2026-03-20' })], [], YEAR).rows).toEqual([]);
  });
});

describe('duesPaidTo and membersArrears', () => {
  const paid = (month: string, personId = 'P1') => ({ personId, month, amountFen: 1489, paidOn: `${month}-10` });

  it('says up to which month dues are paid: the end of the unbroken run from the first payment', () => {
    expect(duesPaidTo([paid('2026-01'), paid('2026-02'), paid('2026-03')])).toBe('2026-03');
    expect(duesPaidTo([])).toBeUndefined();
  });

  it('stops at a month missing in between (a 预交 after a gap does not cover the gap)', () => {
    expect(duesPaidTo([paid('2026-01'), paid('2026-02'), paid('2026-04')])).toBe('2026-02');
  });

  it('stops at a month paid only in part', () => {
    expect(duesPaidTo([paid('2026-01'), { ...paid('2026-02'), paidFen: 1000 }, paid('2026-03')])).toBe('2026-01');
  });

  it('gives every member their own arrears from the branch’s rows', () => {
    const members = [
      { id: 'P1', status: 'full' as const, joinedOn: '1980-07-01' },
      { id: 'P2', status: 'full' as const, joinedOn: '1980-07-01' },
    ];
    const rows = ['2026-01', '2026-02', '2026-03'].map((m) => paid(m, 'P1'));
    const result = membersArrears(members, rows, '2026-01', '2026-05-20');
    expect(result.map((a) => [a.person.id, a.consecutive, a.level])).toEqual([
      ['P1', 1, 'ok'],
      ['P2', 4, 'warn'],
    ]);
  });
});
