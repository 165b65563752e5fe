/**
 * Opens the server's database: PostgreSQL through a `pg` pool when DATABASE_URL is set, otherwise
 * PGlite (embedded PostgreSQL) in DATA_DIR. The SQL is the same for both (kysely, PostgreSQL dialect).
 */
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { INT8_OID, parseInt8 } from './int8';
import { migrateToLatest } from './migrations';
import { PGliteDialect } from './pglite-dialect';
import type { Database } from './schema';

export type Db = Kysely<Database>;

export interface DatabaseOptions {
  /** postgres://… ; when absent, PGlite. */
  databaseUrl?: string | undefined;
  /** PGlite's data folder; in memory when absent. */
  dataDir?: string | undefined;
}

/** Opens and migrates. */
export async function openDatabase(options: DatabaseOptions): Promise<Db> {
  const db = options.databaseUrl ? postgresDb(options.databaseUrl) : pgliteDb(new PGlite(options.dataDir));
  try {
    await migrateToLatest(db);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return db;
}

export function pgliteDb(pglite: PGlite): Db {
  return new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
}

export function postgresDb(connectionString: string): Db {
  const pool = new pg.Pool({
    connectionString,
    // Per pool, not pg's global type registry: int8 as a number (./int8.ts), everything else as pg reads it.
    types: { getTypeParser: ((oid: number, format?: 'text' | 'binary') => (oid === INT8_OID ? parseInt8 : pg.types.getTypeParser(oid, format))) as typeof pg.types.getTypeParser },
  });
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}
