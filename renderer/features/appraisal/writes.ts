/**
 * Writes of the year's 民主评议: the campaign, its stage, self-reviews, anonymous ballots (appended,
 * never tied to who cast them) and the organization's grades.
 */
import type { AppraisalDoc } from '@shared/model';
import { checkBallot, type AppraisalBallot, type AppraisalResult, type AppraisalStage } from '@shared/rules/appraisal';
import type { BranchDatabase } from '../../db/database';
import { newId } from '../../db/random';
import { stampNow } from '../../db/writes';


export async function startAppraisal(db: BranchDatabase, orgId: string, year: number): Promise<void> {
  const existing = await db.appraisals.findOne({ selector: { orgId, year } }).exec();
  if (existing) throw new Error(`${year}年度的民主评议已经开始`);
  const { now, by } = stampNow();
  await db.appraisals.insert({ id: newId(), orgId, createdAt: now, updatedAt: now, updatedBy: by, year, stage: 'study', selfReviews: [], ballots: [], results: [] });
}

async function modify(db: BranchDatabase, id: string, change: (current: AppraisalDoc) => AppraisalDoc): Promise<void> {
  const doc = await db.appraisals.findOne(id).exec();
  if (!doc) throw new Error('找不到这次民主评议');
  const { now, by } = stampNow();
  await doc.incrementalModify((current) => ({ ...change(current as AppraisalDoc), updatedAt: now, updatedBy: by }));
}

export const setStage = (db: BranchDatabase, id: string, stage: AppraisalStage) => modify(db, id, (c) => ({ ...c, stage }));

export const saveSelfReview = (db: BranchDatabase, id: string, personId: string, date: string, text: string) =>
  modify(db, id, (c) => ({ ...c, selfReviews: [...c.selfReviews.filter((r) => r.personId !== personId), ...(text.trim() ? [{ personId, date, text: text.trim() }] : [])] }));

/** Adds one anonymous ballot; refuses one with errors (a grade for someone not taking part, a person twice). */
export async function addBallot(db: BranchDatabase, appraisal: AppraisalDoc, ballot: AppraisalBallot, participants: Parameters<typeof checkBallot>[1]): Promise<void> {
  const { errors } = checkBallot(ballot, participants);
  if (errors.length) throw new Error(errors.join('；'));
  await modify(db, appraisal.id, (c) => ({ ...c, ballots: [...c.ballots, ballot] }));
}

/** Takes back the last ballot typed in (a typing mistake noticed right away). */
export const removeLastBallot = (db: BranchDatabase, id: string) => modify(db, id, (c) => ({ ...c, ballots: c.ballots.slice(0, -1) }));

export const setResults = (db: BranchDatabase, id: string, results: AppraisalResult[]) => modify(db, id, (c) => ({ ...c, results }));
