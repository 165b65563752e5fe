/**
 * Sync by file on the server (shared/sync/file-format.ts): the committee hands out a branch's
 * 离线同步码, imports the branch's files and makes the reply files.
 *
 * A branch file is a push from the branch: it is checked as the network push is (the branch's own
 * documents only, every one valid against its schema, no approvals, no id another org holds) and all
 * of it is refused before anything is stored when one row does not fit. It is then applied by the same applyPush, recorded
 * under a device of the branch ("文件同步"), so the committee's overview shows when it last arrived.
 * Importing a file twice, or an older one after a newer one, stores nothing more.
 *
 * A reply carries every document of the branch's scope the server stored after the checkpoint the
 * branch named (its own documents as stored acknowledge them; the approvals are new to it), plus the
 * current state of every row that conflicted.
 */
import { sql, type Kysely } from 'kysely';
import { ulid } from 'ulid';
import { collections, COLLECTION_NAMES, type CollectionName } from '../../../shared/model';
import {
  openSyncFile,
  sealSyncFile,
  syncFileKeys,
  syncFileName,
  SyncFileError,
  type BranchFilePayload,
  type FileRow,
  type ReplyDoc,
  type ReplyFilePayload,
  type SyncFileEnvelope,
} from '../../../shared/sync/file-format';
import { newCode } from '../../../shared/sync/code';
import type { WireDoc } from '../../../shared/sync/protocol';
import { recordAudit } from '../audit';
import type { Principal } from '../auth/principal';
import type { Database, OrgRow } from '../db/schema';
import { serverNow } from '../db/server-time';
import { badRequest, forbidden, HttpError } from '../errors';
import { bindDataOrg } from '../orgs/data-org';
import { descendants } from '../orgs/tree';
import { recordSync } from './activity';
import { applyPush, type Change } from './push';
import { documentProblem } from './validate';
import { toWire } from './wire';

/** Rows applied in one transaction: a 10,000-member branch's first file is split. */
const ROWS_PER_TRANSACTION = 500;

export interface FileImportResult {
  orgId: string;
  orgName: string;
  accepted: number;
  unchanged: number;
  conflicts: number;
  /** Whether this file had been imported before (nothing new was stored from it then). */
  seenBefore: boolean;
  reply: string;
  replyName: string;
  changes: Change[];
}

export interface FileReply {
  orgId: string;
  orgName: string;
  reply: string;
  replyName: string;
}

/**
 * A new 离线同步码 for a branch of the committee's subtree (`committee` null: the administrator's
 * command). Files made with an earlier code are refused from now on.
 */
export async function issueFileCode(db: Kysely<Database>, committee: Principal | null, orgId: string): Promise<{ code: string; keyId: string; org: OrgRow }> {
  const org = await branchOf(db, committee, orgId);
  const code = newCode();
  const { keyId } = await syncFileKeys(code);
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('file_sync')
      .values({ org_id: org.id, key_id: keyId, code, created_by: committee?.userId ?? null })
      .onConflict((oc) => oc.column('org_id').doUpdateSet({ key_id: keyId, code, created_by: committee?.userId ?? null }))
      .execute();
    await recordAudit(trx, [{ action: 'file-sync.code', userId: committee?.userId ?? null, orgId: org.id, detail: { keyId } }]);
  });
  return { code, keyId, org };
}

/** Imports a branch's file for a committee; returns what it did and the reply file to take back. */
export async function importBranchFile(db: Kysely<Database>, committee: Principal, envelope: SyncFileEnvelope): Promise<FileImportResult> {
  if (envelope.kind !== 'branch') throw badRequest('这是上级党委的回复文件，应在支部的电脑上导入。');
  const entry = await db.selectFrom('file_sync').selectAll().where('key_id', '=', envelope.keyId).executeTakeFirst();
  if (!entry) {
    throw new HttpError(400, 'bad-request', `服务器上没有「${envelope.orgName}」这个文件所用的离线同步码：可能已经换了新码。请把新的离线同步码交给该支部，让它重新导出同步文件。`);
  }
  const found = await branchOf(db, committee, entry.org_id);
  const payload = await opened(envelope, entry.code, 'branch');

  const dataOrgId = await db.transaction().execute(async (trx) => {
    const locked = await trx.selectFrom('orgs').selectAll().where('id', '=', found.id).forUpdate().executeTakeFirstOrThrow();
    return bindDataOrg(trx, locked, {
      dataOrgId: payload.orgId,
      otherData: (o) => `这个文件里是另一套支部数据，不是服务器上「${o.name}」已有的数据。请确认支部用的是原来那台电脑的数据。`,
      heldBy: (holder, o) => `这个文件里的支部数据已经属于「${holder}」，不能再给「${o.name}」。`,
      audit: { action: 'file-sync.bind-org', userId: committee.userId },
    });
  });
  const org: OrgRow = { ...found, data_org_id: dataOrgId };
  const rowsByCollection = checkedRows(payload, dataOrgId);
  await checkOwnership(db, rowsByCollection, dataOrgId);
  const deviceId = await fileDevice(db, entry, committee);
  const branch: Principal = { ...committee, role: 'branch', orgId: org.id, orgName: org.name, dataOrgId, deviceId };

  const seenBefore = (await db.selectFrom('file_imports').select('file_id').where('file_id', '=', envelope.fileId).executeTakeFirst()) !== undefined;
  let accepted = 0;
  let conflicts = 0;
  let total = 0;
  const changes: Change[] = [];
  const conflicting: { collection: CollectionName; id: string }[] = [];
  for (const [collection, rows] of rowsByCollection) {
    total += rows.length;
    for (let i = 0; i < rows.length; i += ROWS_PER_TRANSACTION) {
      const outcome = await applyPush(db, branch, collection, rows.slice(i, i + ROWS_PER_TRANSACTION));
      accepted += outcome.changes.length;
      conflicts += outcome.conflicts.length;
      changes.push(...outcome.changes);
      conflicting.push(...outcome.conflicts.map((doc) => ({ collection, id: doc.id })));
    }
  }
  const summary = { accepted, unchanged: total - accepted - conflicts, conflicts };

  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('file_imports')
      .values({ file_id: envelope.fileId, org_id: org.id, imported_by: committee.userId, checkpoint: payload.checkpoint, ...summary })
      .onConflict((oc) => oc.column('file_id').doNothing())
      .execute();
    await trx.updateTable('file_sync').set({ branch_checkpoint: payload.checkpoint }).where('org_id', '=', org.id).execute();
    await recordAudit(trx, [{ action: 'file-sync.import', userId: committee.userId, deviceId, orgId: org.id, detail: { fileId: envelope.fileId, ...summary } }]);
  });
  await recordSync(db, deviceId);

  const reply = await makeReply(db, { org, committee, code: entry.code, from: payload.checkpoint, replyTo: envelope.fileId, imported: summary, conflicting });
  return { orgId: org.id, orgName: org.name, ...summary, seenBefore, ...reply, changes };
}

/** A reply file for a branch without a new file from it (the committee approved something since). */
export async function replyForBranch(db: Kysely<Database>, committee: Principal, orgId: string): Promise<FileReply> {
  const org = await branchOf(db, committee, orgId);
  const entry = await db.selectFrom('file_sync').selectAll().where('org_id', '=', org.id).executeTakeFirst();
  if (!entry) throw badRequest(`「${org.name}」还没有离线同步码：先生成离线同步码交给支部。`);
  if (!org.data_org_id) throw badRequest(`还没有收到「${org.name}」的同步文件：先导入它导出的同步文件，才能给它做回复文件。`);
  const reply = await makeReply(db, { org, committee, code: entry.code, from: Number(entry.branch_checkpoint), replyTo: null, imported: null, conflicting: [] });
  return { orgId: org.id, orgName: org.name, ...reply };
}

// ---------------------------------------------------------------------------------------------

/** The branch `orgId`, which must lie in the committee's subtree (any branch for the administrator). */
async function branchOf(db: Kysely<Database>, committee: Principal | null, orgId: string): Promise<OrgRow> {
  if (committee && committee.role !== 'committee') throw forbidden('只有上级党委的账号可以办理文件同步。');
  const org = committee
    ? (await descendants(db, committee.orgId)).find((o) => o.id === orgId)
    : await db.selectFrom('orgs').selectAll().where('id', '=', orgId).executeTakeFirst();
  if (!org) throw forbidden('这个支部不在本党委管辖范围内。');
  if (org.kind !== 'branch') throw badRequest(`「${org.name}」不是党支部：只有党支部用文件同步。`);
  return org;
}

async function opened<K extends 'branch'>(envelope: SyncFileEnvelope, code: string, kind: K): Promise<BranchFilePayload> {
  try {
    return await openSyncFile(envelope, await syncFileKeys(code), kind);
  } catch (error) {
    if (error instanceof SyncFileError) throw badRequest(error.message);
    throw error;
  }
}

/** Every row of the file, checked: the whole file is refused (400/403/409) before anything is stored. */
function checkedRows(payload: BranchFilePayload, dataOrgId: string): Map<CollectionName, FileRow[]> {
  const out = new Map<CollectionName, FileRow[]>();
  if (typeof payload.rows !== 'object' || payload.rows === null) throw badRequest('同步文件内容不完整，不能导入。');
  for (const [name, rows] of Object.entries(payload.rows)) {
    if (!Object.hasOwn(collections, name)) throw badRequest(`同步文件里有服务器不认识的数据「${name}」：请先把服务器升级到与支部相同的版本。`);
    const collection = name as CollectionName;
    if (collection === 'approvals') throw forbidden('审批结果由上级党委填写，支部的同步文件里不能有。这个文件没有导入。');
    const expected = collections[collection].schema.version;
    const version = payload.schemaVersions?.[collection];
    if (version !== expected) {
      throw new HttpError(
        409,
        (version ?? 0) < expected ? 'client-outdated' : 'server-outdated',
        (version ?? 0) < expected ? '支部的支部工作台版本较旧：请支部升级软件后重新导出同步文件。' : '服务器版本较旧，还不认识这个同步文件的数据格式：请升级服务器后再导入。',
      );
    }
    if (!Array.isArray(rows)) throw badRequest('同步文件内容不完整，不能导入。');
    out.set(collection, rows.map((row, index) => checkedRow(collection, row, index, dataOrgId)));
  }
  return out;
}

function checkedRow(collection: CollectionName, row: unknown, index: number, dataOrgId: string): FileRow {
  const problemOf = (doc: unknown) => documentProblem(collection, doc);
  if (typeof row !== 'object' || row === null) throw badRequest(`同步文件中「${collection}」第 ${index + 1} 条记录格式不正确，文件没有导入。`);
  const { newDocumentState: doc, assumedMasterState: assumed, sentBefore } = row as Record<string, unknown>;
  const problem = problemOf(doc);
  if (problem) {
    const id = typeof (doc as { id?: unknown })?.id === 'string' ? (doc as { id: string }).id : `第 ${index + 1} 条`;
    throw new HttpError(400, 'invalid-document', `同步文件中「${collection}」的 ${id} 不符合格式：${problem}。文件没有导入，请支部检查后重新导出。`);
  }
  const wire = doc as WireDoc;
  if (wire.orgId !== dataOrgId) throw forbidden(`同步文件中的 ${wire.id} 不属于本支部，文件没有导入。`);
  const isObject = (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value);
  if (assumed !== undefined && !isObject(assumed)) throw badRequest(`同步文件中「${collection}」第 ${index + 1} 条记录格式不正确，文件没有导入。`);
  if (sentBefore !== undefined && (!Array.isArray(sentBefore) || !sentBefore.every(isObject))) {
    throw badRequest(`同步文件中「${collection}」第 ${index + 1} 条记录格式不正确，文件没有导入。`);
  }
  return {
    newDocumentState: wire,
    ...(assumed ? { assumedMasterState: assumed as WireDoc } : {}),
    ...(sentBefore ? { sentBefore: sentBefore as WireDoc[] } : {}),
  };
}

/**
 * A document stays with the org that first stored it (./access.ts sameOwner). applyPush checks that
 * too, but the file is applied in several transactions: checked here for all rows first, so a file
 * with one foreign id stores nothing at all.
 */
async function checkOwnership(db: Kysely<Database>, rowsByCollection: Map<CollectionName, FileRow[]>, dataOrgId: string): Promise<void> {
  for (const [collection, rows] of rowsByCollection) {
    for (let i = 0; i < rows.length; i += ROWS_PER_TRANSACTION) {
      const ids = rows.slice(i, i + ROWS_PER_TRANSACTION).map((row) => row.newDocumentState.id);
      const foreign = await db.selectFrom('docs').select('id').where('collection', '=', collection).where('id', 'in', ids).where('org_id', '<>', dataOrgId).executeTakeFirst();
      if (foreign) throw forbidden(`同步文件中的 ${foreign.id} 在服务器上属于其他组织，文件没有导入。`);
    }
  }
}

/** The device a branch's file imports are recorded under: revoked from the start, it can never log in. */
async function fileDevice(db: Kysely<Database>, entry: { org_id: string; device_id: string | null }, committee: Principal): Promise<string> {
  if (entry.device_id) return entry.device_id;
  const id = ulid();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('devices')
      .values({ id, user_id: committee.userId, org_id: entry.org_id, name: '文件同步（U盘）', refresh_hash: '-', refresh_expires_at: serverNow, revoked: true, last_seen_at: serverNow })
      .execute();
    await trx.updateTable('file_sync').set({ device_id: id }).where('org_id', '=', entry.org_id).execute();
  });
  return id;
}

async function makeReply(
  db: Kysely<Database>,
  input: {
    org: OrgRow;
    committee: Principal;
    code: string;
    from: number;
    replyTo: string | null;
    imported: ReplyFilePayload['imported'];
    conflicting: { collection: CollectionName; id: string }[];
  },
): Promise<{ reply: string; replyName: string }> {
  const dataOrgId = input.org.data_org_id as string;
  // Writers take sequence numbers in commit order (./sequence.ts): nothing below `to` can still appear.
  const top = await db.selectFrom('docs').select((eb) => eb.fn.max('seq').as('top')).executeTakeFirst();
  const to = Math.max(Number(top?.top ?? 0), input.from);
  const rows = await db
    .selectFrom('docs')
    .select(['collection', 'id', 'seq', 'data', 'deleted'])
    .where('org_id', '=', dataOrgId)
    .where((eb) =>
      eb.or([
        eb.and([eb('seq', '>', input.from), eb('seq', '<=', to)]),
        ...(input.conflicting.length > 0 ? [eb(sql<string>`collection || '/' || id`, 'in', input.conflicting.map((c) => `${c.collection}/${c.id}`))] : []),
      ]),
    )
    .orderBy('seq')
    .execute();
  const docs: Partial<Record<CollectionName, ReplyDoc[]>> = {};
  for (const row of rows) (docs[row.collection as CollectionName] ??= []).push({ seq: Number(row.seq), doc: toWire(row) });

  const payload: ReplyFilePayload = {
    kind: 'reply',
    orgId: dataOrgId,
    orgName: input.org.name,
    committeeName: input.committee.orgName,
    replyTo: input.replyTo,
    from: input.from,
    to,
    schemaVersions: Object.fromEntries(COLLECTION_NAMES.map((name) => [name, collections[name].schema.version])),
    docs,
    imported: input.imported,
  };
  const now = new Date();
  const reply = await sealSyncFile(payload, await syncFileKeys(input.code), { fileId: ulid(), createdAt: now.toISOString(), orgName: input.org.name });
  await recordAudit(db, [{ action: 'file-sync.reply', userId: input.committee.userId, orgId: input.org.id, detail: { from: input.from, to, documents: rows.length } }]);
  return { reply, replyName: syncFileName(input.org.name, 'reply', now) };
}
