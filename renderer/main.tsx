/**
 * Start-up: open the database once, load demo data when asked, render the app. The UI code loads
 * while the database opens, and the first screen's queries start before React mounts: the cold
 * start is measured by `npm run bench` (marks `bd:*`).
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { markOnce } from './app/marks';
import { DEFAULT_DB_NAME, NewerDataError, openBranchDatabase } from './db/database';
import { dataKey, openKeys, unlockAtStart } from './security/session';
import { conflictHandlerFor } from './sync/conflicts';
import { appMode, COMMITTEE_DB_NAME } from './committee/mode';
import { prefetchFirstScreen } from './db/prefetch';
import { todayInChina } from './db/writes';
import { platform } from './platform';
import './app/app.css';
import './print/print.css';

/** The key is lost or its ring damaged: the message says what happened; nothing was opened or changed. */
class KeyLostError extends Error {}

/** The data key: remembered, made on a first start, or opened with the password typed on the unlock screen. */
async function openDataKey(root: HTMLElement): Promise<string> {
  const access = await openKeys(DEFAULT_DB_NAME);
  if (access.state === 'open') return access.key;
  if (access.state === 'lost') throw new KeyLostError(access.message);
  const [{ UnlockScreen }, { ConfigProvider }, { default: zhCN }, { themeFor }, { useUiStore }] = await Promise.all([
    import('./security/UnlockScreen'),
    import('antd'),
    import('antd/locale/zh_CN'),
    import('./app/theme'),
    import('./app/ui-store'),
  ]);
  const screen = createRoot(root);
  await new Promise<void>((opened) =>
    screen.render(
      <ConfigProvider locale={zhCN} theme={themeFor(useUiStore.getState().largeType)} button={{ autoInsertSpace: false }}>
        <UnlockScreen mode="start" tryOpen={async (secret, by) => (await unlockAtStart(access.ring, secret, by)) !== null} onOpen={opened} />
      </ConfigProvider>,
    ),
  );
  screen.unmount();
  return dataKey();
}

async function start(root: HTMLElement): Promise<void> {
  markOnce('bd:script-start');
  const appModule = import('./app/App');
  markOnce('bd:db-open:start');
  const dataKey = await openDataKey(root);
  if (appMode() === 'committee') return startCommittee(root, dataKey);
  const db = await openBranchDatabase({
    password: dataKey,
    conflictHandler: conflictHandlerFor,
    // A new version about to migrate stored data keeps a backup of it first; if that fails the upgrade still opens.
    beforeMigration: (snapshot) =>
      import('./backup/auto')
        .then(({ backupBeforeUpgrade }) => backupBeforeUpgrade(snapshot, dataKey))
        .then(
          () => undefined,
          (error: unknown) => console.error('backup before upgrade', error),
        ),
  });
  markOnce('bd:db-open:end');
  performance.measure('bd:db-open', 'bd:db-open:start', 'bd:db-open:end');
  window.addEventListener('pagehide', () => {
    void db.close();
  });
  // Ask the browser not to evict our data under storage pressure; the answer is shown in 设置.
  navigator.storage?.persist?.().catch((error: unknown) => console.warn('storage.persist refused', error));

  const info = await platform().appInfo();
  if (info.demo) {
    const { loadDemo } = await import('./db/demo');
    const result = await loadDemo(db, info.demo, todayInChina());
    if (!result.loaded) console.warn(result.reason);
    const url = new URL(window.location.href);
    url.searchParams.delete('demo');
    window.history.replaceState(null, '', url);
  }
  const [{ App }] = await Promise.all([appModule, prefetchFirstScreen(db)]);
  markOnce('bd:render-start');
  createRoot(root).render(
    <StrictMode>
      <App db={db} />
    </StrictMode>,
  );
}

/** The committee's review of its branches: its own database, filled by sync only. */
async function startCommittee(root: HTMLElement, dataKey: string): Promise<void> {
  const db = await openBranchDatabase({ name: COMMITTEE_DB_NAME, password: dataKey, conflictHandler: conflictHandlerFor });
  window.addEventListener('pagehide', () => {
    void db.close();
  });
  const { CommitteeApp } = await import('./committee/CommitteeApp');
  createRoot(root).render(
    <StrictMode>
      <CommitteeApp db={db} />
    </StrictMode>,
  );
}

const root = document.getElementById('root')!;
start(root).catch((error: unknown) => {
  console.error(error);
  const box = document.createElement('div');
  box.className = 'boot-message boot-error';
  // Data of a newer version: its message says what to do (install the newer version); reopening would not help.
  box.textContent =
    error instanceof NewerDataError || error instanceof KeyLostError
      ? error.message
      : `支部工作台无法打开本机数据：${error instanceof Error ? error.message : String(error)}。您的数据没有被改动，请关闭后重新打开；如仍不行，请联系技术支持。`;
  root.replaceChildren(box);
});
