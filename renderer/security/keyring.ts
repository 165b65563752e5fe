/**
 * The key ring: how this computer keeps the data key (the key that encrypts personal identifiers at rest,
 * renderer/db/encryption.ts) when the secretary has set a password.
 *
 * The data key itself never changes: it is wrapped (AES-256-GCM) under a key derived from the password
 * (PBKDF2-SHA-256, 600,000 rounds) and, separately, under a key derived from the recovery code printed at
 * set-up. Changing the password wraps the same data key under the new password, so the old password
 * opens nothing; the data and the automatic backups (whose file keys are wrapped for the data key) stay
 * readable without rewriting anything. Without a password (a shared office laptop) there is no ring and
 * the shell keeps the data key as before (OS key store, or beside the data).
 *
 * Pure Web Crypto: the same code runs in Electron's page, a browser and the unit tests.
 */
import { newCode, normalizeCode } from '@shared/sync/code';
import { fromBase64, toBase64 } from '@shared/bytes';

export const PBKDF2_ROUNDS = 600_000;
export const MIN_PASSWORD_LENGTH = 6;

export interface WrappedKey {
  salt: string;
  iv: string;
  rounds: number;
  /** The data key, sealed. */
  sealed: string;
}

export interface KeyRing {
  v: 1;
  password: WrappedKey;
  recovery: WrappedKey;
  /** When the password was set or last changed (ISO instant). */
  passwordSetAt: string;
  /** When the recovery code was made (the printed sheet carries the same date). */
  recoverySetAt: string;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function randomBytes(length: number): Uint8Array<ArrayBuffer> {
  return crypto.getRandomValues(new Uint8Array(length));
}

async function derive(secret: string, salt: Uint8Array<ArrayBuffer>, rounds: number): Promise<CryptoKey> {
  const base = await crypto.subtle.importKey('raw', encoder.encode(secret), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations: rounds }, base, { name: 'AES-GCM', length: 256 }, false, [
    'encrypt',
    'decrypt',
  ]);
}

async function wrap(dataKey: string, secret: string, rounds: number): Promise<WrappedKey> {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const key = await derive(secret, salt, rounds);
  const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, encoder.encode(dataKey)));
  return { salt: toBase64(salt), iv: toBase64(iv), rounds, sealed: toBase64(sealed) };
}

/** The data key, or null when the secret is not the one it was wrapped with (GCM's tag does not match). */
async function unwrap(wrapped: WrappedKey, secret: string): Promise<string | null> {
  const key = await derive(secret, fromBase64(wrapped.salt), wrapped.rounds);
  try {
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: fromBase64(wrapped.iv) }, key, fromBase64(wrapped.sealed));
    return decoder.decode(plain);
  } catch {
    return null;
  }
}

/** Passwords are compared as typed, after Unicode normalization (a full-width IME may compose differently). */
function normalizePassword(password: string): string {
  return password.normalize('NFC');
}

// Recovery codes: see shared/sync/code.ts (the same kind of code as the 离线同步码).
export const newRecoveryCode = newCode;
export const normalizeRecoveryCode = normalizeCode;

/** Why a password is not accepted, in Chinese; null when it is. */
export function passwordProblem(password: string, repeated: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `密码至少要 ${MIN_PASSWORD_LENGTH} 位。`;
  if (password.length > 128) return '密码太长了，请不超过 128 位。';
  if (/^\s|\s$/.test(password)) return '密码的开头和结尾不能是空格。';
  if (password !== repeated) return '两次输入的密码不一样，请重新输入。';
  return null;
}

/** A new ring: the data key under the password and under the recovery code. */
export async function createRing(dataKey: string, password: string, recoveryCode: string, now: Date, rounds = PBKDF2_ROUNDS): Promise<KeyRing> {
  const code = normalizeRecoveryCode(recoveryCode);
  if (!code) throw new Error('recovery code malformed');
  const [byPassword, byRecovery] = await Promise.all([wrap(dataKey, normalizePassword(password), rounds), wrap(dataKey, code, rounds)]);
  const at = now.toISOString();
  return { v: 1, password: byPassword, recovery: byRecovery, passwordSetAt: at, recoverySetAt: at };
}

export function unlockWithPassword(ring: KeyRing, password: string): Promise<string | null> {
  return unwrap(ring.password, normalizePassword(password));
}

export async function unlockWithRecoveryCode(ring: KeyRing, typed: string): Promise<string | null> {
  const code = normalizeRecoveryCode(typed);
  return code ? unwrap(ring.recovery, code) : null;
}

/** The same data key under a new password; the recovery code keeps working. */
export async function withNewPassword(ring: KeyRing, dataKey: string, password: string, now: Date): Promise<KeyRing> {
  return { ...ring, password: await wrap(dataKey, normalizePassword(password), ring.password.rounds), passwordSetAt: now.toISOString() };
}

/** The same data key under a new recovery code (the old sheet stops working). */
export async function withNewRecoveryCode(ring: KeyRing, dataKey: string, recoveryCode: string, now: Date): Promise<KeyRing> {
  const code = normalizeRecoveryCode(recoveryCode);
  if (!code) throw new Error('recovery code malformed');
  return { ...ring, recovery: await wrap(dataKey, code, ring.recovery.rounds), recoverySetAt: now.toISOString() };
}

/** A ring read back from storage, or null when it is not one (never trust a file's shape). */
export function parseRing(text: string | null): KeyRing | null {
  if (!text) return null;
  try {
    const value = JSON.parse(text) as Partial<KeyRing>;
    const wrapped = (w: unknown): w is WrappedKey =>
      typeof w === 'object' && w !== null && ['salt', 'iv', 'sealed'].every((k) => typeof (w as Record<string, unknown>)[k] === 'string') && Number.isInteger((w as WrappedKey).rounds);
    if (value.v !== 1 || !wrapped(value.password) || !wrapped(value.recovery)) return null;
    return value as KeyRing;
  } catch {
    return null;
  }
}

/** A fresh data key: 32 random bytes, hex (the form renderer/db/encryption.ts takes). */
export function newDataKey(): string {
  return [...randomBytes(32)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
