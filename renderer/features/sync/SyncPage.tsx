/**
 * 同步: sign in to the committee's server once; afterwards the page shows where things stand (online or
 * not, last sync, changes not yet on the server, the first sync's progress) and the conflicts to look at.
 * Sync itself runs in the background (renderer/sync/service.ts) whether this page is open or not.
 * A branch that is never online syncs by file instead (FileSyncCard).
 */
import { CloudSyncOutlined, DisconnectOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Empty, Form, Input, List, Progress, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { RxCollection } from 'rxdb';
import { COLLECTION_NAMES, type OrgDoc } from '@shared/model';
import { describeConflictPath } from '@shared/sync/merge';
import { useDb } from '../../db/context';
import { dismissConflict, useConflictStore, type StoredConflict } from '../../sync/conflicts';
import { normalizeServerUrl, SyncError } from '../../sync/http';
import { fileSyncConfigured, fileSyncDatabase } from '../../sync/file-sync';
import { signIn, signOut, syncNow, useSyncStore, type Connection } from '../../sync/service';
import { FileSyncCard } from './FileSyncCard';

const CONNECTION: Record<Connection, { color: string; text: string }> = {
  'signed-out': { color: 'default', text: '未登录' },
  connecting: { color: 'processing', text: '正在连接' },
  online: { color: 'success', text: '在线' },
  offline: { color: 'warning', text: '离线' },
  refused: { color: 'error', text: '需要重新登录' },
};

const COLLECTION_LABELS: Record<string, string> = {
  orgs: '支部信息',
  people: '党员名册',
  dossiers: '发展党员材料',
  meetings: '会议记录',
  appraisals: '民主评议',
  dues: '党费',
  care: '关怀走访',
  transfers: '组织关系',
  approvals: '上级审批',
};

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'medium', timeStyle: 'short' }) : '还没有同步过');

export function SyncPage({ branch }: { branch: OrgDoc }) {
  const db = useDb();
  const sync = useSyncStore();
  const conflicts = useConflictStore((s) => s.conflicts.length);
  // A branch that syncs by file sees that first; the sign-in waits below for the day a line comes.
  const [byFile, setByFile] = useState(false);
  useEffect(() => {
    fileSyncDatabase(db)
      .then(fileSyncConfigured)
      .then(setByFile, () => undefined);
  }, [db]);
  const signedOut = sync.connection === 'signed-out';
  const fileFirst = signedOut && byFile;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%', maxWidth: 980 }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        <CloudSyncOutlined /> 同步
      </Typography.Title>
      {fileFirst && <FileSyncCard branch={branch} />}
      {fileFirst && conflicts > 0 && <ConflictsCard />}
      {signedOut ? <SignInCard branch={branch} /> : <StatusCard />}
      {!fileFirst && (!signedOut || conflicts > 0) && <ConflictsCard />}
      {!fileFirst && <FileSyncCard branch={branch} />}
    </Space>
  );
}

function SignInCard({ branch }: { branch: OrgDoc }) {
  const db = useDb();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ server: string; username: string; password: string; deviceName: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    const values = form.getFieldsValue(true) as { server?: string; username?: string; password?: string; deviceName?: string };
    const serverUrl = normalizeServerUrl(values.server ?? '');
    if (!serverUrl) return setError('请填写上级党委给的服务器地址，例如 https://dangjian.example.cn');
    if (!values.username?.trim() || !values.password) return setError('请填写用户名和密码（由上级党委分配）。');
    setBusy(true);
    setError(null);
    try {
      const account = await signIn(
        db,
        {
          serverUrl,
          username: values.username,
          password: values.password,
          deviceName: values.deviceName?.trim() || '书记的电脑',
          localOrgId: branch.id,
        },
        (a) =>
          a.role === 'branch'
            ? null
            : `「${a.orgName}」是上级党委的账号。这台电脑上是「${branch.name}」的数据，只能用本支部的账号同步。上级党委审阅各支部，请在另一台电脑或浏览器里选择「我是上级党委」。`,
      );
      message.success(`已登录「${account.orgName}」，开始同步。`);
    } catch (cause) {
      setError(cause instanceof SyncError ? cause.message : `登录失败：${(cause as Error).message}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title="连接上级党委的服务器">
      <Typography.Paragraph>
        登录一次以后，只要连得上网络，软件就会自动把本支部的记录同步到上级党委，并收回上级的审批。没有网络时照常使用，记录都保存在本机。
      </Typography.Paragraph>
      <Form form={form} layout="vertical" size="large" style={{ maxWidth: 520 }} initialValues={{ deviceName: '书记的电脑' }}>
        <Form.Item label="服务器地址" name="server" extra="由上级党委提供">
          <Input placeholder="例如 https://dangjian.example.cn" autoComplete="url" />
        </Form.Item>
        <Form.Item label="用户名" name="username">
          <Input autoComplete="username" />
        </Form.Item>
        <Form.Item label="密码" name="password">
          <Input.Password autoComplete="current-password" onPressEnter={() => void submit()} />
        </Form.Item>
        <Form.Item label="这台电脑的名称" name="deviceName" extra="上级党委在设备列表里看到的名字">
          <Input maxLength={40} />
        </Form.Item>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
        <Button type="primary" size="large" loading={busy} onClick={() => void submit()}>
          登录并开始同步
        </Button>
      </Form>
    </Card>
  );
}

function StatusCard() {
  const { message, modal } = App.useApp();
  const sync = useSyncStore();
  const [running, setRunning] = useState(false);
  const status = CONNECTION[sync.connection];
  const firstPass = sync.progress && sync.progress.initialPending > 0;

  const now = async () => {
    setRunning(true);
    try {
      await syncNow();
      message.success('同步完成。');
    } catch (cause) {
      message.warning((cause as Error).message);
    } finally {
      setRunning(false);
    }
  };
  const leave = () =>
    modal.confirm({
      title: '退出同步登录？',
      content: '退出后不再自动同步；本机的数据不受影响。以后可以重新登录。',
      okText: '退出登录',
      cancelText: '取消',
      onOk: () => signOut(),
    });

  return (
    <Card title="同步状态">
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        {sync.connection === 'offline' && (
          <Alert type="warning" showIcon icon={<DisconnectOutlined />} message="现在连不上服务器。所有修改都保存在本机，连上网络后会自动同步，不用做任何操作。" />
        )}
        {sync.connection === 'refused' && sync.message && <Alert type="error" showIcon message={sync.message} />}
        <Descriptions bordered column={1} size="middle" data-testid="sync-status">
          <Descriptions.Item label="状态">
            <Tag color={status.color}>{status.text}</Tag>
            {sync.active && <Typography.Text type="secondary">正在同步……</Typography.Text>}
          </Descriptions.Item>
          <Descriptions.Item label="服务器">{sync.baseUrl}</Descriptions.Item>
          <Descriptions.Item label="账号">{sync.account ? `${sync.account.displayName}（${sync.account.orgName}）` : ''}</Descriptions.Item>
          <Descriptions.Item label="上次同步">{when(sync.lastSyncAt)}</Descriptions.Item>
          <Descriptions.Item label="还没传到上级的修改">{sync.pending === null ? '正在统计' : sync.pending === 0 ? '没有，都已同步' : `${sync.pending} 项`}</Descriptions.Item>
          {sync.message && sync.connection !== 'refused' && <Descriptions.Item label="最近的问题">{sync.message}</Descriptions.Item>}
        </Descriptions>
        {firstPass && sync.progress && (
          <div>
            <Typography.Text>第一次同步：已收到 {sync.progress.received} 项，已上传 {sync.progress.sent} 项</Typography.Text>
            <Progress percent={Math.round(((COLLECTION_NAMES.length - sync.progress.initialPending) / COLLECTION_NAMES.length) * 100)} />
          </div>
        )}
        <Space wrap>
          <Button type="primary" size="large" loading={running} onClick={() => void now()} disabled={sync.connection === 'refused'}>
            立即同步
          </Button>
          <Button size="large" onClick={leave}>
            退出登录
          </Button>
        </Space>
      </Space>
    </Card>
  );
}

/** Values as a secretary reads them. */
function show(value: unknown): string {
  if (value === undefined || value === null || value === '') return '（空）';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function ConflictsCard() {
  const db = useDb();
  const { message } = App.useApp();
  const conflicts = useConflictStore((s) => s.conflicts);

  /** Puts the local value back: a new local change, sent to the server like any other. */
  const takeLocal = async (conflict: StoredConflict) => {
    try {
      const doc = await (db[conflict.collection] as unknown as RxCollection<Record<string, unknown>>).findOne(conflict.docId).exec();
      if (!doc) throw new Error('这条记录已不在本机');
      await doc.incrementalModify((data) => {
        const copy = structuredClone(data);
        let target: Record<string, unknown> = copy;
        for (const key of conflict.path.slice(0, -1)) {
          target[key] = (target[key] as Record<string, unknown> | undefined) ?? {};
          target = target[key] as Record<string, unknown>;
        }
        const last = conflict.path.at(-1)!;
        if (conflict.localValue === undefined) delete target[last];
        else target[last] = conflict.localValue;
        copy.updatedAt = new Date().toISOString();
        return copy;
      });
      dismissConflict(conflict.key);
      message.success('已改回本机的内容，会同步给上级。');
    } catch (cause) {
      message.error(`没有改回：${(cause as Error).message}`);
    }
  };

  return (
    <Card title={`需要您确认的不同修改（${conflicts.length}）`}>
      {conflicts.length === 0 ? (
        <Empty description="没有。两台电脑改了同一处时，会在这里请您确认。" />
      ) : (
        <>
          <Typography.Paragraph type="secondary">
            同一处内容在这台电脑和别处都被修改了。现在用的是服务器上的内容；如果本机的才对，点「改回本机的」。
          </Typography.Paragraph>
          <List
            dataSource={[...conflicts].reverse()}
            renderItem={(c) => (
              <List.Item
                key={c.key}
                actions={[
                  <Button key="server" onClick={() => dismissConflict(c.key)}>
                    用服务器上的
                  </Button>,
                  <Button key="local" type="primary" ghost onClick={() => void takeLocal(c)}>
                    改回本机的
                  </Button>,
                ]}
              >
                <List.Item.Meta
                  title={`${COLLECTION_LABELS[c.collection] ?? c.collection} · ${describeConflictPath(c.collection, c.path)}`}
                  description={
                    <Space direction="vertical" size={0}>
                      <span>服务器上的：{show(c.masterValue)}</span>
                      <span>本机的：{show(c.localValue)}</span>
                    </Space>
                  }
                />
              </List.Item>
            )}
          />
        </>
      )}
    </Card>
  );
}
