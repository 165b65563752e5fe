/**
 * A push (RxDB replication semantics): for each row, the stored master is compared with the
 * row's assumedMasterState; when they differ the row conflicts and the master is answered,
 * otherwise newDocumentState becomes the new master with the next sequence number.
 * All or nothing: an invalid document or one outside the account's scope refuses the whole
 * request, and nothing of it is stored (one transaction).
 */
import type { Kysely } from 'kysely';
import type { CollectionName } from '../../../shared/model';
import type { FileRow } from '../../../shared/sync/file-format';
import { MAX_PUSH_ROWS, type PushRow, type WireDoc } from '../../../shared/sync/protocol';
import { recordAudit, type AuditEntry } from '../audit';
import type { Principal } from '../auth/principal';
import type { Database } from '../db/schema';
import { serverNow } from '../db/server-time';
import { badRequest, forbidden, HttpError } from '../errors';
import { checkWritable, sameOwner } from './access';
import { lockDocsForWrite, nextSeq } from './sequence';
import { documentProblem } from './validate';
import { dataOf, sameDocument, toWire } from './wire';

/** One accepted write, for the live event stream. */
export interface Change {
  collection: CollectionName;
  orgId: string;
  seq: number;
}

export interface PushOutcome {
  conflicts: WireDoc[];
  changes: Change[];
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The rows of a push body, each document valid against its schema; 400 or 413 otherwise. */
export function parsePushBody(collection: CollectionName, body: unknown): PushRow[] {
  if (!isObject(body) || !Array.isArray(body.rows)) throw badRequest('请求格式不正确：需要 { rows: [...] }。');
  if (body.rows.length > MAX_PUSH_ROWS) {
    throw new HttpError(413, 'too-many-rows', `一次最多上传 ${MAX_PUSH_ROWS} 条记录（这次是 ${body.rows.length} 条），请分批上传。`);
  }
  return body.rows.map((row: unknown, index: number) => {
    if (!isObject(row) || !isObject(row.newDocumentState)) throw badRequest(`第 ${index + 1} 条记录缺少 newDocumentState。`);
    const assumed = row.assumedMasterState ?? undefined;
    if (assumed !== undefined && !isObject(assumed)) throw badRequest(`第 ${index + 1} 条记录的 assumedMasterState 格式不正确。`);
    const doc = row.newDocumentState;
    const problem = documentProblem(collection, doc);
    if (problem) {
      const id = typeof doc.id === 'string' ? doc.id : `（第 ${index + 1} 条）`;
      throw new HttpError(400, 'invalid-document', `${collection} 中的文档 ${id} 不符合格式：${problem}。这批数据没有保存。`);
    }
    return assumed ? { newDocumentState: doc as WireDoc, assumedMasterState: assumed as WireDoc } : { newDocumentState: doc as WireDoc };
  });
}

export async function applyPush(db: Kysely<Database>, principal: Principal, collection: CollectionName, rows: FileRow[]): Promise<PushOutcome> {
  if (rows.length === 0) return { conflicts: [], changes: [] };
  await checkWritable(db, principal, collection, rows.map((row) => row.newDocumentState));
  return db.transaction().execute(async (trx) => {
    await lockDocsForWrite(trx);
    const ids = [...new Set(rows.map((row) => row.newDocumentState.id))];
    const stored = await trx.selectFrom('docs').select(['id', 'org_id', 'data', 'deleted']).where('collection', '=', collection).where('id', 'in', ids).execute();
    const masters = new Map<string, WireDoc>(stored.map((row) => [row.id, toWire(row)]));

    // Decide row by row, in order, as if each were written before the next is compared.
    const conflicts: WireDoc[] = [];
    const writes = new Map<string, WireDoc>();
    for (const { newDocumentState: next, assumedMasterState: assumed, sentBefore } of rows) {
      const master = masters.get(next.id);
      if (master && !sameOwner(collection, master, next)) throw forbidden(`文档 ${next.id} 属于其他组织，不能上传。这批数据没有保存。`);
      if (master && sameDocument(master, next)) continue; // the same push again: nothing to do
      // A file row may replace the sender's own earlier state, sent in a file not acknowledged yet.
      const ownEarlier = master !== undefined && sentBefore !== undefined && sentBefore.some((state) => sameDocument(master, state));
      if (master && !ownEarlier && (!assumed || !sameDocument(master, assumed))) {
        conflicts.push(master);
        continue;
      }
      masters.set(next.id, next);
      writes.set(next.id, next);
    }
    if (writes.size === 0) return { conflicts, changes: [] };

    const written = await trx
      .insertInto('docs')
      .values(
        [...writes.values()].map((doc) => ({
          collection,
          id: doc.id,
          org_id: doc.orgId,
          seq: nextSeq,
          deleted: doc._deleted,
          data: JSON.stringify(dataOf(doc)),
          updated_at: serverNow,
          updated_by_device: principal.deviceId,
        })),
      )
      // org_id never changes: a document stays with the org that first stored it (sameOwner above).
      .onConflict((oc) =>
        oc.columns(['collection', 'id']).doUpdateSet((eb) => ({
          seq: eb.ref('excluded.seq'),
          deleted: eb.ref('excluded.deleted'),
          data: eb.ref('excluded.data'),
          updated_at: eb.ref('excluded.updated_at'),
          updated_by_device: eb.ref('excluded.updated_by_device'),
        })),
      )
      .returning(['id', 'org_id', 'seq', 'deleted'])
      .execute();

    await recordAudit(
      trx,
      written.map(
        (row): AuditEntry => ({
          action: 'doc.write',
          userId: principal.userId,
          deviceId: principal.deviceId,
          orgId: row.org_id,
          collection,
          docId: row.id,
          seq: row.seq,
          ...(row.deleted ? { detail: { deleted: true } } : {}),
        }),
      ),
    );
    return { conflicts, changes: written.map((row) => ({ collection, orgId: row.org_id, seq: row.seq })) };
  });
}
