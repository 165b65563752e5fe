/** A person typed into the form or read from a sheet: each mistake named at its field, in Chinese. */
import { describe, expect, it } from 'vitest';
import { checkRosterRow, diffPerson, newPerson, readDate, updatedPerson, withContactPerson, withDuesBase, withMobileDetails, type RosterRow } from './person';

const context = { today: '2026-11-23', groups: [{ id: 'G1', name: '第一党小组' }] };

function row(overrides: RosterRow = {}): RosterRow {
  return {
    name: '张三', gender: '男', birthDate: '1950-03-15', idNumber: '110105195003150019', category: '离退休', status: '正式党员',
    joinedOn: '1975-07-01', confirmedOn: '1976-07-01', limitedMobility: '否', bedridden: '否', ...overrides,
  };
}

function problemsOf(r: RosterRow): string[] {
  const result = checkRosterRow(r, context);
  return result.ok ? [] : result.problems.map((p) => p.message);
}

describe('checkRosterRow', () => {
  it('accepts a complete member and keeps identifiers together', () => {
    const result = checkRosterRow(row({ phone: '13900000000', group: '第一党小组', duesBase: '4,500.50' }), context);
    expect(result).toMatchObject({ ok: true, value: { name: '张三', gender: 'male', status: 'full', groupId: 'G1', duesBaseFen: 450050, private: { idNumber: '110105195003150019', phone: '13900000000' } } });
  });

  it('reads dates written the ways people write them', () => {
    expect(readDate('1950/3/15')).toBe('1950-03-15');
    expect(readDate('1950年3月15日')).toBe('1950-03-15');
    expect(readDate('19500315')).toBe('1950-03-15');
    expect(readDate('1950-02-30')).toBeUndefined();
  });

  it('names every missing required column', () => {
    expect(problemsOf(row({ name: '', gender: '' }))).toEqual(expect.arrayContaining(['姓名：必须填写', '性别：必须填写']));
  });

  it('refuses an ID number whose birth date or sex disagrees with the columns', () => {
    expect(problemsOf(row({ birthDate: '1950-03-16' }))).toEqual([expect.stringContaining('与出生日期 1950-03-16 不一致')]);
    expect(problemsOf(row({ gender: '女' }))).toEqual([expect.stringContaining('性别为“男”')]);
  });

  it('refuses a wrong check digit, saying so once', () => {
    expect(problemsOf(row({ idNumber: '110105195003150010' }))).toEqual(['公民身份号码：号码校验位不对，请逐位核对']);
  });

  it('refuses text longer than the roster keeps, naming the limit', () => {
    expect(problemsOf(row({ ethnicity: '族'.repeat(21) }))).toEqual(['民族：太长了，最多 20 个字']);
  });

  it('reads 中共党员 and 离休干部 as existing rosters write them', () => {
    expect(checkRosterRow(row({ status: '中共党员', category: '离休干部' }), context)).toMatchObject({ ok: true, value: { status: 'full', category: 'retired' } });
  });

  it('accepts a 15-digit legacy ID number and keeps it as the 18-character number', () => {
    const result = checkRosterRow(row({ idNumber: '110105500315001' }), context);
    expect(result).toMatchObject({ ok: true, value: { private: { idNumber: '110105195003150019' } } });
  });

  it('refuses a 15-digit number with an impossible birth date', () => {
    expect(problemsOf(row({ idNumber: '110105500230001', birthDate: '1950-02-28' }))).toEqual([expect.stringContaining('不是有效日期')]);
  });

  it('asks a member for 入党日期 and keeps it away from people not yet admitted', () => {
    expect(problemsOf(row({ joinedOn: '', confirmedOn: '' }))).toEqual(['入党日期：党员必须填写入党日期']);
    expect(problemsOf(row({ status: '入党积极分子', confirmedOn: '' }))).toEqual([expect.stringContaining('还没有入党')]);
  });

  it('refuses confirmation less than a year after admission (R-PROBATION-1Y) and admission before 18', () => {
    expect(problemsOf(row({ confirmedOn: '1976-06-30' }))).toEqual([expect.stringContaining('不早于 1976-07-01')]);
    expect(problemsOf(row({ joinedOn: '1968-03-14', confirmedOn: '1969-03-14' }))).toEqual([expect.stringContaining('入党时应年满18岁')]);
  });

  it('refuses dates after today and a party group that does not exist', () => {
    expect(problemsOf(row({ joinedOn: '2027-01-01', confirmedOn: '' }))).toEqual(expect.arrayContaining([expect.stringContaining('晚于今天')]));
    expect(problemsOf(row({ group: '第九党小组' }))).toEqual([expect.stringContaining('没有名为“第九党小组”的党小组')]);
  });
});

describe('history', () => {
  const stamp = { id: '01KAZZZZZZZZZZZZZZZZZZZZZZ', orgId: 'ORG', now: '2026-11-23T02:00:00.000Z', by: '书记' };
  const fields = (r: RosterRow) => {
    const result = checkRosterRow(row(r), context);
    if (!result.ok) throw new Error(result.problems[0]!.message);
    return result.value;
  };

  it('records what changed, from and to, in the words the roster prints', () => {
    const groupName = (id: string) => (id === 'G1' ? '第一党小组' : '');
    expect(diffPerson(fields({}), fields({ group: '第一党小组' }), groupName)).toEqual([{ field: '党小组', from: '', to: '第一党小组' }]);
    expect(diffPerson(fields({}), fields({ bedridden: '是', duesBase: '4500' }), groupName)).toEqual([
      { field: '长期卧床', from: '否', to: '是' },
      { field: '党费基数（元）', from: '', to: '4500.00' },
    ]);
  });

  it('names a changed identifier without copying its value', () => {
    const changes = diffPerson(fields({}), fields({ phone: '13900000000' }));
    expect(changes).toEqual([{ field: '联系电话', to: '（已修改，内容不记入历史）' }]);
    expect(JSON.stringify(changes)).not.toContain('13900000000');
  });

  it('adds no history entry when nothing changed', () => {
    const person = newPerson(fields({}), stamp);
    expect(updatedPerson(person, fields({}), stamp)).toBeNull();
  });

  it('removes a field the user emptied', () => {
    const person = newPerson(fields({ note: '老党员' }), stamp);
    const next = updatedPerson(person, fields({}), { now: '2026-11-24T02:00:00.000Z', by: '书记' })!;
    expect(next.note).toBeUndefined();
    expect(next.history.at(-1)).toMatchObject({ action: 'update', by: '书记', changes: [{ field: '备注', from: '老党员', to: '' }] });
  });
});

describe('the yearly 党费基数 update', () => {
  const stamp = { id: '01KAZZZZZZZZZZZZZZZZZZZZZZ', orgId: 'ORG', now: '2026-01-05T02:00:00.000Z', by: '书记' };
  const label = (c: string | undefined) => ({ retired: '离退休', employed: '在职' })[c ?? ''] ?? '';
  const base = () => {
    const result = checkRosterRow(row({ duesBase: '4500' }), context);
    if (!result.ok) throw new Error('bad fixture');
    return newPerson(result.value, stamp);
  };

  it('sets the base, the category and the date, with history in printed words', () => {
    const next = withDuesBase(base(), { duesBaseFen: 480000, duesCategory: 'retired', setOn: '2026-01-05' }, stamp, label)!;
    expect(next).toMatchObject({ duesBaseFen: 480000, duesCategory: 'retired', duesBaseSetOn: '2026-01-05' });
    expect(next.history.at(-1)!.changes).toEqual([
      { field: '党费基数（元）', from: '4500.00', to: '4800.00' },
      { field: '党费类别', from: '', to: '离退休' },
    ]);
  });

  it('records a base confirmed unchanged by its new date, and nothing when asked twice', () => {
    const once = withDuesBase(base(), { duesBaseFen: 450000, setOn: '2026-01-05' }, stamp, label)!;
    expect(once.history.at(-1)!.changes).toEqual([{ field: '党费基数核定日期', from: '', to: '2026-01-05' }]);
    expect(withDuesBase(once, { duesBaseFen: 450000, setOn: '2026-01-05' }, stamp, label)).toBeNull();
  });

  it('removes a base the user emptied', () => {
    const next = withDuesBase(base(), { setOn: '2026-01-05' }, stamp, label)!;
    expect(next.duesBaseFen).toBeUndefined();
  });
});

describe('联系人 and 流动党员 details', () => {
  const stamp = { id: '01KAZZZZZZZZZZZZZZZZZZZZZZ', orgId: 'ORG', now: '2026-03-05T02:00:00.000Z', by: '书记' };
  const later = { now: '2026-03-06T02:00:00.000Z', by: '书记' };
  const person = () => {
    const result = checkRosterRow(row(), context);
    if (!result.ok) throw new Error('bad fixture');
    return newPerson(result.value, stamp);
  };
  const names = (id: string) => ({ P1: '李红', P2: '赵伟' })[id] ?? '';

  it('sets, changes and clears the contact person, naming them in the history', () => {
    const set = withContactPerson(person(), 'P1', names, later)!;
    expect(set.contactPersonId).toBe('P1');
    expect(set.history.at(-1)!.changes).toEqual([{ field: '联系人', from: '', to: '李红' }]);
    const changed = withContactPerson(set, 'P2', names, later)!;
    expect(changed.history.at(-1)!.changes).toEqual([{ field: '联系人', from: '李红', to: '赵伟' }]);
    const cleared = withContactPerson(changed, undefined, names, later)!;
    expect(cleared.contactPersonId).toBeUndefined();
    expect(withContactPerson(cleared, undefined, names, later)).toBeNull();
  });

  it('refuses a member as their own contact', () => {
    const p = person();
    expect(() => withContactPerson(p, p.id, names, later)).toThrow('联系人不能是本人');
  });

  it('keeps 流动党员 details trimmed, records the change, and removes them when emptied', () => {
    const moved = withMobileDetails(person(), { place: ' 深圳市南山区 ', since: '2025-06-01', contactWay: '微信', hostOrg: '' }, later)!;
    expect(moved.mobile).toEqual({ place: '深圳市南山区', since: '2025-06-01', contactWay: '微信' });
    expect(moved.history.at(-1)!.changes).toEqual([{ field: '流动党员情况', from: '', to: '深圳市南山区' }]);
    expect(withMobileDetails(moved, { place: '深圳市南山区', since: '2025-06-01', contactWay: '微信' }, later)).toBeNull();
    expect(withMobileDetails(moved, {}, later)!.mobile).toBeUndefined();
  });
});
