/**
 * 备份与恢复: a backup now to a USB stick or a folder (with a password, to open it on another computer),
 * the automatic backups of this computer, and a restore that shows what a backup holds before anything
 * is replaced (and keeps a safety copy of the current data first).
 */
import { App, Alert, Button, Card, Descriptions, Input, List, Modal, Space, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useDb } from '../../db/context';
import { autoBackup, manualBackup, restoreBackup } from '../../backup/auto';
import { BackupError, readBackupSummary, type BackupSummary, type SlotKind } from '../../backup/format';
import { listBackups, readStoredBackup, type AutoBackup } from '../../backup/store';
import { platform } from '../../platform';
import { useOpenedFile } from '../../app/opened-file';

const FILTERS = [{ name: '支部工作台备份', extensions: ['bdbackup'] }];
const REASONS: Record<string, string> = { daily: '每日自动', 'before-import': '导入前自动', 'before-restore': '恢复前自动', 'before-upgrade': '升级前自动', manual: '手动' };
const COUNTED: [string, string][] = [
  ['people', '人员'],
  ['meetings', '会议记录'],
  ['dossiers', '发展档案'],
  ['dues', '党费记录'],
  ['care', '走访记录'],
  ['transfers', '转接记录'],
];

const when = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

function SummaryView({ summary }: { summary: BackupSummary }) {
  return (
    <Descriptions column={1} size="small" bordered styles={{ label: { width: "7em", whiteSpace: "nowrap" } }}>
      <Descriptions.Item label="支部">{summary.branch?.name ?? '（没有支部信息）'}</Descriptions.Item>
      <Descriptions.Item label="备份时间">
        {when(summary.createdAt)}（{REASONS[summary.reason] ?? summary.reason}，软件版本 {summary.appVersion}）
      </Descriptions.Item>
      <Descriptions.Item label="内容">{COUNTED.map(([key, label]) => `${label}${summary.counts[key] ?? 0}条`).join('，')}</Descriptions.Item>
      <Descriptions.Item label="记录的日期">{summary.dates ? `${summary.dates.from} 至 ${summary.dates.to}` : '—'}</Descriptions.Item>
    </Descriptions>
  );
}

export function BackupCard() {
  const db = useDb();
  const { message, modal } = App.useApp();
  const [autos, setAutos] = useState<AutoBackup[] | null>(null);
  const [saving, setSaving] = useState(false);
  const [passwordFor, setPasswordFor] = useState<{ password: string; again: string } | null>(null);
  const [restore, setRestore] = useState<{ bytes: Uint8Array<ArrayBuffer>; summary: BackupSummary & { slots: SlotKind[] }; password: string; error?: string } | null>(null);
  const [restoring, setRestoring] = useState(false);
  const [making, setMaking] = useState(false);

  const refresh = useCallback(() => {
    listBackups().then(setAutos, (e: Error) => (console.error(e), setAutos([])));
  }, []);
  useEffect(refresh, [refresh]);

  const saveManual = async () => {
    if (!passwordFor) return;
    if (passwordFor.password !== passwordFor.again) return void message.error('两次输入的备份密码不一样');
    if (passwordFor.password && passwordFor.password.length < 6) return void message.error('备份密码至少6位');
    setSaving(true);
    try {
      const bytes = await manualBackup(db, passwordFor.password || undefined);
      const stamp = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 16).replace(/[-:T]/g, '');
      const result = await platform().saveFile({ suggestedName: `支部工作台备份-${stamp}.bdbackup`, filters: FILTERS, data: bytes });
      if (result.saved) message.success(`备份已保存：${result.path ?? ''}`);
      setPasswordFor(null);
    } catch (error) {
      message.error(`备份没有完成：${(error as Error).message}`);
    } finally {
      setSaving(false);
    }
  };

  const preview = useCallback(
    (bytes: Uint8Array<ArrayBuffer>) => {
      try {
        setRestore({ bytes, summary: readBackupSummary(bytes), password: '' });
      } catch (error) {
        modal.error({ title: '不能用这个文件恢复', content: (error as Error).message, okText: '知道了' });
      }
    },
    [modal],
  );
  // A backup double-clicked in the file manager opens its preview here.
  const opened = useOpenedFile((s) => s.backup);
  useEffect(() => {
    if (!opened) return;
    const file = useOpenedFile.getState().take();
    if (file) preview(new Uint8Array(file.data) as Uint8Array<ArrayBuffer>);
  }, [opened, preview]);
  const openFile = async () => {
    const file = await platform().openFile({ filters: FILTERS, maxBytes: 200 * 1024 * 1024 });
    if (file) preview(new Uint8Array(file.data) as Uint8Array<ArrayBuffer>);
  };
  const doRestore = async () => {
    if (!restore) return;
    setRestoring(true);
    try {
      await restoreBackup(db, restore.bytes, restore.password || undefined);
      modal.success({ title: '已恢复', content: '数据已恢复到备份时的样子。恢复前的数据也另存了一份自动备份。', okText: '好', onOk: () => window.location.reload() });
      setRestore(null);
    } catch (error) {
      const text = (error as Error).message;
      if (error instanceof BackupError && (error.code === 'locked' || error.code === 'wrong-password')) setRestore({ ...restore, error: text });
      else modal.error({ title: '没有恢复', content: text, okText: '知道了' });
    } finally {
      setRestoring(false);
      refresh();
    }
  };

  return (
    <Card title="备份与恢复" data-testid="backup-card">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph>
          软件每天第一次打开时自动备份一次，导入名册和恢复数据之前也会自动备份；保留最近7天、4周和12个月的备份。电脑坏了或丢了，这些备份也就没了：请定期把备份存到U盘上，放在别处。
        </Typography.Paragraph>
        <Space wrap>
          <Button type="primary" onClick={() => setPasswordFor({ password: '', again: '' })}>
            立即备份到U盘或文件夹
          </Button>
          <Button onClick={() => void openFile()}>从备份文件恢复</Button>
          <Button
            loading={making}
            onClick={() =>
              (setMaking(true), autoBackup(db, 'daily')).then(
                (name) => (name ? message.success('已在本机做了一份自动备份') : message.warning('这个浏览器不能在本机保存备份，请用“立即备份到U盘或文件夹”')),
                (e: Error) => message.error(e.message),
              ).finally(() => (setMaking(false), refresh()))
            }
          >
            现在做一份本机备份
          </Button>
        </Space>
        <List
          size="small"
          header={<Typography.Text strong>本机的自动备份（{autos?.length ?? 0}份）</Typography.Text>}
          loading={autos === null}
          dataSource={autos ?? []}
          locale={{ emptyText: '还没有自动备份' }}
          data-testid="auto-backups"
          renderItem={(b) => (
            <List.Item
              actions={[
                <Button key="restore" size="small" onClick={() => readStoredBackup(b.name).then(preview, (e: Error) => message.error(e.message))}>
                  恢复
                </Button>,
                <Button
                  key="save"
                  size="small"
                  onClick={() =>
                    readStoredBackup(b.name)
                      .then((data) => platform().saveFile({ suggestedName: `支部工作台备份-${b.name}`, filters: FILTERS, data }))
                      .then((r) => r.saved && message.success(`已另存：${r.path ?? ''}`), (e: Error) => message.error(e.message))
                  }
                >
                  另存到U盘
                </Button>,
              ]}
            >
              {[when(b.createdAt), REASONS[b.summary?.reason ?? ''] ?? '备份', b.summary ? `人员${b.summary.counts.people ?? 0}条，会议${b.summary.counts.meetings ?? 0}条` : '（文件已损坏）'].join('\u3000')}
              {'\u3000'}
              {Math.ceil(b.size / 1024)} KB
            </List.Item>
          )}
        />
      </Space>

      {passwordFor && (
        <Modal open title="立即备份到U盘或文件夹" okText="选择保存位置" cancelText="取消" confirmLoading={saving} onOk={() => void saveManual()} onCancel={() => setPasswordFor(null)}>
          <Space direction="vertical" style={{ width: '100%' }}>
            <Typography.Paragraph>
              设一个备份密码：换了电脑（原来的电脑坏了或丢了）要用这个密码才能恢复。请把密码写在纸上，和U盘分开放好。不设密码的备份只能在这台电脑上恢复。
            </Typography.Paragraph>
            <Input.Password aria-label="备份密码" placeholder="备份密码（至少6位，可以不设）" value={passwordFor.password} onChange={(e) => setPasswordFor({ ...passwordFor, password: e.target.value })} />
            <Input.Password aria-label="再输一次备份密码" placeholder="再输一次" value={passwordFor.again} onChange={(e) => setPasswordFor({ ...passwordFor, again: e.target.value })} />
          </Space>
        </Modal>
      )}

      {restore && (
        <Modal
          open
          width={640}
          title="用这个备份恢复？"
          okText="恢复"
          okButtonProps={{ danger: true }}
          cancelText="不恢复"
          confirmLoading={restoring}
          onOk={() => void doRestore()}
          onCancel={() => setRestore(null)}
        >
          <Space direction="vertical" style={{ width: '100%' }}>
            <SummaryView summary={restore.summary} />
            <Alert type="warning" showIcon message="恢复后，现在的数据会换成备份里的样子。恢复之前软件会先把现在的数据另存一份自动备份，万一恢复错了还能找回来。" />
            {restore.summary.slots.includes('password') && (
              <Input.Password aria-label="恢复用的备份密码" placeholder="在别的电脑上做的备份，请输入备份密码" value={restore.password} onChange={(e) => setRestore({ ...restore, password: e.target.value, error: undefined })} />
            )}
            {restore.error && <Alert type="error" showIcon message={restore.error} />}
          </Space>
        </Modal>
      )}
    </Card>
  );
}
