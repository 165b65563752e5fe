/**
 * Recording a step of a recruitment dossier, and what it changes on the person: 确定入党积极分子
 * (step 3) makes an activist, 确定发展对象 (7) a candidate, 支部大会接收 (15) a probationary member
 * with 入党日期, the 转正 resolution (23, 按期转正) a full member, 材料归档 (25) closes the dossier.
 */
import { addMonths, addYears } from '../dates';
import type { DossierDoc, PartyStatus, PersonDoc } from '../model';
import { readProbationOutcome, replacedRecords, type ReturnedRequest } from './recruitment';

export type DossierEvent = DossierDoc['events'][number];

export interface RecordedStep {
  dossier: DossierDoc;
  /** The fields of the person that change with this step; empty when none. */
  person: Partial<Pick<PersonDoc, 'status' | 'joinedOn' | 'confirmedOn'>>;
}

const STATUS_AFTER: Partial<Record<number, PartyStatus>> = { 3: 'activist', 7: 'candidate', 15: 'probationary' };

/**
 * The 支部大会 that admitted (step 15): the latest, since a meeting held again after the committee
 * returned its 审批 replaces the earlier one (recruitment.ts replacedRecords).
 */
const admittedOn = (events: readonly DossierEvent[]): string | undefined => events.filter((e) => e.step === 15).at(-1)?.date;

/** Steps whose record carries a committee's 文号 (备案, 预审, 审批). */
export const STEPS_WITH_DOC_NO: ReadonlySet<number> = new Set([4, 8, 13, 17, 18, 24]);

/** `returns`: the committee's returns of this dossier's requests (approvals.ts returnsOf), for probationEnd. */
export function recordStep(dossier: DossierDoc, event: DossierEvent, stamp: { now: string; by: string }, returns: readonly ReturnedRequest[] = []): RecordedStep {
  const events = [...dossier.events.filter((e) => !(e.step === event.step && e.date === event.date)), event].sort((a, b) => a.step - b.step || a.date.localeCompare(b.date));
  const next: DossierDoc = { ...dossier, events, updatedAt: stamp.now, updatedBy: stamp.by };
  if (event.step === 25) next.state = 'closed';
  const person: RecordedStep['person'] = {};
  const status = STATUS_AFTER[event.step];
  if (status) person.status = status;
  if (event.step === 15) person.joinedOn = event.date;
  if (event.step === 23) {
    const { outcome, extensionMonths } = readProbationOutcome(event.outcome);
    const admitted = admittedOn(events);
    if (outcome === 'confirm' && admitted) {
      person.status = 'full';
      // 转正 dates from the end of the probation year, however much later the meeting was (R-PROBATION-1Y).
      person.confirmedOn = probationEnd(events, returns);
    }
    if (outcome === 'extend' && extensionMonths === undefined) throw new Error('延长预备期须写明延长多久（六个月至一年）');
    // 取消预备党员资格: the dossier ends; the person leaves the roll through 出册, with its reason.
    if (outcome === 'cancel') next.state = 'stopped';
  }
  return { dossier: next, person };
}

/**
 * The end of the probation: a year from the 支部大会 that admitted (step 15), plus every extension
 * decided at step 23 (a 转正 or 取消 decision adds nothing). Undefined before step 15. A step-23
 * meeting held again after the committee returned its 转正审批 replaces the earlier one
 * (recruitment.ts replacedRecords): an extension it replaced adds nothing either.
 */
export function probationEnd(events: readonly DossierEvent[], returns: readonly ReturnedRequest[] = []): string | undefined {
  const admitted = admittedOn(events);
  if (!admitted) return undefined;
  const replaced = replacedRecords(events, returns);
  const extension = events
    .filter((e) => e.step === 23 && !replaced.has(e))
    .map((e) => readProbationOutcome(e.outcome).extensionMonths ?? 0)
    .reduce((a, b) => a + b, 0);
  return addMonths(addYears(admitted, 1), extension);
}

/** The person's fields as the steps left in the dossier make them: what undoing a step restores. */
export function statusFromSteps(events: readonly DossierEvent[], returns: readonly ReturnedRequest[] = []): { status: PartyStatus; joinedOn?: string; confirmedOn?: string } {
  let status: PartyStatus = 'applicant';
  for (const event of events) status = STATUS_AFTER[event.step] ?? status;
  const admitted = admittedOn(events);
  const last = events.filter((e) => e.step === 23).at(-1);
  if (admitted && last && readProbationOutcome(last.outcome).outcome === 'confirm') return { status: 'full', joinedOn: admitted, confirmedOn: probationEnd(events, returns) };
  return admitted ? { status, joinedOn: admitted } : { status };
}

/**
 * Takes back the last recorded step (a step entered by mistake): the dossier loses it, reopens if it
 * was the 材料归档 or a 取消资格, and the person's status and dates go back to what the remaining steps
 * give. Only the last step can be taken back: an earlier one would leave later steps without a base.
 */
export function removeLastStep(dossier: DossierDoc, stamp: { now: string; by: string }, returns: readonly ReturnedRequest[] = []): RecordedStep {
  const last = dossier.events.at(-1);
  if (!last) throw new Error('档案中还没有登记任何步骤');
  const events = dossier.events.slice(0, -1);
  const next: DossierDoc = { ...dossier, events, state: 'open', updatedAt: stamp.now, updatedBy: stamp.by };
  const { status, joinedOn, confirmedOn } = statusFromSteps(events, returns);
  return { dossier: next, person: { status, joinedOn, confirmedOn } as RecordedStep['person'] };
}
