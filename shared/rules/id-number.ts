/**
 * 公民身份号码 (GB 11643-1999): 6-digit address code, 8-digit birth date, 3-digit sequence
 * (odd for men, even for women), and a check character computed by ISO 7064 MOD 11-2.
 */
import { isValidDate } from '../dates';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/** The check character for the first 17 digits. */
export function idCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error('first17 must be 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

export type IdNumberProblem = 'format' | 'birth-date' | 'check-digit';

export interface IdNumberInfo {
  birthDate: string;
  gender: 'male' | 'female';
}

/** Reads an 18-character ID number; returns what is wrong with it, or its birth date and sex. */
export function parseIdNumber(raw: string): { ok: true; value: IdNumberInfo } | { ok: false; problem: IdNumberProblem; message: string } {
  const id = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) {
    return { ok: false, problem: 'format', message: '公民身份号码应为18位，前17位是数字，最后一位是数字或X' };
  }
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (!isValidDate(birthDate)) {
    return { ok: false, problem: 'birth-date', message: `公民身份号码中的出生日期 ${birthDate} 不是有效日期` };
  }
  if (idCheckChar(id.slice(0, 17)) !== id[17]) {
    return { ok: false, problem: 'check-digit', message: '公民身份号码校验位不对，请逐位核对' };
  }
  return { ok: true, value: { birthDate, gender: Number(id[16]) % 2 === 1 ? 'male' : 'female' } };
}
