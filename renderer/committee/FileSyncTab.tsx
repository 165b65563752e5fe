/**
 * 上级党委审阅 → 文件同步: for branches that are never online. The committee gives a branch its
 * 离线同步码 on paper, imports the branch's sync file from a USB stick (the server checks and stores it as
 * if the branch had synced), decides the requests in 待办审批, and saves a reply file for the branch to
 * take back. The files themselves: shared/sync/file-format.ts; the server's part: server/src/sync/file-sync.ts.
 */
import { ExportOutlined, ImportOutlined, KeyOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Card, Empty, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { fileCodeSheet } from '@shared/forms/file-code-sheet';
import { SYNC_FILE_FILTERS } from '@shared/sync/file-format';
import type { CommitteeBranch, FileImportResponse } from '@shared/sync/protocol';
import { platform } from '../platform';
import { todayInChina } from '../db/writes';
import { FormPreview } from '../print/FormPreview';
import { SyncError } from '../sync/http';
import { signedInApi, syncNow } from '../sync/service';
import { useSyncStore } from '../sync/status';


const failure = (cause: unknown) => (cause instanceof SyncError ? cause.message : `没有完成：${(cause as Error).message}`);

export function FileSyncTab({ branches, onChanged }: { branches: CommitteeBranch[]; onChanged: () => void }) {
  const { message, modal } = AntApp.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const [imported, setImported] = useState<FileImportResponse | null>(null);
  const [code, setCode] = useState<{ orgName: string; code: string } | null>(null);
  const [printing, setPrinting] = useState(false);
  const committeeName = useSyncStore((s) => s.account?.orgName ?? '上级党委');
  const [error, setError] = useState<string | null>(null);
  const rows = branches.filter((b) => b.kind === 'branch');

  const saveReply = async (reply: { reply: string; replyName: string; orgName: string }) => {
    const saved = await platform().saveFile({ suggestedName: reply.replyName, filters: SYNC_FILE_FILTERS, data: reply.reply });
    if (saved.saved) message.success(`回复文件已保存${saved.path ? `到 ${saved.path}` : ''}。请交给「${reply.orgName}」带回导入。`, 8);
  };

  const importFile = async () => {
    setError(null);
    setImported(null);
    try {
      const file = await platform().openFile({ filters: SYNC_FILE_FILTERS, maxBytes: 64 * 1024 * 1024 });
      if (!file) return;
      setBusy('import');
      const result = await signedInApi().importBranchFile(new TextDecoder().decode(file.data));
      setImported(result);
      onChanged();
      // The branch's records and requests come down to this computer like any other sync.
      void syncNow().catch(() => undefined);
    } catch (cause) {
      setError(failure(cause));
    } finally {
      setBusy(null);
    }
  };

  const issueCode = (branch: CommitteeBranch) => {
    const go = async () => {
      setBusy(`code-${branch.id}`);
      setError(null);
      try {
        const answer = await signedInApi().fileCode(branch.id);
        setCode({ orgName: answer.orgName, code: answer.code });
        onChanged();
      } catch (cause) {
        setError(failure(cause));
      } finally {
        setBusy(null);
      }
    };
    if (!branch.fileSync) return void go();
    modal.confirm({
      title: `重新生成「${branch.name}」的离线同步码？`,
      content: '旧的同步码马上作废：支部要输入新码以后导出的文件才能导入。只在纸条丢失或泄露时才需要重新生成。',
      okText: '重新生成',
      cancelText: '不用了',
      onOk: go,
    });
  };

  const makeReply = async (branch: CommitteeBranch) => {
    setBusy(`reply-${branch.id}`);
    setError(null);
    try {
      // The decisions made on this computer reach the server first: the reply is made there.
      await syncNow();
      await saveReply(await signedInApi().fileReply(branch.id));
    } catch (cause) {
      setError(failure(cause));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card title="导入支部的同步文件">
        <Typography.Paragraph>
          没有网络的支部会用U盘送来同步文件（.bdsync）。导入后，它的名册、会议记录和报来的申请就和联网同步的支部一样出现在这里；办理完「待办审批」后，给它做一个回复文件带回去。同一个文件导入两次不会重复。
        </Typography.Paragraph>
        <Button type="primary" size="large" icon={<ImportOutlined />} loading={busy === 'import'} onClick={() => void importFile()}>
          选择同步文件并导入
        </Button>
        {imported && (
          <Alert
            type={imported.conflicts > 0 ? 'warning' : 'success'}
            showIcon
            style={{ marginTop: 16 }}
            message={`已导入「${imported.orgName}」的同步文件`}
            description={
              <Space direction="vertical">
                <span>
                  {imported.seenBefore ? '这个文件以前导入过。' : ''}新收到 {imported.accepted} 条记录，已有 {imported.unchanged} 条
                  {imported.conflicts > 0 ? `，${imported.conflicts} 条与服务器上的不同（回复文件会把服务器上的内容带给支部合并）` : ''}。
                </span>
                <span>先到「待办审批」办理它报来的事项，再做回复文件；现在就保存的回复文件里只有到此刻为止的内容。</span>
                <Button icon={<ExportOutlined />} onClick={() => void saveReply(imported)}>
                  现在保存回复文件
                </Button>
              </Space>
            }
          />
        )}
      </Card>
      <Card title="用文件同步的支部">
        {rows.length === 0 ? (
          <Empty description="本党委下还没有党支部。" />
        ) : (
          <Table<CommitteeBranch>
            rowKey="id"
            dataSource={rows}
            pagination={false}
            columns={[
              { title: '支部', dataIndex: 'name' },
              { title: '离线同步码', render: (_, b) => (b.fileSync ? <Tag color="success">已生成</Tag> : <Tag>没有</Tag>) },
              {
                title: '上次收到数据',
                render: (_, b) => (b.lastSyncAt ? new Date(b.lastSyncAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' }) : '还没有'),
              },
              {
                title: '办理',
                render: (_, b) => (
                  <Space wrap>
                    <Button icon={<KeyOutlined />} loading={busy === `code-${b.id}`} onClick={() => issueCode(b)}>
                      {b.fileSync ? '重新生成同步码' : '生成离线同步码'}
                    </Button>
                    <Button
                      icon={<ExportOutlined />}
                      disabled={!b.fileSync || !b.dataOrgId}
                      title={!b.dataOrgId ? '先导入这个支部的同步文件' : undefined}
                      loading={busy === `reply-${b.id}`}
                      onClick={() => void makeReply(b)}
                    >
                      做回复文件
                    </Button>
                  </Space>
                ),
              },
            ]}
          />
        )}
      </Card>
      {error && <Alert type="error" showIcon message={error} />}
      <Modal
        open={code !== null}
        width={680}
        title={`「${code?.orgName ?? ''}」的离线同步码`}
        onCancel={() => setCode(null)}
        footer={[
          <Button key="print" size="large" icon={<PrinterOutlined />} onClick={() => setPrinting(true)}>
            打印交接单
          </Button>,
          <Button key="done" size="large" type="primary" onClick={() => setCode(null)}>
            已交给支部
          </Button>,
        ]}
      >
        <Typography.Paragraph>请打印交接单（或把下面的同步码抄在纸上），当面交给支部书记。支部在「同步 → 用同步文件」里输入一次即可。这个码只显示这一次。</Typography.Paragraph>
        <Typography.Paragraph copyable={{ text: code?.code ?? '' }} style={{ fontSize: 28, fontFamily: 'monospace', letterSpacing: 2, textAlign: 'center', whiteSpace: 'nowrap', margin: '24px 0' }} data-testid="file-code">
          {code?.code}
        </Typography.Paragraph>
      </Modal>
      {printing && code && (
        <FormPreview form={fileCodeSheet({ committeeName, branchName: code.orgName, code: code.code, date: todayInChina() })} fileName={`离线同步码交接单-${code.orgName}`} onClose={() => setPrinting(false)} />
      )}
    </Space>
  );
}
