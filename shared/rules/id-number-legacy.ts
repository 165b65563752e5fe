/**
 * The first-generation 公民身份号码 of 15 digits (GB 11643-1989, replaced in 1999): 6-digit address
 * code, birth date as YYMMDD, 3-digit sequence (odd for men, even for women), no check character.
 * Old member records and transfer letters still carry them; `upgradeIdNumber` gives the 18-character
 * number the same person holds today.
 */
import { isValidDate } from '../dates';
import { idCheckChar, type parseIdNumber } from './id-number';

/** The same answer as `parseIdNumber`: what is wrong with the number, or its birth date and sex. */
export type LegacyIdNumberResult = ReturnType<typeof parseIdNumber>;

/**
 * Reads a 15-digit ID number. The year is taken as 19YY: these numbers were issued from 1984 to
 * 2004, to people born in the 20th century. It has no check character, so a mistyped digit
 * outside the birth date cannot be caught.
 */
export function parseLegacyIdNumber(raw: string): LegacyIdNumberResult {
  const id = raw.trim();
  if (!/^\d{15}$/.test(id)) {
    return { ok: false, problem: 'format', message: '15位旧身份证号码应全部是数字，共15位' };
  }
  const birthDate = `19${id.slice(6, 8)}-${id.slice(8, 10)}-${id.slice(10, 12)}`;
  if (!isValidDate(birthDate)) {
    return { ok: false, problem: 'birth-date', message: `15位旧身份证号码中的出生日期 ${birthDate} 不是有效日期` };
  }
  return { ok: true, value: { birthDate, gender: Number(id[14]) % 2 === 1 ? 'male' : 'female' } };
}

/**
 * The 18-character number for a 15-digit one: "19" inserted before the birth year and the
 * check character appended. Throws, with the message of `parseLegacyIdNumber`, when the number
 * is not a valid 15-digit ID number.
 */
export function upgradeIdNumber(id15: string): string {
  const parsed = parseLegacyIdNumber(id15);
  if (!parsed.ok) throw new Error(parsed.message);
  const id = id15.trim();
  const first17 = `${id.slice(0, 6)}19${id.slice(6)}`;
  return first17 + idCheckChar(first17);
}
