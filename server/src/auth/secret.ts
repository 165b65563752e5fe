/**
 * The key that signs access tokens: JWT_SECRET when set (several servers behind one address must
 * share it), otherwise generated once and kept in DATA_DIR/secret, readable by the server's user only.
 */
import { randomBytes } from 'node:crypto';
import { chmod, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const MIN_SECRET_BYTES = 32;

export async function loadJwtSecret(dataDir: string, fromEnv: string | undefined): Promise<Uint8Array> {
  if (fromEnv !== undefined) {
    const secret = new TextEncoder().encode(fromEnv);
    if (secret.length < MIN_SECRET_BYTES) throw new Error(`JWT_SECRET 太短：至少需要 ${MIN_SECRET_BYTES} 个字节。`);
    return secret;
  }
  const file = join(dataDir, 'secret');
  try {
    return Buffer.from((await readFile(file, 'utf8')).trim(), 'base64url');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const secret = randomBytes(64);
  // 'wx': if two processes start at once, the second fails instead of replacing the first's key.
  await writeFile(file, secret.toString('base64url') + '\n', { mode: 0o600, flag: 'wx' });
  await chmod(file, 0o600);
  return secret;
}
