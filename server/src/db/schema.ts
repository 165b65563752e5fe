/** The tables of the server's database, as kysely sees them (created by ./migrations.ts). */
import type { ColumnType, Generated, Insertable, RawBuilder, Selectable } from 'kysely';
import type { AccountRole, ServerOrgKind } from '../../../shared/sync/protocol';

/** A server-clock instant: written by the database (`now()`), read as a Date. */
type ServerTime = ColumnType<Date, never, never>;
/** An instant the server sets: `serverNow` (./clock.ts) or a time it computed itself, never a client's. */
type Instant = ColumnType<Date, Date | RawBuilder<Date>, Date | RawBuilder<Date>>;
/** JSON stored as jsonb: read parsed, written as JSON text (pg would turn a JS array into a PG array). */
type Json<T> = ColumnType<T, string, string>;

export interface OrgsTable {
  id: string;
  parent_id: string | null;
  kind: ServerOrgKind;
  name: string;
  /** For a branch: the `orgId` its documents carry (see protocol Account.dataOrgId). */
  data_org_id: string | null;
  created_at: ServerTime;
}

export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  org_id: string;
  role: AccountRole;
  disabled: Generated<boolean>;
  created_at: ServerTime;
}

export interface DevicesTable {
  id: string;
  user_id: string;
  org_id: string;
  name: string;
  /** SHA-256 of the current refresh token's secret part. */
  refresh_hash: string;
  refresh_expires_at: Instant;
  revoked: Generated<boolean>;
  last_seen_at: Instant;
  last_sync_at: ColumnType<Date | null, never, Date | RawBuilder<Date>>;
}

export interface DocsTable {
  collection: string;
  id: string;
  /** The document's `orgId`: a branch's data org id. */
  org_id: string;
  /** The change sequence (bigint, read as a number: see ./int8.ts). */
  seq: number;
  deleted: boolean;
  /** The document without `_deleted`. */
  data: Json<Record<string, unknown>>;
  updated_at: Instant;
  updated_by_device: string | null;
}

export interface AuditTable {
  id: Generated<number>;
  at: ServerTime;
  user_id: string | null;
  device_id: string | null;
  org_id: string | null;
  action: string;
  collection: string | null;
  doc_id: string | null;
  seq: number | null;
  detail: Json<Record<string, unknown>> | null;
}

/** A branch that syncs by file: its 离线同步码 (the keys derive from it) and where its files left off. */
export interface FileSyncTable {
  org_id: string;
  /** shared/sync/file-format.ts syncFileKeys(code).keyId: how an arriving file names its branch. */
  key_id: string;
  code: string;
  /** The device row its imports are recorded under (created at the first import). */
  device_id: string | null;
  /** The checkpoint of the latest branch file imported: where a reply made without a file starts. */
  branch_checkpoint: ColumnType<number, number | undefined, number>;
  created_at: ServerTime;
  created_by: string | null;
}

export interface FileImportsTable {
  file_id: string;
  org_id: string;
  imported_at: ServerTime;
  imported_by: string | null;
  checkpoint: number;
  accepted: number;
  unchanged: number;
  conflicts: number;
}

export interface Database {
  orgs: OrgsTable;
  users: UsersTable;
  devices: DevicesTable;
  docs: DocsTable;
  audit: AuditTable;
  file_sync: FileSyncTable;
  file_imports: FileImportsTable;
}

export type OrgRow = Selectable<OrgsTable>;
export type UserRow = Selectable<UsersTable>;
export type DeviceRow = Selectable<DevicesTable>;
export type DocRow = Selectable<DocsTable>;
export type NewAudit = Insertable<AuditTable>;
