#!/usr/bin/env node
// npm run dist: build, then package installers with electron-builder.
import { spawnSync } from 'node:child_process';

const build = spawnSync(process.execPath, ['node_modules/electron-vite/bin/electron-vite.js', 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const pack = spawnSync(process.execPath, ['node_modules/electron-builder/cli.js', ...process.argv.slice(2)], { encoding: 'utf8' });
const output = `${pack.stdout ?? ''}${pack.stderr ?? ''}`;
if (pack.status !== 0 && /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|getaddrinfo/.test(output)) {
  console.error('打包需要从 GitHub 下载 Electron 和打包工具，本机无法访问，安装包未生成（已构建 out/，可在能联网的机器上运行 npm run dist）。');
  process.exit(1);
}
process.stdout.write(output);
process.exit(pack.status ?? 1);
