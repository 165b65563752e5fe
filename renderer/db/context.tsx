/** The database for the React tree, and live hooks the screens read through. */
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { map, type Observable } from 'rxjs';
import type { OrgDoc } from '@shared/model';
import type { HomeCountKey } from '@shared/rules/roster';
import { branchQuery, homeCounts$ } from './queries';
import type { BranchDatabase } from './database';

const DbContext = createContext<BranchDatabase | null>(null);

export function DbProvider({ db, children }: { db: BranchDatabase; children: ReactNode }) {
  return <DbContext.Provider value={db}>{children}</DbContext.Provider>;
}

export function useDb(): BranchDatabase {
  const db = useContext(DbContext);
  if (!db) throw new Error('useDb outside DbProvider');
  return db;
}

export type Live<T> =
  | { loading: true; value: undefined; error: null }
  | { loading: false; value: T; error: null }
  | { loading: false; value: undefined; error: Error };

/** Subscribes to an observable for as long as the component lives; errors are shown, not swallowed. */
export function useObservable<T>(make: () => Observable<T>, deps: readonly unknown[]): Live<T> {
  const [state, setState] = useState<Live<T>>({ loading: true, value: undefined, error: null });
  useEffect(() => {
    const subscription = make().subscribe({
      next: (value) => setState({ loading: false, value, error: null }),
      error: (error: unknown) => {
        console.error(error);
        setState({ loading: false, value: undefined, error: error instanceof Error ? error : new Error(String(error)) });
      },
    });
    return () => subscription.unsubscribe();
    // The caller lists what `make` depends on, as with useEffect.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return state;
}

/** The branch this computer keeps (the oldest branch-level org: ids are ULIDs, so time-ordered), or null before the first-run wizard. */
export function useBranch(): Live<OrgDoc | null> {
  const db = useDb();
  return useObservable(
    () =>
      branchQuery(db).$.pipe(map((doc) => (doc ? (doc.toJSON(false) as OrgDoc) : null))),
    [db],
  );
}

/** The 首页 counts, answered by the database from the people index: no person is loaded. */
export function useHomeCounts(orgId: string): Live<Record<HomeCountKey, number>> {
  const db = useDb();
  return useObservable(() => homeCounts$(db, orgId), [db, orgId]);
}
