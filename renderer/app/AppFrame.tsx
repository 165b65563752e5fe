import {
  AuditOutlined, BankOutlined, BellOutlined, CloudSyncOutlined, FileTextOutlined, HeartOutlined, HomeOutlined, MoneyCollectOutlined,
  LockOutlined, PieChartOutlined, SettingOutlined, SwapOutlined, TeamOutlined, UserAddOutlined,
} from '@ant-design/icons';
import { Alert, Button, Layout, Menu, Typography } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import type { OrgDoc } from '@shared/model';
import { APP_NAME, NAV, type NavPath } from './strings';
import { useUiStore } from './ui-store';
import { useDb } from '../db/context';
import { useLockStore } from '../security/lock';
import { useSyncStore } from '../sync/status';

/** The daily automatic backup waits until the first screen has settled. */
const DAILY_BACKUP_DELAY_MS = 8000;

function useDailyBackup() {
  const db = useDb();
  useEffect(() => {
    const timer = setTimeout(() => {
      import('../backup/auto')
        .then(({ dailyBackupIfDue }) => dailyBackupIfDue(db))
        .catch((error: unknown) => console.error('daily backup', error));
    }, DAILY_BACKUP_DELAY_MS);
    return () => clearTimeout(timer);
  }, [db]);
}

const ICONS: Record<NavPath, ReactNode> = {
  '/': <HomeOutlined />,
  '/reminders': <BellOutlined />,
  '/roster': <TeamOutlined />,
  '/recruitment': <UserAddOutlined />,
  '/meetings': <FileTextOutlined />,
  '/appraisal': <AuditOutlined />,
  '/dues': <MoneyCollectOutlined />,
  '/care': <HeartOutlined />,
  '/transfers': <SwapOutlined />,
  '/reports': <PieChartOutlined />,
  '/sync': <CloudSyncOutlined />,
  '/settings': <SettingOutlined />,
};

/** A device signed in to the committee's server syncs from start, in the background; one that syncs by file gets its marks back. */
function useBackgroundSync() {
  const db = useDb();
  useEffect(() => {
    let stop: (() => void) | null = null;
    let live = true;
    import('../sync/conflicts')
      .then(({ loadConflicts }) => loadConflicts())
      .then(() => import('../sync/service'))
      .then(({ resumeSync }) => resumeSync(db))
      .then(() => import('../sync/file-sync'))
      .then(({ resumeFileSyncMarks }) => resumeFileSyncMarks(useSyncStore.getState().account !== null))
      .then(() => import('../sync/apply-approvals'))
      .then(({ applyApprovalsAsTheyArrive }) => {
        if (live) stop = applyApprovalsAsTheyArrive(db);
      })
      .catch((error: unknown) => console.error('sync', error));
    return () => {
      live = false;
      stop?.();
    };
  }, [db]);
}

export function AppFrame({ branch, children }: { branch: OrgDoc; children: ReactNode }) {
  useDailyBackup();
  useBackgroundSync();
  const offline = useSyncStore((s) => s.connection === 'offline');
  const navigate = useNavigate();
  const location = useLocation();
  const largeType = useUiStore((s) => s.largeType);
  const hasPassword = useLockStore((s) => s.hasPassword);
  const lock = useLockStore((s) => s.lock);
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={largeType ? 232 : 200} theme="light" className="app-sider">
        <div className="app-brand">
          <BankOutlined /> {APP_NAME}
        </div>
        <Menu
          mode="inline"
          selectedKeys={[`/${location.pathname.split('/')[1] ?? ''}`]}
          items={NAV.map((item) => ({ key: item.path, icon: ICONS[item.path], label: item.label }))}
          onClick={({ key }) => navigate(key)}
          aria-label="主菜单"
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header className="app-header">
          <Typography.Text strong className="app-header-title" ellipsis>
            {branch.name}
          </Typography.Text>
          {hasPassword && (
            <Button icon={<LockOutlined />} onClick={lock} style={{ marginLeft: 'auto' }} title="离开电脑时锁定，回来输入密码继续">
              锁定
            </Button>
          )}
        </Layout.Header>
        {offline && (
          <Alert
            banner
            type="warning"
            showIcon={false}
            message="离线：连不上上级党委的服务器。修改都保存在本机，连上网络后自动同步。"
            data-testid="offline-banner"
          />
        )}
        <Layout.Content className="app-content">{children}</Layout.Content>
      </Layout>
    </Layout>
  );
}
