import type { MigrationStrategies, RxJsonSchema } from 'rxdb';
import { baseProperties, baseRequired, dateField, nameField, refField, stringList, textField, type DocOf } from './common';

/** One dated entry of a recurring record: 思想汇报, 培养考察, 党课/培训. */
const datedEntry = {
  type: 'object',
  properties: {
    date: dateField,
    endDate: dateField,
    by: nameField,
    hours: { type: 'number', minimum: 0, maximum: 1000 },
    note: textField,
  },
  required: ['date'],
} as const;

const literal = {
  title: 'dossiers',
  description: '一人一档: the recruitment dossier of one person, the 25 steps with dates, actors, documents',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...baseProperties,
    personId: { type: 'string', maxLength: 26, minLength: 1 },
    /** open while the person moves through the steps; closed once archived (step 25) or stopped. */
    state: { type: 'string', enum: ['open', 'closed', 'stopped'], maxLength: 10 },
    /** The steps done so far, numbered 1..25 as in the domain reference. */
    events: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          step: { type: 'integer', minimum: 1, maximum: 25 },
          date: dateField,
          endDate: dateField,
          /** Names of the people involved: 谈话人, 培养联系人, 入党介绍人… */
          people: stringList,
          personIds: stringList,
          documents: stringList,
          /** 文号 of a committee's 备案, 预审 or 审批. */
          docNo: nameField,
          /** 按期转正 / 延长预备期 / 取消预备党员资格 and similar outcomes. */
          outcome: nameField,
          note: textField,
        },
        required: ['step', 'date'],
      },
    },
    thoughtReports: { type: 'array', items: datedEntry },
    evaluations: { type: 'array', items: datedEntry },
    trainings: { type: 'array', items: datedEntry },
    /** A known date the candidate leaves the unit (R-LEAVING-3M). */
    leavingOn: dateField,
    introducerIds: stringList,
    contactIds: stringList,
    volunteerBookNo: nameField,
    supersededBy: refField,
    note: textField,
  },
  required: [...baseRequired, 'personId', 'state', 'events', 'thoughtReports', 'evaluations', 'trainings'],
  indexes: [['orgId', 'state'], 'personId'],
} as const;

export const dossierSchema: RxJsonSchema<DossierDoc> = literal as unknown as RxJsonSchema<DossierDoc>;
export type DossierDoc = DocOf<typeof literal>;
export const dossierMigrations: MigrationStrategies = {};
