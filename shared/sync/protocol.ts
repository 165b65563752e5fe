/**
 * The sync wire protocol between the app and the committee's server (DESIGN.md §5): paths, bodies,
 * limits and error codes. Types and constants only, so the renderer, the main process and the server
 * all read the same shapes.
 *
 * Replication follows RxDB's replication primitive: a pull returns documents changed after a
 * checkpoint, ordered by the server's sequence; a push sends rows of {newDocumentState,
 * assumedMasterState} and gets back the master state of every row that conflicted.
 */
import type { CollectionName, DocTypes } from '../model';

// ---------------------------------------------------------------------------------------------
// Paths

export const API_PATHS = {
  health: '/api/health',
  /** {@link LoginBody} → {@link LoginResponse}. Limited to a few attempts a minute per address and username. */
  login: '/api/auth/login',
  /** {@link RefreshBody} → {@link RefreshResponse}. */
  refresh: '/api/auth/refresh',
  /** With the access token; signs this device out (its refresh token stops working). Answers 204. */
  logout: '/api/auth/logout',
  /** Server-sent events; see {@link SyncStreamEvent}. */
  stream: '/api/sync/stream',
  committeeBranches: '/api/committee/branches',
  /** Committee only: {@link FileCodeBody} → {@link FileCodeResponse}, a new 离线同步码 for a branch. */
  fileSyncCode: '/api/file-sync/code',
  /** Committee only: the `.bdsync` file's JSON as body → {@link FileImportResponse}. */
  fileSyncImport: '/api/file-sync/import',
} as const;

/** Committee only: `GET` → {@link FileReplyResponse}, a reply file for a branch that syncs by file. */
export const fileSyncReplyPath = (orgId: string): string => `/api/file-sync/reply/${encodeURIComponent(orgId)}`;

/** `GET` with {@link PullQuery} as query string. */
export const pullPath = (collection: CollectionName): string => `/api/sync/${collection}/pull`;
/** `POST` with {@link PushBody}; `?schemaVersion=` as query string. */
export const pushPath = (collection: CollectionName): string => `/api/sync/${collection}/push`;

// ---------------------------------------------------------------------------------------------
// Limits

/** At most this many rows in one push; the client sends larger batches in several requests. */
export const MAX_PUSH_ROWS = 200;
/** A pull answers at most this many documents, whatever `limit` asks. */
export const MAX_PULL_LIMIT = 500;
/** Largest request body the server accepts (bytes). */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;
/** The server writes a comment line on the event stream this often, so proxies keep it open. */
export const STREAM_HEARTBEAT_MS = 25_000;
/** Lifetime of an access token (seconds); `expiresIn` of a token pair says the same. */
export const ACCESS_TOKEN_SECONDS = 15 * 60;
/** Lifetime of a refresh token (seconds). */
export const REFRESH_TOKEN_SECONDS = 30 * 24 * 60 * 60;

// ---------------------------------------------------------------------------------------------
// Accounts

/** `branch`: a 党支部's secretary. `committee`: a 党委 or 党总支 that reviews its branches. */
export type AccountRole = 'branch' | 'committee';

/** 党委 / 党总支 / 党支部, as the server's org tree knows them. */
export type ServerOrgKind = 'committee' | 'general-branch' | 'branch';

export interface Account {
  userId: string;
  username: string;
  displayName: string;
  role: AccountRole;
  /** The org's id on the server. A committee writes it as `committeeId` of its approvals. */
  orgId: string;
  /**
   * The `orgId` the org's documents carry. For a branch: the id of the `orgs` document the branch
   * created on its own computer before it had an account (bound at its first login); a new computer
   * with no data adopts it by pulling. For a committee: the same as `orgId`.
   */
  dataOrgId: string;
  orgName: string;
}

export interface LoginBody {
  username: string;
  password: string;
  /** Shown to the committee and in the audit log, e.g. "书记的笔记本". */
  deviceName: string;
  /** The id of this computer's local `orgs` document, when it already has branch data. */
  localOrgId?: string;
}

export interface TokenPair {
  /** Sent as `Authorization: Bearer <accessToken>` on every other request. */
  accessToken: string;
  /**
   * Exchanged once for a new pair at {@link API_PATHS.refresh}. Using a refresh token a second time
   * is taken as theft: the device is signed out and must log in again. Refresh one at a time.
   */
  refreshToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
}

export interface LoginResponse extends TokenPair {
  account: Account;
}

export interface RefreshBody {
  refreshToken: string;
}

export type RefreshResponse = LoginResponse;

// ---------------------------------------------------------------------------------------------
// Replication

/** The server's change sequence: every accepted write gets the next number. */
export interface SyncCheckpoint {
  seq: number;
}

/**
 * A document as it travels: the RxDB document data plus `_deleted`, without RxDB's local
 * bookkeeping (`_rev`, `_meta`, `_attachments`).
 */
export type WireDoc<C extends CollectionName = CollectionName> = DocTypes[C] & { _deleted: boolean };

/** `GET /api/sync/:collection/pull?checkpoint=<seq>&limit=<n>&schemaVersion=<v>` */
export interface PullQuery {
  /** The `seq` of the last checkpoint; 0 or absent for the first pull. */
  checkpoint?: number;
  /** At most {@link MAX_PULL_LIMIT}. */
  limit?: number;
  /** The `version` of the collection's schema the client runs; must equal the server's. */
  schemaVersion: number;
}

export interface PullResponse<C extends CollectionName = CollectionName> {
  /** Ordered by the server sequence; fewer than `limit` means the client has caught up. */
  documents: WireDoc<C>[];
  /** Where the next pull starts; unchanged when there was nothing new. */
  checkpoint: SyncCheckpoint;
}

export interface PushRow<C extends CollectionName = CollectionName> {
  newDocumentState: WireDoc<C>;
  /** The master state the client last saw; absent for a document the client created. */
  assumedMasterState?: WireDoc<C>;
}

/** `POST /api/sync/:collection/push?schemaVersion=<v>` */
export interface PushBody<C extends CollectionName = CollectionName> {
  rows: PushRow<C>[];
}

export interface PushResponse<C extends CollectionName = CollectionName> {
  /** The current master state of every row whose assumed master was out of date. */
  conflicts: WireDoc<C>[];
}

/**
 * One event of `GET /api/sync/stream` (`event: change`, `data:` this as JSON): a change the
 * account can see was committed. The client answers with a RESYNC of that collection.
 * The stream authenticates with the Authorization header or, for EventSource which cannot set
 * headers, `?accessToken=`. The server ends the stream when the access token expires; the client
 * reconnects with a fresh one.
 */
export interface SyncStreamEvent {
  collection: CollectionName;
  seq: number;
}

export const STREAM_EVENT_NAME = 'change';

// ---------------------------------------------------------------------------------------------
// Committee

export interface CommitteeBranch {
  id: string;
  name: string;
  kind: ServerOrgKind;
  parentId: string | null;
  /** The `orgId` the branch's documents carry; null until its first login. */
  dataOrgId: string | null;
  /** ISO instant of the latest sync of any of its devices; null if it never synced. */
  lastSyncAt: string | null;
  /** Documents not deleted, per collection. */
  docCounts: Partial<Record<CollectionName, number>>;
  /** The branch has a 离线同步码: it syncs by file (too). */
  fileSync: boolean;
}

export interface CommitteeBranchesResponse {
  branches: CommitteeBranch[];
}

// ---------------------------------------------------------------------------------------------
// Sync by file (shared/sync/file-format.ts)

export interface FileCodeBody {
  /** The branch's server org id. */
  orgId: string;
}

export interface FileCodeResponse {
  orgId: string;
  orgName: string;
  /** The 离线同步码, shown once: files made with the branch's earlier code are refused from now on. */
  code: string;
}

export interface FileReplyResponse {
  orgId: string;
  orgName: string;
  /** The reply file's text, to save as `replyName`. */
  reply: string;
  replyName: string;
}

export interface FileImportResponse extends FileReplyResponse {
  /** Documents stored, already there unchanged, and in conflict (their current state is in the reply). */
  accepted: number;
  unchanged: number;
  conflicts: number;
  /** The same file was imported before. */
  seenBefore: boolean;
}

export interface HealthResponse {
  status: 'ok';
  version: string;
}

// ---------------------------------------------------------------------------------------------
// Errors

/** Every refused request answers `{ error, message }`: a stable code for code, a message for people. */
export interface ErrorBody {
  error: SyncErrorCode;
  /** In Chinese, says what is wrong and what to do. */
  message: string;
}

export type SyncErrorCode =
  | 'bad-request'
  | 'bad-json'
  | 'invalid-document'
  | 'too-many-rows'
  | 'body-too-large'
  | 'unsupported-media-type'
  | 'unauthenticated'
  | 'token-expired'
  | 'bad-credentials'
  | 'account-disabled'
  | 'device-revoked'
  | 'forbidden'
  | 'org-mismatch'
  | 'not-found'
  | 'unknown-collection'
  | 'client-outdated'
  | 'server-outdated'
  | 'rate-limited'
  | 'internal';
