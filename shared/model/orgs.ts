import type { MigrationStrategies, RxJsonSchema } from 'rxdb';
import { baseProperties, baseRequired, dateField, monthField, nameField, refField, textField, type DocOf } from './common';

/** 在职 / 离退休 / 混合: who the branch's members are. */
export const BRANCH_CATEGORIES = ['active', 'retired', 'mixed'] as const;
export type BranchCategory = (typeof BRANCH_CATEGORIES)[number];

/** 党委 / 党总支 / 党支部. */
export const ORG_LEVELS = ['committee', 'general-branch', 'branch'] as const;
export type OrgLevel = (typeof ORG_LEVELS)[number];

/** 书记, 副书记, 组织委员, 宣传委员, 纪检委员, and other committee posts. */
export const COMMITTEE_ROLES = ['secretary', 'deputy', 'organization', 'publicity', 'discipline', 'other'] as const;
export type CommitteeRole = (typeof COMMITTEE_ROLES)[number];

const literal = {
  title: 'orgs',
  description: '党支部: its details, committee members and terms (换届), party groups (党小组)',
  version: 1,
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...baseProperties,
    name: { type: 'string', minLength: 2, maxLength: 100 },
    level: { type: 'string', enum: ORG_LEVELS, maxLength: 20 },
    category: { type: 'string', enum: BRANCH_CATEGORIES },
    /** 上级党委: its name as the branch knows it; its id once synced. */
    parentName: nameField,
    parentId: refField,
    foundedOn: dateField,
    address: { type: 'string', maxLength: 200 },
    /** The branch committee (支委会) or, below 7 full members, the secretary alone. */
    committee: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          role: { type: 'string', enum: COMMITTEE_ROLES },
          title: nameField,
          name: nameField,
          personId: refField,
          since: dateField,
        },
        required: ['role', 'name'],
      },
    },
    /** Terms of the committee (届), newest last. */
    terms: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          electedOn: dateField,
          /** Term length in years: 3 by default, 5 for village and community branches (R-TERM). */
          years: { type: 'integer', minimum: 1, maximum: 5 },
          note: textField,
        },
        required: ['electedOn', 'years'],
      },
    },
    groups: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          id: { type: 'string', maxLength: 26 },
          name: nameField,
          leaderId: refField,
        },
        required: ['id', 'name'],
      },
    },
    /** 党费: the month the branch began its ledger in this app (nothing before it counts as unpaid), and 农民's monthly amount. */
    dues: {
      type: 'object',
      properties: {
        ledgerStart: monthField,
        farmerFen: { type: 'integer', minimum: 20, maximum: 100 },
      },
    },
    note: textField,
  },
  required: [...baseRequired, 'name', 'level', 'category', 'parentName', 'committee', 'terms', 'groups'],
  indexes: ['level'],
} as const;

export const orgSchema: RxJsonSchema<OrgDoc> = literal as unknown as RxJsonSchema<OrgDoc>;
export type OrgDoc = DocOf<typeof literal>;
export const orgMigrations: MigrationStrategies = {
  /** Version 1 added the dues settings (ledger start, 农民's amount), optional. */
  1: (doc: OrgDoc) => doc,
};
