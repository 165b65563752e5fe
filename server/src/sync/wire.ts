/** Between a stored `docs` row and the wire form of a document (data plus `_deleted`). */
import type { WireDoc } from '../../../shared/sync/protocol';

export function toWire(row: { data: Record<string, unknown>; deleted: boolean }): WireDoc {
  return { ...row.data, _deleted: row.deleted } as WireDoc;
}

/** The document as stored in `docs.data`: everything but `_deleted`, which has its own column. */
export function dataOf(doc: WireDoc): Record<string, unknown> {
  const { _deleted: _ignored, ...data } = doc as WireDoc & Record<string, unknown>;
  return data;
}

/**
 * Deep equality of two JSON documents, key order ignored (jsonb does not keep it). Used for
 * idempotent pushes and for comparing the assumed master with the stored one.
 */
export function sameDocument(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((item, i) => sameDocument(item, b[i]));
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(b)) {
    const left = Object.entries(a).filter(([, value]) => value !== undefined);
    const right = Object.entries(b).filter(([, value]) => value !== undefined);
    return left.length === right.length && left.every(([key, value]) => sameDocument(value, (b as Record<string, unknown>)[key]));
  }
  return false;
}
