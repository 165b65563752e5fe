/**
 * The session's key handling against a stand-in platform and the real database stack (fake IndexedDB):
 * first start, password set, locked start, wrong password, recovery code, password change with the data
 * still readable, remembering, and never a new key over data the old one encrypted.
 */
import 'fake-indexeddb/auto';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StoredKeys } from '../platform';
import { openBranchDatabase } from '../db/database';
import { loadDemo } from '../db/demo';
import { newRecoveryCode } from './keyring';
import type * as Keyring from './keyring';

const machine: StoredKeys = { ring: null, remembered: null, keystore: false };
vi.mock('../platform', () => ({
  platform: () => ({
    loadKeys: async () => ({ ...machine }),
    saveKeys: async (keys: { ring: string | null; remembered: string | null }) => {
      machine.ring = keys.ring;
      machine.remembered = keys.remembered;
    },
  }),
}));
// The real 600,000 rounds cost about a second each; the ring records its rounds, so fewer are as good here.
vi.mock('./keyring', async (importOriginal) => {
  const real = await importOriginal<typeof Keyring>();
  return { ...real, createRing: (key: string, password: string, code: string, now: Date) => real.createRing(key, password, code, now, 1000) };
});

const session = await import('./session');

let counter = 0;
let dbName = '';
beforeEach(() => {
  Object.assign(machine, { ring: null, remembered: null, keystore: false });
  session.resetSessionForTests();
  dbName = `bd-session-${Date.now()}-${counter++}`;
});
afterEach(() => session.resetSessionForTests());

const openDb = (password: string) =>
  openBranchDatabase({ name: dbName, storage: getRxStorageDexie({ indexedDB, IDBKeyRange }), multiInstance: false, password });

/** Restarting the app: the session forgets its key, the machine keeps its files. */
async function restart() {
  session.resetSessionForTests();
  return session.openKeys(dbName);
}

describe('the data key across starts', () => {
  it('makes and keeps a key on the first start, and opens with it after that', async () => {
    const first = await session.openKeys(dbName);
    expect(first.state).toBe('open');
    const key = first.state === 'open' ? first.key : '';
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(machine).toMatchObject({ ring: null, remembered: key });
    await expect(restart()).resolves.toEqual({ state: 'open', key });
    expect(session.protection()).toEqual({ hasPassword: false, remembered: false, canRemember: false });
  });

  it('with a password: asks for it at start, refuses a wrong one, and the data opens with the right one or the recovery code', async () => {
    const first = await session.openKeys(dbName);
    const key = first.state === 'open' ? first.key : '';
    const db = await openDb(key);
    await loadDemo(db, 'branch', '2026-11-23');
    const before = (await db.people.find().exec()).map((p) => p.toJSON().private);
    expect(before.filter((p) => p?.idNumber).length).toBeGreaterThan(10);
    const code = newRecoveryCode();
    await session.setPassword('红旗飘飘2026', code, true);
    // No key store (the web): the key is not left beside the data even when 「记住」 was asked for.
    expect(machine.remembered).toBeNull();
    expect(machine.ring).not.toContain(key);
    await db.close();

    const locked = await restart();
    expect(locked.state).toBe('locked');
    if (locked.state !== 'locked') return;
    await expect(session.unlockAtStart(locked.ring, '红旗飘飘2025', 'password')).resolves.toBeNull();
    await expect(session.unlockAtStart(locked.ring, '红旗飘飘2026', 'password')).resolves.toBe(key);
    session.resetSessionForTests();
    await expect(session.unlockAtStart(locked.ring, code.toLowerCase(), 'recovery')).resolves.toBe(key);

    // A new password: the old one opens nothing, the data is read with the key the new one opens.
    await session.changePassword('党费按月交');
    const relocked = await restart();
    if (relocked.state !== 'locked') throw new Error(`expected locked, got ${relocked.state}`);
    await expect(session.unlockAtStart(relocked.ring, '红旗飘飘2026', 'password')).resolves.toBeNull();
    const reopened = await session.unlockAtStart(relocked.ring, '党费按月交', 'password');
    expect(reopened).toBe(key);
    const again = await openDb(reopened!);
    expect((await again.people.find().exec()).map((p) => p.toJSON().private)).toEqual(before);
    await again.close();
  });

  it('remembers the key in the OS key store when asked, and forgets it when asked', async () => {
    machine.keystore = true;
    const first = await session.openKeys(dbName);
    const key = first.state === 'open' ? first.key : '';
    await session.setPassword('dangfei-2026', newRecoveryCode(), true);
    expect(machine.remembered).toBe(key);
    expect(session.protection()).toMatchObject({ hasPassword: true, remembered: true, canRemember: true });
    await expect(restart()).resolves.toEqual({ state: 'open', key });
    await session.setRemembered(false);
    expect(machine.remembered).toBeNull();
    expect((await restart()).state).toBe('locked');
  });

  it('checks the password and the recovery code, and removing the password keeps the key on this computer', async () => {
    await session.openKeys(dbName);
    const code = newRecoveryCode();
    await session.setPassword('dangfei-2026', code, false);
    await expect(session.checkPassword('dangfei-2026')).resolves.toBe(true);
    await expect(session.checkPassword('dangfei')).resolves.toBe(false);
    await expect(session.checkRecoveryCode(code)).resolves.toBe(true);
    const key = session.dataKey();
    await session.removePassword();
    expect(machine).toMatchObject({ ring: null, remembered: key });
    await expect(restart()).resolves.toEqual({ state: 'open', key });
  });

  it('never makes a new key over branch data whose key is gone, and says so', async () => {
    const first = await session.openKeys(dbName);
    const db = await openDb(first.state === 'open' ? first.key : '');
    await db.close();
    machine.remembered = null; // the key file deleted
    const lost = await restart();
    expect(lost).toMatchObject({ state: 'lost', message: expect.stringContaining('密钥找不到了') });
    expect(machine).toMatchObject({ ring: null, remembered: null });
  });

  it('does not treat a damaged key ring as no password', async () => {
    machine.ring = '{"v":1,"password":';
    await expect(restart()).resolves.toMatchObject({ state: 'lost', message: expect.stringContaining('已损坏') });
    expect(machine.remembered).toBeNull();
  });
});
