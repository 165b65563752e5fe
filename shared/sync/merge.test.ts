import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MeetingDoc, PersonDoc } from '../model';
import { describeConflictPath, isSameDocument, mergeDocuments, type Deletable } from './merge';

type Person = Deletable<PersonDoc>;
type Meeting = Deletable<MeetingDoc>;

/** 王秀英 of 市水利局机关第一党支部 as the server last sent her, unless told otherwise. */
function person(overrides: Partial<Person> = {}): Person {
  return {
    id: '01JD0000000000000000000001',
    orgId: '01JD00000000000000000000B1',
    createdAt: '2026-03-01T08:00:00.000Z',
    updatedAt: '2026-03-01T08:00:00.000Z',
    updatedBy: '书记的笔记本',
    name: '王秀英',
    gender: 'female',
    birthDate: '1968-05-12',
    category: 'retired',
    status: 'full',
    onRoll: true,
    private: { phone: '13900000001', address: '解放路12号3单元301室' },
    history: [],
    _deleted: false,
    ...overrides,
  };
}

/** A 支部党员大会 held on 10 November with two members present, unless told otherwise. */
function meeting(overrides: Partial<Meeting> = {}): Meeting {
  return {
    id: '01JD0000000000000000000M01',
    orgId: '01JD00000000000000000000B1',
    createdAt: '2026-11-10T08:00:00.000Z',
    updatedAt: '2026-11-10T08:00:00.000Z',
    updatedBy: '书记的笔记本',
    kind: 'assembly',
    date: '2026-11-10',
    topic: '讨论接收预备党员',
    attendance: [
      { personId: 'P1', state: 'present' },
      { personId: 'P2', state: 'present' },
    ],
    agenda: [],
    votes: [],
    status: 'draft',
    _deleted: false,
    ...overrides,
  };
}

/** An edit made on one device: new content with that device's stamp. */
const byLaptop = { updatedAt: '2026-11-20T09:00:00.000Z', updatedBy: '书记的笔记本' };
const byServer = { updatedAt: '2026-11-20T10:00:00.000Z', updatedBy: '组织委员的电脑' };

describe('mergeDocuments: edits on one side or on different fields', () => {
  it('keeps a local edit and a server edit of different fields, with no conflict', () => {
    const assumed = person();
    const { merged, conflicts } = mergeDocuments({
      assumed,
      local: person({ ...byLaptop, workUnit: '市水利局' }),
      master: person({ ...byServer, note: '长期居住在女儿家' }),
    });
    expect(merged.workUnit).toBe('市水利局');
    expect(merged.note).toBe('长期居住在女儿家');
    expect(conflicts).toEqual([]);
  });

  it('takes the local value of a field only the device changed', () => {
    const { merged, conflicts } = mergeDocuments({ assumed: person(), local: person({ name: '王秀瑛' }), master: person() });
    expect(merged.name).toBe('王秀瑛');
    expect(conflicts).toEqual([]);
  });

  it('takes the server value of a field only the server changed', () => {
    const { merged, conflicts } = mergeDocuments({ assumed: person(), local: person(), master: person({ status: 'probationary' }) });
    expect(merged.status).toBe('probationary');
    expect(conflicts).toEqual([]);
  });

  it('records no conflict when both sides changed a field to the same value', () => {
    const { merged, conflicts } = mergeDocuments({ assumed: person(), local: person({ name: '王秀瑛' }), master: person({ name: '王秀瑛' }) });
    expect(merged.name).toBe('王秀瑛');
    expect(conflicts).toEqual([]);
  });

  it('returns the master unchanged when nothing changed anywhere', () => {
    const { merged, conflicts } = mergeDocuments({ assumed: person(), local: person(), master: person() });
    expect(merged).toEqual(person());
    expect(conflicts).toEqual([]);
  });
});

describe('mergeDocuments: the same field changed differently on both sides', () => {
  it('keeps the server value and records the local, server and assumed values', () => {
    const { merged, conflicts } = mergeDocuments({ assumed: person(), local: person({ name: '王秀瑛' }), master: person({ name: '汪秀英' }) });
    expect(merged.name).toBe('汪秀英');
    expect(conflicts).toEqual([{ path: ['name'], localValue: '王秀瑛', masterValue: '汪秀英', assumedValue: '王秀英' }]);
  });

  it('records one conflict per field and keeps every other edit', () => {
    const { merged, conflicts } = mergeDocuments({
      assumed: person(),
      local: person({ name: '王秀瑛', category: 'employed', note: '本地备注' }),
      master: person({ name: '汪秀英', category: 'farmer', workUnit: '红星村' }),
    });
    expect(conflicts.map((c) => c.path)).toEqual([['name'], ['category']]);
    expect(merged).toMatchObject({ name: '汪秀英', category: 'farmer', note: '本地备注', workUnit: '红星村' });
  });
});

describe('mergeDocuments: nested objects', () => {
  it('keeps a local change of the phone and a server change of the address', () => {
    const { merged, conflicts } = mergeDocuments({
      assumed: person(),
      local: person({ private: { phone: '13900000009', address: '解放路12号3单元301室' } }),
      master: person({ private: { phone: '13900000001', address: '幸福里5号' } }),
    });
    expect(merged.private).toEqual({ phone: '13900000009', address: '幸福里5号' });
    expect(conflicts).toEqual([]);
  });

  it('names the nested field of a conflict by its full path', () => {
    const { merged, conflicts } = mergeDocuments({
      assumed: person(),
      local: person({ private: { phone: '13900000009', address: '解放路12号3单元301室' } }),
      master: person({ private: { phone: '13900000008', address: '解放路12号3单元301室' } }),
    });
    expect(merged.private?.phone).toBe('13900000008');
    expect(conflicts).toEqual([{ path: ['private', 'phone'], localValue: '13900000009', masterValue: '13900000008', assumedValue: '13900000001' }]);
  });

  it('merges inside an object both sides added since the assumed state', () => {
    const { merged, conflicts } = mergeDocuments({
      assumed: person(),
      local: person({ mobile: { place: '深圳市南山区' } }),
      master: person({ mobile: { since: '2026-06-01' } }),
    });
    expect(merged.mobile).toEqual({ since: '2026-06-01', place: '深圳市南山区' });
    expect(conflicts).toEqual([]);
  });

  it('treats an object removed on one side and edited inside on the other as one conflicting value', () => {
    const archived = { reason: 'deceased' as const, on: '2026-10-01' };
    const annotated = { ...archived, note: '家属告知' };
    const { merged, conflicts } = mergeDocuments({
      assumed: person({ archived }),
      local: person(),
      master: person({ archived: annotated }),
    });
    expect(merged.archived).toEqual(annotated);
    expect(conflicts).toEqual([{ path: ['archived'], localValue: undefined, masterValue: annotated, assumedValue: archived }]);
  });
});

describe('mergeDocuments: arrays are single values', () => {
  const present = (personId: string) => ({ personId, state: 'present' as const });
  const leave = (personId: string) => ({ personId, state: 'leave' as const, reason: '住院' });

  it('takes the local attendance list when only the device changed it', () => {
    const attendance = [present('P1'), leave('P2')];
    const { merged, conflicts } = mergeDocuments({ assumed: meeting(), local: meeting({ attendance }), master: meeting({ topic: '讨论预备党员转正' }) });
    expect(merged.attendance).toEqual(attendance);
    expect(merged.topic).toBe('讨论预备党员转正');
    expect(conflicts).toEqual([]);
  });

  it('does not merge two attendance lists element by element: the server list wins whole', () => {
    const localList = [leave('P1'), present('P2')];
    const serverList = [present('P1'), leave('P2')];
    const { merged, conflicts } = mergeDocuments({ assumed: meeting(), local: meeting({ attendance: localList }), master: meeting({ attendance: serverList }) });
    expect(merged.attendance).toEqual(serverList);
    expect(conflicts).toEqual([{ path: ['attendance'], localValue: localList, masterValue: serverList, assumedValue: meeting().attendance }]);
  });

  it('sees no change in an array rebuilt with the same items', () => {
    const { conflicts, merged } = mergeDocuments({
      assumed: meeting(),
      local: meeting({ attendance: [{ state: 'present', personId: 'P1' }, { state: 'present', personId: 'P2' }], note: '本地' }),
      master: meeting({ topic: '新主题' }),
    });
    expect(conflicts).toEqual([]);
    expect(merged).toMatchObject({ note: '本地', topic: '新主题' });
  });

  it('sees a reordered array as a change', () => {
    const reordered = [present('P2'), present('P1')];
    const { merged } = mergeDocuments({ assumed: meeting(), local: meeting({ attendance: reordered }), master: meeting() });
    expect(merged.attendance).toEqual(reordered);
  });
});

describe('mergeDocuments: fields added and removed', () => {
  it('keeps a field the device added', () => {
    const { merged, conflicts } = mergeDocuments({ assumed: person(), local: person({ note: '新增备注' }), master: person() });
    expect(merged.note).toBe('新增备注');
    expect(conflicts).toEqual([]);
  });

  it('leaves out a field the device removed', () => {
    const { merged, conflicts } = mergeDocuments({ assumed: person({ note: '旧备注' }), local: person(), master: person({ note: '旧备注' }) });
    expect(merged).not.toHaveProperty('note');
    expect(conflicts).toEqual([]);
  });

  it('leaves out a field the server removed', () => {
    const { merged } = mergeDocuments({ assumed: person({ note: '旧备注' }), local: person({ note: '旧备注' }), master: person() });
    expect(merged).not.toHaveProperty('note');
  });

  it('counts a removal against an edit as a conflict the server wins', () => {
    const { merged, conflicts } = mergeDocuments({ assumed: person({ note: '旧备注' }), local: person({ note: '改过的备注' }), master: person() });
    expect(merged).not.toHaveProperty('note');
    expect(conflicts).toEqual([{ path: ['note'], localValue: '改过的备注', masterValue: undefined, assumedValue: '旧备注' }]);
  });

  it('keeps the edit when the server removed the field the device edited, and records it', () => {
    const { merged, conflicts } = mergeDocuments({ assumed: person({ note: '旧备注' }), local: person(), master: person({ note: '服务器备注' }) });
    expect(merged.note).toBe('服务器备注');
    expect(conflicts).toEqual([{ path: ['note'], localValue: undefined, masterValue: '服务器备注', assumedValue: '旧备注' }]);
  });

  it('orders keys as the master does, then the keys only the device added', () => {
    const master = person({ workUnit: '市水利局' });
    const { merged } = mergeDocuments({ assumed: person(), local: person({ note: '新增备注' }), master });
    expect(Object.keys(merged)).toEqual([...Object.keys(master), 'note']);
  });
});

describe('mergeDocuments: no assumed master state', () => {
  it('counts every differing field as changed on both sides: the server wins and each is recorded', () => {
    const { merged, conflicts } = mergeDocuments({ local: person({ name: '王秀瑛', note: '本地备注' }), master: person({ workUnit: '市水利局' }) });
    expect(merged).toMatchObject({ name: '王秀英', workUnit: '市水利局' });
    expect(merged).not.toHaveProperty('note');
    expect(conflicts).toEqual([
      { path: ['name'], localValue: '王秀瑛', masterValue: '王秀英', assumedValue: undefined },
      { path: ['workUnit'], localValue: undefined, masterValue: '市水利局', assumedValue: undefined },
      { path: ['note'], localValue: '本地备注', masterValue: undefined, assumedValue: undefined },
    ]);
  });

  it('records nothing when both sides hold the same content', () => {
    const { merged, conflicts } = mergeDocuments({ local: person(byLaptop), master: person() });
    expect(conflicts).toEqual([]);
    expect(merged.updatedAt).toBe(byLaptop.updatedAt);
  });

  it('compares nested fields one by one', () => {
    const { conflicts } = mergeDocuments({
      local: person({ private: { phone: '13900000009', address: '解放路12号3单元301室' } }),
      master: person(),
    });
    expect(conflicts.map((c) => c.path)).toEqual([['private', 'phone']]);
  });
});

describe('mergeDocuments: deletes', () => {
  it('deletes when the device deleted and the server changed nothing', () => {
    const { merged, conflicts } = mergeDocuments({ assumed: person(), local: person({ _deleted: true }), master: person() });
    expect(merged._deleted).toBe(true);
    expect(conflicts).toEqual([]);
  });

  it('deletes when the server deleted and the device changed nothing', () => {
    const { merged, conflicts } = mergeDocuments({ assumed: person(), local: person(byLaptop), master: person({ _deleted: true }) });
    expect(merged._deleted).toBe(true);
    expect(conflicts).toEqual([]);
  });

  it('keeps the document alive with the server edit when the device deleted it, and records the delete', () => {
    const { merged, conflicts } = mergeDocuments({ assumed: person(), local: person({ _deleted: true }), master: person({ note: '服务器备注' }) });
    expect(merged._deleted).toBe(false);
    expect(merged.note).toBe('服务器备注');
    expect(conflicts).toEqual([{ path: ['_deleted'], localValue: true, masterValue: false, assumedValue: false }]);
  });

  it('keeps the document alive with the local edit when the server deleted it, and records the delete', () => {
    const { merged, conflicts } = mergeDocuments({ assumed: person(), local: person({ note: '本地备注' }), master: person({ _deleted: true }) });
    expect(merged._deleted).toBe(false);
    expect(merged.note).toBe('本地备注');
    expect(conflicts).toEqual([{ path: ['_deleted'], localValue: false, masterValue: true, assumedValue: false }]);
  });

  it('stays deleted when both sides deleted, with nothing left to resolve', () => {
    const { merged, conflicts } = mergeDocuments({
      assumed: person(),
      local: person({ _deleted: true, note: '本地备注' }),
      master: person({ _deleted: true, note: '服务器备注' }),
    });
    expect(merged._deleted).toBe(true);
    expect(conflicts).toEqual([]);
  });

  it('restores a document the device restored while the server kept it deleted', () => {
    const { merged, conflicts } = mergeDocuments({ assumed: person({ _deleted: true }), local: person(), master: person({ _deleted: true }) });
    expect(merged._deleted).toBe(false);
    expect(conflicts).toEqual([]);
  });

  it('without an assumed state, keeps alive a document deleted on one side whose content differs on the other', () => {
    const { merged, conflicts } = mergeDocuments({ local: person({ _deleted: true }), master: person({ note: '服务器备注' }) });
    expect(merged._deleted).toBe(false);
    expect(conflicts).toContainEqual({ path: ['_deleted'], localValue: true, masterValue: false, assumedValue: undefined });
  });
});

describe('mergeDocuments: bookkeeping fields', () => {
  it('takes the server stamp when the server changed anything, without a conflict', () => {
    const { merged, conflicts } = mergeDocuments({ assumed: person(), local: person({ ...byLaptop, name: '王秀瑛' }), master: person({ ...byServer, note: '服务器备注' }) });
    expect(merged).toMatchObject(byServer);
    expect(conflicts).toEqual([]);
  });

  it('takes the local stamp when the server changed nothing', () => {
    const { merged } = mergeDocuments({ assumed: person(), local: person({ ...byLaptop, name: '王秀瑛' }), master: person() });
    expect(merged).toMatchObject(byLaptop);
  });

  it('counts a server delete as a server change for the stamp', () => {
    const { merged } = mergeDocuments({ assumed: person(), local: person({ ...byLaptop, note: '本地备注' }), master: person({ ...byServer, _deleted: true }) });
    expect(merged).toMatchObject(byServer);
  });

  it('never changes the id, the owning org or the creation time: the server values stay', () => {
    const { merged, conflicts } = mergeDocuments({
      assumed: person(),
      local: person({ orgId: '01JD00000000000000000000B2', createdAt: '2026-11-20T00:00:00.000Z' }),
      master: person(),
    });
    expect(merged).toMatchObject({ id: person().id, orgId: person().orgId, createdAt: person().createdAt });
    expect(conflicts).toEqual([]);
  });
});

describe('mergeDocuments: merging its own result again', () => {
  const cases = {
    'a conflict on one field': { assumed: person(), local: person({ name: '王秀瑛', note: '本地' }), master: person({ name: '汪秀英', ...byServer }) },
    'a delete against an edit': { assumed: person(), local: person({ note: '本地' }), master: person({ _deleted: true }) },
    'no assumed state': { local: person({ name: '王秀瑛' }), master: person({ workUnit: '市水利局' }) },
  };

  it.each(Object.entries(cases))('gives no conflict and the same document after %s', (_, input) => {
    const { merged } = mergeDocuments(input);
    const again = mergeDocuments({ local: merged, master: input.master, assumed: input.master });
    expect(again.conflicts).toEqual([]);
    expect(again.merged).toEqual(merged);
    expect(mergeDocuments({ local: merged, master: merged, assumed: merged })).toEqual({ merged, conflicts: [] });
  });

  it('does not share objects with its inputs', () => {
    const local = person({ private: { phone: '13900000009' } });
    const { merged } = mergeDocuments({ assumed: person(), local, master: person() });
    expect(merged.private).toEqual(local.private);
    expect(merged.private).not.toBe(local.private);
  });
});

describe('isSameDocument', () => {
  it('ignores key order', () => {
    expect(isSameDocument({ a: 1, b: { c: [1, 2], d: 'x' } }, { b: { d: 'x', c: [1, 2] }, a: 1 })).toBe(true);
  });

  it('treats a key holding undefined as absent', () => {
    expect(isSameDocument({ a: 1, note: undefined }, { a: 1 })).toBe(true);
  });

  it('tells apart arrays in another order, nested values and types', () => {
    expect(isSameDocument([1, 2], [2, 1])).toBe(false);
    expect(isSameDocument({ p: { phone: '1' } }, { p: { phone: '2' } })).toBe(false);
    expect(isSameDocument({ n: 1 }, { n: '1' })).toBe(false);
    expect(isSameDocument({ a: null }, { a: {} })).toBe(false);
    expect(isSameDocument([], {})).toBe(false);
  });
});

describe('describeConflictPath', () => {
  it('names the fields a secretary knows', () => {
    expect(describeConflictPath('people', ['name'])).toBe('姓名');
    expect(describeConflictPath('people', ['private', 'phone'])).toBe('联系电话');
    expect(describeConflictPath('people', ['private', 'address'])).toBe('住址');
    expect(describeConflictPath('meetings', ['topic'])).toBe('会议主题');
    expect(describeConflictPath('meetings', ['attendance'])).toBe('出席情况');
  });

  it('names a delete against an edit and the note in any collection', () => {
    expect(describeConflictPath('dues', ['_deleted'])).toBe('删除状态');
    expect(describeConflictPath('care', ['note'])).toBe('备注');
  });

  it('falls back to the path joined by dots', () => {
    expect(describeConflictPath('people', ['mobile', 'hostOrg'])).toBe('mobile.hostOrg');
  });
});

// ---------------------------------------------------------------------------------------------
// Properties on flat documents: a few keys, few values, so that sides often agree and often differ.

const KEYS = ['name', 'workUnit', 'note', 'limitedMobility', 'duesBaseFen', 'searchKeys'] as const;
const value = fc.oneof(
  fc.constantFrom('王秀英', '王秀瑛', ''),
  fc.integer({ min: 0, max: 2 }),
  fc.boolean(),
  fc.array(fc.constantFrom('wxy', 'wang'), { maxLength: 2 }),
);
const content = fc.record(Object.fromEntries(KEYS.map((k) => [k, value])) as Record<(typeof KEYS)[number], typeof value>, { requiredKeys: [] });
const stamp = fc.record({ updatedAt: fc.constantFrom('2026-11-20T09:00:00.000Z', '2026-11-20T10:00:00.000Z'), updatedBy: fc.constantFrom('笔记本', '台式机') });

type Flat = Record<string, unknown> & { _deleted: boolean };
const flat = (fields: Record<string, unknown>, stampFields: Record<string, string>, deleted = false): Flat => ({
  id: '01JD0000000000000000000001',
  orgId: '01JD00000000000000000000B1',
  createdAt: '2026-03-01T08:00:00.000Z',
  ...stampFields,
  ...fields,
  _deleted: deleted,
});

describe('mergeDocuments properties', () => {
  it('keeps every one-sided change, and records a conflict exactly for fields changed differently on both sides', () => {
    fc.assert(
      fc.property(content, content, content, stamp, stamp, (a, l, m, ls, ms) => {
        const { merged, conflicts } = mergeDocuments<Record<string, unknown>>({ assumed: flat(a, ms), local: flat(l, ls), master: flat(m, ms) });
        const conflicting = new Set(conflicts.map((c) => c.path.join('.')));
        for (const key of KEYS) {
          const localChanged = !isSameDocument(l[key], a[key]);
          const masterChanged = !isSameDocument(m[key], a[key]);
          if (localChanged && !masterChanged) expect(merged[key]).toEqual(l[key]);
          else expect(merged[key]).toEqual(m[key]);
          expect(conflicting.has(key)).toBe(localChanged && masterChanged && !isSameDocument(l[key], m[key]));
        }
        for (const c of conflicts) {
          const key = c.path[0] as (typeof KEYS)[number];
          expect(c).toEqual({ path: [key], localValue: l[key], masterValue: m[key], assumedValue: a[key] });
        }
      }),
    );
  });

  it('without an assumed state, takes the server content and records every field that differs', () => {
    fc.assert(
      fc.property(content, content, stamp, stamp, (l, m, ls, ms) => {
        const { merged, conflicts } = mergeDocuments<Record<string, unknown>>({ local: flat(l, ls), master: flat(m, ms) });
        for (const key of KEYS) expect(merged[key]).toEqual(m[key]);
        expect(conflicts.map((c) => c.path[0]).sort()).toEqual(KEYS.filter((k) => !isSameDocument(l[k], m[k])).sort());
      }),
    );
  });

  it('deletes only when both sides deleted or the side that kept it changed nothing', () => {
    fc.assert(
      fc.property(content, content, content, fc.boolean(), fc.boolean(), stamp, (a, l, m, ld, md, s) => {
        const { merged, conflicts } = mergeDocuments<Record<string, unknown>>({ assumed: flat(a, s), local: flat(l, s, ld), master: flat(m, s, md) });
        const localEdited = !isSameDocument(l, a);
        const masterEdited = !isSameDocument(m, a);
        const expected = (ld && md) || (ld && !masterEdited) || (md && !localEdited);
        expect(merged._deleted).toBe(expected);
        expect(conflicts.some((c) => c.path[0] === '_deleted')).toBe(ld !== md && !expected);
      }),
    );
  });

  it('merging the result again, based on the server state, changes nothing and records nothing', () => {
    fc.assert(
      fc.property(fc.option(content, { nil: undefined }), content, content, fc.boolean(), fc.boolean(), stamp, stamp, (a, l, m, ld, md, ls, ms) => {
        const master = flat(m, ms, md);
        const { merged } = mergeDocuments<Record<string, unknown>>({ assumed: a && flat(a, ms), local: flat(l, ls, ld), master });
        const again = mergeDocuments<Record<string, unknown>>({ local: merged, master, assumed: master });
        expect(again.conflicts).toEqual([]);
        expect(again.merged).toEqual(merged);
      }),
    );
  });
});
