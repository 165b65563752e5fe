import { useEffect, useState } from 'react';
import { map } from 'rxjs';
import type { PersonDoc } from '@shared/model';
import { useDb, useObservable, type Live } from '../../db/context';

/** Everyone the branch keeps, on the roll or archived, as plain objects, live. */
export function useRosterPeople(orgId: string): Live<PersonDoc[]> {
  const db = useDb();
  return useObservable(() => db.people.find({ selector: { orgId } }).$.pipe(map((docs) => docs.map((d) => d.toMutableJSON(false) as PersonDoc))), [db, orgId]);
}

export function usePerson(id: string): Live<PersonDoc | null> {
  const db = useDb();
  return useObservable(() => db.people.findOne(id).$.pipe(map((d) => (d ? (d.toMutableJSON(false) as PersonDoc) : null))), [db, id]);
}

/** The height left for a scrolling table below `reserved` pixels of page, following window resizes. */
export function useTableHeight(reserved: number): number {
  const measure = () => Math.max(300, window.innerHeight - reserved);
  const [height, setHeight] = useState(measure);
  useEffect(() => {
    const onResize = () => setHeight(Math.max(300, window.innerHeight - reserved));
    onResize(); // `reserved` changes with large type: measure again at once, not at the next resize
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, [reserved]);
  return height;
}
