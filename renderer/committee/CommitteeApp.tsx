/**
 * 上级党委审阅: the same app signed in with a committee account (in a browser the server serves, or on the
 * committee's computer). Its own database holds what its branches synced, read-only: the queue of
 * requests (备案, 预审, 审批, 转正审批, 民主评议结果备案) where the committee approves, returns with comments and records a
 * 文号 (an `approvals` document, the only thing a committee writes); each branch's roster, minutes and dossiers;
 * statistics summed over the subtree, to Excel; and sync by file for branches that are never online.
 */
import { AuditOutlined, BankOutlined, LogoutOutlined, SwapOutlined, TeamOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, ConfigProvider, DatePicker, Drawer, Empty, Form, Input, Layout, Modal, Space, Table, Tabs, Tag, Typography } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { ulid } from 'ulid';
import { CATEGORY_LABELS, STATUS_LABELS } from '@shared/forms/labels';
import type { AppraisalDoc, ApprovalDoc, DossierDoc, MeetingDoc, OrgDoc, PersonDoc } from '@shared/model';
import { appraisalRequest, committeeRequests, type AppraisalRequest, type CommitteeRequest } from '@shared/rules/approvals';
import { RECRUITMENT_STAGE_NAMES, stageOfStep, stepLabel } from '@shared/rules/recruitment-steps';
import { MEETING_KIND_LABELS } from '@shared/rules/meetings';
import { countRoster } from '@shared/rules/roster';
import type { CommitteeBranch } from '@shared/sync/protocol';
import { themeFor } from '../app/theme';
import { useUiStore } from '../app/ui-store';
import type { BranchDatabase } from '../db/database';
import { DbProvider, useDb, useObservable } from '../db/context';
import { PrintHost } from '../print/PrintHost';
import { todayInChina } from '../db/writes';
import { tableWorkbook } from '../files/excel';
import { platform } from '../platform';
import { normalizeServerUrl, SyncError } from '../sync/http';
import { committeeBranches, resumeSync, signIn, signOut, syncNow } from '../sync/service';
import { useSyncStore } from '../sync/status';
import { FileSyncTab } from './FileSyncTab';
import { setAppMode } from './mode';

export function CommitteeApp({ db }: { db: BranchDatabase }) {
  const largeType = useUiStore((s) => s.largeType);
  return (
    <ConfigProvider locale={zhCN} theme={themeFor(largeType)} button={{ autoInsertSpace: false }}>
      <AntApp>
        <DbProvider db={db}>
          <CommitteeShell />
          {/* The 离线同步码交接单 prints from here. */}
          <PrintHost />
        </DbProvider>
      </AntApp>
    </ConfigProvider>
  );
}

function CommitteeShell() {
  const db = useDb();
  const sync = useSyncStore();
  useEffect(() => {
    void resumeSync(db);
  }, [db]);
  const backToBranch = () => {
    void signOut().then(() => {
      setAppMode('branch');
      window.location.reload();
    });
  };
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header className="app-header" style={{ gap: 16 }}>
        <Typography.Text strong className="app-header-title">
          <BankOutlined /> 支部工作台 · 上级党委审阅
        </Typography.Text>
        {sync.account && <Typography.Text>{sync.account.orgName}</Typography.Text>}
        <span style={{ marginLeft: 'auto' }} />
        {sync.account && <Tag color={sync.connection === 'online' ? 'success' : 'warning'}>{sync.connection === 'online' ? '在线' : '离线'}</Tag>}
        {sync.account ? (
          <Button icon={<LogoutOutlined />} onClick={() => void signOut()}>
            退出登录
          </Button>
        ) : (
          <Button onClick={backToBranch}>这是支部的电脑</Button>
        )}
      </Layout.Header>
      <Layout.Content className="app-content">{sync.connection === 'signed-out' ? <CommitteeSignIn /> : <CommitteeHome />}</Layout.Content>
    </Layout>
  );
}

function CommitteeSignIn() {
  const db = useDb();
  const [form] = Form.useForm<{ server: string; username: string; password: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Served by the committee's server itself: that is the address.
  const here = window.location.protocol.startsWith('http') ? window.location.origin : '';
  const submit = async () => {
    const values = form.getFieldsValue(true) as { server?: string; username?: string; password?: string };
    const serverUrl = normalizeServerUrl(values.server ?? '');
    if (!serverUrl) return setError('请填写服务器地址。');
    setBusy(true);
    setError(null);
    try {
      await signIn(db, { serverUrl, username: values.username ?? '', password: values.password ?? '', deviceName: '党委审阅' }, (account) =>
        account.role === 'committee' ? null : `「${account.orgName}」是党支部的账号，请在支部的电脑上用「同步」登录。`,
      );
    } catch (cause) {
      setError(cause instanceof SyncError ? cause.message : (cause as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space direction="vertical" size="large" style={{ maxWidth: 560 }}>
      <Typography.Title level={2}>上级党委登录</Typography.Title>
      <Typography.Paragraph>登录后可以查看所属各党支部同步上来的名册、会议记录和发展党员材料，并办理备案、预审、审批。</Typography.Paragraph>
      <Form form={form} layout="vertical" size="large" initialValues={{ server: here }}>
        <Form.Item label="服务器地址" name="server">
          <Input />
        </Form.Item>
        <Form.Item label="用户名" name="username">
          <Input autoComplete="username" />
        </Form.Item>
        <Form.Item label="密码" name="password">
          <Input.Password autoComplete="current-password" onPressEnter={() => void submit()} />
        </Form.Item>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
        <Button type="primary" size="large" loading={busy} onClick={() => void submit()}>
          登录
        </Button>
      </Form>
    </Space>
  );
}

interface Data {
  orgs: OrgDoc[];
  people: PersonDoc[];
  dossiers: DossierDoc[];
  meetings: MeetingDoc[];
  appraisals: AppraisalDoc[];
  approvals: ApprovalDoc[];
}

function useCommitteeData(): Data | null {
  const db = useDb();
  const orgs = useObservable(() => db.orgs.find().$, [db]);
  const people = useObservable(() => db.people.find().$, [db]);
  const dossiers = useObservable(() => db.dossiers.find().$, [db]);
  const meetings = useObservable(() => db.meetings.find().$, [db]);
  const appraisals = useObservable(() => db.appraisals.find().$, [db]);
  const approvals = useObservable(() => db.approvals.find().$, [db]);
  return useMemo(() => {
    if (orgs.loading || people.loading || dossiers.loading || meetings.loading || appraisals.loading || approvals.loading) return null;
    const plain = <T,>(docs: { toJSON(): unknown }[] | null | undefined) => (docs ?? []).map((d) => d.toJSON() as T);
    return {
      orgs: plain<OrgDoc>(orgs.value),
      people: plain<PersonDoc>(people.value),
      dossiers: plain<DossierDoc>(dossiers.value),
      meetings: plain<MeetingDoc>(meetings.value),
      appraisals: plain<AppraisalDoc>(appraisals.value),
      approvals: plain<ApprovalDoc>(approvals.value),
    };
  }, [orgs, people, dossiers, meetings, appraisals, approvals]);
}

interface QueueRowBase {
  key: string;
  /** The branch the request comes from. */
  orgId: string;
  branchName: string;
  /** Empty for a request about the whole branch (民主评议结果备案). */
  personName: string;
}

/** A dossier's request (备案, 预审, 审批, 转正审批) or a 民主评议结果备案, as one line of the queue. */
type QueueRow = (QueueRowBase & CommitteeRequest & { dossier: DossierDoc }) | (QueueRowBase & AppraisalRequest & { appraisal: AppraisalDoc });

function CommitteeHome() {
  const data = useCommitteeData();
  const [branches, setBranches] = useState<CommitteeBranch[]>([]);
  const { message } = AntApp.useApp();
  const [reloads, setReloads] = useState(0);
  useEffect(() => {
    committeeBranches().then(setBranches, (error: Error) => message.warning(error.message));
  }, [message, reloads]);
  const today = todayInChina();
  const queue = useMemo<QueueRow[]>(() => {
    if (!data) return [];
    const branchName = (orgId: string) => data.orgs.find((o) => o.id === orgId)?.name ?? '（未知支部）';
    const personName = (id: string) => data.people.find((p) => p.id === id)?.name ?? '';
    const dossierRows = data.dossiers.flatMap((dossier) =>
      committeeRequests(
        dossier,
        data.approvals.filter((a) => a.targetId === dossier.id),
        today,
      ).map((request): QueueRow => ({ ...request, key: `${dossier.id}-${request.step}`, orgId: dossier.orgId, branchName: branchName(dossier.orgId), personName: personName(dossier.personId), dossier })),
    );
    const appraisalRows = data.appraisals.flatMap((appraisal): QueueRow[] => {
      const request = appraisalRequest(
        appraisal,
        data.approvals.filter((a) => a.targetId === appraisal.id),
      );
      return request ? [{ ...request, key: appraisal.id, branchName: branchName(appraisal.orgId), personName: '', appraisal }] : [];
    });
    return [...dossierRows, ...appraisalRows];
  }, [data, today]);
  if (!data) return <Typography.Text>正在读取……</Typography.Text>;
  const waiting = queue.filter((q) => q.state === 'waiting');
  return (
    <Tabs
      size="large"
      items={[
        { key: 'queue', label: <span><AuditOutlined /> 待办审批（{waiting.length}）</span>, children: <Queue rows={queue} /> },
        { key: 'branches', label: <span><TeamOutlined /> 各支部（{branches.length}）</span>, children: <Branches branches={branches} data={data} queue={waiting} /> },
        { key: 'stats', label: '统计', children: <Statistics branches={branches} data={data} /> },
        { key: 'files', label: <span><SwapOutlined /> 文件同步</span>, children: <FileSyncTab branches={branches} onChanged={() => setReloads((n) => n + 1)} /> },
      ]}
    />
  );
}

function Queue({ rows }: { rows: QueueRow[] }) {
  const [acting, setActing] = useState<{ row: QueueRow; decision: 'approved' | 'returned' } | null>(null);
  if (rows.length === 0) return <Empty description="没有待办的备案、预审和审批。支部同步上来的申请会出现在这里。" />;
  return (
    <>
      <Table<QueueRow>
        rowKey="key"
        dataSource={rows}
        pagination={false}
        columns={[
          { title: '支部', dataIndex: 'branchName' },
          { title: '姓名', render: (_, row) => row.personName || '—' },
          { title: '事项', dataIndex: 'label' },
          { title: '报来日期', dataIndex: 'since' },
          {
            title: '期限',
            // No rule sets a time limit for the 民主评议结果备案: only a dossier's request has one.
            render: (_, row) => ('dossier' in row && row.due ? <span>{row.due} {row.overdue && <Tag color="error">已逾期</Tag>}</span> : '—'),
          },
          {
            title: '办理',
            render: (_, row) =>
              row.state === 'returned' ? (
                <Tag>已退回，等支部重新报送</Tag>
              ) : (
                <Space>
                  <Button type="primary" onClick={() => setActing({ row, decision: 'approved' })}>
                    同意
                  </Button>
                  <Button onClick={() => setActing({ row, decision: 'returned' })}>退回</Button>
                </Space>
              ),
          },
        ]}
      />
      {acting && <DecisionDialog {...acting} onClose={() => setActing(null)} />}
    </>
  );
}

function DecisionDialog({ row, decision, onClose }: { row: QueueRow; decision: 'approved' | 'returned'; onClose: () => void }) {
  const db = useDb();
  const { message } = AntApp.useApp();
  const account = useSyncStore((s) => s.account);
  const [values, setValues] = useState<{ docNo: string; comment: string; decidedOn: Dayjs }>({
    docNo: '',
    comment: decision === 'approved' ? '同意。' : '',
    decidedOn: dayjs(todayInChina()),
  });
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    if (!account) return;
    if (decision === 'returned' && !values.comment.trim()) return setError('退回时请写明原因和需要补充的材料。');
    const now = new Date().toISOString();
    // A dossier's request answers one of its 25 steps; a 民主评议结果备案 answers the whole appraisal, with no step.
    const target =
      'dossier' in row
        ? ({ targetCollection: 'dossiers', targetId: row.dossier.id, step: row.step, kind: row.kind } as const)
        : ({ targetCollection: 'appraisals', targetId: row.appraisal.id, kind: row.kind } as const);
    const approval: ApprovalDoc = {
      id: ulid(),
      orgId: row.orgId,
      createdAt: now,
      updatedAt: now,
      updatedBy: account.displayName,
      committeeId: account.orgId,
      ...target,
      decision,
      decidedOn: values.decidedOn.format('YYYY-MM-DD'),
      decidedBy: account.displayName,
      ...(values.comment.trim() ? { comment: values.comment.trim() } : {}),
      ...(values.docNo.trim() ? { docNo: values.docNo.trim() } : {}),
    };
    await db.approvals.insert(approval);
    message.success(decision === 'approved' ? `已同意${row.personName || row.branchName}的${row.label}，将同步给${row.branchName}。` : `已退回${row.branchName}。`);
    void syncNow().catch(() => undefined);
    onClose();
  };
  return (
    <Modal open title={`${decision === 'approved' ? '同意' : '退回'}：${[row.branchName, row.personName, row.label].filter(Boolean).join(' ')}`} okText="保存" onOk={() => void save()} onCancel={onClose}>
      <Form layout="vertical" size="large">
        <Form.Item label="日期">
          <DatePicker value={values.decidedOn} onChange={(d) => d && setValues({ ...values, decidedOn: d })} />
        </Form.Item>
        {decision === 'approved' && (
          <Form.Item label="文号（可不填）">
            <Input aria-label="文号" value={values.docNo} onChange={(e) => setValues({ ...values, docNo: e.target.value })} placeholder="例如 水机党〔2026〕12号" />
          </Form.Item>
        )}
        <Form.Item label={decision === 'approved' ? '意见' : '退回原因'}>
          <Input.TextArea aria-label={decision === 'approved' ? '意见' : '退回原因'} rows={3} value={values.comment} onChange={(e) => setValues({ ...values, comment: e.target.value })} />
        </Form.Item>
        {error && <Alert type="error" showIcon message={error} />}
      </Form>
    </Modal>
  );
}

function Branches({ branches, data, queue }: { branches: CommitteeBranch[]; data: Data; queue: QueueRow[] }) {
  const [open, setOpen] = useState<CommitteeBranch | null>(null);
  const rows = branches.filter((b) => b.kind === 'branch');
  return (
    <>
      <Table<CommitteeBranch>
        rowKey="id"
        dataSource={rows}
        pagination={false}
        onRow={(b) => ({ onClick: () => setOpen(b), style: { cursor: 'pointer' } })}
        columns={[
          { title: '支部', dataIndex: 'name' },
          { title: '上次同步', render: (_, b) => (b.lastSyncAt ? new Date(b.lastSyncAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' }) : <Tag>从未同步</Tag>) },
          { title: '党员', render: (_, b) => countRoster(data.people.filter((p) => p.orgId === b.dataOrgId)).members },
          { title: '会议记录', render: (_, b) => data.meetings.filter((m) => m.orgId === b.dataOrgId).length },
          {
            title: '待办',
            render: (_, b) => {
              const mine = queue.filter((q) => q.orgId === b.dataOrgId);
              return mine.length === 0 ? '—' : <Tag color={mine.some((q) => q.overdue) ? 'error' : 'processing'}>{mine.length} 项</Tag>;
            },
          },
        ]}
      />
      {open && <BranchDrawer branch={open} data={data} onClose={() => setOpen(null)} />}
    </>
  );
}

/** One branch, read-only: the committee never edits a branch's records. */
function BranchDrawer({ branch, data, onClose }: { branch: CommitteeBranch; data: Data; onClose: () => void }) {
  const people = data.people.filter((p) => p.orgId === branch.dataOrgId && p.onRoll);
  const meetings = data.meetings.filter((m) => m.orgId === branch.dataOrgId).sort((a, b) => (a.date < b.date ? 1 : -1));
  const dossiers = data.dossiers.filter((d) => d.orgId === branch.dataOrgId && d.state === 'open');
  const nameOf = (personId: string) => data.people.find((p) => p.id === personId)?.name ?? '';
  const lastStep = (d: DossierDoc) => d.events.reduce<DossierDoc['events'][number] | undefined>((last, e) => (!last || e.step >= last.step ? e : last), undefined);
  return (
    <Drawer open width={860} title={`${branch.name}（只读）`} onClose={onClose}>
      <Tabs
        items={[
          {
            key: 'people',
            label: `名册（${people.length}）`,
            children: (
              <Table<PersonDoc>
                rowKey="id"
                size="small"
                dataSource={people}
                pagination={{ pageSize: 20 }}
                columns={[
                  { title: '姓名', dataIndex: 'name' },
                  { title: '身份', render: (_, p) => STATUS_LABELS[p.status] },
                  { title: '类别', render: (_, p) => CATEGORY_LABELS[p.category] },
                  { title: '入党日期', dataIndex: 'joinedOn' },
                ]}
              />
            ),
          },
          {
            key: 'meetings',
            label: `会议记录（${meetings.length}）`,
            children: (
              <Table<MeetingDoc>
                rowKey="id"
                size="small"
                dataSource={meetings}
                pagination={{ pageSize: 20 }}
                columns={[
                  { title: '日期', dataIndex: 'date' },
                  { title: '类型', render: (_, m) => MEETING_KIND_LABELS[m.kind] },
                  { title: '主题', dataIndex: 'topic' },
                  { title: '状态', render: (_, m) => (m.status === 'final' ? '已定稿' : '草稿') },
                ]}
              />
            ),
          },
          {
            key: 'dossiers',
            label: `发展党员（${dossiers.length}）`,
            children: (
              <Table<DossierDoc>
                rowKey="id"
                size="small"
                dataSource={dossiers}
                pagination={{ pageSize: 20 }}
                columns={[
                  { title: '姓名', render: (_, d) => nameOf(d.personId) },
                  { title: '阶段', render: (_, d) => (lastStep(d) ? RECRUITMENT_STAGE_NAMES[stageOfStep(lastStep(d)!.step)] : '—') },
                  { title: '已到', render: (_, d) => (lastStep(d) ? stepLabel(lastStep(d)!.step, lastStep(d)!.date) : '—') },
                  { title: '文号', render: (_, d) => lastStep(d)?.docNo ?? '' },
                ]}
              />
            ),
          },
        ]}
      />
    </Drawer>
  );
}

const STAT_HEADERS = ['支部', '党员', '正式党员', '预备党员', '女党员', '离退休党员', '流动党员', '发展对象', '入党积极分子', '入党申请人'];

function Statistics({ branches, data }: { branches: CommitteeBranch[]; data: Data }) {
  const { message } = AntApp.useApp();
  const rows = branches
    .filter((b) => b.kind === 'branch')
    .map((b) => {
      const c = countRoster(data.people.filter((p) => p.orgId === b.dataOrgId));
      return [b.name, c.members, c.full, c.probationary, c.women, c.retired, c.mobile, c.candidates, c.activists, c.applicants];
    });
  const total = ['合计', ...STAT_HEADERS.slice(1).map((_, i) => rows.reduce((sum, r) => sum + Number(r[i + 1]), 0))];
  const table = [...rows, total].map((r) => r.map(String));
  const exportExcel = async () => {
    const bytes = await tableWorkbook('党员统计表', `${useSyncStore.getState().account?.orgName ?? ''} ${todayInChina()}`, STAT_HEADERS, table);
    const saved = await platform().saveFile({ suggestedName: `党员统计表-${todayInChina()}.xlsx`, data: bytes, filters: [{ name: 'Excel', extensions: ['xlsx'] }] });
    if (saved.saved) message.success('已导出。');
  };
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Table
        rowKey={(r) => r[0]!}
        dataSource={table}
        pagination={false}
        columns={STAT_HEADERS.map((title, i) => ({ title, render: (_: unknown, r: string[]) => r[i] }))}
      />
      <Button onClick={() => void exportExcel()}>导出Excel</Button>
    </Space>
  );
}
