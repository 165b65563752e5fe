/**
 * The change sequence that orders every accepted write (pull checkpoints are positions in it).
 *
 * STACK.md pitfall: a sequence value is taken before commit, so if two pushes ran side by side, one
 * could take 11, the other 12 and commit first; a pull at that moment returns 12, moves its
 * checkpoint past 11, and never sees 11 once it commits. Every transaction that writes `docs`
 * therefore takes this transaction-scoped advisory lock before it reads masters or takes a number:
 * writers run one after another and numbers become visible in order. The lock is released at
 * commit or rollback. (PGlite serializes transactions anyway; the lock costs nothing there.)
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';

/** Any constant, the same for every writer of `docs`. */
const DOCS_WRITE_LOCK = 0x42445351; // "BDSQ"

export async function lockDocsForWrite(trx: Kysely<Database>): Promise<void> {
  await sql`select pg_advisory_xact_lock(${sql.lit(DOCS_WRITE_LOCK)})`.execute(trx);
}

/** The next sequence number; only ever evaluated under {@link lockDocsForWrite}. */
export const nextSeq = sql<number>`nextval('docs_seq')`;
