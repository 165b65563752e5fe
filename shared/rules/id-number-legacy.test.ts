import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIdNumber } from './id-number';
import { parseLegacyIdNumber, upgradeIdNumber } from './id-number-legacy';

/** A 15-digit number built from its parts. */
function legacyId({ region = '370102', birth = '530815', sequence = '031' } = {}): string {
  return `${region}${birth}${sequence}`;
}

describe('parseLegacyIdNumber', () => {
  it('reads the 15-digit form of the published sample 110105491231002 as a woman born 1949-12-31', () => {
    expect(parseLegacyIdNumber('110105491231002')).toEqual({ ok: true, value: { birthDate: '1949-12-31', gender: 'female' } });
  });

  it('takes the two-digit year as 19YY', () => {
    expect(parseLegacyIdNumber(legacyId({ birth: '051120' }))).toMatchObject({ ok: true, value: { birthDate: '1905-11-20' } });
  });

  it('reads a man from an odd last digit', () => {
    expect(parseLegacyIdNumber(legacyId({ sequence: '037' }))).toMatchObject({ ok: true, value: { gender: 'male' } });
  });

  it('reads a woman from an even last digit', () => {
    expect(parseLegacyIdNumber(legacyId({ sequence: '036' }))).toMatchObject({ ok: true, value: { gender: 'female' } });
  });

  it('reads the sex from the last digit only, not from the whole sequence code', () => {
    expect(parseLegacyIdNumber(legacyId({ sequence: '990' }))).toMatchObject({ ok: true, value: { gender: 'female' } });
  });

  it('ignores spaces around the number', () => {
    expect(parseLegacyIdNumber(` ${legacyId()} `)).toMatchObject({ ok: true, value: { birthDate: '1953-08-15' } });
  });

  it('reads 29 February of a leap year as a valid birth date', () => {
    expect(parseLegacyIdNumber(legacyId({ birth: '480229' }))).toMatchObject({ ok: true, value: { birthDate: '1948-02-29' } });
  });

  it('refuses 29 February of a common year, naming the date it read', () => {
    expect(parseLegacyIdNumber(legacyId({ birth: '510229' }))).toEqual({
      ok: false,
      problem: 'birth-date',
      message: '15位旧身份证号码中的出生日期 1951-02-29 不是有效日期',
    });
  });

  it('refuses a birth month of 13', () => {
    expect(parseLegacyIdNumber(legacyId({ birth: '531301' }))).toMatchObject({ ok: false, problem: 'birth-date' });
  });

  it.each([
    ['14 digits', '11010549123100'],
    ['16 digits', '1101054912310021'],
    ['an 18-character number', '11010519491231002X'],
    ['an X at the end', '11010549123100X'],
    ['a space inside', '110105 491231002'],
    ['nothing at all', ''],
  ])('refuses %s as a format problem, saying what a 15-digit number looks like', (_what, raw) => {
    expect(parseLegacyIdNumber(raw)).toEqual({ ok: false, problem: 'format', message: '15位旧身份证号码应全部是数字，共15位' });
  });
});

describe('upgradeIdNumber', () => {
  it('turns 110105491231002 into the published 18-character sample 11010519491231002X', () => {
    expect(upgradeIdNumber('110105491231002')).toBe('11010519491231002X');
  });

  // Check characters worked out by hand with ISO 7064 MOD 11-2: weighted sums 268 (mod 11 = 4 → 8) and 254 (mod 11 = 1 → 0).
  it.each([
    ['370102530815031', '370102195308150318'],
    ['370102530815000', '370102195308150000'],
  ])('turns %s into %s', (id15, id18) => {
    expect(upgradeIdNumber(id15)).toBe(id18);
  });

  it('ignores spaces around the number', () => {
    expect(upgradeIdNumber(' 110105491231002 ')).toBe('11010519491231002X');
  });

  it('refuses a number that is not 15 digits, with the same message as parseLegacyIdNumber', () => {
    expect(() => upgradeIdNumber('11010519491231002X')).toThrow('15位旧身份证号码应全部是数字，共15位');
  });

  it('refuses a number whose birth date is not a date', () => {
    expect(() => upgradeIdNumber(legacyId({ birth: '530230' }))).toThrow('出生日期 1953-02-30 不是有效日期');
  });

  it('gives an 18-character number that parseIdNumber accepts with the same birth date and sex', () => {
    const birthDates = fc
      .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('1999-12-31T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(fc.stringMatching(/^\d{6}$/), birthDates, fc.stringMatching(/^\d{3}$/), (region, birthDate, sequence) => {
        const id15 = legacyId({ region, birth: birthDate.slice(2).replaceAll('-', ''), sequence });
        const legacy = parseLegacyIdNumber(id15);
        expect(legacy).toMatchObject({ ok: true, value: { birthDate } });
        expect(parseIdNumber(upgradeIdNumber(id15))).toEqual(legacy);
      }),
    );
  });
});
