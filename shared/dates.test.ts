import { describe, expect, it } from 'vitest';
import { addDays, addMonths, addYears, ageOn, chinaToday, daysBetween, isValidDate } from './dates';

describe('chinaToday', () => {
  it('is still the previous day in China one millisecond before 16:00 UTC', () => {
    expect(chinaToday(new Date('2026-11-22T15:59:59.999Z'))).toBe('2026-11-22');
  });

  it('turns to the next day in China at 16:00 UTC, which is midnight in Beijing', () => {
    expect(chinaToday(new Date('2026-11-22T16:00:00.000Z'))).toBe('2026-11-23');
  });

  it('is already New Year in China on the evening of 31 December UTC', () => {
    expect(chinaToday(new Date('2026-12-31T17:00:00.000Z'))).toBe('2027-01-01');
  });

  it('gives the same day in China and UTC in the UTC morning', () => {
    expect(chinaToday(new Date('2026-07-01T01:00:00.000Z'))).toBe('2026-07-01');
  });
});

describe('isValidDate', () => {
  it('accepts an ordinary date written YYYY-MM-DD', () => {
    expect(isValidDate('2026-11-23')).toBe(true);
  });

  it('refuses 29 February in a common year', () => {
    expect(isValidDate('2026-02-29')).toBe(false);
  });

  it('accepts 29 February in a leap year', () => {
    expect(isValidDate('2024-02-29')).toBe(true);
  });

  it('refuses 29 February 1900, a century year that is not a leap year', () => {
    expect(isValidDate('1900-02-29')).toBe(false);
  });

  it('accepts 29 February 2000, a century year that is a leap year', () => {
    expect(isValidDate('2000-02-29')).toBe(true);
  });

  it('refuses the 31st of a 30-day month', () => {
    expect(isValidDate('2026-04-31')).toBe(false);
  });

  it('refuses month 13', () => {
    expect(isValidDate('2026-13-01')).toBe(false);
  });

  it('refuses month 00', () => {
    expect(isValidDate('2026-00-10')).toBe(false);
  });

  it('refuses day 00', () => {
    expect(isValidDate('2026-05-00')).toBe(false);
  });

  it.each(['2026-7-1', '2026/07/01', '20260701', '2026-07-01T08:00', ' 2026-07-01', '', '一九九二年七月一日'])(
    'refuses %j, which is not written YYYY-MM-DD',
    (value) => {
      expect(isValidDate(value)).toBe(false);
    },
  );
});

describe('ageOn', () => {
  it('has not reached the new age on the day before the birthday', () => {
    expect(ageOn('1950-10-01', '2026-09-30')).toBe(75);
  });

  it('reaches the new age on the birthday itself', () => {
    expect(ageOn('1950-10-01', '2026-10-01')).toBe(76);
  });

  it('counts a birthday later in the year as not yet reached', () => {
    expect(ageOn('1950-10-01', '2026-03-15')).toBe(75);
  });

  it('is zero on the day of birth', () => {
    expect(ageOn('2026-11-23', '2026-11-23')).toBe(0);
  });

  it('counts a 29 February birthday on 28 February of a common year', () => {
    expect(ageOn('1948-02-29', '2026-02-28')).toBe(78);
  });

  it('has not yet reached the age on 27 February for a 29 February birthday', () => {
    expect(ageOn('1948-02-29', '2026-02-27')).toBe(77);
  });

  it('waits for 29 February itself in a leap year', () => {
    expect(ageOn('1948-02-29', '2028-02-28')).toBe(79);
    expect(ageOn('1948-02-29', '2028-02-29')).toBe(80);
  });

  it('tells whether an applicant born 18 years ago has turned 18 (R-AGE-18)', () => {
    expect(ageOn('2008-06-15', '2026-06-14')).toBe(17);
    expect(ageOn('2008-06-15', '2026-06-15')).toBe(18);
  });
});

describe('addMonths', () => {
  it('keeps the day of the month when the target month has it', () => {
    expect(addMonths('2026-11-23', 1)).toBe('2026-12-23');
  });

  it('clamps 31 January plus one month to 28 February in a common year', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
  });

  it('clamps 31 January plus one month to 29 February in a leap year', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
  });

  it('clamps the 31st to the 30th of a 30-day month', () => {
    expect(addMonths('2026-05-31', 1)).toBe('2026-06-30');
  });

  it('crosses into the next year', () => {
    expect(addMonths('2026-11-23', 2)).toBe('2027-01-23');
  });

  it('goes back with a negative number of months, clamping as well', () => {
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2026-11-23', -14)).toBe('2025-09-23');
  });
});

describe('addYears', () => {
  it('turns 29 February plus one year into 28 February', () => {
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
  });

  it('keeps 29 February when the target year is a leap year', () => {
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
  });

  it('turns 29 February minus one year into 28 February', () => {
    expect(addYears('2024-02-29', -1)).toBe('2023-02-28');
  });

  it('gives the same calendar day a year later for an ordinary date (R-PROBATION-1Y)', () => {
    expect(addYears('2025-07-01', 1)).toBe('2026-07-01');
  });
});

describe('addDays', () => {
  it('moves into the next month', () => {
    expect(addDays('2026-10-31', 1)).toBe('2026-11-01');
  });

  it('passes through 29 February in a leap year', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-02-28', 2)).toBe('2024-03-01');
  });

  it('goes back with a negative number of days', () => {
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
  });
});

describe('daysBetween', () => {
  it('counts the whole days from one date to a later one', () => {
    expect(daysBetween('2026-03-01', '2026-04-01')).toBe(31);
  });

  it('is negative when the second date is earlier', () => {
    expect(daysBetween('2026-04-01', '2026-03-01')).toBe(-31);
  });

  it('counts 366 days across a leap year and 365 across a common one', () => {
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
  });

  it('is zero for the same date', () => {
    expect(daysBetween('2026-11-23', '2026-11-23')).toBe(0);
  });
});
