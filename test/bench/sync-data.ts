/**
 * Data for the sync benchmarks: a branch of 500 members with a year of its records, and small
 * fresh documents of the kinds a branch writes day to day (a meeting, a visit, a dues payment).
 */
import { ulid } from 'ulid';
import { generateDemoBranch, generateScaleData, type DemoDataSet } from '../../shared/demo/index.ts';
import { demoStamp } from '../../shared/demo/branch.ts';
import { SeededRandom } from '../../shared/demo/random.ts';
import { generateUpkeep } from '../../shared/demo/upkeep.ts';
import type { CollectionName, DocTypes } from '../../shared/model/index.ts';

export const BENCH_TODAY = '2026-11-23';

/**
 * The demo branch grown to 500 people (the scale generator, one year of group meetings), with the
 * demo's dues ledger, care and transfers laid out over all of them. generateDemoBranch has no size
 * option; the scale set alone keeps no dues for its extra members.
 */
export function branchOf500(seed = 20261123): DemoDataSet {
  const scale = generateScaleData({ today: BENCH_TODAY, seed, members: 454, years: 1 });
  const upkeep = generateUpkeep(new SeededRandom(seed + 2), { org: scale.org, people: scale.people, meetings: scale.meetings, today: BENCH_TODAY, stamp: demoStamp(BENCH_TODAY) });
  // The base branch's first leaver is off the roll now, so the second pass left her ledger and transfer out: keep them.
  const covered = new Set(upkeep.dues.map((d) => d.personId));
  return {
    ...scale,
    org: { ...scale.org, name: '规模测试支部（五百名党员）' },
    dues: [...upkeep.dues, ...scale.dues.filter((d) => !covered.has(d.personId))],
    care: upkeep.care,
    transfers: [...scale.transfers, ...upkeep.transfers],
  };
}

export const documentCount = (set: DemoDataSet): number =>
  1 + set.people.length + set.dossiers.length + set.meetings.length + set.dues.length + set.care.length + set.transfers.length;

const templates = generateDemoBranch({ today: BENCH_TODAY, seed: 7 });

/** What a branch writes in a day, as fresh documents of its org: a new copy of a demo record each time. */
export type DailyCollection = 'meetings' | 'care' | 'dues' | 'people';
export const DAILY_COLLECTIONS: readonly DailyCollection[] = ['meetings', 'care', 'dues', 'people'];

export function freshDoc<C extends DailyCollection>(collection: C, orgId: string, index = 0): DocTypes[C] {
  const pool = { meetings: templates.meetings, care: templates.care, dues: templates.dues, people: templates.people }[collection];
  const template = pool[index % pool.length]!;
  const at = new Date().toISOString();
  return { ...template, id: ulid(), orgId, createdAt: at, updatedAt: at, updatedBy: '基准测试' } as DocTypes[C];
}

/** A branch's starting data on the server: its org, the demo roster and a year of meetings (about 120 documents). */
export function startingDocs(orgId: string): Partial<Record<CollectionName, object[]>> {
  const at = new Date().toISOString();
  const own = <T extends object>(doc: T) => ({ ...doc, id: ulid(), orgId, createdAt: at, updatedAt: at, _deleted: false });
  return {
    orgs: [{ ...templates.org, id: orgId, orgId, createdAt: at, updatedAt: at, _deleted: false }],
    people: templates.people.map(own),
    meetings: templates.meetings.map(own),
  };
}
