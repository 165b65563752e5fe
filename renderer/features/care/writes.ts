/** Care records (走访慰问, 送学上门, 谈心谈话, 困难帮扶) and each member's 联系人: every write checked before it lands. */
import type { CareDoc, PersonDoc } from '@shared/model';
import { checkCareRecord, type CareDraft } from '@shared/rules/care';
import { withContactPerson } from '@shared/rules/person';
import type { BranchDatabase } from '../../db/database';
import { newId } from '../../db/random';
import { stampNow, todayInChina } from '../../db/writes';

/** The fields of a record without its bookkeeping: empty texts left out, as the schema wants. */
function cleaned(draft: CareDraft): Omit<CareDoc, 'id' | 'orgId' | 'createdAt' | 'updatedAt' | 'updatedBy'> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(draft)) {
    if (typeof value === 'string' ? value.trim() !== '' : Array.isArray(value) ? value.length > 0 : value !== undefined) out[key] = typeof value === 'string' ? value.trim() : value;
  }
  return out as Omit<CareDoc, 'id' | 'orgId' | 'createdAt' | 'updatedAt' | 'updatedBy'>;
}

function refuseProblems(draft: CareDraft): void {
  const problems = checkCareRecord(draft, todayInChina());
  if (problems.length) throw new Error(problems.map((p) => p.message).join('；'));
}

export async function addCare(db: BranchDatabase, orgId: string, draft: CareDraft): Promise<CareDoc> {
  refuseProblems(draft);
  const { now, by } = stampNow();
  const doc = { ...cleaned(draft), id: newId(), orgId, createdAt: now, updatedAt: now, updatedBy: by } as CareDoc;
  await db.care.insert(doc);
  return doc;
}

export async function editCare(db: BranchDatabase, before: CareDoc, draft: CareDraft): Promise<void> {
  refuseProblems(draft);
  const doc = await db.care.findOne(before.id).exec();
  if (!doc) throw new Error('找不到这条记录，可能已被删除');
  const { now, by } = stampNow();
  await doc.incrementalModify((current) => {
    if (current.updatedAt !== before.updatedAt) throw new Error('这条记录在您修改期间被改动过，请关闭后重新打开再改');
    return { ...cleaned(draft), id: current.id, orgId: current.orgId, createdAt: current.createdAt, updatedAt: now, updatedBy: by } as CareDoc;
  });
}

export async function removeCare(db: BranchDatabase, id: string): Promise<void> {
  const doc = await db.care.findOne(id).exec();
  if (!doc) throw new Error('找不到这条记录');
  await doc.remove();
}

/** 已出院: written on the latest hospital visit of the stay. */
export async function recordDischarge(db: BranchDatabase, careId: string, date: string): Promise<void> {
  const doc = await db.care.findOne(careId).exec();
  if (!doc) throw new Error('找不到这条住院探望记录');
  const draft = { ...(doc.toMutableJSON(false) as CareDoc), dischargedOn: date };
  refuseProblems(draft);
  const { now, by } = stampNow();
  await doc.incrementalPatch({ dischargedOn: date, updatedAt: now, updatedBy: by });
}

export async function setContactPerson(db: BranchDatabase, person: PersonDoc, contact: PersonDoc | null): Promise<void> {
  const doc = await db.people.findOne(person.id).exec();
  if (!doc) throw new Error('找不到这个人的记录');
  const names = new Map<string, string>(contact ? [[contact.id, contact.name]] : []);
  if (person.contactPersonId) {
    const old = await db.people.findOne(person.contactPersonId).exec();
    if (old) names.set(old.id, old.name);
  }
  await doc.incrementalModify((current) => withContactPerson(current as PersonDoc, contact?.id, (id) => names.get(id) ?? '', stampNow()) ?? current);
}
