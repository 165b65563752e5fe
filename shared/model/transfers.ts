import type { MigrationStrategies, RxJsonSchema } from 'rxdb';
import { baseProperties, baseRequired, dateField, monthField, nameField, refField, textField, type DocOf } from './common';

const literal = {
  title: 'transfers',
  description: '组织关系转接 in and out: the three-part introduction letter and its validity',
  version: 1,
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...baseProperties,
    direction: { type: 'string', enum: ['out', 'in'], maxLength: 3 },
    personId: refField,
    name: { type: 'string', minLength: 1, maxLength: 40 },
    fromOrg: { type: 'string', maxLength: 200 },
    toOrg: { type: 'string', maxLength: 200 },
    /** As the letter gives them: 性别, 年龄 (at the date of issue), 民族, 正式/预备党员. */
    gender: { type: 'string', enum: ['male', 'female'] },
    age: { type: 'integer', minimum: 0, maximum: 150 },
    ethnicity: { type: 'string', maxLength: 20 },
    partyStatus: { type: 'string', enum: ['full', 'probationary'] },
    /** 身份证号, encrypted at rest like the roster's. */
    private: { type: 'object', properties: { idNumber: { type: 'string', maxLength: 18 } } },
    /** 市内, 市外 (same province), 跨省: what the validity follows. */
    scope: { type: 'string', enum: ['city', 'province', 'cross-province'] },
    /** The committee the 回执 comes back from (the final receiver). */
    receivingCommittee: { type: 'string', maxLength: 200 },
    letterNo: nameField,
    issuedOn: dateField,
    validDays: { type: 'integer', minimum: 1, maximum: 183 },
    duesPaidTo: monthField,
    /** 回执 returned: the transfer is complete. */
    receiptOn: dateField,
    state: { type: 'string', enum: ['open', 'done', 'expired', 'cancelled'] },
    /** 转入: the roster entry made for the member when the letter arrived. */
    arrivedOn: dateField,
    note: textField,
  },
  encrypted: ['private'],
  required: [...baseRequired, 'direction', 'name', 'fromOrg', 'toOrg', 'issuedOn', 'state'],
  indexes: [['orgId', 'issuedOn']],
} as const;

export const transferSchema: RxJsonSchema<TransferDoc> = literal as unknown as RxJsonSchema<TransferDoc>;
export type TransferDoc = DocOf<typeof literal>;
export const transferMigrations: MigrationStrategies = {
  /** Version 1 added the letter's personal fields (encrypted ID number), scope, receiving committee, arrivedOn. */
  1: (doc: TransferDoc) => doc,
};
