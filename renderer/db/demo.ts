/** Loading a demo data set into an empty database (`npm run demo`, the wizard's 体验 button, benchmarks). */
import type { DemoKind } from '@shared/ipc';
import { generateDemoBranch, generateScaleData, type DemoDataSet } from '@shared/demo';
import type { BranchDatabase } from './database';
import { validatorsReady } from './validate';
import { insertDemoSet } from './writes';

export type DemoLoadResult = { loaded: true; people: number; meetings: number } | { loaded: false; reason: string };

export async function loadDemo(db: BranchDatabase, kind: DemoKind, today: string): Promise<DemoLoadResult> {
  const existing = await db.orgs.count().exec();
  if (existing > 0) return { loaded: false, reason: '本机已有支部数据，为免覆盖，未载入演示数据。' };
  await validatorsReady;
  const data: DemoDataSet = kind === 'scale' ? generateScaleData({ today }) : generateDemoBranch({ today });
  await insertDemoSet(db, data);
  return { loaded: true, people: data.people.length, meetings: data.meetings.length };
}
