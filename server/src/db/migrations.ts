/**
 * Versioned SQL migrations, applied in name order at start (kysely's Migrator records them in
 * `kysely_migration`). Never edit a released migration: add the next one. An applied migration this
 * code does not know (a newer server ran on this database) stops the start loudly.
 * One statement per string: PostgreSQL's extended protocol (pg with parameters, PGlite) runs one.
 */
import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';

function statements(...list: string[]): Migration {
  return {
    async up(db) {
      for (const statement of list) await sql.raw(statement).execute(db);
    },
  };
}

export const migrations: Record<string, Migration> = {
  '0001-initial': statements(
    `create table orgs (
      id text primary key,
      parent_id text references orgs (id),
      kind text not null check (kind in ('committee', 'general-branch', 'branch')),
      name text not null,
      data_org_id text unique,
      created_at timestamptz not null default now()
    )`,
    `create index orgs_parent on orgs (parent_id)`,
    `create table users (
      id text primary key,
      username text not null unique,
      display_name text not null,
      password_hash text not null,
      org_id text not null references orgs (id),
      role text not null check (role in ('branch', 'committee')),
      disabled boolean not null default false,
      created_at timestamptz not null default now()
    )`,
    `create table devices (
      id text primary key,
      user_id text not null references users (id),
      org_id text not null references orgs (id),
      name text not null,
      refresh_hash text not null,
      refresh_expires_at timestamptz not null,
      revoked boolean not null default false,
      last_seen_at timestamptz not null default now(),
      last_sync_at timestamptz
    )`,
    `create index devices_org on devices (org_id)`,
    // Taken only under the advisory lock of ../sync/sequence.ts, so numbers are handed out in commit order.
    `create sequence docs_seq`,
    `create table docs (
      collection text not null,
      id text not null,
      org_id text not null,
      seq bigint not null unique,
      deleted boolean not null,
      data jsonb not null,
      updated_at timestamptz not null,
      updated_by_device text references devices (id),
      primary key (collection, id)
    )`,
    `create index docs_pull_org on docs (collection, org_id, seq)`,
    `create index docs_pull on docs (collection, seq)`,
    `create table audit (
      id bigserial primary key,
      at timestamptz not null default now(),
      user_id text,
      device_id text,
      org_id text,
      action text not null,
      collection text,
      doc_id text,
      seq bigint,
      detail jsonb
    )`,
    `create index audit_at on audit (at)`,
  ),
  // Sync by file (shared/sync/file-format.ts): a branch's 离线同步码, and the branch files imported.
  '0002-file-sync': statements(
    `create table file_sync (
      org_id text primary key references orgs (id),
      key_id text not null unique,
      code text not null,
      device_id text references devices (id),
      branch_checkpoint bigint not null default 0,
      created_at timestamptz not null default now(),
      created_by text
    )`,
    `create table file_imports (
      file_id text primary key,
      org_id text not null references orgs (id),
      imported_at timestamptz not null default now(),
      imported_by text,
      checkpoint bigint not null,
      accepted integer not null,
      unchanged integer not null,
      conflicts integer not null
    )`,
  ),
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Applies every migration not applied yet; throws (with the failing migration's name) otherwise. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run before our schema exists (kysely's Migrator takes Kysely<any>).
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  const failed = results?.find((result) => result.status === 'Error');
  if (error) {
    const where = failed ? ` (migration ${failed.migrationName})` : '';
    throw new Error(`database migration failed${where}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  return (results ?? []).filter((result) => result.status === 'Success').map((result) => result.migrationName);
}
