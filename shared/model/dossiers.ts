import type { MigrationStrategies, RxJsonSchema } from 'rxdb';
import { baseProperties, baseRequired, dateField, instantField, nameField, refField, stringList, textField, type DocOf } from './common';

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

/** A 公示: its first and last day (R-PUBLICITY-5WD counts the working days between). */
const publicityField = {
  type: 'object',
  properties: { from: dateField, to: dateField },
  required: ['from', 'to'],
} as const;

/** The numbers of a vote of the 支部党员大会 (steps 15 and 23), as the rules of shared/rules/votes read them. */
const count = { type: 'integer', minimum: 0, maximum: 100000 } as const;
const voteField = {
  type: 'object',
  properties: {
    fullMembers: count,
    excluded: count,
    presentVoting: count,
    yes: count,
    no: count,
    abstain: count,
    writtenYes: count,
    writtenNo: count,
    writtenAbstain: count,
  },
  required: ['fullMembers', 'excluded', 'presentVoting', 'yes', 'no', 'abstain'],
} as const;

const literal = {
  title: 'dossiers',
  description: '一人一档: the recruitment dossier of one person, the 25 steps with dates, actors, documents',
  version: 1,
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
          /** Step 13: the 发展对象公示; step 23: the 转正公示. */
          publicity: publicityField,
          /** Steps 15 and 23: the vote of the 支部党员大会. */
          vote: voteField,
          /** Step 10: the conclusion of the 综合政审报告, e.g. 政治审查合格. */
          conclusion: nameField,
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
    /** Why the 审批 of step 17 takes more than three months (R-APPROVAL-3M allows up to six with one). */
    approvalDelayReason: textField,
    /** Scans and photos of signed paper pages; the bytes are RxDB attachments, encrypted at rest. */
    scans: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          /** The attachment's id. */
          id: { type: 'string', maxLength: 64 },
          title: nameField,
          /** The step the page belongs to, when it belongs to one. */
          step: { type: 'integer', minimum: 1, maximum: 25 },
          addedAt: instantField,
        },
        required: ['id', 'title', 'addedAt'],
      },
    },
    introducerIds: stringList,
    contactIds: stringList,
    volunteerBookNo: nameField,
    supersededBy: refField,
    note: textField,
  },
  required: [...baseRequired, 'personId', 'state', 'events', 'thoughtReports', 'evaluations', 'trainings'],
  indexes: [['orgId', 'state'], 'personId'],
  attachments: { encrypted: true },
} as const;

export const dossierSchema: RxJsonSchema<DossierDoc> = literal as unknown as RxJsonSchema<DossierDoc>;
export type DossierDoc = DocOf<typeof literal>;
export const dossierMigrations: MigrationStrategies = {
  /** Version 1 added 公示, vote, conclusion, approvalDelayReason, scans and attachments: all optional. */
  1: (doc: DossierDoc) => doc,
};
