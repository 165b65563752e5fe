import type { MigrationStrategies, RxJsonSchema } from 'rxdb';
import { baseProperties, baseRequired, dateField, nameField, refField, stringList, textField, type DocOf } from './common';

/** 走访慰问, 送学上门, 谈心谈话, 困难帮扶. */
export const CARE_KINDS = ['visit', 'home-study', 'talk', 'help'] as const;
export type CareKind = (typeof CARE_KINDS)[number];

const literal = {
  title: 'care',
  description: 'Visits, 送学上门, talks (谈心谈话), hardship help',
  version: 1,
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...baseProperties,
    personId: { type: 'string', maxLength: 26, minLength: 1 },
    kind: { type: 'string', enum: CARE_KINDS, maxLength: 12 },
    /** 节日慰问, 生病住院, 困难帮扶, 生日/高龄, 丧事… */
    occasion: nameField,
    date: dateField,
    visitors: stringList,
    given: { type: 'string', maxLength: 200 },
    /** For 送学上门: the material brought. */
    material: { type: 'string', maxLength: 200 },
    /** 生病住院: the day the member came home; while absent the member counts as in hospital. */
    dischargedOn: dateField,
    /** 送学上门: the meeting whose material was brought; the member counts as taking part in it. */
    meetingId: refField,
    followUp: textField,
    note: textField,
  },
  required: [...baseRequired, 'personId', 'kind', 'date'],
  indexes: [
    ['orgId', 'date'],
    ['personId', 'date'],
  ],
} as const;

export const careSchema: RxJsonSchema<CareDoc> = literal as unknown as RxJsonSchema<CareDoc>;
export type CareDoc = DocOf<typeof literal>;
export const careMigrations: MigrationStrategies = {
  /** Version 1 added dischargedOn and meetingId, both optional. */
  1: (doc: CareDoc) => doc,
};
