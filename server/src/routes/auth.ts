/** POST /api/auth/login, /refresh, /logout. */
import type { FastifyInstance } from 'fastify';
import { API_PATHS } from '../../../shared/sync/protocol';
import { login, logout, parseLoginBody, parseRefreshBody, refresh } from '../auth/sessions';
import { readRefreshToken } from '../auth/tokens';
import { HttpError } from '../errors';
import { normalizeUsername } from '../orgs/admin';
import { principalOf, requireAccount, type RouteContext } from './context';

export interface LoginLimit {
  /** Attempts per minute for one username from one address. */
  max: number;
}

export function authRoutes(app: FastifyInstance, ctx: RouteContext, limit: LoginLimit): void {
  app.post(
    API_PATHS.login,
    {
      config: {
        rateLimit: {
          max: limit.max,
          timeWindow: '1 minute',
          // After parsing, so the key can name the username: guessing one account's password is slow,
          // while a school of secretaries behind one address can still all sign in.
          hook: 'preHandler',
          keyGenerator: (request) => {
            const username = (request.body as { username?: unknown } | undefined)?.username;
            return `login:${request.ip}:${typeof username === 'string' ? normalizeUsername(username) : ''}`;
          },
        },
      },
    },
    async (request) => login(ctx, parseLoginBody(request.body), request.ip),
  );

  app.post(API_PATHS.refresh, async (request) => {
    const body = parseRefreshBody(request.body);
    try {
      return await refresh(ctx, body);
    } catch (error) {
      // A reused refresh token revoked its device: close that device's live stream too.
      const deviceId = readRefreshToken(body.refreshToken)?.deviceId;
      if (error instanceof HttpError && error.code === 'device-revoked' && deviceId) ctx.streams.endDevice(deviceId);
      throw error;
    }
  });

  app.post(API_PATHS.logout, { preHandler: requireAccount(ctx) }, async (request, reply) => {
    await logout(ctx, principalOf(request));
    ctx.streams.endDevice(principalOf(request).deviceId);
    return reply.code(204).send();
  });
}
