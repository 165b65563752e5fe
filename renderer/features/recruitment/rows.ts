/**
 * One dossier as the recruitment screens show it: the timeline check read with the committee's returns
 * (a step done again after a 退回 is no duplicate), the requests waiting for the committee and the returns
 * the branch still has to answer. Rules only (shared/rules): the screens show what this gives.
 */
import type { ApprovalDoc, DossierDoc, PersonDoc } from '@shared/model';
import { committeeRequests, openReturns, returnsOf, type CommitteeRequest, type OpenReturn } from '@shared/rules/approvals';
import type { DossierEvent } from '@shared/rules/dossier';
import { checkTimeline, replacedRecords, timelineFromDossier, type RecruitmentCheck, type ReturnedRequest } from '@shared/rules/recruitment';

export interface DossierRow {
  dossier: DossierDoc;
  person: PersonDoc;
  check: RecruitmentCheck;
  errors: number;
  warnings: number;
  /** Every return of this dossier's requests, as the timeline check reads them. */
  returns: ReturnedRequest[];
  /** The requests to the committee, waiting or returned. */
  requests: CommitteeRequest[];
  /** The returns the branch has not answered yet, by doing the leading step again. */
  openReturns: OpenReturn[];
  /** The records done again after a return, kept as history. */
  replaced: ReadonlySet<DossierEvent>;
}

export function dossierRow(dossier: DossierDoc, person: PersonDoc, approvals: readonly ApprovalDoc[], today: string): DossierRow {
  const returns = returnsOf(dossier, approvals);
  const check = checkTimeline(timelineFromDossier(dossier, person.birthDate, returns), today);
  const errors = check.violations.filter((v) => v.severity === 'error').length;
  return {
    dossier,
    person,
    check,
    errors,
    warnings: check.violations.length - errors,
    returns,
    requests: committeeRequests(dossier, approvals, today),
    openReturns: openReturns(dossier, approvals, today),
    replaced: replacedRecords(dossier.events, returns),
  };
}
