/** `npm start` where the Electron binary is missing: one plain line, then the app in web mode. */
import { spawn } from 'node:child_process';
import { expect, it } from 'vitest';

it('says the Electron binary is missing and serves the app on a printed localhost address', async () => {
  const child = spawn(process.execPath, ['scripts/start.mjs', '--port=5391'], {
    env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: '/nonexistent-electron-dist' },
  });
  try {
    const output = await new Promise<string>((resolve, reject) => {
      let text = '';
      const timer = setTimeout(() => reject(new Error(`no address printed:\n${text}`)), 30_000);
      child.stdout.on('data', (chunk: Buffer) => {
        text += chunk.toString();
        if (/http:\/\/\S+/.test(text)) {
          clearTimeout(timer);
          resolve(text);
        }
      });
      child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
      child.on('exit', (code) => reject(new Error(`exited with ${code}:\n${text}`)));
    });
    const lines = output.trim().split('\n');
    expect(lines[0]).toContain('未找到 Electron 程序文件');
    const url = /http:\/\/\S+/.exec(output)![0];
    expect(url).toMatch(/^http:\/\/(127\.0\.0\.1|localhost):5391\//);
    const page = await fetch(url).then((r) => r.text());
    expect(page).toContain('<title>支部工作台</title>');
  } finally {
    child.kill('SIGTERM');
  }
});
