import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from './atomic-write';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

describe('writeFileAtomic', () => {
  it('replaces the file whole and leaves no temporary file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bd-atomic-'));
    dirs.push(dir);
    const file = join(dir, '花名册.pdf');
    await writeFile(file, 'old');
    await writeFileAtomic(file, new TextEncoder().encode('新内容'));
    expect(await readFile(file, 'utf8')).toBe('新内容');
    expect(await readdir(dir)).toEqual(['花名册.pdf']);
  });

  it('leaves the old file untouched when the folder cannot be written', async () => {
    await expect(writeFileAtomic('/nonexistent-folder/a.txt', 'x')).rejects.toThrow();
  });
});
