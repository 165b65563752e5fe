/**
 * A vote of the 支部党员大会 (domain reference §2, "Votes on people"): 接收预备党员, 转正, 延长预备期,
 * or any other motion, one call per candidate or motion (R-VOTE-EACH).
 *
 * - R-VOTE-EXPECTED: 应到会有表决权 = full members with voting rights on the roll − approved exclusions.
 * - R-VOTE-QUORUM: voting members present > half of 应到会.
 * - R-VOTE-WRITTEN: written opinions of absent voting members count as votes (not as presence).
 * - R-VOTE-PASS: yes (present + written) > half of 应到会, not of those present; exactly half is a tie,
 *   which does not pass.
 *
 * Numbers that cannot be right are refused, never tallied. `checkVoteNumbers` lists every problem,
 * each with the field it belongs to and a Chinese message saying what to fix, so a form can show them
 * beside the fields; `tallyVote` throws a `VoteNumbersError` (a RangeError carrying the same list) when
 * given such numbers; `canRecordPassed` never throws and is what a screen asks before it lets the
 * secretary record "通过".
 */

export type VoteMotion = 'admit' | 'confirm' | 'extend' | 'other';

export interface VoteInput {
  motion: VoteMotion;
  /** 正式党员 with voting rights on the roll; probationary members and those under 留党察看 are not counted. */
  fullMembers: number;
  /** Left out of 应到会 for one of the five reasons, with the higher organization's consent. */
  excluded: number;
  /** 实到会有表决权的党员: full members with voting rights present at the vote. */
  presentVoting: number;
  yes: number;
  no: number;
  abstain: number;
  /** Written opinions handed in before the meeting by absent voting members. */
  writtenYes?: number;
  writtenNo?: number;
  writtenAbstain?: number;
  /** Secret ballot only: ballots handed out and taken back. */
  ballotsIssued?: number;
  ballotsReturned?: number;
}

export type VoteOutcome = 'passed' | 'rejected' | 'tie' | 'no-quorum';

export interface VoteTally {
  /** 应到会有表决权的党员人数. */
  expected: number;
  quorum: boolean;
  passed: boolean;
  outcome: VoteOutcome;
  /** Why, in Chinese, in the order a secretary reads them out. */
  reasons: string[];
}

export interface VoteNumberProblem {
  field: keyof VoteInput;
  message: string;
}

/** Thrown by `tallyVote` for numbers that cannot be right; `problems` has one entry per mistake. */
export class VoteNumbersError extends RangeError {
  readonly problems: readonly VoteNumberProblem[];
  constructor(problems: readonly VoteNumberProblem[]) {
    super(problems.map((p) => p.message).join('\n'));
    this.name = 'VoteNumbersError';
    this.problems = problems;
  }
}

/** What the motion decides, as a resolution names it. */
const MOTION_RESOLUTION: Record<VoteMotion, string> = {
  admit: '接收预备党员的决议',
  confirm: '预备党员转为正式党员的决议',
  extend: '延长预备期的决议',
  other: '该项决议',
};

const FIELD_LABELS: Record<keyof VoteInput, string> = {
  motion: '表决事项',
  fullMembers: '有表决权的正式党员人数',
  excluded: '经批准不计入应到会的人数',
  presentVoting: '实到会有表决权的党员人数',
  yes: '到会赞成票',
  no: '到会反对票',
  abstain: '到会弃权票',
  writtenYes: '书面意见赞成票',
  writtenNo: '书面意见反对票',
  writtenAbstain: '书面意见弃权票',
  ballotsIssued: '发出的选票数',
  ballotsReturned: '收回的选票数',
};

/** Counts every vote has… */
const REQUIRED_COUNTS = ['fullMembers', 'excluded', 'presentVoting', 'yes', 'no', 'abstain'] as const satisfies readonly (keyof VoteInput)[];
/** …and counts left out when there were no written opinions or no secret ballot. */
const OPTIONAL_COUNTS = ['writtenYes', 'writtenNo', 'writtenAbstain', 'ballotsIssued', 'ballotsReturned'] as const satisfies readonly (keyof VoteInput)[];

/** The smallest whole number that is more than half of `total`. */
export function moreThanHalf(total: number): number {
  return Math.floor(total / 2) + 1;
}

/** Every reason the numbers cannot be right; empty when they can be tallied. */
export function checkVoteNumbers(input: VoteInput): VoteNumberProblem[] {
  const problems: VoteNumberProblem[] = [];
  if (!(input.motion in MOTION_RESOLUTION)) problems.push({ field: 'motion', message: '请选择表决事项：接收预备党员、预备党员转正、延长预备期或其他事项' });
  for (const field of [...REQUIRED_COUNTS, ...OPTIONAL_COUNTS]) {
    const value: unknown = input[field];
    if (value === undefined && (OPTIONAL_COUNTS as readonly string[]).includes(field)) continue;
    if (!isCount(value)) problems.push({ field, message: `${FIELD_LABELS[field]}应为0或正整数，请重新填写` });
  }
  // The sums below mean nothing when a number is missing, negative or a fraction.
  if (problems.length > 0) return problems;

  const written = written3(input);
  const expected = input.fullMembers - input.excluded;
  const presentVotes = input.yes + input.no + input.abstain;
  const writtenVotes = written.yes + written.no + written.abstain;

  if (input.excluded > input.fullMembers) {
    problems.push({ field: 'excluded', message: `不计入应到会的有${input.excluded}人，多于有表决权的正式党员${input.fullMembers}人，请核对` });
  } else if (input.presentVoting > expected) {
    // R-VOTE-EXPECTED: those excluded do not vote, and probationary members never do.
    problems.push({
      field: 'presentVoting',
      message: `实到会有表决权的党员${input.presentVoting}人，多于应到会的${expected}人（正式党员${input.fullMembers}人减去不计入的${input.excluded}人）。预备党员和经批准不计入应到会的党员不算在实到会有表决权的人数里，请核对`,
    });
  } else if (writtenVotes > expected - input.presentVoting) {
    // R-VOTE-WRITTEN: only absent voting members hand in written opinions, one each.
    problems.push({
      field: 'writtenYes',
      message: `书面意见共${writtenVotes}份，多于未到会的有表决权党员${expected - input.presentVoting}人（应到会${expected}人减去实到会${input.presentVoting}人）。只有未到会的有表决权党员可以提交书面意见，每人一份，请核对`,
    });
  }
  if (presentVotes > input.presentVoting) {
    problems.push({
      field: 'yes',
      message: `到会表决票共${presentVotes}票（赞成${input.yes}、反对${input.no}、弃权${input.abstain}），多于实到会有表决权的党员${input.presentVoting}人。预备党员和受留党察看处分的党员没有表决权，他们的意见不计入表决票，请核对`,
    });
  }
  if (input.ballotsIssued !== undefined && input.ballotsReturned !== undefined && input.ballotsReturned > input.ballotsIssued) {
    problems.push({ field: 'ballotsReturned', message: `收回选票${input.ballotsReturned}张，多于发出的${input.ballotsIssued}张，这次投票无效，应当重新投票` });
  }
  if (input.ballotsIssued !== undefined && input.ballotsIssued > input.presentVoting) {
    problems.push({ field: 'ballotsIssued', message: `发出选票${input.ballotsIssued}张，多于实到会有表决权的党员${input.presentVoting}人。选票只发给到会的有表决权党员，请核对` });
  }
  if (input.ballotsReturned !== undefined && presentVotes > input.ballotsReturned) {
    problems.push({ field: 'ballotsReturned', message: `到会表决票共${presentVotes}票，多于收回的选票${input.ballotsReturned}张，请核对计票` });
  }
  return problems;
}

/**
 * The result of one vote. Throws a `VoteNumbersError` (a RangeError) when `checkVoteNumbers` finds
 * a problem: a tally of impossible numbers would be recorded as if it were true.
 */
export function tallyVote(input: VoteInput): VoteTally {
  const problems = checkVoteNumbers(input);
  if (problems.length > 0) throw new VoteNumbersError(problems);

  const written = written3(input);
  const expected = input.fullMembers - input.excluded; // R-VOTE-EXPECTED
  const reasons = [expectedReason(input, expected)];
  const needed = moreThanHalf(expected);

  // R-VOTE-QUORUM: more than half of 应到会 present; written opinions are votes, not presence.
  const quorum = input.presentVoting * 2 > expected;
  if (!quorum) {
    reasons.push(
      expected === 0
        ? '没有应到会的有表决权党员，不能进行表决。'
        : `实到会有表决权的党员${input.presentVoting}人，未超过应到会人数的半数（至少需${needed}人到会），不能进行表决，须另行召开支部党员大会。`,
    );
    if (written.yes + written.no + written.abstain > 0) reasons.push('书面意见可以计入表决票，但不计入到会人数。');
    return { expected, quorum, passed: false, outcome: 'no-quorum', reasons };
  }
  reasons.push(`实到会有表决权的党员${input.presentVoting}人，超过应到会人数的半数，可以进行表决。`);

  // R-VOTE-WRITTEN: written opinions count as votes.
  const yes = input.yes + written.yes;
  reasons.push(countReason(input, written));

  // R-VOTE-PASS: more than half of 应到会, not of those present.
  const resolution = MOTION_RESOLUTION[input.motion];
  if (yes * 2 > expected) {
    reasons.push(`赞成票超过应到会有表决权党员的半数（至少需${needed}票），${resolution}获得通过。`);
    if (input.yes * 2 <= expected) reasons.push(`其中书面意见赞成${written.yes}票：只计到会赞成票则不够半数，书面意见决定了结果。`);
    return { expected, quorum, passed: true, outcome: 'passed', reasons };
  }
  if (yes * 2 === expected) {
    reasons.push(`赞成票恰好是应到会有表决权党员${expected}人的半数，没有超过半数，${resolution}未获通过。`);
    reasons.push('遇到这种情况，支部可以向党员说明情况后重新表决，也可以依照有关规定另行作出决定；不能记为“通过”。');
    return { expected, quorum, passed: false, outcome: 'tie', reasons };
  }
  reasons.push(`赞成票未超过应到会有表决权党员的半数（至少需${needed}票），${resolution}未获通过。`);
  if (yes * 2 > input.presentVoting) reasons.push('赞成票虽超过实到会人数的半数，但通过要求超过应到会人数的半数。');
  return { expected, quorum, passed: false, outcome: 'rejected', reasons };
}

/**
 * Whether the secretary may record "通过". Never throws: with impossible numbers the answer is no, and
 * the reasons are the problems to fix; otherwise the reasons are the tally's.
 */
export function canRecordPassed(input: VoteInput): { allowed: boolean; reasons: string[] } {
  const problems = checkVoteNumbers(input);
  if (problems.length > 0) return { allowed: false, reasons: problems.map((p) => p.message) };
  const tally = tallyVote(input);
  return { allowed: tally.passed, reasons: tally.reasons };
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function written3(input: VoteInput): { yes: number; no: number; abstain: number } {
  return { yes: input.writtenYes ?? 0, no: input.writtenNo ?? 0, abstain: input.writtenAbstain ?? 0 };
}

function expectedReason(input: VoteInput, expected: number): string {
  if (input.excluded === 0) return `应到会有表决权的党员${expected}人。`;
  return `应到会有表决权的党员${expected}人（有表决权的正式党员${input.fullMembers}人，经批准不计入${input.excluded}人）。`;
}

function countReason(input: VoteInput, written: { yes: number; no: number; abstain: number }): string {
  const yes = input.yes + written.yes;
  const no = input.no + written.no;
  const abstain = input.abstain + written.abstain;
  const total = `赞成${yes}票，反对${no}票，弃权${abstain}票`;
  if (written.yes + written.no + written.abstain === 0) return `${total}。`;
  return `${total}（含书面意见：赞成${written.yes}票，反对${written.no}票，弃权${written.abstain}票）。`;
}
