/**
 * Meetings (domain reference §2): what a record still lacks before it can be finalized, and whether a
 * branch held the 三会一课 and the other required meetings in a period.
 *
 * Completeness (`meetingGaps`) follows the list of §2 "A complete minute has…": kind, date and time,
 * place, host, recorder, attendance with each absentee's reason, agenda, speeches (per candidate when
 * votes on people are taken), decisions, the form and result of each vote. What the record cannot
 * hold is left to paper: the counts of 正式/预备 members and 应到/实到 come from the attendance and
 * the roster when printing, the signatures of host and recorder are written on the print.
 *
 * Compliance (`threeMeetingsCompliance`) counts a meeting as held when its record exists with a date,
 * draft or final: a meeting took place even if its minutes are not finalized yet (`meetingGaps` is
 * what nags about that); a slot held only by drafts says so.
 */
import { isValidDate } from '../dates';
import type { MeetingDoc, MeetingKind, OrgDoc } from '../model';
import { checkVoteNumbers, type VoteInput } from './votes';

export const MEETING_KIND_LABELS: Record<MeetingKind, string> = {
  assembly: '支部党员大会',
  committee: '支部委员会会议',
  group: '党小组会',
  lecture: '党课',
  'theme-day': '主题党日',
  'life-meeting': '组织生活会',
  appraisal: '民主评议党员',
};

// ─── Completeness of one record ──────────────────────────────────────────────────────────────────

export type MeetingGapField = 'date' | 'time' | 'place' | 'host' | 'recorder' | 'group' | 'attendance' | 'agenda' | 'speeches' | 'decisions' | 'votes';

export interface MeetingGap {
  field: MeetingGapField;
  /** What to add or correct, in Chinese. */
  message: string;
  /** The attendance row concerned. */
  personId?: string;
  /** The agenda item concerned (0-based). */
  agendaIndex?: number;
  /** The vote concerned (0-based). */
  voteIndex?: number;
  /** The domain rule behind the gap, when there is one. */
  rule?: 'R-VOTE-EACH' | 'R-VOTE-EXPECTED' | 'R-VOTE-QUORUM' | 'R-VOTE-WRITTEN';
}

export interface MeetingGapContext {
  /** personId → name, to name people in messages; without it they are called 该党员. */
  names?: Readonly<Record<string, string>>;
  /**
   * The full members with voting rights on the roll on the meeting day. When given, the numbers of
   * each vote of a 支部党员大会 are checked against the attendance (R-VOTE-EXPECTED…).
   */
  fullMemberIds?: readonly string[];
}

/** Kinds whose minutes must record what was decided; a 党课 or a 主题党日 may decide nothing. */
const DECIDING_KINDS: readonly MeetingKind[] = ['assembly', 'committee', 'appraisal'];
/** Votes on people, taken only by the 支部党员大会, one person at a time. */
const PERSON_MOTIONS: readonly string[] = ['admit', 'confirm', 'extend'];
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

type Vote = MeetingDoc['votes'][number];

/** What the record still lacks, in the order of the printed minutes; empty when it is complete. */
export function meetingGaps(meeting: MeetingDoc, context: MeetingGapContext = {}): MeetingGap[] {
  const gaps: MeetingGap[] = [];
  const nameOf = (personId: string) => context.names?.[personId] ?? '该党员';

  if (!isValidDate(meeting.date)) gaps.push({ field: 'date', message: '请填写会议日期，格式为 年-月-日，例如 2026-03-15' });
  gaps.push(...timeGaps(meeting));
  if (!filled(meeting.place)) gaps.push({ field: 'place', message: '请填写会议地点' });
  if (!filled(meeting.hostName) && !meeting.hostId) gaps.push({ field: 'host', message: '请填写主持人' });
  if (!filled(meeting.recorderName) && !meeting.recorderId) gaps.push({ field: 'recorder', message: '请填写记录人' });
  if (meeting.kind === 'group' && !meeting.groupId) gaps.push({ field: 'group', message: '请选择召开会议的党小组' });

  if (meeting.attendance.length === 0) gaps.push({ field: 'attendance', message: '请登记出席情况：逐人标明出席、缺席或请假' });
  else if (!meeting.attendance.some((row) => row.state === 'present')) gaps.push({ field: 'attendance', message: '出席登记中没有一人出席，请核对' });
  const seen = new Set<string>();
  for (const row of meeting.attendance) {
    if (seen.has(row.personId)) gaps.push({ field: 'attendance', personId: row.personId, message: `${nameOf(row.personId)}登记了两次，请删去一行` });
    seen.add(row.personId);
    if ((row.state === 'absent' || row.state === 'leave') && !filled(row.reason)) {
      gaps.push({ field: 'attendance', personId: row.personId, message: `请填写${nameOf(row.personId)}${row.state === 'leave' ? '请假' : '缺席'}的原因` });
    }
  }

  if (meeting.agenda.length === 0) gaps.push({ field: 'agenda', message: '请填写会议议程' });
  meeting.agenda.forEach((item, agendaIndex) => {
    const title = item.title.trim();
    if (title === '') gaps.push({ field: 'agenda', agendaIndex, message: `第${agendaIndex + 1}项议程请填写题目` });
    const speeches = item.speeches ?? [];
    if (speeches.length === 0) gaps.push({ field: 'speeches', agendaIndex, message: `请记录${title ? `“${title}”` : `第${agendaIndex + 1}项议程`}的发言情况` });
    for (const speech of speeches) {
      if (!filled(speech.text)) gaps.push({ field: 'speeches', agendaIndex, message: `请填写${speech.speakerName.trim() || '发言人'}的发言内容` });
    }
  });

  const decided = meeting.decisions?.some(filled) || meeting.agenda.some((item) => filled(item.decision));
  if (DECIDING_KINDS.includes(meeting.kind) && !decided) gaps.push({ field: 'decisions', message: `请填写${MEETING_KIND_LABELS[meeting.kind]}作出的决定` });

  meeting.votes.forEach((vote, voteIndex) => gaps.push(...voteGaps(meeting, vote, voteIndex, context)));
  return gaps;
}

function timeGaps(meeting: MeetingDoc): MeetingGap[] {
  const gaps: MeetingGap[] = [];
  const check = (value: string | undefined, which: string) => {
    if (!filled(value)) gaps.push({ field: 'time', message: `请填写会议${which}时间` });
    else if (!TIME.test(value)) gaps.push({ field: 'time', message: `会议${which}时间应写成 时:分，例如 09:00` });
  };
  check(meeting.startTime, '开始');
  check(meeting.endTime, '结束');
  if (gaps.length === 0 && meeting.endTime! <= meeting.startTime!) gaps.push({ field: 'time', message: '会议结束时间应晚于开始时间' });
  return gaps;
}

function voteGaps(meeting: MeetingDoc, vote: Vote, voteIndex: number, context: MeetingGapContext): MeetingGap[] {
  const gaps: MeetingGap[] = [];
  const subject = vote.subject.trim();
  const what = subject ? `“${subject}”` : `第${voteIndex + 1}项表决`;
  const add = (message: string, rule?: MeetingGap['rule']) => gaps.push(rule ? { field: 'votes', voteIndex, message, rule } : { field: 'votes', voteIndex, message });

  if (!subject) add(`第${voteIndex + 1}项表决请写明表决事项或对象`);
  if (PERSON_MOTIONS.includes(vote.motion)) {
    if (meeting.kind !== 'assembly') add(`接收预备党员、预备党员转正和延长预备期须由支部党员大会表决，不能在${MEETING_KIND_LABELS[meeting.kind]}上表决`);
    // R-VOTE-EACH: each candidate is discussed and voted on separately.
    if (!vote.aboutPersonId) add(`请选择${what}表决所涉及的党员：每人单独表决`, 'R-VOTE-EACH');
    else if (!meeting.agenda.some((item) => (item.speeches ?? []).some((s) => s.aboutPersonId === vote.aboutPersonId))) {
      add(`请记录讨论${subject || '该同志'}时与会同志的发言：每人单独讨论`, 'R-VOTE-EACH');
    }
  }
  const counted = vote.yes + vote.no + vote.abstain + (vote.writtenYes ?? 0) + (vote.writtenNo ?? 0) + (vote.writtenAbstain ?? 0);
  if (counted === 0) add(`请填写${what}的表决结果：赞成、反对、弃权各多少票`);
  if (vote.method === 'ballot' && (vote.ballotsIssued === undefined || vote.ballotsReturned === undefined)) add(`${what}为无记名投票，请填写发出和收回的选票数`);

  if (context.fullMemberIds && meeting.kind === 'assembly') {
    for (const problem of checkVoteNumbers(meetingVoteInput(meeting, vote, context.fullMemberIds))) add(problem.message, ruleOfVoteField(problem.field));
  } else if (vote.ballotsIssued !== undefined && vote.ballotsReturned !== undefined && vote.ballotsReturned > vote.ballotsIssued) {
    add(`${what}收回选票${vote.ballotsReturned}张，多于发出的${vote.ballotsIssued}张，这次投票无效，应当重新投票`);
  }
  return gaps;
}

/** The numbers of a recorded vote, with the voting members present read from the attendance. */
export function meetingVoteInput(meeting: MeetingDoc, vote: Vote, fullMemberIds: readonly string[]): VoteInput {
  const voters = new Set(fullMemberIds);
  const presentVoting = new Set(meeting.attendance.filter((row) => row.state === 'present' && voters.has(row.personId)).map((row) => row.personId)).size;
  const input: VoteInput = {
    motion: vote.motion,
    fullMembers: voters.size,
    excluded: vote.excluded ?? 0,
    presentVoting,
    yes: vote.yes,
    no: vote.no,
    abstain: vote.abstain,
  };
  for (const key of ['writtenYes', 'writtenNo', 'writtenAbstain', 'ballotsIssued', 'ballotsReturned'] as const) {
    if (vote[key] !== undefined) input[key] = vote[key];
  }
  return input;
}

function ruleOfVoteField(field: keyof VoteInput): MeetingGap['rule'] {
  if (field === 'excluded' || field === 'presentVoting') return 'R-VOTE-EXPECTED';
  if (field === 'writtenYes' || field === 'writtenNo' || field === 'writtenAbstain') return 'R-VOTE-WRITTEN';
  return undefined;
}

function filled(text: string | undefined): text is string {
  return text !== undefined && text.trim() !== '';
}

// ─── 三会一课 compliance over a period ────────────────────────────────────────────────────────────

export type MeetingFrequency = 'month' | 'quarter' | 'year';

/** How often each kind is required (domain reference §2). */
export const MEETING_FREQUENCIES: Record<MeetingKind, MeetingFrequency> = {
  assembly: 'quarter',
  committee: 'month',
  group: 'month',
  lecture: 'quarter',
  'theme-day': 'month',
  'life-meeting': 'year',
  appraisal: 'year',
};

const FREQUENCY_LABELS: Record<MeetingKind, string> = {
  assembly: '每季度至少召开一次',
  committee: '每月召开一次',
  group: '每月召开一次',
  lecture: '每季度至少上一次',
  'theme-day': '每月开展一次',
  'life-meeting': '每年召开一次',
  appraisal: '每年开展一次',
};

/** A calendar month, quarter or year. */
export interface CalendarBucket {
  /** '2026-03', '2026-Q1', '2026'. */
  key: string;
  /** '2026年3月', '2026年第一季度', '2026年'. */
  label: string;
  from: string;
  to: string;
}

/**
 * - held: at least one meeting of the kind dated in the bucket, on or before the period's end.
 * - missing: none, and the bucket ended within the period.
 * - open: none yet, but the bucket runs past the period's end: there is still time.
 */
export type ComplianceStatus = 'held' | 'missing' | 'open';

export interface ComplianceSlot {
  kind: MeetingKind;
  groupId?: string;
  bucket: CalendarBucket;
  status: ComplianceStatus;
  /** The meetings that count, in date order. */
  meetingIds: string[];
  /** Held, but every record that counts is still a draft. */
  draftOnly: boolean;
  message: string;
}

export interface RequiredMeeting {
  kind: MeetingKind;
  groupId?: string;
  /** '支部委员会会议', '党小组会（第一党小组）'. */
  label: string;
  frequency: MeetingFrequency;
  /** '每月召开一次'. */
  rule: string;
  slots: ComplianceSlot[];
  held: number;
  missing: number;
  open: number;
}

export interface ComplianceReport {
  period: { from: string; to: string };
  required: RequiredMeeting[];
  /** Every missing slot, earliest first: what the 首页 reminds of. */
  missing: ComplianceSlot[];
  /** Slots still open at the period's end, earliest first. */
  open: ComplianceSlot[];
  totals: { slots: number; held: number; missing: number; open: number };
  /** 党小组会 records without a known group: they count for no group until one is chosen. */
  groupMeetingsWithoutGroup: string[];
}

export interface ComplianceOptions {
  /**
   * Whether the branch has a 支部委员会 (7 or more full members). Without one there is no 支委会 to
   * hold: a secretary alone runs the branch. Default true.
   */
  hasCommittee?: boolean;
}

/**
 * Which required meetings were held in each calendar month, quarter or year that overlaps the period.
 *
 * - A bucket is whole: a meeting held anywhere in it counts, even before `period.from` (one 党员大会 in
 *   January keeps the first quarter for a period starting in February). Pass the meetings of the
 *   whole buckets, or those of the period only to judge it on its own.
 * - `period.to` is "as of": meetings dated after it have not happened yet and do not count; a bucket
 *   running past it is `open` rather than `missing`. For the 首页, pass today.
 * - Records count when draft or final with a valid date; 党小组会 count for the group they name.
 * - Not checked here: that the secretary gives at least one 党课 a year (the record names the
 *   lecturer only as free text).
 */
export function threeMeetingsCompliance(
  meetings: readonly MeetingDoc[],
  period: { from: string; to: string },
  groups: readonly { id: string; name: string }[],
  options: ComplianceOptions = {},
): ComplianceReport {
  if (!isValidDate(period.from) || !isValidDate(period.to)) throw new RangeError('统计期间的开始和结束日期应写成 年-月-日，例如 2026-01-01');
  if (period.from > period.to) throw new RangeError(`统计期间的开始日期 ${period.from} 晚于结束日期 ${period.to}，请调换`);

  const counting = meetings
    .filter((m) => (m.status === 'final' || m.status === 'draft') && isValidDate(m.date) && m.date <= period.to)
    .sort((a, b) => a.date.localeCompare(b.date));
  const requirements: { kind: MeetingKind; groupId?: string; label: string }[] = [
    { kind: 'assembly', label: MEETING_KIND_LABELS.assembly },
    ...(options.hasCommittee === false ? [] : [{ kind: 'committee' as const, label: MEETING_KIND_LABELS.committee }]),
    ...groups.map((g) => ({ kind: 'group' as const, groupId: g.id, label: `${MEETING_KIND_LABELS.group}（${g.name}）` })),
    { kind: 'lecture', label: MEETING_KIND_LABELS.lecture },
    { kind: 'theme-day', label: MEETING_KIND_LABELS['theme-day'] },
    { kind: 'life-meeting', label: MEETING_KIND_LABELS['life-meeting'] },
    { kind: 'appraisal', label: MEETING_KIND_LABELS.appraisal },
  ];

  const required = requirements.map((requirement): RequiredMeeting => {
    const frequency = MEETING_FREQUENCIES[requirement.kind];
    const ofKind = counting.filter((m) => m.kind === requirement.kind && (requirement.groupId === undefined || m.groupId === requirement.groupId));
    const slots = calendarBuckets(period, frequency).map((bucket) => slotOf(requirement, bucket, ofKind, period.to));
    return {
      ...requirement,
      frequency,
      rule: FREQUENCY_LABELS[requirement.kind],
      slots,
      held: slots.filter((s) => s.status === 'held').length,
      missing: slots.filter((s) => s.status === 'missing').length,
      open: slots.filter((s) => s.status === 'open').length,
    };
  });

  const all = required.flatMap((r) => r.slots);
  const byDate = (a: ComplianceSlot, b: ComplianceSlot) => a.bucket.to.localeCompare(b.bucket.to);
  const firstDay = `${period.from.slice(0, 7)}-01`;
  return {
    period: { from: period.from, to: period.to },
    required,
    missing: all.filter((s) => s.status === 'missing').sort(byDate),
    open: all.filter((s) => s.status === 'open').sort(byDate),
    totals: {
      slots: all.length,
      held: all.filter((s) => s.status === 'held').length,
      missing: all.filter((s) => s.status === 'missing').length,
      open: all.filter((s) => s.status === 'open').length,
    },
    groupMeetingsWithoutGroup: counting
      .filter((m) => m.kind === 'group' && m.date >= firstDay && !groups.some((g) => g.id === m.groupId))
      .map((m) => m.id),
  };
}

function slotOf(requirement: { kind: MeetingKind; groupId?: string; label: string }, bucket: CalendarBucket, ofKind: readonly MeetingDoc[], asOf: string): ComplianceSlot {
  const held = ofKind.filter((m) => m.date >= bucket.from && m.date <= bucket.to);
  const status: ComplianceStatus = held.length > 0 ? 'held' : bucket.to > asOf ? 'open' : 'missing';
  const draftOnly = held.length > 0 && held.every((m) => m.status === 'draft');
  const rule = FREQUENCY_LABELS[requirement.kind];
  const message =
    status === 'held'
      ? `${bucket.label}已召开${requirement.label}${held.length > 1 ? `${held.length}次` : ''}${draftOnly ? '，会议记录尚未定稿' : ''}。`
      : status === 'missing'
        ? `${bucket.label}未召开${requirement.label}（按规定${rule}）。`
        : `${bucket.label}尚未召开${requirement.label}，请在 ${bucket.to} 前召开。`;
  const slot: ComplianceSlot = { kind: requirement.kind, bucket, status, meetingIds: held.map((m) => m.id), draftOnly, message };
  if (requirement.groupId !== undefined) slot.groupId = requirement.groupId;
  return slot;
}

const QUARTER_NAMES = ['一', '二', '三', '四'] as const;

/** The calendar months, quarters or years that overlap the period, in order. */
export function calendarBuckets(period: { from: string; to: string }, frequency: MeetingFrequency): CalendarBucket[] {
  const [fromYear, fromMonth] = yearMonth(period.from);
  const [toYear, toMonth] = yearMonth(period.to);
  const step = frequency === 'month' ? 1 : frequency === 'quarter' ? 3 : 12;
  // The first month of the bucket holding period.from.
  let year = fromYear;
  let month = frequency === 'month' ? fromMonth : frequency === 'quarter' ? fromMonth - ((fromMonth - 1) % 3) : 1;
  const buckets: CalendarBucket[] = [];
  while (year < toYear || (year === toYear && month <= toMonth)) {
    const lastMonth = month + step - 1;
    const from = `${year}-${pad(month)}-01`;
    const to = `${year}-${pad(lastMonth)}-${pad(new Date(Date.UTC(year, lastMonth, 0)).getUTCDate())}`;
    if (frequency === 'month') buckets.push({ key: `${year}-${pad(month)}`, label: `${year}年${month}月`, from, to });
    else if (frequency === 'quarter') {
      const quarter = (month - 1) / 3;
      buckets.push({ key: `${year}-Q${quarter + 1}`, label: `${year}年第${QUARTER_NAMES[quarter]}季度`, from, to });
    } else buckets.push({ key: `${year}`, label: `${year}年`, from, to });
    month += step;
    if (month > 12) {
      month -= 12;
      year += 1;
    }
  }
  return buckets;
}

function yearMonth(date: string): [number, number] {
  const [year, month] = date.split('-').map(Number) as [number, number];
  return [year, month];
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

// ─── Each member's attendance over a period ──────────────────────────────────────────────────────

export interface AttendanceRate {
  personId: string;
  /** Meetings the person was expected at (listed in the attendance). */
  expected: number;
  present: number;
  /** 送学上门: the meeting taken to a homebound member; counts as taking part. */
  homeStudy: number;
  leave: number;
  absent: number;
  /** (present + homeStudy) / expected; null when the person was expected nowhere. */
  rate: number | null;
}

/**
 * Per person, over the meetings given (filter them to the period first), lowest rate first.
 *
 * `homeStudy` (homeStudyCredits of rules/care): the 送学上门 records naming a meeting. A person marked
 * 缺席 or 请假 at a meeting whose material was taken to him counts as homeStudy, i.e. as taking part,
 * as if the attendance said 送学上门; a meeting needs its `id` for this. A credit for someone the
 * attendance does not list adds nothing: the attendance says who was expected. Without `homeStudy`
 * the attendance alone counts.
 */
export function attendanceRates(
  meetings: readonly (Pick<MeetingDoc, 'attendance'> & Partial<Pick<MeetingDoc, 'id'>>)[],
  personIds: readonly string[],
  homeStudy: readonly { personId: string; meetingId: string }[] = [],
): AttendanceRate[] {
  const rows = new Map(personIds.map((id) => [id, { personId: id, expected: 0, present: 0, homeStudy: 0, leave: 0, absent: 0, rate: null as number | null }]));
  const credited = new Set(homeStudy.map((c) => `${c.personId}\u0000${c.meetingId}`));
  for (const meeting of meetings) {
    const seen = new Set<string>();
    for (const entry of meeting.attendance) {
      const row = rows.get(entry.personId);
      if (!row || seen.has(entry.personId)) continue;
      seen.add(entry.personId);
      row.expected += 1;
      const takenHome = meeting.id !== undefined && credited.has(`${entry.personId}\u0000${meeting.id}`);
      if (entry.state === 'present') row.present += 1;
      else if (entry.state === 'home-study' || takenHome) row.homeStudy += 1;
      else if (entry.state === 'leave') row.leave += 1;
      else row.absent += 1;
    }
  }
  for (const row of rows.values()) row.rate = row.expected ? (row.present + row.homeStudy) / row.expected : null;
  return [...rows.values()].sort((a, b) => (a.rate ?? 2) - (b.rate ?? 2));
}

/**
 * Whether the branch has a 支部委员会 that must meet monthly: seven or more full members elect one;
 * a smaller branch has one when more than the secretary is recorded on it.
 */
export function hasBranchCommittee(org: Pick<OrgDoc, 'committee'>, fullMembersOnRoll: number): boolean {
  return fullMembersOnRoll >= 7 || org.committee.length > 1;
}
