import { open, rename } from 'node:fs/promises';

/** Writes next to the target and renames, so a failed write never leaves a broken file. */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const temp = `${path}.${process.pid}.tmp`;
  const file = await open(temp, 'w');
  try {
    await file.writeFile(data);
    await file.sync(); // on disk before the rename: a power cut leaves the old file or the new, never half
  } finally {
    await file.close();
  }
  await rename(temp, path);
}
