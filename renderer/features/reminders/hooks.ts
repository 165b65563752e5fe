/** Everything the reminders centre reads, live, gathered for reminderCentre (the rule does the rest). */
import { useMemo } from 'react';
import { map, type Observable } from 'rxjs';
import { addMonths } from '@shared/dates';
import type { AppraisalDoc, CareDoc, DossierDoc, OrgDoc, TransferDoc } from '@shared/model';
import { returnsOf } from '@shared/rules/approvals';
import { probationEnd } from '@shared/rules/dossier';
import { reminderCentre, type CentreItem } from '@shared/rules/reminder-centre';
import { useDb, useObservable } from '../../db/context';
import { useDuesBetween } from '../dues/hooks';
import { useRecruitmentReminders } from '../home/RecruitmentReminders';
import { useMeetingsBetween } from '../meetings/hooks';
import { useApprovals } from '../recruitment/hooks';
import { useRosterPeople } from '../roster/hooks';

/** Every document of a collection for the branch, as plain objects. */
function useAll<T>(collection: 'care' | 'transfers' | 'dossiers', orgId: string) {
  const db = useDb();
  return useObservable(() => {
    const query = (db[collection] as unknown as { find(q: object): { $: Observable<{ toMutableJSON(withMeta: false): unknown }[]> } }).find({ selector: { orgId } });
    return query.$.pipe(map((docs) => docs.map((d) => d.toMutableJSON(false) as T)));
  }, [db, collection, orgId]);
}

/** The reminders of the branch, most urgent first; null while loading. */
export function useReminderCentre(branch: OrgDoc, today: string): CentreItem[] | null {
  const db = useDb();
  const year = Number(today.slice(0, 4));
  const people = useRosterPeople(branch.id);
  const recruitment = useRecruitmentReminders(branch.id, today);
  const meetings = useMeetingsBetween(branch.id, `${Math.min(year, Number(addMonths(today, -12).slice(0, 4)))}-01-01`, today);
  const dues = useDuesBetween(branch.id, branch.dues?.ledgerStart ?? '9999-12', '9999-12');
  const care = useAll<CareDoc>('care', branch.id);
  const transfers = useAll<TransferDoc>('transfers', branch.id);
  const dossiers = useAll<DossierDoc>('dossiers', branch.id);
  // The committee's returns: a 转正 meeting held again replaces the earlier one (dossier.ts probationEnd).
  const approvals = useApprovals(branch.id);
  const appraisals = useObservable(
    () => db.appraisals.find({ selector: { orgId: branch.id, year: { $gte: year - 1 } } }).$.pipe(map((docs) => docs.map((d) => d.toMutableJSON(false) as AppraisalDoc))),
    [db, branch.id, year],
  );
  const parts = [people, recruitment, meetings, dues, care, transfers, dossiers, approvals, appraisals];
  const ready = parts.every((p) => p.value !== undefined);
  return useMemo(() => {
    if (!ready) return null;
    const probationEnds = new Map<string, string>();
    for (const d of dossiers.value ?? []) {
      const end = probationEnd(d.events, returnsOf(d, approvals.value!));
      if (end) probationEnds.set(d.personId, end);
    }
    return reminderCentre({
      today,
      org: branch,
      people: people.value!,
      recruitment: recruitment.value!,
      meetings: meetings.value!,
      dues: dues.value!,
      care: care.value!,
      transfers: transfers.value!,
      appraisals: appraisals.value!,
      probationEnds,
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ready, today, branch, ...parts.map((p) => p.value)]);
}
