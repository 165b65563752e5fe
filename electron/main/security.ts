/**
 * The Electron security checklist in one place: isolated, sandboxed renderer with no Node,
 * no navigation away from the app, no new windows, no permissions, a Content-Security-Policy.
 */
import type { BrowserWindowConstructorOptions, Session, WebContents } from 'electron';

export function secureWebPreferences(preloadPath: string): NonNullable<BrowserWindowConstructorOptions['webPreferences']> {
  return {
    preload: preloadPath,
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
  };
}

/**
 * Whether a URL is the app itself: the same dev-server origin in development, or exactly the
 * built index.html (any route after #) in production. Any other file on the disk is refused.
 */
export function isAppUrl(url: string, appEntry: string): boolean {
  try {
    const target = new URL(url);
    const entry = new URL(appEntry);
    if (entry.protocol === 'file:') return target.protocol === 'file:' && target.pathname === entry.pathname;
    return target.origin === entry.origin;
  } catch {
    return false;
  }
}

/** Web links open in the system browser; anything else is refused. */
export function isExternalWebLink(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

export function hardenContents(contents: WebContents, appEntry: string, openExternal: (url: string) => void): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, appEntry)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, appEntry)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalWebLink(url)) openExternal(url);
    return { action: 'deny' };
  });
}

export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/**
 * The page's Content-Security-Policy also as a response header. The built page carries it in a
 * <meta> tag, which is what a file:// page is sure to get; the header covers any response that
 * Electron lets main rewrite. Not in development: the Vite dev server needs inline scripts.
 */
export function applyContentSecurityPolicy(session: Session, policy: string): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [policy] } });
  });
}
