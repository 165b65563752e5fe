/**
 * The main process as it starts, against a stand-in `electron` (fake-electron.ts): the Electron
 * security checklist as it is actually wired, not only the helpers of security.ts.
 */
import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ipcRequests } from '@shared/ipc';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeElectron, type FakeElectron } from './fake-electron';
import { encodeLog, recordOf } from './leveldb-fixture';

let electron: FakeElectron;

// What electron.vite.config.ts would write into the bundle (build-constants.ts).
const POLICY = "default-src 'self'; script-src 'self'; object-src 'none'";
const UPDATE_URL = 'https://updates.example.cn/branch-desk';

const here = import.meta.dirname;
/** The page main loads: out/renderer/index.html beside out/main in a build. */
const ENTRY = pathToFileURL(resolve(here, '../renderer/index.html')).href;

let userData: string;

/** Loads electron/main/index.ts afresh and lets it start as Electron would. */
async function startMain(options: {
  isPackaged: boolean;
  singleInstance?: boolean;
  updateUrl?: string;
  devServer?: string;
  /** Puts files in the user data folder before main starts. */
  prepare?: (userData: string) => Promise<void>;
}) {
  userData = await mkdtemp(join(tmpdir(), 'bd-main-'));
  await options.prepare?.(userData);
  electron = fakeElectron({ isPackaged: options.isPackaged, singleInstance: options.singleInstance, userData });
  vi.stubGlobal('__CONTENT_SECURITY_POLICY__', POLICY);
  vi.stubGlobal('__UPDATE_URL__', options.updateUrl ?? '');
  if (options.devServer) vi.stubEnv('ELECTRON_RENDERER_URL', options.devServer);
  else vi.stubEnv('ELECTRON_RENDERER_URL', undefined);
  vi.resetModules();
  vi.doMock('electron', () => electron.module);
  vi.doMock('electron-updater', () => ({ autoUpdater: electron.updater }));
  await import('./index');
  electron.becomeReady();
  if (options.singleInstance === false) return;
  const pageRequested = () => (electron.windows[0]?.loadFile.mock.calls.length ?? 0) + (electron.windows[0]?.loadURL.mock.calls.length ?? 0);
  await vi.waitFor(() => expect(pageRequested()).toBe(1));
  await new Promise((r) => setTimeout(r, 10)); // lets main finish what follows the page load (the update check)
}

const mainWindow = () => electron.windows[0]!;

beforeEach(() => {
  vi.spyOn(console, 'info').mockImplementation(() => undefined);
});
afterEach(async () => {
  vi.unstubAllGlobals();
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  await rm(userData, { recursive: true, force: true });
});

describe('the window', () => {
  it('isolates and sandboxes the page, gives it no Node and only the preload bridge', async () => {
    await startMain({ isPackaged: true });
    expect(electron.windows).toHaveLength(1);
    expect(mainWindow().options.webPreferences).toEqual({
      preload: resolve(here, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
    });
  });

  it('loads the built page from the disk in an installed app, even if a dev server is named', async () => {
    await startMain({ isPackaged: true, devServer: 'http://localhost:5173/' });
    expect(mainWindow().loadFile).toHaveBeenCalledWith(resolve(here, '../renderer/index.html'));
    expect(mainWindow().loadURL).not.toHaveBeenCalled();
  });
});

describe('Content-Security-Policy', () => {
  it('is added to every response the app receives, other headers kept', async () => {
    await startMain({ isPackaged: true });
    expect(electron.headerListeners).toHaveLength(1);
    const callback = vi.fn();
    electron.headerListeners[0]!({ url: ENTRY, responseHeaders: { 'Content-Type': ['text/html'] } }, callback);
    expect(callback).toHaveBeenCalledWith({ responseHeaders: { 'Content-Type': ['text/html'], 'Content-Security-Policy': [POLICY] } });
  });

  it('is left to the Vite dev server in development, whose hot reload needs inline scripts', async () => {
    await startMain({ isPackaged: false, devServer: 'http://localhost:5173/' });
    expect(mainWindow().loadURL).toHaveBeenCalledWith('http://localhost:5173/');
    expect(electron.headerListeners).toHaveLength(0);
  });
});

describe('navigation', () => {
  it('stops the window from navigating or being redirected away from the app', async () => {
    await startMain({ isPackaged: true });
    const contents = mainWindow().webContents;
    expect(contents.attempt('will-navigate', 'https://example.com/')).toBe(true);
    expect(contents.attempt('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(contents.attempt('will-redirect', 'https://evil.example/')).toBe(true);
  });

  it('lets the app move between its own sections', async () => {
    await startMain({ isPackaged: true });
    expect(mainWindow().webContents.attempt('will-navigate', `${ENTRY}#/roster`)).toBe(false);
  });

  it('opens no new window: a web link goes to the system browser, anything else nowhere', async () => {
    await startMain({ isPackaged: true });
    const open = mainWindow().webContents.openHandler!;
    expect(open({ url: 'https://www.12371.cn/' })).toEqual({ action: 'deny' });
    expect(electron.shell.openExternal).toHaveBeenCalledWith('https://www.12371.cn/');
    expect(open({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(open({ url: 'smb://server/share' })).toEqual({ action: 'deny' });
    expect(electron.shell.openExternal).toHaveBeenCalledTimes(1);
  });

  it('refuses to attach a webview, to the window or to any page created later', async () => {
    await startMain({ isPackaged: true });
    expect(mainWindow().webContents.attempt('will-attach-webview', {}, {})).toBe(true);
    const later = new (await import('./fake-electron')).FakeWebContents();
    electron.app.emit('web-contents-created', {}, later);
    expect(later.attempt('will-attach-webview', {}, {})).toBe(true);
  });
});

describe('permissions', () => {
  it('answers every permission request with no', async () => {
    await startMain({ isPackaged: true });
    const answers: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fileSystem']) {
      electron.permissions.request!(mainWindow().webContents, permission, (granted) => answers.push(granted));
    }
    expect(answers).toEqual([false, false, false, false, false, false]);
  });

  it('answers every permission check with no', async () => {
    await startMain({ isPackaged: true });
    expect(electron.permissions.check!()).toBe(false);
  });
});

describe('IPC', () => {
  it('registers exactly the channels of the contract in shared/ipc.ts', async () => {
    await startMain({ isPackaged: true });
    expect([...electron.ipcHandlers.keys()].sort()).toEqual(Object.keys(ipcRequests).sort());
  });

  it('answers the app page and refuses a request from any other page', async () => {
    await startMain({ isPackaged: true });
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const appInfo = electron.ipcHandlers.get('app:info')!;
    await expect(appInfo({ senderFrame: { url: `${ENTRY}#/` } }, undefined)).resolves.toMatchObject({ ok: true, value: { shell: 'electron' } });
    await expect(appInfo({ senderFrame: { url: 'https://example.com/' } }, undefined)).resolves.toMatchObject({ ok: false, code: 'forbidden' });
  });
});

describe('the data key files', () => {
  const KEY = 'ab'.repeat(32);
  const call = (channel: string, input: unknown) => electron.ipcHandlers.get(channel)!({ senderFrame: { url: `${ENTRY}#/` } }, input);

  it('keeps the ring and the remembered key in the user data folder, and removes what is set to null', async () => {
    await startMain({ isPackaged: true });
    await expect(call('key:load', undefined)).resolves.toEqual({ ok: true, value: { ring: null, remembered: null, keystore: false } });
    await expect(call('key:save', { ring: '{"v":1}', remembered: KEY })).resolves.toEqual({ ok: true, value: { protectedBy: 'file' } });
    await expect(call('key:load', undefined)).resolves.toEqual({ ok: true, value: { ring: '{"v":1}', remembered: KEY, keystore: false } });
    // A password set without 「记住」: the ring stays, the key file goes.
    await expect(call('key:save', { ring: '{"v":1,"x":2}', remembered: null })).resolves.toEqual({ ok: true, value: { protectedBy: null } });
    await expect(call('key:load', undefined)).resolves.toEqual({ ok: true, value: { ring: '{"v":1,"x":2}', remembered: null, keystore: false } });
    await expect(readdir(userData)).resolves.not.toContain('data-key.json');
  });

  it('refuses a key that is not 32 bytes of hex, and keeps what was there', async () => {
    await startMain({ isPackaged: true });
    await call('key:save', { ring: null, remembered: KEY });
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await expect(call('key:save', { ring: null, remembered: 'short' })).resolves.toMatchObject({ ok: false });
    await expect(call('key:load', undefined)).resolves.toMatchObject({ ok: true, value: { remembered: KEY } });
  });
});

describe('a double-clicked backup file', () => {
  const call = (channel: string) => electron.ipcHandlers.get(channel)!({ senderFrame: { url: `${ENTRY}#/` } }, undefined);

  it('is handed to the page once when the app starts with it, and later ones announced while it runs', async () => {
    let first = '';
    const argv = process.argv;
    try {
      await startMain({
        isPackaged: true,
        prepare: async (dir) => {
          first = join(dir, '2026-11-23 东风支部.bdbackup');
          await writeFile(first, Buffer.from('BDBACKUP first'));
          process.argv = [...argv, first];
        },
      });
    } finally {
      process.argv = argv;
    }
    await expect(call('file:pending')).resolves.toEqual({ ok: true, value: { name: '2026-11-23 东风支部.bdbackup', data: new Uint8Array(Buffer.from('BDBACKUP first')) } });
    await expect(call('file:pending')).resolves.toEqual({ ok: true, value: null });

    const second = join(userData, 'second.BDBACKUP');
    await writeFile(second, 'BDBACKUP second');
    electron.app.emit('second-instance', {}, ['branch-desk', second]);
    expect(mainWindow().webContents.send).toHaveBeenCalledWith('file:opened', null);
    await expect(call('file:pending')).resolves.toMatchObject({ ok: true, value: { name: 'second.BDBACKUP' } });
  });

  it('ignores other files and options, and says so plainly when the file is gone', async () => {
    await startMain({ isPackaged: true });
    electron.app.emit('second-instance', {}, ['branch-desk', '/home/user/名册.xlsx', '--demo']);
    expect(mainWindow().webContents.send).not.toHaveBeenCalledWith('file:opened', null);
    await expect(call('file:pending')).resolves.toEqual({ ok: true, value: null });
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    electron.app.emit('second-instance', {}, ['branch-desk', join(userData, 'gone.bdbackup')]);
    await expect(call('file:pending')).resolves.toMatchObject({ ok: false, code: 'io-error', message: expect.stringContaining('打不开 gone.bdbackup') });
  });
});

describe('one running copy', () => {
  it('brings the running window forward when the app is started again', async () => {
    await startMain({ isPackaged: true });
    electron.app.emit('second-instance', {}, ['branch-desk']);
    expect(mainWindow().focus).toHaveBeenCalled();
    expect(electron.windows).toHaveLength(1);
  });

  it('quits a second copy at once, before opening a window or answering IPC', async () => {
    await startMain({ isPackaged: true, singleInstance: false });
    await new Promise((r) => setTimeout(r, 10));
    expect(electron.app.quit).toHaveBeenCalled();
    expect(electron.windows).toHaveLength(0);
    expect(electron.ipcHandlers.size).toBe(0);
  });
});

describe('crash repair of the stores', () => {
  const store = () => join(userData, 'IndexedDB', 'file__0.indexeddb.leveldb');
  const log = encodeLog([recordOf(0, 500), recordOf(1, 40_000)]);
  const tornLog = (dir: string) => async () => {
    await mkdir(join(dir, 'IndexedDB', 'file__0.indexeddb.leveldb'), { recursive: true });
    await writeFile(join(dir, 'IndexedDB', 'file__0.indexeddb.leveldb', '000003.log'), log.subarray(0, 20_000));
  };

  it('cuts an incomplete record off the page database log before the window opens', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    let prepared = '';
    await startMain({ isPackaged: true, prepare: async (dir) => tornLog((prepared = dir))() });
    expect(prepared).toBe(userData);
    expect((await stat(join(store(), '000003.log'))).size).toBe(encodeLog([recordOf(0, 500)]).length);
    expect(console.warn).toHaveBeenCalledWith(expect.stringContaining('cut an incomplete record'));
  });

  it('leaves the stores of the running copy alone when a second copy starts', async () => {
    await startMain({ isPackaged: true, singleInstance: false, prepare: async (dir) => tornLog(dir)() });
    expect((await stat(join(store(), '000003.log'))).size).toBe(20_000);
  });
});

describe('auto-update', () => {
  it('checks at start in an installed app built with an update address', async () => {
    await startMain({ isPackaged: true, updateUrl: UPDATE_URL });
    await vi.waitFor(() => expect(electron.updater.checkForUpdates).toHaveBeenCalledTimes(1));
    expect(electron.updater.autoInstallOnAppQuit).toBe(true);
  });

  it('does not check when running from source', async () => {
    await startMain({ isPackaged: false, updateUrl: UPDATE_URL });
    expect(electron.updater.checkForUpdates).not.toHaveBeenCalled();
  });

  it('does not check in an installed app built without an update address', async () => {
    await startMain({ isPackaged: true });
    expect(electron.updater.checkForUpdates).not.toHaveBeenCalled();
  });
});

it('starts without showing an error', async () => {
  await startMain({ isPackaged: true });
  expect(electron.dialog.showErrorBox).not.toHaveBeenCalled();
  expect(electron.app.exit).not.toHaveBeenCalled();
});
