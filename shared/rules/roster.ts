/** Counts of a roster, as the 首页 and the committee's statistics show them. */
import type { PartyStatus, PersonCategory, PersonDoc } from '../model';

export type RosterPerson = Pick<PersonDoc, 'status' | 'category' | 'gender' | 'onRoll'>;

export interface RosterCounts {
  /** 党员: full and probationary members on the roll. */
  members: number;
  full: number;
  probationary: number;
  /** 发展对象, 入党积极分子, 入党申请人: tracked, not members yet. */
  candidates: number;
  activists: number;
  applicants: number;
  /** Among members. */
  women: number;
  retired: number;
  mobile: number;
}

const MEMBER_STATUSES: ReadonlySet<PartyStatus> = new Set(['full', 'probationary']);

export function isMember(person: Pick<PersonDoc, 'status' | 'onRoll'>): boolean {
  return person.onRoll && MEMBER_STATUSES.has(person.status);
}

export function countRoster(people: readonly RosterPerson[]): RosterCounts {
  const counts: RosterCounts = { members: 0, full: 0, probationary: 0, candidates: 0, activists: 0, applicants: 0, women: 0, retired: 0, mobile: 0 };
  const byStatus: Record<PartyStatus, keyof RosterCounts> = {
    full: 'full',
    probationary: 'probationary',
    candidate: 'candidates',
    activist: 'activists',
    applicant: 'applicants',
  };
  const byCategory: Partial<Record<PersonCategory, keyof RosterCounts>> = { retired: 'retired', mobile: 'mobile' };
  for (const person of people) {
    if (!person.onRoll) continue;
    counts[byStatus[person.status]] += 1;
    if (!isMember(person)) continue;
    counts.members += 1;
    if (person.gender === 'female') counts.women += 1;
    const categoryKey = byCategory[person.category];
    if (categoryKey) counts[categoryKey] += 1;
  }
  return counts;
}

/** The counts the 首页 shows; each is a sum of counts the database answers from an index. */
export type HomeCountKey = Exclude<keyof RosterCounts, 'women'>;

// A type literal, not an interface, so it fits RxDB's selector type with its index signatures.
export type RosterSelector = {
  orgId: string;
  onRoll: true;
  status: PartyStatus;
  category?: PersonCategory;
};

const bothMemberStatuses = (category?: PersonCategory): { status: PartyStatus; category?: PersonCategory }[] =>
  (['full', 'probationary'] as const).map((status) => (category ? { status, category } : { status }));

const HOME_COUNT_PARTS: Record<HomeCountKey, { status: PartyStatus; category?: PersonCategory }[]> = {
  members: bothMemberStatuses(),
  full: [{ status: 'full' }],
  probationary: [{ status: 'probationary' }],
  candidates: [{ status: 'candidate' }],
  activists: [{ status: 'activist' }],
  applicants: [{ status: 'applicant' }],
  retired: bothMemberStatuses('retired'),
  mobile: bothMemberStatuses('mobile'),
};

export const HOME_COUNT_KEYS = Object.keys(HOME_COUNT_PARTS) as HomeCountKey[];

/** The same meaning as `countRoster`, as selectors over the people index (orgId, onRoll, status, category). */
export function homeCountSelectors(orgId: string): Record<HomeCountKey, RosterSelector[]> {
  const result = {} as Record<HomeCountKey, RosterSelector[]>;
  for (const key of HOME_COUNT_KEYS) {
    result[key] = HOME_COUNT_PARTS[key].map((part) => ({ orgId, onRoll: true, ...part }));
  }
  return result;
}
