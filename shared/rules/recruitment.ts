/**
 * The recruitment timeline check (发展党员时间线核查): every rule of the domain reference §1, from
 * R-ORDER to R-DATES-CONSISTENT, applied to one person's dated steps. Pure and synchronous: "today"
 * comes in as an argument, and working days come from the chinese-days package's holiday data.
 *
 * Reading of the table, in brief (each check's comment gives the detail):
 * - "before" between two steps means "not later than": the same day is allowed (R-ORDER says "not
 *   before"); only the 公示 must end strictly before the 预审 result.
 * - "one year after D" and "N months after D" are addYears/addMonths of shared/dates (29 Feb → 28 Feb,
 *   31 Jan + 1 month → 28/29 Feb); a step on that very day keeps the rule.
 * - Steps 22–24 repeat once when the probation is extended: 23 (延长) → 24 → 22 → 23 (转正) → 24.
 * - A step that made a request to the committee (3, 7, 12, 15, 23) is done again when the committee
 *   returns the request (退回): the record after the return replaces the earlier one (`returns`).
 */
import holidayData from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { addDays, addMonths, addYears, ageOn, daysBetween, isValidDate } from '../dates';
import type { DossierDoc } from '../model';
import { isRecruitmentStep, stageOfStep, stepLabel, type RecruitmentStage } from './recruitment-steps';

export const RECRUITMENT_RULES = [
  'R-ORDER',
  'R-AGE-18',
  'R-TALK-1M',
  'R-CONTACTS',
  'R-EVAL-6M',
  'R-ACTIVIST-1Y',
  'R-INTRODUCERS-2',
  'R-POLREVIEW-BEFORE',
  'R-TRAINING',
  'R-PUBLICITY-5WD',
  'R-PREREVIEW-BEFORE-FORM',
  'R-LEAVING-3M',
  'R-APPROVAL-3M',
  'R-TALK-BEFORE-APPROVAL',
  'R-PROBATION-1Y',
  'R-CONFIRM-APPLY',
  'R-EXTEND',
  'R-CONFIRM-APPROVAL-3M',
  'R-EVAL-PROBATION',
  'R-THOUGHT-REPORT',
  'R-DATES-CONSISTENT',
] as const;
export type RecruitmentRuleId = (typeof RECRUITMENT_RULES)[number];

/** What the 支部大会 decided at step 23: 按期转正, 延长预备期, 取消预备党员资格. */
export type ProbationOutcome = 'confirm' | 'extend' | 'cancel';

export interface RecruitmentEvent {
  /** 1..25 as numbered in the domain reference. */
  step: number;
  /** 'YYYY-MM-DD'. Step 13: the date of the 预审意见. Step 6 and 21: when the 考察 began. */
  date: string;
  /** Step 10: the day the 综合政审报告 concluded. Step 11: the last day of the 集中培训. */
  endDate?: string;
  /** Names: 谈话人, 培养联系人 (step 5), 入党介绍人 (step 9)… */
  people?: readonly string[];
  /** Step 23 only; 按期转正 when left out. */
  outcome?: ProbationOutcome;
  /** Step 23 with outcome 'extend': by how many months the probation is extended (R-EXTEND). */
  extensionMonths?: number;
}

export interface RecruitmentTraining {
  from: string;
  to: string;
  /** 学时 (class hours). */
  hours?: number;
}

/** The date of a step as another document writes it (入党志愿书, 党员花名册, 会议记录…). */
export interface StepDocumentDate {
  step: number;
  /** The document's name, shown in the message: '入党志愿书'. */
  document: string;
  date: string;
}

/**
 * A request the committee returned (退回) with its comments: the branch puts it right and does the step
 * that made the request again, which sends it anew.
 */
export interface ReturnedRequest {
  /** The committee's step the request was for: 4, 8, 13, 17 or 24. */
  step: number;
  /** The branch's step that made the request and is done again: 3, 7, 12, 15 or 23. */
  leadingStep: number;
  returnedOn: string;
}

/** The values the domain reference marks configurable; a branch or committee may change them. */
export interface RecruitmentConfig {
  /** R-CONTACTS: at least this many 培养联系人 (the reference allows one or two). */
  minContacts: number;
  /** R-TRAINING: the 集中培训 lasts at least this many days… */
  trainingDays: number;
  /** …or at least this many class hours. */
  trainingHours: number;
  /** R-THOUGHT-REPORT, R-EVAL-PROBATION: a 思想汇报 at least every this many months. */
  thoughtReportMonths: number;
}

export const DEFAULT_RECRUITMENT_CONFIG: Readonly<RecruitmentConfig> = {
  minContacts: 1,
  trainingDays: 3,
  trainingHours: 24,
  thoughtReportMonths: 3,
};

export interface RecruitmentTimeline {
  birthDate: string;
  events: readonly RecruitmentEvent[];
  /** Dates of the 思想汇报 handed in. */
  thoughtReports?: readonly string[];
  /** Dates of the 培养考察 (stage 2) and of the 预备党员考察 (stage 5). */
  evaluations?: readonly string[];
  /** The 集中培训 sessions of step 11; only those from step 7 on count. */
  trainings?: readonly RecruitmentTraining[];
  /** A known date the candidate leaves the unit (R-LEAVING-3M). */
  leavingOn?: string;
  /** Why the 审批 of step 17 takes more than three months (R-APPROVAL-3M allows up to six with one). */
  approvalDelayReason?: string;
  /** When known: the names of the full members (正式党员) who may be 培养联系人 or 入党介绍人. */
  fullMembers?: readonly string[];
  /** The 公示 before the 预审 of step 13; not checked when left out. */
  publicity?: { from: string; to: string };
  /** Dates of steps as other documents write them (R-DATES-CONSISTENT). */
  documentDates?: readonly StepDocumentDate[];
  /** The committee's returns of this dossier's requests: a leading step done again after one is no duplicate. */
  returns?: readonly ReturnedRequest[];
  config?: Partial<RecruitmentConfig>;
}

export interface RecruitmentViolation {
  rule: RecruitmentRuleId;
  step: number;
  severity: 'error' | 'warning';
  /** In Chinese: what is wrong, with the dates, and how to put it right. */
  message: string;
}

export interface RecruitmentNextStep {
  step: number;
  /** The first lawful day; may be before "today", which then means "may be done now". */
  earliest: string;
  /** The last lawful day, where a rule gives one. */
  latest?: string;
}

export interface RecruitmentDeadline {
  step: number;
  date: string;
  rule: RecruitmentRuleId;
  /** What is due, in Chinese, for a reminder on the 首页. */
  label: string;
}

export interface RecruitmentCheck {
  /** The stage of the latest step done (1 with no step yet; 5 once archived). */
  stage: RecruitmentStage;
  violations: RecruitmentViolation[];
  /** The step to do next; null once step 25 is done. */
  next: RecruitmentNextStep | null;
  /** Due dates of the open steps, earliest first. */
  deadlines: RecruitmentDeadline[];
}

// ─── Working days ────────────────────────────────────────────────────────────────────────────────

/*
 * The package's date functions parse 'YYYY-MM-DD' as UTC and read it back in local time, which is a
 * day off west of Greenwich; its published data (holidays and 调休 working days by date) is not.
 */
const holidays: Readonly<Record<string, string>> = holidayData.holidays;
const shiftedWorkdays: Readonly<Record<string, string>> = holidayData.workdays;

/** Whether the chinese-days calendar has the State Council's holiday arrangement for that year. */
export function holidayCalendarCovers(year: number): boolean {
  // Every arranged year lists 元旦 on 1 January, even when it falls on a weekend.
  return `${year}-01-01` in holidays;
}

/** 工作日: Monday to Friday unless a public holiday, plus the weekend days worked in lieu (调休). */
export function isWorkingDay(date: string): boolean {
  if (date in shiftedWorkdays) return true;
  if (date in holidays) return false;
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** Working days from `from` to `to`, both included. */
export function countWorkingDays(from: string, to: string): number {
  let count = 0;
  for (let d = from; d <= to; d = addDays(d, 1)) if (isWorkingDay(d)) count += 1;
  return count;
}

/** The day on which `n` working days counted from `from` (included) are complete. */
export function nthWorkingDay(from: string, n: number): string {
  let d = from;
  let seen = isWorkingDay(d) ? 1 : 0;
  while (seen < n) {
    d = addDays(d, 1);
    if (isWorkingDay(d)) seen += 1;
  }
  return d;
}

// ─── Fixed values of the rules ───────────────────────────────────────────────────────────────────

const PUBLICITY_WORKING_DAYS = 5; // R-PUBLICITY-5WD
const EVALUATION_MONTHS = 6; // R-EVAL-6M, R-EVAL-PROBATION
const MAX_CONTACTS = 2; // R-CONTACTS
const INTRODUCERS = 2; // R-INTRODUCERS-2
const EXTENSION_MIN_MONTHS = 6; // R-EXTEND
const EXTENSION_MAX_MONTHS = 12;

/** R-ORDER: steps that may share dates or come in any order among themselves. */
const INTERCHANGEABLE: readonly (readonly number[])[] = [
  [4, 5],
  [8, 9, 10, 11],
];

/** The position of a step in the order, steps of one interchangeable set sharing a position. */
function levelOf(step: number): number {
  const set = INTERCHANGEABLE.find((s) => s.includes(step));
  return set ? set[0]! : step;
}

/**
 * Pairs of steps whose order a more specific rule checks, so a step done out of turn or missing is
 * named once, under that rule: earlier step → [later step, rule].
 */
const ORDER_OWNED_BY: ReadonlyMap<number, readonly [number, RecruitmentRuleId]> = new Map([
  [10, [12, 'R-POLREVIEW-BEFORE']],
  [11, [15, 'R-TRAINING']],
  [13, [14, 'R-PREREVIEW-BEFORE-FORM']],
  [16, [17, 'R-TALK-BEFORE-APPROVAL']],
  [22, [23, 'R-CONFIRM-APPLY']],
]);

// ─── The timeline as the checks read it ──────────────────────────────────────────────────────────

interface StepRecord {
  step: number;
  date: string;
  endDate?: string;
  people: string[];
  outcome: ProbationOutcome;
  extensionMonths?: number;
  /** A step done again after a return: when it was first done, its place in R-ORDER for the steps done since. */
  firstDate?: string;
  /** …and the committee steps whose return it answers, which come after the record that replaces it. */
  answersReturnOf?: readonly number[];
}

/** One pass through steps 22–24; a second one follows a decision to extend the probation. */
interface ProbationRound {
  apply?: string;
  /** Applications dated after this round's meeting (R-CONFIRM-APPLY). */
  lateApply?: string;
  meeting?: StepRecord;
  approval?: string;
}

interface Context {
  today: string;
  config: RecruitmentConfig;
  birthDate?: string;
  /** One record per step; steps 22–24 from the first probation round. */
  steps: Map<number, StepRecord>;
  rounds: ProbationRound[];
  thoughtReports: string[];
  evaluations: string[];
  trainings: RecruitmentTraining[];
  publicity?: { from: string; to: string };
  leavingOn?: string;
  approvalDelayReason?: string;
  fullMembers?: ReadonlySet<string>;
  documentDates: StepDocumentDate[];
  violations: RecruitmentViolation[];
  deadlines: RecruitmentDeadline[];
}

function report(ctx: Context, rule: RecruitmentRuleId, step: number, severity: 'error' | 'warning', message: string): void {
  ctx.violations.push({ rule, step, severity, message });
}

const dateOf = (ctx: Context, step: number): string | undefined => ctx.steps.get(step)?.date;

const latest = (dates: readonly (string | undefined)[]): string | undefined =>
  dates.reduce<string | undefined>((max, d) => (d !== undefined && (max === undefined || d > max) ? d : max), undefined);

const namesOf = (people: readonly string[]): string => people.join('、');

/** Whether a step after `step` is recorded: then a missing `step` is R-ORDER's to name, not a reminder. */
const hasStepAfter = (ctx: Context, step: number): boolean => [...ctx.steps.keys()].some((s) => s > step);

// ─── Reading and R-DATES-CONSISTENT ──────────────────────────────────────────────────────────────

/**
 * R-DATES-CONSISTENT, in the concrete forms a timeline can show:
 * (a) a date that is not a real calendar date written YYYY-MM-DD (the entry is then left out of the
 *     other checks); (b) an end date before its start date; (c) one step recorded more than once with
 *     different dates (steps 22–24 may repeat once after a decision to extend; a step that made a
 *     request is done again after the committee returned it, see replacedRecords);
 * (d) a document writing a step's date differently from the step's record (`documentDates`).
 */
function readTimeline(timeline: RecruitmentTimeline, today: string): Context {
  const ctx: Context = {
    today,
    config: {
      minContacts: timeline.config?.minContacts ?? DEFAULT_RECRUITMENT_CONFIG.minContacts,
      trainingDays: timeline.config?.trainingDays ?? DEFAULT_RECRUITMENT_CONFIG.trainingDays,
      trainingHours: timeline.config?.trainingHours ?? DEFAULT_RECRUITMENT_CONFIG.trainingHours,
      thoughtReportMonths: timeline.config?.thoughtReportMonths ?? DEFAULT_RECRUITMENT_CONFIG.thoughtReportMonths,
    },
    steps: new Map(),
    rounds: [],
    thoughtReports: [],
    evaluations: [],
    trainings: [],
    documentDates: [],
    violations: [],
    deadlines: [],
  };
  const invalid = (step: number, what: string, value: string) =>
    report(ctx, 'R-DATES-CONSISTENT', step, 'error', `${what}“${value}”不是有效日期，请按“年-月-日”填写，例如 2025-03-01。`);

  if (isValidDate(timeline.birthDate)) ctx.birthDate = timeline.birthDate;
  else invalid(1, '出生日期', timeline.birthDate);

  const events: StepRecord[] = [];
  for (const event of timeline.events) {
    if (!isRecruitmentStep(event.step)) throw new RangeError(`recruitment step ${event.step} does not exist: steps are numbered 1 to 25`);
    if (!isValidDate(event.date)) {
      invalid(event.step, `${stepLabel(event.step)}的日期`, event.date);
      continue;
    }
    const record: StepRecord = {
      step: event.step,
      date: event.date,
      people: [...new Set((event.people ?? []).map((p) => p.trim()).filter((p) => p !== ''))],
      outcome: event.outcome ?? 'confirm',
      ...(event.extensionMonths !== undefined ? { extensionMonths: event.extensionMonths } : {}),
    };
    if (event.endDate !== undefined) {
      if (!isValidDate(event.endDate)) invalid(event.step, `${stepLabel(event.step)}的结束日期`, event.endDate);
      else if (event.endDate < event.date)
        report(ctx, 'R-DATES-CONSISTENT', event.step, 'error', `${stepLabel(event.step)}的结束日期 ${event.endDate} 早于开始日期 ${event.date}，请核对。`);
      else record.endDate = event.endDate;
    }
    events.push(record);
  }

  const returns = (timeline.returns ?? []).filter((r) => isValidDate(r.returnedOn));
  const replaced = replacedRecords(events, returns);
  const kept = events.filter((e) => !replaced.has(e));
  for (const step of new Set(kept.map((e) => e.step))) {
    if (step >= 22 && step <= 24) continue;
    const record = mergeRecords(ctx, kept.filter((e) => e.step === step));
    const earlier = [...replaced].filter((e) => e.step === step).map((e) => e.date).sort();
    if (earlier[0] !== undefined) {
      record.firstDate = earlier[0];
      record.answersReturnOf = [...new Set(returns.filter((r) => r.leadingStep === step).map((r) => r.step))];
    }
    ctx.steps.set(step, record);
  }
  readProbationRounds(ctx, kept);

  for (const date of timeline.thoughtReports ?? []) {
    if (isValidDate(date)) ctx.thoughtReports.push(date);
    else invalid(6, '思想汇报的日期', date);
  }
  for (const date of timeline.evaluations ?? []) {
    if (isValidDate(date)) ctx.evaluations.push(date);
    else invalid(6, '考察记录的日期', date);
  }
  ctx.thoughtReports.sort();
  ctx.evaluations.sort();
  for (const training of timeline.trainings ?? []) {
    if (!isValidDate(training.from)) invalid(11, '培训的开始日期', training.from);
    else if (!isValidDate(training.to)) invalid(11, '培训的结束日期', training.to);
    else if (training.to < training.from)
      report(ctx, 'R-DATES-CONSISTENT', 11, 'error', `培训的结束日期 ${training.to} 早于开始日期 ${training.from}，请核对。`);
    else ctx.trainings.push(training);
  }
  if (timeline.publicity) {
    const { from, to } = timeline.publicity;
    if (!isValidDate(from)) invalid(13, '公示的开始日期', from);
    else if (!isValidDate(to)) invalid(13, '公示的结束日期', to);
    else if (to < from) report(ctx, 'R-DATES-CONSISTENT', 13, 'error', `公示的结束日期 ${to} 早于开始日期 ${from}，请核对。`);
    else ctx.publicity = { from, to };
  }
  if (timeline.leavingOn !== undefined) {
    if (isValidDate(timeline.leavingOn)) ctx.leavingOn = timeline.leavingOn;
    else invalid(15, '离开本单位的日期', timeline.leavingOn);
  }
  const reason = timeline.approvalDelayReason?.trim();
  if (reason) ctx.approvalDelayReason = reason;
  if (timeline.fullMembers) ctx.fullMembers = new Set(timeline.fullMembers.map((n) => n.trim()));
  for (const doc of timeline.documentDates ?? []) {
    if (!isRecruitmentStep(doc.step)) throw new RangeError(`recruitment step ${doc.step} does not exist: steps are numbered 1 to 25`);
    if (isValidDate(doc.date)) ctx.documentDates.push(doc);
    else invalid(doc.step, `${doc.document}上${stepLabel(doc.step)}的日期`, doc.date);
  }
  return ctx;
}

/**
 * A step done again after the committee returned its request (退回): each record of a leading step is
 * replaced by the next later record of that step when a return of its request falls between them (on
 * or after the first, before the second: a redo on the day of the return is not after it). The record
 * that remains is the one the committee is asked about, so every check reads it; the ones it replaced
 * stay in the dossier as history. Two dates of one step with no return between them are still two
 * dates for one fact (R-DATES-CONSISTENT).
 */
export function replacedRecords<T extends { step: number; date: string }>(records: readonly T[], returns: readonly ReturnedRequest[]): Set<T> {
  const replaced = new Set<T>();
  for (const leadingStep of new Set(returns.map((r) => r.leadingStep))) {
    const returnedOn = returns.filter((r) => r.leadingStep === leadingStep).map((r) => r.returnedOn);
    const dates = [...new Set(records.filter((r) => r.step === leadingStep).map((r) => r.date))].sort();
    dates.forEach((date, i) => {
      const next = dates[i + 1];
      if (next === undefined || !returnedOn.some((d) => d >= date && d < next)) return;
      for (const record of records) if (record.step === leadingStep && record.date === date) replaced.add(record);
    });
  }
  return replaced;
}

/** R-DATES-CONSISTENT (c): records of one step must agree; the checks then use the earliest. */
function mergeRecords(ctx: Context, records: readonly StepRecord[]): StepRecord {
  const sorted = [...records].sort((a, b) => a.date.localeCompare(b.date));
  const first = sorted[0]!;
  const dates = [...new Set(sorted.map((r) => r.date))];
  if (dates.length > 1) {
    report(
      ctx,
      'R-DATES-CONSISTENT',
      first.step,
      'error',
      `${stepLabel(first.step)}记录了${dates.length}个不同的日期：${dates.join('、')}。同一件事在各份材料上应是同一个日期，请对照原始材料只保留正确的日期（其余核查暂按 ${first.date} 计算）。`,
    );
  }
  const endDates = [...new Set(sorted.map((r) => r.endDate).filter((d): d is string => d !== undefined))];
  if (endDates.length > 1) {
    report(ctx, 'R-DATES-CONSISTENT', first.step, 'error', `${stepLabel(first.step)}记录了${endDates.length}个不同的结束日期：${endDates.join('、')}，请只保留正确的一个。`);
  }
  return {
    ...first,
    people: [...new Set(sorted.flatMap((r) => r.people))],
    ...(endDates[0] !== undefined ? { endDate: endDates[0] } : {}),
  };
}

/**
 * Steps 22–24 in rounds: a step-23 meeting opens a new round only after a meeting that extended the
 * probation; a 22 belongs to the first round whose meeting is on or after it; a 24 to the last round
 * whose meeting is on or before it.
 */
function readProbationRounds(ctx: Context, events: readonly StepRecord[]): void {
  const of = (step: number) => events.filter((e) => e.step === step).sort((a, b) => a.date.localeCompare(b.date));
  const meetingsByRound: StepRecord[][] = [];
  for (const meeting of of(23)) {
    const current = meetingsByRound.at(-1);
    const previous = current?.[0];
    const startsNewRound = !previous || (previous.outcome === 'extend' && meeting.date !== previous.date);
    if (startsNewRound) meetingsByRound.push([meeting]);
    else current!.push(meeting);
  }
  const rounds: ProbationRound[] = meetingsByRound.map((records) => ({ meeting: mergeRecords(ctx, records) }));

  const applies: string[][] = rounds.map(() => []);
  for (const { date } of of(22)) {
    let index = rounds.findIndex((r) => r.meeting !== undefined && r.meeting.date >= date);
    if (index === -1) {
      const last = rounds.at(-1);
      if (!last || last.meeting!.outcome === 'extend') {
        rounds.push({});
        applies.push([]);
      }
      index = rounds.length - 1;
    }
    applies[index]!.push(date);
  }
  const approvals: string[][] = rounds.map(() => []);
  for (const { date } of of(24)) {
    let index = rounds.findLastIndex((r) => r.meeting !== undefined && r.meeting.date <= date);
    if (index === -1) {
      if (rounds.length === 0) {
        rounds.push({});
        applies.push([]);
        approvals.push([]);
      }
      index = 0;
    }
    approvals[index]!.push(date);
  }
  rounds.forEach((round, i) => {
    const meeting = round.meeting?.date;
    const onTime = [...new Set(applies[i]!.filter((d) => meeting === undefined || d <= meeting))].sort();
    const late = [...new Set(applies[i]!.filter((d) => meeting !== undefined && d > meeting))].sort();
    if (onTime.length > 1) report(ctx, 'R-DATES-CONSISTENT', 22, 'error', `${stepLabel(22)}记录了${onTime.length}个不同的日期：${onTime.join('、')}，请只保留转正申请书上的日期。`);
    if (onTime[0] !== undefined) round.apply = onTime[0];
    if (late[0] !== undefined) round.lateApply = late[0];
    const dates = [...new Set(approvals[i])].sort();
    if (dates.length > 1) report(ctx, 'R-DATES-CONSISTENT', 24, 'error', `${stepLabel(24)}记录了${dates.length}个不同的日期：${dates.join('、')}，请只保留审批意见上的日期。`);
    if (dates[0] !== undefined) round.approval = dates[0];
  });
  ctx.rounds = rounds;

  const first = rounds[0];
  const apply = first?.apply ?? first?.lateApply;
  if (apply !== undefined) ctx.steps.set(22, { step: 22, date: apply, people: [], outcome: 'confirm' });
  if (first?.meeting) ctx.steps.set(23, first.meeting);
  if (first?.approval !== undefined) ctx.steps.set(24, { step: 24, date: first.approval, people: [], outcome: 'confirm' });
}

/** R-DATES-CONSISTENT (d). */
function checkDocumentDates(ctx: Context): void {
  for (const doc of ctx.documentDates) {
    const recorded = dateOf(ctx, doc.step);
    if (recorded === undefined || recorded === doc.date) continue;
    report(
      ctx,
      'R-DATES-CONSISTENT',
      doc.step,
      'error',
      `${doc.document}上${stepLabel(doc.step)}的日期是 ${doc.date}，档案记录是 ${recorded}。同一件事在各份材料上应是同一个日期，请对照原始记录改正其中错误的一处。`,
    );
  }
}

// ─── R-ORDER ─────────────────────────────────────────────────────────────────────────────────────

/** R-ORDER: no step dated before a step of an earlier position, and no step skipped. */
function checkOrder(ctx: Context): void {
  const recorded = [...ctx.steps.values()].sort((a, b) => a.step - b.step);
  // A step done again after a return keeps the place it took when first done: the steps done since
  // (5 and 6 after 3, 16 after 15…) stay in order. The returned committee step comes after the redo.
  const placed = (earlier: StepRecord, later: number): string =>
    earlier.firstDate !== undefined && !earlier.answersReturnOf?.includes(later) ? earlier.firstDate : earlier.date;
  for (const record of recorded) {
    // The nearest earlier position with a recorded step; comparing neighbours finds every inversion.
    const earlier = recorded.filter((r) => levelOf(r.step) < levelOf(record.step));
    const nearestLevel = Math.max(...earlier.map((r) => levelOf(r.step)));
    const offending = earlier
      .filter((r) => levelOf(r.step) === nearestLevel && placed(r, record.step) > record.date)
      .filter((r) => ORDER_OWNED_BY.get(r.step)?.[0] !== record.step)
      .sort((a, b) => placed(b, record.step).localeCompare(placed(a, record.step)))[0];
    if (offending) {
      report(
        ctx,
        'R-ORDER',
        record.step,
        'error',
        `${stepLabel(record.step)}的日期 ${record.date} 早于${stepLabel(offending.step)}的日期 ${placed(offending, record.step)}。各步骤应按顺序进行，后一步不能早于前一步，请核对这两个日期。`,
      );
    }
  }
  // Step 25 closes the last round too, not only the first.
  const lastRound = ctx.rounds.at(-1);
  const archived = dateOf(ctx, 25);
  const lastRoundDate = latest([lastRound?.approval, lastRound?.meeting?.date]);
  if (archived !== undefined && ctx.rounds.length > 1 && lastRoundDate !== undefined && archived < lastRoundDate) {
    report(ctx, 'R-ORDER', 25, 'error', `${stepLabel(25)}的日期 ${archived} 早于最后一次转正讨论或审批（${lastRoundDate}），请核对。`);
  }

  const cancelledFirst = ctx.rounds[0]?.meeting?.outcome === 'cancel';
  for (let step = 1; step <= 24; step++) {
    if (ctx.steps.has(step)) continue;
    if (step === 22 && cancelledFirst) continue; // 取消预备党员资格 needs no 转正申请
    if (step === 24 && ctx.rounds.length > 1) continue; // named per round below
    const owner = ORDER_OWNED_BY.get(step);
    if (owner && ctx.steps.has(owner[0])) continue;
    const later = recorded.find((r) => levelOf(r.step) > levelOf(step));
    if (!later) continue;
    report(
      ctx,
      'R-ORDER',
      step,
      'error',
      `已记录${stepLabel(later.step, later.date)}，但${stepLabel(step)}还没有日期。各步骤应按顺序进行，请补录${stepLabel(step)}的日期，或核对后面步骤的记录。`,
    );
  }
  for (const [i, round] of ctx.rounds.entries()) {
    if (!round.meeting || round.approval !== undefined) continue;
    if (i < ctx.rounds.length - 1)
      report(ctx, 'R-ORDER', 24, 'error', `${round.meeting.date} 支部大会决定延长预备期，但没有上级党委审批的记录，之后又进行了转正程序。请补录延长预备期的审批日期。`);
    else if (archived !== undefined && i > 0) // the first round's missing 24 is named with the other steps
      report(ctx, 'R-ORDER', 24, 'error', `已记录${stepLabel(25, archived)}，但 ${round.meeting.date} 支部大会讨论后没有上级党委审批的记录。请补录审批日期。`);
  }
}

// ─── Stage 1 ─────────────────────────────────────────────────────────────────────────────────────

/** R-AGE-18: 18 on the day of step 1, the 18th birthday itself included (29 Feb → 28 Feb). */
function checkAge(ctx: Context): void {
  const applied = dateOf(ctx, 1);
  if (applied === undefined || ctx.birthDate === undefined) return;
  if (ageOn(ctx.birthDate, applied) >= 18) return;
  report(
    ctx,
    'R-AGE-18',
    1,
    'error',
    `递交入党申请书时（${applied}）未满18周岁：出生日期 ${ctx.birthDate}，${addYears(ctx.birthDate, 18)} 才满18周岁。年满18周岁方可申请入党，请核对出生日期和申请日期；确未满18周岁的，应在满18周岁后重新递交申请书。`,
  );
}

/** R-TALK-1M: the talk by the end of the same day next month (or that month's last day). */
function checkTalk(ctx: Context): void {
  const applied = dateOf(ctx, 1);
  if (applied === undefined) return;
  const due = addMonths(applied, 1);
  const talked = dateOf(ctx, 2);
  if (talked === undefined) {
    if (hasStepAfter(ctx, 2)) return;
    ctx.deadlines.push({ step: 2, date: due, rule: 'R-TALK-1M', label: '派人与入党申请人谈话' });
    if (ctx.today > due)
      report(ctx, 'R-TALK-1M', 2, 'warning', `入党申请书于 ${applied} 递交，应在一个月内（${due} 前）派人谈话，至今没有谈话记录。请尽快安排谈话并记录日期。`);
  } else if (talked > due) {
    report(ctx, 'R-TALK-1M', 2, 'warning', `谈话（${talked}）距递交入党申请书（${applied}）超过一个月，应不晚于 ${due}。今后收到申请书应在一个月内谈话；如日期记错请改正。`);
  }
}

// ─── Stage 2 ─────────────────────────────────────────────────────────────────────────────────────

/** R-CONTACTS and R-INTRODUCERS-2: how many people are named, and whether they are full members. */
function checkNamedMembers(ctx: Context, step: 5 | 9): void {
  const record = ctx.steps.get(step);
  if (!record) return;
  const rule: RecruitmentRuleId = step === 5 ? 'R-CONTACTS' : 'R-INTRODUCERS-2';
  const role = step === 5 ? '培养联系人' : '入党介绍人';
  const min = step === 5 ? ctx.config.minContacts : INTRODUCERS;
  const max = step === 5 ? MAX_CONTACTS : INTRODUCERS;
  const wanted = min === max ? `${max}名正式党员` : `${min}至${max}名正式党员`;
  const count = record.people.length;
  if (count === 0) report(ctx, rule, step, 'error', `${stepLabel(step)}没有填写${role}。应为${wanted}，请填写姓名。`);
  else if (count < min || count > max)
    report(ctx, rule, step, 'error', `${role}有${count}名（${namesOf(record.people)}），应为${wanted}。请核对并改正。`);
  if (ctx.fullMembers) {
    const notFull = record.people.filter((p) => !ctx.fullMembers!.has(p));
    if (notFull.length > 0)
      report(ctx, rule, step, 'error', `${role}${namesOf(notFull)}不在正式党员名单中。${role}须由正式党员担任（预备党员不能担任），请改由正式党员担任，或核对姓名是否与花名册一致。`);
  }
}

interface IntervalCheck {
  rule: RecruitmentRuleId;
  step: number;
  /** '培养考察', '思想汇报'. */
  what: string;
  months: number;
  start: string;
  startLabel: string;
  /** The recorded step that closes the period, if any. */
  close?: { step: number; date: string };
  entries: readonly string[];
  deadlineLabel: string;
}

/**
 * R-EVAL-6M, R-THOUGHT-REPORT, R-EVAL-PROBATION: from `start`, each entry no later than `months`
 * after the one before; then either the closing step or today within `months` of the last entry.
 */
function checkInterval(ctx: Context, check: IntervalCheck): void {
  const end = check.close?.date ?? ctx.today;
  if (end < check.start) return;
  const unit = `${check.months}个月`;
  let previous = check.start;
  let previousLabel = check.startLabel;
  for (const entry of check.entries.filter((d) => d >= check.start && d <= end)) {
    const due = addMonths(previous, check.months);
    if (entry > due) {
      report(
        ctx,
        check.rule,
        check.step,
        'warning',
        `${check.what}间隔超过${unit}：${previousLabel}之后应不晚于 ${due} 有一次${check.what}，下一次却在 ${entry}。如有漏记请补录；确实没有的，请在考察材料中说明原因。`,
      );
    }
    previous = entry;
    previousLabel = `${entry} 的${check.what}`;
  }
  const due = addMonths(previous, check.months);
  if (check.close) {
    if (check.close.date > due)
      report(
        ctx,
        check.rule,
        check.step,
        'warning',
        `${previousLabel}之后到${stepLabel(check.close.step, check.close.date)}之间超过${unit}没有${check.what}（应不晚于 ${due}）。如有漏记请补录；确实没有的，请在考察材料中说明原因。`,
      );
    return;
  }
  ctx.deadlines.push({ step: check.step, date: due, rule: check.rule, label: check.deadlineLabel });
  if (ctx.today > due)
    report(ctx, check.rule, check.step, 'warning', `${previousLabel}之后已超过${unit}没有${check.what}（应不晚于 ${due}）。请尽快安排并记录日期。`);
}

/** The earliest recorded step at or after `step`: it ends the period before `step`. */
function closingStep(ctx: Context, step: number): { step: number; date: string } | undefined {
  const later = [...ctx.steps.values()].filter((r) => r.step >= step).sort((a, b) => a.date.localeCompare(b.date))[0];
  return later ? { step: later.step, date: later.date } : undefined;
}

/** R-EVAL-6M: a 培养考察 at least every six months from step 3 until step 7. */
function checkActivistEvaluations(ctx: Context): void {
  const activist = dateOf(ctx, 3);
  if (activist === undefined) return;
  const close = closingStep(ctx, 7);
  checkInterval(ctx, {
    rule: 'R-EVAL-6M',
    step: 6,
    what: '培养考察',
    months: EVALUATION_MONTHS,
    start: activist,
    startLabel: `确定为入党积极分子（${activist}）`,
    ...(close ? { close } : {}),
    entries: ctx.evaluations,
    deadlineLabel: '对入党积极分子进行半年一次的培养考察',
  });
}

/** R-THOUGHT-REPORT: 思想汇报 at least quarterly (configurable) in stages 2 and 3, step 3 to step 12. */
function checkActivistReports(ctx: Context): void {
  const activist = dateOf(ctx, 3);
  if (activist === undefined) return;
  const close = closingStep(ctx, 12);
  checkInterval(ctx, {
    rule: 'R-THOUGHT-REPORT',
    step: 6,
    what: '思想汇报',
    months: ctx.config.thoughtReportMonths,
    start: activist,
    startLabel: `确定为入党积极分子（${activist}）`,
    ...(close ? { close } : {}),
    entries: ctx.thoughtReports,
    deadlineLabel: '提醒递交思想汇报',
  });
}

// ─── Stage 3 ─────────────────────────────────────────────────────────────────────────────────────

/** R-ACTIVIST-1Y: step 7 on or after the first anniversary of step 3. */
function checkActivistYear(ctx: Context): void {
  const activist = dateOf(ctx, 3);
  const candidate = dateOf(ctx, 7);
  if (activist === undefined || candidate === undefined) return;
  const earliest = addYears(activist, 1);
  if (candidate >= earliest) return;
  report(
    ctx,
    'R-ACTIVIST-1Y',
    7,
    'error',
    `确定为发展对象（${candidate}）时，入党积极分子培养期不满一年：${activist} 确定为入党积极分子，最早 ${earliest} 才能确定为发展对象。请核对日期；日期无误的，应在 ${earliest} 以后重新讨论确定。`,
  );
}

/** R-POLREVIEW-BEFORE: the 政审 concluded (endDate, else date) no later than step 12. */
function checkPoliticalReview(ctx: Context): void {
  const committee = dateOf(ctx, 12);
  if (committee === undefined) return;
  const review = ctx.steps.get(10);
  if (!review) {
    report(ctx, 'R-POLREVIEW-BEFORE', 10, 'error', `支部委员会已于 ${committee} 审查，但没有政治审查的记录。政治审查（含综合政审报告的结论）应在支部委员会审查之前完成，请补录政审日期。`);
    return;
  }
  const concluded = review.endDate ?? review.date;
  if (concluded > committee)
    report(ctx, 'R-POLREVIEW-BEFORE', 10, 'error', `政治审查 ${concluded} 才形成结论，晚于支部委员会审查（${committee}）。政审应在支委会审查前完成，请核对日期，必要时待政审结论形成后重新审查。`);
}

/**
 * R-TRAINING: the 集中培训 (sessions from step 7 on) lasts at least `trainingDays` days (both ends
 * counted) or `trainingHours` class hours, and ends no later than step 15.
 */
function checkTraining(ctx: Context): void {
  const step11 = ctx.steps.get(11);
  const meeting = dateOf(ctx, 15);
  if (!step11) {
    if (meeting !== undefined)
      report(ctx, 'R-TRAINING', 11, 'error', `支部大会已于 ${meeting} 讨论接收预备党员，但没有集中培训的记录。发展对象未经集中培训的一般不能发展入党，请补录培训日期和学时。`);
    return;
  }
  const candidate = dateOf(ctx, 7);
  const sessions = ctx.trainings.filter((t) => candidate === undefined || t.from >= candidate);
  const counted = sessions.length > 0 ? sessions : [{ from: step11.date, to: step11.endDate ?? step11.date }];
  const days = counted.reduce((sum, t) => sum + daysBetween(t.from, t.to) + 1, 0);
  const hours = counted.reduce((sum, t) => sum + (t.hours ?? 0), 0);
  const { trainingDays, trainingHours } = ctx.config;
  if (days < trainingDays && hours < trainingHours)
    report(
      ctx,
      'R-TRAINING',
      11,
      'error',
      `集中培训只有${days}天、${hours}学时，应不少于${trainingDays}天或${trainingHours}学时（满足其一即可）。请补足培训，或补录遗漏的培训日期和学时。`,
    );
  const ended = latest([step11.endDate ?? step11.date, ...sessions.map((t) => t.to)])!;
  if (meeting !== undefined && ended > meeting)
    report(ctx, 'R-TRAINING', 11, 'error', `集中培训 ${ended} 才结束，晚于支部大会讨论接收预备党员（${meeting}）。集中培训应在支部大会讨论之前完成，请核对日期。`);
}

/** R-LEAVING-3M: a candidate leaving the unit within three months of admission is flagged. */
function checkLeaving(ctx: Context): void {
  if (ctx.leavingOn === undefined || !ctx.steps.has(7)) return;
  const admitted = dateOf(ctx, 15);
  const from = admitted ?? ctx.today;
  if (ctx.leavingOn > addMonths(from, 3)) return;
  const message =
    admitted === undefined
      ? `本人${ctx.leavingOn < ctx.today ? '已于' : '将于'} ${ctx.leavingOn} 离开本单位，距今（${ctx.today}）不足三个月，一般不办理接收预备党员手续。请与上级党委商定，可将培养材料转到新单位党组织继续培养。`
      : ctx.leavingOn < admitted
        ? `本人已于 ${ctx.leavingOn} 离开本单位，支部大会却于 ${admitted} 接收为预备党员。离开本单位的发展对象一般不办理接收手续，请核对日期并向上级党委说明情况。`
        : `支部大会于 ${admitted} 接收为预备党员，而本人 ${ctx.leavingOn} 离开本单位，不足三个月。按规定三个月内将离开本单位的发展对象一般不办理接收手续，请核对日期并向上级党委说明情况。`;
  report(ctx, 'R-LEAVING-3M', 15, 'warning', message);
}

// ─── Stage 4 ─────────────────────────────────────────────────────────────────────────────────────

/** R-PUBLICITY-5WD: at least five working days (holiday calendar), ending before the 预审 result. */
function checkPublicity(ctx: Context): void {
  const publicity = ctx.publicity;
  if (!publicity) return;
  const workingDays = countWorkingDays(publicity.from, publicity.to);
  if (workingDays < PUBLICITY_WORKING_DAYS)
    report(
      ctx,
      'R-PUBLICITY-5WD',
      13,
      'error',
      `公示从 ${publicity.from} 到 ${publicity.to} 只有${workingDays}个工作日（节假日不算），应不少于${PUBLICITY_WORKING_DAYS}个工作日。请延长公示，公示期满后再报预审；最早可到 ${nthWorkingDay(publicity.from, PUBLICITY_WORKING_DAYS)} 期满。`,
    );
  else {
    const firstYear = Number(publicity.from.slice(0, 4));
    const lastYear = Number(publicity.to.slice(0, 4));
    for (let year = firstYear; year <= lastYear; year++) {
      if (holidayCalendarCovers(year)) continue;
      report(ctx, 'R-PUBLICITY-5WD', 13, 'warning', `软件的节假日日历还没有${year}年的放假安排，公示期暂按周一至周五计算。请对照国务院公布的放假安排核对公示是否满${PUBLICITY_WORKING_DAYS}个工作日。`);
    }
  }
  const prereview = dateOf(ctx, 13);
  if (prereview !== undefined && publicity.to >= prereview)
    report(ctx, 'R-PUBLICITY-5WD', 13, 'error', `公示到 ${publicity.to} 结束，而上级党委预审意见是 ${prereview}。公示期满后才能作出预审意见，请核对日期。`);
}

/** R-PREREVIEW-BEFORE-FORM: the 入党志愿书 filled on or after the 预审 (it is issued with the result). */
function checkVolunteerForm(ctx: Context): void {
  const form = dateOf(ctx, 14);
  if (form === undefined) return;
  const prereview = dateOf(ctx, 13);
  if (prereview === undefined)
    report(ctx, 'R-PREREVIEW-BEFORE-FORM', 14, 'error', `已于 ${form} 填写入党志愿书，但没有上级党委预审的记录。入党志愿书须在预审同意后发放填写，请补录预审日期。`);
  else if (form < prereview)
    report(ctx, 'R-PREREVIEW-BEFORE-FORM', 14, 'error', `填写入党志愿书（${form}）早于上级党委预审（${prereview}）。入党志愿书须在预审同意后发放填写，请核对日期。`);
}

/** R-APPROVAL-3M: step 17 within three months of step 15; up to six with a recorded reason. */
function approvalDue(ctx: Context, meeting: string): string {
  return addMonths(meeting, ctx.approvalDelayReason ? 6 : 3);
}

function checkApproval(ctx: Context): void {
  const meeting = dateOf(ctx, 15);
  if (meeting === undefined) return;
  const threeMonths = addMonths(meeting, 3);
  const sixMonths = addMonths(meeting, 6);
  const approved = dateOf(ctx, 17);
  if (approved === undefined && hasStepAfter(ctx, 17)) return; // R-ORDER names the missing approval
  if (approved === undefined) {
    const due = approvalDue(ctx, meeting);
    ctx.deadlines.push({ step: 17, date: due, rule: 'R-APPROVAL-3M', label: '上级党委审批接收预备党员' });
    if (!ctx.steps.has(16)) ctx.deadlines.push({ step: 16, date: due, rule: 'R-TALK-BEFORE-APPROVAL', label: '上级党委派人谈话（须在审批前）' });
  }
  const when = approved ?? ctx.today;
  const done = approved !== undefined ? `上级党委审批（${approved}）` : `至今（${ctx.today}）上级党委仍未审批，`;
  if (when > sixMonths)
    report(ctx, 'R-APPROVAL-3M', 17, 'error', `${done}距支部大会讨论（${meeting}）已超过六个月（最迟 ${sixMonths}）。审批最长不得超过六个月，请与上级党委核实日期和情况。`);
  else if (when > threeMonths && !ctx.approvalDelayReason)
    report(ctx, 'R-APPROVAL-3M', 17, 'warning', `${done}距支部大会讨论（${meeting}）超过三个月（应在 ${threeMonths} 前）。有特殊情况的可延长至六个月（${sixMonths} 前），请记录延长的原因。`);
}

/** R-TALK-BEFORE-APPROVAL: the committee's talk (16) no later than its approval (17). */
function checkCommitteeTalk(ctx: Context): void {
  const approved = dateOf(ctx, 17);
  if (approved === undefined) return;
  const talked = dateOf(ctx, 16);
  if (talked === undefined)
    report(ctx, 'R-TALK-BEFORE-APPROVAL', 16, 'error', `上级党委已于 ${approved} 审批，但没有上级党委派人谈话的记录。谈话应在审批之前进行，请补录谈话日期。`);
  else if (talked > approved)
    report(ctx, 'R-TALK-BEFORE-APPROVAL', 16, 'error', `上级党委派人谈话（${talked}）晚于审批（${approved}）。谈话应在审批之前进行，请核对日期。`);
}

// ─── Stage 5 ─────────────────────────────────────────────────────────────────────────────────────

/** The day each round's probation ends: one year from step 15, then plus each extension. */
function probationEnds(ctx: Context): (string | undefined)[] {
  const admitted = dateOf(ctx, 15);
  const ends: (string | undefined)[] = [];
  let end = admitted === undefined ? undefined : addYears(admitted, 1);
  for (const round of [...ctx.rounds, {} as ProbationRound]) {
    ends.push(end);
    const months = round.meeting?.outcome === 'extend' ? round.meeting.extensionMonths : undefined;
    end = end !== undefined && months !== undefined ? addMonths(end, months) : undefined;
  }
  return ends;
}

/** The round a probationary member is in now: the last, or a new one after an approved extension. */
function currentRoundIndex(ctx: Context): number {
  const last = ctx.rounds.at(-1);
  if (!last) return 0;
  return last.meeting?.outcome === 'extend' && last.approval !== undefined ? ctx.rounds.length : ctx.rounds.length - 1;
}

/** The step-23 meeting that ended the probation: 按期转正 or 取消预备党员资格. */
function finalDecision(ctx: Context): StepRecord | undefined {
  return ctx.rounds.map((r) => r.meeting).find((m) => m !== undefined && m.outcome !== 'extend');
}

/**
 * R-PROBATION-1Y (first round) and R-EXTEND (after an extension): a meeting not before the end of
 * the probation. 取消预备党员资格 may be decided at any time and is not held to it.
 * R-CONFIRM-APPLY: each meeting but a cancellation has a 转正申请 on or before it.
 * R-CONFIRM-APPROVAL-3M: each meeting's approval within three months.
 */
function checkProbation(ctx: Context): void {
  const ends = probationEnds(ctx);
  for (const [i, round] of ctx.rounds.entries()) {
    const meeting = round.meeting;
    if (!meeting) continue;
    const end = ends[i];
    if (end !== undefined && meeting.outcome !== 'cancel' && meeting.date < end) {
      if (i === 0)
        report(ctx, 'R-PROBATION-1Y', 23, 'error', `支部大会讨论转正（${meeting.date}）时预备期未满：预备期从 ${dateOf(ctx, 15)} 起一年，${end} 期满。请核对日期；日期无误的，应在 ${end} 以后重新讨论。`);
      else
        report(ctx, 'R-EXTEND', 23, 'error', `延长的预备期到 ${end} 才期满，支部大会却在 ${meeting.date} 讨论转正。请核对日期；日期无误的，应在 ${end} 以后重新讨论。`);
    }
    if (meeting.outcome !== 'cancel' && round.apply === undefined) {
      const message =
        round.lateApply !== undefined
          ? `转正申请书（${round.lateApply}）晚于支部大会讨论（${meeting.date}）。应先由本人提出书面转正申请，再由支部大会讨论，请核对日期。`
          : `支部大会于 ${meeting.date} 讨论转正，但没有本人提出转正申请的记录。应先由本人提出书面转正申请，请补录转正申请书的日期。`;
      report(ctx, 'R-CONFIRM-APPLY', 22, 'error', message);
    }
    const due = addMonths(meeting.date, 3);
    const what = meeting.outcome === 'extend' ? '延长预备期' : meeting.outcome === 'cancel' ? '取消预备党员资格' : '转正';
    if (round.approval === undefined) {
      // A missing approval before a later round or the archive is R-ORDER's to name.
      if (ctx.steps.has(25) || i < ctx.rounds.length - 1) continue;
      ctx.deadlines.push({ step: 24, date: due, rule: 'R-CONFIRM-APPROVAL-3M', label: `上级党委审批${what}` });
      if (ctx.today > due)
        report(ctx, 'R-CONFIRM-APPROVAL-3M', 24, 'warning', `支部大会于 ${meeting.date} 讨论${what}，至今（${ctx.today}）上级党委仍未审批，应在三个月内（${due} 前）审批。请向上级党委报告并催办。`);
    } else if (round.approval > due) {
      report(ctx, 'R-CONFIRM-APPROVAL-3M', 24, 'warning', `上级党委审批${what}（${round.approval}）距支部大会讨论（${meeting.date}）超过三个月，应在 ${due} 前。请核对日期；确有延误的请在档案中说明原因。`);
    }
  }

  // Deadlines while the probation runs.
  const admitted = dateOf(ctx, 15);
  if (admitted === undefined || finalDecision(ctx) || ctx.steps.has(25)) return;
  const index = currentRoundIndex(ctx);
  const round = ctx.rounds[index];
  const end = ends[index];
  if (end === undefined || round?.meeting) return;
  if (round?.apply === undefined) ctx.deadlines.push({ step: 22, date: end, rule: 'R-CONFIRM-APPLY', label: '预备期满，提醒本人提出书面转正申请' });
  ctx.deadlines.push({ step: 23, date: end, rule: index === 0 ? 'R-PROBATION-1Y' : 'R-EXTEND', label: '预备期满，召开支部大会讨论转正' });
}

/** R-EXTEND: at least six months, at most a year, only once. */
function checkExtension(ctx: Context): void {
  const extensions = ctx.rounds.map((r) => r.meeting).filter((m): m is StepRecord => m?.outcome === 'extend');
  for (const extension of extensions) {
    const months = extension.extensionMonths;
    if (months === undefined)
      report(ctx, 'R-EXTEND', 23, 'error', `支部大会于 ${extension.date} 决定延长预备期，但没有写明延长多久。延长期限应为六个月至一年，请补录。`);
    else if (!Number.isInteger(months) || months < EXTENSION_MIN_MONTHS || months > EXTENSION_MAX_MONTHS)
      report(ctx, 'R-EXTEND', 23, 'error', `延长预备期${months}个月（${extension.date} 决定）不符合规定：延长期限应不少于六个月、不超过一年。请核对决议。`);
  }
  if (extensions.length > 1)
    report(ctx, 'R-EXTEND', 23, 'error', `预备期被延长了${extensions.length}次（${extensions.map((e) => e.date).join('、')}）。预备期只能延长一次；延长期满仍不具备党员条件的，应取消预备党员资格。请核对记录。`);
}

/** R-EVAL-PROBATION: from step 15 until the final decision, a 考察 every six months, 思想汇报 quarterly. */
function checkProbationEducation(ctx: Context): void {
  const admitted = dateOf(ctx, 15);
  if (admitted === undefined) return;
  const decision = finalDecision(ctx);
  const archived = dateOf(ctx, 25);
  const close = decision ? { step: 23, date: decision.date } : archived !== undefined ? { step: 25, date: archived } : undefined;
  const common = { rule: 'R-EVAL-PROBATION' as const, step: 21, start: admitted, startLabel: `接收为预备党员（${admitted}）`, ...(close ? { close } : {}) };
  checkInterval(ctx, { ...common, what: '预备党员考察', months: EVALUATION_MONTHS, entries: ctx.evaluations, deadlineLabel: '对预备党员进行半年一次的考察' });
  checkInterval(ctx, { ...common, what: '思想汇报', months: ctx.config.thoughtReportMonths, entries: ctx.thoughtReports, deadlineLabel: '提醒预备党员递交思想汇报' });
}

// ─── Stage and next step ─────────────────────────────────────────────────────────────────────────

function currentStage(ctx: Context): RecruitmentStage {
  const steps = [...ctx.steps.keys()];
  return steps.length === 0 ? 1 : stageOfStep(Math.max(...steps));
}

/** The latest date of the steps that must come before `step` (R-ORDER). */
function afterEarlierSteps(ctx: Context, step: number): string | undefined {
  return latest([...ctx.steps.values()].filter((r) => levelOf(r.step) < levelOf(step)).map((r) => r.date));
}

function nextStep(ctx: Context): RecruitmentNextStep | null {
  if (ctx.steps.has(25)) return null;
  const missing = [...Array(21).keys()].map((i) => i + 1).find((step) => !ctx.steps.has(step));
  if (missing !== undefined) return nextOfFirst21(ctx, missing);

  const lastDone = latest([...ctx.steps.values()].map((r) => r.date))!;
  const decision = finalDecision(ctx);
  if (decision) {
    const round = ctx.rounds.find((r) => r.meeting === decision)!;
    if (round.approval === undefined) return { step: 24, earliest: decision.date, latest: addMonths(decision.date, 3) };
    return { step: 25, earliest: latest([lastDone, round.approval])! };
  }
  const index = currentRoundIndex(ctx);
  const round = ctx.rounds[index];
  const previous = ctx.rounds[index - 1];
  const roundStart = latest([lastDone, previous?.approval, previous?.meeting?.date])!;
  if (round?.meeting) return { step: 24, earliest: round.meeting.date, latest: addMonths(round.meeting.date, 3) };
  if (round?.apply === undefined) return { step: 22, earliest: roundStart };
  const end = probationEnds(ctx)[index];
  return { step: 23, earliest: latest([round.apply, end])! };
}

function nextOfFirst21(ctx: Context, step: number): RecruitmentNextStep {
  const before = afterEarlierSteps(ctx, step);
  const step10 = ctx.steps.get(10);
  const step11 = ctx.steps.get(11);
  switch (step) {
    case 1:
      return { step, earliest: ctx.birthDate !== undefined ? addYears(ctx.birthDate, 18) : ctx.today }; // R-AGE-18
    case 2: {
      const applied = dateOf(ctx, 1)!;
      return { step, earliest: applied, latest: addMonths(applied, 1) }; // R-TALK-1M
    }
    case 7: {
      const activist = dateOf(ctx, 3);
      return { step, earliest: latest([before, activist && addYears(activist, 1)])! }; // R-ACTIVIST-1Y
    }
    case 12: // R-POLREVIEW-BEFORE: the 政审 concluded
      return { step, earliest: latest([before, step10?.endDate])! };
    case 13: {
      // R-PUBLICITY-5WD: after the 公示, or after five working days from step 12 if none is recorded.
      const committee = dateOf(ctx, 12)!;
      const publicityEnd = ctx.publicity?.to ?? nthWorkingDay(committee, PUBLICITY_WORKING_DAYS);
      return { step, earliest: latest([before, addDays(publicityEnd, 1)])! };
    }
    case 15: // R-TRAINING: after the 集中培训
      return { step, earliest: latest([before, step11?.endDate])! };
    case 16:
    case 17: {
      const meeting = dateOf(ctx, 15)!;
      return { step, earliest: before!, latest: approvalDue(ctx, meeting) }; // R-APPROVAL-3M
    }
    default:
      return { step, earliest: before! };
  }
}

// ─── Entry point ─────────────────────────────────────────────────────────────────────────────────

/**
 * Checks one person's recruitment timeline on `today` ('YYYY-MM-DD') against every rule of the
 * domain reference §1. Violations come in step order; deadlines earliest first.
 */
export function checkTimeline(timeline: RecruitmentTimeline, today: string): RecruitmentCheck {
  if (!isValidDate(today)) throw new RangeError(`today must be a date written YYYY-MM-DD, got ${today}`);
  const ctx = readTimeline(timeline, today);
  checkDocumentDates(ctx);
  checkOrder(ctx);
  checkAge(ctx);
  checkTalk(ctx);
  checkNamedMembers(ctx, 5);
  checkActivistEvaluations(ctx);
  checkActivistReports(ctx);
  checkActivistYear(ctx);
  checkNamedMembers(ctx, 9);
  checkPoliticalReview(ctx);
  checkTraining(ctx);
  checkLeaving(ctx);
  checkPublicity(ctx);
  checkVolunteerForm(ctx);
  checkApproval(ctx);
  checkCommitteeTalk(ctx);
  checkProbation(ctx);
  checkExtension(ctx);
  checkProbationEducation(ctx);

  const finished = ctx.steps.has(25);
  return {
    stage: currentStage(ctx),
    violations: ctx.violations.map((v, i) => ({ v, i })).sort((a, b) => a.v.step - b.v.step || a.i - b.i).map(({ v }) => v),
    next: nextStep(ctx),
    deadlines: finished ? [] : ctx.deadlines.sort((a, b) => a.date.localeCompare(b.date) || a.step - b.step),
  };
}

// ─── From the stored dossier ─────────────────────────────────────────────────────────────────────

const CHINESE_DIGITS: Readonly<Record<string, number>> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 6, 六, 十, 十二 → a number; undefined for anything else. */
function readCount(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text);
  if (CHINESE_DIGITS[text] !== undefined) return CHINESE_DIGITS[text];
  const tens = /^([一二两三四五六七八九]?)十([一二三四五六七八九]?)$/.exec(text);
  if (!tens) return undefined;
  return (tens[1] ? CHINESE_DIGITS[tens[1]]! : 1) * 10 + (tens[2] ? CHINESE_DIGITS[tens[2]]! : 0);
}

/**
 * Reads the outcome a secretary wrote on step 23: '按期转正', '延长预备期六个月', '延长预备期一年',
 * '取消预备党员资格'. An extension whose length cannot be read has no extensionMonths (R-EXTEND asks).
 */
export function readProbationOutcome(text: string | undefined): { outcome: ProbationOutcome; extensionMonths?: number } {
  const t = (text ?? '').replace(/\s+/g, '');
  if (t.includes('取消')) return { outcome: 'cancel' };
  if (!t.includes('延长')) return { outcome: 'confirm' };
  if (t.includes('半年')) return { outcome: 'extend', extensionMonths: 6 };
  const months = /(\d+|[一二两三四五六七八九十]+)个?月/.exec(t);
  const years = /(\d+|[一二两])年/.exec(t);
  const count = months ? readCount(months[1]!) : years ? readCount(years[1]!) : undefined;
  if (count === undefined) return { outcome: 'extend' };
  return { outcome: 'extend', extensionMonths: months ? count : count * 12 };
}

/**
 * The stored dossier (shared/model/dossiers.ts) as the timeline checkTimeline reads, with the
 * committee's returns of its requests (approvals.ts returnsOf) where the caller has them.
 */
export function timelineFromDossier(
  dossier: Pick<DossierDoc, 'events' | 'thoughtReports' | 'evaluations' | 'trainings' | 'leavingOn' | 'approvalDelayReason'>,
  birthDate: string,
  returns: readonly ReturnedRequest[] = [],
): RecruitmentTimeline {
  const publicity = dossier.events.find((e) => e.step === 13 && e.publicity)?.publicity;
  return {
    birthDate,
    events: dossier.events.map((e) => ({
      step: e.step,
      date: e.date,
      ...(e.endDate !== undefined ? { endDate: e.endDate } : {}),
      ...(e.people !== undefined ? { people: e.people } : {}),
      ...(e.step === 23 ? readProbationOutcome(e.outcome) : {}),
    })),
    thoughtReports: dossier.thoughtReports.map((r) => r.date),
    evaluations: dossier.evaluations.map((r) => r.date),
    trainings: dossier.trainings.map((t) => ({ from: t.date, to: t.endDate ?? t.date, ...(t.hours !== undefined ? { hours: t.hours } : {}) })),
    ...(dossier.leavingOn !== undefined ? { leavingOn: dossier.leavingOn } : {}),
    ...(dossier.approvalDelayReason ? { approvalDelayReason: dossier.approvalDelayReason } : {}),
    ...(publicity ? { publicity: { from: publicity.from, to: publicity.to } } : {}),
    ...(returns.length > 0 ? { returns } : {}),
  };
}
