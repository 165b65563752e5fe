import { sql } from 'kysely';

/**
 * The database server's clock. Every time the server records (updated_at, last_sync_at…) comes
 * from here, never from a client: a laptop's clock may be a year wrong.
 */
export const serverNow = sql<Date>`now()`;
