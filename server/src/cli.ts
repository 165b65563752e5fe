/**
 * The committee's central sync server (`npm run server`).
 *   npm run server                  start: PORT (8787), HOST (0.0.0.0), DATA_DIR (./server-data),
 *                                   DATABASE_URL (PostgreSQL; PGlite in DATA_DIR when unset),
 *                                   WEB_DIR (dist-web if built), JWT_SECRET, TRUST_PROXY, LOG_LEVEL,
 *                                   RATE_LIMIT_PER_MINUTE (1200), LOGIN_RATE_LIMIT_PER_MINUTE (10)
 *   npm run server -- admin …       manage orgs and accounts (admin-cli.ts)
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { ADMIN_USAGE, runAdminCommand } from './admin-cli';
import { buildServer } from './app';
import { loadJwtSecret } from './auth/secret';
import { checkWebDir, readConfig, type ServerConfig } from './config';
import { openDatabase, type Db } from './db/connect';
import { lockDataDir } from './db/data-dir-lock';

async function open(config: ServerConfig): Promise<{ db: Db; close: () => Promise<void> }> {
  await mkdir(config.dataDir, { recursive: true, mode: 0o700 });
  const unlock = config.databaseUrl ? async () => undefined : await lockDataDir(config.dataDir);
  try {
    const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: join(config.dataDir, 'pglite') });
    return {
      db,
      close: async () => {
        await db.destroy();
        await unlock();
      },
    };
  } catch (error) {
    await unlock();
    throw error;
  }
}

async function start(config: ServerConfig): Promise<void> {
  checkWebDir(config.webDir);
  const { db, close } = await open(config);
  const app = await buildServer({
    db,
    jwtSecret: await loadJwtSecret(config.dataDir, config.jwtSecret),
    logger: { level: config.logLevel },
    webDir: config.webDir,
    trustProxy: config.trustProxy,
    rateLimit: config.rateLimit,
  });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down');
    // Should something hang, do not stay up half-closed.
    setTimeout(() => process.exit(1), 10_000).unref();
    await app.close();
    await close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  app.log.info({ dataDir: config.dataDir, database: config.databaseUrl ? 'postgresql' : 'pglite', webDir: config.webDir }, 'server ready');
}

async function admin(config: ServerConfig, args: string[]): Promise<number> {
  if (args.length === 0) {
    console.error(ADMIN_USAGE);
    return 2;
  }
  const { db, close } = await open(config);
  try {
    return await runAdminCommand(db, args, (line) => console.log(line), (line) => console.error(line));
  } finally {
    await close();
  }
}

async function main(argv: string[]): Promise<void> {
  const config = readConfig(process.env);
  const [command, ...rest] = argv;
  if (command === undefined || command === 'start') return start(config);
  if (command === 'admin') {
    process.exitCode = await admin(config, rest);
    return;
  }
  console.error(`不认识的命令「${command}」。\n不带参数启动服务器，或：\n${ADMIN_USAGE}`);
  process.exitCode = 2;
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
