/**
 * Care of members (domain reference §5): who has not been visited for a while, who is in hospital,
 * whose high birthday is coming, and the 送学上门 that count as taking part in organizational life;
 * with R-LIFE-6M (§4), the members who have stopped taking part in it.
 *
 * Every function takes the care records as stored (shared/model/care.ts) and `today` as an argument;
 * none reads the clock. People are kept to members on the roll (`isMember`): archived people — the
 * deceased included — drop out of every list.
 */
import { addDays, addMonths, addYears, daysBetween, isValidDate } from '../dates';
import { CARE_KINDS, type CareDoc, type CareKind, type MeetingDoc, type PersonDoc } from '../model';
import { isMember } from './roster';

/** The occasions a care record offers (走访慰问 above all); the field stays free text. */
export const CARE_OCCASIONS = ['节日慰问', '生病住院', '困难帮扶', '生日/高龄', '丧事', '其他'] as const;
export type CareOccasion = (typeof CARE_OCCASIONS)[number];

export const CARE_KIND_LABELS: Record<CareKind, string> = {
  visit: '走访慰问',
  'home-study': '送学上门',
  talk: '谈心谈话',
  help: '困难帮扶',
};

/** The occasion of a hospital visit: the member counts as in hospital until a discharge is recorded. */
const IN_HOSPITAL: CareOccasion = '生病住院';
const FUNERAL: CareOccasion = '丧事';

type Member = Pick<PersonDoc, 'id' | 'name' | 'status' | 'onRoll'>;

/** '走访慰问（节日慰问）', or the kind alone when the record names no occasion. */
export function careWhat(record: Pick<CareDoc, 'kind' | 'occasion'>): string {
  const occasion = record.occasion?.trim();
  return occasion ? `${CARE_KIND_LABELS[record.kind]}（${occasion}）` : CARE_KIND_LABELS[record.kind];
}

// ─── The last contact with each member ───────────────────────────────────────────────────────────

export type ContactRecord = Pick<CareDoc, 'id' | 'personId' | 'kind' | 'date' | 'occasion'>;

export interface LastContact {
  personId: string;
  careId: string;
  date: string;
  kind: CareKind;
  occasion?: string;
  /** '走访慰问（节日慰问）'. */
  what: string;
}

/**
 * The latest care record of each person, of any kind (a 谈心谈话 is contact as much as a visit).
 * Records without a valid date are skipped; of two on the same day, the later in the list wins.
 */
export function lastContacts(care: readonly ContactRecord[]): Map<string, LastContact> {
  const last = new Map<string, LastContact>();
  for (const record of care) {
    if (!isValidDate(record.date)) continue;
    const known = last.get(record.personId);
    if (known && known.date > record.date) continue;
    const contact: LastContact = { personId: record.personId, careId: record.id, date: record.date, kind: record.kind, what: careWhat(record) };
    if (record.occasion?.trim()) contact.occasion = record.occasion.trim();
    last.set(record.personId, contact);
  }
  return last;
}

export interface NotContacted {
  personId: string;
  name: string;
  /** The last contact; absent when the member has never been contacted. */
  last?: LastContact;
  /** Days from the last contact to today; absent when never contacted. */
  daysSince?: number;
}

/** How long without any contact before a member is listed, in months. */
export const NOT_CONTACTED_MONTHS = 3;

/**
 * Members with no care record of any kind for `months` months: listed when the last contact is on or
 * before the same day `months` months ago (today 2026-05-20, 3 months: a last contact on 2026-02-20
 * is listed, one on 2026-02-21 is not). Records dated after today have not happened and are ignored.
 * Never contacted first (in the order given), then the longest since first.
 */
export function notContactedFor(members: readonly Member[], care: readonly ContactRecord[], today: string, months = NOT_CONTACTED_MONTHS): NotContacted[] {
  const cutoff = addMonths(today, -months);
  const last = lastContacts(care.filter((r) => r.date <= today));
  const never: NotContacted[] = [];
  const long: NotContacted[] = [];
  for (const member of members) {
    if (!isMember(member)) continue;
    const contact = last.get(member.id);
    if (!contact) never.push({ personId: member.id, name: member.name });
    else if (contact.date <= cutoff) long.push({ personId: member.id, name: member.name, last: contact, daysSince: daysBetween(contact.date, today) });
  }
  return [...never, ...long.sort((a, b) => a.last!.date.localeCompare(b.last!.date))];
}

// ─── In hospital ─────────────────────────────────────────────────────────────────────────────────

export type HospitalRecord = Pick<CareDoc, 'id' | 'personId' | 'date' | 'occasion' | 'dischargedOn'>;

export interface InHospital {
  personId: string;
  /** The first hospital visit after the last recorded discharge: about when the stay began. */
  since: string;
  /** The latest hospital visit. */
  lastVisitOn: string;
  careId: string;
}

/**
 * People in hospital: their latest 生病住院 record has no discharge on or after its date. A record
 * counts as a hospital visit when its occasion is 生病住院 or it carries a discharge date, and a
 * discharge written on any visit of the stay counts (it is often entered on the first visit's record,
 * not on the last). A later 丧事 record ends the stay. Longest stay first. Pass the care records of
 * people on the roll.
 */
export function inHospital(care: readonly HospitalRecord[]): InHospital[] {
  const byPerson = new Map<string, HospitalRecord[]>();
  for (const record of care) {
    if (!isValidDate(record.date)) continue;
    byPerson.set(record.personId, [...(byPerson.get(record.personId) ?? []), record]);
  }
  const result: InHospital[] = [];
  for (const [personId, records] of byPerson) {
    const visits = records.filter((r) => r.occasion?.trim() === IN_HOSPITAL || r.dischargedOn).sort((a, b) => a.date.localeCompare(b.date));
    const latest = visits.at(-1);
    if (!latest) continue;
    const discharged = visits.map((r) => r.dischargedOn).filter((d): d is string => d !== undefined && isValidDate(d)).sort().at(-1);
    if (discharged !== undefined && discharged >= latest.date) continue;
    if (records.some((r) => r.occasion?.trim() === FUNERAL && r.date >= latest.date)) continue;
    const since = visits.find((r) => discharged === undefined || r.date > discharged)!.date;
    result.push({ personId, since, lastVisitOn: latest.date, careId: latest.id });
  }
  return result.sort((a, b) => a.since.localeCompare(b.since) || a.personId.localeCompare(b.personId));
}

// ─── High birthdays ──────────────────────────────────────────────────────────────────────────────

export interface HighBirthday {
  personId: string;
  name: string;
  birthDate: string;
  /** The birthday (a 29 February birthday falls on 28 February in other years, as ageOn counts). */
  date: string;
  /** The age reached that day. */
  age: number;
  daysLeft: number;
}

/** 生日/高龄: the birthdays a branch marks with a visit — 80, 90, 100 and every one after 100. */
export function isHighBirthday(age: number): boolean {
  return age === 80 || age === 90 || age >= 100;
}

/**
 * Members whose 80th, 90th, 100th or later birthday falls within `horizonDays` days counting today
 * (today is day 1: with 365 every birthday appears once), soonest first.
 */
export function highBirthdays(people: readonly (Member & Pick<PersonDoc, 'birthDate'>)[], today: string, horizonDays = 365): HighBirthday[] {
  const end = addDays(today, horizonDays);
  const result: HighBirthday[] = [];
  for (const person of people) {
    if (!isMember(person) || !isValidDate(person.birthDate) || person.birthDate > today) continue;
    const birthYear = Number(person.birthDate.slice(0, 4));
    for (let year = Number(today.slice(0, 4)); year <= Number(end.slice(0, 4)); year++) {
      const age = year - birthYear;
      const date = addYears(person.birthDate, age);
      if (date < today || date >= end || !isHighBirthday(age)) continue;
      result.push({ personId: person.id, name: person.name, birthDate: person.birthDate, date, age, daysLeft: daysBetween(today, date) });
    }
  }
  return result.sort((a, b) => a.date.localeCompare(b.date) || a.name.localeCompare(b.name, 'zh-CN'));
}

// ─── 送学上门 and organizational life ─────────────────────────────────────────────────────────────

export interface HomeStudyCredit {
  personId: string;
  meetingId: string;
}

/**
 * The meetings taken home to members (送学上门 records naming a meeting): each counts as taking part
 * in that meeting (attendanceRates, organizationalLifeGaps). One credit per person and meeting.
 */
export function homeStudyCredits(care: readonly Pick<CareDoc, 'personId' | 'kind' | 'meetingId'>[]): HomeStudyCredit[] {
  const seen = new Set<string>();
  const credits: HomeStudyCredit[] = [];
  for (const record of care) {
    if (record.kind !== 'home-study' || !record.meetingId) continue;
    const key = `${record.personId}\u0000${record.meetingId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    credits.push({ personId: record.personId, meetingId: record.meetingId });
  }
  return credits;
}

/** R-LIFE-6M (domain reference §4): warn from 3 months; at 6 the member is treated as having left. */
export const LIFE_GAP_MONTHS = { warn: 3, past: 6 } as const;

export type LifeGapLevel = 'ok' | 'warn' | 'past';

export interface LifeGap {
  personId: string;
  name: string;
  /** The months counted ('YYYY-MM'), earliest first. */
  months: string[];
  count: number;
  level: LifeGapLevel;
  /**
   * Months from the first counted month to the last ended month that neither count nor break the
   * run: 请假, or no meeting expecting the member.
   */
  skipped: number;
  message: string;
}

type LifeMeeting = Pick<MeetingDoc, 'id' | 'date' | 'attendance' | 'status'>;
type MonthState = 'took-part' | 'missed' | 'excused';

/**
 * R-LIFE-6M: per member, the unbroken run of recent months in which the member took no part in
 * organizational life without good reason. Only members with a run of at least one month are listed,
 * longest run first.
 *
 * A month counts (is "missed") when the branch held meetings expecting the member (listed in the
 * attendance; draft or final records dated up to today) and the member was marked 缺席 ('absent') in
 * every one of them, with no 送学上门 that month and none naming one of those meetings.
 *
 * A month breaks the run when the member took part: present, 送学上门 in the attendance, a 送学上门
 * record naming one of the month's meetings (even if dated later), or any 送学上门 record dated in the
 * month. Taking part in the current month breaks the run too, though only ended months are counted:
 * a member who came this week is not warned about the months before.
 *
 * Neither counting nor breaking (skipped):
 * - a month with no meeting expecting the member: he could not take part, so it cannot count against
 *   him; nor does it clear the months he missed before (the branch not meeting is no participation);
 * - a month in which the member was on 请假 for at least one meeting and attended none: leave is a
 *   good reason, so the month does not count; but it does not reset the run either, or leave asked
 *   once every few months would hide a member who never comes.
 * The run is therefore measured in months missed, not calendar months: a branch that meets every
 * month (the 主题党日 is monthly) sees no difference.
 *
 * The rule itself needs "without good reason", which records alone cannot prove: 'past' asks the
 * branch to verify and decide, it does not decide.
 */
export function organizationalLifeGaps(
  members: readonly Member[],
  meetings: readonly LifeMeeting[],
  care: readonly Pick<CareDoc, 'personId' | 'kind' | 'date' | 'meetingId'>[],
  today: string,
): LifeGap[] {
  const currentMonth = today.slice(0, 7);
  const held = meetings.filter((m) => (m.status === 'draft' || m.status === 'final') && isValidDate(m.date) && m.date <= today);
  const done = care.filter((r) => isValidDate(r.date) && r.date <= today);
  const credited = new Set(homeStudyCredits(done).map((c) => `${c.personId}\u0000${c.meetingId}`));
  const homeStudyMonths = new Set(done.filter((r) => r.kind === 'home-study').map((r) => `${r.personId}\u0000${r.date.slice(0, 7)}`));

  const states = new Map<string, Map<string, MonthState>>();
  const mark = (personId: string, month: string, state: MonthState) => {
    const months = states.get(personId) ?? new Map<string, MonthState>();
    states.set(personId, months);
    const known = months.get(month);
    // Taking part wins over leave, leave over absence.
    if (known === 'took-part' || (known === 'excused' && state === 'missed')) return;
    months.set(month, state);
  };
  for (const meeting of held) {
    const month = meeting.date.slice(0, 7);
    const seen = new Set<string>();
    for (const row of meeting.attendance) {
      if (seen.has(row.personId)) continue;
      seen.add(row.personId);
      const tookPart = row.state === 'present' || row.state === 'home-study' || credited.has(`${row.personId}\u0000${meeting.id}`);
      mark(row.personId, month, tookPart ? 'took-part' : row.state === 'leave' ? 'excused' : 'missed');
    }
  }
  for (const key of homeStudyMonths) {
    const [personId, month] = key.split('\u0000') as [string, string];
    mark(personId, month, 'took-part');
  }

  const lastEnded = previousMonth(currentMonth);
  const gaps: LifeGap[] = [];
  for (const member of members) {
    if (!isMember(member)) continue;
    const months = states.get(member.id);
    if (!months) continue;
    const run: string[] = [];
    for (const month of [...months.keys()].sort().reverse()) {
      const state = months.get(month)!;
      if (state === 'took-part') break;
      if (state === 'missed' && month <= lastEnded) run.unshift(month);
    }
    if (run.length === 0) continue;
    gaps.push(lifeGap(member, run, monthsFromTo(run[0]!, lastEnded) - run.length));
  }
  return gaps.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'zh-CN'));
}

function previousMonth(month: string): string {
  return addMonths(`${month}-01`, -1).slice(0, 7);
}

/** Calendar months from `from` to `to`, both counted ('2026-01' to '2026-03' is 3). */
function monthsFromTo(from: string, to: string): number {
  return (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7)) + 1;
}

function monthLabel(month: string): string {
  return `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;
}

function lifeGap(member: Member, months: string[], skipped: number): LifeGap {
  const count = months.length;
  const level: LifeGapLevel = count >= LIFE_GAP_MONTHS.past ? 'past' : count >= LIFE_GAP_MONTHS.warn ? 'warn' : 'ok';
  const note = skipped > 0 ? `，其间请假或未召开会议的${skipped}个月不计` : '';
  const what = `${member.name}已连续${count}个月无故缺席党的组织生活（自${monthLabel(months[0]!)}起${note}）`;
  const message =
    level === 'past'
      ? `${what}。按照党章规定，没有正当理由连续六个月不参加党的组织生活的，视为自行脱党，由支部党员大会讨论决定并报上级党组织批准；请先核实有无正当理由（R-LIFE-6M）。`
      : level === 'warn'
        ? `${what}。请及时谈心谈话，了解原因；行动不便的可以送学上门。连续六个月将视为自行脱党（R-LIFE-6M）。`
        : `${what}。`;
  return { personId: member.id, name: member.name, months, count, level, skipped, message };
}

// ─── Checking a care record ──────────────────────────────────────────────────────────────────────

export type CareDraft = Partial<Pick<CareDoc, 'personId' | 'kind' | 'occasion' | 'date' | 'visitors' | 'given' | 'material' | 'dischargedOn' | 'meetingId' | 'followUp' | 'note'>>;

export interface CareProblem {
  field: keyof CareDraft;
  message: string;
}

/** What is wrong with a care record before it is saved, each problem with its field; empty when none. */
export function checkCareRecord(draft: CareDraft, today: string): CareProblem[] {
  const problems: CareProblem[] = [];
  const add = (field: keyof CareDraft, message: string) => problems.push({ field, message });

  if (!draft.personId) add('personId', '请选择走访或联系的党员');
  if (!draft.kind || !(CARE_KINDS as readonly string[]).includes(draft.kind)) add('kind', `请选择类别：${Object.values(CARE_KIND_LABELS).join('、')}`);
  const dateOk = draft.date !== undefined && isValidDate(draft.date);
  if (!draft.date) add('date', '请填写日期，格式为 年-月-日，例如 2026-01-20');
  else if (!dateOk) add('date', `“${draft.date}”不是有效日期，请写成 2026-01-20 这样的格式`);
  else if (draft.date > today) add('date', `日期 ${draft.date} 晚于今天：请在走访之后再登记，计划中的走访不必登记`);

  if (draft.kind === 'home-study' && !draft.material?.trim()) add('material', '送学上门请填写送去的学习材料，例如会议精神、党课讲稿');
  if (draft.meetingId && draft.kind !== 'home-study') add('meetingId', '只有送学上门才关联会议：请改为送学上门，或取消关联的会议');

  if (draft.dischargedOn) {
    const occasion = draft.occasion?.trim();
    if (!isValidDate(draft.dischargedOn)) add('dischargedOn', `出院日期“${draft.dischargedOn}”不是有效日期，请写成 2026-01-20 这样的格式`);
    else if (dateOk && draft.dischargedOn < draft.date!) add('dischargedOn', `出院日期 ${draft.dischargedOn} 早于走访日期 ${draft.date}：出院以后的走访不是住院探望，请核对日期或把事由改为其他`);
    else if (draft.dischargedOn > today) add('dischargedOn', `出院日期 ${draft.dischargedOn} 晚于今天：出院后再填写`);
    if (occasion && occasion !== IN_HOSPITAL) add('dischargedOn', `只有事由为“${IN_HOSPITAL}”的记录才填写出院日期`);
  }
  return problems;
}
