/** The 送学上门 records naming a meeting: each counts as the member taking part in it. */
import { map } from 'rxjs';
import type { CareDoc } from '@shared/model';
import { homeStudyCredits } from '@shared/rules/care';
import { useDb, useObservable } from '../../db/context';

export function useHomeStudyCredits(orgId: string) {
  const db = useDb();
  return useObservable(
    () => db.care.find({ selector: { orgId, kind: 'home-study' } }).$.pipe(map((docs) => homeStudyCredits(docs.map((d) => d.toMutableJSON(false) as CareDoc)))),
    [db, orgId],
  );
}
