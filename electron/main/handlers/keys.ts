/**
 * key:data: the key that encrypts personal identifiers at rest. Made once, kept in the user data
 * folder, itself encrypted by the OS key store (safeStorage) where the system offers one.
 */
import { app, safeStorage } from 'electron';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { register, type IpcRegistrar } from '../ipc';
import { writeFileAtomic } from '../atomic-write';

interface StoredKey {
  protectedBy: 'os-keystore' | 'file';
  value: string;
}

export function registerKeyHandlers(ipc: IpcRegistrar): void {
  const file = () => join(app.getPath('userData'), 'data-key.json');
  let cached: { key: string; protectedBy: StoredKey['protectedBy'] } | null = null;
  register(ipc, 'key:data', async () => {
    if (cached) return cached;
    let stored: StoredKey | null = null;
    try {
      stored = JSON.parse(await readFile(file(), 'utf8')) as StoredKey;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error; // a damaged key file must not be replaced silently
    }
    if (stored) {
      const key = stored.protectedBy === 'os-keystore' ? safeStorage.decryptString(Buffer.from(stored.value, 'base64')) : stored.value;
      cached = { key, protectedBy: stored.protectedBy };
      return cached;
    }
    const key = randomBytes(32).toString('hex');
    const protectedBy = safeStorage.isEncryptionAvailable() ? 'os-keystore' : 'file';
    const value = protectedBy === 'os-keystore' ? safeStorage.encryptString(key).toString('base64') : key;
    await writeFileAtomic(file(), JSON.stringify({ protectedBy, value } satisfies StoredKey));
    cached = { key, protectedBy };
    return cached;
  });
}
