/**
 * The printed forms of 民主评议党员 (domain reference §3): the anonymous 测评票, the 结果通知书 to each
 * member, and the 工作情况报告 to the higher committee. Each builder returns a FormDocument
 * (shared/forms/document.ts), filled from the appraisal and the roster, or blank (given null) for
 * filling by hand: a blank form names no member, branch or year.
 *
 * Nothing is made up: a fact the records do not hold prints as a blank line to write on.
 */
import { APPRAISAL_GRADES, type AppraisalDoc, type AppraisalGrade, type OrgDoc, type PersonDoc } from '../model';
import { APPRAISAL_GRADE_LABELS, appraisalStatistics, type AppraisalParticipant, type AppraisalResult } from '../rules/appraisal';
import { blankLine, cnDateOrBlank, type FormBlock, type FormDocument } from './document';
import { percent } from './statistics';

/** The issuer of a branch's documents, as the recruitment forms name it: 中共…党支部委员会. */
const committeeOf = (branch: string): string => `中共${branch.endsWith('支部') ? `${branch}委员会` : branch}`;
const BLANK_COMMITTEE = `中共${blankLine(10)}委员会`;

/** Text typed by the secretary, ending as a sentence does. */
const sentence = (text: string): string => (/[。！？.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}。`);

const yearOrBlank = (year: number | null | undefined): string => (year ? String(year) : blankLine(3));

// ─── 测评票 ─────────────────────────────────────────────────────────────────────────────────────

/** Lines to write names on when the 测评票 is printed blank. */
const BLANK_BALLOT_ROWS = 12;

/**
 * How many 测评票 fit on one A4 form page (print.css): about 230 mm of the page hold papers of about
 * 34 mm (heading, hint, header row) plus 7 mm a name; at most 4, at least 1 (a long list runs over).
 * A blank paper's 12 lines of 12 mm fill a page alone.
 */
function papersPerPage(names: number | null): number {
  if (names === null) return 1;
  return Math.max(1, Math.min(4, Math.floor(230 / (34 + 7 * names))));
}

/**
 * One page of anonymous 测评票 to cut apart (民主测评): each paper a heading, how to fill it (不记名),
 * and a table of the members with a box under each grade to tick. Blank (participants null): no
 * branch, no year, empty lines for the names. `perPage` papers on the page, by default as many as
 * fit (see papersPerPage); a list too long for one page runs over.
 */
export function appraisalBallotPapers(
  participants: readonly Pick<PersonDoc, 'name'>[] | null,
  year: number | null,
  branchName: string | null,
  perPage = papersPerPage(participants ? participants.length : null),
): FormDocument {
  if (!Number.isInteger(perPage) || perPage < 1) throw new RangeError(`每页测评票张数应为正整数，现在是${perPage}`);
  const blank = participants === null;
  const heading = blank
    ? `${blankLine(8)}党支部${blankLine(3)}年度民主评议党员测评票`
    : `${branchName ?? blankLine(8)}${yearOrBlank(year)}年度民主评议党员测评票`;
  const paper: FormBlock[] = [
    { kind: 'heading', text: heading },
    {
      kind: 'hint',
      lines: [
        '不记名。请在每名党员姓名后所选等次下的“□”内划“✓”，每人只选一个等次。',
        '多选或不选的，该党员在本票上按“未评”统计。',
      ],
    },
    {
      kind: 'table',
      headers: ['姓名', ...APPRAISAL_GRADES.map((g) => APPRAISAL_GRADE_LABELS[g])],
      rows: (participants ?? []).map((p) => [p.name, '□', '□', '□', '□']),
      ...(blank ? { blankRows: BLANK_BALLOT_ROWS } : {}),
      widths: [28, 18, 18, 18, 18],
    },
  ];
  return {
    kind: 'appraisal-ballot',
    title: '民主评议党员测评票',
    subtitle: `本页${perPage}张，沿表格之间裁开，每名参加测评的党员一张`,
    layout: 'form',
    blocks: Array.from({ length: perPage }, () => paper.map((b) => ({ ...b }))).flat(),
  };
}

// ─── 结果通知书 ──────────────────────────────────────────────────────────────────────────────────

const GRADE_CHOICES = APPRAISAL_GRADES.map((g) => `□${APPRAISAL_GRADE_LABELS[g]}`).join('\u3000');

/** What the notice asks of the member, by grade; the committee's note for 基本合格 and 不合格. */
function followUp(grade: AppraisalGrade | undefined, note: string | undefined): string[] {
  const given = note?.trim() ? sentence(note) : undefined;
  switch (grade) {
    case 'excellent':
      return ['希望你珍惜荣誉，继续发挥先锋模范作用。'];
    case 'qualified':
      return ['希望你对照党员标准，发扬成绩，改进不足。'];
    case 'basically-qualified':
      return ['请你针对评议中指出的问题认真改进。', `党支部的意见和要求：${given ?? blankLine(20)}`];
    case 'unqualified':
      // Domain reference §3; 党章: those who do not change after education are persuaded to leave.
      return [
        '按照有关规定，党支部对你进行批评教育，限期改正。',
        `整改要求和期限：${given ?? blankLine(20)}`,
        '限期内经教育仍无转变的，按照党章规定劝其退党；劝而不退的，提交支部党员大会讨论，予以除名。',
      ];
    case undefined:
      return [`党支部的意见和要求：${blankLine(20)}`];
  }
}

/**
 * 民主评议党员结果通知书 to one member, in the letter layout: the grade and, for 基本合格 and 不合格, the
 * follow-up and deadline written in the result's note; closed by the branch committee with the date
 * the member was told (result.notifiedOn). Blank (person null): every grade to tick, lines to write.
 * Throws a RangeError when the result is another member's.
 */
export function appraisalNotice(
  person: Pick<PersonDoc, 'id' | 'name'> | null,
  result: AppraisalResult | null,
  year: number | null,
  branch: Pick<OrgDoc, 'name'> | null,
): FormDocument {
  if (person && result && result.personId !== person.id) throw new RangeError(`这条评定结果不是${person.name}的，不能打印给${person.name}`);
  const filled = person !== null;
  const grade = filled ? result?.grade : undefined;
  return {
    kind: 'appraisal-notice',
    title: '民主评议党员结果通知书',
    layout: 'letter',
    addressee: `${filled ? person.name : blankLine(4)}同志：`,
    blocks: [
      {
        kind: 'text',
        paragraphs: [
          `根据${yearOrBlank(filled ? year : null)}年度民主评议党员工作安排，经个人自评、党员互评和民主测评，党支部结合你的平时表现进行了组织评定。`,
          `你的评议等次为：${grade ? `${APPRAISAL_GRADE_LABELS[grade]}。` : GRADE_CHOICES}`,
          ...followUp(grade, grade === 'basically-qualified' || grade === 'unqualified' ? result?.note : undefined),
          '如对评议结果有不同意见，可以向党支部或上级党委提出。',
          '特此通知。',
        ],
      },
      { kind: 'sign', lines: [filled && branch ? committeeOf(branch.name) : BLANK_COMMITTEE, cnDateOrBlank(filled ? result?.notifiedOn : undefined)] },
      { kind: 'hint', lines: [`本人签收：${blankLine(6)}\u3000＿＿＿＿年＿＿月＿＿日`] },
    ],
  };
}

// ─── 工作情况报告 ────────────────────────────────────────────────────────────────────────────────

export interface AppraisalReportInput {
  branch: Pick<OrgDoc, 'name' | 'parentName'>;
  year: number;
  /** The members taking part (appraisalParticipants). */
  participants: readonly AppraisalParticipant[];
  appraisal: Pick<AppraisalDoc, 'ballots' | 'results'>;
  /** The report's date, 'YYYY-MM-DD'; a blank date to write when left out. */
  date?: string;
}

/** The grades a report lists by name, with what was done about them. */
const FOLLOWED_UP: readonly AppraisalGrade[] = ['unqualified', 'basically-qualified'];

/**
 * 民主评议党员工作情况报告 to the higher committee: the members taking part, ballots and participation
 * rate, a table of the members per grade with each share, the 不合格 and 基本合格 members with their
 * follow-up (the result's note), a box for what else to say, closed by the branch committee.
 * Blank (input null): blanks for every figure and name.
 */
export function appraisalReport(input: AppraisalReportInput | null): FormDocument {
  const gradeHeaders = ['评定等次', '人数', '占参评党员比例'];
  const followHeaders = ['姓名', '评定等次', '整改措施和期限'];
  const closingBlank: FormBlock = { kind: 'sign', lines: [BLANK_COMMITTEE, cnDateOrBlank(undefined)] };
  const otherBox: FormBlock[] = [{ kind: 'heading', text: '四、其他需要说明的情况' }, { kind: 'box', label: '', text: '', lines: 3 }];

  if (!input) {
    const b = blankLine(2);
    return {
      kind: 'appraisal-report',
      title: `关于${blankLine(3)}年度民主评议党员工作情况的报告`,
      layout: 'letter',
      addressee: `${blankLine(10)}：`,
      blocks: [
        { kind: 'heading', text: '一、基本情况' },
        {
          kind: 'text',
          paragraphs: [
            `本支部应参加评议的党员${b}名（正式党员${b}名、预备党员${b}名），参加民主测评${b}人，收回测评票${b}张，参评率${b}%。`,
            `党支部根据民主测评结果，结合党员平时表现进行组织评定：优秀${b}名，合格${b}名，基本合格${b}名，不合格${b}名。`,
          ],
        },
        { kind: 'heading', text: '二、评定结果' },
        { kind: 'table', headers: gradeHeaders, rows: [...APPRAISAL_GRADES.map((g) => [APPRAISAL_GRADE_LABELS[g], '', '']), ['合计', '', '']], widths: [40, 25, 35] },
        { kind: 'heading', text: '三、不合格、基本合格党员的处置情况' },
        { kind: 'table', headers: followHeaders, rows: [], blankRows: 3, widths: [20, 20, 60] },
        ...otherBox,
        closingBlank,
      ],
    };
  }

  const { branch, year, participants, appraisal } = input;
  const stats = appraisalStatistics(appraisal, participants);
  const rate = stats.participationRate === null ? '—' : percent(Math.min(stats.ballots, stats.participants), stats.participants);
  const counts = APPRAISAL_GRADES.map((g) => `${APPRAISAL_GRADE_LABELS[g]}${stats.counts[g]}名`).join('，');
  const gradeRows = APPRAISAL_GRADES.map((g) => [APPRAISAL_GRADE_LABELS[g], String(stats.counts[g]), percent(stats.counts[g], stats.participants)]);
  if (stats.ungraded > 0) gradeRows.push(['尚未评定', String(stats.ungraded), percent(stats.ungraded, stats.participants)]);
  gradeRows.push(['合计', String(stats.participants), stats.participants === 0 ? '—' : '100.0%']);

  // The last result of each member, as appraisalStatistics counts them.
  const lastResult = new Map(appraisal.results.map((r) => [r.personId, r]));
  const followRows = FOLLOWED_UP.flatMap((grade) =>
    participants
      .filter((p) => lastResult.get(p.id)?.grade === grade)
      .map((p) => [p.name, APPRAISAL_GRADE_LABELS[grade], lastResult.get(p.id)?.note?.trim() || blankLine(12)]),
  );

  return {
    kind: 'appraisal-report',
    title: `关于${year}年度民主评议党员工作情况的报告`,
    layout: 'letter',
    addressee: `${branch.parentName || blankLine(10)}：`,
    blocks: [
      { kind: 'heading', text: '一、基本情况' },
      {
        kind: 'text',
        paragraphs: [
          `${branch.name}开展了${year}年度民主评议党员工作，现将有关情况报告如下。`,
          `本支部应参加评议的党员${stats.participants}名（正式党员${stats.full}名、预备党员${stats.probationary}名），收回民主测评票${stats.ballots}张，参评率${rate}。`,
          `党支部根据民主测评结果，结合党员平时表现进行组织评定：${counts}${stats.ungraded > 0 ? `，尚未评定${stats.ungraded}名` : ''}。`,
        ],
      },
      { kind: 'heading', text: '二、评定结果' },
      { kind: 'table', headers: gradeHeaders, rows: gradeRows, widths: [40, 25, 35] },
      { kind: 'heading', text: '三、不合格、基本合格党员的处置情况' },
      followRows.length > 0
        ? { kind: 'table', headers: followHeaders, rows: followRows, widths: [20, 20, 60] }
        : { kind: 'text', paragraphs: [stats.ungraded > 0 ? '已评定的党员中，没有评定为不合格、基本合格的。' : '本年度没有评定为不合格、基本合格的党员。'] },
      ...otherBox,
      { kind: 'sign', lines: [committeeOf(branch.name), cnDateOrBlank(input.date)] },
    ],
  };
}
