/**
 * The committee's decisions reaching a branch computer: an approved 备案, 预审, 审批 or 转正审批 (an
 * `approvals` document the committee wrote) fills in that step of the branch's own dossier (date, 文号,
 * opinion), so the dossier moves on by itself; an approved 民主评议结果备案 moves that year's appraisal to
 * 备案 ('filed'). A return stays visible as the approval it is. The dossier and the appraisal are the
 * branch's documents: the branch writes them, which keeps each document with one writing side.
 */
import type { Subscription } from 'rxjs';
import type { AppraisalDoc, ApprovalDoc, DossierDoc } from '@shared/model';
import { applyAppraisalApproval, applyApproval } from '@shared/rules/approvals';
import type { BranchDatabase } from '../db/database';

/** Applies every approval there is now and each one that arrives later; returns the stop function. */
export function applyApprovalsAsTheyArrive(db: BranchDatabase, onApplied?: (approval: ApprovalDoc) => void): () => void {
  let queue = Promise.resolve();
  const subscription: Subscription = db.approvals.find().$.subscribe((docs) => {
    const approvals = docs.map((d) => d.toJSON() as ApprovalDoc);
    // One after another: two approvals of one dossier must not overwrite each other's step.
    queue = queue.then(async () => {
      for (const approval of approvals) {
        const applied =
          approval.targetCollection === 'dossiers'
            ? await applyToDossier(db, approval)
            : approval.targetCollection === 'appraisals'
              ? await applyToAppraisal(db, approval)
              : false;
        if (applied) onApplied?.(approval);
      }
    }).catch((error: unknown) => console.error('applying approvals', error));
  });
  return () => subscription.unsubscribe();
}

const stamp = (approval: ApprovalDoc) => ({ updatedAt: new Date().toISOString(), updatedBy: approval.decidedBy ?? '上级党委' });

/** Whether the approval changed its dossier now. */
async function applyToDossier(db: BranchDatabase, approval: ApprovalDoc): Promise<boolean> {
  const doc = await db.dossiers.findOne(approval.targetId).exec();
  // Most approvals were applied long ago: check before writing, so a start does not rewrite (and re-send) every dossier.
  if (!doc || !applyApproval(doc.toJSON() as DossierDoc, approval)) return false;
  let applied = false;
  await doc.incrementalModify((current) => {
    const next = applyApproval(current as DossierDoc, approval);
    if (!next) return current;
    applied = true;
    return { ...next, ...stamp(approval) };
  });
  return applied;
}

/** Whether the approval filed its appraisal now. */
async function applyToAppraisal(db: BranchDatabase, approval: ApprovalDoc): Promise<boolean> {
  const doc = await db.appraisals.findOne(approval.targetId).exec();
  // As for dossiers: an appraisal filed long ago is not rewritten at every start.
  if (!doc || !applyAppraisalApproval(doc.toJSON() as AppraisalDoc, approval)) return false;
  let applied = false;
  await doc.incrementalModify((current) => {
    const next = applyAppraisalApproval(current as AppraisalDoc, approval);
    if (!next) return current;
    applied = true;
    return { ...next, ...stamp(approval) };
  });
  return applied;
}
