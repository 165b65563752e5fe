/**
 * The printed forms of 党费 (domain reference §4): receipts (党费收据), three to an A4 sheet to cut
 * apart, and the year's 党费收缴明细表 for the branch's files and the higher committee.
 *
 * Nothing is made up: a fact the records do not hold prints as a blank line to write on.
 */
import type { DuesDoc } from '../model';
import { monthsText, yuan, yuanInWords, type DuesYearTable } from '../rules/dues';
import { blankLine, cnDateOrBlank, orBlank, type FormBlock, type FormDocument } from './document';

/** The labels live with the rules that name the categories in their messages; forms print them. */
export { DUES_CATEGORY_LABELS } from '../rules/dues';

// ─── 党费收据 ──────────────────────────────────────────────────────────────────────────────────

/** One receipt: one payment, covering one or more months. */
export interface DuesReceipt {
  /** 收据编号. */
  receiptNo?: string;
  /** The member who paid. */
  name: string;
  months: readonly string[];
  /** The sum of this payment. */
  amountFen: number;
  paidOn?: string;
  /** 代交人: who handed the dues in for the member; printed only when it is someone else. */
  paidBy?: string;
}

type PaymentRow = Pick<DuesDoc, 'month' | 'amountFen' | 'paidFen' | 'paidOn' | 'paidBy' | 'receiptNo'>;

/**
 * The receipt of one payment from its rows (the rows sharing a paymentId): the months, the sum paid
 * (paidFen, or amountFen for a row without it), and the number, date and 代交人 they share.
 * Throws a RangeError for no rows: there is nothing to give a receipt for.
 */
export function receiptFromRows(name: string, rows: readonly PaymentRow[]): DuesReceipt {
  const [first] = rows;
  if (!first) throw new RangeError(`${name}没有交纳记录，不能开收据`);
  return {
    name,
    months: rows.map((r) => r.month),
    amountFen: rows.reduce((sum, r) => sum + (r.paidFen ?? r.amountFen), 0),
    ...(first.receiptNo ? { receiptNo: first.receiptNo } : {}),
    ...(first.paidOn ? { paidOn: first.paidOn } : {}),
    ...(first.paidBy ? { paidBy: first.paidBy } : {}),
  };
}

export const RECEIPTS_PER_SHEET = 3;

/** One receipt's blocks: heading, the ruled fields, the payee's signature and the branch. */
function receiptBlocks(receipt: DuesReceipt, branchName: string, withHeading: boolean): FormBlock[] {
  const fields: FormBlock = {
    kind: 'fields',
    rows: [
      [
        { label: '收据编号', value: orBlank(receipt.receiptNo, 8) },
        { label: '交纳日期', value: cnDateOrBlank(receipt.paidOn) },
      ],
      [
        { label: '姓名', value: orBlank(receipt.name, 4) },
        { label: '交纳月份', value: receipt.months.length > 0 ? monthsText(receipt.months) : blankLine(10) },
      ],
      [
        { label: '金额（小写）', value: `¥${yuan(receipt.amountFen)}` },
        { label: '金额（大写）', value: `人民币${yuanInWords(receipt.amountFen)}` },
      ],
      ...(receipt.paidBy && receipt.paidBy !== receipt.name ? [[{ label: '代交人', value: receipt.paidBy, span: 2 }]] : []),
    ],
  };
  // One sign line: three receipts, each with its heading, fit one A4 sheet.
  return [
    ...(withHeading ? [{ kind: 'heading' as const, text: '党费收据' }] : []),
    fields,
    { kind: 'sign', lines: [`收款单位：${orBlank(branchName, 10)}（盖章）\u3000\u3000收款人（签名）：${blankLine(6)}`] },
  ];
}

/**
 * 党费收据, three to an A4 sheet, one FormDocument a sheet, the receipts separated by dashed lines to
 * cut along. Each receipt: number, name, months paid for ('2026年1月至3月'), the amount in figures and
 * in words, the date, 代交人 when someone paid for the member, the branch, and a line for the payee to
 * sign. No receipts, no sheets.
 */
export function duesReceipts(receipts: readonly DuesReceipt[], branchName: string): FormDocument[] {
  const pages = Math.ceil(receipts.length / RECEIPTS_PER_SHEET);
  return Array.from({ length: pages }, (_, page) => {
    const onPage = receipts.slice(page * RECEIPTS_PER_SHEET, (page + 1) * RECEIPTS_PER_SHEET);
    const blocks = onPage.flatMap((receipt, i): FormBlock[] => [
      ...(i > 0 ? [{ kind: 'cut' as const, text: '沿虚线裁开' }] : []),
      // The sheet's title heads the first receipt; the others carry their own, to be read once cut apart.
      ...receiptBlocks(receipt, branchName, i > 0),
    ]);
    return {
      kind: 'dues-receipt',
      title: '党费收据',
      subtitle: `第${page + 1}页，共${pages}页${onPage.length > 1 ? `（每页${onPage.length}张，沿虚线裁开）` : ''}`,
      layout: 'form',
      blocks,
    };
  });
}

// ─── 党费收缴明细表 ────────────────────────────────────────────────────────────────────────────

const MONTH_HEADERS = Array.from({ length: 12 }, (_, i) => `${i + 1}月`);

const fenCell = (fen: number | null): string => (fen === null ? '' : yuan(fen));

/**
 * 党费收缴明细表 of a year, landscape: one line per member (序号, 姓名, 党费类别, 党费基数, 月交纳额, what
 * was paid for each month, the year's sum) and a line of totals; amounts in 元. A month with nothing
 * paid, a base that does not apply or is missing, an amount that cannot be computed: an empty cell.
 */
export function duesYearSummary(table: DuesYearTable, branchName: string, year: number): FormDocument {
  const rows = table.rows.map((r, i) => [
    String(i + 1),
    r.name,
    r.categoryLabel,
    fenCell(r.baseFen),
    fenCell(r.monthlyFen),
    ...r.paidFen.map(fenCell),
    yuan(r.totalFen),
  ]);
  const totals = ['', '合计', '', '', '', ...table.monthTotalsFen.map(yuan), yuan(table.totalFen)];
  return {
    kind: 'dues-year-summary',
    title: '党费收缴明细表',
    subtitle: `${orBlank(branchName, 10)}\u3000${year}年度\u3000（金额单位：元）`,
    layout: 'form',
    landscape: true,
    blocks: [
      {
        kind: 'table',
        headers: ['序号', '姓名', '党费类别', '党费基数', '月交纳额', ...MONTH_HEADERS, '合计'],
        rows: [...rows, totals],
        // Fourteen money columns: in smaller type, so '1274.70' stays on one line.
        widths: [3, 7, 6, 7.5, 6, ...MONTH_HEADERS.map(() => 5.25), 7.5],
        dense: true,
      },
      {
        kind: 'text',
        paragraphs: [`本年度列入本表的党员${table.rows.length}名，收缴党费合计${yuan(table.totalFen)}元（人民币${yuanInWords(table.totalFen)}）。`],
      },
      {
        kind: 'hint',
        lines: [
          '各月金额按党费所属月份填列（预交、补交的计入所交的月份），空白表示该月未交纳。',
          '党费基数和月交纳额按制表时登记的基数计算；减交、免交须经支部研究决定并报上级党委批准。',
        ],
      },
      { kind: 'sign', lines: [`党支部书记（签名）：${blankLine(6)}`, `经手人（签名）：${blankLine(6)}`, cnDateOrBlank(undefined)] },
    ],
  };
}
