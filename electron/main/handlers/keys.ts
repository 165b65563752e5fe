/**
 * key:load / key:save: where this computer keeps the data key (the key that encrypts personal identifiers
 * at rest). Two files in the user data folder:
 *   key-ring.json  the data key wrapped under the password and the recovery code (renderer/security/keyring.ts);
 *                  opaque here: main never sees the password or the unwrapped key from it.
 *   data-key.json  the data key itself, only when it is remembered on this computer (no password, or
 *                  「在这台电脑上记住」): encrypted by the OS key store (safeStorage) where the system has one.
 * A damaged file is never replaced silently: reading it fails and the page says so.
 */
import { app, safeStorage } from 'electron';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { register, type IpcRegistrar } from '../ipc';
import { writeFileAtomic } from '../atomic-write';

interface StoredKey {
  protectedBy: 'os-keystore' | 'file';
  value: string;
}

async function readOptional(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

export function registerKeyHandlers(ipc: IpcRegistrar): void {
  const ringFile = () => join(app.getPath('userData'), 'key-ring.json');
  const keyFile = () => join(app.getPath('userData'), 'data-key.json');

  register(ipc, 'key:load', async () => {
    const ring = await readOptional(ringFile());
    const storedText = await readOptional(keyFile());
    let remembered: string | null = null;
    if (storedText !== null) {
      const stored = JSON.parse(storedText) as StoredKey;
      remembered = stored.protectedBy === 'os-keystore' ? safeStorage.decryptString(Buffer.from(stored.value, 'base64')) : stored.value;
    }
    return { ring, remembered, keystore: safeStorage.isEncryptionAvailable() };
  });

  register(ipc, 'key:save', async ({ ring, remembered }) => {
    // Order matters if the app dies half-way: a new key is written before the ring goes, and removed only
    // after the ring is written, so at every moment either the ring or the key can open the data.
    let protectedBy: 'os-keystore' | 'file' | null = null;
    if (remembered !== null) {
      protectedBy = safeStorage.isEncryptionAvailable() ? 'os-keystore' : 'file';
      const value = protectedBy === 'os-keystore' ? safeStorage.encryptString(remembered).toString('base64') : remembered;
      await writeFileAtomic(keyFile(), JSON.stringify({ protectedBy, value } satisfies StoredKey));
    }
    if (ring === null) await rm(ringFile(), { force: true });
    else await writeFileAtomic(ringFile(), ring);
    if (remembered === null) await rm(keyFile(), { force: true });
    return { protectedBy };
  });
}
