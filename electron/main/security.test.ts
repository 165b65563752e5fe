/** The Electron security checklist: isolation, sandbox, no navigation, no new windows, no permissions. */
import { EventEmitter } from 'node:events';
import type { Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { applyContentSecurityPolicy, denyAllPermissions, hardenContents, isAppUrl, secureWebPreferences } from './security';

describe('secureWebPreferences', () => {
  it('isolates and sandboxes the page and gives it no Node', () => {
    expect(secureWebPreferences('/app/preload.cjs')).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });
});

describe('isAppUrl', () => {
  const built = 'file:///opt/branchdesk/resources/app/out/renderer/index.html';
  it('accepts the built page with any route', () => {
    expect(isAppUrl(`${built}#/settings`, built)).toBe(true);
  });
  it('refuses any other file on the disk', () => {
    expect(isAppUrl('file:///etc/passwd', built)).toBe(false);
    expect(isAppUrl('file:///opt/branchdesk/resources/app/out/renderer/other.html', built)).toBe(false);
  });
  it('accepts only the dev server origin in development', () => {
    expect(isAppUrl('http://localhost:5173/#/', 'http://localhost:5173/')).toBe(true);
    expect(isAppUrl('http://localhost:5174/', 'http://localhost:5173/')).toBe(false);
    expect(isAppUrl('file:///etc/passwd', 'http://localhost:5173/')).toBe(false);
  });
  it('refuses any web site', () => {
    expect(isAppUrl('https://example.com/', built)).toBe(false);
    expect(isAppUrl('not a url', 'http://localhost:5173/')).toBe(false);
  });
});

class FakeContents extends EventEmitter {
  openHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.openHandler = handler;
  }
  /** Emits like Electron: returns whether a listener called preventDefault. */
  attempt(eventName: string, url: string): boolean {
    let prevented = false;
    this.emit(eventName, { preventDefault: () => (prevented = true) }, url);
    return prevented;
  }
}

describe('hardenContents', () => {
  function harden() {
    const contents = new FakeContents();
    const openExternal = vi.fn();
    hardenContents(contents as unknown as WebContents, 'file:///app/out/renderer/index.html', openExternal);
    return { contents, openExternal };
  }

  it('blocks navigation and redirects away from the app', () => {
    const { contents } = harden();
    expect(contents.attempt('will-navigate', 'https://example.com/')).toBe(true);
    expect(contents.attempt('will-redirect', 'https://evil.example/')).toBe(true);
    expect(contents.attempt('will-navigate', 'file:///app/out/renderer/index.html#/roster')).toBe(false);
  });

  it('opens no new window: web links go to the system browser, anything else nowhere', () => {
    const { contents, openExternal } = harden();
    expect(contents.openHandler!({ url: 'https://www.12371.cn/' })).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledWith('https://www.12371.cn/');
    expect(contents.openHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(contents.openHandler!({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledTimes(1);
  });

  it('refuses to attach a webview', () => {
    const { contents } = harden();
    expect(contents.attempt('will-attach-webview', '')).toBe(true);
  });
});

describe('denyAllPermissions', () => {
  it('answers every permission request and check with no', () => {
    let requestHandler: ((c: unknown, p: string, cb: (granted: boolean) => void) => void) | undefined;
    let checkHandler: (() => boolean) | undefined;
    const session = {
      setPermissionRequestHandler: (h: typeof requestHandler) => (requestHandler = h),
      setPermissionCheckHandler: (h: typeof checkHandler) => (checkHandler = h),
    };
    denyAllPermissions(session as unknown as Session);
    const callback = vi.fn();
    requestHandler!(null, 'media', callback);
    requestHandler!(null, 'geolocation', callback);
    expect(callback.mock.calls).toEqual([[false], [false]]);
    expect(checkHandler!()).toBe(false);
  });
});

describe('applyContentSecurityPolicy', () => {
  it('sets the policy on every response and keeps the other headers', () => {
    type Listener = (details: { responseHeaders?: Record<string, string[]> }, callback: (r: unknown) => void) => void;
    let listener: Listener | undefined;
    const session = { webRequest: { onHeadersReceived: (l: Listener) => (listener = l) } };
    applyContentSecurityPolicy(session as unknown as Session, "default-src 'self'");
    const callback = vi.fn();
    listener!({ responseHeaders: { 'Content-Type': ['text/html'] } }, callback);
    expect(callback).toHaveBeenCalledWith({ responseHeaders: { 'Content-Type': ['text/html'], 'Content-Security-Policy': ["default-src 'self'"] } });
  });
});
