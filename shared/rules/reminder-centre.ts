/**
 * 提醒: one list of everything due in the branch, from every part of its work: recruitment deadlines,
 * 三会一课 not held, dues arrears and the yearly base, members missing organizational life, 回执 not
 * back, probations ending, the committee's term, members not visited or in hospital, high birthdays,
 * and the year's 民主评议. Sorted by urgency, each with where it is fixed. A private self-check for
 * the secretary, not a score: nothing here is sent anywhere.
 *
 * Each part is computed by its own rule (dues.ts, care.ts, transfers.ts, meetings.ts, term.ts…); this
 * file only gathers them, words them and orders them.
 */
import { addMonths, daysBetween } from '../dates';
import type { AppraisalDoc, CareDoc, DuesDoc, MeetingDoc, OrgDoc, PersonDoc, TransferDoc } from '../model';
import { highBirthdays, inHospital, notContactedFor, organizationalLifeGaps, NOT_CONTACTED_MONTHS } from './care';
import { membersArrears, needsBaseUpdate } from './dues';
import { hasBranchCommittee, threeMeetingsCompliance } from './meetings';
import type { Reminder } from './reminders';
import { isMember } from './roster';
import { termStatus } from './term';
import { receiptOverdue } from './transfers';

export type CentreKind = 'recruitment' | 'meetings' | 'dues' | 'dues-base' | 'life' | 'transfer' | 'probation' | 'term' | 'not-contacted' | 'hospital' | 'birthday' | 'appraisal';

/** overdue: past its date or past a rule's limit; soon: within a week or at a rule's warning; later: on the horizon. */
export type Urgency = 'overdue' | 'soon' | 'later';

export interface CentreItem {
  /** Stable while the cause lasts: the same item keeps its key from one day to the next. */
  key: string;
  kind: CentreKind;
  urgency: Urgency;
  /** What is due, in one line. */
  title: string;
  /** Why, or what to do. */
  detail: string;
  /** The date it falls due, when it has one. */
  date?: string;
  /** The section where it is fixed. */
  link: string;
}

export const CENTRE_KIND_LABELS: Record<CentreKind, string> = {
  recruitment: '发展党员',
  meetings: '三会一课',
  dues: '党费',
  'dues-base': '党费基数',
  life: '组织生活',
  transfer: '组织关系',
  probation: '预备期',
  term: '换届',
  'not-contacted': '关怀走访',
  hospital: '住院探望',
  birthday: '高龄生日',
  appraisal: '民主评议',
};

export interface CentreInput {
  today: string;
  org: Pick<OrgDoc, 'terms' | 'groups' | 'committee' | 'dues'>;
  /** Everyone the branch keeps (members are picked out here). */
  people: readonly PersonDoc[];
  /** The recruitment deadlines (recruitmentReminders: they need the holiday calendar). */
  recruitment: readonly Reminder[];
  /** The meetings of the last twelve months at least (三会一课 of this year, organizational life of the last months). */
  meetings: readonly MeetingDoc[];
  /** The dues rows since the ledger's start. */
  dues: readonly DuesDoc[];
  care: readonly CareDoc[];
  transfers: readonly TransferDoc[];
  /** The 民主评议 of this year and last year, as far as they exist. */
  appraisals: readonly Pick<AppraisalDoc, 'year' | 'stage'>[];
  /** The probation ends from the dossiers (probationEnd, extensions included), by person id; joinedOn + 1 year otherwise. */
  probationEnds?: ReadonlyMap<string, string>;
}

/** How far ahead the centre looks for dated items (probation ends, birthdays), in days. */
export const CENTRE_HORIZON_DAYS = 30;
/** The appraisal of a year is done with that year's 组织生活会, at the latest by the end of March of the next. */
const APPRAISAL_DUE = (year: number) => `${year + 1}-03-31`;
/** From when in the year the centre asks about the year's appraisal. */
const APPRAISAL_FROM_MONTH = 11;
const APPRAISAL_DONE: readonly AppraisalDoc['stage'][] = ['notified', 'filed'];

const URGENCY_ORDER: Record<Urgency, number> = { overdue: 0, soon: 1, later: 2 };

function byDate(today: string, date: string, soonDays = 7): Urgency {
  const left = daysBetween(today, date);
  return left < 0 ? 'overdue' : left <= soonDays ? 'soon' : 'later';
}

export function reminderCentre(input: CentreInput): CentreItem[] {
  const { today, org } = input;
  const items: CentreItem[] = [];
  const members = input.people.filter((p) => isMember(p) && (p.status === 'full' || p.status === 'probationary'));
  const names = new Map(input.people.map((p) => [p.id, p.name]));

  for (const r of input.recruitment) {
    items.push({
      key: `recruitment|${r.name}|${r.rule}|${r.date}`,
      kind: 'recruitment',
      urgency: byDate(today, r.date),
      title: `${r.name}：${r.label}`,
      detail: r.overdue ? `应在${r.date}前完成，已过期${-r.daysLeft}天` : `在${r.date}前完成，还有${r.daysLeft}天`,
      date: r.date,
      link: '/recruitment',
    });
  }

  // The last twelve months, so a meeting not held in December is still reminded in January.
  const from = `${addMonths(today, -12).slice(0, 7)}-01`;
  // Whole buckets: a meeting before `from` still counts for the quarter it falls in.
  const recent = input.meetings.filter((m) => m.date <= today);
  const fullMembers = members.filter((p) => p.status === 'full').length;
  const compliance = threeMeetingsCompliance(recent, { from, to: today }, org.groups, { hasCommittee: hasBranchCommittee(org, fullMembers) });
  for (const slot of compliance.missing) {
    items.push({
      key: `meetings|${slot.kind}|${slot.groupId ?? ''}|${slot.bucket.from}`,
      kind: 'meetings',
      urgency: 'overdue',
      title: slot.message,
      detail: '补开会议，或把已开会议的记录补录进来',
      date: slot.bucket.to,
      link: '/meetings',
    });
  }

  const ledgerStart = org.dues?.ledgerStart;
  if (ledgerStart) {
    for (const a of membersArrears(members, input.dues, ledgerStart, today)) {
      if (a.level === 'ok') continue;
      const person = a.person;
      items.push({
        key: `dues|${person.id}`,
        kind: 'dues',
        urgency: a.level === 'past' ? 'overdue' : 'soon',
        title: `${person.name}已连续${a.consecutive}个月未交党费`,
        detail: a.steps[0] ?? '',
        link: '/dues',
      });
    }
    const stale = members.filter((p) => needsBaseUpdate(p, today));
    if (stale.length > 0) {
      items.push({
        key: `dues-base|${today.slice(0, 4)}`,
        kind: 'dues-base',
        urgency: 'later',
        title: `${stale.length}人今年的党费基数还没有核定`,
        detail: `${stale.slice(0, 5).map((p) => p.name).join('、')}${stale.length > 5 ? '等' : ''}：按税后工资或基本养老金核定，基数没变也确认一次`,
        link: '/dues',
      });
    }
  }

  for (const gap of organizationalLifeGaps(members, input.meetings, input.care, today)) {
    if (gap.level === 'ok') continue;
    items.push({
      key: `life|${gap.personId}`,
      kind: 'life',
      urgency: gap.level === 'past' ? 'overdue' : 'soon',
      title: `${gap.name}已连续${gap.count}个月没有参加组织生活`,
      detail: gap.message,
      link: '/care',
    });
  }

  for (const o of receiptOverdue(input.transfers, today)) {
    items.push({
      key: `transfer|${o.transfer.id}`,
      kind: 'transfer',
      urgency: 'overdue',
      title: `${o.transfer.name}的组织关系介绍信回执未回`,
      detail: `介绍信${o.expiresOn}已到期，已过${o.daysOverdue}天：请与${o.transfer.receivingCommittee ?? o.transfer.toOrg}联系`,
      date: o.expiresOn,
      link: '/transfers',
    });
  }

  // A probationary member with a dossier is reminded by its deadlines (转正申请, 预备期满); the others here.
  for (const person of members.filter((p) => p.status === 'probationary' && !input.probationEnds?.has(p.id))) {
    const end = person.joinedOn ? addMonths(person.joinedOn, 12) : undefined;
    if (!end || daysBetween(today, end) > CENTRE_HORIZON_DAYS) continue;
    items.push({
      key: `probation|${person.id}|${end}`,
      kind: 'probation',
      urgency: byDate(today, end),
      title: `${person.name}的预备期${end < today ? '已' : '将'}于${end}期满`,
      detail: '本人提出转正申请，支部征求意见、审查，支部大会讨论转正',
      date: end,
      link: '/recruitment',
    });
  }

  const term = termStatus(org, today);
  if (term && term.state !== 'running') {
    items.push({ key: `term|${term.electedOn}`, kind: 'term', urgency: byDate(today, term.endsOn), title: term.message, detail: '提前向上级党委请示，做好换届选举准备', date: term.endsOn, link: '/roster' });
  }

  const notContacted = notContactedFor(members, input.care, today, NOT_CONTACTED_MONTHS);
  if (notContacted.length > 0) {
    items.push({
      key: `not-contacted|${NOT_CONTACTED_MONTHS}`,
      kind: 'not-contacted',
      urgency: 'later',
      title: `${notContacted.length}人${NOT_CONTACTED_MONTHS}个月以上没有联系`,
      detail: `${notContacted.slice(0, 5).map((n) => n.name).join('、')}${notContacted.length > 5 ? '等' : ''}：打个电话或上门看看`,
      link: '/care',
    });
  }
  const onRoll = new Set(members.map((p) => p.id));
  for (const stay of inHospital(input.care.filter((c) => onRoll.has(c.personId)))) {
    const days = daysBetween(stay.lastVisitOn, today);
    items.push({
      key: `hospital|${stay.personId}|${stay.since}`,
      kind: 'hospital',
      urgency: days >= 14 ? 'soon' : 'later',
      title: `${names.get(stay.personId) ?? ''}${stay.since}起住院`,
      detail: `上次探望是${stay.lastVisitOn}（${days}天前）；出院了就在关怀走访里登记出院`,
      link: '/care',
    });
  }
  // A birthday visit already recorded (from a month before the day) clears it.
  const visited = (personId: string, date: string) =>
    input.care.some((c) => c.personId === personId && c.occasion?.trim() === '生日/高龄' && c.date >= addMonths(date, -1) && c.date <= today);
  for (const b of highBirthdays(members, today, CENTRE_HORIZON_DAYS).filter((b) => !visited(b.personId, b.date))) {
    items.push({ key: `birthday|${b.personId}|${b.date}`, kind: 'birthday', urgency: b.daysLeft <= 7 ? 'soon' : 'later', title: `${b.name}${b.date}满${b.age}岁`, detail: '生日/高龄慰问', date: b.date, link: '/care' });
  }

  const year = Number(today.slice(0, 4));
  const done = (y: number) => input.appraisals.some((a) => a.year === y && APPRAISAL_DONE.includes(a.stage));
  const started = (y: number) => input.appraisals.some((a) => a.year === y);
  for (const y of [year - 1, year]) {
    const due = APPRAISAL_DUE(y);
    if (done(y) || (y === year && Number(today.slice(5, 7)) < APPRAISAL_FROM_MONTH)) continue;
    // Past its date with nothing recorded here, last year's was most likely done on paper before the
    // branch used this app: asking would only be noise. Started here and not finished, it is asked.
    if (today > due && !started(y)) continue;
    items.push({
      key: `appraisal|${y}`,
      kind: 'appraisal',
      urgency: byDate(today, due, 30),
      title: `${y}年度民主评议党员${started(y) ? '还没有完成' : '还没有开始'}`,
      detail: `结合年度组织生活会进行，一般在${due}前完成并把结果通知本人、报上级党委备案`,
      date: due,
      link: '/appraisal',
    });
  }

  return items.sort((a, b) => URGENCY_ORDER[a.urgency] - URGENCY_ORDER[b.urgency] || (a.date ?? '9999').localeCompare(b.date ?? '9999') || a.title.localeCompare(b.title, 'zh-CN'));
}
