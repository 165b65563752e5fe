/** The receipts of the payments some rows belong to: a payment's every month on one receipt, by receipt number. */
import { receiptFromRows, type DuesReceipt } from '@shared/forms/dues';
import type { DuesDoc, PersonDoc } from '@shared/model';

export function receiptsOf(chosen: readonly DuesDoc[], all: readonly DuesDoc[], people: readonly PersonDoc[]): DuesReceipt[] {
  const payments = new Map<string, DuesDoc[]>();
  for (const row of chosen) {
    const key = row.paymentId ?? row.id;
    if (payments.has(key)) continue;
    const rows = row.paymentId ? [...all, ...chosen].filter((r, i, list) => r.paymentId === row.paymentId && list.findIndex((x) => x.id === r.id) === i) : [row];
    payments.set(key, rows.sort((a, b) => a.month.localeCompare(b.month)));
  }
  const names = new Map(people.map((p) => [p.id, p.name]));
  return [...payments.values()]
    .map((rows) => receiptFromRows(names.get(rows[0]!.personId) ?? '', rows))
    .sort((a, b) => (a.receiptNo ?? '').localeCompare(b.receiptNo ?? ''));
}
