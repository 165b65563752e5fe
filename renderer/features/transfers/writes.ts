/**
 * 组织关系转接: an outgoing letter takes the member off the roll (转出, kept with history); its 回执 closes
 * it; cancelling puts the member back. An incoming letter adds the member with the letter in the history.
 * 流动党员 details are kept on the person.
 */
import type { OrgDoc, PersonDoc, TransferDoc } from '@shared/model';
import { archivedPerson, restoredPerson, withMobileDetails, type PersonFields } from '@shared/rules/person';
import { searchKeys } from '@shared/rules/pinyin-search';
import { checkTransfer, incomingPerson, type TransferFields } from '@shared/rules/transfers';
import type { BranchDatabase } from '../../db/database';
import { newId } from '../../db/random';
import { stampNow, todayInChina } from '../../db/writes';

function refuse(fields: Partial<TransferFields>): void {
  const problems = checkTransfer(fields, todayInChina());
  if (problems.length) throw new Error(problems.map((p) => p.message).join('；'));
}

/** Issues the letter and takes the member off the roll; if the second write fails the first is undone. */
export async function issueOutgoing(db: BranchDatabase, org: OrgDoc, letter: TransferFields): Promise<TransferDoc> {
  refuse(letter);
  const person = letter.personId ? await db.people.findOne(letter.personId).exec() : null;
  if (!person) throw new Error('找不到这名党员');
  if (!person.onRoll) throw new Error(`${person.name}已不在名册上`);
  const { now, by } = stampNow();
  const transfer = { ...letter, id: newId(), orgId: org.id, createdAt: now, updatedAt: now, updatedBy: by } as TransferDoc;
  await db.transfers.insert(transfer);
  try {
    await person.incrementalModify((current) => archivedPerson(current as PersonDoc, { reason: 'transferred-out', on: letter.issuedOn, note: `组织关系转往${letter.toOrg}（介绍信第${letter.letterNo ?? ''}号）` }, { now, by }));
  } catch (error) {
    await (await db.transfers.findOne(transfer.id).exec())?.remove();
    throw error;
  }
  return transfer;
}

async function patch(db: BranchDatabase, transfer: TransferDoc, change: Partial<TransferDoc>): Promise<void> {
  const doc = await db.transfers.findOne(transfer.id).exec();
  if (!doc) throw new Error('找不到这份介绍信的记录');
  const next = { ...(doc.toMutableJSON(false) as TransferDoc), ...change };
  refuse(next);
  const { now, by } = stampNow();
  await doc.incrementalPatch({ ...change, updatedAt: now, updatedBy: by });
}

/** 回执 returned: the transfer is complete. */
export const recordReceipt = (db: BranchDatabase, transfer: TransferDoc, receiptOn: string) => patch(db, transfer, { receiptOn, state: 'done' });

/** A letter not used (the member stays): the letter is cancelled and the member is back on the roll. */
export async function cancelOutgoing(db: BranchDatabase, transfer: TransferDoc): Promise<void> {
  await patch(db, transfer, { state: 'cancelled' });
  const person = transfer.personId ? await db.people.findOne(transfer.personId).exec() : null;
  if (person && !person.onRoll && person.archived?.reason === 'transferred-out') await person.incrementalModify((current) => restoredPerson(current as PersonDoc, stampNow()));
}

/** A member arrives with a letter: the roster entry (with the letter in its history) and the transfer record. */
export async function registerIncoming(db: BranchDatabase, orgId: string, letter: TransferFields, given: Partial<PersonFields>): Promise<PersonDoc> {
  refuse(letter);
  const { now, by } = stampNow();
  const person = incomingPerson(letter, { id: newId(), orgId, now, by }, given);
  person.searchKeys = searchKeys(person.name);
  await db.people.insert(person);
  try {
    await db.transfers.insert({ ...letter, personId: person.id, state: 'done', id: newId(), orgId, createdAt: now, updatedAt: now, updatedBy: by } as TransferDoc);
  } catch (error) {
    await (await db.people.findOne(person.id).exec())?.remove();
    throw error;
  }
  return person;
}

export async function saveMobile(db: BranchDatabase, person: PersonDoc, mobile: PersonDoc['mobile']): Promise<boolean> {
  const doc = await db.people.findOne(person.id).exec();
  if (!doc) throw new Error('找不到这个人的记录');
  let changed = false;
  await doc.incrementalModify((current) => {
    const next = withMobileDetails(current as PersonDoc, mobile, stampNow());
    changed = next !== null;
    return next ?? current;
  });
  return changed;
}
