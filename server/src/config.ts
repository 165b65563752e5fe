/** The server's settings, from the environment (see server/README.md). */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEFAULT_RATE_LIMIT } from './app';

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  /** Unset: PGlite in DATA_DIR/pglite. */
  databaseUrl: string | undefined;
  webDir: string | null;
  jwtSecret: string | undefined;
  trustProxy: boolean;
  logLevel: string;
  /** Requests per minute per address; login attempts per minute per address and username. */
  rateLimit: { max: number; loginMax: number };
}

export function readConfig(env: NodeJS.ProcessEnv): ServerConfig {
  const port = Number(env.PORT ?? 8787);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`PORT 应为 1 到 65535 之间的整数，现在是「${env.PORT}」。`);
  const webDir = env.WEB_DIR !== undefined ? env.WEB_DIR : existsSync('dist-web') ? 'dist-web' : '';
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir: resolve(env.DATA_DIR ?? './server-data'),
    databaseUrl: env.DATABASE_URL || undefined,
    webDir: webDir ? resolve(webDir) : null,
    jwtSecret: env.JWT_SECRET || undefined,
    trustProxy: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true',
    logLevel: env.LOG_LEVEL ?? 'info',
    rateLimit: {
      // Every office behind one NAT address shares these.
      max: perMinute(env, 'RATE_LIMIT_PER_MINUTE', DEFAULT_RATE_LIMIT.max, '每个地址每分钟的请求数'),
      loginMax: perMinute(env, 'LOGIN_RATE_LIMIT_PER_MINUTE', DEFAULT_RATE_LIMIT.loginMax, '同一地址、同一用户名每分钟的登录次数'),
    },
  };
}

/** A positive whole number of requests a minute; unset or empty: the default. */
function perMinute(env: NodeJS.ProcessEnv, name: string, fallback: number, meaning: string): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(value) || value < 1) {
    throw new Error(`${name} 应为正整数（${meaning}，默认 ${fallback}），现在是「${env[name]}」。`);
  }
  return value;
}

/** Before serving the web app: a folder without index.html is a mistake worth stopping for. */
export function checkWebDir(webDir: string | null): void {
  if (webDir && !existsSync(resolve(webDir, 'index.html'))) throw new Error(`WEB_DIR「${webDir}」中没有 index.html，请先 npm run build:web，或把 WEB_DIR 设为空。`);
}
