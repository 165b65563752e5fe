import type { MigrationStrategies, RxJsonSchema } from 'rxdb';
import { baseProperties, baseRequired, dateField, monthField, nameField, textField, type DocOf } from './common';
import { PERSON_CATEGORIES } from './people';

const literal = {
  title: 'dues',
  description: '党费 ledger: one row per person per month paid (a month with no row is unpaid)',
  version: 1,
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...baseProperties,
    personId: { type: 'string', maxLength: 26, minLength: 1 },
    month: monthField,
    category: { type: 'string', enum: PERSON_CATEGORIES },
    /** Amounts in fen (分): 元 to the fen, never floating point. */
    baseFen: { type: 'integer', minimum: 0, maximum: 100000000 },
    amountFen: { type: 'integer', minimum: 0, maximum: 10000000 },
    paidFen: { type: 'integer', minimum: 0, maximum: 10000000 },
    paidOn: dateField,
    /** Who handed it in, e.g. the contact of a homebound member. */
    paidBy: nameField,
    /** 收据编号, printed on the receipt. */
    receiptNo: nameField,
    /** One payment can cover several months (预交, 补交): its rows share this id. */
    paymentId: { type: 'string', maxLength: 26 },
    /** 减免: a lower amount than the rule gives needs the branch's decision and the committee's approval. */
    reduction: {
      type: 'object',
      properties: { decision: { type: 'string', maxLength: 400 }, approvalNo: nameField },
      required: ['decision'],
    },
    note: textField,
  },
  required: [...baseRequired, 'personId', 'month', 'category', 'amountFen'],
  indexes: [
    ['orgId', 'month'],
    ['personId', 'month'],
  ],
} as const;

export const duesSchema: RxJsonSchema<DuesDoc> = literal as unknown as RxJsonSchema<DuesDoc>;
export type DuesDoc = DocOf<typeof literal>;
export const duesMigrations: MigrationStrategies = {
  /** Version 1 added the receipt number, the payment id and 减免, all optional. */
  1: (doc: DuesDoc) => doc,
};
