/**
 * The committee's decisions reaching a branch computer: an approved 备案, 预审, 审批 or 转正审批 (an
 * `approvals` document the committee wrote) fills in that step of the branch's own dossier (date, 文号,
 * opinion), so the dossier moves on by itself; an approved 民主评议结果备案 moves that year's appraisal to
 * 备案 ('filed'). A return stays visible as the approval it is. The dossier and the appraisal are the
 * branch's documents: the branch writes them, which keeps each document with one writing side.
 */
import type { RxCollection } from 'rxdb';
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
            ? await applyToTarget<DossierDoc>(db.dossiers, approval, applyApproval)
            : approval.targetCollection === 'appraisals'
              ? await applyToTarget<AppraisalDoc>(db.appraisals, approval, applyAppraisalApproval)
              : false;
        if (applied) onApplied?.(approval);
      }
    }).catch((error: unknown) => console.error('applying approvals', error));
  });
  return () => subscription.unsubscribe();
}

const stamp = (approval: ApprovalDoc) => ({ updatedAt: new Date().toISOString(), updatedBy: approval.decidedBy ?? '上级党委' });

/** Writes what `apply` (a pure rule, null for no change) makes of the approval's target; whether it changed. */
async function applyToTarget<T>(collection: RxCollection<T>, approval: ApprovalDoc, apply: (doc: T, approval: ApprovalDoc) => T | null): Promise<boolean> {
  const doc = await collection.findOne(approval.targetId).exec();
  // Most approvals were applied long ago: check before writing, so a start does not rewrite (and re-send) every document.
  if (!doc || !apply(doc.toJSON() as T, approval)) return false;
  let applied = false;
  await doc.incrementalModify((current) => {
    const next = apply(current as T, approval);
    if (!next) return current;
    applied = true;
    return { ...next, ...stamp(approval) };
  });
  return applied;
}
