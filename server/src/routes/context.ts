/** What every route module is given: the database, the auth context and the live-change bus. */
import type { FastifyRequest } from 'fastify';
import type { Principal } from '../auth/principal';
import { authenticate, type AuthContext } from '../auth/sessions';
import { unauthenticated } from '../errors';
import type { ChangeBus } from '../sync/events';
import type { LiveStreams } from '../sync/live-streams';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
}

export interface RouteContext extends AuthContext {
  bus: ChangeBus;
  streams: LiveStreams;
  /** How often an open event stream gets a heartbeat comment. */
  heartbeatMs: number;
}

/** A preHandler: the request's Principal from `Authorization: Bearer …`, or 401. */
export function requireAccount(ctx: AuthContext, options: { allowQueryToken?: boolean } = {}) {
  return async (request: FastifyRequest): Promise<void> => {
    const header = request.headers.authorization;
    let token = header?.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : undefined;
    // EventSource cannot set headers: the event stream also takes ?accessToken= (redacted from logs).
    if (!token && options.allowQueryToken) {
      const query = request.query as Record<string, unknown>;
      if (typeof query.accessToken === 'string') token = query.accessToken;
    }
    if (!token) throw unauthenticated();
    request.principal = await authenticate(ctx, token);
  };
}

/** The Principal a requireAccount preHandler set. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw unauthenticated();
  return request.principal;
}
