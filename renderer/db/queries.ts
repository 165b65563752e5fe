/** The queries screens share, built in one place so RxDB's query cache serves them all. */
import { combineLatest, map, type Observable } from 'rxjs';
// The roster module itself, not the rules index: the first screen must not load every rule.
import { HOME_COUNT_KEYS, homeCountSelectors, type HomeCountKey } from '@shared/rules/roster';
import type { BranchDatabase } from './database';

/** The branch this computer keeps: the oldest branch-level org (ids are ULIDs, so time-ordered). */
export function branchQuery(db: BranchDatabase) {
  return db.orgs.findOne({ selector: { level: 'branch' } });
}

/** The 首页 counts, answered by the database from the people index: no person is loaded. */
export function homeCounts$(db: BranchDatabase, orgId: string): Observable<Record<HomeCountKey, number>> {
  const selectors = homeCountSelectors(orgId);
  const parts = HOME_COUNT_KEYS.map((key) => combineLatest(selectors[key].map((selector) => db.people.count({ selector }).$)));
  return combineLatest(parts).pipe(
    map((perKey) => Object.fromEntries(HOME_COUNT_KEYS.map((key, i) => [key, perKey[i]!.reduce((sum, n) => sum + n, 0)])) as Record<HomeCountKey, number>),
  );
}
