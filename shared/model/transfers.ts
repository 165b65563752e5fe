import type { MigrationStrategies, RxJsonSchema } from 'rxdb';
import { baseProperties, baseRequired, dateField, monthField, nameField, refField, textField, type DocOf } from './common';

const literal = {
  title: 'transfers',
  description: '组织关系转接 in and out: the three-part introduction letter and its validity',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...baseProperties,
    direction: { type: 'string', enum: ['out', 'in'], maxLength: 3 },
    personId: refField,
    name: { type: 'string', minLength: 1, maxLength: 40 },
    fromOrg: { type: 'string', maxLength: 200 },
    toOrg: { type: 'string', maxLength: 200 },
    letterNo: nameField,
    issuedOn: dateField,
    validDays: { type: 'integer', minimum: 1, maximum: 183 },
    duesPaidTo: monthField,
    /** 回执 returned: the transfer is complete. */
    receiptOn: dateField,
    state: { type: 'string', enum: ['open', 'done', 'expired', 'cancelled'] },
    note: textField,
  },
  required: [...baseRequired, 'direction', 'name', 'fromOrg', 'toOrg', 'issuedOn', 'state'],
  indexes: [['orgId', 'issuedOn']],
} as const;

export const transferSchema: RxJsonSchema<TransferDoc> = literal as unknown as RxJsonSchema<TransferDoc>;
export type TransferDoc = DocOf<typeof literal>;
export const transferMigrations: MigrationStrategies = {};
