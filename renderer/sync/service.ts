/**
 * 同步 for the app: sign in to the committee's server once, then sync runs by itself whenever the server
 * can be reached (live events, a full check every few minutes, retries with backoff) and on demand.
 * What the UI shows lives in `useSyncStore`: signed in or not, online or offline, last sync, changes not
 * yet on the server, progress, the last error in plain words.
 *
 * Kept on this computer (localStorage): the server address, the account, and the refresh token sealed
 * with the data key, so a copied profile without the password opens no server session.
 */
import type { RxCollection } from 'rxdb';
import type { Subscription } from 'rxjs';
import { COLLECTION_NAMES } from '@shared/model';
import type { Account, CommitteeBranch, TokenPair } from '@shared/sync/protocol';
import type { BranchDatabase } from '../db/database';
import { decryptValue, encryptValue, keyFor } from '../db/encryption';
import { dataKey } from '../security/session';
import { forgetConfirmed, isConfirmed, loadConfirmed, markConfirmed } from './confirmed';
import { createHttpApi, login, logoutDevice, SyncError, type FetchLike, type SyncApi } from './http';
import { startReplication, type SyncController } from './replication';
import { useSyncStore } from './status';

export { useSyncStore, type Connection, type SyncState } from './status';

const SETTINGS_ITEM = 'branchdesk.sync';

interface StoredSettings {
  baseUrl: string;
  account: Account;
  deviceName: string;
  /** The refresh token, sealed with the data key. */
  sealedRefresh: string;
  lastSyncAt?: string;
}

function readSettings(): StoredSettings | null {
  try {
    const text = localStorage.getItem(SETTINGS_ITEM);
    return text ? (JSON.parse(text) as StoredSettings) : null;
  } catch {
    return null;
  }
}

function writeSettings(settings: StoredSettings | null): void {
  if (settings) localStorage.setItem(SETTINGS_ITEM, JSON.stringify(settings));
  else localStorage.removeItem(SETTINGS_ITEM);
}

async function seal(token: string): Promise<string> {
  return encryptValue(token, await keyFor(dataKey()));
}

async function unseal(sealed: string): Promise<string> {
  return (await decryptValue(sealed, await keyFor(dataKey()))) as string;
}

let controller: SyncController | null = null;
let currentApi: SyncApi | null = null;
let running: { db: BranchDatabase; settings: StoredSettings } | null = null;
let pendingTimer: ReturnType<typeof setTimeout> | undefined;
/** Local writes watched for the pending count; ended with the sync, so signing in again does not watch twice. */
let watching: Subscription[] = [];

/** Counts documents whose current version the server has not confirmed (./confirmed.ts). */
async function countPending(db: BranchDatabase, role: Account['role']): Promise<number> {
  let pending = 0;
  for (const name of COLLECTION_NAMES) {
    if (role === 'branch' ? name === 'approvals' : name !== 'approvals') continue;
    const docs = await (db[name] as unknown as RxCollection<{ id: string; updatedAt: string }>).find().exec();
    for (const doc of docs) if (!isConfirmed(name, doc.id, doc.updatedAt)) pending++;
  }
  return pending;
}

function schedulePendingCount(): void {
  clearTimeout(pendingTimer);
  pendingTimer = setTimeout(() => {
    if (!running) return;
    const { db, settings } = running;
    countPending(db, settings.account.role).then(
      (pending) => useSyncStore.setState({ pending }),
      (error: unknown) => console.warn('pending count', error),
    );
  }, 500);
}

function start(db: BranchDatabase, settings: StoredSettings, refreshToken: string, fetchImpl: FetchLike, accessToken?: string): void {
  running = { db, settings };
  // Kept per account, so a restart still knows what reached the server.
  loadConfirmed(settings.account.userId);
  useSyncStore.setState({ connection: 'connecting', account: settings.account, baseUrl: settings.baseUrl, lastSyncAt: settings.lastSyncAt ?? null, message: null });
  const api = createHttpApi({
    fetch: fetchImpl,
    session: { baseUrl: settings.baseUrl, account: settings.account, refreshToken },
    accessToken,
    onTokens: (pair: TokenPair) => {
      void seal(pair.refreshToken).then((sealedRefresh) => {
        if (running?.settings === settings) {
          settings.sealedRefresh = sealedRefresh;
          writeSettings(settings);
        }
      });
    },
    onSignedOut: (error) => {
      useSyncStore.setState({ connection: 'refused', message: `${error.message}（需要重新登录）` });
      void controller?.stop();
    },
  });
  currentApi = api;
  controller = startReplication({
    db,
    api,
    role: settings.account.role,
    identifier: `${settings.account.userId}`,
    onStatus: (event) => {
      if (event.kind === 'error' && event.error) {
        useSyncStore.setState({ connection: event.error.code === 'offline' ? 'offline' : 'online', message: event.error.message });
      } else if (event.kind === 'active') {
        useSyncStore.setState({ active: true });
      } else if (event.kind === 'idle') {
        const at = new Date().toISOString();
        settings.lastSyncAt = at;
        writeSettings(settings);
        useSyncStore.setState({ active: false, connection: 'online', lastSyncAt: at, message: null });
        schedulePendingCount();
      } else if (event.kind === 'progress' && event.progress) {
        useSyncStore.setState({ progress: event.progress });
      } else if (event.kind === 'stream' && event.connected) {
        useSyncStore.setState({ connection: 'online' });
      }
    },
    onConfirmed: (collection, id, updatedAt) => {
      // A confirmation from a sync already stopped (signing in again) belongs to the account before.
      if (running?.settings === settings) markConfirmed(collection, id, updatedAt);
    },
  });
  // Local writes change what waits to be sent.
  watching = COLLECTION_NAMES.map((name) => (db[name] as unknown as RxCollection).$.subscribe(() => schedulePendingCount()));
  schedulePendingCount();
}

/** At app start: resumes the sync of a device that signed in before. */
export async function resumeSync(db: BranchDatabase, fetchImpl: FetchLike = fetch.bind(globalThis)): Promise<void> {
  const settings = readSettings();
  if (!settings || running) return;
  let refreshToken: string;
  try {
    refreshToken = await unseal(settings.sealedRefresh);
  } catch {
    useSyncStore.setState({ connection: 'refused', account: settings.account, baseUrl: settings.baseUrl, message: '登录信息已失效，请重新登录同步。' });
    loadConfirmed(settings.account.userId);
    return;
  }
  start(db, settings, refreshToken, fetchImpl);
}

/** Signs this device in and starts syncing. A branch device names its local branch, which the server binds. */
export async function signIn(
  db: BranchDatabase,
  input: { serverUrl: string; username: string; password: string; deviceName: string; localOrgId?: string },
  /** Says why this account may not sync on this computer (a committee's account on a branch's data), or null. */
  refuse: (account: Account) => string | null = () => null,
  fetchImpl: FetchLike = fetch.bind(globalThis),
): Promise<Account> {
  const answer = await login(fetchImpl, input.serverUrl, {
    username: input.username.trim(),
    password: input.password,
    deviceName: input.deviceName,
    ...(input.localOrgId ? { localOrgId: input.localOrgId } : {}),
  });
  const refusal = refuse(answer.account);
  if (refusal) {
    await logoutDevice(fetchImpl, input.serverUrl, answer.accessToken);
    throw new SyncError('forbidden', refusal);
  }
  await stopSync();
  const settings: StoredSettings = { baseUrl: input.serverUrl, account: answer.account, deviceName: input.deviceName, sealedRefresh: await seal(answer.refreshToken) };
  writeSettings(settings);
  start(db, settings, answer.refreshToken, fetchImpl, answer.accessToken);
  return answer.account;
}

export async function syncNow(timeoutMs = 60_000): Promise<void> {
  if (!controller) throw new SyncError('unauthenticated', '还没有登录同步。');
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new SyncError('offline', '同步没有在一分钟内完成：网络可能很慢或已断开，软件会在后台继续尝试。')), timeoutMs);
  });
  try {
    await Promise.race([controller.syncNow(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export async function stopSync(): Promise<void> {
  const current = controller;
  controller = null;
  currentApi = null;
  running = null;
  clearTimeout(pendingTimer);
  for (const subscription of watching) subscription.unsubscribe();
  watching = [];
  if (current) await current.stop();
}

/** Signs out: the device stops syncing; local data stays as it is. */
export async function signOut(): Promise<void> {
  await stopSync();
  writeSettings(null);
  forgetConfirmed();
  useSyncStore.setState({ connection: 'signed-out', account: null, baseUrl: null, pending: null, progress: null, lastSyncAt: null, message: null });
}

/** The committee's branches as the server knows them (last sync, counts). */
export async function committeeBranches(): Promise<CommitteeBranch[]> {
  return (await signedInApi().committeeBranches()).branches;
}

/** The server's API as the signed-in account (committee screens call it directly: file sync). */
export function signedInApi(): SyncApi {
  if (!currentApi) throw new SyncError('unauthenticated', '还没有登录。');
  return currentApi;
}

/** Whether the server has confirmed this version of a document (an important write reached the committee). */
export { isConfirmed as confirmedOnServer } from './confirmed';
