/** Passwords: argon2id hashes (DESIGN.md §7), and generated passwords people can read out and type. */
import argon2 from 'argon2';
import { randomInt } from 'node:crypto';
import { Semaphore } from './semaphore';

export const MIN_PASSWORD_LENGTH = 8;

/**
 * How many argon2 hashes and checks run at once; the others wait in line here, in memory, holding
 * no database connection. argon2 runs in libuv's thread pool (UV_THREADPOOL_SIZE, 4 by default),
 * which WebCrypto (jose signs and checks every access token there), pg's DNS look-ups and file
 * reads share: uncapped, a crowd of logins fills every thread and all other requests wait behind
 * them. Two, because one check already keeps several cores busy (argon2 `parallelism` 4 runs its
 * own threads) and holds 64 MiB, so more at once adds memory, not speed; and never more than the
 * pool minus one, so a thread stays free for everyone else.
 */
export const PASSWORD_CHECKS_AT_ONCE = Math.max(1, Math.min(2, threadPoolSize() - 1));
const argon2Slots = new Semaphore(PASSWORD_CHECKS_AT_ONCE);

function threadPoolSize(): number {
  // libuv reads this variable itself when it starts the pool; here we only mirror it.
  const size = Number(process.env.UV_THREADPOOL_SIZE);
  return Number.isInteger(size) && size > 0 ? size : 4;
}

export function hashPassword(password: string): Promise<string> {
  return argon2Slots.run(() => argon2.hash(password, { type: argon2.argon2id }));
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2Slots.run(() => argon2.verify(hash, password));
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
