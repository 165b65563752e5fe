import type { MigrationStrategies, RxJsonSchema } from 'rxdb';
import { baseProperties, baseRequired, dateField, refField, textField, type DocOf } from './common';

/** 优秀 / 合格 / 基本合格 / 不合格. */
export const APPRAISAL_GRADES = ['excellent', 'qualified', 'basically-qualified', 'unqualified'] as const;
export type AppraisalGrade = (typeof APPRAISAL_GRADES)[number];

const grade = { type: 'string', enum: APPRAISAL_GRADES } as const;

const literal = {
  title: 'appraisals',
  description: '民主评议党员 of one year: self-reviews, anonymous ballots, tallies, grades, notices',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...baseProperties,
    year: { type: 'integer', minimum: 2000, maximum: 2100, multipleOf: 1 },
    stage: { type: 'string', enum: ['study', 'self-review', 'mutual-review', 'ballot', 'grading', 'notified', 'filed'] },
    selfReviews: {
      type: 'array',
      items: { type: 'object', properties: { personId: refField, date: dateField, text: textField }, required: ['personId'] },
    },
    /** Anonymous: a ballot records grades per member and never who cast it. */
    ballots: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          grades: { type: 'array', items: { type: 'object', properties: { personId: refField, grade }, required: ['personId', 'grade'] } },
        },
        required: ['grades'],
      },
    },
    results: {
      type: 'array',
      items: {
        type: 'object',
        properties: { personId: refField, grade, notifiedOn: dateField, note: textField },
        required: ['personId', 'grade'],
      },
    },
    meetingId: refField,
    note: textField,
  },
  required: [...baseRequired, 'year', 'stage', 'selfReviews', 'ballots', 'results'],
  indexes: [['orgId', 'year']],
} as const;

export const appraisalSchema: RxJsonSchema<AppraisalDoc> = literal as unknown as RxJsonSchema<AppraisalDoc>;
export type AppraisalDoc = DocOf<typeof literal>;
export const appraisalMigrations: MigrationStrategies = {};
