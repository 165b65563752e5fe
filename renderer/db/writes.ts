/** The few ways the app writes: each refuses loudly instead of storing part of a change. */
import type { RxCollection } from 'rxdb';
import { newId } from './random';
import { chinaToday } from '@shared/dates';
import type { DemoDataSet } from '@shared/demo';
import type { OrgDoc } from '@shared/model';
import { newBranchDoc, type NewBranchInput } from '@shared/rules/branch';
import type { BranchDatabase } from './database';

export const LOCAL_AUTHOR = '本机';

/** When and by whom a change is made: every write stamps its documents with this. */
export const stampNow = (): { now: string; by: string } => ({ now: new Date().toISOString(), by: LOCAL_AUTHOR });

export class WriteError extends Error {
  override readonly name = 'WriteError';
}

/** Inserts in batches; any refused document stops the load with its reason. */
export async function bulkInsertAll<T extends { id: string }>(collection: RxCollection<T>, docs: readonly T[], batchSize = 2000): Promise<void> {
  for (let start = 0; start < docs.length; start += batchSize) {
    const result = await collection.bulkInsert(docs.slice(start, start + batchSize) as T[]);
    const firstError = result.error[0];
    if (firstError) {
      console.error('bulkInsert refused', collection.name, firstError);
      throw new WriteError(`有 ${result.error.length} 条记录不符合数据要求，未能保存`);
    }
  }
}

/** Writes a data set's documents (the org last: a half-loaded set then looks like an empty install and can be loaded again). */
export async function insertDemoSet(db: BranchDatabase, data: DemoDataSet): Promise<void> {
  await bulkInsertAll(db.people, data.people);
  await bulkInsertAll(db.dossiers, data.dossiers);
  await bulkInsertAll(db.meetings, data.meetings);
  await bulkInsertAll(db.dues, data.dues);
  await bulkInsertAll(db.care, data.care);
  await bulkInsertAll(db.transfers, data.transfers);
  await bulkInsertAll(db.orgs, [data.org]);
}

export async function createBranch(db: BranchDatabase, input: NewBranchInput, now = new Date()): Promise<OrgDoc> {
  const org = newBranchDoc(input, { id: newId(now.getTime()), now: now.toISOString(), by: LOCAL_AUTHOR });
  await db.orgs.insert(org);
  return org;
}

export function todayInChina(): string {
  return chinaToday(new Date());
}
