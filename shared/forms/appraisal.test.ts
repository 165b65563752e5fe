/**
 * The printed forms of 民主评议党员, read as a secretary reads the paper: the text in reading order
 * (formText) and the blocks. Filled from the appraisal and the roster, or blank for filling by hand.
 */
import { describe, expect, it } from 'vitest';
import type { AppraisalDoc } from '../model';
import type { AppraisalParticipant, AppraisalResult } from '../rules/appraisal';
import { appraisalBallotPapers, appraisalNotice, appraisalReport, type AppraisalReportInput } from './appraisal';
import { formText, type FormBlock, type FormDocument } from './document';

const BRANCH = { name: '市水利局离退休干部党支部', parentName: '中共市水利局机关委员会' };
const COMMITTEE = '中共市水利局离退休干部党支部委员会';
const YEAR = 2025;

const NAMES = ['张建华', '李秀英', '王德明', '赵丽华', '陈思远', '刘桂兰', '孙国强', '周淑珍', '吴海燕', '郑文斌'];
const MEMBERS: AppraisalParticipant[] = NAMES.map((name, i) => ({ id: `P-${name}`, name, status: i >= 8 ? 'probationary' : 'full' }));
const member = (name: string): AppraisalParticipant => MEMBERS.find((m) => m.name === name)!;

const UNQUALIFIED_NOTE = '限期六个月整改，由支部书记每月谈话一次，2026年6月30日前向支部报告';
const BASIC_NOTE = '按时参加组织生活，2026年3月底前补交党费';

function result(name: string, grade: AppraisalResult['grade'], extra: Partial<AppraisalResult> = {}): AppraisalResult {
  return { personId: `P-${name}`, grade, ...extra };
}

/** Three 优秀, one 基本合格, one 不合格, five 合格; nine ballots from ten members. */
function appraisal(overrides: Partial<Pick<AppraisalDoc, 'ballots' | 'results'>> = {}): Pick<AppraisalDoc, 'ballots' | 'results'> {
  return {
    ballots: Array.from({ length: 9 }, () => ({ grades: MEMBERS.map((m) => ({ personId: m.id, grade: 'qualified' as const })) })),
    results: NAMES.map((name, i) =>
      i < 3
        ? result(name, 'excellent')
        : name === '赵丽华'
          ? result(name, 'basically-qualified', { note: BASIC_NOTE })
          : name === '孙国强'
            ? result(name, 'unqualified', { note: UNQUALIFIED_NOTE })
            : result(name, 'qualified', { note: '表现良好' }),
    ),
    ...overrides,
  };
}

const report = (overrides: Partial<AppraisalReportInput> = {}): AppraisalReportInput => ({
  branch: BRANCH,
  year: YEAR,
  participants: MEMBERS,
  appraisal: appraisal(),
  date: '2026-01-20',
  ...overrides,
});

type Table = Extract<FormBlock, { kind: 'table' }>;
const tables = (form: FormDocument): Table[] => form.blocks.filter((b): b is Table => b.kind === 'table');
const occurrences = (text: string, part: string): number => text.split(part).length - 1;

/** What a blank form must not print: no member, no branch, no committee, no year. */
function expectNamesNoOne(form: FormDocument): void {
  const printed = formText(form);
  for (const name of [...NAMES, BRANCH.name, BRANCH.parentName]) expect(printed).not.toContain(name);
  expect(printed).not.toMatch(/20\d\d/);
  expect(printed).toContain('＿');
}

describe('appraisalBallotPapers', () => {
  it('prints papers titled 民主评议党员测评票, each with the branch and the year, marked 不记名', () => {
    const form = appraisalBallotPapers(MEMBERS.slice(0, 3), YEAR, BRANCH.name, 4);
    expect(form.title).toBe('民主评议党员测评票');
    expect(form.layout).toBe('form');
    const headings = form.blocks.filter((b) => b.kind === 'heading');
    expect(headings).toEqual(Array.from({ length: 4 }, () => ({ kind: 'heading', text: '市水利局离退休干部党支部2025年度民主评议党员测评票' })));
    expect(occurrences(formText(form), '不记名')).toBe(4);
  });

  it('gives each paper its own table: every member with a box under each grade', () => {
    const form = appraisalBallotPapers(MEMBERS.slice(0, 3), YEAR, BRANCH.name, 4);
    expect(tables(form)).toHaveLength(4);
    for (const table of tables(form)) {
      expect(table.headers).toEqual(['姓名', '优秀', '合格', '基本合格', '不合格']);
      expect(table.rows).toEqual([
        ['张建华', '□', '□', '□', '□'],
        ['李秀英', '□', '□', '□', '□'],
        ['王德明', '□', '□', '□', '□'],
      ]);
      expect(table.blankRows).toBeUndefined();
    }
  });

  it('names every member on every paper, and nobody else', () => {
    const printed = formText(appraisalBallotPapers(MEMBERS, YEAR, BRANCH.name, 2));
    for (const name of NAMES) expect(occurrences(printed, name)).toBe(2);
    expect(printed).not.toContain('钱小明');
  });

  it('says how a paper is filled and how a paper filled wrong is counted', () => {
    const printed = formText(appraisalBallotPapers(MEMBERS, YEAR, BRANCH.name, 1));
    expect(printed).toContain('每人只选一个等次');
    expect(printed).toContain('多选或不选的，该党员在本票上按“未评”统计。');
  });

  it('keeps to heading, hint and table blocks, one of each a paper', () => {
    const form = appraisalBallotPapers(MEMBERS, YEAR, BRANCH.name, 3);
    expect(form.blocks.map((b) => b.kind)).toEqual(['heading', 'hint', 'table', 'heading', 'hint', 'table', 'heading', 'hint', 'table']);
  });

  it.each([
    [3, 4],
    [5, 3],
    [10, 2],
    [30, 1],
  ])('puts as many papers on a page as fit by default: %i members, %i papers', (count, papers) => {
    const form = appraisalBallotPapers(MEMBERS.concat(MEMBERS, MEMBERS).slice(0, count), YEAR, BRANCH.name);
    expect(tables(form)).toHaveLength(papers);
    expect(form.subtitle).toContain(`本页${papers}张`);
  });

  it.each([[0], [1.5], [-2]])('refuses %s papers a page', (perPage) => {
    expect(() => appraisalBallotPapers(MEMBERS, YEAR, BRANCH.name, perPage)).toThrow(RangeError);
  });

  it('prints blank without members: no branch, no year, lines to write the names on', () => {
    const form = appraisalBallotPapers(null, YEAR, BRANCH.name);
    expectNamesNoOne(form);
    const [table, ...more] = tables(form);
    expect(more).toEqual([]);
    expect(table!.rows).toEqual([]);
    expect(table!.blankRows).toBeGreaterThanOrEqual(10);
    expect(formText(form)).toContain('不记名');
  });
});

describe('appraisalNotice', () => {
  const zhang = member('张建华');
  const sun = member('孙国强');
  const zhao = member('赵丽华');

  it('tells a member the grade, closed by the branch committee with the date told', () => {
    const form = appraisalNotice(zhang, result('张建华', 'qualified', { notifiedOn: '2026-01-15' }), YEAR, BRANCH);
    expect(form.title).toBe('民主评议党员结果通知书');
    expect(form.layout).toBe('letter');
    expect(form.addressee).toBe('张建华同志：');
    const printed = formText(form);
    expect(printed).toContain('根据2025年度民主评议党员工作安排');
    expect(printed).toContain('你的评议等次为：合格。');
    expect(printed).toContain(COMMITTEE);
    expect(printed).toContain('2026年1月15日');
    expect(printed).not.toContain('整改');
    expect(printed).not.toContain('□');
  });

  it('keeps the note of a 合格 or 优秀 to the branch', () => {
    const printed = formText(appraisalNotice(zhang, result('张建华', 'excellent', { note: '支委会讨论时有一票弃权' }), YEAR, BRANCH));
    expect(printed).toContain('你的评议等次为：优秀。');
    expect(printed).not.toContain('弃权');
  });

  it('gives a 不合格 the follow-up and deadline of the note, and what follows if nothing changes', () => {
    const printed = formText(appraisalNotice(sun, result('孙国强', 'unqualified', { note: UNQUALIFIED_NOTE, notifiedOn: '2026-01-15' }), YEAR, BRANCH));
    expect(printed).toContain('你的评议等次为：不合格。');
    expect(printed).toContain('限期改正');
    expect(printed).toContain(`整改要求和期限：${UNQUALIFIED_NOTE}。`);
    expect(printed).toContain('劝其退党');
    expect(printed).toContain('除名');
  });

  it('leaves a line for the follow-up of a 不合格 without a note', () => {
    const printed = formText(appraisalNotice(sun, result('孙国强', 'unqualified'), YEAR, BRANCH));
    expect(printed).toMatch(/整改要求和期限：＿{20}/);
  });

  it('gives a 基本合格 the branch’s requirements from the note', () => {
    const printed = formText(appraisalNotice(zhao, result('赵丽华', 'basically-qualified', { note: BASIC_NOTE }), YEAR, BRANCH));
    expect(printed).toContain('你的评议等次为：基本合格。');
    expect(printed).toContain(`党支部的意见和要求：${BASIC_NOTE}。`);
    expect(printed).not.toContain('劝其退党');
  });

  it('leaves the date blank until the member is told', () => {
    const printed = formText(appraisalNotice(zhang, result('张建华', 'qualified'), YEAR, BRANCH));
    expect(printed).toContain('＿＿＿＿年＿＿月＿＿日');
    expect(printed).not.toMatch(/2026年/);
  });

  it('offers every grade to tick for a member not graded yet', () => {
    const printed = formText(appraisalNotice(zhang, null, YEAR, BRANCH));
    expect(printed).toContain('张建华同志：');
    expect(printed).toContain('你的评议等次为：□优秀　□合格　□基本合格　□不合格');
  });

  it('refuses to print another member’s result', () => {
    expect(() => appraisalNotice(zhang, result('孙国强', 'unqualified'), YEAR, BRANCH)).toThrow('这条评定结果不是张建华的');
  });

  it('prints blank without a person: no name, branch, year or date, every grade to tick', () => {
    const form = appraisalNotice(null, null, null, null);
    expectNamesNoOne(form);
    expect(form.addressee).toBe('＿＿＿＿同志：');
    expect(formText(form)).toContain('□优秀　□合格　□基本合格　□不合格');
  });

  it('prints blank without a person even when given a year and a branch', () => {
    expectNamesNoOne(appraisalNotice(null, null, YEAR, BRANCH));
  });
});

describe('appraisalReport', () => {
  it('is addressed to the higher committee, for the year, closed by the branch committee with the date', () => {
    const form = appraisalReport(report());
    expect(form.title).toBe('关于2025年度民主评议党员工作情况的报告');
    expect(form.layout).toBe('letter');
    expect(form.addressee).toBe('中共市水利局机关委员会：');
    const printed = formText(form);
    expect(printed).toContain('市水利局离退休干部党支部开展了2025年度民主评议党员工作');
    expect(printed).toContain(COMMITTEE);
    expect(printed).toContain('2026年1月20日');
  });

  it('gives the members taking part, the ballots and the participation rate', () => {
    const printed = formText(appraisalReport(report()));
    expect(printed).toContain('本支部应参加评议的党员10名（正式党员8名、预备党员2名），收回民主测评票9张，参评率90.0%。');
  });

  it('gives the count of each grade in the text and in a table with its share', () => {
    const form = appraisalReport(report());
    expect(formText(form)).toContain('优秀3名，合格5名，基本合格1名，不合格1名。');
    const [grades] = tables(form);
    expect(grades!.headers).toEqual(['评定等次', '人数', '占参评党员比例']);
    expect(grades!.rows).toEqual([
      ['优秀', '3', '30.0%'],
      ['合格', '5', '50.0%'],
      ['基本合格', '1', '10.0%'],
      ['不合格', '1', '10.0%'],
      ['合计', '10', '100.0%'],
    ]);
  });

  it('lists the 不合格 and 基本合格 members with their follow-up, and no one else', () => {
    const form = appraisalReport(report());
    const [, followUp] = tables(form);
    expect(followUp!.headers).toEqual(['姓名', '评定等次', '整改措施和期限']);
    expect(followUp!.rows).toEqual([
      ['孙国强', '不合格', UNQUALIFIED_NOTE],
      ['赵丽华', '基本合格', BASIC_NOTE],
    ]);
    const printed = formText(form);
    for (const name of ['张建华', '陈思远', '郑文斌']) expect(printed).not.toContain(name);
  });

  it('leaves a line where a 不合格 has no follow-up written', () => {
    const results = appraisal().results.map((r) => (r.personId === 'P-孙国强' ? result('孙国强', 'unqualified') : r));
    const [, followUp] = tables(appraisalReport(report({ appraisal: appraisal({ results }) })));
    expect(followUp!.rows[0]).toEqual(['孙国强', '不合格', '＿'.repeat(12)]);
  });

  it('says so when no member is 不合格 or 基本合格', () => {
    const results = NAMES.map((name) => result(name, 'qualified'));
    const form = appraisalReport(report({ appraisal: appraisal({ results }) }));
    expect(tables(form)).toHaveLength(1);
    expect(formText(form)).toContain('本年度没有评定为不合格、基本合格的党员。');
  });

  it('counts the members not graded yet, and does not claim there is no 不合格 among them', () => {
    const results = NAMES.slice(0, 8).map((name) => result(name, 'qualified'));
    const form = appraisalReport(report({ appraisal: appraisal({ results }) }));
    expect(tables(form)[0]!.rows).toContainEqual(['尚未评定', '2', '20.0%']);
    const printed = formText(form);
    expect(printed).toContain('，尚未评定2名。');
    expect(printed).toContain('已评定的党员中，没有评定为不合格、基本合格的。');
    expect(printed).not.toContain('本年度没有评定为不合格');
  });

  it('prints at most 100% when more ballots than members were entered', () => {
    const ballots = Array.from({ length: 12 }, () => ({ grades: [] }));
    expect(formText(appraisalReport(report({ appraisal: appraisal({ ballots }) })))).toContain('收回民主测评票12张，参评率100.0%。');
  });

  it('leaves the addressee and the date blank when not known', () => {
    const form = appraisalReport(report({ branch: { name: BRANCH.name, parentName: '' }, date: undefined }));
    expect(form.addressee).toBe(`${'＿'.repeat(10)}：`);
    expect(formText(form)).toContain('＿＿＿＿年＿＿月＿＿日');
  });

  it('prints blank without input: blanks for every figure, lines for the names', () => {
    const form = appraisalReport(null);
    expectNamesNoOne(form);
    const printed = formText(form);
    expect(printed).not.toMatch(/\d+名/);
    expect(printed).toContain('参评率＿＿%');
    const [grades, followUp] = tables(form);
    expect(grades!.rows.map((r) => r[0])).toEqual(['优秀', '合格', '基本合格', '不合格', '合计']);
    expect(grades!.rows.every((r) => r[1] === '' && r[2] === '')).toBe(true);
    expect(followUp!.rows).toEqual([]);
    expect(followUp!.blankRows).toBeGreaterThan(0);
  });
});
