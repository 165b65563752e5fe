/** What the recruitment screens and the 首页 read: the committee's decisions, the returns still open. */
import { combineLatest, map, of, switchMap } from 'rxjs';
import type { ApprovalDoc, DossierDoc, PersonDoc } from '@shared/model';
import { openReturns, type OpenReturn } from '@shared/rules/approvals';
import { useDb, useObservable } from '../../db/context';

/** The committee's decisions on the branch's documents (the 上级审批 that sync brings). */
export function useApprovals(orgId: string) {
  const db = useDb();
  return useObservable(() => db.approvals.find({ selector: { orgId } }).$.pipe(map((docs) => docs.map((d) => d.toMutableJSON(false) as ApprovalDoc))), [db, orgId]);
}

export interface ReturnedItem extends OpenReturn {
  name: string;
}

/** The requests the committee returned that the branch has not sent again, latest return first. */
export function useOpenReturns(orgId: string, today: string) {
  const db = useDb();
  return useObservable(
    () =>
      combineLatest([db.dossiers.find({ selector: { orgId, state: 'open' } }).$, db.approvals.find({ selector: { orgId } }).$]).pipe(
        switchMap(([dossierDocs, approvalDocs]) => {
          const approvals = approvalDocs.map((a) => a.toMutableJSON(false) as ApprovalDoc);
          const open = dossierDocs
            .flatMap((d) => openReturns(d.toMutableJSON(false) as DossierDoc, approvals, today))
            .sort((a, b) => b.returnedOn.localeCompare(a.returnedOn));
          if (open.length === 0) return of([] as ReturnedItem[]);
          return db.people
            .findByIds(open.map((r) => r.personId))
            .$.pipe(map((people) => open.map((r) => ({ ...r, name: (people.get(r.personId)?.toMutableJSON(false) as PersonDoc | undefined)?.name ?? '' }))));
        }),
      ),
    [db, orgId, today],
  );
}
