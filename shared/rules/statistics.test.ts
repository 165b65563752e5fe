import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EDUCATION_LEVELS, PARTY_STATUSES, PERSON_CATEGORIES } from '../model';
import {
  ageBand,
  goldenMedalCandidates,
  newMembersInYear,
  partyAgeBand,
  qiYiOnOrAfter,
  rosterStatistics,
  type GoldenMedalPerson,
  type RosterStatistics,
} from './statistics';

/** A full member on the roll: an employed Han man born 1970 with a 本科 degree, unless told otherwise. */
function person(overrides: Partial<GoldenMedalPerson> = {}): GoldenMedalPerson {
  return {
    id: 'P',
    name: '党员',
    status: 'full',
    onRoll: true,
    gender: 'male',
    ethnicity: '汉族',
    birthDate: '1970-03-15',
    education: 'bachelor',
    category: 'employed',
    joinedOn: '1995-06-20',
    confirmedOn: '1996-06-20',
    ...overrides,
  };
}

const TODAY = '2026-05-20';

/**
 * Twelve people of a mixed branch, counted by hand on 2026-05-20.
 *
 * | name   | status       | sex | 民族 | born       | age | 学历 | 类别 | 转正       | 党龄 |
 * | 王建国 | full         | m   | 汉族 | 1940-03-12 | 86  | 初中 | 离退休 | 1965-08-01 | 60 |
 * | 李秀英 | full         | f   | 汉族 | 1948-11-02 | 77  | 中专 | 离退休 | 1976-07-01 | 49 |
 * | 张德明 | full         | m   | 回族 | 1955-06-30 | 70  | 大专 | 离退休 | 1986-01-15 | 40 |
 * | 刘桂兰 | full         | f   | 满族 | 1962-01-08 | 64  | 本科 | 离退休 | 1990-05-20 | 36 |
 * | 陈志强 | full         | m   | 汉   | 1971-09-09 | 54  | 研究生 | 在职 | 1999-12-01 | 26 |
 * | 杨丽华 | full         | f   | 汉族 | 1980-05-21 | 45  | 本科 | 在职 | 2006-07-01 | 19 |
 * | 赵海涛 | full         | m   | —    | 1991-05-20 | 35  | 本科 | 在职 | 2016-06-30 | 9  |
 * | 周晓雯 | probationary | f   | 壮族 | 1996-02-29 | 30  | 大专 | 在职 | —          | —  |
 * | 吴浩   | probationary | m   | 汉族 | 2001-08-15 | 24  | —    | 学生 | —          | —  |
 * | 孙俊杰 | full         | m   | 汉族 | 1990-05-20 | 36  | 本科 | 流动 | —          | ?  |
 * | 徐淑珍 | full, archived (died) — not counted                                  |
 * | 马婷   | activist — not a member, not counted                                 |
 */
const BRANCH: GoldenMedalPerson[] = [
  person({ id: 'P01', name: '王建国', birthDate: '1940-03-12', education: 'junior-or-below', category: 'retired', confirmedOn: '1965-08-01' }),
  person({ id: 'P02', name: '李秀英', gender: 'female', birthDate: '1948-11-02', education: 'secondary', category: 'retired', confirmedOn: '1976-07-01' }),
  person({ id: 'P03', name: '张德明', ethnicity: '回族', birthDate: '1955-06-30', education: 'college', category: 'retired', confirmedOn: '1986-01-15' }),
  person({ id: 'P04', name: '刘桂兰', gender: 'female', ethnicity: '满族', birthDate: '1962-01-08', category: 'retired', confirmedOn: '1990-05-20' }),
  person({ id: 'P05', name: '陈志强', ethnicity: '汉', birthDate: '1971-09-09', education: 'postgraduate', confirmedOn: '1999-12-01' }),
  person({ id: 'P06', name: '杨丽华', gender: 'female', birthDate: '1980-05-21', confirmedOn: '2006-07-01' }),
  person({ id: 'P07', name: '赵海涛', ethnicity: undefined, birthDate: '1991-05-20', confirmedOn: '2016-06-30' }),
  person({ id: 'P08', name: '周晓雯', status: 'probationary', gender: 'female', ethnicity: '壮族', birthDate: '1996-02-29', education: 'college', joinedOn: '2025-09-10', confirmedOn: undefined }),
  person({ id: 'P09', name: '吴浩', status: 'probationary', birthDate: '2001-08-15', education: undefined, category: 'student', joinedOn: '2025-12-31', confirmedOn: undefined }),
  person({ id: 'P10', name: '孙俊杰', birthDate: '1990-05-20', category: 'mobile', confirmedOn: undefined }),
  person({ id: 'P11', name: '徐淑珍', gender: 'female', onRoll: false, birthDate: '1935-02-10', education: 'junior-or-below', category: 'retired', confirmedOn: '1958-03-01' }),
  person({ id: 'P12', name: '马婷', status: 'activist', gender: 'female', ethnicity: '回族', birthDate: '2000-01-01', joinedOn: undefined, confirmedOn: undefined }),
];

describe('rosterStatistics of the twelve-person branch', () => {
  const stats = rosterStatistics(BRANCH, TODAY);

  it('counts 10 members: 8 full and 2 probationary, leaving out the archived member and the activist', () => {
    expect(stats).toMatchObject({ members: 10, full: 8, probationary: 2 });
  });

  it('counts 4 women', () => {
    expect(stats.women).toBe(4);
  });

  it('counts 6 Han (汉 counts as 汉族), 3 minority members and 1 without an ethnicity', () => {
    expect(stats.ethnicity).toEqual({ han: 6, minority: 3, unknown: 1 });
  });

  it('counts 3 members aged 35 and under', () => {
    expect(stats.agedUpTo35).toBe(3);
  });

  it('puts each member in one age band', () => {
    expect(stats.ageBands).toEqual({
      '0-30': 2,
      '31-35': 1,
      '36-40': 1,
      '41-45': 1,
      '46-50': 0,
      '51-55': 1,
      '56-60': 0,
      '61-70': 2,
      '71-80': 1,
      '81-90': 1,
      '91+': 0,
      unknown: 0,
    });
  });

  it('counts education by the five levels, with one member whose education is not recorded', () => {
    expect(stats.education).toEqual({ postgraduate: 1, bachelor: 4, college: 2, secondary: 1, 'junior-or-below': 1, unknown: 1 });
  });

  it('counts 4 在职, 4 离退休, 1 student and 1 mobile member', () => {
    expect(stats.categories).toEqual({ employed: 4, retired: 4, mobile: 1, 'lost-contact': 0, farmer: 0, student: 1, unemployed: 0, other: 0 });
  });

  it('puts full members in party-age bands, probationary members apart, and a full member without 转正日期 as unknown', () => {
    expect(stats.partyAge).toEqual({ '0-9': 1, '10-19': 1, '20-29': 1, '30-39': 1, '40-49': 2, '50+': 1, probationary: 2, unknown: 1 });
  });
});

describe('rosterStatistics', () => {
  it('gives zero everywhere for an empty roster', () => {
    const stats = rosterStatistics([], TODAY);
    expect(stats.members).toBe(0);
    expect(Object.values(stats.ageBands).every((n) => n === 0)).toBe(true);
    expect(Object.values(stats.partyAge).every((n) => n === 0)).toBe(true);
  });

  it('counts a member who turns 35 today as 35 and under', () => {
    expect(rosterStatistics([person({ birthDate: '1991-05-20' })], TODAY)).toMatchObject({ agedUpTo35: 1, ageBands: { '31-35': 1 } });
  });

  it('does not count a member who turns 36 today as 35 and under', () => {
    expect(rosterStatistics([person({ birthDate: '1990-05-20' })], TODAY)).toMatchObject({ agedUpTo35: 0, ageBands: { '36-40': 1 } });
  });

  it('counts a member who turns 36 tomorrow as 35 and under', () => {
    expect(rosterStatistics([person({ birthDate: '1990-05-21' })], TODAY).agedUpTo35).toBe(1);
  });

  it('lets a member born on 29 February turn 36 on 29 February, 36 years on being a leap year, not the day before', () => {
    expect(rosterStatistics([person({ birthDate: '1992-02-29' })], '2028-02-28').agedUpTo35).toBe(1);
    expect(rosterStatistics([person({ birthDate: '1992-02-29' })], '2028-02-29').agedUpTo35).toBe(0);
  });

  it('lets a member born on 29 February turn a year older on 28 February of a common year', () => {
    // Born 1996-02-29: turns 31 on 2027-02-28.
    expect(rosterStatistics([person({ birthDate: '1996-02-29' })], '2027-02-27').ageBands['0-30']).toBe(1);
    expect(rosterStatistics([person({ birthDate: '1996-02-29' })], '2027-02-28').ageBands['31-35']).toBe(1);
  });

  it('puts a member with a birth date that is not a date in the unknown age band and not among the young', () => {
    expect(rosterStatistics([person({ birthDate: '1990-02-30' })], TODAY)).toMatchObject({ agedUpTo35: 0, ageBands: { unknown: 1 } });
  });

  it('puts a member born after the day counted in the unknown age band', () => {
    expect(rosterStatistics([person({ birthDate: '2026-06-01' })], TODAY)).toMatchObject({ agedUpTo35: 0, ageBands: { unknown: 1 } });
  });

  it('counts 不详 and a blank ethnicity as unknown, not as a minority', () => {
    const stats = rosterStatistics([person({ ethnicity: '不详' }), person({ ethnicity: '  ' })], TODAY);
    expect(stats.ethnicity).toEqual({ han: 0, minority: 0, unknown: 2 });
  });

  it('counts 汉族 written with spaces around it as Han', () => {
    expect(rosterStatistics([person({ ethnicity: ' 汉族 ' })], TODAY).ethnicity.han).toBe(1);
  });

  it('counts a member with 50 years of party age today in the 50+ band', () => {
    expect(rosterStatistics([person({ confirmedOn: '1976-05-20' })], TODAY).partyAge['50+']).toBe(1);
  });

  it('counts a member one day short of 50 years of party age in the 40-49 band', () => {
    expect(rosterStatistics([person({ confirmedOn: '1976-05-21' })], TODAY).partyAge['40-49']).toBe(1);
  });

  it('counts a member confirmed on 29 February as reaching 50 years of party age on 28 February', () => {
    expect(rosterStatistics([person({ confirmedOn: '1976-02-29' })], '2026-02-27').partyAge['40-49']).toBe(1);
    expect(rosterStatistics([person({ confirmedOn: '1976-02-29' })], '2026-02-28').partyAge['50+']).toBe(1);
  });

  it('counts a member confirmed less than a year ago in the 0-9 band', () => {
    expect(rosterStatistics([person({ confirmedOn: '2026-01-10' })], TODAY).partyAge['0-9']).toBe(1);
  });

  it('counts a member confirmed 10 years ago today in the 10-19 band', () => {
    expect(rosterStatistics([person({ confirmedOn: '2016-05-20' })], TODAY).partyAge['10-19']).toBe(1);
  });

  it('puts a full member whose 转正日期 is after the day counted in the unknown party-age band', () => {
    expect(rosterStatistics([person({ confirmedOn: '2026-09-01' })], TODAY).partyAge.unknown).toBe(1);
  });

  it('gives a probationary member no party age even when a confirmedOn was entered', () => {
    const stats = rosterStatistics([person({ status: 'probationary', confirmedOn: '2000-01-01' })], TODAY);
    expect(stats.partyAge).toMatchObject({ probationary: 1, '20-29': 0 });
  });

  it('counts an archived member nowhere', () => {
    const stats = rosterStatistics([person({ onRoll: false, gender: 'female', ethnicity: '回族' })], TODAY);
    expect(stats).toMatchObject({ members: 0, women: 0, ethnicity: { minority: 0 }, categories: { employed: 0 } });
  });

  it('counts 发展对象, 入党积极分子 and 入党申请人 nowhere', () => {
    const stats = rosterStatistics([person({ status: 'candidate' }), person({ status: 'activist' }), person({ status: 'applicant' })], TODAY);
    expect(stats.members).toBe(0);
    expect(stats.education.bachelor).toBe(0);
  });

  it('adds every breakdown up to the number of members, whatever the roster', () => {
    const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
    const someDate = fc.constantFrom('1930-01-01', '1960-02-29', '1991-05-20', '2001-12-31', '2026-05-20', '2030-01-01', '1999-02-30');
    const somePerson = fc.record({
      status: fc.constantFrom(...PARTY_STATUSES),
      onRoll: fc.boolean(),
      gender: fc.constantFrom('male' as const, 'female' as const),
      ethnicity: maybe(fc.constantFrom('汉族', '汉', '回族', '不详', '')),
      birthDate: someDate,
      education: maybe(fc.constantFrom(...EDUCATION_LEVELS)),
      category: fc.constantFrom(...PERSON_CATEGORIES),
      joinedOn: maybe(someDate),
      confirmedOn: maybe(someDate),
    });
    const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
    fc.assert(
      fc.property(fc.array(somePerson, { maxLength: 30 }), (people) => {
        const stats: RosterStatistics = rosterStatistics(people, TODAY);
        expect(stats.full + stats.probationary).toBe(stats.members);
        for (const breakdown of [stats.ethnicity, stats.ageBands, stats.education, stats.categories, stats.partyAge]) {
          expect(sum(breakdown)).toBe(stats.members);
        }
        expect(stats.agedUpTo35).toBe(stats.ageBands['0-30'] + stats.ageBands['31-35']);
      }),
    );
  });
});

describe('ageBand', () => {
  it.each([
    [0, '0-30'],
    [30, '0-30'],
    [31, '31-35'],
    [35, '31-35'],
    [36, '36-40'],
    [60, '56-60'],
    [61, '61-70'],
    [90, '81-90'],
    [91, '91+'],
    [104, '91+'],
  ] as const)('puts age %i in band %s', (age, band) => {
    expect(ageBand(age)).toBe(band);
  });
});

describe('partyAgeBand', () => {
  it.each([
    [0, '0-9'],
    [9, '0-9'],
    [10, '10-19'],
    [49, '40-49'],
    [50, '50+'],
    [75, '50+'],
  ] as const)('puts party age %i in band %s', (partyAge, band) => {
    expect(partyAgeBand(partyAge)).toBe(band);
  });
});

describe('newMembersInYear', () => {
  /**
   * Admitted in 2025 and still on the roll: 周晓雯, 吴浩, 冯建军, 韩秀兰, 曹志明 (5).
   * Not counted: 彭海 (2024-12-31), 潘雪 (2026-01-01), 蒋立新 (transferred out), 蔡晶晶 (activist).
   */
  const ROSTER: GoldenMedalPerson[] = [
    person({ name: '周晓雯', status: 'probationary', gender: 'female', birthDate: '1996-02-29', education: 'college', joinedOn: '2025-09-10', confirmedOn: undefined }),
    person({ name: '吴浩', status: 'probationary', birthDate: '2001-08-15', education: undefined, joinedOn: '2025-12-31', confirmedOn: undefined }),
    person({ name: '冯建军', birthDate: '1989-01-01', education: 'bachelor', joinedOn: '2025-01-01', confirmedOn: '2026-01-05' }),
    person({ name: '韩秀兰', status: 'probationary', gender: 'female', birthDate: '1990-03-15', education: 'secondary', joinedOn: '2025-03-15', confirmedOn: undefined }),
    person({ name: '曹志明', status: 'probationary', birthDate: '1980-07-01', education: 'postgraduate', joinedOn: '2025-07-01', confirmedOn: undefined }),
    person({ name: '彭海', birthDate: '1995-01-01', joinedOn: '2024-12-31', confirmedOn: '2026-01-10' }),
    person({ name: '潘雪', status: 'probationary', gender: 'female', birthDate: '1998-01-01', joinedOn: '2026-01-01', confirmedOn: undefined }),
    person({ name: '蒋立新', status: 'probationary', onRoll: false, birthDate: '1997-01-01', joinedOn: '2025-06-01', confirmedOn: undefined }),
    person({ name: '蔡晶晶', status: 'activist', gender: 'female', birthDate: '2002-01-01', joinedOn: '2025-05-01', confirmedOn: undefined }),
  ];

  it('counts the five people admitted in 2025 who are members on the roll', () => {
    expect(newMembersInYear(ROSTER, 2025).total).toBe(5);
  });

  it('counts 2 women among them', () => {
    expect(newMembersInYear(ROSTER, 2025).women).toBe(2);
  });

  it('counts 3 aged 35 and under on the day of admission, including one who turned 35 that day', () => {
    expect(newMembersInYear(ROSTER, 2025)).toMatchObject({ agedUpTo35: 3, ageUnknown: 0 });
  });

  it('counts 3 with 大专 or above and 1 whose education is not recorded', () => {
    expect(newMembersInYear(ROSTER, 2025)).toMatchObject({ collegeOrAbove: 3, educationUnknown: 1 });
  });

  it('gives the whole result for 2025', () => {
    expect(newMembersInYear(ROSTER, 2025)).toEqual({ year: 2025, total: 5, women: 2, agedUpTo35: 3, ageUnknown: 0, collegeOrAbove: 3, educationUnknown: 1 });
  });

  it('counts the member admitted on 31 December 2024 in 2024, not 2025', () => {
    expect(newMembersInYear(ROSTER, 2024).total).toBe(1);
  });

  it('does not count a member admitted on 36th birthday as 35 and under', () => {
    expect(newMembersInYear([person({ birthDate: '1989-01-01', joinedOn: '2025-01-01' })], 2025).agedUpTo35).toBe(0);
  });

  it('counts a member born 29 February 1988 as 35 when admitted on 28 February 2024 and 36 when admitted on 29 February', () => {
    expect(newMembersInYear([person({ birthDate: '1988-02-29', joinedOn: '2024-02-28' })], 2024).agedUpTo35).toBe(1);
    expect(newMembersInYear([person({ birthDate: '1988-02-29', joinedOn: '2024-02-29' })], 2024).agedUpTo35).toBe(0);
  });

  it('counts a member without a valid birth date as age unknown', () => {
    expect(newMembersInYear([person({ birthDate: '1990-13-01', joinedOn: '2025-05-01' })], 2025)).toMatchObject({ agedUpTo35: 0, ageUnknown: 1 });
  });

  it('does not count a member with no joinedOn', () => {
    expect(newMembersInYear([person({ joinedOn: undefined })], 2025).total).toBe(0);
  });

  it('does not count a joinedOn that is not a date', () => {
    expect(newMembersInYear([person({ joinedOn: '2025-02-30' })], 2025).total).toBe(0);
  });
});

describe('qiYiOnOrAfter', () => {
  it.each([
    ['2026-01-01', '2026-07-01'],
    ['2026-06-30', '2026-07-01'],
    ['2026-07-01', '2026-07-01'],
    ['2026-07-02', '2027-07-01'],
    ['2026-12-31', '2027-07-01'],
  ])('gives the 七一 on or after %s as %s', (date, qiYi) => {
    expect(qiYiOnOrAfter(date)).toBe(qiYi);
  });
});

describe('goldenMedalCandidates', () => {
  it('lists the members of the twelve-person branch with 50 years of party age by 七一 2026, earliest first', () => {
    expect(goldenMedalCandidates(BRANCH, TODAY)).toEqual([
      { id: 'P01', name: '王建国', confirmedOn: '1965-08-01', reachesOn: '2015-08-01', medalDay: '2016-07-01' },
      { id: 'P02', name: '李秀英', confirmedOn: '1976-07-01', reachesOn: '2026-07-01', medalDay: '2026-07-01' },
    ]);
  });

  it('includes a member who reaches 50 years exactly on 七一', () => {
    expect(goldenMedalCandidates([person({ confirmedOn: '1976-07-01' })], '2026-05-20')).toHaveLength(1);
  });

  it('leaves out a member who reaches 50 years the day after 七一', () => {
    expect(goldenMedalCandidates([person({ confirmedOn: '1976-07-02' })], '2026-05-20')).toEqual([]);
  });

  it('counts 七一 itself when today is 1 July', () => {
    expect(goldenMedalCandidates([person({ confirmedOn: '1976-07-01' })], '2026-07-01')).toMatchObject([{ medalDay: '2026-07-01' }]);
  });

  it('looks to next year’s 七一 from 2 July on', () => {
    const found = goldenMedalCandidates(
      [person({ id: 'A', confirmedOn: '1976-07-02' }), person({ id: 'B', confirmedOn: '1977-07-01' }), person({ id: 'C', confirmedOn: '1977-07-02' })],
      '2026-07-02',
    );
    expect(found.map((c) => [c.id, c.medalDay])).toEqual([
      ['A', '2027-07-01'],
      ['B', '2027-07-01'],
    ]);
  });

  it('lets a member confirmed on 29 February reach 50 years on 28 February', () => {
    expect(goldenMedalCandidates([person({ confirmedOn: '1976-02-29' })], '2026-02-27')).toMatchObject([
      { confirmedOn: '1976-02-29', reachesOn: '2026-02-28', medalDay: '2026-07-01' },
    ]);
  });

  it('sorts by 转正日期 and keeps the given order for the same date', () => {
    const found = goldenMedalCandidates(
      [
        person({ id: 'late', confirmedOn: '1975-03-01' }),
        person({ id: 'same-1', confirmedOn: '1960-01-01' }),
        person({ id: 'early', confirmedOn: '1955-10-01' }),
        person({ id: 'same-2', confirmedOn: '1960-01-01' }),
      ],
      TODAY,
    );
    expect(found.map((c) => c.id)).toEqual(['early', 'same-1', 'same-2', 'late']);
  });

  it('leaves out an archived member', () => {
    expect(goldenMedalCandidates([person({ confirmedOn: '1960-01-01', onRoll: false })], TODAY)).toEqual([]);
  });

  it('leaves out a probationary member, who has no party age', () => {
    expect(goldenMedalCandidates([person({ status: 'probationary', confirmedOn: '1960-01-01' })], TODAY)).toEqual([]);
  });

  it('leaves out a full member without a 转正日期', () => {
    expect(goldenMedalCandidates([person({ confirmedOn: undefined, joinedOn: '1960-01-01' })], TODAY)).toEqual([]);
  });

  it('counts party age from 转正, not from 入党: admitted 50 years ago but confirmed 49 years ago is not yet a candidate', () => {
    expect(goldenMedalCandidates([person({ joinedOn: '1976-03-01', confirmedOn: '1977-03-01' })], TODAY)).toEqual([]);
  });
});
