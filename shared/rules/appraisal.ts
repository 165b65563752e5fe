/**
 * 民主评议党员, the annual democratic appraisal (domain reference §3): study → 个人自评 → 党员互评 at the
 * 组织生活会 → 民主测评 by anonymous ballot, each ballot grading each member 优秀 / 合格 / 基本合格 /
 * 不合格 → the branch committee sets each member's grade (组织评定) from the ballots and daily conduct
 * → each member is told in writing → the results are filed (备案) with the higher committee.
 *
 * - Who takes part: every member on the roll, full or probationary (`appraisalParticipants`).
 * - `checkBallot`: what is wrong with a ballot typed in from paper, before it is saved.
 * - `tallyAppraisal`: the votes per member, a suggested grade, the 优秀 limit and the participation.
 * - `checkResults`: what the committee decided, checked before the members are told.
 * - `appraisalStatistics`: the figures of the report to the higher committee.
 *
 * The suggested grade is only a starting point for the committee, which also weighs daily conduct.
 * 合格 is the default; a grade on either side of it needs more than half of all the ballots cast:
 *   1. 不合格 when 不合格 votes are more than half of the ballots; the member is then also flagged as a
 *      不合格 candidate (不合格党员考察对象) for the committee to examine;
 *   2. otherwise 基本合格 when 基本合格 and 不合格 votes together are more than half of the ballots;
 *   3. 优秀 when 优秀 votes are more than half of the ballots;
 *   4. otherwise 合格; no suggestion at all when no ballot grades the member.
 * Not simply the grade with most votes: with four grades a plurality can be small (4 优秀, 3 合格,
 * 3 基本合格 of 10 ballots would make 优秀 a member six of ten did not call 优秀), 优秀 is a limited
 * honour, and 基本合格 and 不合格 have consequences. A ballot leaving a member ungraded (未评) counts
 * for neither side, so it keeps the member at 合格. The two majorities of 1–3 cannot both hold.
 */
import { APPRAISAL_GRADES, type AppraisalDoc, type AppraisalGrade, type PersonDoc } from '../model';

export type AppraisalStage = AppraisalDoc['stage'];
export type AppraisalBallot = AppraisalDoc['ballots'][number];
export type AppraisalResult = AppraisalDoc['results'][number];

export const APPRAISAL_GRADE_LABELS: Record<AppraisalGrade, string> = {
  excellent: '优秀',
  qualified: '合格',
  'basically-qualified': '基本合格',
  unqualified: '不合格',
};

/** The stages' names, in the order they happen: the order of the model's stage enum. */
export const APPRAISAL_STAGE_LABELS: Record<AppraisalStage, string> = {
  study: '学习',
  'self-review': '个人自评',
  'mutual-review': '党员互评',
  ballot: '民主测评',
  grading: '组织评定',
  notified: '结果通知',
  filed: '备案',
};

export interface AppraisalStageInfo {
  stage: AppraisalStage;
  name: string;
}

/** The stages in order (string keys keep the order they were written in). */
export const APPRAISAL_STAGES: readonly AppraisalStageInfo[] = (Object.keys(APPRAISAL_STAGE_LABELS) as AppraisalStage[]).map((stage) => ({
  stage,
  name: APPRAISAL_STAGE_LABELS[stage],
}));

/** 1 for 学习 … 7 for 备案. */
export function appraisalStageNumber(stage: AppraisalStage): number {
  return APPRAISAL_STAGES.findIndex((s) => s.stage === stage) + 1;
}

export interface AppraisalConfig {
  /** 优秀 is normally limited to about this share of the participants (domain reference §3, configurable). */
  excellentShare: number;
}

export const DEFAULT_APPRAISAL_CONFIG: AppraisalConfig = { excellentShare: 1 / 3 };

/** What the roster must say about a person to decide whether they take part. */
export type AppraisalPerson = Pick<PersonDoc, 'id' | 'name' | 'status' | 'onRoll' | 'archived' | 'joinedOn'>;
/** A member taking part, as ballots, tallies and forms name them. */
export type AppraisalParticipant = Pick<PersonDoc, 'id' | 'name' | 'status'>;

/**
 * The members who take part in the appraisal of `year`, in the order given: on the roll, full or
 * probationary (probationary members take part), not archived. Someone admitted (joinedOn) after the
 * year ended was not a member during it and is left out of that year's appraisal.
 */
export function appraisalParticipants<P extends AppraisalPerson>(people: readonly P[], year: number): P[] {
  const yearEnd = `${year}-12-31`;
  return people.filter(
    (p) => p.onRoll && !p.archived && (p.status === 'full' || p.status === 'probationary') && !(p.joinedOn && p.joinedOn > yearEnd),
  );
}

export interface AppraisalCheck {
  /** The ballot or the results cannot be saved or used as they are. */
  errors: string[];
  /** Allowed, but the secretary should know. */
  warnings: string[];
}

const GRADE_SET: ReadonlySet<string> = new Set(APPRAISAL_GRADES);
const isGrade = (value: unknown): value is AppraisalGrade => typeof value === 'string' && GRADE_SET.has(value);

/**
 * The problems of one ballot typed in from paper: errors for a grade given to someone not taking
 * part, a member graded more than once, an unknown grade, an empty ballot; a warning naming the
 * members the ballot leaves ungraded (allowed: they count as 未评 on this ballot).
 */
export function checkBallot(ballot: AppraisalBallot, participants: readonly AppraisalParticipant[]): AppraisalCheck {
  const errors: string[] = [];
  const warnings: string[] = [];
  if (ballot.grades.length === 0) {
    errors.push('这张测评票没有评定任何党员的等次（空票）。请对照纸质票重新录入；纸质票确实是空白的，不要录入。');
    return { errors, warnings };
  }
  const names = new Map(participants.map((p) => [p.id, p.name]));
  const given = new Map<string, string[]>();
  ballot.grades.forEach((entry, index) => {
    const name = names.get(entry.personId);
    if (name === undefined) {
      errors.push(`第${index + 1}项评定的人员不在本次参评党员名单中（可能已转出、去世，或不是党员），请删去这一项。`);
    } else if (!isGrade(entry.grade)) {
      errors.push(`${name}的等次无法识别，请在优秀、合格、基本合格、不合格中选一个。`);
    } else {
      given.set(entry.personId, [...(given.get(entry.personId) ?? []), APPRAISAL_GRADE_LABELS[entry.grade]]);
    }
  });
  for (const [personId, labels] of given) {
    if (labels.length < 2) continue;
    errors.push(
      `${names.get(personId)}在这张票上被评了${labels.length}次（${labels.join('、')}），每名党员只能评一个等次。请对照纸质票改正；纸质票上同一人选了几个等次的，该党员在这张票上按“未评”处理，删去这几项。`,
    );
  }
  const ungraded = participants.filter((p) => !given.has(p.id));
  if (ungraded.length > 0) {
    warnings.push(`这张测评票没有评定${ungraded.length}名党员的等次：${ungraded.map((p) => p.name).join('、')}。他们在这张票上按“未评”统计。`);
  }
  return { errors, warnings };
}

/** The share, in words a report uses: 三分之一, 四分之一 (halves to fifths); 30% otherwise. */
export function shareText(share: number): string {
  const digits = ['零', '一', '二', '三', '四', '五'];
  for (let denominator = 2; denominator <= 5; denominator += 1) {
    const numerator = Math.round(share * denominator);
    if (numerator >= 1 && numerator < denominator && Math.abs(share - numerator / denominator) < 1e-9) {
      return `${digits[denominator]}分之${digits[numerator]}`;
    }
  }
  return `${Number((share * 100).toFixed(1))}%`;
}

function validConfig(config: AppraisalConfig): AppraisalConfig {
  const share = config.excellentShare;
  if (typeof share !== 'number' || !Number.isFinite(share) || share < 0 || share > 1) {
    throw new RangeError(`优秀名额比例应在0到1之间（例如三分之一），现在是${String(share)}，请在设置中改正。`);
  }
  return config;
}

/**
 * 优秀名额: the participants times the configured share, rounded down (10 members, a third: 3).
 * A branch of two has none. Throws a RangeError for a share outside 0 to 1.
 */
export function excellentLimit(participants: number, config: AppraisalConfig = DEFAULT_APPRAISAL_CONFIG): number {
  // The tolerance keeps 100 × 0.29 at 29: in floating point it is 28.999999999999996.
  return Math.floor(participants * validConfig(config).excellentShare + 1e-9);
}

/** 参评率: ballots returned over members taking part, at most 1; null when nobody takes part. */
export function participationRate(ballots: number, participants: number): number | null {
  return participants === 0 ? null : Math.min(1, ballots / participants);
}

export type GradeVotes = Record<AppraisalGrade | 'ungraded', number>;

export interface MemberTally {
  personId: string;
  name: string;
  /** Votes per grade; `ungraded` (未评): ballots that leave the member ungraded or grade them more than once. */
  votes: GradeVotes;
  /** 优秀 votes over all ballots; null without ballots. */
  excellentShare: number | null;
  /** See the rule at the top of this file; undefined when no ballot grades the member. */
  suggested: AppraisalGrade | undefined;
  /** 不合格 votes from more than half of the ballots: the committee examines the member as a 不合格 candidate. */
  unqualifiedCandidate: boolean;
  /** Why the suggestion, in Chinese. */
  reasons: string[];
}

export interface AppraisalTally {
  participants: number;
  ballots: number;
  /** Ballots with an error of `checkBallot`; counted as described in `notes`. */
  problemBallots: number;
  participationRate: number | null;
  excellentLimit: number;
  /** One per participant, in the order given. */
  members: MemberTally[];
  /** What the committee should know about the tally as a whole, in Chinese. */
  notes: string[];
}

const emptyVotes = (): GradeVotes => ({ excellent: 0, qualified: 0, 'basically-qualified': 0, unqualified: 0, ungraded: 0 });

/** The grade one ballot gives each participant: a grade given once, or 未评. */
function readBallot(ballot: AppraisalBallot): Map<string, AppraisalGrade | 'ungraded'> {
  const read = new Map<string, AppraisalGrade | 'ungraded'>();
  for (const entry of ballot.grades) {
    // Marked twice, or with an unknown grade: 未评 on this ballot, as on paper.
    read.set(entry.personId, read.has(entry.personId) || !isGrade(entry.grade) ? 'ungraded' : entry.grade);
  }
  return read;
}

function suggest(votes: GradeVotes, ballots: number): Pick<MemberTally, 'suggested' | 'unqualifiedCandidate' | 'reasons'> {
  const graded = ballots - votes.ungraded;
  if (graded === 0) {
    return { suggested: undefined, unqualifiedCandidate: false, reasons: ['没有测评票评定该党员的等次，请支部委员会根据平时表现评定。'] };
  }
  const half = `测评票${ballots}张的半数`;
  const reasons: string[] = [];
  let suggested: AppraisalGrade;
  if (votes.unqualified * 2 > ballots) {
    suggested = 'unqualified';
    reasons.push(`不合格票${votes.unqualified}张，超过${half}，列为不合格党员考察对象，由支部委员会结合平时表现研究评定。`);
  } else if ((votes['basically-qualified'] + votes.unqualified) * 2 > ballots) {
    suggested = 'basically-qualified';
    reasons.push(`基本合格和不合格票共${votes['basically-qualified'] + votes.unqualified}张，超过${half}。`);
  } else if (votes.excellent * 2 > ballots) {
    suggested = 'excellent';
    reasons.push(`优秀票${votes.excellent}张，超过${half}。`);
  } else {
    suggested = 'qualified';
    reasons.push(`优秀票${votes.excellent}张，基本合格和不合格票共${votes['basically-qualified'] + votes.unqualified}张，都没有超过${half}。`);
  }
  if (votes.ungraded * 2 > ballots) reasons.push(`有${votes.ungraded}张测评票未评该党员，超过半数，请支部委员会结合平时表现评定。`);
  return { suggested, unqualifiedCandidate: suggested === 'unqualified', reasons };
}

/**
 * The ballots counted per member, with a suggested grade each (rule at the top of this file), the
 * 优秀 limit and the participation rate. Every ballot counts as one member taking part; on each
 * ballot a grade for someone not taking part is left out, and a member graded more than once, or
 * not at all, is 未评. Throws a RangeError for a share outside 0 to 1.
 */
export function tallyAppraisal(
  ballots: readonly AppraisalBallot[],
  participants: readonly AppraisalParticipant[],
  config: AppraisalConfig = DEFAULT_APPRAISAL_CONFIG,
): AppraisalTally {
  const limit = excellentLimit(participants.length, config);
  const votes = new Map(participants.map((p) => [p.id, emptyVotes()]));
  let problemBallots = 0;
  for (const ballot of ballots) {
    if (checkBallot(ballot, participants).errors.length > 0) problemBallots += 1;
    const read = readBallot(ballot);
    for (const p of participants) votes.get(p.id)![read.get(p.id) ?? 'ungraded'] += 1;
  }

  const members: MemberTally[] = participants.map((p) => {
    const v = votes.get(p.id)!;
    return {
      personId: p.id,
      name: p.name,
      votes: v,
      excellentShare: ballots.length === 0 ? null : v.excellent / ballots.length,
      ...suggest(v, ballots.length),
    };
  });

  const notes: string[] = [];
  if (participants.length === 0) notes.push('没有参评党员，无法统计。请先在花名册中核对党员的身份和在册情况。');
  else if (ballots.length === 0) notes.push('还没有录入测评票。');
  if (participants.length > 0 && ballots.length > participants.length) {
    notes.push(
      `录入测评票${ballots.length}张，多于参评党员${participants.length}人，参评率按100%计。每名党员只投一张票，请核对是否多收或重复录入了测评票。`,
    );
  }
  if (problemBallots > 0) {
    notes.push(
      `有${problemBallots}张测评票存在录入问题。统计时，同一人被评了几次的按未评计，不在参评名单中的人员不计，空票只计入收回票数。请对照纸质票改正。`,
    );
  }
  const excellent = members.filter((m) => m.suggested === 'excellent');
  if (excellent.length > limit) {
    notes.push(
      `按测评票建议评为优秀的有${excellent.length}人，超过优秀名额${limit}人（参评党员${participants.length}人的${shareText(config.excellentShare)}，小数部分不计）。请支部委员会结合平时表现确定。`,
    );
  }
  const candidates = members.filter((m) => m.unqualifiedCandidate);
  if (candidates.length > 0) {
    notes.push(`${candidates.map((m) => m.name).join('、')}的不合格票超过测评票的半数，列为不合格党员考察对象，由支部委员会结合平时表现研究评定。`);
  }

  return {
    participants: participants.length,
    ballots: ballots.length,
    problemBallots,
    participationRate: participationRate(ballots.length, participants.length),
    excellentLimit: limit,
    members,
    notes,
  };
}

/** A follow-up the note of a 不合格 result must state: 整改, 限期改正, or what comes after (劝退, 除名). */
const FOLLOW_UP = /整改|限期|改正|劝退|劝其退党|除名/;

/**
 * The grades the branch committee set, checked before the members are told: errors for a member
 * with no grade, a member graded twice, a grade for someone not taking part, a 不合格 without a
 * follow-up (整改 / 限期改正) in its note; a warning for more 优秀 than the limit, which is the
 * norm, not an absolute rule. Throws a RangeError for a share outside 0 to 1.
 */
export function checkResults(
  results: readonly AppraisalResult[],
  participants: readonly AppraisalParticipant[],
  config: AppraisalConfig = DEFAULT_APPRAISAL_CONFIG,
): AppraisalCheck {
  const errors: string[] = [];
  const warnings: string[] = [];
  const names = new Map(participants.map((p) => [p.id, p.name]));
  const byPerson = new Map<string, AppraisalResult[]>();
  results.forEach((result, index) => {
    if (!names.has(result.personId)) {
      errors.push(`第${index + 1}条评定结果的人员不在本次参评党员名单中（可能已转出、去世，或不是党员），请删去这一条。`);
    } else {
      byPerson.set(result.personId, [...(byPerson.get(result.personId) ?? []), result]);
    }
  });

  for (const [personId, list] of byPerson) {
    if (list.length > 1) {
      errors.push(`${names.get(personId)}有${list.length}条评定结果（${list.map((r) => APPRAISAL_GRADE_LABELS[r.grade] ?? r.grade).join('、')}），每名党员只评定一个等次，请删去多余的。`);
    }
  }

  const ungraded = participants.filter((p) => !byPerson.has(p.id));
  if (ungraded.length > 0) {
    errors.push(`还有${ungraded.length}名党员没有评定等次：${ungraded.map((p) => p.name).join('、')}。请支部委员会评定后再通知本人。`);
  }

  for (const [personId, list] of byPerson) {
    // Domain reference §3: 不合格 members are educated and given a deadline to improve.
    if (list.some((r) => r.grade === 'unqualified' && !FOLLOW_UP.test(r.note ?? ''))) {
      errors.push(`${names.get(personId)}评定为不合格，备注中还没有写明处置意见。不合格党员应当进行教育、限期改正，请写明整改要求和期限，例如“限期六个月整改”。`);
    }
  }

  const limit = excellentLimit(participants.length, config);
  const excellent = [...byPerson.values()].filter((list) => list.some((r) => r.grade === 'excellent')).length;
  if (excellent > limit) {
    warnings.push(
      `评定为优秀的有${excellent}人，超过优秀名额${limit}人（参评党员${participants.length}人的${shareText(config.excellentShare)}，小数部分不计）。优秀等次一般不超过这个比例，请核减。`,
    );
  }
  return { errors, warnings };
}

export interface AppraisalStatistics {
  /** 参评党员: members taking part, by status. */
  participants: number;
  full: number;
  probationary: number;
  /** 收回测评票: one per member who took part in the 民主测评. */
  ballots: number;
  /** Ballots over participants, at most 1; null when nobody takes part. */
  participationRate: number | null;
  /** Members per grade set by the committee; each member counted once. */
  counts: Record<AppraisalGrade, number>;
  /** Participants with no grade yet. */
  ungraded: number;
  /** Each grade's count over the participants; null when nobody takes part. */
  shares: Record<AppraisalGrade, number | null>;
}

/**
 * The figures of the report to the higher committee (domain reference §6: participants, rate,
 * grades). Results for people not taking part are left out; a member with more than one result (an
 * error `checkResults` reports) is counted once, by the last.
 */
export function appraisalStatistics(
  appraisal: Pick<AppraisalDoc, 'ballots' | 'results'>,
  participants: readonly AppraisalParticipant[],
): AppraisalStatistics {
  const grades = new Map<string, AppraisalGrade>();
  const ids = new Set(participants.map((p) => p.id));
  for (const r of appraisal.results) if (ids.has(r.personId) && isGrade(r.grade)) grades.set(r.personId, r.grade);

  const counts: Record<AppraisalGrade, number> = { excellent: 0, qualified: 0, 'basically-qualified': 0, unqualified: 0 };
  for (const grade of grades.values()) counts[grade] += 1;
  const total = participants.length;
  const share = (n: number) => (total === 0 ? null : n / total);
  return {
    participants: total,
    full: participants.filter((p) => p.status === 'full').length,
    probationary: participants.filter((p) => p.status === 'probationary').length,
    ballots: appraisal.ballots.length,
    participationRate: participationRate(appraisal.ballots.length, total),
    counts,
    ungraded: total - grades.size,
    shares: { excellent: share(counts.excellent), qualified: share(counts.qualified), 'basically-qualified': share(counts['basically-qualified']), unqualified: share(counts.unqualified) },
  };
}
