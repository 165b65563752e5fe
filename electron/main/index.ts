/** Main process: one window, the menu, IPC handlers. Thin glue, no domain logic. */
import { app, BrowserWindow, dialog, ipcMain, Menu, screen, session, shell } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DemoKind, IpcEventName, IpcEvents } from '@shared/ipc';
import { registerFileHandlers } from './handlers/files';
import { registerKeyHandlers } from './handlers/keys';
import { registerPrintHandlers } from './handlers/print';
import { registerNotifyHandler } from './handlers/notify';
import { openableFromArgs, registerOpenedFileHandler, setPendingFile } from './handlers/opened-files';
import { repairChromiumStorage } from './leveldb-repair';
import { register, trustOnly } from './ipc';
import { menuTemplate } from './menu';
import { contentSecurityPolicy, updateUrl } from './build-constants';
import { applyContentSecurityPolicy, denyAllPermissions, hardenContents, secureWebPreferences } from './security';
import { startAutoUpdates, updatePlan } from './updates';
import { DEFAULT_SIZE, loadWindowState, MIN_SIZE, saveWindowState, visibleBounds } from './window-state';

// The dev server is honoured only when running from source: a packaged app loads its own files.
const devUrl = app.isPackaged ? null : (process.env.ELECTRON_RENDERER_URL ?? null);
const isDev = devUrl !== null;
const stateFile = () => join(app.getPath('userData'), 'window-state.json');

/** `npm run demo` passes --demo or --demo=scale. */
function demoFromArgs(argv: readonly string[]): DemoKind | null {
  const arg = argv.find((a) => a === '--demo' || a.startsWith('--demo='));
  if (!arg) return null;
  return arg === '--demo=scale' ? 'scale' : 'branch';
}

function send<E extends IpcEventName>(window: BrowserWindow, event: E, payload: IpcEvents[E]): void {
  window.webContents.send(event, payload);
}

let mainWindow: BrowserWindow | null = null;

/** Cuts incomplete records a crash left at the end of the page's LevelDB logs (see leveldb-repair.ts). */
function repairStoresAtStart(userData: string): void {
  try {
    const report = repairChromiumStorage(userData);
    for (const r of report.repaired) console.warn(`[storage] cut an incomplete record off ${r.file} (${r.from} → ${r.to} bytes)`);
    for (const d of report.damaged) console.error(`[storage] damage in the middle of ${d.file} at byte ${d.at}: left alone`);
  } catch (error) {
    // The repair guards against a rare crash pattern; failing it must not keep the app from starting.
    console.error('[storage] repair check failed', error);
  }
}

const entryFile = () => join(import.meta.dirname, '../renderer/index.html');
/** The app's own address: the dev server in development, the built index.html otherwise. */
const appEntry = () => devUrl ?? pathToFileURL(entryFile()).href;

async function createWindow(): Promise<void> {
  const saved = await loadWindowState(stateFile());
  const bounds = visibleBounds(saved?.bounds, screen.getAllDisplays().map((d) => d.workArea));
  const window = new BrowserWindow({
    ...(bounds ?? DEFAULT_SIZE),
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: '支部工作台',
    show: false,
    backgroundColor: '#f5f5f5',
    webPreferences: secureWebPreferences(join(import.meta.dirname, '../preload/index.cjs')),
  });
  mainWindow = window;
  if (saved?.maximized) window.maximize();
  hardenContents(window.webContents, appEntry(), (url) => void shell.openExternal(url));
  window.once('ready-to-show', () => window.show());
  window.on('close', () => {
    void saveWindowState(stateFile(), { bounds: window.getNormalBounds(), maximized: window.isMaximized() }).catch((error: unknown) =>
      console.error('[window-state]', error),
    );
  });
  window.on('closed', () => {
    mainWindow = null;
  });
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      menuTemplate(
        {
          navigate: (path) => send(window, 'menu:navigate', path),
          toggleLargeType: () => send(window, 'menu:toggle-large-type', null),
          about: () =>
            void dialog.showMessageBox(window, { type: 'info', title: '关于', message: `支部工作台 ${app.getVersion()}`, detail: '离线优先的党支部工作软件。' }),
        },
        process.platform === 'darwin',
        isDev,
      ),
    ),
  );
  if (devUrl) await window.loadURL(devUrl);
  else await window.loadFile(entryFile());
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // Only the one running copy, and before any page opens a store (Chromium opens them when first used).
  repairStoresAtStart(app.getPath('userData'));
  setPendingFile(openableFromArgs(process.argv));
  // macOS hands a double-clicked file over by event, possibly before the window exists.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    if (setPendingFile(path) && mainWindow) send(mainWindow, 'file:opened', null);
  });
  app.on('second-instance', (_event, argv: string[]) => {
    if (!mainWindow) return;
    if (setPendingFile(openableFromArgs(argv))) send(mainWindow, 'file:opened', null);
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
  app.whenReady().then(async () => {
    denyAllPermissions(session.defaultSession);
    if (!isDev) applyContentSecurityPolicy(session.defaultSession, contentSecurityPolicy());
    trustOnly(appEntry());
    const demo = demoFromArgs(process.argv);
    register(ipcMain, 'app:info', () => ({ name: '支部工作台', version: app.getVersion(), shell: 'electron', demo }));
    registerFileHandlers(ipcMain);
    registerPrintHandlers(ipcMain);
    registerKeyHandlers(ipcMain);
    registerNotifyHandler(ipcMain);
    registerOpenedFileHandler(ipcMain);
    await createWindow();
    const updates = updatePlan(app.isPackaged, updateUrl());
    if (updates.check) void startAutoUpdates();
    else console.info(`[update] no update check: ${updates.reason}`);
  }).catch((error: unknown) => {
    console.error('[startup]', error);
    dialog.showErrorBox('支部工作台无法启动', String(error));
    app.exit(1);
  });
  app.on('window-all-closed', () => app.quit());
}
