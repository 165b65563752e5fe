/**
 * GET /api/sync/stream: server-sent events. One `change` event for every committed change the
 * account may see ({collection, seq}); the client answers with a RESYNC of that collection.
 * A heartbeat comment keeps proxies from closing an idle stream. The stream ends when the access
 * token expires (the client reconnects with a fresh one), at logout, and when the server stops.
 */
import type { FastifyInstance } from 'fastify';
import { API_PATHS, STREAM_EVENT_NAME, type SyncStreamEvent } from '../../../shared/sync/protocol';
import type { Principal } from '../auth/principal';
import { CORS_HEADERS } from '../cors';
import type { ChangeEvent } from '../sync/events';
import { principalOf, requireAccount, type RouteContext } from './context';

export function canSee(principal: Principal, event: ChangeEvent): boolean {
  return principal.role === 'committee' ? event.committeeIds.includes(principal.orgId) : event.orgId === principal.dataOrgId;
}

export function streamRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.get(API_PATHS.stream, { preHandler: requireAccount(ctx, { allowQueryToken: true }) }, async (request, reply) => {
    const principal = principalOf(request);
    reply.hijack();
    const out = reply.raw;
    out.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      // nginx would otherwise buffer the stream.
      'x-accel-buffering': 'no',
      // Hijacked replies skip fastify's hooks, so the cross-origin header is set here.
      'access-control-allow-origin': CORS_HEADERS['access-control-allow-origin'],
    });
    out.write(': connected\n\n');

    const unsubscribe = ctx.bus.subscribe((event) => {
      if (!canSee(principal, event)) return;
      const data: SyncStreamEvent = { collection: event.collection, seq: event.seq };
      out.write(`event: ${STREAM_EVENT_NAME}\ndata: ${JSON.stringify(data)}\n\n`);
    });
    const heartbeat = setInterval(() => out.write(': heartbeat\n\n'), ctx.heartbeatMs);
    const expiry = setTimeout(() => end(), Math.max(0, principal.expiresAt - ctx.clock()));
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      clearInterval(heartbeat);
      clearTimeout(expiry);
      unsubscribe();
      unregister();
      out.end();
    };
    const unregister = ctx.streams.add(principal.deviceId, end);
    request.raw.on('close', end);
  });
}
