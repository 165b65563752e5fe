/**
 * The installers, as far as they can be checked on a machine that cannot download Electron:
 * electron-builder.yml against electron-builder's own schema, and a real electron-builder run
 * with a stand-in Electron binary, to see what an installed app carries.
 * app-builder-lib and @electron/asar come with electron-builder: its own loader and archive reader.
 */
import { extractFile, listPackage } from '@electron/asar';
import { Ajv } from 'ajv';
import { getConfig } from 'app-builder-lib/out/util/config/config';
import type { Configuration } from 'electron-builder';
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_UPDATES_CONFIG } from '../../scripts/packaging.mjs';
import { CONTENT_SECURITY_POLICY } from '../../vite.shared.ts';

const root = process.cwd();
const run = promisify(execFile);
const require = createRequire(import.meta.url);

function schemaErrors(config: Configuration): string[] {
  const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as object;
  // As electron-builder validates, minus its type coercion: its schema uses a custom `typeof` keyword.
  const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
  return validate(config) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

describe('electron-builder.yml', () => {
  let config: Configuration;
  let noUpdates: Configuration;
  beforeAll(async () => {
    config = await getConfig(root, null, null);
    noUpdates = await getConfig(root, NO_UPDATES_CONFIG, null);
  });

  it('fits electron-builder’s schema', () => {
    expect(schemaErrors(config)).toEqual([]);
  });

  it('fits the schema in its no-auto-update variant too', () => {
    expect(schemaErrors(noUpdates)).toEqual([]);
  });

  it('names the app 支部工作台 with the id cn.branchdesk.app and the program branch-desk', () => {
    expect(config).toMatchObject({ appId: 'cn.branchdesk.app', productName: '支部工作台', executableName: 'branch-desk' });
  });

  it('builds a Windows NSIS installer for x64 that installs per user, in Chinese, and keeps the data on uninstall', () => {
    expect(config.win?.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.nsis).toMatchObject({ perMachine: false, installerLanguages: ['zh_CN'], language: '2052', deleteAppDataOnUninstall: false });
  });

  it('builds a deb and an AppImage, each for x64 and arm64, filed under Office with a Chinese desktop entry', () => {
    expect(config.linux?.target).toEqual([
      { target: 'deb', arch: ['x64', 'arm64'] },
      { target: 'AppImage', arch: ['x64', 'arm64'] },
    ]);
    expect(config.linux).toMatchObject({ category: 'Office', maintainer: expect.stringContaining('@') });
    expect(config.linux?.desktop?.entry).toMatchObject({ 'Name[zh_CN]': '支部工作台', 'Comment[zh_CN]': expect.stringContaining('党支部') });
    expect(config.deb?.depends).toEqual(expect.arrayContaining(['libnss3', 'libsecret-1-0']));
  });

  it('opens backup (.bdbackup) and sync (.bdsync) files with the app', () => {
    expect(config.fileAssociations).toEqual([
      expect.objectContaining({ ext: 'bdbackup', description: '支部工作台备份文件', mimeType: 'application/x-branchdesk-backup' }),
      expect.objectContaining({ ext: 'bdsync', description: '支部工作台同步文件', mimeType: 'application/x-branchdesk-sync' }),
    ]);
  });

  it('publishes updates to the address given when building, and nowhere in the no-auto-update variant', () => {
    expect(config.publish).toEqual({ provider: 'generic', url: '${env.BRANCH_DESK_UPDATE_URL}', channel: 'latest' });
    expect(noUpdates.publish).toBeNull();
    expect(noUpdates.appId).toBe(config.appId);
  });
});

/** The sentinel of Electron's fuse wire, then version 1, 8 fuses, as Electron 45 ships them. */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const SHIPPED_FUSES = '10110001';
const FUSES = ['runAsNode', 'cookieEncryption', 'nodeOptions', 'nodeCliInspect', 'asarIntegrity', 'onlyLoadAppFromAsar', 'browserV8Snapshot', 'fileProtocolPrivileges'];

/** An unpacked "Electron" that electron-builder can copy, rename and flip fuses in. */
async function standInElectron(dir: string): Promise<void> {
  await mkdir(join(dir, 'locales'), { recursive: true });
  await writeFile(join(dir, 'electron'), `#!/bin/sh\n# ${FUSE_SENTINEL}\x01\x08${SHIPPED_FUSES}\n`, 'latin1');
  await chmod(join(dir, 'electron'), 0o755);
  for (const locale of ['en-US', 'zh-CN', 'zh-TW', 'fr', 'de']) await writeFile(join(dir, 'locales', `${locale}.pak`), '');
}

function fusesOf(binary: Buffer): Record<string, boolean> {
  const at = binary.indexOf(FUSE_SENTINEL) + FUSE_SENTINEL.length;
  const wire = binary.subarray(at + 2, at + 2 + binary[at + 1]!).toString('latin1');
  return Object.fromEntries(FUSES.map((name, i) => [name, wire[i] === '1']));
}

const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)));

describe('the packaged app', () => {
  const UPDATE_URL = 'https://updates.example.cn/branch-desk';
  let work: string;
  let unpacked: string;
  let asar: string;
  let asarFiles: string[];

  beforeAll(async () => {
    if (!existsSync(join(root, 'out/main/index.js'))) {
      await run(process.execPath, ['node_modules/electron-vite/bin/electron-vite.js', 'build'], { cwd: root });
    }
    work = await mkdtemp(join(tmpdir(), 'bd-pack-'));
    await standInElectron(join(work, 'electron'));
    const config = { extends: join(root, 'electron-builder.yml'), electronDist: join(work, 'electron'), directories: { output: join(work, 'release') } };
    await writeFile(join(work, 'config.json'), JSON.stringify(config));
    await run(process.execPath, ['node_modules/electron-builder/cli.js', '--linux', 'dir', '--x64', '--config', join(work, 'config.json'), '--publish', 'never'], {
      cwd: root,
      env: { ...process.env, BRANCH_DESK_UPDATE_URL: UPDATE_URL },
      maxBuffer: 64 * 1024 * 1024,
    });
    unpacked = join(work, 'release/linux-unpacked');
    asar = join(unpacked, 'resources/app.asar');
    asarFiles = listPackage(asar, { isPack: false }).map((p) => p.replaceAll('\\', '/').replace(/^\//, ''));
  }, 240_000);
  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  const packed = (file: string) => asarFiles.includes(file);

  it('carries the main process, the preload and the page where main looks for them', () => {
    expect(asarFiles).toEqual(expect.arrayContaining(['package.json', 'out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html']));
    expect(JSON.parse(extractFile(asar, 'package.json').toString()).main).toBe('out/main/index.js');
  });

  it('carries every file the build produced, except source maps', () => {
    const built = filesUnder(join(root, 'out')).filter((f) => !f.endsWith('.map'));
    expect(built.filter((f) => !packed(f))).toEqual([]);
  });

  it('carries every script and stylesheet the page links', () => {
    const html = extractFile(asar, 'out/renderer/index.html').toString();
    const linked = [...html.matchAll(/(?:src|href)="\.\/([^"]+)"/g)].map((m) => `out/renderer/${m[1]}`);
    expect(linked.length).toBeGreaterThan(0);
    expect(linked.filter((f) => !packed(f))).toEqual([]);
  });

  it('carries nothing else: no sources, tests, maps, node_modules or data', () => {
    const files = asarFiles.filter((f) => !asarFiles.some((other) => other.startsWith(`${f}/`)));
    const stray = files.filter((f) => !(f === 'package.json' || f.startsWith('out/')));
    expect(stray).toEqual([]);
    expect(files.filter((f) => /\.(ts|tsx|map)$|\.test\.|node_modules|\.server-data|\.env/.test(f))).toEqual([]);
  });

  it('has the Content-Security-Policy of the build in the page, before any script, and in main for the header', () => {
    const html = extractFile(asar, 'out/renderer/index.html').toString();
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
    expect(meta?.[1]?.replaceAll('&#39;', "'")).toBe(CONTENT_SECURITY_POLICY);
    expect(meta!.index).toBeLessThan(html.indexOf('<script'));
    expect(extractFile(asar, 'out/main/index.js').toString()).toContain(JSON.stringify(CONTENT_SECURITY_POLICY));
  });

  it('knows where to look for updates', async () => {
    const updateConfig = await readFile(join(unpacked, 'resources/app-update.yml'), 'utf8');
    expect(updateConfig).toContain('provider: generic');
    expect(updateConfig).toContain(`url: ${UPDATE_URL}`);
  });

  it('is started as branch-desk, with Node and debugging switches fused off and code only from app.asar', async () => {
    expect(fusesOf(await readFile(join(unpacked, 'branch-desk')))).toMatchObject({
      runAsNode: false,
      nodeOptions: false,
      nodeCliInspect: false,
      onlyLoadAppFromAsar: true,
      fileProtocolPrivileges: true,
    });
  });

  it('keeps only the Chinese and English interface languages of Chromium', () => {
    expect(readdirSync(join(unpacked, 'locales')).sort()).toEqual(['en-US.pak', 'zh-CN.pak']);
  });
});
