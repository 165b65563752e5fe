/** The parts of a sync URL: collection name, schema version, checkpoint and limit, checked. */
import { collections, type CollectionName } from '../../../shared/model';
import { MAX_PULL_LIMIT } from '../../../shared/sync/protocol';
import { badRequest, HttpError } from '../errors';

export function collectionParam(name: string): CollectionName {
  if (!Object.hasOwn(collections, name)) throw new HttpError(404, 'unknown-collection', `服务器上没有「${name}」这类数据。`);
  return name as CollectionName;
}

/**
 * Client and server must agree on the collection's schema version: documents of another version
 * would not validate, or would be stored in a shape the other side cannot read.
 */
export function checkSchemaVersion(collection: CollectionName, raw: unknown): void {
  const version = integer(raw, 'schemaVersion', 0, 10_000);
  if (version === undefined) throw badRequest('请求缺少 schemaVersion。');
  const expected = collections[collection].schema.version;
  if (version < expected) throw new HttpError(409, 'client-outdated', `请升级支部工作台：「${collection}」的数据格式已更新（服务器为第 ${expected} 版，本机为第 ${version} 版）。`);
  if (version > expected) throw new HttpError(409, 'server-outdated', `服务器版本较旧，还不认识「${collection}」第 ${version} 版的数据格式。请联系上级党委升级服务器后再同步。`);
}

export function pullParams(query: Record<string, unknown>): { after: number; limit: number } {
  const after = integer(query.checkpoint, 'checkpoint', 0, Number.MAX_SAFE_INTEGER) ?? 0;
  // More than the maximum is answered with the maximum: the client just pages further.
  const limit = Math.min(integer(query.limit, 'limit', 1, Number.MAX_SAFE_INTEGER) ?? MAX_PULL_LIMIT, MAX_PULL_LIMIT);
  return { after, limit };
}

function integer(raw: unknown, name: string, min: number, max: number): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  const value = typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) throw badRequest(`参数 ${name} 应为 ${min} 到 ${max} 之间的整数。`);
  return value;
}
