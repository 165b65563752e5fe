/**
 * PGlite's data folder may be opened by one process only: a second one (say `admin create-user`
 * while the server runs) would corrupt it. The owner writes its pid into a lock file; others refuse.
 */
import { readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const file = join(dataDir, 'pglite.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(file, String(process.pid), { flag: 'wx' });
      return async () => {
        await unlink(file).catch(() => undefined);
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number(await readFile(file, 'utf8').catch(() => ''));
      if (pid && pid !== process.pid && isAlive(pid)) {
        throw new Error(`数据目录 ${dataDir} 正由另一个进程（pid ${pid}）使用。内置数据库只能由一个进程打开：请先停止服务器，再执行管理命令。`);
      }
      // Left behind by a process that died: take it over.
      await unlink(file).catch(() => undefined);
    }
  }
  throw new Error(`无法锁定数据目录 ${dataDir}。`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
