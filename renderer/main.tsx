/**
 * Start-up: open the database once, load demo data when asked, render the app. The UI code loads
 * while the database opens, and the first screen's queries start before React mounts: the cold
 * start is measured by `npm run bench` (marks `bd:*`).
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { markOnce } from './app/marks';
import { NewerDataError, openBranchDatabase } from './db/database';
import { prefetchFirstScreen } from './db/prefetch';
import { todayInChina } from './db/writes';
import { platform } from './platform';
import './app/app.css';
import './print/print.css';

async function start(root: HTMLElement): Promise<void> {
  markOnce('bd:script-start');
  const appModule = import('./app/App');
  markOnce('bd:db-open:start');
  const dataKey = await platform().dataKey();
  const db = await openBranchDatabase({
    password: dataKey,
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

const root = document.getElementById('root')!;
start(root).catch((error: unknown) => {
  console.error(error);
  const box = document.createElement('div');
  box.className = 'boot-message boot-error';
  // Data of a newer version: its message says what to do (install the newer version); reopening would not help.
  box.textContent =
    error instanceof NewerDataError
      ? error.message
      : `支部工作台无法打开本机数据：${error instanceof Error ? error.message : String(error)}。您的数据没有被改动，请关闭后重新打开；如仍不行，请联系技术支持。`;
  root.replaceChildren(box);
});
