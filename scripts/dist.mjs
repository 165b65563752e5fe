#!/usr/bin/env node
// npm run dist: build, then package installers with electron-builder (electron-builder.yml).
//   BRANCH_DESK_UPDATE_URL=https://… npm run dist   installers that update themselves from there
//   npm run dist                                    installers without auto-update
import { spawnSync } from 'node:child_process';
import { explainPackagingFailure, packagingPlan } from './packaging.mjs';

const plan = packagingPlan(process.env, process.argv.slice(2));
if (plan.error) {
  console.error(plan.error);
  process.exit(1);
}
const build = spawnSync(process.execPath, ['node_modules/electron-vite/bin/electron-vite.js', 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
if (plan.notice) console.log(plan.notice);
const pack = spawnSync(process.execPath, ['node_modules/electron-builder/cli.js', ...plan.args], { encoding: 'utf8' });
const output = `${pack.stdout ?? ''}${pack.stderr ?? ''}`;
const explanation = pack.status === 0 ? null : explainPackagingFailure(output);
if (explanation) {
  console.error(explanation);
  process.exit(1);
}
process.stdout.write(output);
process.exit(pack.status ?? 1);
