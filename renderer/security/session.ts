/**
 * The data key of this session, and the password that protects it (keyring.ts says how it is wrapped).
 *
 * At start `openKeys` finds one of:
 * - a key remembered on this computer (no password; or a password with 「在这台电脑上记住」): open;
 * - only a ring: the password (or the recovery code) is asked before anything is opened;
 * - nothing at all on a computer that has no branch data yet: a first start, a new key is made;
 * - nothing, but branch data is there (key file deleted, profile copied without it): never make a new key
 *   over data the old one encrypted; say so, and leave everything as it is.
 * Afterwards the key stays in memory while the app runs; the lock hides the screen and asks for the password
 * again, it does not close the database (a form half filled stays as it was).
 */
import { platform, type StoredKeys } from '../platform';
import {
  createRing,
  newDataKey,
  parseRing,
  unlockWithPassword,
  unlockWithRecoveryCode,
  withNewPassword,
  withNewRecoveryCode,
  type KeyRing,
} from './keyring';

export type KeyAccess =
  | { state: 'open'; key: string }
  | { state: 'locked'; ring: KeyRing }
  | { state: 'lost'; message: string };

interface Session {
  key: string;
  ring: KeyRing | null;
  remembered: boolean;
  keystore: boolean;
}

let session: Session | null = null;
let stored: StoredKeys | null = null;

/** Whether a branch database is already on this computer (its name starts with the app's database name). */
async function branchDataExists(dbName: string): Promise<boolean> {
  if (!indexedDB.databases) return false;
  const names = (await indexedDB.databases()).map((d) => d.name ?? '');
  return names.some((name) => name === dbName || name.startsWith(`rxdb-dexie-${dbName}--`));
}

export async function openKeys(dbName: string): Promise<KeyAccess> {
  stored = await platform().loadKeys();
  const ring = parseRing(stored.ring);
  if (stored.remembered) {
    session = { key: stored.remembered, ring, remembered: true, keystore: stored.keystore };
    return { state: 'open', key: stored.remembered };
  }
  if (stored.ring !== null && !ring) {
    return { state: 'lost', message: '这台电脑上保存的密钥文件已损坏，无法用密码打开数据。数据本身没有被改动：请找技术支持，或用备份文件（设有备份密码的）恢复。' };
  }
  if (ring) return { state: 'locked', ring };
  if (await branchDataExists(dbName)) {
    return { state: 'lost', message: '这台电脑上有支部数据，但打开它的密钥找不到了（可能被删除）。为了不损坏数据，程序没有打开它，也没有做任何改动。请找技术支持，或用备份文件（设有备份密码的）恢复。' };
  }
  const key = newDataKey();
  await platform().saveKeys({ ring: null, remembered: key });
  session = { key, ring: null, remembered: true, keystore: stored.keystore };
  return { state: 'open', key };
}

/** Opens with the password (or the recovery code) at start; null when it does not fit. */
export async function unlockAtStart(ring: KeyRing, secret: string, by: 'password' | 'recovery'): Promise<string | null> {
  const key = by === 'password' ? await unlockWithPassword(ring, secret) : await unlockWithRecoveryCode(ring, secret);
  if (key) session = { key, ring, remembered: false, keystore: stored?.keystore ?? false };
  return key;
}

function current(): Session {
  if (!session) throw new Error('the data key is not open yet');
  return session;
}

/** The data key (throws before the start has opened it). */
export function dataKey(): string {
  return current().key;
}

export interface Protection {
  hasPassword: boolean;
  /** The key is kept on this computer so the app opens without the password. */
  remembered: boolean;
  /** An OS key store can keep it (Electron); without one a password means typing it at every start. */
  canRemember: boolean;
  passwordSetAt?: string;
  recoverySetAt?: string;
}

export function protection(): Protection {
  const s = current();
  return {
    hasPassword: s.ring !== null,
    remembered: s.ring !== null && s.remembered,
    canRemember: s.keystore,
    ...(s.ring ? { passwordSetAt: s.ring.passwordSetAt, recoverySetAt: s.ring.recoverySetAt } : {}),
  };
}

async function save(ring: KeyRing | null, remembered: boolean): Promise<void> {
  const s = current();
  // Without a key store a remembered key would sit beside the data in plain text: with a password, never.
  const keep = ring === null || (remembered && s.keystore);
  await platform().saveKeys({ ring: ring ? JSON.stringify(ring) : null, remembered: keep ? s.key : null });
  session = { ...s, ring, remembered: keep };
}

/** Sets the first password, with the recovery code the secretary has printed or written down. */
export async function setPassword(password: string, recoveryCode: string, remember: boolean, now = new Date()): Promise<void> {
  await save(await createRing(current().key, password, recoveryCode, now), remember);
}

export async function checkPassword(password: string): Promise<boolean> {
  const ring = current().ring;
  return ring !== null && (await unlockWithPassword(ring, password)) === current().key;
}

export async function checkRecoveryCode(code: string): Promise<boolean> {
  const ring = current().ring;
  return ring !== null && (await unlockWithRecoveryCode(ring, code)) === current().key;
}

/** A new password; the caller has checked the old one (or the recovery code). */
export async function changePassword(password: string, now = new Date()): Promise<void> {
  const s = current();
  if (!s.ring) throw new Error('no password to change');
  await save(await withNewPassword(s.ring, s.key, password, now), s.remembered);
}

export async function changeRecoveryCode(code: string, now = new Date()): Promise<void> {
  const s = current();
  if (!s.ring) throw new Error('no password set');
  await save(await withNewRecoveryCode(s.ring, s.key, code, now), s.remembered);
}

export async function setRemembered(remember: boolean): Promise<void> {
  await save(current().ring, remember);
}

/** Back to no password (the caller has checked it): the key is kept on this computer again. */
export async function removePassword(): Promise<void> {
  await save(null, true);
}

/** For tests: forget the session. */
export function resetSessionForTests(): void {
  session = null;
  stored = null;
}
