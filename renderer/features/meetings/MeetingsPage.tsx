/**
 * 会议记录: the branch's minutes, newest first, a page at a time (a large branch holds thousands), by
 * year and kind; each shows whether it is final or what it still lacks. New minutes start from the
 * template of their kind.
 */
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, Modal, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import type { MangoQuerySelector } from 'rxdb';
import { MEETING_KINDS, type MeetingDoc, type MeetingKind, type OrgDoc } from '@shared/model';
import { MEETING_KIND_LABELS, meetingGaps } from '@shared/rules/meetings';
import { readDate } from '@shared/rules/person';
import { markOnce } from '../../app/marks';
import { useDb } from '../../db/context';
import { todayInChina } from '../../db/writes';
import { useRosterPeople } from '../roster/hooks';
import { ServerMark } from '../sync/ServerMark';
import { CompliancePanel } from './CompliancePanel';
import { createMeeting } from './writes';

const PAGE_SIZE = 20;

interface Page {
  rows: MeetingDoc[];
  total: number;
}

function useMeetingPage(orgId: string, year: number | 'all', kind: MeetingKind | 'all', page: number): { data: Page | null; error: Error | null } {
  const db = useDb();
  const [state, setState] = useState<{ data: Page | null; error: Error | null }>({ data: null, error: null });
  useEffect(() => {
    const selector: MangoQuerySelector<MeetingDoc> = { orgId };
    if (kind !== 'all') selector.kind = kind;
    selector.date = year === 'all' ? { $gte: '0000' } : { $gte: `${year}-01-01`, $lte: `${year}-12-31` };
    const rows$ = db.meetings.find({ selector, sort: [{ date: 'desc' }], skip: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE }).$;
    const count$ = db.meetings.count({ selector }).$;
    let rows: MeetingDoc[] | null = null;
    let total: number | null = null;
    const publish = () => {
      if (rows && total !== null) setState({ data: { rows, total }, error: null });
    };
    const fail = (error: Error) => setState({ data: null, error });
    const a = rows$.subscribe({ next: (docs) => ((rows = docs.map((d) => d.toMutableJSON(false) as MeetingDoc)), publish()), error: fail });
    const b = count$.subscribe({ next: (n) => ((total = n), publish()), error: fail });
    return () => {
      a.unsubscribe();
      b.unsubscribe();
    };
  }, [db, orgId, year, kind, page]);
  return state;
}

function NewMeetingDialog({ branch, onClose }: { branch: OrgDoc; onClose: () => void }) {
  const db = useDb();
  const people = useRosterPeople(branch.id);
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ kind: MeetingKind; date: string; groupId?: string }>();
  const kind = Form.useWatch('kind', form);
  const [busy, setBusy] = useState(false);
  const create = async () => {
    const v = form.getFieldsValue();
    const date = readDate(v.date ?? '');
    if (!date) return void message.error('请填写会议日期，例如 2026-11-23');
    if (v.kind === 'group' && !v.groupId) return void message.error('请选择召开会议的党小组');
    setBusy(true);
    try {
      const meeting = await createMeeting(db, branch, people.value ?? [], v.kind, date, v.groupId);
      navigate(`/meetings/${meeting.id}`);
    } catch (error) {
      message.error(`新建失败：${(error as Error).message}`);
      setBusy(false);
    }
  };
  return (
    <Modal open title="新建会议记录" okText="新建" cancelText="取消" confirmLoading={busy || people.loading} onOk={() => void create()} onCancel={onClose}>
      <Form form={form} name="new-meeting" layout="vertical" initialValues={{ kind: 'assembly', date: todayInChina() }}>
        <Form.Item name="kind" label="会议类别">
          <Select options={MEETING_KINDS.map((k) => ({ value: k, label: MEETING_KIND_LABELS[k] }))} />
        </Form.Item>
        {kind === 'group' && (
          <Form.Item name="groupId" label="党小组">
            <Select options={branch.groups.map((g) => ({ value: g.id, label: g.name }))} />
          </Form.Item>
        )}
        <Form.Item name="date" label="会议日期">
          <Input style={{ width: '10em' }} />
        </Form.Item>
        <Typography.Text type="secondary">新记录会按会议类别预先填好议程和应到会人员，全部先记为出席，只需点选缺席、请假的人。</Typography.Text>
      </Form>
    </Modal>
  );
}

export function MeetingsPage({ branch }: { branch: OrgDoc }) {
  const navigate = useNavigate();
  const thisYear = Number(todayInChina().slice(0, 4));
  const [year, setYear] = useState<number | 'all'>(thisYear);
  const [kind, setKind] = useState<MeetingKind | 'all'>('all');
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const { data, error } = useMeetingPage(branch.id, year, kind, page);
  useEffect(() => {
    if (data) markOnce('bd:meetings-list');
  }, [data]);
  const years = useMemo(() => Array.from({ length: 6 }, (_, i) => thisYear - i), [thisYear]);

  const list = (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          新建会议记录
        </Button>
        <Select
          aria-label="年份"
          style={{ width: '8em' }}
          value={year}
          onChange={(v) => (setYear(v), setPage(1))}
          options={[...years.map((y) => ({ value: y, label: `${y}年` })), { value: 'all' as const, label: '全部年份' }]}
        />
        <Select
          aria-label="会议类别"
          style={{ width: '12em' }}
          value={kind}
          onChange={(v) => (setKind(v), setPage(1))}
          options={[{ value: 'all' as const, label: '全部类别' }, ...MEETING_KINDS.map((k) => ({ value: k, label: MEETING_KIND_LABELS[k] }))]}
        />
      </Space>
      {error && <Typography.Text type="danger">读取会议记录出错：{error.message}</Typography.Text>}
      <Table<MeetingDoc>
        rowKey="id"
        data-testid="meetings-list"
        loading={!data && !error}
        dataSource={data?.rows ?? []}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: data?.total ?? 0, showSizeChanger: false, onChange: setPage, showTotal: (total) => `共 ${total} 次会议` }}
        onRow={(m) => ({ onClick: () => navigate(`/meetings/${m.id}`), style: { cursor: 'pointer' } })}
        locale={{ emptyText: '这段时间没有会议记录' }}
        columns={[
          { title: '日期', dataIndex: 'date', width: 120 },
          { title: '类别', key: 'kind', width: 150, render: (_, m) => MEETING_KIND_LABELS[m.kind] },
          { title: '主题', key: 'topic', render: (_, m) => m.topic ?? m.agenda[0]?.title ?? '' },
          {
            title: '出席',
            key: 'attendance',
            width: 100,
            render: (_, m) => `${m.attendance.filter((a) => a.state === 'present').length}/${m.attendance.length}`,
          },
          {
            title: '状态',
            key: 'status',
            width: 200,
            render: (_, m) => {
              if (m.status === 'final')
                return (
                  <Space size={[4, 4]} wrap>
                    <Tag color="success">已定稿</Tag>
                    <ServerMark collection="meetings" id={m.id} updatedAt={m.updatedAt} />
                  </Space>
                );
              const gaps = meetingGaps(m).length;
              return <Tag color={gaps ? 'warning' : 'processing'}>{gaps ? `草稿，缺 ${gaps} 项` : '草稿，可以定稿'}</Tag>;
            },
          },
        ]}
      />
    </>
  );

  return (
    <Card title="会议记录">
      <Tabs
        items={[
          { key: 'list', label: '会议记录', children: list },
          { key: 'compliance', label: '三会一课落实情况', children: <CompliancePanel branch={branch} /> },
        ]}
      />
      {creating && <NewMeetingDialog branch={branch} onClose={() => setCreating(false)} />}
    </Card>
  );
}
