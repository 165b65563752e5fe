/**
 * The printed papers of a 换届选举 (domain reference §2, "Elections"): the 选票 handed to each elector,
 * several to an A4 sheet to cut apart, and the 选举结果报告 to the higher committee. Each builder
 * returns FormDocuments (shared/forms/document.ts) that the renderer's one print template lays out.
 *
 * Nothing is made up: a fact the caller does not give prints as a blank line to write on. Every result
 * is tallyElection's (shared/rules/elections.ts): no paper names anyone as elected where the tally
 * does not, and numbers that checkElectionNumbers refuses are never tallied: the report leaves its
 * numbers and results blank and says in the small print what is wrong.
 */
import {
  checkElectionNumbers,
  ELECTION_OFFICE_LABELS,
  tallyElection,
  type CandidateResult,
  type ElectionInput,
  type ElectionOffice,
  type ElectionTally,
} from '../rules/elections';
import { ballotSheets, blankLine, cnDateOrBlank, type FormBlock, type FormDocument } from './document';

/** The office's label, or a blank when the office is not one of ours (numbers typed in by hand). */
function officeLabel(office: ElectionOffice): string {
  return Object.hasOwn(ELECTION_OFFICE_LABELS, office) ? ELECTION_OFFICE_LABELS[office] : blankLine(6);
}

/**
 * 'the branch's office': 中共幸福社区第一党支部委员会委员, 中共幸福社区第一党支部书记; a blank for the
 * branch when its name is not known. The 支部 of the branch and of 支部委员会 are written once.
 */
function officeOf(branchName: string | null | undefined, office: ElectionOffice): string {
  const label = officeLabel(office);
  const branch = partyBranch(branchName);
  return branch.endsWith('支部') && label.startsWith('支部') ? `${branch}${label.slice(2)}` : `${branch}${label}`;
}

/** 中共幸福社区第一党支部; 中共＿＿＿＿ when the name is not known. */
function partyBranch(branchName: string | null | undefined): string {
  const name = branchName?.trim();
  if (!name) return `中共${blankLine(10)}`;
  return name.startsWith('中共') ? name : `中共${name}`;
}

/** The report is issued by the branch committee, as the resolutions of the branch assembly are. */
function issuer(branchName: string): string {
  const branch = partyBranch(branchName);
  return branch.endsWith('支部') || !branchName.trim() ? `${branch}委员会` : branch;
}

// ─── 选票 ────────────────────────────────────────────────────────────────────────────────────────

/** What a 选票 needs. */
export interface ElectionBallotInput {
  /** The branch's full name, e.g. 幸福社区第一党支部; null for a paper with the branch left blank. */
  branchName: string | null;
  office: ElectionOffice;
  /** 应选名额; as many blank rows follow the candidates for 另选他人. */
  seats: number;
  /**
   * The candidates in the order of the list, which by convention is 姓氏笔画 order: printed as given,
   * never re-sorted. Empty for a paper whose names are written in by hand.
   */
  candidates: readonly string[];
}

/** Papers on one A4 sheet at most: a 选票 needs room for its names, the marks and how to mark. */
export const MAX_ELECTION_BALLOTS_PER_PAGE = 4;

/*
 * The height of a paper on the sheet, in millimetres, from renderer/print/print.css: the printable
 * A4 of a ruled form less the title and the subtitle; per paper the heading, the table's header and
 * the four lines of small print, then 7 mm (with padding, 8) for a row with a name and 12 mm (13)
 * for a blank row to write a name in.
 */
const SHEET_HEIGHT = 236;
const PAPER_HEIGHT = 48;
const NAME_ROW_HEIGHT = 8;
const BLANK_ROW_HEIGHT = 13;

/** Blank rows for the names of a paper without candidates: a contested election's 20 % more than the seats. */
function blankNameRows(seats: number): number {
  return Math.max(seats + 1, Math.ceil(seats * 1.2));
}

/**
 * How many 选票 fit on one A4 sheet: each paper has its heading, a row per candidate, a blank row per
 * seat for 另选他人 and how to mark it, so the more names, the fewer papers; between 1 and
 * MAX_ELECTION_BALLOTS_PER_PAGE.
 */
export function electionBallotsPerPage(input: Pick<ElectionBallotInput, 'seats' | 'candidates'>): number {
  const names = input.candidates.length;
  const blankRows = input.seats + (names === 0 ? blankNameRows(input.seats) : 0);
  const paper = PAPER_HEIGHT + names * NAME_ROW_HEIGHT + blankRows * BLANK_ROW_HEIGHT;
  return Math.min(MAX_ELECTION_BALLOTS_PER_PAGE, Math.max(1, Math.floor(SHEET_HEIGHT / paper)));
}

/** The reasons the papers cannot be printed as asked; RangeError messages, in Chinese. */
function ballotProblems(input: ElectionBallotInput, count: number, perPage: number): string[] {
  const problems: string[] = [];
  if (!Number.isInteger(count) || count < 1) problems.push(`选票张数应为正整数，现在是“${count}”，请按实到会有选举权的党员人数填写`);
  if (!Number.isInteger(perPage) || perPage < 1 || perPage > MAX_ELECTION_BALLOTS_PER_PAGE) {
    problems.push(`每页选票张数应为1至${MAX_ELECTION_BALLOTS_PER_PAGE}之间的整数，现在是“${perPage}”`);
  }
  if (!Object.hasOwn(ELECTION_OFFICE_LABELS, input.office)) problems.push('请选择选举的职务：支部委员会委员、书记或副书记');
  if (!Number.isInteger(input.seats) || input.seats < 1) problems.push(`应选名额应为正整数，现在是“${input.seats}”`);
  else if (input.office === 'secretary' && input.seats > 1) problems.push('书记只选一名，应选名额应为1');
  const seen = new Set<string>();
  input.candidates.forEach((raw, i) => {
    const name = raw.trim();
    if (name === '') problems.push(`第${i + 1}位候选人请填写姓名`);
    else if (seen.has(name)) problems.push(`候选人“${name}”填写了两次，每人只印一行`);
    seen.add(name);
  });
  return problems;
}

/**
 * `count` 选票 for an election, `perPage` to an A4 sheet to cut apart (by default as many as fit the
 * names, see electionBallotsPerPage): one FormDocument per sheet, and on it for each paper its
 * heading, one table (候选人姓名 | 同意 | 不同意 | 弃权) with the candidates in the order given and a
 * blank row per seat for 另选他人, and how to mark it. The papers carry no number and are all alike:
 * a numbered paper could be traced back to whoever was handed it.
 *
 * Without candidates the names are blank rows to write in by hand (a contested election's number of
 * candidates, then the rows for 另选他人); without a branch name the heading has a blank for it.
 * Throws a RangeError when the count, the papers per sheet, the office, the seats or the names
 * cannot be printed (every reason in the message).
 */
export function electionBallotPapers(input: ElectionBallotInput, count: number, perPage?: number): FormDocument[] {
  const perSheet = perPage ?? electionBallotsPerPage(input);
  const problems = ballotProblems(input, count, perSheet);
  if (problems.length > 0) throw new RangeError(problems.join('\n'));

  const names = input.candidates.map((name) => name.trim());
  const paper = (): FormBlock[] => [
    { kind: 'heading', text: `${officeOf(input.branchName, input.office)}选举选票` },
    {
      kind: 'table',
      headers: ['候选人姓名', '同意', '不同意', '弃权'],
      rows: names.map((name) => [name, '', '', '']),
      blankRows: input.seats + (names.length === 0 ? blankNameRows(input.seats) : 0),
      widths: [40, 20, 20, 20],
    },
    {
      kind: 'hint',
      lines: [
        `应选${input.seats}名。`,
        '同意的画“○”，不同意的画“×”，弃权的不画。',
        '另选他人的，在空格内写上姓名并画“○”。',
        '同意的人数多于应选名额的为无效票（另选他人的计入同意的人数）。',
      ],
    },
  ];
  return ballotSheets({ kind: 'election-ballots', title: '选票', cutAlong: '选票间空白处' }, count, perSheet, paper);
}

// ─── 选举结果报告 ────────────────────────────────────────────────────────────────────────────────

export interface ElectionReportInput {
  branch: { name: string; parentName?: string };
  /** The day of the 支部党员大会 that held the election, 'YYYY-MM-DD'. */
  meetingDate: string;
  /** The numbers of the 计票 sheet, as for tallyElection. */
  election: ElectionInput;
  /** The day the report is signed, 'YYYY-MM-DD'; a blank date to write by hand when left out. */
  reportDate?: string;
}

const RESULT_LABELS: Record<CandidateResult, string> = {
  elected: '当选',
  'further-vote': '需再次投票',
  'over-seats': '未当选',
  'not-elected': '未当选',
};

/** '王建国、李秀英' */
const joined = (names: readonly string[]): string => names.join('、');

/**
 * The 选举结果报告 to the higher committee: the day of the 支部党员大会, the electors expected and
 * present and whether more than four fifths came (R-ELECT-QUORUM), the ballots issued, returned,
 * valid and invalid, each person's votes (姓名 | 得票 | 结果, most votes first), who was elected (in
 * the order of the list), who must be voted on again when tied, the seats left; closed by the branch
 * committee. An election without a quorum or with more ballots returned than issued (void) is
 * reported as such: it is to be held again and nobody is named as elected.
 *
 * Every result comes from tallyElection. Numbers that checkElectionNumbers refuses leave the counts,
 * the votes and the result blank, with the problems in the small print; it never throws for them.
 */
export function electionReport(input: ElectionReportInput): FormDocument {
  const { branch, election } = input;
  const office = officeOf(branch.name, election.office);
  const label = officeLabel(election.office);
  const opening = `${cnDateOrBlank(input.meetingDate || undefined)}，${partyBranch(branch.name)}召开支部党员大会，选举${label}。`;
  const problems = checkElectionNumbers(election);
  const blocks = problems.length > 0 ? refusedBlocks(election, opening) : talliedBlocks(election, tallyElection(election), opening, label);

  blocks.push({ kind: 'sign', lines: [issuer(branch.name), cnDateOrBlank(input.reportDate || undefined)] });
  if (problems.length > 0) {
    blocks.push({ kind: 'hint', lines: ['选举数字有误，不能据此报告选举结果，请先核对计票：', ...problems.map((p) => p.message)] });
  }
  return {
    kind: 'election-report',
    title: `关于${office}选举结果的报告`,
    layout: 'letter',
    addressee: `${branch.parentName?.trim() || blankLine(10)}：`,
    blocks,
  };
}

function talliedBlocks(election: ElectionInput, tally: ElectionTally, opening: string, label: string): FormBlock[] {
  const expected = election.electorsExpected;
  const present = election.electorsPresent;
  const electors = `支部应到会有选举权的党员${expected}名，实到会${present}名，`;

  // R-ELECT-QUORUM: without more than four fifths present no vote is held, and nothing is counted.
  if (!tally.quorum) {
    const least = Math.floor((expected * 4) / 5) + 1;
    return [
      {
        kind: 'text',
        paragraphs: [
          `${opening}${electors}未超过应到会人数的五分之四（至少需${least}名到会），不符合规定人数，不能进行选举。`,
          '本次选举无效，须另行召开支部党员大会进行选举，选举结果另行报告。',
          '特此报告。',
        ],
      },
    ];
  }
  const quorum = `${opening}${electors}超过应到会人数的五分之四，符合规定人数。`;
  // R-ELECT-BALLOTS: more ballots back than handed out; the count means nothing.
  if (tally.void) {
    return [
      {
        kind: 'text',
        paragraphs: [
          quorum,
          `大会发出选票${election.ballotsIssued}张，收回${election.ballotsReturned}张，收回的选票多于发出的选票，本次选举无效。`,
          '须重新进行选举，选举结果另行报告。',
          '特此报告。',
        ],
      },
    ];
  }

  const listed = election.candidates.filter((c) => !c.writeIn).length;
  const kind = tally.contested ? '实行差额选举' : listed === election.seats ? '实行等额选举' : '';
  const ballots = `大会发出选票${election.ballotsIssued}张，收回${election.ballotsReturned}张，其中有效票${tally.validBallots}张，无效票${election.invalidBallots}张。`;
  const candidates = `候选人${listed}名，应选${election.seats}名${kind ? `，${kind}` : ''}。`;

  return [
    { kind: 'text', paragraphs: [quorum, `${ballots}${candidates}各人得票情况如下：`] },
    {
      kind: 'table',
      headers: ['姓名', '得票', '结果'],
      rows: tally.candidates.map((c) => [c.writeIn ? `${c.name}（另选他人）` : c.name, String(c.votes), RESULT_LABELS[c.result]]),
      widths: [50, 20, 30],
    },
    { kind: 'text', paragraphs: [...resultParagraphs(election, tally, label), '特此报告。'] },
  ];
}

/** Who was elected, who is to be voted on again, the seats left: tallyElection's result in words. */
function resultParagraphs(election: ElectionInput, tally: ElectionTally, label: string): string[] {
  const rule = `按照得票超过实到会有选举权党员半数（至少${tally.votesNeeded}票）方能当选的规定，`;
  // The elected in the order of the list (姓氏笔画 by convention), as an election result is announced.
  const elected = election.candidates.map((c) => c.name.trim()).filter((name) => tally.elected.includes(name));
  const paragraphs: string[] = [];
  if (elected.length > 0) paragraphs.push(`${rule}${joined(elected)}${elected.length > 1 ? `${elected.length}名` : ''}同志当选为${label}。`);
  else if (!tally.furtherVote) paragraphs.push(`${rule}没有人得票超过半数，无人当选。`);

  const overSeats = tally.candidates.filter((c) => c.result === 'over-seats').map((c) => c.name);
  if (overSeats.length > 0) paragraphs.push(`${joined(overSeats)}同志得票虽超过半数，但应选名额已由得票更多的同志当选，未当选。`);

  if (tally.furtherVote) {
    const { names, seats } = tally.furtherVote;
    const votes = tally.candidates.find((c) => c.name === names[0])?.votes;
    const prefix = elected.length > 0 ? '' : rule;
    paragraphs.push(`${prefix}${joined(names)}同志得票均超过半数且相等（各${votes}票），争${seats}个名额，须对其再次投票，得票多的当选，结果另行报告。`);
  }
  if (tally.outcome === 'seats-left') {
    paragraphs.push(`应选${label}${election.seats}名，当选${elected.length}名，尚缺${tally.vacantSeats}名，可另行选举，结果另行报告。`);
  }
  return paragraphs;
}

/** Numbers that cannot be right: the names as given, every count and result blank. */
function refusedBlocks(election: ElectionInput, opening: string): FormBlock[] {
  const b = blankLine(2);
  const names = election.candidates.map((c) => (c.writeIn && c.name.trim() ? `${c.name.trim()}（另选他人）` : c.name.trim()));
  return [
    {
      kind: 'text',
      paragraphs: [
        `${opening}支部应到会有选举权的党员${b}名，实到会${b}名。`,
        `大会发出选票${b}张，收回${b}张，其中有效票${b}张，无效票${b}张。各人得票情况如下：`,
      ],
    },
    { kind: 'table', headers: ['姓名', '得票', '结果'], rows: names.map((name) => [name, '', '']), blankRows: names.length === 0 ? 3 : 0, widths: [50, 20, 30] },
    { kind: 'text', paragraphs: [`选举结果：${blankLine(16)}。`, '特此报告。'] },
  ];
}
