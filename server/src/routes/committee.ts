/** GET /api/committee/branches: a committee's subtree with each org's last sync and document counts. */
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { CollectionName } from '../../../shared/model';
import { API_PATHS, type CommitteeBranch, type CommitteeBranchesResponse } from '../../../shared/sync/protocol';
import { forbidden } from '../errors';
import { descendants } from '../orgs/tree';
import { principalOf, requireAccount, type RouteContext } from './context';

export function committeeRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.get(API_PATHS.committeeBranches, { preHandler: requireAccount(ctx) }, async (request): Promise<CommitteeBranchesResponse> => {
    const principal = principalOf(request);
    if (principal.role !== 'committee') throw forbidden('只有上级党委的账号可以查看下级支部的情况。');
    const orgs = await descendants(ctx.db, principal.orgId);
    if (orgs.length === 0) return { branches: [] };
    const orgIds = orgs.map((org) => org.id);
    const dataIds = orgs.flatMap((org) => (org.data_org_id ? [org.data_org_id] : []));

    const syncs = await ctx.db
      .selectFrom('devices')
      .select(['org_id', (eb) => eb.fn.max('last_sync_at').as('last')])
      .where(sql<boolean>`org_id = any(${orgIds}::text[])`)
      .groupBy('org_id')
      .execute();
    const lastSync = new Map(syncs.map((row) => [row.org_id, row.last]));

    const counts = dataIds.length
      ? await ctx.db
          .selectFrom('docs')
          .select(['org_id', 'collection', (eb) => eb.fn.countAll<number>().as('count')])
          .where(sql<boolean>`org_id = any(${dataIds}::text[])`)
          .where('deleted', '=', false)
          .groupBy(['org_id', 'collection'])
          .execute()
      : [];
    const fileSync = new Set(
      (await ctx.db.selectFrom('file_sync').select('org_id').where(sql<boolean>`org_id = any(${orgIds}::text[])`).execute()).map((row) => row.org_id),
    );
    const docCounts = new Map<string, Partial<Record<CollectionName, number>>>();
    for (const row of counts) {
      const byCollection = docCounts.get(row.org_id) ?? {};
      byCollection[row.collection as CollectionName] = Number(row.count);
      docCounts.set(row.org_id, byCollection);
    }

    const branches = orgs.map(
      (org): CommitteeBranch => ({
        id: org.id,
        name: org.name,
        kind: org.kind,
        parentId: org.parent_id,
        dataOrgId: org.data_org_id,
        lastSyncAt: lastSync.get(org.id)?.toISOString() ?? null,
        docCounts: (org.data_org_id && docCounts.get(org.data_org_id)) || {},
        fileSync: fileSync.has(org.id),
      }),
    );
    return { branches };
  });
}
