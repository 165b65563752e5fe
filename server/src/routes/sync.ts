/** GET /api/sync/:collection/pull and POST /api/sync/:collection/push (protocol in shared/sync). */
import type { FastifyInstance } from 'fastify';
import type { PullResponse, PushResponse } from '../../../shared/sync/protocol';
import { committeesAbove } from '../orgs/tree';
import { readableOrgIds } from '../sync/access';
import { recordSync } from '../sync/activity';
import { checkSchemaVersion, collectionParam, pullParams } from '../sync/params';
import { pullChanges } from '../sync/pull';
import { applyPush, parsePushBody, type Change } from '../sync/push';
import { principalOf, requireAccount, type RouteContext } from './context';

interface SyncRoute {
  Params: { collection: string };
  Querystring: Record<string, unknown>;
}

export function syncRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const preHandler = requireAccount(ctx);

  app.get<SyncRoute>('/api/sync/:collection/pull', { preHandler }, async (request): Promise<PullResponse> => {
    const principal = principalOf(request);
    const collection = collectionParam(request.params.collection);
    checkSchemaVersion(collection, request.query.schemaVersion);
    const { after, limit } = pullParams(request.query);
    const orgIds = await readableOrgIds(ctx.db, principal);
    const result = await pullChanges(ctx.db, { collection, orgIds, after, limit });
    await recordSync(ctx.db, principal.deviceId);
    return result;
  });

  app.post<SyncRoute>('/api/sync/:collection/push', { preHandler }, async (request): Promise<PushResponse> => {
    const principal = principalOf(request);
    const collection = collectionParam(request.params.collection);
    checkSchemaVersion(collection, request.query.schemaVersion);
    const rows = parsePushBody(collection, request.body);
    const { conflicts, changes } = await applyPush(ctx.db, principal, collection, rows);
    await publish(ctx, changes);
    await recordSync(ctx.db, principal.deviceId);
    return { conflicts };
  });
}

/** One event per org whose documents changed, carrying its highest new sequence number. */
export async function publish(ctx: RouteContext, changes: Change[]): Promise<void> {
  const latest = new Map<string, Change>();
  for (const change of changes) {
    const known = latest.get(change.orgId);
    if (!known || known.seq < change.seq) latest.set(change.orgId, change);
  }
  for (const change of latest.values()) {
    ctx.bus.publish({ ...change, committeeIds: await committeesAbove(ctx.db, change.orgId) });
  }
}
