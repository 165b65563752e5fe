/** The roster list: which people a search and the filters keep, in the order a secretary expects. */
import { ageOn } from '../dates';
import type { PartyStatus, PersonCategory, PersonDoc } from '../model';
import { nameMatcher } from './pinyin-search';

export interface RosterQuery {
  query: string;
  category: PersonCategory | null;
  status: PartyStatus | null;
  groupId: string | null;
  /** Inclusive age range on `today`. */
  age: { min: number; max: number } | null;
  showArchived: boolean;
}

const STATUS_ORDER: Record<PartyStatus, number> = { full: 0, probationary: 1, candidate: 2, activist: 3, applicant: 4 };
const byName = new Intl.Collator('zh-Hans-CN');

/** Members first (正式, 预备, then the pipeline), then by name in pinyin order. */
export function compareRoster(a: PersonDoc, b: PersonDoc): number {
  return Number(!a.onRoll) - Number(!b.onRoll) || STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || byName.compare(a.name, b.name);
}

export function selectRoster(people: readonly PersonDoc[], q: RosterQuery, today: string): PersonDoc[] {
  const matches = nameMatcher(q.query.trim());
  return people.filter(
    (p) =>
      (q.showArchived || p.onRoll) &&
      (!q.category || p.category === q.category) &&
      (!q.status || p.status === q.status) &&
      (!q.groupId || p.groupId === q.groupId) &&
      (!q.age || (ageOn(p.birthDate, today) >= q.age.min && ageOn(p.birthDate, today) <= q.age.max)) &&
      matches(p.name, p.searchKeys),
  );
}
