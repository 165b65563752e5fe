/**
 * The audit log (DESIGN.md §7): every accepted write, every login and every admin action. Written
 * in the same transaction as what it records, so the log never claims a write that rolled back.
 */
import type { Kysely } from 'kysely';
import type { Database } from './db/schema';

export type AuditAction =
  | 'doc.write'
  | 'login'
  | 'login.failed'
  | 'login.bind-org'
  | 'token.refresh'
  | 'token.reuse'
  | 'logout'
  | 'admin.create-org'
  | 'admin.create-user'
  | 'admin.reset-password'
  | 'file-sync.code'
  | 'file-sync.import'
  | 'file-sync.bind-org'
  | 'file-sync.reply';

export interface AuditEntry {
  action: AuditAction;
  userId?: string | null;
  deviceId?: string | null;
  orgId?: string | null;
  collection?: string;
  docId?: string;
  seq?: number;
  detail?: Record<string, unknown>;
}

export async function recordAudit(db: Kysely<Database>, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await db
    .insertInto('audit')
    .values(
      entries.map((entry) => ({
        action: entry.action,
        user_id: entry.userId ?? null,
        device_id: entry.deviceId ?? null,
        org_id: entry.orgId ?? null,
        collection: entry.collection ?? null,
        doc_id: entry.docId ?? null,
        seq: entry.seq ?? null,
        detail: entry.detail ? JSON.stringify(entry.detail) : null,
      })),
    )
    .execute();
}
