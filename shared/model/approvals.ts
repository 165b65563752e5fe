import type { MigrationStrategies, RxJsonSchema } from 'rxdb';
import { baseProperties, baseRequired, dateField, nameField, textField, type DocOf } from './common';

/** 备案, 预审, 审批, 转正审批, 民主评议备案. */
export const APPROVAL_KINDS = ['filing', 'pre-review', 'approval', 'confirm-approval', 'appraisal-filing'] as const;
export type ApprovalKind = (typeof APPROVAL_KINDS)[number];

const literal = {
  title: 'approvals',
  description: "Committee decisions on a branch's document; written by the committee only",
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...baseProperties,
    /** The committee that decided. orgId is the branch the decision concerns. */
    committeeId: { type: 'string', maxLength: 26 },
    targetCollection: { type: 'string', enum: ['dossiers', 'meetings', 'appraisals', 'transfers'] },
    targetId: { type: 'string', maxLength: 26, minLength: 1 },
    step: { type: 'integer', minimum: 1, maximum: 25 },
    kind: { type: 'string', enum: APPROVAL_KINDS },
    decision: { type: 'string', enum: ['approved', 'returned', 'filed'] },
    comment: textField,
    docNo: nameField,
    decidedOn: dateField,
    decidedBy: nameField,
  },
  required: [...baseRequired, 'committeeId', 'targetCollection', 'targetId', 'kind', 'decision', 'decidedOn'],
  indexes: ['targetId'],
} as const;

export const approvalSchema: RxJsonSchema<ApprovalDoc> = literal as unknown as RxJsonSchema<ApprovalDoc>;
export type ApprovalDoc = DocOf<typeof literal>;
export const approvalMigrations: MigrationStrategies = {};
