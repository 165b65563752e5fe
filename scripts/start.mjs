#!/usr/bin/env node
// npm start: the desktop app; where the Electron binary is missing, the same app in web mode.
//   node scripts/start.mjs [--web] [--demo | --demo=scale] [--port N]
import { spawn, spawnSync } from 'node:child_process';
import { electronBinary } from './electron-binary.mjs';

const args = process.argv.slice(2);
const wantWeb = args.includes('--web');
// `npm run demo -- --demo=scale` passes both --demo and --demo=scale: the last one wins.
const demoArg = args.filter((a) => a === '--demo' || a.startsWith('--demo=')).at(-1);
const demo = demoArg ? (demoArg === '--demo=scale' ? 'scale' : 'branch') : null;
const portArg = args.find((a) => a.startsWith('--port='));
const port = portArg ? Number(portArg.slice('--port='.length)) : 5173;

async function startWeb() {
  const { createServer } = await import('vite');
  const server = await createServer({ configFile: 'vite.web.config.ts', logLevel: 'warn', server: { port, host: '127.0.0.1' } });
  await server.listen();
  const base = server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${port}/`;
  console.log(`支部工作台网页版：${demo ? `${base}?demo=${demo}` : base}`);
  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

function startElectron(binary) {
  const build = spawnSync(process.execPath, ['node_modules/electron-vite/bin/electron-vite.js', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  const child = spawn(binary, ['.', ...(demo ? [`--demo=${demo}`] : [])], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}

const binary = wantWeb ? null : electronBinary();
if (binary) {
  startElectron(binary);
} else {
  if (!wantWeb) console.log('未找到 Electron 程序文件（本机无法下载），打不开桌面版，改用网页版：在浏览器中打开下面的地址。');
  await startWeb();
}
