/** A pull: the documents the account may read that changed after the checkpoint, in sequence order. */
import { sql, type Kysely } from 'kysely';
import type { CollectionName } from '../../../shared/model';
import type { PullResponse } from '../../../shared/sync/protocol';
import type { Database } from '../db/schema';
import { toWire } from './wire';

export async function pullChanges(
  db: Kysely<Database>,
  input: { collection: CollectionName; orgIds: string[]; after: number; limit: number },
): Promise<PullResponse> {
  if (input.orgIds.length === 0) return { documents: [], checkpoint: { seq: input.after } };
  const rows = await db
    .selectFrom('docs')
    .select(['data', 'deleted', 'seq'])
    .where('collection', '=', input.collection)
    .where('seq', '>', input.after)
    // One array parameter, however many branches a committee has.
    .where(sql<boolean>`org_id = any(${input.orgIds}::text[])`)
    .orderBy('seq')
    .limit(input.limit)
    .execute();
  const last = rows.at(-1);
  return { documents: rows.map(toWire), checkpoint: { seq: last ? last.seq : input.after } };
}
