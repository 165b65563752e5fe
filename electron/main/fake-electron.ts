/**
 * A stand-in for the `electron` module, for index.test.ts: the main process runs against it in
 * Node, and the test reads what it asked for (window options, handlers, listeners). Its objects
 * emit events the way Electron does; nothing here decides anything.
 */
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

type OpenHandler = (details: { url: string }) => { action: 'allow' | 'deny' };
type PermissionRequest = (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;
type HeadersListener = (
  details: { url: string; responseHeaders?: Record<string, string[]> },
  callback: (response: { responseHeaders?: Record<string, string[]> }) => void,
) => void;

export class FakeWebContents extends EventEmitter {
  openHandler: OpenHandler | null = null;
  readonly send = vi.fn();
  setWindowOpenHandler(handler: OpenHandler): void {
    this.openHandler = handler;
  }
  /** Emits `eventName` as Electron does and says whether a listener called preventDefault. */
  attempt(eventName: string, ...args: unknown[]): boolean {
    let prevented = false;
    this.emit(eventName, { preventDefault: () => (prevented = true) }, ...args);
    return prevented;
  }
}

export function fakeElectron(options: { isPackaged: boolean; singleInstance?: boolean; userData: string }) {
  let becomeReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (becomeReady = resolve));

  const app = Object.assign(new EventEmitter(), {
    isPackaged: options.isPackaged,
    requestSingleInstanceLock: vi.fn(() => options.singleInstance ?? true),
    whenReady: () => ready,
    getPath: (name: string) => (name === 'userData' ? options.userData : `/nonexistent/${name}`),
    getVersion: () => '0.1.0',
    quit: vi.fn(),
    exit: vi.fn(),
  });

  const windows: FakeBrowserWindow[] = [];
  class FakeBrowserWindow extends EventEmitter {
    readonly webContents = new FakeWebContents();
    readonly loadFile = vi.fn(async (_path: string) => undefined);
    readonly loadURL = vi.fn(async (_url: string) => undefined);
    readonly focus = vi.fn();
    readonly restore = vi.fn();
    readonly show = vi.fn();
    readonly maximize = vi.fn();
    constructor(readonly options: Record<string, unknown>) {
      super();
      windows.push(this);
      app.emit('web-contents-created', {}, this.webContents);
    }
    isMinimized = () => false;
    isMaximized = () => false;
    isDestroyed = () => false;
    getNormalBounds = () => ({ x: 0, y: 0, width: 1366, height: 768 });
    static fromWebContents = (contents: unknown) => windows.find((w) => w.webContents === contents) ?? null;
  }

  const permissions: { request: PermissionRequest | null; check: (() => boolean) | null } = { request: null, check: null };
  const headerListeners: HeadersListener[] = [];
  const defaultSession = {
    setPermissionRequestHandler: (handler: PermissionRequest) => (permissions.request = handler),
    setPermissionCheckHandler: (handler: () => boolean) => (permissions.check = handler),
    webRequest: { onHeadersReceived: (listener: HeadersListener) => headerListeners.push(listener) },
  };

  const ipcHandlers = new Map<string, (event: unknown, input: unknown) => Promise<unknown>>();
  const shell = { openExternal: vi.fn(async (_url: string) => undefined) };
  const dialog = {
    showErrorBox: vi.fn(),
    showMessageBox: vi.fn(async () => ({ response: 0 })),
    showSaveDialog: vi.fn(async () => ({ canceled: true })),
    showOpenDialog: vi.fn(async () => ({ canceled: true, filePaths: [] })),
  };

  /** electron-updater's autoUpdater, for a packaged app that checks for updates. */
  const updater = Object.assign(new EventEmitter(), {
    autoDownload: false,
    autoInstallOnAppQuit: false,
    logger: null as unknown,
    checkForUpdates: vi.fn(async () => null),
  });

  const module = {
    app,
    BrowserWindow: FakeBrowserWindow,
    session: { defaultSession },
    ipcMain: { handle: (channel: string, listener: (event: unknown, input: unknown) => Promise<unknown>) => ipcHandlers.set(channel, listener) },
    Menu: { buildFromTemplate: (template: unknown) => template, setApplicationMenu: vi.fn() },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }] },
    shell,
    dialog,
    Notification: Object.assign(class {}, { isSupported: () => false }),
    safeStorage: { isEncryptionAvailable: () => false },
  };

  return { module, app, becomeReady, windows, permissions, headerListeners, ipcHandlers, shell, dialog, updater };
}

export type FakeElectron = ReturnType<typeof fakeElectron>;
