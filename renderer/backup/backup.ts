/**
 * Backing up and restoring the whole database: every document of every collection and every
 * attachment (scans), in plain form inside the encrypted backup file (format.ts).
 *
 * A restore is checked whole before anything is touched (opened, parsed, versions known, documents
 * migrated to the current schema); the caller takes a safety backup of the current data first; if
 * writing the restored data fails half-way, the current data is put back from that safety copy.
 */
import { collections, COLLECTION_NAMES, type CollectionName } from '@shared/model';
import type { BranchDatabase } from '../db/database';
import { fromBase64, toBase64 } from '@shared/bytes';
import { openBackup, readBackupSummary, sealBackup, BackupError, type BackupSummary, type Secrets } from './format';

interface StoredAttachment {
  collection: CollectionName;
  docId: string;
  id: string;
  type: string;
  /** base64 of the plain bytes. */
  data: string;
}

export interface BackupContent {
  collections: Partial<Record<CollectionName, Record<string, unknown>[]>>;
  attachments: StoredAttachment[];
}


/** Every document and attachment, in plain form (decrypted by the storage as the app reads them). */
export async function collectContent(db: BranchDatabase): Promise<BackupContent> {
  const content: BackupContent = { collections: {}, attachments: [] };
  for (const name of COLLECTION_NAMES) {
    const docs = await db[name].find().exec();
    content.collections[name] = docs.map((d) => d.toMutableJSON(false) as Record<string, unknown>);
    if (!db[name].schema.jsonSchema.attachments) continue;
    for (const doc of docs) {
      for (const attachment of doc.allAttachments()) {
        content.attachments.push({ collection: name, docId: doc.primary, id: attachment.id, type: attachment.type, data: toBase64(new Uint8Array(await (await attachment.getData()).arrayBuffer())) });
      }
    }
  }
  return content;
}

/** The schema version of every collection of an open database. */
export function currentVersions(db: BranchDatabase): Record<string, number> {
  return Object.fromEntries(COLLECTION_NAMES.map((n) => [n, db[n].schema.version]));
}

/** What the preview shows: the branch, the counts, the span of dates recorded. */
export function summarize(schemaVersions: Record<string, number>, content: BackupContent, reason: string, appVersion: string, now: Date): BackupSummary {
  const branch = (content.collections.orgs ?? []).find((o) => o.level === 'branch') as { id: string; name: string } | undefined;
  const dates: string[] = [];
  for (const m of content.collections.meetings ?? []) dates.push(String(m.date));
  for (const c of content.collections.care ?? []) dates.push(String(c.date));
  for (const d of content.collections.dues ?? []) if (d.paidOn) dates.push(String(d.paidOn));
  dates.sort();
  return {
    createdAt: now.toISOString(),
    appVersion,
    reason,
    branch: branch ? { id: branch.id, name: branch.name } : null,
    counts: Object.fromEntries(COLLECTION_NAMES.map((n) => [n, content.collections[n]?.length ?? 0])),
    schemaVersions,
    dates: dates.length ? { from: dates[0]!, to: dates.at(-1)! } : null,
  };
}

export async function makeBackup(db: BranchDatabase, options: { reason: string; appVersion: string; secrets: Secrets; now?: Date }): Promise<{ bytes: Uint8Array<ArrayBuffer>; summary: BackupSummary }> {
  const content = await collectContent(db);
  const summary = summarize(currentVersions(db), content, options.reason, options.appVersion, options.now ?? new Date());
  return { bytes: await sealBackup(content, summary, options.secrets), summary };
}

/**
 * The backup's documents brought to the current schema versions by the collections' own migration
 * strategies; a collection stored by a newer version than this app knows is refused.
 */
export async function migrateContent(content: BackupContent, schemaVersions: Record<string, number>): Promise<BackupContent> {
  const out: BackupContent = { collections: {}, attachments: content.attachments };
  for (const name of COLLECTION_NAMES) {
    const stored = schemaVersions[name] ?? 0;
    const current = collections[name].schema.version;
    if (stored > current) throw new BackupError('newer', '这个备份是用更新版本的支部工作台做的，请先安装最新版本再恢复。');
    let docs = content.collections[name] ?? [];
    for (let v = stored + 1; v <= current; v++) {
      const strategy = collections[name].migrationStrategies[v];
      if (!strategy) throw new BackupError('damaged', `备份中的${name}数据无法升级到当前版本`);
      // Our strategies read the document only (see shared/model): no collection is needed here.
      docs = (await Promise.all(docs.map((d) => strategy(d as never, undefined as never)))).filter((d): d is Record<string, unknown> => d !== null);
    }
    out.collections[name] = docs;
  }
  for (const key of Object.keys(content.collections)) {
    if (!(COLLECTION_NAMES as readonly string[]).includes(key)) throw new BackupError('newer', '这个备份里有当前版本不认识的数据，请先安装最新版本再恢复。');
  }
  return out;
}

/** Opens and checks a backup file whole, before anything of the current data is touched. */
export async function readBackup(bytes: Uint8Array<ArrayBuffer>, secrets: Secrets): Promise<BackupContent> {
  const { schemaVersions } = readBackupSummary(bytes);
  const content = await openBackup<BackupContent>(bytes, secrets);
  if (typeof content !== 'object' || content === null || typeof content.collections !== 'object' || !Array.isArray(content.attachments)) {
    throw new BackupError('damaged', '备份文件的内容不完整，不能用来恢复。');
  }
  return migrateContent(content, schemaVersions);
}

/** Replaces the database's content with the given one: written whole, or the `fallback` is put back. */
export async function replaceContent(db: BranchDatabase, content: BackupContent, fallback: BackupContent): Promise<void> {
  try {
    await writeContent(db, content);
  } catch (error) {
    console.error('restore failed, putting the current data back', error);
    await writeContent(db, fallback);
    throw new Error(`恢复没有完成，原来的数据已经放回，没有丢失。（${(error as Error).message}）`, { cause: error });
  }
}

async function writeContent(db: BranchDatabase, content: BackupContent): Promise<void> {
  for (const name of COLLECTION_NAMES) {
    const docs = content.collections[name] ?? [];
    const keep = new Set(docs.map((d) => String(d.id)));
    const result = await db[name].bulkUpsert(docs as never[]);
    if (result.error.length) throw new Error(`${result.error.length} 条记录写不进去`);
    const extra = (await db[name].find().exec()).filter((d) => !keep.has(d.primary));
    if (extra.length) await db[name].bulkRemove(extra.map((d) => d.primary));
  }
  for (const a of content.attachments) {
    const doc = await db[a.collection].findOne(a.docId).exec();
    if (!doc) throw new Error('附件所属的记录不存在');
    await doc.putAttachment({ id: a.id, type: a.type, data: new Blob([fromBase64(a.data)], { type: a.type }) });
  }
}
