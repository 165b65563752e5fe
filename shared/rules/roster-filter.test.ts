/** Which people the roster list shows for a search and its filters, and in what order. */
import { describe, expect, it } from 'vitest';
import type { PersonDoc } from '../model';
import { searchKeys } from './pinyin-search';
import { compareRoster, selectRoster, type RosterQuery } from './roster-filter';

let n = 0;
function person(overrides: Partial<PersonDoc> = {}): PersonDoc {
  const name = overrides.name ?? '张三';
  return {
    id: `P${String(n++).padStart(25, '0')}`,
    orgId: 'ORG',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    updatedBy: '测试',
    name,
    gender: 'male',
    birthDate: '1950-03-15',
    category: 'retired',
    status: 'full',
    onRoll: true,
    history: [],
    searchKeys: searchKeys(name),
    ...overrides,
  };
}

const all: RosterQuery = { query: '', category: null, status: null, groupId: null, age: null, showArchived: false };
const TODAY = '2026-11-23';
const names = (people: PersonDoc[]) => people.map((p) => p.name);

describe('selectRoster', () => {
  const roster = [
    person({ name: '张三' }),
    person({ name: '李四', gender: 'female', birthDate: '1995-06-01', category: 'employed', status: 'probationary', groupId: 'G1' }),
    person({ name: '王五', status: 'activist', category: 'employed', birthDate: '2000-01-01' }),
    person({ name: '赵六', onRoll: false, archived: { reason: 'deceased', on: '2026-05-01' } }),
  ];

  it('shows everyone on the roll and hides the archived unless asked', () => {
    expect(names(selectRoster(roster, all, TODAY))).toEqual(['张三', '李四', '王五']);
    expect(names(selectRoster(roster, { ...all, showArchived: true }, TODAY))).toContain('赵六');
  });

  it('finds a person by initials, full pinyin or characters', () => {
    expect(names(selectRoster(roster, { ...all, query: 'zs' }, TODAY))).toEqual(['张三']);
    expect(names(selectRoster(roster, { ...all, query: 'lisi' }, TODAY))).toEqual(['李四']);
    expect(names(selectRoster(roster, { ...all, query: '王' }, TODAY))).toEqual(['王五']);
  });

  it('applies category, status, party group and age band together', () => {
    expect(names(selectRoster(roster, { ...all, category: 'employed' }, TODAY))).toEqual(['李四', '王五']);
    expect(names(selectRoster(roster, { ...all, status: 'probationary' }, TODAY))).toEqual(['李四']);
    expect(names(selectRoster(roster, { ...all, groupId: 'G1' }, TODAY))).toEqual(['李四']);
    expect(names(selectRoster(roster, { ...all, age: { min: 0, max: 35 } }, TODAY))).toEqual(['李四', '王五']);
    expect(names(selectRoster(roster, { ...all, age: { min: 0, max: 35 }, status: 'activist' }, TODAY))).toEqual(['王五']);
  });

  it('counts the age band on today: 35 on the birthday is in 35岁及以下, 36 the day after is not', () => {
    const turning = person({ name: '周七', birthDate: '1990-11-23' });
    const older = person({ name: '吴八', birthDate: '1990-11-22' });
    expect(names(selectRoster([turning, older], { ...all, age: { min: 0, max: 36 } }, TODAY))).toEqual(['周七', '吴八']);
    expect(names(selectRoster([turning, older], { ...all, age: { min: 0, max: 35 } }, '2025-11-23'))).toEqual(['周七', '吴八']);
    expect(names(selectRoster([turning, older], { ...all, age: { min: 0, max: 35 } }, TODAY))).toEqual([]);
  });
});

describe('compareRoster', () => {
  it('puts members first, then the pipeline, archived last, names in pinyin order', () => {
    const people = [
      person({ name: '赵六', onRoll: false }),
      person({ name: '王五', status: 'activist' }),
      person({ name: '张三' }),
      person({ name: '李四', status: 'probationary' }),
      person({ name: '安娜' }),
    ];
    expect(names([...people].sort(compareRoster))).toEqual(['安娜', '张三', '李四', '王五', '赵六']);
  });
});
