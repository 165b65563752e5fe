/**
 * Cross-origin access to /api: the desktop app's page comes from file:// and the web mode from
 * its own address, so every call to the server is cross-origin. Any origin may call: accounts
 * authenticate with a bearer token the page holds, never with cookies, so another site's page has
 * nothing to ride on.
 */
import type { FastifyInstance } from 'fastify';

export const CORS_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST',
  'access-control-allow-headers': 'authorization, content-type',
  'access-control-max-age': '600',
} as const;

const isApi = (url: string) => url.startsWith('/api/');

export function allowCrossOrigin(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    if (request.method === 'OPTIONS' && isApi(request.url)) return reply.code(204).headers(CORS_HEADERS).send();
  });
  app.addHook('onSend', async (request, reply) => {
    if (isApi(request.url)) reply.header('access-control-allow-origin', CORS_HEADERS['access-control-allow-origin']);
  });
}
