/**
 * Who may read and write which documents (DESIGN.md §5). Every check uses the data org id, the
 * `orgId` the documents carry:
 * - a branch reads and writes its own documents, every collection, except that it only reads
 *   `approvals`;
 * - a committee (党委 or 党总支) reads every branch of its subtree and writes only `approvals`
 *   about a branch of its subtree, signed with its own server org id as `committeeId`.
 */
import type { Kysely } from 'kysely';
import type { CollectionName } from '../../../shared/model';
import type { WireDoc } from '../../../shared/sync/protocol';
import type { Principal } from '../auth/principal';
import type { Database } from '../db/schema';
import { forbidden } from '../errors';
import { branchDataIdsBelow } from '../orgs/tree';

/** The data org ids whose documents the principal may read. */
export async function readableOrgIds(db: Kysely<Database>, principal: Principal): Promise<string[]> {
  if (principal.role === 'committee') return branchDataIdsBelow(db, principal.orgId);
  return principal.dataOrgId ? [principal.dataOrgId] : [];
}

/** Refuses the whole push (403) when any document lies outside what the principal may write. */
export async function checkWritable(db: Kysely<Database>, principal: Principal, collection: CollectionName, docs: WireDoc[]): Promise<void> {
  if (principal.role === 'branch') {
    if (collection === 'approvals') throw forbidden('审批结果由上级党委填写，支部只能查看，不能修改。');
    const own = principal.dataOrgId;
    const foreign = docs.find((doc) => doc.orgId !== own);
    if (!own || foreign) throw forbidden(`文档 ${foreign?.id ?? ''} 不属于本支部，不能上传。`);
    return;
  }
  if (collection !== 'approvals') throw forbidden('上级党委只能填写审批结果，不能修改支部的数据。');
  const branches = new Set(await branchDataIdsBelow(db, principal.orgId));
  for (const doc of docs as WireDoc<'approvals'>[]) {
    if (!branches.has(doc.orgId)) throw forbidden(`审批 ${doc.id} 针对的支部不在本党委管辖范围内。`);
    if (doc.committeeId !== principal.orgId) throw forbidden(`审批 ${doc.id} 的审批单位不是本党委。`);
  }
}

/**
 * A stored document stays with whoever first stored it: the same org, and for an approval the
 * same committee (a 党总支 may not rewrite its 党委's decision about the same branch).
 */
export function sameOwner(collection: CollectionName, stored: WireDoc, next: WireDoc): boolean {
  if (stored.orgId !== next.orgId) return false;
  return collection !== 'approvals' || (stored as WireDoc<'approvals'>).committeeId === (next as WireDoc<'approvals'>).committeeId;
}
