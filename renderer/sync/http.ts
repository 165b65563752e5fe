/**
 * The committee server over HTTP (shared/sync/protocol.ts): sign-in, token refresh, pull, push and the
 * live event stream. Tokens: the access token lives in memory only; the refresh token is handed to
 * `onTokens` to keep (sealed with the data key) and is refreshed one request at a time, since a refresh
 * token used twice signs the device out.
 */
import {
  API_PATHS,
  fileSyncReplyPath,
  pullPath,
  pushPath,
  STREAM_EVENT_NAME,
  type Account,
  type CommitteeBranchesResponse,
  type ErrorBody,
  type FileCodeBody,
  type FileCodeResponse,
  type FileImportResponse,
  type FileReplyResponse,
  type LoginBody,
  type LoginResponse,
  type PullResponse,
  type PushResponse,
  type PushRow,
  type SyncErrorCode,
  type SyncStreamEvent,
  type TokenPair,
} from '@shared/sync/protocol';
import { collections, type CollectionName } from '@shared/model';

/** A refusal or a failure, with a message for people in Chinese. `offline`: the server could not be reached. */
export class SyncError extends Error {
  override readonly name = 'SyncError';
  constructor(
    readonly code: SyncErrorCode | 'offline' | 'bad-response',
    message: string,
    readonly status = 0,
  ) {
    super(message);
  }
  /** Whether trying again later may help (the network, the server busy) as opposed to a refusal. */
  get retryable(): boolean {
    return this.code === 'offline' || this.code === 'rate-limited' || this.code === 'internal' || this.code === 'bad-response';
  }
}

export type FetchLike = (url: string, init?: RequestInit) => Promise<Response>;

export interface SyncApi {
  pull(collection: CollectionName, checkpoint: number, limit: number): Promise<PullResponse>;
  push(collection: CollectionName, rows: PushRow[]): Promise<PushResponse>;
  committeeBranches(): Promise<CommitteeBranchesResponse>;
  /** Committee: a new 离线同步码 for one of its branches. */
  fileCode(orgId: string): Promise<FileCodeResponse>;
  /** Committee: imports a branch's sync file (its text); the answer holds the reply file. */
  importBranchFile(text: string): Promise<FileImportResponse>;
  /** Committee: a reply file for a branch without a new file from it. */
  fileReply(orgId: string): Promise<FileReplyResponse>;
  /** Live changes; `onState` says when the stream is connected. Returns the stop function. */
  stream(onEvent: (event: SyncStreamEvent) => void, onState: (connected: boolean) => void): () => void;
}

/** The server address as typed: 'sync.dangwei.cn' or 'http://10.0.0.5:8787/' → 'https://sync.dangwei.cn'. */
export function normalizeServerUrl(typed: string): string | null {
  let text = typed.trim();
  if (!text) return null;
  if (!/^https?:\/\//i.test(text)) text = `https://${text}`;
  try {
    const url = new URL(text);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`;
  } catch {
    return null;
  }
}

async function errorOf(response: Response): Promise<SyncError> {
  try {
    const body = (await response.json()) as Partial<ErrorBody>;
    if (body.error && body.message) return new SyncError(body.error, body.message, response.status);
  } catch {
    // not our server's JSON
  }
  return new SyncError('bad-response', `服务器回答异常（HTTP ${response.status}），请稍后再试或联系上级管理员。`, response.status);
}

async function send(fetchImpl: FetchLike, url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetchImpl(url, init);
  } catch {
    throw new SyncError('offline', '连不上服务器：请检查网络，或确认服务器地址。');
  }
}

export async function login(fetchImpl: FetchLike, baseUrl: string, body: LoginBody): Promise<LoginResponse> {
  const response = await send(fetchImpl, baseUrl + API_PATHS.login, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.ok) throw await errorOf(response);
  return (await response.json()) as LoginResponse;
}

/** Signs the device out on the server (best effort: an unreachable server forgets it when the token expires). */
export async function logoutDevice(fetchImpl: FetchLike, baseUrl: string, accessToken: string): Promise<void> {
  await fetchImpl(baseUrl + API_PATHS.logout, { method: 'POST', headers: { authorization: `Bearer ${accessToken}` } }).catch(() => undefined);
}

export interface Session {
  baseUrl: string;
  account: Account;
  refreshToken: string;
}

/**
 * An authenticated API for one signed-in device. `onTokens` is called with every new refresh token (keep
 * it); `onSignedOut` when the server no longer accepts the device (revoked, token reused or expired).
 */
export function createHttpApi(options: {
  fetch: FetchLike;
  session: Session;
  accessToken?: string;
  onTokens: (pair: TokenPair) => void;
  onSignedOut: (error: SyncError) => void;
  /** EventSource for the live stream (browser); absent in tests that poll. */
  eventSource?: typeof EventSource;
}): SyncApi {
  const { fetch: fetchImpl, session } = options;
  let access = options.accessToken ?? null;
  let refreshToken = session.refreshToken;
  let refreshing: Promise<string> | null = null;

  const refresh = () => {
    refreshing ??= (async () => {
      try {
        const response = await send(fetchImpl, session.baseUrl + API_PATHS.refresh, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ refreshToken }),
        });
        if (!response.ok) {
          const error = await errorOf(response);
          if (!error.retryable) options.onSignedOut(error);
          throw error;
        }
        const pair = (await response.json()) as TokenPair;
        refreshToken = pair.refreshToken;
        access = pair.accessToken;
        options.onTokens(pair);
        return pair.accessToken;
      } finally {
        refreshing = null;
      }
    })();
    return refreshing;
  };

  const authorized = async (path: string, init: RequestInit = {}): Promise<Response> => {
    const token = access ?? (await refresh());
    const withToken = (t: string) => ({ ...init, headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${t}` } });
    let response = await send(fetchImpl, session.baseUrl + path, withToken(token));
    if (response.status === 401) {
      response = await send(fetchImpl, session.baseUrl + path, withToken(await refresh()));
    }
    if (!response.ok) throw await errorOf(response);
    return response;
  };

  return {
    async pull(collection, checkpoint, limit) {
      const query = new URLSearchParams({ checkpoint: String(checkpoint), limit: String(limit), schemaVersion: String(collections[collection].schema.version) });
      return (await (await authorized(`${pullPath(collection)}?${query}`)).json()) as PullResponse;
    },
    async push(collection, rows) {
      const query = new URLSearchParams({ schemaVersion: String(collections[collection].schema.version) });
      const response = await authorized(`${pushPath(collection)}?${query}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ rows }),
      });
      return (await response.json()) as PushResponse;
    },
    async committeeBranches() {
      return (await (await authorized(API_PATHS.committeeBranches)).json()) as CommitteeBranchesResponse;
    },
    async fileCode(orgId) {
      const body: FileCodeBody = { orgId };
      const response = await authorized(API_PATHS.fileSyncCode, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      return (await response.json()) as FileCodeResponse;
    },
    async importBranchFile(text) {
      const response = await authorized(API_PATHS.fileSyncImport, { method: 'POST', headers: { 'content-type': 'application/json' }, body: text });
      return (await response.json()) as FileImportResponse;
    },
    async fileReply(orgId) {
      return (await (await authorized(fileSyncReplyPath(orgId))).json()) as FileReplyResponse;
    },
    stream(onEvent, onState) {
      const Source = options.eventSource ?? (typeof EventSource === 'undefined' ? undefined : EventSource);
      if (!Source) return () => undefined;
      let source: EventSource | null = null;
      let stopped = false;
      let retry: ReturnType<typeof setTimeout> | undefined;
      let failures = 0;
      const connect = async () => {
        if (stopped) return;
        try {
          const token = access ?? (await refresh());
          source = new Source(`${session.baseUrl}${API_PATHS.stream}?accessToken=${encodeURIComponent(token)}`);
          source.addEventListener('open', () => {
            failures = 0;
            onState(true);
          });
          source.addEventListener(STREAM_EVENT_NAME, (message) => onEvent(JSON.parse((message as MessageEvent<string>).data) as SyncStreamEvent));
          source.addEventListener('error', () => {
            // The server ends the stream when the access token expires; reconnect with a fresh one, backing off.
            source?.close();
            onState(false);
            access = null;
            schedule();
          });
        } catch {
          onState(false);
          schedule();
        }
      };
      const schedule = () => {
        if (stopped) return;
        failures++;
        retry = setTimeout(() => void connect(), Math.min(60_000, 1000 * 2 ** Math.min(failures, 6)));
      };
      void connect();
      return () => {
        stopped = true;
        clearTimeout(retry);
        source?.close();
      };
    },
  };
}
