import { describe, expect, it } from 'vitest';
import ZSchema from 'z-schema';
import { collections, type CollectionName, type DocTypes } from '../model';
import { parseIdNumber } from '../rules/id-number';
import { generateDemoBranch, generateScaleData, type ScaleOptions } from './index';

const TODAY = '2026-11-23';

function scale(overrides: Partial<ScaleOptions> = {}) {
  return generateScaleData({ today: TODAY, members: 500, years: 1, ...overrides });
}

const validator = ZSchema.create({ safe: true });

function fitsSchema<K extends CollectionName>(collection: K, doc: DocTypes[K]): boolean {
  return validator.validate(doc, collections[collection].schema as object).valid;
}

const data = scale();
const demo = generateDemoBranch({ today: TODAY });

describe('generateScaleData with 500 members over one year', () => {
  it('adds 500 people to the 46 of the demo branch', () => {
    expect(data.people).toHaveLength(546);
  });

  it('keeps the demo branch’s people, dossiers and meetings', () => {
    expect({ people: data.people.slice(0, 46), dossiers: data.dossiers, meetings: data.meetings.slice(0, demo.meetings.length) }).toEqual({
      people: demo.people,
      dossiers: demo.dossiers,
      meetings: demo.meetings,
    });
  });

  it('puts the added people in party groups of 50: ten new groups', () => {
    expect(data.org.groups).toHaveLength(demo.org.groups.length + 10);
  });

  it('fills each new party group with at most 50 people', () => {
    const newGroups = data.org.groups.slice(demo.org.groups.length);
    const sizes = newGroups.map((g) => data.people.filter((p) => p.groupId === g.id).length);
    expect(sizes).toEqual(Array.from({ length: 10 }, () => 50));
  });

  it('adds a 党小组会 for each new group in each of the 12 months', () => {
    expect(data.meetings.length - demo.meetings.length).toBe(10 * 12);
  });

  it('gives every document an id of its own across branch, people, dossiers and meetings', () => {
    const ids = [data.org, ...data.people, ...data.dossiers, ...data.meetings].map((d) => d.id);
    expect(ids.length - new Set(ids).size).toBe(0);
  });

  it('gives every person a different name', () => {
    const names = data.people.map((p) => p.name);
    expect(names.length - new Set(names).size).toBe(0);
  });

  it('gives every added person an ID number matching birth date and sex', () => {
    const mismatched = data.people.slice(46).filter((p) => {
      const parsed = parseIdNumber(p.private?.idNumber ?? '');
      return !parsed.ok || parsed.value.birthDate !== p.birthDate || parsed.value.gender !== p.gender;
    });
    expect(mismatched).toEqual([]);
  });

  it('admits no one after today, and confirms full members no later than today', () => {
    expect(data.people.filter((p) => (p.joinedOn ?? '') > TODAY).map((p) => `${p.name} ${p.joinedOn}`)).toEqual([]);
    expect(data.people.filter((p) => (p.confirmedOn ?? '') > TODAY).map((p) => `${p.name} ${p.confirmedOn}`)).toEqual([]);
  });

  it('adds only members: full or probationary', () => {
    expect(data.people.slice(46).filter((p) => p.status !== 'full' && p.status !== 'probationary')).toEqual([]);
  });

  it('gives probationary members a 入党日期 within the past year and no 转正日期', () => {
    const probationary = data.people.slice(46).filter((p) => p.status === 'probationary');
    const off = probationary.filter((p) => !p.joinedOn || p.joinedOn >= TODAY || p.joinedOn < '2025-11-23' || p.confirmedOn);
    expect(off).toEqual([]);
  });

  it('records attendance at the added meetings only for people of the meeting’s group', () => {
    const added = data.meetings.slice(demo.meetings.length);
    const strangers = added.flatMap((m) => m.attendance.filter((a) => data.people.find((p) => p.id === a.personId)?.groupId !== m.groupId));
    expect(strangers).toEqual([]);
  });

  it('builds a branch, people and meetings that fit their collection schemas', () => {
    const refused = [
      ...(fitsSchema('orgs', data.org) ? [] : [data.org.id]),
      ...data.people.filter((p) => !fitsSchema('people', p)).map((p) => p.id),
      ...data.meetings.filter((m) => !fitsSchema('meetings', m)).map((m) => m.id),
    ];
    expect(refused).toEqual([]);
  });

  it('is deterministic: the same options give a deep-equal data set', () => {
    expect(scale({ members: 60 })).toEqual(scale({ members: 60 }));
  });
});

describe('generateScaleData options', () => {
  it('makes groups of the size asked for: 120 members in groups of 40 make 3 groups', () => {
    const small = scale({ members: 120, groupSize: 40 });
    expect(small.org.groups.length - demo.org.groups.length).toBe(3);
  });

  it('rounds the number of groups up when members do not divide evenly', () => {
    const small = scale({ members: 101, groupSize: 50 });
    expect(small.org.groups.length - demo.org.groups.length).toBe(3);
  });

  it('lays out the meetings of every year asked for', () => {
    const twoYears = scale({ members: 50, years: 2 });
    expect(twoYears.meetings.length - demo.meetings.length).toBe(24);
  });
});
