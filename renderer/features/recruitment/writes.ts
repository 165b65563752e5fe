/** Recording a dossier step: the dossier and, where the step changes it, the person, with history. */
import type { DossierDoc, PersonDoc } from '@shared/model';
import { recordStep, type DossierEvent } from '@shared/rules/dossier';
import { fieldsOf, updatedPerson } from '@shared/rules/person';
import type { BranchDatabase } from '../../db/database';
import { LOCAL_AUTHOR } from '../../db/writes';

export async function saveStep(db: BranchDatabase, dossier: DossierDoc, person: PersonDoc, event: DossierEvent): Promise<void> {
  const stamp = { now: new Date().toISOString(), by: LOCAL_AUTHOR };
  const { dossier: next, person: changes } = recordStep(dossier, event, stamp);
  const dossierDoc = await db.dossiers.findOne(dossier.id).exec();
  if (!dossierDoc) throw new Error('找不到这份发展档案');
  await dossierDoc.incrementalModify((current) => {
    if (current.updatedAt !== dossier.updatedAt) throw new Error('这份档案在您登记期间被改动过，请关闭后重新打开');
    return next;
  });
  if (Object.keys(changes).length === 0) return;
  const personDoc = await db.people.findOne(person.id).exec();
  if (!personDoc) throw new Error('找不到此人的名册记录');
  await personDoc.incrementalModify((current) => updatedPerson(current as PersonDoc, { ...fieldsOf(current as PersonDoc), ...changes }, stamp) ?? (current as PersonDoc));
}
