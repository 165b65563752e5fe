import { describe, expect, it } from 'vitest';
import {
  createRing,
  newDataKey,
  newRecoveryCode,
  normalizeRecoveryCode,
  parseRing,
  passwordProblem,
  PBKDF2_ROUNDS,
  unlockWithPassword,
  unlockWithRecoveryCode,
  withNewPassword,
  withNewRecoveryCode,
} from './keyring';

const NOW = new Date('2026-11-23T08:00:00Z');
/** Fewer rounds than the real 600,000, so the suite stays quick; one test checks the real default. */
const ROUNDS = 1000;

describe('the key ring', () => {
  it('wraps the data key under the password with 600,000 PBKDF2 rounds by default, and nothing of it in clear', async () => {
    const key = newDataKey();
    const ring = await createRing(key, '红旗飘飘2026', newRecoveryCode(), NOW);
    expect(ring.password.rounds).toBe(PBKDF2_ROUNDS);
    expect(PBKDF2_ROUNDS).toBe(600_000);
    expect(JSON.stringify(ring)).not.toContain(key);
    await expect(unlockWithPassword(ring, '红旗飘飘2026')).resolves.toBe(key);
  });

  it('opens with the password or the recovery code, and with nothing else', async () => {
    const key = newDataKey();
    const code = newRecoveryCode();
    const ring = await createRing(key, 'dangfei-2026', code, NOW, ROUNDS);
    await expect(unlockWithPassword(ring, 'dangfei-2026')).resolves.toBe(key);
    await expect(unlockWithPassword(ring, 'dangfei-2025')).resolves.toBeNull();
    await expect(unlockWithPassword(ring, '')).resolves.toBeNull();
    await expect(unlockWithRecoveryCode(ring, code)).resolves.toBe(key);
    await expect(unlockWithRecoveryCode(ring, newRecoveryCode())).resolves.toBeNull();
    await expect(unlockWithRecoveryCode(ring, 'dangfei-2026')).resolves.toBeNull();
  });

  it('accepts the recovery code typed loosely: lower case, spaces, no dashes, O for 0 and I or L for 1', async () => {
    const key = newDataKey();
    const ring = await createRing(key, 'dangfei-2026', '0A1B2-C3D4E-5F6G7-H8J9K-MNPQR', NOW, ROUNDS);
    await expect(unlockWithRecoveryCode(ring, 'oa1b2 c3d4e 5f6g7 h8j9k mnpqr')).resolves.toBe(key);
    await expect(unlockWithRecoveryCode(ring, 'OAIB2C3D4E5F6G7H8J9KMNPQR')).resolves.toBe(key);
    expect(normalizeRecoveryCode('0a1b2-c3d4e-5f6g7-h8j9k-mnpqL')).toBe('0A1B2-C3D4E-5F6G7-H8J9K-MNPQ1');
    expect(normalizeRecoveryCode('0A1B2-C3D4E')).toBeNull();
    expect(normalizeRecoveryCode('UUUUU-UUUUU-UUUUU-UUUUU-UUUUU')).toBeNull();
  });

  it('makes recovery codes of 25 unambiguous characters in five groups, never the same twice', () => {
    const codes = new Set(Array.from({ length: 200 }, () => newRecoveryCode()));
    expect(codes.size).toBe(200);
    for (const code of codes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){4}$/);
  });

  it('a new password wraps the same data key: the old password stops working, the recovery code goes on working', async () => {
    const key = newDataKey();
    const code = newRecoveryCode();
    const ring = await createRing(key, 'old-password', code, NOW, ROUNDS);
    const later = new Date('2027-01-05T02:00:00Z');
    const changed = await withNewPassword(ring, key, 'new-password', later);
    await expect(unlockWithPassword(changed, 'new-password')).resolves.toBe(key);
    await expect(unlockWithPassword(changed, 'old-password')).resolves.toBeNull();
    await expect(unlockWithRecoveryCode(changed, code)).resolves.toBe(key);
    expect(changed.passwordSetAt).toBe(later.toISOString());
    expect(changed.recoverySetAt).toBe(NOW.toISOString());
    const newCode = newRecoveryCode();
    const recoded = await withNewRecoveryCode(changed, key, newCode, later);
    await expect(unlockWithRecoveryCode(recoded, code)).resolves.toBeNull();
    await expect(unlockWithRecoveryCode(recoded, newCode)).resolves.toBe(key);
  });

  it('reads back only a ring of the right shape', async () => {
    const ring = await createRing(newDataKey(), 'dangfei-2026', newRecoveryCode(), NOW, ROUNDS);
    expect(parseRing(JSON.stringify(ring))).toEqual(ring);
    expect(parseRing(null)).toBeNull();
    expect(parseRing('not json')).toBeNull();
    expect(parseRing(JSON.stringify({ ...ring, v: 2 }))).toBeNull();
    expect(parseRing(JSON.stringify({ ...ring, recovery: { salt: 'x' } }))).toBeNull();
  });

  it('says in plain words what is wrong with a new password', () => {
    expect(passwordProblem('12345', '12345')).toBe('密码至少要 6 位。');
    expect(passwordProblem('123456', '123465')).toBe('两次输入的密码不一样，请重新输入。');
    expect(passwordProblem(' 123456', ' 123456')).toBe('密码的开头和结尾不能是空格。');
    expect(passwordProblem('红旗飘飘2026', '红旗飘飘2026')).toBeNull();
  });
});
