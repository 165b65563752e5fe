/** Passwords: argon2id hashes (DESIGN.md §7), and generated passwords people can read out and type. */
import argon2 from 'argon2';
import { randomInt } from 'node:crypto';

export const MIN_PASSWORD_LENGTH = 8;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    // A malformed stored hash is a refused login, not a crash; it never matches.
    return false;
  }
}

let dummyHash: Promise<string> | undefined;
/** Spends the same time as a real check, so an unknown username cannot be told apart by timing. */
export async function verifyNothing(password: string): Promise<false> {
  dummyHash ??= hashPassword('branch-desk-dummy-password');
  await verifyPassword(await dummyHash, password);
  return false;
}

/** Letters and digits without look-alikes (0/O, 1/l/I), in groups of four: "k7pm-x3qa-9rtw". */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
export function generatePassword(): string {
  const groups = Array.from({ length: 3 }, () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join(''));
  return groups.join('-');
}

/** Why a chosen password is refused, in Chinese; null if it is acceptable. */
export function passwordProblem(password: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `密码至少需要 ${MIN_PASSWORD_LENGTH} 个字符。`;
  if (password.length > 200) return '密码太长（最多 200 个字符）。';
  return null;
}
