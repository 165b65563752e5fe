/**
 * Builds the central server as a Fastify instance without listening (cli.ts listens; tests use
 * `inject()`): auth, sync, live events, the committee overview, and optionally the web app.
 */
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import { API_PATHS, MAX_BODY_BYTES, STREAM_HEARTBEAT_MS, type ErrorBody, type HealthResponse } from '../../shared/sync/protocol';
import { allowCrossOrigin } from './cors';
import type { Db } from './db/connect';
import { HttpError } from './errors';
import { authRoutes } from './routes/auth';
import { committeeRoutes } from './routes/committee';
import { fileSyncRoutes } from './routes/file-sync';
import type { RouteContext } from './routes/context';
import { streamRoutes } from './routes/stream';
import { syncRoutes } from './routes/sync';
import { ChangeBus } from './sync/events';
import { LiveStreams } from './sync/live-streams';
import { prepareValidators } from './sync/validate';
import { SERVER_VERSION } from './version';

export interface ServerOptions {
  db: Db;
  /** Signs access tokens (auth/secret.ts). */
  jwtSecret: Uint8Array | string;
  /** Fastify's pino logger: false in tests, JSON to stdout in production. */
  logger?: FastifyServerOptions['logger'];
  /** A built web app (vite.web.config.ts) to serve at `/`, for the committee's browsers. */
  webDir?: string | null;
  /** ms since epoch; tests move it to expire tokens. */
  clock?: () => number;
  /** Requests per minute per address, and login attempts per minute per address and username. */
  rateLimit?: { max: number; loginMax: number };
  /** Behind a reverse proxy: take the client address from X-Forwarded-For. */
  trustProxy?: boolean;
  heartbeatMs?: number;
}

export const DEFAULT_RATE_LIMIT = { max: 1200, loginMax: 10 };

export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: withRedactedUrls(options.logger ?? false),
    bodyLimit: MAX_BODY_BYTES,
    trustProxy: options.trustProxy ?? false,
  });
  const ctx: RouteContext = {
    db: options.db,
    secret: typeof options.jwtSecret === 'string' ? new TextEncoder().encode(options.jwtSecret) : options.jwtSecret,
    clock: options.clock ?? Date.now,
    bus: new ChangeBus(),
    streams: new LiveStreams(),
    heartbeatMs: options.heartbeatMs ?? STREAM_HEARTBEAT_MS,
  };
  prepareValidators();

  app.decorateRequest('principal', null);
  app.setErrorHandler(handleError);
  allowCrossOrigin(app);
  // Open event streams would keep close() waiting forever.
  app.addHook('preClose', async () => ctx.streams.endAll());

  const limits = options.rateLimit ?? DEFAULT_RATE_LIMIT;
  await app.register(fastifyRateLimit, {
    max: limits.max,
    timeWindow: '1 minute',
    errorResponseBuilder: (_request, context) => new HttpError(429, 'rate-limited', `请求过于频繁，请 ${Math.max(1, Math.ceil(context.ttl / 1000))} 秒后再试。`),
  });

  app.get(API_PATHS.health, async (): Promise<HealthResponse> => ({ status: 'ok', version: SERVER_VERSION }));
  authRoutes(app, ctx, { max: limits.loginMax });
  syncRoutes(app, ctx);
  streamRoutes(app, ctx);
  committeeRoutes(app, ctx);
  fileSyncRoutes(app, ctx);

  const webDir = options.webDir ?? null;
  if (webDir) await app.register(fastifyStatic, { root: webDir, prefix: '/' });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    // The web app routes in the browser: any other page address gets its index.html.
    if (webDir && request.method === 'GET' && !path.startsWith('/api/')) return reply.sendFile('index.html');
    return reply.code(404).send({ error: 'not-found', message: `没有这个接口：${request.method} ${path}` } satisfies ErrorBody);
  });
  return app;
}

/** Every refusal as `{ error, message }` with a Chinese message; the technical error goes to the log. */
function handleError(error: FastifyError | HttpError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const send = (status: number, body: ErrorBody) => reply.code(status).send(body);
  if (error instanceof HttpError) {
    if (error.statusCode >= 403) request.log.info({ code: error.code, message: error.message }, 'request refused');
    return send(error.statusCode, { error: error.code, message: error.message });
  }
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return send(413, { error: 'body-too-large', message: `请求内容超过 ${MAX_BODY_BYTES / 1024 / 1024} MB，请分批上传。` });
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return send(400, { error: 'bad-json', message: '请求内容不是有效的 JSON。' });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return send(415, { error: 'unsupported-media-type', message: '请求内容应为 JSON（Content-Type: application/json）。' });
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    request.log.info({ err: error }, 'bad request');
    return send(error.statusCode, { error: 'bad-request', message: '请求格式不正确。' });
  }
  request.log.error({ err: error }, 'request failed');
  return send(500, { error: 'internal', message: '服务器内部错误，请稍后再试；如果一直出现，请联系上级党委管理员。' });
}

/** The event stream may carry its access token in the URL (EventSource cannot set headers): keep it out of logs. */
function withRedactedUrls(logger: FastifyServerOptions['logger']): FastifyServerOptions['logger'] {
  if (!logger) return logger;
  const base = typeof logger === 'object' ? logger : {};
  return {
    ...base,
    serializers: {
      req: (request: FastifyRequest) => ({
        method: request.method,
        url: request.url.replace(/([?&]accessToken=)[^&]*/g, '$1[redacted]'),
        remoteAddress: request.ip,
      }),
    },
  };
}
