/**
 * What finalizing a meeting record locks: the content of the minutes, hashed with SHA-256, whatever
 * the order of its keys; not the record's bookkeeping nor the amendments added after finalizing.
 */
import { describe, expect, it } from 'vitest';
import type { MeetingDoc } from '../model';
import { isUnchangedSinceFinal, meetingContent, meetingContentHash } from './minutes-hash';

/** A 支部党员大会 of a community branch admitting 张晓梅, finalized the same morning. */
function meeting(overrides: Partial<MeetingDoc> = {}): MeetingDoc {
  return {
    id: '01JQ0000000000000000000001',
    orgId: 'ORG',
    createdAt: '2026-03-12T09:00:00.000+08:00',
    updatedAt: '2026-03-12T11:00:00.000+08:00',
    updatedBy: '本机',
    kind: 'assembly',
    date: '2026-03-12',
    startTime: '09:00',
    endTime: '10:30',
    place: '幸福社区党群服务中心二楼会议室',
    topic: '讨论接收张晓梅同志为预备党员',
    hostName: '王建国',
    recorderName: '李秀英',
    attendance: [
      { personId: 'WANG', state: 'present' },
      { personId: 'LI', state: 'present' },
      { personId: 'ZHAO', state: 'leave', reason: '住院治疗' },
    ],
    guests: [{ name: '陈红', note: '街道党工委组织员' }],
    agenda: [
      {
        title: '讨论接收张晓梅同志为预备党员',
        speeches: [{ speakerName: '李秀英', aboutPersonId: 'ZHANG', text: '该同志工作积极，同意接收。' }],
        decision: '同意接收张晓梅同志为预备党员。',
      },
    ],
    votes: [{ motion: 'admit', subject: '张晓梅', aboutPersonId: 'ZHANG', method: 'hands', excluded: 0, yes: 2, no: 0, abstain: 0 }],
    decisions: ['同意接收张晓梅同志为中共预备党员，报上级党委审批。'],
    status: 'final',
    finalizedAt: '2026-03-12T11:00:00.000+08:00',
    ...overrides,
  };
}

/** The same object with its keys, and those of every nested object, in reverse order. */
function reversedKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reversedKeys) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .reverse()
        .map((key) => [key, reversedKeys((value as Record<string, unknown>)[key])]),
    ) as T;
  }
  return value;
}

/** A final record carrying the hash of its own content, as finalizing leaves it. */
async function finalized(overrides: Partial<MeetingDoc> = {}): Promise<MeetingDoc> {
  const doc = meeting(overrides);
  return { ...doc, contentHash: await meetingContentHash(doc) };
}

describe('meetingContent', () => {
  it('is JSON of the content with keys sorted, leaving out the bookkeeping', () => {
    const minimal: MeetingDoc = {
      id: '01JQ0000000000000000000002',
      orgId: 'ORG',
      createdAt: '2026-03-12T09:00:00.000+08:00',
      updatedAt: '2026-03-12T09:00:00.000+08:00',
      updatedBy: '本机',
      votes: [],
      place: '会议室',
      kind: 'committee',
      date: '2026-03-12',
      attendance: [],
      agenda: [],
      status: 'draft',
    };
    expect(meetingContent(minimal)).toBe('{"agenda":[],"attendance":[],"date":"2026-03-12","kind":"committee","place":"会议室","votes":[]}');
  });

  it('does not depend on the order of keys, at any depth', () => {
    const doc = meeting();
    const reordered = reversedKeys(doc);
    expect(Object.keys(reordered)[0]).not.toBe(Object.keys(doc)[0]);
    expect(meetingContent(reordered)).toBe(meetingContent(doc));
  });

  it.each([
    ['id', { id: '01JQ0000000000000000000009' }],
    ['orgId', { orgId: 'OTHER' }],
    ['createdAt', { createdAt: '2026-03-13T08:00:00.000+08:00' }],
    ['updatedAt', { updatedAt: '2026-04-01T08:00:00.000+08:00' }],
    ['updatedBy', { updatedBy: '书记的笔记本电脑' }],
    ['status', { status: 'draft' as const }],
    ['finalizedAt', { finalizedAt: '2026-03-20T08:00:00.000+08:00' }],
    ['contentHash', { contentHash: 'abc' }],
    ['amendments', { amendments: [{ date: '2026-03-20', by: '李秀英', text: '赵志强请假原因应为“外出探亲”。' }] }],
  ])('leaves out %s', (_field, change) => {
    expect(meetingContent(meeting(change))).toBe(meetingContent(meeting()));
  });

  it("leaves out RxDB's own fields", () => {
    const stored = { ...meeting(), _rev: '3-abc', _meta: { lwt: 1 }, _deleted: false, _attachments: {} } as MeetingDoc;
    expect(meetingContent(stored)).toBe(meetingContent(meeting()));
  });

  it('keeps the order of agenda items, speeches and votes: it is the order of the minutes', () => {
    const two = meeting({ decisions: ['第一项决定', '第二项决定'] });
    const swapped = meeting({ decisions: ['第二项决定', '第一项决定'] });
    expect(meetingContent(swapped)).not.toBe(meetingContent(two));
  });
});

describe('meetingContentHash', () => {
  it('is the SHA-256 of the canonical content in UTF-8, in lowercase hex', async () => {
    const minimal: MeetingDoc = {
      id: '01JQ0000000000000000000002',
      orgId: 'ORG',
      createdAt: '2026-03-12T09:00:00.000+08:00',
      updatedAt: '2026-03-12T09:00:00.000+08:00',
      updatedBy: '本机',
      kind: 'committee',
      date: '2026-03-12',
      place: '会议室',
      attendance: [],
      agenda: [],
      votes: [],
      status: 'draft',
    };
    // printf '%s' '{"agenda":[],"attendance":[],"date":"2026-03-12","kind":"committee","place":"会议室","votes":[]}' | sha256sum
    expect(await meetingContentHash(minimal)).toBe('32ce7426cc14979b0c4fc01650323d61f118dca4ff3dcc40096e0ccd296eb8c2');
  });

  it('is the same for the same content in another key order', async () => {
    expect(await meetingContentHash(reversedKeys(meeting()))).toBe(await meetingContentHash(meeting()));
  });

  it('is the same after an amendment is added and the record saved again', async () => {
    const later = meeting({
      updatedAt: '2026-03-20T15:00:00.000+08:00',
      updatedBy: '李秀英的电脑',
      amendments: [{ date: '2026-03-20', by: '李秀英', text: '赵志强请假原因应为“外出探亲”。' }],
    });
    expect(await meetingContentHash(later)).toBe(await meetingContentHash(meeting()));
  });

  const base = meeting();
  const vote = base.votes[0]!;
  const item = base.agenda[0]!;
  it.each<[string, Partial<MeetingDoc>]>([
    ['the date', { date: '2026-03-13' }],
    ['the end time', { endTime: '10:45' }],
    ['the place', { place: '社区活动室' }],
    ['the host', { hostName: '赵志强' }],
    ['an attendance state', { attendance: [{ personId: 'WANG', state: 'present' }, { personId: 'LI', state: 'present' }, { personId: 'ZHAO', state: 'absent', reason: '住院治疗' }] }],
    ['an absence reason', { attendance: [{ personId: 'WANG', state: 'present' }, { personId: 'LI', state: 'present' }, { personId: 'ZHAO', state: 'leave', reason: '外出探亲' }] }],
    ['a speech', { agenda: [{ ...item, speeches: [{ speakerName: '李秀英', aboutPersonId: 'ZHANG', text: '该同志工作积极，同意接收为预备党员。' }] }] }],
    ['a vote count', { votes: [{ ...vote, yes: 1, no: 1 }] }],
    ['the voting method', { votes: [{ ...vote, method: 'ballot' }] }],
    ['a decision', { decisions: ['同意接收张晓梅同志为中共预备党员。'] }],
    ['a guest', { guests: [] }],
    ['the note', { note: '会后向上级党委报送材料。' }],
    ['the group', { groupId: 'G1' }],
  ])('changes when %s changes', async (_what, change) => {
    expect(await meetingContentHash(meeting(change))).not.toBe(await meetingContentHash(base));
  });

  it('tells a space added to a speech from the original', async () => {
    const spaced = meeting({ agenda: [{ ...item, speeches: [{ ...item.speeches![0]!, text: `${item.speeches![0]!.text} ` }] }] });
    expect(await meetingContentHash(spaced)).not.toBe(await meetingContentHash(base));
  });
});

describe('isUnchangedSinceFinal', () => {
  it('is true for a final record holding the content it was finalized with', async () => {
    expect(await isUnchangedSinceFinal(await finalized())).toBe(true);
  });

  it('stays true after amendments and a later save', async () => {
    const doc = await finalized();
    const amended = { ...doc, updatedAt: '2026-03-20T15:00:00.000+08:00', amendments: [{ date: '2026-03-20', by: '李秀英', text: '补记：陈红同志列席。' }] };
    expect(await isUnchangedSinceFinal(amended)).toBe(true);
  });

  it('accepts a hash stored in capitals', async () => {
    const doc = await finalized();
    expect(await isUnchangedSinceFinal({ ...doc, contentHash: doc.contentHash!.toUpperCase() })).toBe(true);
  });

  it('is false once the content was edited after finalizing', async () => {
    const doc = await finalized();
    expect(await isUnchangedSinceFinal({ ...doc, votes: [{ ...doc.votes[0]!, yes: 3 }] })).toBe(false);
  });

  it('is false for a draft, even one carrying a matching hash', async () => {
    const doc = await finalized();
    expect(await isUnchangedSinceFinal({ ...doc, status: 'draft' })).toBe(false);
  });

  it('is false for a final record without a stored hash: there is nothing to check against', async () => {
    expect(await isUnchangedSinceFinal(meeting())).toBe(false);
  });
});
