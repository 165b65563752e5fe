/** The roster's writes: each goes through one function here, and each refuses loudly rather than half-writing. */
import { newId } from '../../db/random';
import type { PersonDoc } from '@shared/model';
import { archivedPerson, newPerson, restoredPerson, updatedPerson, type PersonFields } from '@shared/rules/person';
import type { ImportPlan } from '@shared/rules/roster-import';
import { searchKeys } from '@shared/rules/pinyin-search';
import type { BranchDatabase } from '../../db/database';
import { validatorsReady } from '../../db/validate';
import { bulkInsertAll, stampNow } from '../../db/writes';


function withSearchKeys(person: PersonDoc): PersonDoc {
  return { ...person, searchKeys: searchKeys(person.name) };
}

export async function addPerson(db: BranchDatabase, orgId: string, fields: PersonFields): Promise<PersonDoc> {
  const person = withSearchKeys(newPerson(fields, { id: newId(), orgId, ...stampNow() }));
  await db.people.insert(person);
  return person;
}

/** Saves an edit; returns false when nothing changed. Refuses if someone else changed the person meanwhile. */
export async function editPerson(db: BranchDatabase, before: PersonDoc, fields: PersonFields, groupName?: (groupId: string) => string): Promise<boolean> {
  const next = updatedPerson(before, fields, stampNow(), groupName);
  if (!next) return false;
  const doc = await db.people.findOne(before.id).exec();
  if (!doc) throw new Error('找不到这个人的记录，可能已被删除');
  await doc.incrementalModify((current) => {
    // Checked inside the write: an edit made meanwhile elsewhere is never overwritten unseen.
    if (current.updatedAt !== before.updatedAt) throw new Error('这条记录在您修改期间被改动过，请关闭后重新打开再改');
    return withSearchKeys(next);
  });
  return true;
}

export async function archivePersonOnDb(db: BranchDatabase, person: PersonDoc, archive: NonNullable<PersonDoc['archived']>): Promise<void> {
  const doc = await db.people.findOne(person.id).exec();
  if (!doc) throw new Error('找不到这个人的记录');
  await doc.incrementalModify((current) => archivedPerson(current as PersonDoc, archive, stampNow()));
}

export async function restorePersonOnDb(db: BranchDatabase, person: PersonDoc): Promise<void> {
  const doc = await db.people.findOne(person.id).exec();
  if (!doc) throw new Error('找不到这个人的记录');
  await doc.incrementalModify((current) => restoredPerson(current as PersonDoc, stampNow()));
}

/** Adds the accepted rows of an import as one batch that can be undone as a whole. */
export async function applyImport(db: BranchDatabase, orgId: string, plan: ImportPlan): Promise<{ batch: string; added: number }> {
  await validatorsReady;
  const batch = newId();
  const stamp = stampNow();
  const people = plan.accepted.map((row) => withSearchKeys(newPerson(row.fields, { id: newId(), orgId, ...stamp }, 'import', batch)));
  // One write for the whole import: the open roster re-reads once, not once per batch. RxDB stores
  // the rows that pass and refuses the others: on any refusal the stored ones are taken back.
  try {
    await bulkInsertAll(db.people, people, people.length || 1);
  } catch (error) {
    await undoImport(db, orgId, batch);
    throw error;
  }
  return { batch, added: people.length };
}

/** Undo is offered for a day after an import: later, the imported people have a life of their own. */
export const UNDO_IMPORT_HOURS = 24;

/**
 * The latest import, if it was made within the last day, with how many people it added. Batch ids
 * are ULIDs, so they sort by time and carry it.
 */
export async function lastImport(db: BranchDatabase, orgId: string, now = Date.now()): Promise<{ batch: string; count: number } | null> {
  const since = newId(now - UNDO_IMPORT_HOURS * 3600_000).slice(0, 10);
  const recent = await db.people.find({ selector: { orgId, importBatch: { $gte: since } } }).exec();
  let batch: string | null = null;
  for (const doc of recent) if (doc.importBatch && (!batch || doc.importBatch > batch)) batch = doc.importBatch;
  if (!batch) return null;
  return { batch, count: recent.filter((doc) => doc.importBatch === batch).length };
}

/** Removes every person the given import added, and nothing else. */
export async function undoImport(db: BranchDatabase, orgId: string, batch: string): Promise<number> {
  const docs = await db.people.find({ selector: { orgId, importBatch: batch } }).exec();
  const result = await db.people.bulkRemove(docs.map((d) => d.id));
  if (result.error.length > 0) throw new Error(`撤销导入时有 ${result.error.length} 条记录未能删除，请重试`);
  return result.success.length;
}
