/**
 * 党费 (domain reference §4): what each member pays a month, which months are paid, who is behind,
 * the rows of one payment, receipt numbers, money in words and the yearly table.
 *
 * - R-DUES-RATE: 在职 pay a share of the monthly wage after tax, 离退休 of the basic pension, by bracket;
 *   brackets are inclusive at their top (3000.00 元 pays 0.5 %). 农民 pay a fixed 0.20–1.00 元 a month
 *   (the branch sets it, 0.20 元 unless set); 学生, 下岗失业 and those living on relief or 低保 0.20 元.
 * - R-DUES-FROM: dues are owed from the month a member is admitted as probationary member, and in this
 *   app never before the month the branch began its ledger here (older months are on paper).
 * - R-DUES-6M: without good reason, six consecutive months unpaid is treated as having left the party:
 *   the branch assembly decides on removal and reports it for approval. Warn from three months.
 *
 * Amounts are integer fen (分) throughout: no floating point touches money. A month is paid when
 * its rows (dues ledger, one row per person per month paid) add up to the amount due; a month without
 * a row is unpaid. Months are 'YYYY-MM'. Rules receive today as an argument; they never read the clock.
 */
import { isValidDate } from '../dates';
import type { DuesCategory, DuesDoc, PersonDoc } from '../model';
import { STATUS_LABELS } from '../forms/labels';

// ─── Words ─────────────────────────────────────────────────────────────────────────────────────

/** 党费类别 as printed on forms and written in Excel sheets. */
export const DUES_CATEGORY_LABELS: Record<DuesCategory, string> = {
  employed: '在职',
  retired: '离退休',
  farmer: '农民',
  student: '学生',
  unemployed: '下岗失业',
  relief: '低保/困难',
};

// ─── Types ─────────────────────────────────────────────────────────────────────────────────────

/** What the roster must say about a person for their dues. */
export type DuesPerson = Pick<PersonDoc, 'id' | 'name' | 'status' | 'category' | 'duesCategory' | 'duesBaseFen' | 'joinedOn' | 'onRoll'>;

/** What a ledger row says about a payment. */
export type DuesPaidRow = Pick<DuesDoc, 'month' | 'amountFen' | 'paidFen' | 'paidOn'>;

/** A ledger row with the member it belongs to. */
export type DuesLedgerRow = DuesPaidRow & Pick<DuesDoc, 'personId'>;

/** A new ledger row as the rules build it; the renderer stamps the bookkeeping fields when it writes. */
export type NewDuesRow = Omit<DuesDoc, 'id' | 'orgId' | 'createdAt' | 'updatedAt' | 'updatedBy'>;

/** The monthly amount, with the bracket it came from, or why it cannot be computed. */
export type DuesAmount = { ok: true; amountFen: number; rule: string } | { ok: false; message: string };

export interface DuesOptions {
  /** 农民 pay a fixed amount the branch sets between 20 and 100 fen; 20 unless set. */
  farmerFen?: number;
}

// ─── Months ────────────────────────────────────────────────────────────────────────────────────

const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

export function isValidMonth(value: string): boolean {
  return MONTH_PATTERN.test(value);
}

/** Months counted from year 0, so that consecutive months are consecutive numbers. */
const monthIndex = (month: string): number => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
const monthAt = (index: number): string => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
const monthOfDate = (date: string): string => date.slice(0, 7);

/** '2026-01' → '2026年1月'. */
export function monthLabel(month: string): string {
  return `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;
}

/**
 * Months in words, consecutive months joined into a span and the year written once:
 * ['2026-01', '2026-02', '2026-03'] → '2026年1月至3月'; ['2025-11', '2025-12', '2026-01'] →
 * '2025年11月至2026年1月'; ['2026-01', '2026-03', '2026-04'] → '2026年1月、3月至4月'.
 */
export function monthsText(months: readonly string[]): string {
  const sorted = [...new Set(months)].sort();
  const runs: [string, string][] = [];
  for (const month of sorted) {
    const last = runs.at(-1);
    if (last && monthIndex(month) === monthIndex(last[1]) + 1) last[1] = month;
    else runs.push([month, month]);
  }
  let year = '';
  return runs
    .map(([from, to]) => {
      const start = from.slice(0, 4) === year ? `${Number(from.slice(5, 7))}月` : monthLabel(from);
      year = to.slice(0, 4);
      if (from === to) return start;
      return `${start}至${to.slice(0, 4) === from.slice(0, 4) ? `${Number(to.slice(5, 7))}月` : monthLabel(to)}`;
    })
    .join('、');
}

// ─── Money ─────────────────────────────────────────────────────────────────────────────────────

function assertFen(fen: number): void {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`金额应为整数分，现在是${fen}`);
}

/** 1234 fen → '12.34' (元, two decimals, no separators: what receipts and sheets print). */
export function yuan(fen: number): string {
  assertFen(fen);
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const PLACES = ['', '拾', '佰', '仟'];
const SECTIONS = ['', '万', '亿'];

/** One four-digit section (0 < n < 10000): zeros between digits read as one 零, trailing zeros not at all. */
function sectionInWords(n: number): string {
  let out = '';
  let zero = false;
  for (let place = 3; place >= 0; place -= 1) {
    const digit = Math.floor(n / 10 ** place) % 10;
    if (digit === 0) {
      if (out) zero = true;
    } else {
      out += `${zero ? '零' : ''}${DIGITS[digit]}${PLACES[place]}`;
      zero = false;
    }
  }
  return out;
}

/** Whole 元 in words (n > 0), with 万 and 亿. */
function integerInWords(n: number): string {
  const sections: number[] = [];
  for (let rest = n; rest > 0; rest = Math.floor(rest / 10000)) sections.unshift(rest % 10000);
  let out = '';
  let skipped = false;
  sections.forEach((section, i) => {
    if (section === 0) {
      if (out) skipped = true;
      return;
    }
    // A zero between sections is read (壹拾万零柒佰, 壹亿零伍), except a zero only at 万位 before a
    // non-zero 仟位, which may go unread (壹拾万柒仟元, the first form of the bank's example).
    if (out && (skipped || section < 1000)) out += '零';
    out += sectionInWords(section) + SECTIONS[sections.length - 1 - i];
    skipped = false;
  });
  return out;
}

/**
 * An amount in Chinese uppercase for receipts (中文大写金额), after the rules for filling in bills and
 * vouchers (《正确填写票据和结算凭证的基本规定》):
 * - 整 after 元 when there are no 角 and 分 (壹佰元整); none after 角 or 分 (壹拾贰元叁角, 壹拾贰元叁角肆分);
 * - zeros inside the number read as one 零 (壹仟肆佰零玖元伍角, 壹拾万零柒佰元);
 * - 零 after 元 when 角 is zero and 分 is not (壹拾陆元零贰分);
 * - 零 after 元 also when the 元 digit is zero and 角 is not (壹佰元零贰角, 壹仟陆佰捌拾元零叁角贰分): the
 *   rules allow it with or without; we always write it, so that nothing can be written in between;
 * - 壹拾 for ten, never a bare 拾 (壹拾元整);
 * - under one 元 the amount starts at 角 or 分 (贰角, 伍分); nothing at all is 零元整.
 * No 人民币 in front: the receipt prints it as a label.
 */
export function yuanInWords(fen: number): string {
  assertFen(fen);
  if (fen < 0) throw new RangeError(`大写金额不能是负数：${fen}`);
  if (fen >= 1e14) throw new RangeError(`金额太大，无法写成大写：${fen}分`);
  const whole = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const cents = fen % 10;
  if (fen === 0) return '零元整';
  const smalls = `${jiao ? `${DIGITS[jiao]}角` : ''}${cents ? `${DIGITS[cents]}分` : ''}`;
  if (whole === 0) return smalls;
  const yuanWords = `${integerInWords(whole)}元`;
  if (!jiao && !cents) return `${yuanWords}整`;
  const zero = !jiao || whole % 10 === 0 ? '零' : '';
  return `${yuanWords}${zero}${smalls}`;
}

// ─── Who pays what ─────────────────────────────────────────────────────────────────────────────

const FOLLOWS_PERSON_CATEGORY: Partial<Record<PersonDoc['category'], DuesCategory>> = {
  employed: 'employed',
  retired: 'retired',
  farmer: 'farmer',
  student: 'student',
  unemployed: 'unemployed',
};

/**
 * The dues category: the one chosen for the person, else the one their person category says.
 * 流动, 失联 and 其他 say nothing about income: null, and the secretary must choose.
 */
export function duesCategoryOf(person: Pick<PersonDoc, 'category' | 'duesCategory'>): DuesCategory | null {
  return person.duesCategory ?? FOLLOWS_PERSON_CATEGORY[person.category] ?? null;
}

interface Bracket {
  /** Inclusive top of the bracket in fen; null for the last. */
  upToFen: number | null;
  /** The rate in thousandths, so that the sum stays in integers: 0.5 % = 5‰. */
  permille: number;
  rule: string;
}

// R-DUES-RATE: inclusive at the top of each bracket.
const BRACKETS: Record<'employed' | 'retired', readonly Bracket[]> = {
  employed: [
    { upToFen: 300000, permille: 5, rule: '在职：税后月工资3000元以下（含），按0.5%' },
    { upToFen: 500000, permille: 10, rule: '在职：税后月工资3000元以上至5000元（含），按1%' },
    { upToFen: 1000000, permille: 15, rule: '在职：税后月工资5000元以上至10000元（含），按1.5%' },
    { upToFen: null, permille: 20, rule: '在职：税后月工资10000元以上，按2%' },
  ],
  retired: [
    { upToFen: 500000, permille: 5, rule: '离退休：基本养老金5000元以下（含），按0.5%' },
    { upToFen: null, permille: 10, rule: '离退休：基本养老金5000元以上，按1%' },
  ],
};

/** 学生, 下岗失业 and those on relief or 低保 pay 0.20 元 a month. */
const FIXED_FEN = 20;
export const FARMER_FEN_DEFAULT = 20;
export const FARMER_FEN_MIN = 20;
export const FARMER_FEN_MAX = 100;
/** The people schema's highest base (100万元): a larger one is a typing mistake. */
const MAX_BASE_FEN = 100000000;

/** base × permille / 1000, rounded half up to the fen, in integers (333333 × 15‰ = 4999.995 → 5000). */
function shareOf(baseFen: number, permille: number): number {
  const thousandths = baseFen * permille + 500;
  return (thousandths - (thousandths % 1000)) / 1000;
}

/**
 * The monthly dues of a category (R-DUES-RATE). `baseFen` is the monthly wage after tax (在职) or the
 * basic pension (离退休); the fixed categories ignore it. The `rule` names the bracket applied, as a
 * secretary explains the amount to a member.
 */
export function monthlyDues(input: { category: DuesCategory; baseFen?: number }, options: DuesOptions = {}): DuesAmount {
  const { category, baseFen } = input;
  if (category === 'employed' || category === 'retired') {
    if (baseFen === undefined || baseFen === null) return { ok: false, message: '请先填写党费基数（税后月工资/基本养老金）' };
    const problem = baseProblem(baseFen, category);
    if (problem) return { ok: false, message: problem };
    const bracket = BRACKETS[category].find((b) => b.upToFen === null || baseFen <= b.upToFen)!;
    return { ok: true, amountFen: shareOf(baseFen, bracket.permille), rule: bracket.rule };
  }
  if (category === 'farmer') {
    const fen = options.farmerFen ?? FARMER_FEN_DEFAULT;
    if (!Number.isInteger(fen) || fen < FARMER_FEN_MIN || fen > FARMER_FEN_MAX) {
      return {
        ok: false,
        message: `农民党员每月交纳党费0.20元至1.00元，支部设定的标准（${fen / 100}元）不在这个范围内或不是整分，请在设置中改为0.20元至1.00元之间的金额`,
      };
    }
    return { ok: true, amountFen: fen, rule: `农民：每月固定交纳${yuan(fen)}元` };
  }
  return { ok: true, amountFen: FIXED_FEN, rule: `${DUES_CATEGORY_LABELS[category]}：每月固定交纳${yuan(FIXED_FEN)}元` };
}

function baseProblem(baseFen: number, category: 'employed' | 'retired'): string | null {
  const what = category === 'employed' ? '税后月工资' : '基本养老金';
  if (typeof baseFen !== 'number' || !Number.isFinite(baseFen)) return `党费基数应为金额，请填写${what}（元）`;
  if (baseFen < 0) return `党费基数不能是负数，请填写${what}的金额（元）`;
  if (!Number.isInteger(baseFen)) return '党费基数最多精确到分（小数点后两位），请重新填写';
  if (baseFen === 0) {
    return `党费基数是0元。${DUES_CATEGORY_LABELS[category]}党员按${what}计算党费；没有收入的，请把党费类别改为“下岗失业”或“低保/困难”`;
  }
  if (baseFen > MAX_BASE_FEN) return `党费基数${yuan(baseFen)}元超过100万元，请核对是否多填了位数`;
  return null;
}

/** The monthly dues of a person: their dues category, their base and the branch's options. */
export function memberDues(person: Pick<PersonDoc, 'name' | 'category' | 'duesCategory' | 'duesBaseFen'>, options: DuesOptions = {}): DuesAmount {
  const category = duesCategoryOf(person);
  if (category === null) {
    return {
      ok: false,
      message: `请先为${person.name}选择党费类别：人员类别是流动党员、失联或其他的，要选定按在职、离退休、农民、学生、下岗失业或低保/困难交纳`,
    };
  }
  return monthlyDues({ category, ...(person.duesBaseFen === undefined ? {} : { baseFen: person.duesBaseFen }) }, options);
}

/** Admitted to the party: a full or probationary member (whether on the roll or not). */
const isAdmitted = (status: PersonDoc['status']): boolean => status === 'full' || status === 'probationary';

/**
 * The first month a person owes dues (R-DUES-FROM): the month admitted as probationary member
 * (joinedOn), but not before the month the branch began its ledger in the app. A member whose
 * joinedOn is not recorded owes from the ledger's start. Applicants, activists and candidates owe
 * nothing: null.
 */
export function firstDuesMonth(person: Pick<PersonDoc, 'status' | 'joinedOn'>, ledgerStart: string): string | null {
  if (!isAdmitted(person.status)) return null;
  const joined = person.joinedOn ? monthOfDate(person.joinedOn) : ledgerStart;
  return joined > ledgerStart ? joined : ledgerStart;
}

// ─── Paid or not ───────────────────────────────────────────────────────────────────────────────

export interface MonthPayment {
  paid: boolean;
  /** What the rows record as paid. */
  paidFen: number;
  /** The amount due: as given, else the highest amount the rows record; null when neither says. */
  dueFen: number | null;
  /** What is still owed; null when the amount due is not known. */
  owingFen: number | null;
}

/** What one row counts as paid: its paidFen; with a date and no paidFen, the whole amount. */
const countedPaid = (row: DuesPaidRow): number => row.paidFen ?? (row.paidOn ? row.amountFen : 0);

/**
 * Whether a month is paid, from one person's rows of that month: paid when what they record as
 * paid (paidFen; a row with a date and no paidFen paid its amountFen) reaches the amount due. A
 * partial payment leaves the rest owing. A month without a row is unpaid, and a row recording
 * neither a sum nor a date proves no payment. When rows disagree on the amount due, the highest is
 * taken: a month is not called paid on a lower figure.
 */
export function monthPaid(rows: readonly DuesPaidRow[], dueFen?: number): MonthPayment {
  const paidFen = rows.reduce((sum, row) => sum + countedPaid(row), 0);
  const due = dueFen ?? (rows.length > 0 ? Math.max(...rows.map((r) => r.amountFen)) : null);
  return {
    paid: rows.length > 0 && due !== null && paidFen >= due,
    paidFen,
    dueFen: due,
    owingFen: due === null ? null : Math.max(0, due - paidFen),
  };
}

// ─── Arrears (R-DUES-6M) ───────────────────────────────────────────────────────────────────────

export const ARREARS_WARN_MONTHS = 3;
export const ARREARS_PAST_MONTHS = 6;

export type ArrearsLevel = 'ok' | 'warn' | 'past';

export interface Arrears {
  /** Every ended month since the first month owed that is not paid, oldest first. */
  unpaidMonths: string[];
  /** The unbroken run of unpaid months ending with last month. */
  consecutive: number;
  level: ArrearsLevel;
  /** What the branch does, in order. */
  steps: string[];
}

const WARN_STEPS = [
  '支部书记或支部委员与本人谈话，提醒按月交纳党费',
  '了解未交纳的原因；确有困难的，可以按规定申请减交或免交（支部研究决定，报上级党委批准）',
  '督促补交欠交的党费，讲明无正当理由连续6个月不交纳党费的后果',
];

const PAST_STEPS = [
  '支部书记与本人谈话，核实连续未交纳党费的原因；因病、因公外出等有正当理由的，不按自行脱党处理，记下原因并督促补交',
  '没有正当理由的，进行批评教育，限期补交',
  '经教育仍不交纳的，按自行脱党处理：提交支部党员大会讨论，决定予以除名，并报上级党委批准',
];

/**
 * Who is behind with their dues (R-DUES-6M). A month is owed once it has ended: the current month is
 * not arrears yet. `consecutive` counts back from last month: a member who paid last month has none,
 * whatever older months are missing (those stay in `unpaidMonths`). From 3 consecutive months the
 * level is 'warn', from 6 'past': the member is treated as having left the party unless there was good
 * reason, which only a talk can tell.
 */
export function arrears(input: { rows: readonly DuesPaidRow[]; firstMonth: string | null; today: string }): Arrears {
  const { rows, firstMonth, today } = input;
  if (firstMonth === null) return { unpaidMonths: [], consecutive: 0, level: 'ok', steps: [] };
  const lastMonth = monthIndex(monthOfDate(today)) - 1;
  const byMonth = groupBy(rows, (r) => r.month);
  const unpaidMonths: string[] = [];
  let consecutive = 0;
  for (let index = monthIndex(firstMonth); index <= lastMonth; index += 1) {
    const month = monthAt(index);
    if (monthPaid(byMonth.get(month) ?? []).paid) {
      consecutive = 0;
    } else {
      unpaidMonths.push(month);
      consecutive += 1;
    }
  }
  const level: ArrearsLevel = consecutive >= ARREARS_PAST_MONTHS ? 'past' : consecutive >= ARREARS_WARN_MONTHS ? 'warn' : 'ok';
  const steps = level === 'past' ? PAST_STEPS : level === 'warn' ? WARN_STEPS : [];
  return { unpaidMonths, consecutive, level, steps: [...steps] };
}

/**
 * Every member's arrears from the branch's ledger rows (rows of other people are ignored), in the
 * order given: one grouping of the rows for the arrears list and the reminders centre alike.
 */
export function membersArrears<M extends Pick<PersonDoc, 'id' | 'status' | 'joinedOn'>>(
  members: readonly M[],
  rows: readonly DuesLedgerRow[],
  ledgerStart: string,
  today: string,
): (Arrears & { person: M })[] {
  const byPerson = groupBy(rows, (r) => r.personId);
  return members.map((person) => ({ person, ...arrears({ rows: byPerson.get(person.id) ?? [], firstMonth: firstDuesMonth(person, ledgerStart), today }) }));
}

/**
 * 党费交到: the last month of the unbroken run of paid months from the first month with a payment
 * (what a transfer letter states); undefined when nothing is paid. A month missing in between ends the run.
 */
export function duesPaidTo(rows: readonly DuesPaidRow[]): string | undefined {
  const byMonth = groupBy(rows, (r) => r.month);
  const first = [...byMonth.keys()].filter(isValidMonth).sort()[0];
  if (first === undefined) return undefined;
  let last: string | undefined;
  for (let index = monthIndex(first); monthPaid(byMonth.get(monthAt(index)) ?? []).paid; index += 1) last = monthAt(index);
  return last;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

// ─── One month for the whole branch ────────────────────────────────────────────────────────────

export interface MonthSheetLine<R extends DuesLedgerRow> {
  personId: string;
  name: string;
  duesCategory: DuesCategory | null;
  baseFen: number | undefined;
  /** The month's dues by the rule, or why they cannot be computed. */
  due: DuesAmount;
  /** The rows already recorded for this person and month. */
  rows: R[];
  /** Paid or not, against the rows' amount when there are rows, else against the rule's amount. */
  payment: MonthPayment;
}

/**
 * The lines of a screen entering a whole month at once: each member on the roll who owes dues that
 * month (R-DUES-FROM), in the order given, with the amount by the rule (or why it cannot be computed)
 * and the rows already recorded.
 */
export function monthSheet<R extends DuesLedgerRow>(
  members: readonly DuesPerson[],
  rows: readonly R[],
  month: string,
  options: DuesOptions & { ledgerStart: string },
): MonthSheetLine<R>[] {
  const ofMonth = groupBy(
    rows.filter((r) => r.month === month),
    (r) => r.personId,
  );
  return members
    .filter((m) => {
      const first = m.onRoll ? firstDuesMonth(m, options.ledgerStart) : null;
      return first !== null && first <= month;
    })
    .map((m) => {
      const due = memberDues(m, options);
      const recorded = ofMonth.get(m.id) ?? [];
      return {
        personId: m.id,
        name: m.name,
        duesCategory: duesCategoryOf(m),
        baseFen: m.duesBaseFen,
        due,
        rows: recorded,
        payment: monthPaid(recorded, recorded.length === 0 && due.ok ? due.amountFen : undefined),
      };
    });
}

// ─── One payment (预交, 补交) ──────────────────────────────────────────────────────────────────

export interface DuesPayment {
  /** Shared by the rows of this payment. */
  paymentId: string;
  /** The months paid for, in any order. */
  months: readonly string[];
  paidOn: string;
  /** 收据编号 (nextReceiptNo). */
  receiptNo?: string;
  /** 代交人: who handed it in for a homebound member. */
  paidBy?: string;
  note?: string;
}

export interface PaymentContext {
  /** The person's rows already recorded (rows of other people are ignored). */
  existing: readonly (DuesPaidRow & { personId?: string })[];
  ledgerStart: string;
  today: string;
  farmerFen?: number;
}

export type PaymentResult = { ok: true; rows: NewDuesRow[]; totalFen: number } | { ok: false; message: string };

/**
 * The rows of one payment covering one or more months (预交 ahead, 补交 behind), one a month, all
 * with the payment's id, receipt number, date and 代交人. Each month's amount is the rule's on the
 * person's current base; a month partly paid before is completed with the rest of what its rows say
 * was due. Refused, with every reason in Chinese: no month chosen, a month already paid, a month
 * before the person owes dues, a date in the future, an amount that cannot be computed.
 */
export function paymentRows(person: DuesPerson, payment: DuesPayment, context: PaymentContext): PaymentResult {
  const problems: string[] = [];
  const months = [...new Set(payment.months)].sort();
  if (months.length === 0) problems.push('请选择这次交纳的月份。');
  const malformed = months.filter((m) => !isValidMonth(m));
  if (malformed.length > 0) problems.push(`月份“${malformed.join('、')}”无法识别，请按“2026-01”的格式选择月份。`);

  if (!payment.paidOn) problems.push('请填写交纳日期。');
  else if (!isValidDate(payment.paidOn)) problems.push(`交纳日期“${payment.paidOn}”无法识别，请按“2026-01-15”的格式填写。`);
  else if (payment.paidOn > context.today) {
    problems.push(`交纳日期${dateLabel(payment.paidOn)}晚于今天（${dateLabel(context.today)}），请填写实际收到党费的日期。`);
  }

  const first = firstDuesMonth(person, context.ledgerStart);
  if (first === null) {
    problems.push(`${person.name}是${STATUS_LABELS[person.status]}，还不需要交纳党费：党费从支部党员大会接收为预备党员的当月起交纳。`);
    return { ok: false, message: problems.join('\n') };
  }
  const valid = months.filter(isValidMonth);
  const early = valid.filter((m) => m < first);
  if (early.length > 0) {
    const why = person.joinedOn && monthOfDate(person.joinedOn) === first ? `${dateLabel(person.joinedOn)}入党` : `本支部从${monthLabel(first)}开始在本软件登记党费`;
    problems.push(`${person.name}从${monthLabel(first)}起交纳党费（${why}），${monthsText(early)}不用交纳，请去掉。`);
  }

  const mine = context.existing.filter((r) => r.personId === undefined || r.personId === person.id);
  const byMonth = groupBy(mine, (r) => r.month);
  const paid = valid.filter((m) => monthPaid(byMonth.get(m) ?? []).paid);
  if (paid.length > 0) problems.push(`${person.name}${monthsText(paid)}的党费已经交纳，不能重复登记，请去掉。`);

  const due = memberDues(person, { farmerFen: context.farmerFen });
  const needsRule = valid.some((m) => !(byMonth.get(m)?.length));
  if (!due.ok && needsRule) problems.push(`${due.message}。`);

  if (problems.length > 0) return { ok: false, message: problems.join('\n') };

  const category = duesCategoryOf(person);
  const rows = months.map((month): NewDuesRow => {
    const before = byMonth.get(month) ?? [];
    // A month partly paid keeps the amount its rows say was due; this payment brings the rest.
    const state = before.length > 0 ? monthPaid(before) : null;
    const amountFen = state?.dueFen ?? (due.ok ? due.amountFen : 0);
    const paidFen = state?.owingFen ?? amountFen;
    return {
      personId: person.id,
      month,
      category: person.category,
      ...((category === 'employed' || category === 'retired') && person.duesBaseFen !== undefined ? { baseFen: person.duesBaseFen } : {}),
      amountFen,
      paidFen,
      paidOn: payment.paidOn,
      paymentId: payment.paymentId,
      ...(payment.receiptNo ? { receiptNo: payment.receiptNo } : {}),
      ...(payment.paidBy ? { paidBy: payment.paidBy } : {}),
      ...(payment.note ? { note: payment.note } : {}),
    };
  });
  return { ok: true, rows, totalFen: rows.reduce((sum, r) => sum + (r.paidFen ?? 0), 0) };
}

const dateLabel = (date: string): string => `${date.slice(0, 4)}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;

// ─── The yearly update of the base ─────────────────────────────────────────────────────────────

/**
 * Whether a member's base is due for its yearly update (normally in January): members who pay a
 * share of a base (在职, 离退休) whose base is missing, or was set in an earlier year than today's.
 */
export function needsBaseUpdate(person: Pick<PersonDoc, 'status' | 'category' | 'duesCategory' | 'duesBaseFen' | 'duesBaseSetOn'>, today: string): boolean {
  if (!isAdmitted(person.status)) return false;
  const category = duesCategoryOf(person);
  if (category !== 'employed' && category !== 'retired') return false;
  if (person.duesBaseFen === undefined || !person.duesBaseSetOn) return true;
  return person.duesBaseSetOn.slice(0, 4) < today.slice(0, 4);
}

// ─── Receipt numbers ───────────────────────────────────────────────────────────────────────────

/** The next 收据编号 of the year: 'YYYY-0001', one more than the highest of that year already used. */
export function nextReceiptNo(existing: readonly string[], year: number): string {
  const pattern = new RegExp(`^${year}-(\\d+)$`);
  const highest = existing.reduce((max, no) => {
    const found = pattern.exec(no.trim());
    return found ? Math.max(max, Number(found[1])) : max;
  }, 0);
  return `${year}-${String(highest + 1).padStart(4, '0')}`;
}

// ─── The year's table ──────────────────────────────────────────────────────────────────────────

export interface DuesYearRow {
  personId: string;
  name: string;
  duesCategory: DuesCategory | null;
  /** 党费类别 in words; empty when not chosen. */
  categoryLabel: string;
  /** The base, for those who pay a share of one (在职, 离退休); null otherwise or when missing. */
  baseFen: number | null;
  /** The monthly dues by the rule today; null when they cannot be computed. */
  monthlyFen: number | null;
  /** Paid for each month, January first, by the month the dues are for; null when nothing was paid. */
  paidFen: (number | null)[];
  totalFen: number;
}

export interface DuesYearTable {
  year: number;
  rows: DuesYearRow[];
  /** Paid for each month by all the members listed. */
  monthTotalsFen: number[];
  totalFen: number;
}

/**
 * The year's dues per member and month: one source for the printed 党费收缴明细表 and the Excel export.
 * Lists, in the order given, each member on the roll who owes dues in the year, and each person,
 * on the roll or not, with a payment for a month of the year (a member who moved away in June still
 * paid for January to June). Rows of people not given are left out.
 */
export function duesYearTable(members: readonly DuesPerson[], rows: readonly DuesLedgerRow[], year: number, options: DuesOptions = {}): DuesYearTable {
  const ofYear = groupBy(
    rows.filter((r) => r.month.startsWith(`${year}-`)),
    (r) => r.personId,
  );
  const yearEnd = `${year}-12-31`;
  const listed = members.filter((m) => ofYear.has(m.id) || (m.onRoll && isAdmitted(m.status) && !(m.joinedOn && m.joinedOn > yearEnd)));
  const tableRows = listed.map((m): DuesYearRow => {
    const category = duesCategoryOf(m);
    const due = memberDues(m, options);
    const byMonth = groupBy(ofYear.get(m.id) ?? [], (r) => r.month);
    const paidFen = Array.from({ length: 12 }, (_, i) => {
      const monthRows = byMonth.get(`${year}-${String(i + 1).padStart(2, '0')}`);
      const paid = monthRows ? monthPaid(monthRows).paidFen : 0;
      return paid > 0 ? paid : null;
    });
    return {
      personId: m.id,
      name: m.name,
      duesCategory: category,
      categoryLabel: category ? DUES_CATEGORY_LABELS[category] : '',
      baseFen: (category === 'employed' || category === 'retired') && m.duesBaseFen !== undefined ? m.duesBaseFen : null,
      monthlyFen: due.ok ? due.amountFen : null,
      paidFen,
      totalFen: paidFen.reduce<number>((sum, fen) => sum + (fen ?? 0), 0),
    };
  });
  const monthTotalsFen = Array.from({ length: 12 }, (_, i) => tableRows.reduce((sum, r) => sum + (r.paidFen[i] ?? 0), 0));
  return { year, rows: tableRows, monthTotalsFen, totalFen: monthTotalsFen.reduce((a, b) => a + b, 0) };
}
