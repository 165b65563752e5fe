import type { MigrationStrategies, RxJsonSchema } from 'rxdb';
import { baseProperties, baseRequired, dateField, instantField, nameField, refField, textField, type DocOf } from './common';

/** 正式党员, 预备党员, 发展对象, 入党积极分子, 入党申请人: where a person stands. */
export const PARTY_STATUSES = ['full', 'probationary', 'candidate', 'activist', 'applicant'] as const;
export type PartyStatus = (typeof PARTY_STATUSES)[number];

/** 人员类别: 在职, 离退休, 流动, 失联, 农民, 学生, 下岗失业, 其他. Drives dues and care. */
export const PERSON_CATEGORIES = ['employed', 'retired', 'mobile', 'lost-contact', 'farmer', 'student', 'unemployed', 'other'] as const;
export type PersonCategory = (typeof PERSON_CATEGORIES)[number];

/**
 * 党费类别 (domain reference §4): what the dues rate follows. 在职 and 离退休 pay a share of their base;
 * 农民, 学生, 下岗失业 and those living on relief (低保) a small fixed amount. A 流动 or 失联 member
 * still pays by one of these, so the dues category is its own field (when absent it follows the
 * person's category where that says it).
 */
export const DUES_CATEGORIES = ['employed', 'retired', 'farmer', 'student', 'unemployed', 'relief'] as const;
export type DuesCategory = (typeof DUES_CATEGORIES)[number];

/** 学历 bands used by the committee's statistics (domain reference §6). */
export const EDUCATION_LEVELS = ['postgraduate', 'bachelor', 'college', 'secondary', 'junior-or-below'] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];

export const GENDERS = ['male', 'female'] as const;
export type Gender = (typeof GENDERS)[number];

/** Why a person left the roll. Archiving never deletes: history and past statistics keep them. */
export const ARCHIVE_REASONS = ['deceased', 'transferred-out', 'removed', 'withdrew'] as const;
export type ArchiveReason = (typeof ARCHIVE_REASONS)[number];

/** What a history entry records. */
export const PERSON_ACTIONS = ['create', 'update', 'archive', 'restore', 'import'] as const;
export type PersonAction = (typeof PERSON_ACTIONS)[number];

const literal = {
  title: 'people',
  description: 'Every person a branch tracks: members, candidates, activists, applicants',
  version: 1,
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...baseProperties,
    name: { type: 'string', minLength: 1, maxLength: 40 },
    gender: { type: 'string', enum: GENDERS },
    ethnicity: { type: 'string', maxLength: 20 },
    birthDate: dateField,
    nativePlace: nameField,
    education: { type: 'string', enum: EDUCATION_LEVELS },
    /** 工作单位及职务, or 原单位 for retirees. */
    workUnit: { type: 'string', maxLength: 200 },
    position: nameField,
    category: { type: 'string', enum: PERSON_CATEGORIES, maxLength: 20 },
    status: { type: 'string', enum: PARTY_STATUSES, maxLength: 20 },
    /** 入党日期: admitted as probationary member. */
    joinedOn: dateField,
    /** 转正日期: became a full member; party age (党龄) counts from here. */
    confirmedOn: dateField,
    groupId: { type: 'string', maxLength: 26 },
    /** 行动不便 and 长期卧床 matter for 应到会 and 送学上门. */
    limitedMobility: { type: 'boolean' },
    bedridden: { type: 'boolean' },
    /** 党费基数 in fen (分), set once a year. */
    duesBaseFen: { type: 'integer', minimum: 0, maximum: 100000000 },
    /** When the base was last set (the yearly update is usually in January). */
    duesBaseSetOn: dateField,
    duesCategory: { type: 'string', enum: DUES_CATEGORIES, maxLength: 12 },
    /** 流动党员: where the member is and how the branch keeps in touch. */
    mobile: {
      type: 'object',
      properties: {
        /** 流入地: town and unit where the member now lives or works. */
        place: { type: 'string', maxLength: 200 },
        since: dateField,
        /** 联系方式: 电话, 微信, 书信… */
        contactWay: { type: 'string', maxLength: 200 },
        /** The party organization where the member takes part in organizational life (流入地党组织). */
        hostOrg: { type: 'string', maxLength: 200 },
        /** 流动党员活动证 number. */
        certificateNo: nameField,
      },
    },
    /** True while on the roll; false once archived. Indexed so lists and counts skip the archived. */
    onRoll: { type: 'boolean' },
    archived: {
      type: 'object',
      properties: { reason: { type: 'string', enum: ARCHIVE_REASONS }, on: dateField, note: textField },
      required: ['reason', 'on'],
    },
    /** Personal identifiers kept together so they can be encrypted at rest as one field. */
    private: {
      type: 'object',
      properties: {
        idNumber: { type: 'string', maxLength: 18 },
        phone: { type: 'string', maxLength: 40 },
        address: { type: 'string', maxLength: 200 },
        emergencyContact: { type: 'string', maxLength: 100 },
      },
    },
    /** 培养联系人 / care contact: the member who keeps in touch. */
    contactPersonId: refField,
    note: textField,
    /** Pinyin keys of the name (full, initials, 多音字 readings), computed on write for fast search. */
    searchKeys: { type: 'array', items: { type: 'string', maxLength: 100 } },
    /** The Excel import that added this person, so the last import can be undone as a whole. */
    importBatch: { type: 'string', maxLength: 26 },
    /** Every change: who, when, what. Values of personal identifiers are never copied here. */
    history: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          at: instantField,
          by: { type: 'string', maxLength: 64 },
          action: { type: 'string', enum: PERSON_ACTIONS },
          changes: {
            type: 'array',
            items: {
              type: 'object',
              properties: { field: { type: 'string', maxLength: 40 }, from: { type: 'string', maxLength: 400 }, to: { type: 'string', maxLength: 400 } },
              required: ['field'],
            },
          },
        },
        required: ['at', 'by', 'action', 'changes'],
      },
    },
  },
  /** Personal identifiers (身份证号, phone, address) are encrypted at rest. */
  encrypted: ['private'],
  required: [...baseRequired, 'name', 'gender', 'birthDate', 'category', 'status', 'onRoll', 'history'],
  // Counts on 首页 and in statistics are answered from the first index without loading people.
  indexes: [
    ['orgId', 'onRoll', 'status', 'category'],
    ['orgId', 'name'],
  ],
} as const;

export const personSchema: RxJsonSchema<PersonDoc> = literal as unknown as RxJsonSchema<PersonDoc>;
export type PersonDoc = DocOf<typeof literal>;
export const personMigrations: MigrationStrategies = {
  /** Version 1 added the dues category, the date the dues base was set and 流动党员 details, all optional. */
  1: (doc: PersonDoc) => doc,
};
