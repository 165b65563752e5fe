import type { MigrationStrategies, RxJsonSchema } from 'rxdb';
import { baseProperties, baseRequired, dateField, instantField, nameField, refField, stringList, textField, type DocOf } from './common';

/** 支部党员大会, 支部委员会, 党小组会, 党课, 主题党日, 组织生活会, 民主评议 meetings. */
export const MEETING_KINDS = ['assembly', 'committee', 'group', 'lecture', 'theme-day', 'life-meeting', 'appraisal'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

/** 出席, 缺席, 请假, 送学上门 (counts as taking part). */
export const ATTENDANCE_STATES = ['present', 'absent', 'leave', 'home-study'] as const;
export type AttendanceState = (typeof ATTENDANCE_STATES)[number];

const literal = {
  title: 'meetings',
  description: 'Minutes: kind, time, place, host, recorder, attendance, agenda, speeches, votes, status',
  version: 1,
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...baseProperties,
    kind: { type: 'string', enum: MEETING_KINDS, maxLength: 20 },
    date: dateField,
    startTime: { type: 'string', maxLength: 5, pattern: '^\\d{2}:\\d{2}$' },
    endTime: { type: 'string', maxLength: 5, pattern: '^\\d{2}:\\d{2}$' },
    place: { type: 'string', maxLength: 200 },
    topic: { type: 'string', maxLength: 200 },
    hostName: nameField,
    hostId: refField,
    recorderName: nameField,
    recorderId: refField,
    /** For 党小组会: the party group. */
    groupId: { type: 'string', maxLength: 26 },
    attendance: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          personId: refField,
          state: { type: 'string', enum: ATTENDANCE_STATES },
          reason: { type: 'string', maxLength: 200 },
        },
        required: ['personId', 'state'],
      },
    },
    /** 列席: people present without being members of the body. */
    guests: { type: 'array', items: { type: 'object', properties: { name: nameField, note: nameField }, required: ['name'] } },
    agenda: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          title: { type: 'string', maxLength: 200 },
          /** Who spoke and what they said, per candidate when several are discussed. */
          speeches: {
            type: 'array',
            items: {
              type: 'object',
              properties: { speakerName: nameField, speakerId: refField, aboutPersonId: refField, text: textField },
              required: ['speakerName', 'text'],
            },
          },
          decision: textField,
        },
        required: ['title'],
      },
    },
    votes: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          motion: { type: 'string', enum: ['admit', 'confirm', 'extend', 'other'] },
          subject: nameField,
          aboutPersonId: refField,
          method: { type: 'string', enum: ['hands', 'ballot'] },
          excluded: { type: 'integer', minimum: 0, maximum: 100000 },
          yes: { type: 'integer', minimum: 0, maximum: 100000 },
          no: { type: 'integer', minimum: 0, maximum: 100000 },
          abstain: { type: 'integer', minimum: 0, maximum: 100000 },
          writtenYes: { type: 'integer', minimum: 0, maximum: 100000 },
          writtenNo: { type: 'integer', minimum: 0, maximum: 100000 },
          writtenAbstain: { type: 'integer', minimum: 0, maximum: 100000 },
          ballotsIssued: { type: 'integer', minimum: 0, maximum: 100000 },
          ballotsReturned: { type: 'integer', minimum: 0, maximum: 100000 },
        },
        required: ['motion', 'subject', 'method', 'yes', 'no', 'abstain'],
      },
    },
    /** 换届选举 held at the meeting: 支部委员会委员, or 书记 and 副书记; counted by shared/rules/elections. */
    elections: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          office: { type: 'string', enum: ['committee', 'secretary', 'deputy'] },
          seats: { type: 'integer', minimum: 1, maximum: 100 },
          electorsExpected: { type: 'integer', minimum: 0, maximum: 100000 },
          electorsPresent: { type: 'integer', minimum: 0, maximum: 100000 },
          ballotsIssued: { type: 'integer', minimum: 0, maximum: 100000 },
          ballotsReturned: { type: 'integer', minimum: 0, maximum: 100000 },
          invalidBallots: { type: 'integer', minimum: 0, maximum: 100000 },
          candidates: {
            type: 'array',
            items: {
              type: 'object',
              properties: { name: nameField, personId: refField, votes: { type: 'integer', minimum: 0, maximum: 100000 }, writeIn: { type: 'boolean' } },
              required: ['name', 'votes'],
            },
          },
        },
        required: ['office', 'seats', 'electorsExpected', 'electorsPresent', 'ballotsIssued', 'ballotsReturned', 'invalidBallots', 'candidates'],
      },
    },
    decisions: stringList,
    status: { type: 'string', enum: ['draft', 'final'] },
    finalizedAt: instantField,
    /** Hash of the finalized content: later corrections are amendments, never overwrites. */
    contentHash: { type: 'string', maxLength: 128 },
    amendments: {
      type: 'array',
      items: {
        type: 'object',
        properties: { date: dateField, by: nameField, text: textField },
        required: ['date', 'by', 'text'],
      },
    },
    note: textField,
  },
  required: [...baseRequired, 'kind', 'date', 'attendance', 'agenda', 'votes', 'status'],
  indexes: [
    ['orgId', 'date'],
    ['orgId', 'kind', 'date'],
  ],
} as const;

export const meetingSchema: RxJsonSchema<MeetingDoc> = literal as unknown as RxJsonSchema<MeetingDoc>;
export type MeetingDoc = DocOf<typeof literal>;
export const meetingMigrations: MigrationStrategies = {
  /** Version 1 added 换届选举 (elections), optional. */
  1: (doc: MeetingDoc) => doc,
};
