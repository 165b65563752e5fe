import { PGlite } from '@electric-sql/pglite';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { START_TIMEOUT } from '../testing/support';
import { pgliteDb } from './connect';
import { migrateToLatest, migrations } from './migrations';
import type { Database } from './schema';

let db: Kysely<Database>;

beforeAll(async () => {
  db = pgliteDb(new PGlite());
}, START_TIMEOUT);
afterAll(() => db.destroy());

describe('migrations', () => {
  it('create every table on an empty database, and do nothing the second time', async () => {
    expect(await migrateToLatest(db)).toEqual(Object.keys(migrations));
    expect(await migrateToLatest(db)).toEqual([]);
    const { rows } = await sql<{ table_name: string }>`select table_name from information_schema.tables where table_schema = 'public' order by table_name`.execute(db);
    expect(rows.map((row) => row.table_name)).toEqual(expect.arrayContaining(['audit', 'devices', 'docs', 'orgs', 'users']));
  });

  it('stop the start loudly when the database has a migration this server does not know', async () => {
    await sql`insert into kysely_migration (name, timestamp) values ('9999-from-a-newer-server', now()::text)`.execute(db);
    await expect(migrateToLatest(db)).rejects.toThrow(/9999-from-a-newer-server/);
    await sql`delete from kysely_migration where name = '9999-from-a-newer-server'`.execute(db);
  });
});

describe('the PGlite dialect', () => {
  it('keeps a committed row when another transaction running at the same time rolls back', async () => {
    await sql`create table t (id int primary key)`.execute(db);
    const committing = db.transaction().execute(async (trx) => {
      await sql`insert into t values (1)`.execute(trx);
      await new Promise((resolve) => setTimeout(resolve, 20));
      await sql`insert into t values (2)`.execute(trx);
    });
    const failing = db.transaction().execute(async (trx) => {
      await sql`insert into t values (3)`.execute(trx);
      throw new Error('rolled back on purpose');
    });
    await expect(failing).rejects.toThrow('rolled back on purpose');
    await committing;
    const { rows } = await sql<{ id: number }>`select id from t order by id`.execute(db);
    expect(rows.map((row) => row.id)).toEqual([1, 2]);
  });

  it('runs many interleaved transactions and single queries without mixing them', async () => {
    await sql`create table counter (n int not null)`.execute(db);
    await sql`insert into counter values (0)`.execute(db);
    const work = Array.from({ length: 20 }, (_, i) =>
      i % 3 === 0
        ? sql`select n from counter`.execute(db)
        : db.transaction().execute(async (trx) => {
            const { rows } = await sql<{ n: number }>`select n from counter`.execute(trx);
            await new Promise((resolve) => setTimeout(resolve, 1));
            await sql`update counter set n = ${rows[0]!.n + 1}`.execute(trx);
            if (i % 5 === 0) throw new Error('undo');
          }),
    );
    await Promise.allSettled(work);
    const { rows } = await sql<{ n: number }>`select n from counter`.execute(db);
    // 13 transactions (i not a multiple of 3), of which i = 5, 10 threw.
    expect(rows[0]!.n).toBe(11);
  });

  it('reads bigint as a number', async () => {
    const { rows } = await sql<{ big: number }>`select 9007199254740991::bigint as big`.execute(db);
    expect(rows[0]!.big).toBe(Number.MAX_SAFE_INTEGER);
  });
});
