/** Only an installed app built with an https update address checks for updates, and never loudly. */
import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startAutoUpdates, updatePlan, type Updater } from './updates';

const URL = 'https://updates.example.cn/branch-desk';

describe('updatePlan', () => {
  it('checks in an installed app built with an update address', () => {
    expect(updatePlan(true, URL)).toEqual({ check: true, url: URL });
  });
  it('does not check when running from source (npm start, tests)', () => {
    expect(updatePlan(false, URL)).toMatchObject({ check: false, reason: expect.stringContaining('source') });
  });
  it('does not check in an installed app built without an update address', () => {
    expect(updatePlan(true, '')).toMatchObject({ check: false, reason: expect.stringContaining('BRANCH_DESK_UPDATE_URL') });
  });
  it('does not check from an address that is not https', () => {
    expect(updatePlan(true, 'http://updates.example.cn/branch-desk')).toMatchObject({ check: false, reason: expect.stringContaining('not https') });
  });
});

/** Stands in for electron-updater's autoUpdater: emits like it, answers a check with `outcome`. */
class FakeUpdater extends EventEmitter {
  autoDownload = false;
  autoInstallOnAppQuit = false;
  logger: Updater['logger'] = null;
  constructor(private readonly outcome: () => Promise<unknown>) {
    super();
  }
  checkForUpdates = vi.fn(() => this.outcome());
}

describe('startAutoUpdates', () => {
  afterEach(() => vi.restoreAllMocks());
  const start = (updater: FakeUpdater) => startAutoUpdates(async () => updater as unknown as Updater);

  it('checks once, downloads without asking and installs when the user quits', async () => {
    const updater = new FakeUpdater(async () => ({ downloadPromise: Promise.resolve(['/tmp/update.exe']) }));
    await start(updater);
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(1);
    expect(updater.autoDownload).toBe(true);
    expect(updater.autoInstallOnAppQuit).toBe(true);
  });

  it('logs an unreachable update server once and does not throw', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const offline = new Error('net::ERR_INTERNET_DISCONNECTED');
    const updater = new FakeUpdater(async () => {
      updater.emit('error', offline); // electron-updater emits, then rejects with the same error
      throw offline;
    });
    await expect(start(updater)).resolves.toBeUndefined();
    expect(log).toHaveBeenCalledTimes(1);
    expect(log).toHaveBeenCalledWith('[update] failed:', offline);
  });

  it('logs a failed download and does not throw', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const broken = new Error('sha512 checksum mismatch');
    const updater = new FakeUpdater(async () => ({ downloadPromise: Promise.reject(broken) }));
    await expect(start(updater)).resolves.toBeUndefined();
    expect(log).toHaveBeenCalledWith('[update] failed:', broken);
  });

  it('logs an updater that cannot even load and does not throw', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await expect(startAutoUpdates(() => Promise.reject(new Error('app-update.yml missing')))).resolves.toBeUndefined();
    expect(log).toHaveBeenCalledWith('[update] failed:', expect.any(Error));
  });
});
