/**
 * Writes of the minutes: a new record from its template, saving a draft, finalizing (the content is
 * locked by its hash) and amendments, which are appended to a final record and never change it.
 */
import type { MeetingDoc, MeetingKind, OrgDoc, PersonDoc } from '@shared/model';
import { meetingFromTemplate } from '@shared/rules/meeting-template';
import { meetingContentHash } from '@shared/rules/minutes-hash';
import type { BranchDatabase } from '../../db/database';
import { newId } from '../../db/random';
import { stampNow } from '../../db/writes';


export async function createMeeting(db: BranchDatabase, branch: OrgDoc, people: readonly PersonDoc[], kind: MeetingKind, date: string, groupId?: string): Promise<MeetingDoc> {
  const { now, by } = stampNow();
  const meeting: MeetingDoc = { id: newId(), orgId: branch.id, createdAt: now, updatedAt: now, updatedBy: by, ...meetingFromTemplate(kind, date, people, branch, groupId) };
  await db.meetings.insert(meeting);
  return meeting;
}

/** The fields a draft may change: everything but the bookkeeping and the finalization. */
export type MeetingContent = Omit<MeetingDoc, 'id' | 'orgId' | 'createdAt' | 'updatedAt' | 'updatedBy' | 'status' | 'finalizedAt' | 'contentHash' | 'amendments'>;

export async function saveDraft(db: BranchDatabase, id: string, content: MeetingContent): Promise<MeetingDoc> {
  const doc = await db.meetings.findOne(id).exec();
  if (!doc) throw new Error('找不到这份会议记录');
  const { now, by } = stampNow();
  const saved = await doc.incrementalModify((current) => {
    if (current.status === 'final') throw new Error('这份会议记录已定稿，不能再修改；如需更正，请添加更正说明');
    return { ...content, id: current.id, orgId: current.orgId, createdAt: current.createdAt, updatedAt: now, updatedBy: by, status: 'draft' } as MeetingDoc;
  });
  return saved.toMutableJSON(false) as MeetingDoc;
}

export async function finalizeMeeting(db: BranchDatabase, id: string): Promise<void> {
  const doc = await db.meetings.findOne(id).exec();
  if (!doc) throw new Error('找不到这份会议记录');
  const { now, by } = stampNow();
  const hash = await meetingContentHash(doc.toMutableJSON(false) as MeetingDoc);
  await doc.incrementalModify((current) => {
    if (current.status === 'final') throw new Error('这份会议记录已经定稿');
    return { ...current, status: 'final', finalizedAt: now, contentHash: hash, updatedAt: now, updatedBy: by };
  });
}

export async function addAmendment(db: BranchDatabase, id: string, amendment: { date: string; by: string; text: string }): Promise<void> {
  const doc = await db.meetings.findOne(id).exec();
  if (!doc) throw new Error('找不到这份会议记录');
  const { now, by } = stampNow();
  await doc.incrementalModify((current) => {
    if (current.status !== 'final') throw new Error('草稿可以直接修改，不需要更正说明');
    return { ...current, amendments: [...(current.amendments ?? []), amendment], updatedAt: now, updatedBy: by };
  });
}

export async function deleteDraft(db: BranchDatabase, id: string): Promise<void> {
  const doc = await db.meetings.findOne(id).exec();
  if (!doc) return;
  if (doc.status === 'final') throw new Error('已定稿的会议记录不能删除');
  await doc.remove();
}
