/**
 * Auto-update through electron-updater. Only a packaged app built with an update address checks:
 * once at start, downloading quietly, installing when the user quits. A failure is logged and
 * never shown: a branch office without network must not see an error for a missing server.
 * Where to look comes from resources/app-update.yml, written by electron-builder from the same
 * BRANCH_DESK_UPDATE_URL (electron-builder.yml `publish`).
 */
import type { AppUpdater } from 'electron-updater';

export type UpdatePlan = { check: true; url: string } | { check: false; reason: string };

/** Whether this run of the app checks for updates, and if not, why (for the log). */
export function updatePlan(isPackaged: boolean, url: string): UpdatePlan {
  if (!isPackaged) return { check: false, reason: 'running from source, not an installed app' };
  if (url === '') return { check: false, reason: 'built without BRANCH_DESK_UPDATE_URL' };
  // Updates are not code-signed on Linux: only TLS keeps a stranger from serving one.
  if (!url.startsWith('https://')) return { check: false, reason: `update address ${url} is not https` };
  return { check: true, url };
}

/** The part of electron-updater's AppUpdater this module drives; tests pass a fake. */
export type Updater = Pick<AppUpdater, 'autoDownload' | 'autoInstallOnAppQuit' | 'logger' | 'on' | 'checkForUpdates'>;

const loadElectronUpdater = async (): Promise<Updater> => (await import('electron-updater')).autoUpdater;

/** Checks now, downloads in the background, installs on quit. Never rejects. */
export async function startAutoUpdates(loadUpdater: () => Promise<Updater> = loadElectronUpdater): Promise<void> {
  const logged = new WeakSet<object>();
  try {
    const updater = await loadUpdater();
    updater.logger = {
      info: (message) => console.info('[update]', message),
      warn: (message) => console.warn('[update]', message),
      error: (message) => console.error('[update]', message),
    };
    updater.autoDownload = true;
    updater.autoInstallOnAppQuit = true;
    // Every failure, including one while installing on quit, is emitted here; without a listener
    // electron-updater would throw it instead.
    updater.on('error', (error) => {
      logged.add(error);
      console.error('[update] failed:', error);
    });
    updater.on('update-downloaded', (info) => console.info(`[update] ${info.version} downloaded; it installs when the app quits`));
    const result = await updater.checkForUpdates();
    await result?.downloadPromise;
  } catch (error) {
    // A failed check or download was emitted (and logged) above before it rejected.
    if (!(typeof error === 'object' && error !== null && logged.has(error))) console.error('[update] failed:', error);
  }
}
