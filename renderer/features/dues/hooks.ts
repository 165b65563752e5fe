/** The dues ledger rows the screens read, live, through the [orgId, month] index. */
import { map } from 'rxjs';
import type { DuesDoc } from '@shared/model';
import { useDb, useObservable } from '../../db/context';

/** The branch's dues rows from one month to another ('YYYY-MM', both included). */
export function useDuesBetween(orgId: string, from: string, to: string) {
  const db = useDb();
  return useObservable(
    () => db.dues.find({ selector: { orgId, month: { $gte: from, $lte: to } }, sort: [{ month: 'asc' }] }).$.pipe(map((docs) => docs.map((d) => d.toMutableJSON(false) as DuesDoc))),
    [db, orgId, from, to],
  );
}
