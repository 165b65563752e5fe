/**
 * The 上级党委's part of recruitment (domain reference §1): which steps of a dossier wait for the
 * committee, and how its decision (an `approvals` document, the only thing a committee writes) becomes
 * a step of the branch's dossier.
 *
 * Committee steps, by the "who acts" column: 4 and 8 报上级党委备案 (branch → committee), 13 上级党委预审,
 * 17 上级党委审批, 24 上级党委审批 (转正). Not here: 11 集中培训 and 16 派人谈话 are things the committee
 * does, not decisions on a branch's report, and 18 is the committee's own 备案 with the organization
 * department above it, whose answer this app does not receive.
 *
 * The same holds for 民主评议 (domain reference §3): once each member is told the result in writing
 * (stage 'notified'), the results are filed (备案) with the committee; an approval of that 备案 moves
 * the branch's appraisal to its last stage, 'filed' (appraisalRequest, applyAppraisalApproval).
 *
 * Pure: "today" comes in as an argument. Counting of months is shared/dates' addMonths, as in
 * recruitment.ts, whose R-APPROVAL-3M and R-CONFIRM-APPROVAL-3M due dates (not exported there) are
 * computed the same way here.
 */
import { addDays, addMonths, chinaToday, isValidDate } from '../dates';
import type { AppraisalDoc, ApprovalDoc, ApprovalKind, DossierDoc } from '../model';
import { recordStep, type DossierEvent } from './dossier';
import { nthWorkingDay, readProbationOutcome, type ReturnedRequest } from './recruitment';
import { recruitmentStep } from './recruitment-steps';

export interface CommitteeStep {
  step: number;
  kind: ApprovalKind;
  /** The branch's step that reports the matter to the committee. */
  leadingStep: number;
  /**
   * The first step whose record shows the dossier went past this one: a request is no longer open
   * then (the branch fills in the missing record, which R-ORDER asks for), so a dossier entered
   * after the fact does not fill the committee's queue with decisions it would date today.
   */
  passedAt: number;
}

/** The committee's steps of the 25 (domain reference §1), in order. */
export const COMMITTEE_STEPS: readonly CommitteeStep[] = [
  { step: 4, kind: 'filing', leadingStep: 3, passedAt: 7 }, // 5, 6 may start before the 备案 returns
  { step: 8, kind: 'filing', leadingStep: 7, passedAt: 12 }, // 9, 10, 11 share R-ORDER's place with 8
  { step: 13, kind: 'pre-review', leadingStep: 12, passedAt: 14 },
  { step: 17, kind: 'approval', leadingStep: 15, passedAt: 18 }, // 16 (the committee's talk) comes before
  { step: 24, kind: 'confirm-approval', leadingStep: 23, passedAt: 25 },
];

const APPROVAL_LABELS: Readonly<Record<ApprovalKind, string>> = {
  filing: '备案',
  'pre-review': '预审',
  approval: '审批',
  'confirm-approval': '转正审批',
  'appraisal-filing': '民主评议备案',
};

/** 备案, 预审, 审批, 转正审批, 民主评议备案. */
export function approvalLabel(kind: ApprovalKind): string {
  return APPROVAL_LABELS[kind];
}

export function committeeStep(step: number): CommitteeStep | undefined {
  return COMMITTEE_STEPS.find((s) => s.step === step);
}

export function isCommitteeStep(step: number): boolean {
  return committeeStep(step) !== undefined;
}

const APPROVAL_MONTHS = 3; // R-APPROVAL-3M
const APPROVAL_MONTHS_WITH_REASON = 6; // R-APPROVAL-3M: up to six with a recorded reason
const CONFIRM_APPROVAL_MONTHS = 3; // R-CONFIRM-APPROVAL-3M
const PUBLICITY_WORKING_DAYS = 5; // R-PUBLICITY-5WD

export interface CommitteeRequest {
  dossierId: string;
  personId: string;
  step: number;
  kind: ApprovalKind;
  /** In Chinese, what is asked: '入党积极分子备案', '预审', '转正审批'… */
  label: string;
  /** When the branch did the leading step (the latest time, after a return). */
  since: string;
  /** Step 13: the first day a 预审意见 may carry, once a 公示 of five working days is over (R-PUBLICITY-5WD). */
  earliest?: string;
  /** The last day the rules give: step 17 (R-APPROVAL-3M), step 24 (R-CONFIRM-APPROVAL-3M). */
  due?: string;
  overdue: boolean;
  /** 'returned': the committee sent it back and the branch has not done the leading step again since. */
  state: 'waiting' | 'returned';
  /** The latest return of this request, if any, and its reason. */
  returnedOn?: string;
  returnComment?: string;
}

const isDecided = (a: ApprovalDoc): boolean => a.decision === 'approved' || a.decision === 'filed';

/** Whether the approval is the committee's answer on this dossier's `step`. */
function concerns(approval: ApprovalDoc, dossier: DossierDoc, step: CommitteeStep): boolean {
  return (
    approval.targetCollection === 'dossiers' &&
    approval.targetId === dossier.id &&
    approval.orgId === dossier.orgId &&
    approval.step === step.step &&
    approval.kind === step.kind &&
    isValidDate(approval.decidedOn)
  );
}

const datesOf = (dossier: DossierDoc, step: number): string[] =>
  dossier.events
    .filter((e) => e.step === step && isValidDate(e.date))
    .map((e) => e.date)
    .sort();

/** The latest record of a step (23 may be recorded more than once). */
const lastEvent = (dossier: DossierDoc, step: number): DossierEvent | undefined =>
  dossier.events.filter((e) => e.step === step).sort((a, b) => a.date.localeCompare(b.date)).at(-1);

/**
 * Whether the dossier still takes committee decisions on `step`: an open one; a stopped one only for
 * the 审批 of a 取消预备党员资格 (step 23 stops the dossier, the committee still approves it).
 */
function takesDecisions(dossier: DossierDoc, step: number): boolean {
  if (dossier.state === 'open') return true;
  if (dossier.state !== 'stopped' || step !== 24) return false;
  const lastMeeting = lastEvent(dossier, 23);
  return lastMeeting !== undefined && readProbationOutcome(lastMeeting.outcome).outcome === 'cancel';
}

/**
 * The period a decision on `step` dated `on` belongs to: from the latest leading step on or before it
 * to the next one. Only step 24 repeats (23 延长 → 24 → 22 → 23 转正 → 24), so for the others it is
 * the whole dossier once the leading step is recorded. Undefined when no leading step precedes `on`.
 */
function periodOf(dossier: DossierDoc, step: CommitteeStep, on: string): { from: string; until?: string } | undefined {
  const leading = datesOf(dossier, step.leadingStep);
  if (step.step !== 24) return leading.length > 0 ? { from: '0000-00-00' } : undefined;
  const index = leading.findLastIndex((d) => d <= on);
  if (index === -1) return undefined;
  const next = leading[index + 1];
  return { from: leading[index]!, ...(next !== undefined ? { until: next } : {}) };
}

const within = (date: string, period: { from: string; until?: string }): boolean =>
  date >= period.from && (period.until === undefined || date < period.until);

/** The label of a request: which 备案 it is, or what the 转正 meeting decided. */
function requestLabel(dossier: DossierDoc, step: CommitteeStep): string {
  if (step.step === 4) return '入党积极分子备案';
  if (step.step === 8) return '发展对象备案';
  if (step.step === 17) return '接收预备党员审批';
  if (step.step === 24) {
    const outcome = readProbationOutcome(lastEvent(dossier, 23)?.outcome).outcome;
    return outcome === 'extend' ? '延长预备期审批' : outcome === 'cancel' ? '取消预备党员资格审批' : '转正审批';
  }
  return approvalLabel(step.kind);
}

function dueOf(dossier: DossierDoc, step: number, since: string): string | undefined {
  if (step === 17) return addMonths(since, dossier.approvalDelayReason?.trim() ? APPROVAL_MONTHS_WITH_REASON : APPROVAL_MONTHS);
  if (step === 24) return addMonths(since, CONFIRM_APPROVAL_MONTHS);
  return undefined;
}

/**
 * What the committee has to act on for this dossier on `today`, in step order. A request exists when
 * the branch has done the leading step, the committee step is neither recorded in the dossier nor
 * approved/filed by an approval (for step 24: since the latest 转正 meeting), and no later step shows
 * the dossier went past it. After a return the request waits for the branch ('returned') until the
 * branch does the leading step again on a later day.
 */
export function committeeRequests(dossier: DossierDoc, approvals: readonly ApprovalDoc[], today: string): CommitteeRequest[] {
  if (!isValidDate(today)) throw new RangeError(`today must be a date written YYYY-MM-DD, got ${today}`);
  const requests: CommitteeRequest[] = [];
  for (const step of COMMITTEE_STEPS) {
    if (!takesDecisions(dossier, step.step)) continue;
    const since = datesOf(dossier, step.leadingStep).at(-1);
    if (since === undefined) continue;
    if (dossier.events.some((e) => e.step >= step.passedAt)) continue;
    const period = periodOf(dossier, step, since)!;
    if (datesOf(dossier, step.step).some((d) => within(d, period))) continue;
    const mine = approvals.filter((a) => concerns(a, dossier, step));
    if (mine.some((a) => isDecided(a) && within(a.decidedOn, period))) continue;

    const lastReturn = mine
      .filter((a) => a.decision === 'returned')
      .sort((a, b) => a.decidedOn.localeCompare(b.decidedOn) || a.createdAt.localeCompare(b.createdAt))
      .at(-1);
    const due = dueOf(dossier, step.step, since);
    requests.push({
      dossierId: dossier.id,
      personId: dossier.personId,
      step: step.step,
      kind: step.kind,
      label: requestLabel(dossier, step),
      since,
      // R-PUBLICITY-5WD: as recruitment.ts reads it, five working days counted from step 12 when the 公示 is not recorded yet.
      ...(step.step === 13 ? { earliest: addDays(nthWorkingDay(since, PUBLICITY_WORKING_DAYS), 1) } : {}),
      ...(due !== undefined ? { due } : {}),
      overdue: due !== undefined && today > due,
      state: lastReturn !== undefined && since <= lastReturn.decidedOn ? 'returned' : 'waiting',
      ...(lastReturn !== undefined ? { returnedOn: lastReturn.decidedOn } : {}),
      ...(lastReturn?.comment ? { returnComment: lastReturn.comment } : {}),
    });
  }
  return requests;
}

/** One line in Chinese for a list or the dossier's page. */
export function describeRequest(request: CommitteeRequest): string {
  if (request.state === 'returned') {
    const leading = recruitmentStep(committeeStep(request.step)!.leadingStep).name;
    const reason = request.returnComment?.trim().replace(/[。．.！!；;，,\s]+$/u, '');
    return `上级党委已于 ${request.returnedOn} 退回${request.label}${reason ? `：${reason}` : ''}。请按意见补正，重新${leading}后再报。`;
  }
  const due = request.due ? `，应在 ${request.due} 前办理${request.overdue ? '（已逾期）' : ''}` : '';
  return `${request.label}：支部于 ${request.since} 报来，等待上级党委办理${due}。`;
}

/**
 * The committee's returns (退回) of this dossier's requests, as the timeline check reads them: a
 * leading step recorded again after one of them replaces the earlier record instead of contradicting it.
 */
export function returnsOf(dossier: DossierDoc, approvals: readonly ApprovalDoc[]): ReturnedRequest[] {
  return COMMITTEE_STEPS.flatMap((step) =>
    approvals
      .filter((a) => a.decision === 'returned' && concerns(a, dossier, step))
      .map((a) => ({ step: step.step, leadingStep: step.leadingStep, returnedOn: a.decidedOn })),
  ).sort((a, b) => a.returnedOn.localeCompare(b.returnedOn) || a.step - b.step);
}

/** A request the committee returned that waits for the branch to put it right and send it again. */
export interface OpenReturn {
  dossierId: string;
  personId: string;
  /** The committee's step the request was for: 4, 8, 13, 17 or 24. */
  step: number;
  /** The branch's step to do again, which sends the request anew: 3, 7, 12, 15 or 23. */
  leadingStep: number;
  /** '入党积极分子备案', '预审', '转正审批'… */
  label: string;
  returnedOn: string;
  /** The committee's reasons and what to add, as it wrote them. */
  comment?: string;
}

/**
 * The returns still open on `today`: the latest return of a request that is still open (committeeRequests),
 * not followed by a later record of its leading step (the branch sent it again) nor by an approval or a
 * record of the committee step. The branch sees each one until it has done the leading step again.
 */
export function openReturns(dossier: DossierDoc, approvals: readonly ApprovalDoc[], today: string): OpenReturn[] {
  return committeeRequests(dossier, approvals, today)
    .filter((r) => r.state === 'returned')
    .map((r) => ({
      dossierId: r.dossierId,
      personId: r.personId,
      step: r.step,
      leadingStep: committeeStep(r.step)!.leadingStep,
      label: r.label,
      returnedOn: r.returnedOn!,
      ...(r.returnComment !== undefined ? { comment: r.returnComment } : {}),
    }));
}

/** What the committee's decision says, as the step's outcome. */
function outcomeText(dossier: DossierDoc, approval: ApprovalDoc, step: number): string {
  if (approval.decision === 'filed' || step === 4 || step === 8) return '已备案';
  if (step === 13) return '预审同意';
  if (step === 17) return '同意接收为预备党员';
  const meeting = dossier.events.filter((e) => e.step === 23 && e.date <= approval.decidedOn).at(-1);
  return `同意${meeting?.outcome?.trim() || '按期转正'}`;
}

/**
 * The branch side: an approved or filed decision on a committee step the dossier has not recorded
 * yet gives the dossier with that step recorded (date = decidedOn, 文号, the decision as outcome, the
 * comment as note); `updatedAt` and `updatedBy` are the caller's to set. Null when nothing changes:
 * another target, not a committee step, a return, a dossier that takes no decisions any more, a
 * decision without the leading step before it, or the step already recorded (by the branch by hand,
 * or by an earlier application: applying twice changes nothing the second time). A step the branch
 * recorded is never overwritten.
 */
export function applyApproval(dossier: DossierDoc, approval: ApprovalDoc): DossierDoc | null {
  const step = approval.step === undefined ? undefined : committeeStep(approval.step);
  if (!step || !concerns(approval, dossier, step) || !isDecided(approval)) return null;
  if (!takesDecisions(dossier, step.step)) return null;
  const period = periodOf(dossier, step, approval.decidedOn);
  if (!period) return null;
  if (dossier.events.some((e) => e.step === step.step && within(e.date, period))) return null;
  const event: DossierEvent = {
    step: step.step,
    date: approval.decidedOn,
    outcome: outcomeText(dossier, approval, step.step),
    ...(approval.docNo?.trim() ? { docNo: approval.docNo.trim() } : {}),
    ...(approval.comment?.trim() ? { note: approval.comment.trim() } : {}),
  };
  // recordStep keeps the events in step order; the dossier's own stamp leaves updatedAt to the caller.
  return recordStep(dossier, event, { now: dossier.updatedAt, by: dossier.updatedBy }).dossier;
}

/** The committee's 民主评议结果备案 of one branch's appraisal of a year, as the queue shows it. */
export interface AppraisalRequest {
  appraisalId: string;
  orgId: string;
  year: number;
  kind: 'appraisal-filing';
  /** '2026年度民主评议结果备案'. */
  label: string;
  /** When the branch sent it: the latest written notice to a member, or its latest change after it (a re-send). */
  since: string;
  /** No rule gives the committee a time limit for this 备案: never overdue. */
  overdue: false;
  /** 'returned': the committee sent it back and the branch has changed nothing since (on a later day). */
  state: 'waiting' | 'returned';
  returnedOn?: string;
  returnComment?: string;
}

/** Whether the approval is the committee's answer on this appraisal's 结果备案. */
function concernsAppraisal(approval: ApprovalDoc, appraisal: AppraisalDoc): boolean {
  return (
    approval.targetCollection === 'appraisals' &&
    approval.targetId === appraisal.id &&
    approval.orgId === appraisal.orgId &&
    approval.kind === 'appraisal-filing' &&
    isValidDate(approval.decidedOn)
  );
}

/**
 * The day the branch (last) sent its results: the latest 书面通知 of a member, or the day of the
 * appraisal's latest change when that is later. A return is answered by correcting the results (and
 * telling the members again) or the note, or by setting the stage back and to 结果通知 again: each
 * changes the document, so a change on a later day than the return sends the 备案 again. The change's
 * time is the server's stamp, read as a day in China as every date of the app is.
 */
function sentOn(appraisal: AppraisalDoc): string {
  const notices = appraisal.results.map((r) => r.notifiedOn).filter((d): d is string => d !== undefined && isValidDate(d));
  const changed = new Date(appraisal.updatedAt);
  const changedOn = Number.isNaN(changed.getTime()) ? undefined : chinaToday(changed);
  return [...notices, ...(changedOn ? [changedOn] : [])].sort().at(-1) ?? '0000-00-00';
}

/**
 * The committee's 民主评议结果备案 for this appraisal, or null: asked once each member has been told the
 * result (stage 'notified'), until an approved or filed decision exists; not asked before, nor after the
 * branch has recorded it as filed. After a return it waits for the branch ('returned') until the branch
 * changes it on a later day than the return, as committeeRequests does with a dossier's leading step.
 */
export function appraisalRequest(appraisal: AppraisalDoc, approvals: readonly ApprovalDoc[]): AppraisalRequest | null {
  if (appraisal.stage !== 'notified') return null;
  const mine = approvals.filter((a) => concernsAppraisal(a, appraisal));
  if (mine.some(isDecided)) return null;
  const since = sentOn(appraisal);
  const lastReturn = mine
    .filter((a) => a.decision === 'returned')
    .sort((a, b) => a.decidedOn.localeCompare(b.decidedOn) || a.createdAt.localeCompare(b.createdAt))
    .at(-1);
  return {
    appraisalId: appraisal.id,
    orgId: appraisal.orgId,
    year: appraisal.year,
    kind: 'appraisal-filing',
    label: `${appraisal.year}年度民主评议结果备案`,
    since,
    overdue: false,
    state: lastReturn !== undefined && since <= lastReturn.decidedOn ? 'returned' : 'waiting',
    ...(lastReturn !== undefined ? { returnedOn: lastReturn.decidedOn } : {}),
    ...(lastReturn?.comment ? { returnComment: lastReturn.comment } : {}),
  };
}

/** One line in Chinese for the committee's queue or the branch's appraisal page. */
export function describeAppraisalRequest(request: AppraisalRequest): string {
  if (request.state === 'returned') {
    const reason = request.returnComment?.trim().replace(/[。．.！!；;，,\s]+$/u, '');
    return `上级党委已于 ${request.returnedOn} 退回${request.label}${reason ? `：${reason}` : ''}。请按意见补正评议结果（需要时重新通知本人），修改后即重新报送。`;
  }
  return `${request.label}：支部于 ${request.since} 报来，等待上级党委备案。`;
}

/**
 * The committee's 备案 of this appraisal in one line for the branch's page (when, by which 文号), or
 * null while there is none: the first approved or filed decision, as the branch applies it.
 */
export function describeAppraisalFiling(appraisal: AppraisalDoc, approvals: readonly ApprovalDoc[]): string | null {
  const decided = approvals
    .filter((a) => concernsAppraisal(a, appraisal) && isDecided(a))
    .sort((a, b) => a.decidedOn.localeCompare(b.decidedOn) || a.createdAt.localeCompare(b.createdAt))[0];
  if (!decided) return null;
  const docNo = decided.docNo?.trim();
  return `上级党委已于 ${decided.decidedOn} 备案${appraisal.year}年度民主评议结果${docNo ? `（${docNo}）` : ''}。`;
}

/**
 * The branch side of the 民主评议结果备案: an approved or filed decision on this appraisal gives it at
 * stage 'filed'; `updatedAt` and `updatedBy` are the caller's to set. Null when nothing changes:
 * another target or kind, a return, an appraisal already filed (applying twice changes nothing), or
 * one not at 结果通知: the 备案 answers results told to the members, and an appraisal the branch set
 * back to correct them is filed once it is at 结果通知 again. The stage only ever moves forward to
 * 'filed', the last one, and only from the stage just before it.
 */
export function applyAppraisalApproval(appraisal: AppraisalDoc, approval: ApprovalDoc): AppraisalDoc | null {
  if (!concernsAppraisal(approval, appraisal) || !isDecided(approval)) return null;
  if (appraisal.stage !== 'notified') return null;
  return { ...appraisal, stage: 'filed' };
}
