/**
 * The count of a 换届选举 (domain reference §2, "Elections"): the members of the 支部委员会 elected by
 * the 支部党员大会, or the 书记 and 副书记.
 *
 * - R-ELECT-QUORUM: the election is valid only when electors present > four fifths of those expected.
 * - R-ELECT-BALLOTS: ballots returned ≤ ballots issued, else the election is void; a ballot naming more
 *   people than there are seats is invalid. A contested election (差额选举) has more candidates than
 *   seats, usually at least 20 % more: reported as a note, never as an error.
 * - R-ELECT-MAJORITY: a candidate is elected with yes votes > half of the electors present (not of the
 *   valid ballots). When more candidates reach that than there are seats, the seats go to the most
 *   votes; candidates tied for the last seats are put to a further vote among themselves.
 *
 * Input shape: the counts from the 计票 sheet (`tallyElection`), which is what a secretary copies from
 * paper. A branch that types in every ballot uses `countBallots` first: it finds the invalid ballots
 * and adds up the votes per person, write-ins (另选他人) included.
 *
 * Numbers that cannot be right (more present than expected, a candidate with more votes than valid
 * ballots…) are refused: `checkElectionNumbers` lists them for the form, `tallyElection` throws an
 * `ElectionNumbersError` (a RangeError carrying the list). Ballots returned > issued is not refused:
 * it is a real event with a defined result, a void election.
 */
import { moreThanHalf } from './votes';

/** 支部委员会委员, 书记, 副书记. */
export type ElectionOffice = 'committee' | 'secretary' | 'deputy';

export interface ElectionCandidateVotes {
  name: string;
  /** 赞成票 on valid ballots. */
  votes: number;
  /** 另选他人: a name the electors wrote in, not on the list of candidates. */
  writeIn?: boolean;
}

export interface ElectionInput {
  office: ElectionOffice;
  /** 应到会有选举权的人数. */
  electorsExpected: number;
  /** 实到会有选举权的人数. */
  electorsPresent: number;
  /** 应选名额. */
  seats: number;
  ballotsIssued: number;
  ballotsReturned: number;
  /** Among the ballots returned, those found invalid (naming more people than seats, unreadable…). */
  invalidBallots: number;
  /** Every candidate on the list, with the votes counted; write-ins flagged. */
  candidates: readonly ElectionCandidateVotes[];
}

/**
 * - elected: 当选.
 * - further-vote: tied for the last seats; a further vote among those tied decides.
 * - over-seats: more than half, but the seats went to candidates with more votes.
 * - not-elected: not more than half, or the election did not count.
 */
export type CandidateResult = 'elected' | 'further-vote' | 'over-seats' | 'not-elected';

export interface ElectionCandidateResult {
  name: string;
  votes: number;
  writeIn: boolean;
  /** More than half of the electors present (R-ELECT-MAJORITY). */
  majority: boolean;
  result: CandidateResult;
}

/**
 * - filled: every seat has its member.
 * - further-vote: some seats wait for a further vote among tied candidates.
 * - seats-left: fewer candidates than seats reached a majority; the rest may be elected separately.
 * - no-quorum / void: the election does not count and is held again.
 */
export type ElectionOutcome = 'filled' | 'further-vote' | 'seats-left' | 'no-quorum' | 'void';

export interface ElectionTally {
  quorum: boolean;
  /** Ballots returned > ballots issued (R-ELECT-BALLOTS). */
  void: boolean;
  outcome: ElectionOutcome;
  validBallots: number;
  /** The fewest yes votes that elect: more than half of the electors present. */
  votesNeeded: number;
  /** Names in order of votes, most first. */
  elected: string[];
  /** Candidates tied for the last seats, and how many seats they compete for; null when none. */
  furtherVote: { names: string[]; seats: number } | null;
  /** Seats nobody filled: no-quorum and void leave them all; further-vote seats are not counted here. */
  vacantSeats: number;
  /** 差额选举: candidates on the list ≥ seats × 1.2. */
  contested: boolean;
  /** Every candidate, most votes first; equal votes keep the order of the list. */
  candidates: ElectionCandidateResult[];
  /** Why the election counts or not, and the result of each candidate, in Chinese. */
  reasons: string[];
  /** Remarks that are not errors: contested or not, write-ins. */
  notes: string[];
}

export interface ElectionNumberProblem {
  /** The field of `ElectionInput`; for a candidate, 'candidates' and its index. */
  field: keyof ElectionInput;
  candidateIndex?: number;
  message: string;
}

export class ElectionNumbersError extends RangeError {
  readonly problems: readonly ElectionNumberProblem[];
  constructor(problems: readonly ElectionNumberProblem[]) {
    super(problems.map((p) => p.message).join('\n'));
    this.name = 'ElectionNumbersError';
    this.problems = problems;
  }
}

export const ELECTION_OFFICE_LABELS: Record<ElectionOffice, string> = {
  committee: '支部委员会委员',
  secretary: '书记',
  deputy: '副书记',
};

const COUNT_LABELS = {
  electorsExpected: '应到会选举人数',
  electorsPresent: '实到会选举人数',
  seats: '应选名额',
  ballotsIssued: '发出的选票数',
  ballotsReturned: '收回的选票数',
  invalidBallots: '无效票数',
} as const satisfies Partial<Record<keyof ElectionInput, string>>;

/** Every reason the numbers cannot be right; empty when they can be counted. */
export function checkElectionNumbers(input: ElectionInput): ElectionNumberProblem[] {
  const problems: ElectionNumberProblem[] = [];
  if (!(input.office in ELECTION_OFFICE_LABELS)) problems.push({ field: 'office', message: '请选择选举的职务：支部委员会委员、书记或副书记' });
  for (const field of Object.keys(COUNT_LABELS) as (keyof typeof COUNT_LABELS)[]) {
    if (!isCount(input[field])) problems.push({ field, message: `${COUNT_LABELS[field]}应为0或正整数，请重新填写` });
  }
  const names = new Set<string>();
  input.candidates.forEach((candidate, candidateIndex) => {
    const name = candidate.name.trim();
    if (name === '') problems.push({ field: 'candidates', candidateIndex, message: `第${candidateIndex + 1}位候选人请填写姓名` });
    else if (names.has(name)) problems.push({ field: 'candidates', candidateIndex, message: `候选人“${name}”填写了两次，每人只填一行` });
    names.add(name);
    if (!isCount(candidate.votes)) problems.push({ field: 'candidates', candidateIndex, message: `${name || `第${candidateIndex + 1}位候选人`}的得票应为0或正整数，请重新填写` });
  });
  if (input.candidates.length === 0) problems.push({ field: 'candidates', message: '请填写候选人及其得票' });
  // The comparisons below mean nothing when a number is missing, negative or a fraction.
  if (problems.length > 0) return problems;

  if (input.seats === 0) return [{ field: 'seats', message: '应选名额至少为1名' }];
  if (input.office === 'secretary' && input.seats > 1) problems.push({ field: 'seats', message: '书记只选一名，应选名额应为1' });
  if (input.electorsPresent > input.electorsExpected) {
    problems.push({ field: 'electorsPresent', message: `实到会选举人${input.electorsPresent}人，多于应到会的${input.electorsExpected}人，请核对` });
  }
  if (input.ballotsIssued > input.electorsPresent) {
    problems.push({ field: 'ballotsIssued', message: `发出选票${input.ballotsIssued}张，多于实到会选举人${input.electorsPresent}人。选票只发给到会的选举人，每人一张，请核对` });
  }
  if (input.invalidBallots > input.ballotsReturned) {
    problems.push({ field: 'invalidBallots', message: `无效票${input.invalidBallots}张，多于收回的选票${input.ballotsReturned}张，请核对` });
    return problems;
  }
  const valid = input.ballotsReturned - input.invalidBallots;
  input.candidates.forEach((candidate, candidateIndex) => {
    if (candidate.votes > valid) {
      problems.push({ field: 'candidates', candidateIndex, message: `${candidate.name.trim()}得${candidate.votes}票，多于有效选票${valid}张：每张选票对一人只能投一票，请核对` });
    }
  });
  const total = input.candidates.reduce((sum, c) => sum + c.votes, 0);
  // R-ELECT-BALLOTS: a valid ballot names at most as many people as there are seats.
  if (total > valid * input.seats) {
    problems.push({
      field: 'candidates',
      message: `各人得票合计${total}票，多于有效选票${valid}张乘应选名额${input.seats}名（${valid * input.seats}票）：每张有效选票最多选${input.seats}人，请核对计票`,
    });
  }
  return problems;
}

/** The result of an election; throws an `ElectionNumbersError` when `checkElectionNumbers` finds a problem. */
export function tallyElection(input: ElectionInput): ElectionTally {
  const problems = checkElectionNumbers(input);
  if (problems.length > 0) throw new ElectionNumbersError(problems);

  const office = ELECTION_OFFICE_LABELS[input.office];
  const validBallots = input.ballotsReturned - input.invalidBallots;
  const votesNeeded = moreThanHalf(input.electorsPresent);
  const listed = input.candidates.filter((c) => !c.writeIn).length;
  const contested = listed * 5 >= input.seats * 6;
  const notes = electionNotes(input, listed, contested);
  const ranked = input.candidates
    .map((c, index) => ({ name: c.name.trim(), votes: c.votes, writeIn: c.writeIn === true, index }))
    .sort((a, b) => b.votes - a.votes || a.index - b.index)
    .map(({ name, votes, writeIn }) => ({ name, votes, writeIn, majority: votes * 2 > input.electorsPresent }));
  // R-ELECT-QUORUM: more than four fifths of the electors expected.
  const quorum = input.electorsPresent * 5 > input.electorsExpected * 4;
  // R-ELECT-BALLOTS: more ballots back than handed out means someone voted twice or the count is wrong.
  const isVoid = input.ballotsReturned > input.ballotsIssued;
  const nobodyElected = (outcome: 'no-quorum' | 'void', reasons: string[]): ElectionTally => ({
    quorum,
    void: isVoid,
    outcome,
    validBallots,
    votesNeeded,
    elected: [],
    furtherVote: null,
    vacantSeats: input.seats,
    contested,
    candidates: ranked.map((c) => ({ ...c, result: 'not-elected' })),
    reasons,
    notes,
  });

  const reasons: string[] = [];
  if (!quorum) {
    const least = Math.floor((input.electorsExpected * 4) / 5) + 1;
    reasons.push(`应到会选举人${input.electorsExpected}人，实到会${input.electorsPresent}人，未超过应到会人数的五分之四（至少需${least}人到会），选举无效，须另行召开会议选举。`);
  } else {
    reasons.push(`应到会选举人${input.electorsExpected}人，实到会${input.electorsPresent}人，超过应到会人数的五分之四，可以进行选举。`);
  }
  if (isVoid) reasons.push(`收回选票${input.ballotsReturned}张，多于发出的${input.ballotsIssued}张，本次选举无效，应当重新投票。`);
  if (!quorum) return nobodyElected('no-quorum', reasons);
  if (isVoid) return nobodyElected('void', reasons);
  reasons.push(`发出选票${input.ballotsIssued}张，收回${input.ballotsReturned}张，其中有效票${validBallots}张，无效票${input.invalidBallots}张。`);

  // R-ELECT-MAJORITY: more than half of the electors present; the seats go to the most votes.
  const withMajority = ranked.filter((c) => c.majority);
  const results = new Map<string, CandidateResult>(ranked.map((c) => [c.name, 'not-elected']));
  let furtherVote: ElectionTally['furtherVote'] = null;
  if (withMajority.length <= input.seats) {
    for (const c of withMajority) results.set(c.name, 'elected');
  } else {
    const lastSeatVotes = withMajority[input.seats - 1]!.votes;
    const above = withMajority.filter((c) => c.votes > lastSeatVotes);
    const atLastSeat = withMajority.filter((c) => c.votes === lastSeatVotes);
    for (const c of above) results.set(c.name, 'elected');
    for (const c of withMajority.filter((c) => c.votes < lastSeatVotes)) results.set(c.name, 'over-seats');
    const seatsLeft = input.seats - above.length;
    if (atLastSeat.length === seatsLeft) {
      for (const c of atLastSeat) results.set(c.name, 'elected');
    } else {
      for (const c of atLastSeat) results.set(c.name, 'further-vote');
      furtherVote = { names: atLastSeat.map((c) => c.name), seats: seatsLeft };
    }
  }

  const candidates = ranked.map((c) => ({ ...c, result: results.get(c.name)! }));
  for (const c of candidates) reasons.push(candidateReason(c, votesNeeded, office));
  const elected = candidates.filter((c) => c.result === 'elected').map((c) => c.name);
  if (furtherVote) {
    reasons.push(`${furtherVote.names.join('、')}得票相等，争${furtherVote.seats}个名额，应当对他们再次投票，得票多的当选。`);
    return { quorum, void: false, outcome: 'further-vote', validBallots, votesNeeded, elected, furtherVote, vacantSeats: 0, contested, candidates, reasons, notes };
  }
  const vacantSeats = input.seats - elected.length;
  if (vacantSeats > 0) {
    reasons.push(`当选${elected.length}名，少于应选名额${input.seats}名，不足的${vacantSeats}个名额可以另行选举。`);
    return { quorum, void: false, outcome: 'seats-left', validBallots, votesNeeded, elected, furtherVote, vacantSeats, contested, candidates, reasons, notes };
  }
  return { quorum, void: false, outcome: 'filled', validBallots, votesNeeded, elected, furtherVote, vacantSeats, contested, candidates, reasons, notes };
}

/** One paper ballot as typed in: the names marked 赞成 or written in (另选他人). */
export interface ElectionBallot {
  names: readonly string[];
  /** The 监票人 found it invalid for another reason (unreadable, marked to identify the voter…). */
  unreadable?: boolean;
}

export interface BallotCount {
  ballotsReturned: number;
  invalidBallots: number;
  candidates: ElectionCandidateVotes[];
}

/**
 * Counts typed-in ballots: a ballot naming more people than seats is invalid (R-ELECT-BALLOTS); a
 * blank ballot is valid (the elector abstained on everyone); a name written twice on one ballot counts
 * once. Candidates keep the list's order, with 0 votes when nobody chose them; write-ins follow in
 * the order they first appear.
 */
export function countBallots(candidateNames: readonly string[], seats: number, ballots: readonly ElectionBallot[]): BallotCount {
  const listed = candidateNames.map((name) => name.trim());
  const votes = new Map<string, number>(listed.map((name) => [name, 0]));
  let invalidBallots = 0;
  for (const ballot of ballots) {
    const names = new Set(ballot.names.map((name) => name.trim()).filter((name) => name !== ''));
    if (ballot.unreadable || names.size > seats) {
      invalidBallots += 1;
      continue;
    }
    for (const name of names) votes.set(name, (votes.get(name) ?? 0) + 1);
  }
  const candidates = [...votes].map(([name, count]) => (listed.includes(name) ? { name, votes: count } : { name, votes: count, writeIn: true }));
  return { ballotsReturned: ballots.length, invalidBallots, candidates };
}

function candidateReason(c: ElectionCandidateResult, votesNeeded: number, office: string): string {
  const who = c.writeIn ? `${c.name}（另选他人）` : c.name;
  switch (c.result) {
    case 'elected':
      return `${who}得${c.votes}票，超过实到会选举人的半数（至少需${votesNeeded}票），当选为${office}。`;
    case 'over-seats':
      return `${who}得${c.votes}票，虽超过半数，但名额已由得票更多的人当选，未当选。`;
    case 'further-vote':
      return `${who}得${c.votes}票，超过半数，与他人得票相等，须再次投票。`;
    case 'not-elected':
      return `${who}得${c.votes}票，未超过实到会选举人的半数（至少需${votesNeeded}票），未当选。`;
  }
}

function electionNotes(input: ElectionInput, listed: number, contested: boolean): string[] {
  const notes: string[] = [];
  if (contested) {
    notes.push(`候选人${listed}名，应选${input.seats}名，候选人多于应选名额20%以上，为差额选举。`);
  } else if (listed > input.seats) {
    notes.push(`候选人${listed}名，应选${input.seats}名，差额不足应选名额的20%；按通常做法，候选人一般比应选名额多20%以上。`);
  } else if (listed === input.seats) {
    notes.push(`候选人${listed}名，等于应选名额，为等额选举${input.office === 'committee' ? '；选举支部委员会委员按通常做法实行差额选举' : ''}。`);
  } else {
    notes.push(`候选人${listed}名，少于应选名额${input.seats}名。`);
  }
  const writeIns = input.candidates.filter((c) => c.writeIn).map((c) => c.name.trim());
  if (writeIns.length > 0) notes.push(`另选他人：${writeIns.join('、')}，其得票与候选人一样计算。`);
  return notes;
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}
