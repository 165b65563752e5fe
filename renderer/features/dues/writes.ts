/**
 * The dues ledger's writes: payments (one row per month, rows of one payment share its id), taking a
 * mistaken payment back, the ledger's start month and the yearly base update.
 */
import type { DuesDoc, OrgDoc, PersonDoc } from '@shared/model';
import { withDuesBase } from '@shared/rules/person';
import { DUES_CATEGORY_LABELS } from '@shared/rules/dues';
import type { BranchDatabase } from '../../db/database';
import { newId } from '../../db/random';
import { bulkInsertAll, stampNow } from '../../db/writes';
import { updateOrg } from '../roster/org-writes';

/** The ledger fields of a payment's rows; the bookkeeping fields are stamped here. */
export type PaymentRow = Omit<DuesDoc, 'id' | 'orgId' | 'createdAt' | 'updatedAt' | 'updatedBy'>;

/** Stores the rows of one or more payments at once: all of them, or (refused) none. */
export async function recordPayments(db: BranchDatabase, orgId: string, rows: readonly PaymentRow[]): Promise<void> {
  const { now, by } = stampNow();
  // A month paid meanwhile (another window, a sync) is refused rather than paid twice.
  const months = await db.dues.find({ selector: { orgId, month: { $in: [...new Set(rows.map((r) => r.month))] } } }).exec();
  const paid = new Set(months.filter((d) => d.paidOn).map((d) => `${d.personId}|${d.month}`));
  const twice = rows.find((r) => paid.has(`${r.personId}|${r.month}`));
  if (twice) throw new Error(`${twice.month} 的党费已经登记过，请刷新后再看`);
  await bulkInsertAll(
    db.dues,
    rows.map((row) => ({ ...row, id: newId(), orgId, createdAt: now, updatedAt: now, updatedBy: by })),
  );
}

/** Takes back every row of a payment entered by mistake (the months become unpaid again). */
export async function cancelPayment(db: BranchDatabase, paymentId: string): Promise<number> {
  const rows = await db.dues.find({ selector: { paymentId } }).exec();
  if (rows.length === 0) throw new Error('找不到这笔党费记录');
  await db.dues.bulkRemove(rows.map((r) => r.id));
  return rows.length;
}

export async function setDuesSettings(db: BranchDatabase, org: OrgDoc, dues: NonNullable<OrgDoc['dues']>): Promise<void> {
  await updateOrg(db, org, { dues: { ...org.dues, ...dues } });
}

/** The yearly base update of one member; returns false when nothing changed. */
export async function saveDuesBase(db: BranchDatabase, person: PersonDoc, change: Parameters<typeof withDuesBase>[1]): Promise<boolean> {
  const doc = await db.people.findOne(person.id).exec();
  if (!doc) throw new Error('找不到这个人的记录');
  let changed = false;
  await doc.incrementalModify((current) => {
    const next = withDuesBase(current as PersonDoc, change, stampNow(), (c) => (c ? (DUES_CATEGORY_LABELS as Record<string, string>)[c] ?? '' : ''));
    changed = next !== null;
    return next ?? current;
  });
  return changed;
}
