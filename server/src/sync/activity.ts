/** When each device last synced, for the committee's overview; written at most every 30 s per device. */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { serverNow } from '../db/server-time';

export async function recordSync(db: Kysely<Database>, deviceId: string): Promise<void> {
  await db
    .updateTable('devices')
    .set({ last_sync_at: serverNow, last_seen_at: serverNow })
    .where('id', '=', deviceId)
    .where((eb) => eb.or([eb('last_sync_at', 'is', null), eb('last_sync_at', '<', sql<Date>`now() - interval '30 seconds'`)]))
    .execute();
}
