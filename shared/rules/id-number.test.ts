import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { idCheckChar, parseIdNumber } from './id-number';

/** A 公民身份号码 with a correct check character, built from its parts. */
function idNumber({ region = '370102', birth = '19530815', sequence = '031' } = {}): string {
  const first17 = `${region}${birth}${sequence}`;
  return first17 + idCheckChar(first17);
}

/** The same number with its last character replaced by a different, wrong one. */
function withWrongCheckChar(id: string): string {
  const wrong = '10X98765432'.split('').find((c) => c !== id[17])!;
  return id.slice(0, 17) + wrong;
}

describe('idCheckChar', () => {
  it('gives X for the published sample 11010519491231002X', () => {
    expect(idCheckChar('11010519491231002')).toBe('X');
  });

  // Worked out apart from this code with ISO 7064 MOD 11-2: one number for each remainder 0…10 of the weighted sum.
  it.each([
    ['37010219530815005', '1'],
    ['37010219530815000', '0'],
    ['37010219530815006', 'X'],
    ['37010219530815001', '9'],
    ['37010219530815007', '8'],
    ['37010219530815002', '7'],
    ['37010219530815008', '6'],
    ['37010219530815003', '5'],
    ['37010219530815009', '4'],
    ['37010219530815004', '3'],
    ['37010219530815018', '2'],
  ])('gives %s the check character %s', (first17, check) => {
    expect(idCheckChar(first17)).toBe(check);
  });

  it('refuses fewer than 17 digits', () => {
    expect(() => idCheckChar('1101051949123100')).toThrow();
  });

  it('refuses a letter among the 17 digits', () => {
    expect(() => idCheckChar('1101051949123100X')).toThrow();
  });
});

describe('parseIdNumber', () => {
  it('accepts the published sample 11010519491231002X and reads a woman born 1949-12-31', () => {
    expect(parseIdNumber('11010519491231002X')).toEqual({ ok: true, value: { birthDate: '1949-12-31', gender: 'female' } });
  });

  it('accepts a lowercase x as the check character', () => {
    expect(parseIdNumber('11010519491231002x')).toEqual({ ok: true, value: { birthDate: '1949-12-31', gender: 'female' } });
  });

  it('ignores spaces around the number', () => {
    expect(parseIdNumber(` ${idNumber({ birth: '19530815' })} `)).toMatchObject({ ok: true, value: { birthDate: '1953-08-15' } });
  });

  it('reads a man from an odd 17th digit', () => {
    expect(parseIdNumber(idNumber({ sequence: '037' }))).toMatchObject({ ok: true, value: { gender: 'male' } });
  });

  it('reads a woman from an even 17th digit', () => {
    expect(parseIdNumber(idNumber({ sequence: '036' }))).toMatchObject({ ok: true, value: { gender: 'female' } });
  });

  it('reads a woman from a 17th digit of 0', () => {
    expect(parseIdNumber(idNumber({ sequence: '130' }))).toMatchObject({ ok: true, value: { gender: 'female' } });
  });

  it('reads the sex from the 17th digit only, not from the whole sequence code', () => {
    // 15th and 16th digits odd, 17th even.
    expect(parseIdNumber(idNumber({ sequence: '992' }))).toMatchObject({ ok: true, value: { gender: 'female' } });
  });

  it('reads 29 February of a leap year as a valid birth date', () => {
    expect(parseIdNumber(idNumber({ birth: '19480229' }))).toMatchObject({ ok: true, value: { birthDate: '1948-02-29' } });
  });

  it('refuses a wrong check character and says to check digit by digit', () => {
    expect(parseIdNumber(withWrongCheckChar(idNumber()))).toEqual({
      ok: false,
      problem: 'check-digit',
      message: '公民身份号码校验位不对，请逐位核对',
    });
  });

  it('catches one mistyped digit of the sequence code through the check character', () => {
    expect(parseIdNumber('11010519491231003X')).toMatchObject({ ok: false, problem: 'check-digit' });
  });

  it('catches two swapped neighbouring digits through the check character', () => {
    expect(parseIdNumber('11010519491231020X')).toMatchObject({ ok: false, problem: 'check-digit' });
  });

  it('refuses 30 February as a birth date, naming the date it read', () => {
    expect(parseIdNumber(idNumber({ birth: '19990230' }))).toEqual({
      ok: false,
      problem: 'birth-date',
      message: '公民身份号码中的出生日期 1999-02-30 不是有效日期',
    });
  });

  it('refuses 29 February of a common year as a birth date', () => {
    expect(parseIdNumber(idNumber({ birth: '19510229' }))).toMatchObject({ ok: false, problem: 'birth-date' });
  });

  it('refuses a birth month of 13', () => {
    expect(parseIdNumber(idNumber({ birth: '19531301' }))).toMatchObject({ ok: false, problem: 'birth-date' });
  });

  it.each([
    ['17 characters', '11010519491231002'],
    ['19 characters', '11010519491231002X0'],
    ['the old 15-digit number', '110105491231002'],
    ['an X before the last position', '1101051949123100X2'],
    ['a letter other than X at the end', '11010519491231002Y'],
    ['a space inside', '110105 19491231002X'],
    ['nothing at all', ''],
  ])('refuses %s as a format problem, saying what a number looks like', (_what, raw) => {
    expect(parseIdNumber(raw)).toEqual({
      ok: false,
      problem: 'format',
      message: '公民身份号码应为18位，前17位是数字，最后一位是数字或X',
    });
  });

  it('reads back the birth date and sex of any number built with idCheckChar', () => {
    const birthDates = fc
      .date({ min: new Date('1920-01-01T00:00:00Z'), max: new Date('2010-12-31T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(fc.stringMatching(/^\d{6}$/), birthDates, fc.integer({ min: 0, max: 999 }), (region, birthDate, seq) => {
        const sequence = String(seq).padStart(3, '0');
        const result = parseIdNumber(idNumber({ region, birth: birthDate.replaceAll('-', ''), sequence }));
        expect(result).toEqual({ ok: true, value: { birthDate, gender: seq % 2 === 1 ? 'male' : 'female' } });
      }),
    );
  });
});
