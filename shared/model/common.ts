/**
 * Building blocks shared by every collection schema. Every document carries the same five
 * bookkeeping fields (DESIGN.md §3); `_deleted` is handled by RxDB itself.
 */

/** ULID: 26 Crockford base-32 characters. */
export const idField = { type: 'string', maxLength: 26, pattern: '^[0-9A-HJKMNP-TV-Z]{26}$' } as const;

/** A reference to another document; empty string is not allowed, leave the field out instead. */
export const refField = { type: 'string', maxLength: 26, minLength: 1 } as const;

/** A calendar date in China time, 'YYYY-MM-DD'. */
export const dateField = { type: 'string', maxLength: 10, pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;

/** A month, 'YYYY-MM'. */
export const monthField = { type: 'string', maxLength: 7, pattern: '^\\d{4}-\\d{2}$' } as const;

/** An instant, ISO 8601 with offset, e.g. '2026-11-23T09:30:00.000Z'. */
export const instantField = { type: 'string', maxLength: 32 } as const;

/** Free text a person types; long enough for minutes, short enough to refuse a pasted book. */
export const textField = { type: 'string', maxLength: 20000 } as const;

/** A short name or label. */
export const nameField = { type: 'string', maxLength: 100 } as const;

export const stringList = { type: 'array', items: { type: 'string', maxLength: 200 } } as const;

export const baseProperties = {
  id: idField,
  /** The branch (or committee) that owns the document. */
  orgId: { type: 'string', maxLength: 26, minLength: 1 },
  createdAt: instantField,
  updatedAt: instantField,
  /** Who made the last change: a user or device name. */
  updatedBy: { type: 'string', maxLength: 64 },
} as const;

export const baseRequired = ['id', 'orgId', 'createdAt', 'updatedAt', 'updatedBy'] as const;

/** The fields every document has, for code that handles documents of any collection. */
export interface BaseDoc {
  id: string;
  orgId: string;
  createdAt: string;
  updatedAt: string;
  updatedBy: string;
}

import type { ExtractDocumentTypeFromTypedRxJsonSchema, toTypedRxJsonSchema } from 'rxdb';

/** The document type of a schema literal written `as const`: one source for schema and type. */
export type DocOf<S extends Parameters<typeof toTypedRxJsonSchema>[0]> = ExtractDocumentTypeFromTypedRxJsonSchema<
  ReturnType<typeof toTypedRxJsonSchema<S>>
>;
