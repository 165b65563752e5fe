import { describe, expect, it } from 'vitest';
import { countRoster, isMember, type RosterCounts, type RosterPerson } from './roster';

/** A full member on the roll, a retired man, unless told otherwise. */
function person(overrides: Partial<RosterPerson> = {}): RosterPerson {
  return { status: 'full', category: 'retired', gender: 'male', onRoll: true, ...overrides };
}

const NOBODY: RosterCounts = { members: 0, full: 0, probationary: 0, candidates: 0, activists: 0, applicants: 0, women: 0, retired: 0, mobile: 0 };

describe('isMember', () => {
  it('counts a full member on the roll as a member', () => {
    expect(isMember(person({ status: 'full' }))).toBe(true);
  });

  it('counts a probationary member on the roll as a member', () => {
    expect(isMember(person({ status: 'probationary' }))).toBe(true);
  });

  it('does not count a 发展对象 as a member', () => {
    expect(isMember(person({ status: 'candidate' }))).toBe(false);
  });

  it('does not count an archived full member as a member', () => {
    expect(isMember(person({ status: 'full', onRoll: false }))).toBe(false);
  });
});

describe('countRoster', () => {
  it('gives zero everywhere for an empty roster', () => {
    expect(countRoster([])).toEqual(NOBODY);
  });

  it('counts full and probationary members as 党员', () => {
    const counts = countRoster([person({ status: 'full' }), person({ status: 'full' }), person({ status: 'probationary' })]);
    expect(counts).toMatchObject({ members: 3, full: 2, probationary: 1 });
  });

  it('counts 发展对象, 入党积极分子 and 入党申请人 separately and not as members', () => {
    const counts = countRoster([
      person({ status: 'candidate', category: 'employed' }),
      person({ status: 'activist', category: 'employed' }),
      person({ status: 'activist', category: 'employed' }),
      person({ status: 'applicant', category: 'employed' }),
    ]);
    expect(counts).toEqual({ ...NOBODY, candidates: 1, activists: 2, applicants: 1 });
  });

  it('leaves archived members out of every count', () => {
    const counts = countRoster([person({ status: 'full', gender: 'female', category: 'retired', onRoll: false }), person({ status: 'full' })]);
    expect(counts).toEqual({ ...NOBODY, members: 1, full: 1, retired: 1 });
  });

  it('leaves an archived activist out of the activists', () => {
    expect(countRoster([person({ status: 'activist', onRoll: false })])).toEqual(NOBODY);
  });

  it('leaves an archived mobile member out of the mobile members', () => {
    expect(countRoster([person({ category: 'mobile', onRoll: false })]).mobile).toBe(0);
  });

  it('counts women among members', () => {
    const counts = countRoster([person({ gender: 'female' }), person({ gender: 'female', status: 'probationary' }), person({ gender: 'male' })]);
    expect(counts.women).toBe(2);
  });

  it('does not count a woman who is only an 入党积极分子 among the women', () => {
    expect(countRoster([person({ gender: 'female', status: 'activist' })]).women).toBe(0);
  });

  it('counts retired members', () => {
    expect(countRoster([person({ category: 'retired' }), person({ category: 'employed' })]).retired).toBe(1);
  });

  it('does not count a retired 入党申请人 among the retired', () => {
    expect(countRoster([person({ category: 'retired', status: 'applicant' })]).retired).toBe(0);
  });

  it('counts mobile members (流动党员)', () => {
    expect(countRoster([person({ category: 'mobile' }), person({ category: 'mobile', status: 'probationary' })]).mobile).toBe(2);
  });

  it('does not count a 发展对象 working elsewhere among the mobile members', () => {
    expect(countRoster([person({ category: 'mobile', status: 'candidate' })]).mobile).toBe(0);
  });

  it('counts a member of another category (失联, 在职) as a member but neither retired nor mobile', () => {
    const counts = countRoster([person({ category: 'lost-contact' }), person({ category: 'employed' })]);
    expect(counts).toEqual({ ...NOBODY, members: 2, full: 2 });
  });

  it('gives the counts of a small retired branch with recruits and one archived member', () => {
    const roster = [
      ...Array.from({ length: 5 }, () => person({ category: 'retired' })),
      ...Array.from({ length: 3 }, () => person({ category: 'retired', gender: 'female' })),
      person({ category: 'mobile', gender: 'female' }),
      person({ status: 'probationary', category: 'employed', gender: 'female' }),
      person({ status: 'candidate', category: 'employed' }),
      person({ status: 'activist', category: 'employed', gender: 'female' }),
      person({ category: 'retired', onRoll: false }),
    ];
    expect(countRoster(roster)).toEqual({
      members: 10,
      full: 9,
      probationary: 1,
      candidates: 1,
      activists: 1,
      applicants: 0,
      women: 5,
      retired: 8,
      mobile: 1,
    });
  });
});
