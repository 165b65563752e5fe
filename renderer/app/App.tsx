/** The shell of the UI: theme, locale, routes, and the first-run gate. */
import { App as AntApp, ConfigProvider, Result, Spin } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { HashRouter, Route, Routes, useNavigate } from 'react-router';
import { lazy, Suspense, useEffect } from 'react';
import { NewerDataError, type BranchDatabase } from '../db/database';
import { DbProvider, useBranch } from '../db/context';
import { HomePage } from '../features/home/HomePage';
import { PrintHost } from '../print/PrintHost';
import { AppFrame } from './AppFrame';
import { themeFor } from './theme';
import { useUiStore } from './ui-store';
import { platform } from '../platform';
import { LockGate } from '../security/lock';
import { useOpenedFile } from './opened-file';

// 首页 is in the first bundle; the rest loads on first use, to keep the cold start short.
const FirstRunWizard = lazy(() => import('../features/setup/FirstRunWizard').then((m) => ({ default: m.FirstRunWizard })));
const SettingsPage = lazy(() => import('../features/settings/SettingsPage').then((m) => ({ default: m.SettingsPage })));
const RosterPage = lazy(() => import('../features/roster/RosterPage').then((m) => ({ default: m.RosterPage })));
const ReportsPage = lazy(() => import('../features/reports/ReportsPage').then((m) => ({ default: m.ReportsPage })));
const RecruitmentPage = lazy(() => import('../features/recruitment/RecruitmentPage').then((m) => ({ default: m.RecruitmentPage })));
const MeetingsPage = lazy(() => import('../features/meetings/MeetingsPage').then((m) => ({ default: m.MeetingsPage })));
const MeetingEditor = lazy(() => import('../features/meetings/MeetingEditor').then((m) => ({ default: m.MeetingEditor })));
const AppraisalPage = lazy(() => import('../features/appraisal/AppraisalPage').then((m) => ({ default: m.AppraisalPage })));
const DuesPage = lazy(() => import('../features/dues/DuesPage').then((m) => ({ default: m.DuesPage })));
const CarePage = lazy(() => import('../features/care/CarePage').then((m) => ({ default: m.CarePage })));
const TransfersPage = lazy(() => import('../features/transfers/TransfersPage').then((m) => ({ default: m.TransfersPage })));
const RemindersPage = lazy(() => import('../features/reminders/RemindersPage').then((m) => ({ default: m.RemindersPage })));
const SyncPage = lazy(() => import('../features/sync/SyncPage').then((m) => ({ default: m.SyncPage })));

const loading = <Spin size="large" fullscreen tip="正在打开……" />;

export function App({ db }: { db: BranchDatabase }) {
  const largeType = useUiStore((s) => s.largeType);
  useEffect(() => {
    document.documentElement.dataset.largeType = largeType ? 'on' : 'off';
  }, [largeType]);
  return (
    <ConfigProvider locale={zhCN} theme={themeFor(largeType)} button={{ autoInsertSpace: false }}>
      <AntApp>
        <DbProvider db={db}>
          <HashRouter>
            <Gate />
          </HashRouter>
          <PrintHost />
        </DbProvider>
      </AntApp>
    </ConfigProvider>
  );
}

/** The Electron menu's 首页, 设置 and 大字模式 items. */
function useShellEvents() {
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  useEffect(() => {
    const offNavigate = platform().on('menu:navigate', (path) => navigate(path));
    const offLargeType = platform().on('menu:toggle-large-type', () => {
      const { largeType, setLargeType } = useUiStore.getState();
      setLargeType(!largeType);
    });
    // A double-clicked backup: to 设置, where its preview opens (nothing is restored without a look and a click);
    // a sync file: to 同步, where the file sync card offers to import it.
    const takeOpenedFile = () =>
      platform()
        .pendingFile()
        .then((file) => {
          if (!file) return;
          if (/\.bdbackup$/i.test(file.name)) {
            useOpenedFile.setState({ backup: file });
            navigate('/settings');
          } else {
            useOpenedFile.setState({ sync: file });
            navigate('/sync');
          }
        })
        .catch((error: unknown) => void message.error((error as Error).message));
    void takeOpenedFile();
    const offOpened = platform().on('file:opened', () => void takeOpenedFile());
    return () => {
      offNavigate();
      offLargeType();
      offOpened();
    };
  }, [navigate, message]);
}

function Gate() {
  useShellEvents();
  const branch = useBranch();
  if (branch.loading) return loading;
  if (branch.error) {
    // Data of a newer version: its message already says what to do; reopening would not help.
    const advice = branch.error instanceof NewerDataError ? branch.error.message : `请重新打开软件；如仍不行，请联系技术支持。（${branch.error.message}）`;
    return <Result status="error" title="无法读取本机数据" subTitle={advice} />;
  }
  if (!branch.value) {
    return (
      <Suspense fallback={loading}>
        <FirstRunWizard />
      </Suspense>
    );
  }
  return (
    <LockGate branchName={branch.value.name}>
    <AppFrame branch={branch.value}>
      <Suspense fallback={<Spin size="large" />}>
      <Routes>
        <Route path="/" element={<HomePage branch={branch.value} />} />
        <Route path="/settings" element={<SettingsPage />} />
        <Route path="/roster" element={<RosterPage branch={branch.value} />} />
        <Route path="/reports" element={<ReportsPage branch={branch.value} />} />
        <Route path="/recruitment" element={<RecruitmentPage branch={branch.value} />} />
        <Route path="/meetings" element={<MeetingsPage branch={branch.value} />} />
        <Route path="/meetings/:id" element={<MeetingEditor branch={branch.value} />} />
        <Route path="/appraisal" element={<AppraisalPage branch={branch.value} />} />
        <Route path="/dues" element={<DuesPage branch={branch.value} />} />
        <Route path="/care" element={<CarePage branch={branch.value} />} />
        <Route path="/reminders" element={<RemindersPage branch={branch.value} />} />
        <Route path="/transfers" element={<TransfersPage branch={branch.value} />} />
        <Route path="/sync" element={<SyncPage branch={branch.value} />} />
        <Route path="*" element={<Result status="404" title="没有这个页面" subTitle="请从左侧菜单选择要去的地方。" />} />
      </Routes>
      </Suspense>
    </AppFrame>
    </LockGate>
  );
}
