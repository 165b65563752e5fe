/**
 * Writes of the recruitment dossier: steps (with what they change on the person), the recurring
 * records, scans of signed pages, and opening a dossier for a new 入党申请. Each write checks that the
 * dossier did not change since the screen read it, so two windows never overwrite each other.
 */
import type { DossierDoc, PersonDoc } from '@shared/model';
import { recordStep, removeLastStep, type DossierEvent, type RecordedStep } from '@shared/rules/dossier';
import { fieldsOf, updatedPerson, type PersonFields } from '@shared/rules/person';
import type { ReturnedRequest } from '@shared/rules/recruitment';
import type { BranchDatabase } from '../../db/database';
import { newId } from '../../db/random';
import { stampNow } from '../../db/writes';
import { addPerson } from '../roster/writes';


export type RecordList = 'thoughtReports' | 'evaluations' | 'trainings';
export type RecordEntry = DossierDoc['thoughtReports'][number];

/** Dossier fields a step form may set beside the step itself. */
export type DossierExtras = Partial<Pick<DossierDoc, 'volunteerBookNo' | 'approvalDelayReason'>>;

async function modifyDossier(db: BranchDatabase, dossier: DossierDoc, change: (current: DossierDoc) => DossierDoc): Promise<void> {
  const doc = await db.dossiers.findOne(dossier.id).exec();
  if (!doc) throw new Error('找不到这份发展档案');
  await doc.incrementalModify((current) => {
    if (current.updatedAt !== dossier.updatedAt) throw new Error('这份档案在您登记期间被改动过，请关闭后重新打开');
    return change(current as DossierDoc);
  });
}

async function applyToPerson(db: BranchDatabase, person: PersonDoc, changes: RecordedStep['person'], stamp: { now: string; by: string }): Promise<void> {
  if (Object.keys(changes).length === 0) return;
  const doc = await db.people.findOne(person.id).exec();
  if (!doc) throw new Error('找不到此人的名册记录');
  await doc.incrementalModify((current) => {
    const fields: PersonFields = { ...fieldsOf(current as PersonDoc), ...changes };
    for (const key of Object.keys(fields) as (keyof PersonFields)[]) if (fields[key] === undefined) delete fields[key];
    return updatedPerson(current as PersonDoc, fields, stamp) ?? (current as PersonDoc);
  });
}

/** `returns`: the committee's returns of this dossier's requests, which a 转正 date depends on (dossier.ts probationEnd). */
export async function saveStep(db: BranchDatabase, dossier: DossierDoc, person: PersonDoc, event: DossierEvent, extras: DossierExtras = {}, returns: readonly ReturnedRequest[] = []): Promise<void> {
  const stamp = stampNow();
  const { dossier: next, person: changes } = recordStep({ ...dossier, ...extras }, event, stamp, returns);
  await modifyDossier(db, dossier, () => next);
  await applyToPerson(db, person, changes, stamp);
}

/** Takes back the last step recorded by mistake, and the status it gave the person. */
export async function undoLastStep(db: BranchDatabase, dossier: DossierDoc, person: PersonDoc, returns: readonly ReturnedRequest[] = []): Promise<void> {
  const stamp = stampNow();
  const { dossier: next, person: changes } = removeLastStep(dossier, stamp, returns);
  await modifyDossier(db, dossier, () => next);
  await applyToPerson(db, person, changes, stamp);
}

export async function addRecord(db: BranchDatabase, dossier: DossierDoc, list: RecordList, entry: RecordEntry): Promise<void> {
  const { now, by } = stampNow();
  await modifyDossier(db, dossier, (current) => ({
    ...current,
    [list]: [...current[list], entry].sort((a, b) => a.date.localeCompare(b.date)),
    updatedAt: now,
    updatedBy: by,
  }));
}

/** R-LEAVING-3M: the day the person is known to leave the unit; undefined clears it. */
export async function setLeavingOn(db: BranchDatabase, dossier: DossierDoc, leavingOn: string | undefined): Promise<void> {
  const { now, by } = stampNow();
  await modifyDossier(db, dossier, (current) => {
    const next: DossierDoc = { ...current, updatedAt: now, updatedBy: by };
    if (leavingOn) next.leavingOn = leavingOn;
    else delete next.leavingOn;
    return next;
  });
}

export async function removeRecord(db: BranchDatabase, dossier: DossierDoc, list: RecordList, entry: RecordEntry): Promise<void> {
  const { now, by } = stampNow();
  await modifyDossier(db, dossier, (current) => {
    const index = current[list].findIndex((e) => e.date === entry.date && e.note === entry.note && e.by === entry.by);
    if (index < 0) throw new Error('这条记录已不在档案中');
    return { ...current, [list]: current[list].filter((_, i) => i !== index), updatedAt: now, updatedBy: by };
  });
}

export const SCAN_TYPES = ['image/jpeg', 'image/png', 'application/pdf'] as const;
export const SCAN_MAX_BYTES = 15 * 1024 * 1024;

/** A scan or photo of a signed page, stored encrypted as an attachment of the dossier. */
export async function addScan(db: BranchDatabase, dossier: DossierDoc, file: { name: string; data: Uint8Array; type: string }, meta: { title: string; step?: number }): Promise<void> {
  if (!(SCAN_TYPES as readonly string[]).includes(file.type)) throw new Error('只能添加照片（JPG、PNG）或PDF文件');
  if (file.data.byteLength > SCAN_MAX_BYTES) throw new Error(`文件太大（${Math.ceil(file.data.byteLength / 1048576)} MB），每个文件最多 15 MB`);
  const doc = await db.dossiers.findOne(dossier.id).exec();
  if (!doc) throw new Error('找不到这份发展档案');
  const id = `${newId()}.${file.type === 'application/pdf' ? 'pdf' : file.type === 'image/png' ? 'png' : 'jpg'}`;
  await doc.putAttachment({ id, data: new Blob([new Uint8Array(file.data)], { type: file.type }), type: file.type });
  const { now, by } = stampNow();
  const latest = await db.dossiers.findOne(dossier.id).exec();
  await latest!.incrementalModify((current) => ({
    ...current,
    scans: [...(current.scans ?? []), { id, title: meta.title, addedAt: now, ...(meta.step ? { step: meta.step } : {}) }],
    updatedAt: now,
    updatedBy: by,
  }));
}

export async function scanData(db: BranchDatabase, dossierId: string, scanId: string): Promise<Blob> {
  const doc = await db.dossiers.findOne(dossierId).exec();
  const attachment = doc?.getAttachment(scanId);
  if (!attachment) throw new Error('找不到这份扫描件');
  return attachment.getData();
}

export async function removeScan(db: BranchDatabase, dossierId: string, scanId: string): Promise<void> {
  const doc = await db.dossiers.findOne(dossierId).exec();
  if (!doc) throw new Error('找不到这份发展档案');
  const { now, by } = stampNow();
  const changed = await doc.incrementalModify((current) => ({ ...current, scans: (current.scans ?? []).filter((s) => s.id !== scanId), updatedAt: now, updatedBy: by }));
  await changed.getAttachment(scanId)?.remove();
}

export interface NewApplication {
  /** A person already on the roster, or the fields of a new one. */
  personId?: string;
  fields?: PersonFields;
  /** The day the 入党申请书 was handed in (step 1). */
  appliedOn: string;
}

/** Opens the dossier of a 入党申请: step 1 recorded, the person an 入党申请人 (added to the roster if new). */
export async function startDossier(db: BranchDatabase, orgId: string, application: NewApplication): Promise<DossierDoc> {
  const { now, by } = stampNow();
  let personId = application.personId;
  if (!personId) {
    if (!application.fields) throw new Error('请填写申请人的姓名等信息');
    personId = (await addPerson(db, orgId, { ...application.fields, status: 'applicant' })).id;
  }
  const existing = await db.dossiers.findOne({ selector: { personId, state: 'open' } }).exec();
  if (existing) throw new Error('此人已有正在进行的发展档案');
  const dossier: DossierDoc = {
    id: newId(),
    orgId,
    createdAt: now,
    updatedAt: now,
    updatedBy: by,
    personId,
    state: 'open',
    events: [{ step: 1, date: application.appliedOn }],
    thoughtReports: [],
    evaluations: [],
    trainings: [],
  };
  await db.dossiers.insert(dossier);
  return dossier;
}
