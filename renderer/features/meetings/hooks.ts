/** The branch's meetings between two dates, oldest first, kept up to date. */
import { map } from 'rxjs';
import type { MeetingDoc } from '@shared/model';
import { useDb, useObservable } from '../../db/context';

export function useMeetingsBetween(orgId: string, from: string, to: string) {
  const db = useDb();
  return useObservable(
    () => db.meetings.find({ selector: { orgId, date: { $gte: from, $lte: to } }, sort: [{ date: 'asc' }] }).$.pipe(map((docs) => docs.map((d) => d.toMutableJSON(false) as MeetingDoc))),
    [db, orgId, from, to],
  );
}
