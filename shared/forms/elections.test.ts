/**
 * The papers of a 换届选举, read as a secretary reads them: the 选票 cut from A4 sheets and the
 * 选举结果报告 to the higher committee. Text in reading order (formText) and the blocks.
 */
import { describe, expect, it } from 'vitest';
import { tallyElection, type ElectionCandidateVotes, type ElectionInput } from '../rules/elections';
import { formText, type FormBlock, type FormDocument } from './document';
import {
  electionBallotPapers,
  electionBallotsPerPage,
  electionReport,
  MAX_ELECTION_BALLOTS_PER_PAGE,
  type ElectionBallotInput,
  type ElectionReportInput,
} from './elections';

type Table = Extract<FormBlock, { kind: 'table' }>;

const BRANCH = '幸福社区第一党支部';
const PARENT = '中共幸福街道工作委员会';

function tablesOf(form: FormDocument): Table[] {
  return form.blocks.filter((b): b is Table => b.kind === 'table');
}

function ballot(overrides: Partial<ElectionBallotInput> = {}): ElectionBallotInput {
  return { branchName: BRANCH, office: 'committee', seats: 5, candidates: ['王建国', '刘芳', '李秀英', '张伟', '陈静', '杨洋'], ...overrides };
}

/** Candidates in list order with their votes. */
function votes(byName: Record<string, number>): ElectionCandidateVotes[] {
  return Object.entries(byName).map(([name, count]) => ({ name, votes: count }));
}

/** 25 electors expected, 23 present, choosing 5 committee members among 6 candidates. */
function election(overrides: Partial<ElectionInput> = {}): ElectionInput {
  return {
    office: 'committee',
    electorsExpected: 25,
    electorsPresent: 23,
    seats: 5,
    ballotsIssued: 23,
    ballotsReturned: 23,
    invalidBallots: 1,
    // The list in 姓氏笔画 order: 王 刘 李 张 陈 杨 — not the order of the votes.
    candidates: votes({ 王建国: 21, 刘芳: 15, 李秀英: 20, 张伟: 18, 陈静: 13, 杨洋: 9 }),
    ...overrides,
  };
}

function report(electionOverrides: Partial<ElectionInput> = {}, overrides: Partial<ElectionReportInput> = {}): FormDocument {
  return electionReport({ branch: { name: BRANCH, parentName: PARENT }, meetingDate: '2026-03-12', election: election(electionOverrides), ...overrides });
}

function paragraphsOf(form: FormDocument): string[] {
  return form.blocks.flatMap((b) => (b.kind === 'text' ? b.paragraphs : []));
}

function hintsOf(form: FormDocument): string[] {
  return form.blocks.flatMap((b) => (b.kind === 'hint' ? b.lines : []));
}

/** The 结果 column of the report's table, by name. */
function resultsOf(form: FormDocument): Record<string, string> {
  return Object.fromEntries(tablesOf(form)[0]!.rows.map((row) => [row[0], row[2]]));
}

describe('electionBallotPapers', () => {
  it('puts the papers on as many A4 sheets as needed, the last one holding the rest', () => {
    const pages = electionBallotPapers(ballot(), 7, 3);
    expect(pages.map((page) => tablesOf(page).length)).toEqual([3, 3, 1]);
    expect(pages.map((page) => page.subtitle)).toEqual([
      '第1页，共3页（每页3张，沿选票间空白处裁开）',
      '第2页，共3页（每页3张，沿选票间空白处裁开）',
      '第3页，共3页（每页1张，沿选票间空白处裁开）',
    ]);
    expect(pages.every((page) => page.kind === 'election-ballots' && page.title === '选票' && page.layout === 'form')).toBe(true);
  });

  it('heads each paper with the branch and the office, then the table and how to mark it', () => {
    const [page] = electionBallotPapers(ballot(), 2, 2);
    expect(page!.blocks.map((b) => b.kind)).toEqual(['heading', 'table', 'hint', 'heading', 'table', 'hint']);
    expect(page!.blocks[0]).toEqual({ kind: 'heading', text: '中共幸福社区第一党支部委员会委员选举选票' });
  });

  it('names the office of a secretary or deputy election', () => {
    expect(electionBallotPapers(ballot({ office: 'secretary', seats: 1, candidates: ['王建国', '李秀英'] }), 1)[0]!.blocks[0]).toEqual({
      kind: 'heading',
      text: '中共幸福社区第一党支部书记选举选票',
    });
    expect(electionBallotPapers(ballot({ office: 'deputy', seats: 1, candidates: ['刘芳', '张伟'] }), 1)[0]!.blocks[0]).toEqual({
      kind: 'heading',
      text: '中共幸福社区第一党支部副书记选举选票',
    });
  });

  it('lists the candidates in the order given, with a blank row per seat for 另选他人', () => {
    expect(tablesOf(electionBallotPapers(ballot(), 1)[0]!)).toEqual([
      {
        kind: 'table',
        headers: ['候选人姓名', '同意', '不同意', '弃权'],
        rows: [
          ['王建国', '', '', ''],
          ['刘芳', '', '', ''],
          ['李秀英', '', '', ''],
          ['张伟', '', '', ''],
          ['陈静', '', '', ''],
          ['杨洋', '', '', ''],
        ],
        blankRows: 5,
        widths: [40, 20, 20, 20],
      },
    ]);
  });

  it('never re-sorts the list, whatever order the names would take in a collation', () => {
    const names = ['杨洋', '王建国', '陈静'];
    expect([...names].sort((a, b) => a.localeCompare(b, 'zh-CN'))).not.toEqual(names);
    const table = tablesOf(electionBallotPapers(ballot({ seats: 2, candidates: names }), 1)[0]!)[0]!;
    expect(table.rows.map((row) => row[0])).toEqual(names);
  });

  it('trims the names as typed', () => {
    const table = tablesOf(electionBallotPapers(ballot({ seats: 1, candidates: [' 王建国', '李秀英 '] }), 1)[0]!)[0]!;
    expect(table.rows.map((row) => row[0])).toEqual(['王建国', '李秀英']);
  });

  it('tells how to mark the paper, with the seats to fill', () => {
    const [page] = electionBallotPapers(ballot({ seats: 3, candidates: ['王建国', '刘芳', '李秀英', '张伟'] }), 1);
    expect(hintsOf(page!)).toEqual([
      '应选3名。',
      '同意的画“○”，不同意的画“×”，弃权的不画。',
      '另选他人的，在空格内写上姓名并画“○”。',
      '同意的人数多于应选名额的为无效票（另选他人的计入同意的人数）。',
    ]);
  });

  it('prints every paper alike and unnumbered, so that no paper can be traced to its elector', () => {
    const pages = electionBallotPapers(ballot(), 5, 2);
    const papers = pages.flatMap((page) => page.blocks);
    const first = papers.slice(0, 3);
    for (let i = 0; i < papers.length; i += 3) expect(papers.slice(i, i + 3)).toEqual(first);
    expect(papers).toHaveLength(15);
    const text = pages.map((page) => page.blocks.map((b) => JSON.stringify(b)).join('')).join('');
    expect(text).not.toMatch(/编号|No\.|第\d+张/);
  });

  it('leaves a blank for the branch when its name is not given', () => {
    expect(electionBallotPapers(ballot({ branchName: null }), 1)[0]!.blocks[0]).toEqual({ kind: 'heading', text: '中共＿＿＿＿＿＿＿＿＿＿支部委员会委员选举选票' });
    expect(electionBallotPapers(ballot({ branchName: '  ' }), 1)[0]!.blocks[0]).toEqual({ kind: 'heading', text: '中共＿＿＿＿＿＿＿＿＿＿支部委员会委员选举选票' });
  });

  it('does not write 中共 twice when the name already has it', () => {
    expect(electionBallotPapers(ballot({ branchName: '中共幸福社区第二党支部' }), 1)[0]!.blocks[0]).toEqual({ kind: 'heading', text: '中共幸福社区第二党支部委员会委员选举选票' });
  });

  it('gives a blank paper rows to write the candidates in, then the rows for 另选他人', () => {
    const [page] = electionBallotPapers({ branchName: null, office: 'committee', seats: 5, candidates: [] }, 1);
    const [table] = tablesOf(page!);
    expect(table!.rows).toEqual([]);
    // Six candidates for five seats (20 % more), then five rows for 另选他人.
    expect(table!.blankRows).toBe(11);
    expect(hintsOf(page!)[0]).toBe('应选5名。');
  });

  it('gives a blank secretary paper two rows for candidates and one for 另选他人', () => {
    const [table] = tablesOf(electionBallotPapers({ branchName: null, office: 'secretary', seats: 1, candidates: [] }, 1)[0]!);
    expect(table!.blankRows).toBe(3);
  });

  it('puts fewer papers to a sheet the more names they carry, by default', () => {
    expect(electionBallotsPerPage({ seats: 1, candidates: ['王建国', '李秀英'] })).toBe(3);
    expect(electionBallotsPerPage({ seats: 2, candidates: ['王建国', '刘芳', '李秀英'] })).toBe(2);
    expect(electionBallotsPerPage({ seats: 5, candidates: ['王建国', '刘芳', '李秀英', '张伟', '陈静', '杨洋'] })).toBe(1);
    expect(electionBallotPapers(ballot({ office: 'secretary', seats: 1, candidates: ['王建国', '李秀英'] }), 7).map((page) => tablesOf(page).length)).toEqual([3, 3, 1]);
    expect(electionBallotPapers(ballot(), 2).map((page) => tablesOf(page).length)).toEqual([1, 1]);
  });

  it('never puts more than the maximum on a sheet, nor fewer than one', () => {
    expect(electionBallotsPerPage({ seats: 1, candidates: [] })).toBeLessThanOrEqual(MAX_ELECTION_BALLOTS_PER_PAGE);
    expect(electionBallotsPerPage({ seats: 1, candidates: ['王建国'] })).toBeLessThanOrEqual(MAX_ELECTION_BALLOTS_PER_PAGE);
    const many = Array.from({ length: 30 }, (_, i) => `候选人${i + 1}`);
    expect(electionBallotsPerPage({ seats: 20, candidates: many })).toBe(1);
  });

  it('takes four to a sheet when asked', () => {
    expect(electionBallotPapers(ballot({ office: 'secretary', seats: 1, candidates: ['王建国'] }), 8, 4).map((page) => tablesOf(page).length)).toEqual([4, 4]);
  });

  it.each([0, -1, 2.5, Number.NaN])('refuses %s papers', (count) => {
    expect(() => electionBallotPapers(ballot(), count, 2)).toThrow(RangeError);
  });

  it.each([0, MAX_ELECTION_BALLOTS_PER_PAGE + 1, 1.5])('refuses %s papers to a sheet', (perPage) => {
    expect(() => electionBallotPapers(ballot(), 4, perPage)).toThrow(RangeError);
  });

  it.each([0, -2, 1.5])('refuses %s seats', (seats) => {
    expect(() => electionBallotPapers(ballot({ seats }), 4)).toThrow(/应选名额应为正整数/);
  });

  it('refuses a secretary election with more than one seat', () => {
    expect(() => electionBallotPapers(ballot({ office: 'secretary', seats: 2 }), 4)).toThrow('书记只选一名，应选名额应为1');
  });

  it('refuses a candidate listed twice or without a name', () => {
    expect(() => electionBallotPapers(ballot({ candidates: ['王建国', '刘芳', '王建国 '] }), 4)).toThrow('候选人“王建国”填写了两次，每人只印一行');
    expect(() => electionBallotPapers(ballot({ candidates: ['王建国', ' '] }), 4)).toThrow('第2位候选人请填写姓名');
  });
});

describe('electionReport', () => {
  it('is a letter to the higher committee about the result of the election', () => {
    const form = report();
    expect(form).toMatchObject({ kind: 'election-report', title: '关于中共幸福社区第一党支部委员会委员选举结果的报告', layout: 'letter', addressee: `${PARENT}：` });
  });

  it('says when the assembly met and that more than four fifths of the electors came', () => {
    expect(paragraphsOf(report())[0]).toBe(
      '2026年3月12日，中共幸福社区第一党支部召开支部党员大会，选举支部委员会委员。支部应到会有选举权的党员25名，实到会23名，超过应到会人数的五分之四，符合规定人数。',
    );
  });

  it('gives the ballots issued, returned, valid and invalid, and whether the election was contested', () => {
    expect(paragraphsOf(report())[1]).toBe('大会发出选票23张，收回23张，其中有效票22张，无效票1张。候选人6名，应选5名，实行差额选举。各人得票情况如下：');
  });

  it('calls an election with as many candidates as seats 等额', () => {
    const form = report({ candidates: votes({ 王建国: 21, 刘芳: 15, 李秀英: 20, 张伟: 18, 陈静: 13 }) });
    expect(paragraphsOf(form)[1]).toContain('候选人5名，应选5名，实行等额选举。');
  });

  it('tabulates every candidate, most votes first, with the result', () => {
    expect(tablesOf(report())).toEqual([
      {
        kind: 'table',
        headers: ['姓名', '得票', '结果'],
        rows: [
          ['王建国', '21', '当选'],
          ['李秀英', '20', '当选'],
          ['张伟', '18', '当选'],
          ['刘芳', '15', '当选'],
          ['陈静', '13', '当选'],
          ['杨洋', '9', '未当选'],
        ],
        widths: [50, 20, 30],
      },
    ]);
  });

  it('names the elected in the order of the list, with the majority they needed', () => {
    expect(paragraphsOf(report())).toContain('按照得票超过实到会有选举权党员半数（至少12票）方能当选的规定，王建国、刘芳、李秀英、张伟、陈静5名同志当选为支部委员会委员。');
  });

  it('closes with 特此报告, the branch committee and a date to write when none is given', () => {
    const form = report();
    expect(paragraphsOf(form).at(-1)).toBe('特此报告。');
    expect(form.blocks.find((b) => b.kind === 'sign')).toEqual({ kind: 'sign', lines: ['中共幸福社区第一党支部委员会', '＿＿＿＿年＿＿月＿＿日'] });
  });

  it('dates the report on the day given', () => {
    expect(report({}, { reportDate: '2026-03-13' }).blocks.find((b) => b.kind === 'sign')).toEqual({ kind: 'sign', lines: ['中共幸福社区第一党支部委员会', '2026年3月13日'] });
  });

  it('leaves blanks for the higher committee and the meeting day when they are not known', () => {
    const form = report({}, { branch: { name: BRANCH }, meetingDate: '' });
    expect(form.addressee).toBe('＿＿＿＿＿＿＿＿＿＿：');
    expect(paragraphsOf(form)[0]).toMatch(/^＿＿＿＿年＿＿月＿＿日，中共幸福社区第一党支部召开支部党员大会/);
  });

  it('reports a secretary elected alone without counting heads', () => {
    const form = report({ office: 'secretary', seats: 1, candidates: votes({ 王建国: 19, 李秀英: 3 }) });
    expect(form.title).toBe('关于中共幸福社区第一党支部书记选举结果的报告');
    expect(paragraphsOf(form)).toContain('按照得票超过实到会有选举权党员半数（至少12票）方能当选的规定，王建国同志当选为书记。');
  });

  it('marks a write-in and can report it elected', () => {
    const form = report({ office: 'secretary', seats: 1, candidates: [...votes({ 王建国: 8, 李秀英: 2 }), { name: '赵志强', votes: 12, writeIn: true }] });
    expect(tablesOf(form)[0]!.rows[0]).toEqual(['赵志强（另选他人）', '12', '当选']);
    expect(paragraphsOf(form).join('')).toContain('赵志强同志当选为书记。');
  });

  it('says who had a majority but lost the seat to more votes', () => {
    const form = report({ seats: 3, candidates: votes({ 王建国: 18, 刘芳: 13, 李秀英: 17, 张伟: 16 }) });
    expect(resultsOf(form)).toEqual({ 王建国: '当选', 李秀英: '当选', 张伟: '当选', 刘芳: '未当选' });
    expect(paragraphsOf(form)).toContain('刘芳同志得票虽超过半数，但应选名额已由得票更多的同志当选，未当选。');
  });

  it('puts candidates tied for the last seat to a further vote and names only those elected', () => {
    const form = report({ candidates: votes({ 王建国: 21, 刘芳: 15, 李秀英: 20, 张伟: 18, 陈静: 13, 杨洋: 13 }) });
    expect(resultsOf(form)).toMatchObject({ 陈静: '需再次投票', 杨洋: '需再次投票' });
    const paragraphs = paragraphsOf(form);
    expect(paragraphs).toContain('按照得票超过实到会有选举权党员半数（至少12票）方能当选的规定，王建国、刘芳、李秀英、张伟4名同志当选为支部委员会委员。');
    expect(paragraphs).toContain('陈静、杨洋同志得票均超过半数且相等（各13票），争1个名额，须对其再次投票，得票多的当选，结果另行报告。');
  });

  it('says how many seats are left when too few had a majority', () => {
    const form = report({ candidates: votes({ 王建国: 21, 刘芳: 11, 李秀英: 20, 张伟: 18, 陈静: 10, 杨洋: 9 }) });
    const paragraphs = paragraphsOf(form);
    expect(paragraphs).toContain('按照得票超过实到会有选举权党员半数（至少12票）方能当选的规定，王建国、李秀英、张伟3名同志当选为支部委员会委员。');
    expect(paragraphs).toContain('应选支部委员会委员5名，当选3名，尚缺2名，可另行选举，结果另行报告。');
  });

  it('says nobody was elected when nobody had a majority', () => {
    const form = report({ office: 'secretary', seats: 1, candidates: votes({ 王建国: 11, 李秀英: 10 }) });
    expect(resultsOf(form)).toEqual({ 王建国: '未当选', 李秀英: '未当选' });
    expect(paragraphsOf(form)).toContain('按照得票超过实到会有选举权党员半数（至少12票）方能当选的规定，没有人得票超过半数，无人当选。');
    expect(paragraphsOf(form).join('')).not.toContain('同志当选');
  });

  it('reports an election without a quorum as to be held again, naming nobody as elected', () => {
    const form = report({ electorsPresent: 20, ballotsIssued: 20, ballotsReturned: 20, invalidBallots: 0, candidates: votes({ 王建国: 18, 刘芳: 15, 李秀英: 17 }), seats: 3 });
    expect(paragraphsOf(form)).toEqual([
      '2026年3月12日，中共幸福社区第一党支部召开支部党员大会，选举支部委员会委员。支部应到会有选举权的党员25名，实到会20名，未超过应到会人数的五分之四（至少需21名到会），不符合规定人数，不能进行选举。',
      '本次选举无效，须另行召开支部党员大会进行选举，选举结果另行报告。',
      '特此报告。',
    ]);
    expect(tablesOf(form)).toEqual([]);
    expect(formText(form)).not.toContain('当选');
    expect(formText(form)).not.toContain('王建国');
  });

  it('reports a void election, more ballots back than issued, as to be held again, naming nobody as elected', () => {
    const form = report({ ballotsReturned: 24 });
    expect(paragraphsOf(form).slice(1)).toEqual(['大会发出选票23张，收回24张，收回的选票多于发出的选票，本次选举无效。', '须重新进行选举，选举结果另行报告。', '特此报告。']);
    expect(tablesOf(form)).toEqual([]);
    expect(formText(form)).not.toContain('当选');
    expect(formText(form)).not.toContain('王建国');
  });

  it('agrees with tallyElection on who is elected, whatever the votes', () => {
    const cases: Partial<ElectionInput>[] = [
      {},
      { candidates: votes({ 王建国: 21, 刘芳: 15, 李秀英: 20, 张伟: 18, 陈静: 13, 杨洋: 13 }) },
      { candidates: votes({ 王建国: 21, 刘芳: 11, 李秀英: 20, 张伟: 18, 陈静: 10, 杨洋: 9 }) },
      { seats: 3, candidates: votes({ 王建国: 18, 刘芳: 13, 李秀英: 17, 张伟: 16 }) },
    ];
    for (const overrides of cases) {
      const tally = tallyElection(election(overrides));
      const results = resultsOf(report(overrides));
      const elected = Object.entries(results).filter(([, result]) => result === '当选').map(([name]) => name);
      expect(elected.sort()).toEqual([...tally.elected].sort());
    }
  });

  describe('with numbers that cannot be right', () => {
    /** 30 present of 25 expected: refused by checkElectionNumbers. */
    const refused = () => report({ electorsPresent: 30 });

    it('does not throw, and leaves every count blank', () => {
      expect(paragraphsOf(refused()).slice(0, 2)).toEqual([
        '2026年3月12日，中共幸福社区第一党支部召开支部党员大会，选举支部委员会委员。支部应到会有选举权的党员＿＿名，实到会＿＿名。',
        '大会发出选票＿＿张，收回＿＿张，其中有效票＿＿张，无效票＿＿张。各人得票情况如下：',
      ]);
    });

    it('lists the candidates with their votes and results blank', () => {
      expect(tablesOf(refused())[0]!.rows).toEqual([
        ['王建国', '', ''],
        ['刘芳', '', ''],
        ['李秀英', '', ''],
        ['张伟', '', ''],
        ['陈静', '', ''],
        ['杨洋', '', ''],
      ]);
    });

    it('names nobody as elected and leaves the result to write in', () => {
      const form = refused();
      expect(paragraphsOf(form)).toContain('选举结果：＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿。');
      expect(formText(form)).not.toContain('当选');
    });

    it('says in the small print what is wrong', () => {
      expect(hintsOf(refused())).toEqual(['选举数字有误，不能据此报告选举结果，请先核对计票：', '实到会选举人30人，多于应到会的25人，请核对']);
    });

    it('does not throw for numbers that are not counts at all', () => {
      const form = report({ electorsPresent: Number.NaN, invalidBallots: -1, candidates: [{ name: '王建国', votes: 2.5 }] });
      expect(hintsOf(form)).toEqual([
        '选举数字有误，不能据此报告选举结果，请先核对计票：',
        '实到会选举人数应为0或正整数，请重新填写',
        '无效票数应为0或正整数，请重新填写',
        '王建国的得票应为0或正整数，请重新填写',
      ]);
      expect(formText(form)).not.toContain('当选');
    });

    it('gives blank rows to write names in when no candidate was entered', () => {
      const [table] = tablesOf(report({ candidates: [] }));
      expect(table).toMatchObject({ rows: [], blankRows: 3 });
    });

    it('still marks a write-in among the names', () => {
      const form = report({ electorsPresent: 30, candidates: [...votes({ 王建国: 8 }), { name: '赵志强', votes: 12, writeIn: true }] });
      expect(tablesOf(form)[0]!.rows.map((row) => row[0])).toEqual(['王建国', '赵志强（另选他人）']);
    });
  });
});
