/**
 * 同步 → 没有网络的支部：用同步文件. Three plain steps for a branch that is never online: type the
 * 离线同步码 once, 导出同步文件 onto a USB stick for the committee, 导入上级的回复文件 when it comes back.
 * The work is in renderer/sync/file-sync.ts; a double-clicked reply file arrives here too.
 */
import { ExportOutlined, ImportOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Input, Space, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { OpenedFile } from '@shared/ipc';
import type { OrgDoc } from '@shared/model';
import { SYNC_FILE_FILTERS, SyncFileError } from '@shared/sync/file-format';
import { useOpenedFile } from '../../app/opened-file';
import { useDb } from '../../db/context';
import { keyFor } from '../../db/encryption';
import { platform } from '../../platform';
import { dataKey } from '../../security/session';
import { recordConflicts } from '../../sync/conflicts';
import { markConfirmed } from '../../sync/confirmed';
import { exportBranchFile, fileSyncDatabase, fileSyncStatus, importReplyFile, setFileCode, keepFileSyncMarks, type FileSyncStatus, type ImportSummary } from '../../sync/file-sync';
import { useSyncStore } from '../../sync/status';


const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'medium', timeStyle: 'short' }) : '还没有');

const problem = (cause: unknown) => (cause instanceof SyncFileError ? cause.message : `没有完成：${(cause as Error).message}`);

export function FileSyncCard({ branch }: { branch: OrgDoc }) {
  const db = useDb();
  const { message } = App.useApp();
  const [status, setStatus] = useState<FileSyncStatus | null>(null);
  const [changingCode, setChangingCode] = useState(false);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState<'code' | 'export' | 'import' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<ImportSummary | null>(null);
  const opened = useOpenedFile((s) => s.sync);

  /** `unacknowledged`: the count an export or import has just made (counting again reads every record). */
  const refresh = useCallback(async (unacknowledged?: number) => setStatus(await fileSyncStatus(await fileSyncDatabase(db), await keyFor(dataKey()), unacknowledged)), [db]);
  useEffect(() => {
    refresh().catch((cause: unknown) => setError(problem(cause)));
  }, [refresh]);

  const saveCode = async () => {
    setBusy('code');
    setError(null);
    try {
      await setFileCode(await fileSyncDatabase(db), await keyFor(dataKey()), code);
      if (!useSyncStore.getState().account) keepFileSyncMarks();
      setCode('');
      setChangingCode(false);
      await refresh();
      message.success('离线同步码已保存。现在可以导出同步文件了。');
    } catch (cause) {
      setError(problem(cause));
    } finally {
      setBusy(null);
    }
  };

  const exportFile = async () => {
    setBusy('export');
    setError(null);
    setResult(null);
    try {
      const file = await exportBranchFile(await fileSyncDatabase(db), await keyFor(dataKey()));
      const saved = await platform().saveFile({ suggestedName: file.name, filters: SYNC_FILE_FILTERS, data: file.text });
      if (!saved.saved) return;
      await file.commit();
      message.success(
        `同步文件已保存${saved.path ? `到 ${saved.path}` : ''}，${file.rows > 0 ? `含 ${file.rows} 条上级还没确认的记录` : '没有新的修改，上级可以用它做回复'}。请用U盘交给上级党委。`,
        8,
      );
      // The records sent stay unacknowledged until the reply: the file's count.
      await refresh(file.rows);
    } catch (cause) {
      setError(problem(cause));
    } finally {
      setBusy(null);
    }
  };

  const importFile = async (file: OpenedFile) => {
    setBusy('import');
    setError(null);
    setResult(null);
    try {
      const summary = await importReplyFile(await fileSyncDatabase(db), await keyFor(dataKey()), file.data, {
        onConflicts: (collection, docId, conflicts) => recordConflicts(collection, docId, conflicts),
        onAcknowledged: markConfirmed,
      });
      setResult(summary);
      await refresh(summary.unacknowledged);
    } catch (cause) {
      setError(problem(cause));
    } finally {
      setBusy(null);
    }
  };

  const pickReply = async () => {
    try {
      const file = await platform().openFile({ filters: SYNC_FILE_FILTERS });
      if (file) await importFile(file);
    } catch (cause) {
      setError(problem(cause));
    }
  };

  const takeOpened = async () => {
    const file = useOpenedFile.getState().takeSync();
    if (file) await importFile(file);
  };

  const configured = status?.configured ?? false;
  return (
    <Card title="没有网络的支部：用同步文件">
      <Typography.Paragraph>
        长期没有网络时，把要报给上级的记录导出成<b>同步文件</b>，用U盘交给上级党委；上级导入后会给一个<b>回复文件</b>（里面有审批结果），拿回来导入本机即可。文件是加密的，只有本支部和上级能打开。
      </Typography.Paragraph>
      {opened && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message={`已打开文件「${opened.name}」`}
          description="如果这是上级党委给本支部的回复文件，点「导入这个文件」。"
          action={
            <Button type="primary" loading={busy === 'import'} disabled={!configured} onClick={() => void takeOpened()}>
              导入这个文件
            </Button>
          }
        />
      )}
      {status && (!configured || changingCode) ? (
        <Space direction="vertical" size="middle" style={{ width: '100%', maxWidth: 560 }}>
          <Typography.Text strong>第一步：输入上级党委给的离线同步码（25 位，只需输入一次）</Typography.Text>
          <Input
            size="large"
            value={code}
            onChange={(e) => setCode(e.target.value)}
            placeholder="例如 7K2QD-M4X9A-PB3WR-C8N5T-FH6JZ"
            aria-label="离线同步码"
            onPressEnter={() => void saveCode()}
            style={{ fontFamily: 'monospace', letterSpacing: 1 }}
          />
          <Space>
            <Button type="primary" size="large" loading={busy === 'code'} disabled={code.trim() === ''} onClick={() => void saveCode()}>
              保存同步码
            </Button>
            {changingCode && (
              <Button size="large" onClick={() => setChangingCode(false)}>
                取消
              </Button>
            )}
          </Space>
        </Space>
      ) : (
        status && (
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            <Descriptions column={1} size="middle" bordered>
              <Descriptions.Item label="上级还没确认的记录">{status.unacknowledged > 0 ? `${status.unacknowledged} 条（下次导出时一并带上）` : '没有，都已确认'}</Descriptions.Item>
              <Descriptions.Item label="上次导出同步文件">{when(status.lastExportAt)}</Descriptions.Item>
              <Descriptions.Item label="上次导入回复文件">
                {status.lastImport ? `${when(status.lastImport.at)}（${status.lastImport.committeeName}）` : '还没有'}
              </Descriptions.Item>
            </Descriptions>
            <Space wrap size="middle">
              <Button type="primary" size="large" icon={<ExportOutlined />} loading={busy === 'export'} onClick={() => void exportFile()}>
                导出同步文件
              </Button>
              <Button size="large" icon={<ImportOutlined />} loading={busy === 'import'} onClick={() => void pickReply()}>
                导入上级的回复文件
              </Button>
              <Button type="link" onClick={() => setChangingCode(true)}>
                更换离线同步码
              </Button>
            </Space>
          </Space>
        )
      )}
      {result && <ImportResult result={result} branch={branch} />}
      {error && <Alert type="error" showIcon message={error} style={{ marginTop: 16 }} />}
    </Card>
  );
}

function ImportResult({ result, branch }: { result: ImportSummary; branch: OrgDoc }) {
  if (result.seenBefore && result.received === 0) {
    return <Alert type="info" showIcon style={{ marginTop: 16 }} message="这个回复文件以前已经导入过，没有新的内容。" />;
  }
  const lines = [
    result.received > 0 ? `收到 ${result.received} 条记录${result.approvals > 0 ? `，其中上级审批 ${result.approvals} 条（发展党员材料会自动更新）` : ''}。` : '没有收到新的记录。',
    result.acknowledged > 0 ? `上级已确认本支部 ${result.acknowledged} 条记录。` : null,
    result.unacknowledged > 0 ? `还有 ${result.unacknowledged} 条记录上级没有确认，下次导出同步文件时会一并带上。` : `「${branch.name}」的记录上级都已确认。`,
    result.conflicts > 0 ? `有 ${result.conflicts} 条记录本机和上级都改过，已按上级的内容合并，请在下面「需要您确认的不同修改」里看一下。` : null,
  ].filter((line): line is string => line !== null);
  return (
    <Alert
      type={result.conflicts > 0 ? 'warning' : 'success'}
      showIcon
      style={{ marginTop: 16 }}
      message={`已导入「${result.committeeName}」的回复文件`}
      description={
        <Space direction="vertical" size={0}>
          {lines.map((line) => (
            <span key={line}>{line}</span>
          ))}
        </Space>
      }
    />
  );
}
