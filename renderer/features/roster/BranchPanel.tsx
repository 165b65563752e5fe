/** 支部: its committee and terms (换届, with the R-TERM reminder) and its party groups. */
import { Alert, App, Button, Card, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Select, Space, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { newId } from '../../db/random';
import { COMMITTEE_ROLES, type CommitteeRole, type OrgDoc } from '@shared/model';
import { termStatus } from '@shared/rules/term';
import { useDb } from '../../db/context';
import { todayInChina } from '../../db/writes';
import { useSaving } from '../../app/use-saving';
import { useRosterPeople } from './hooks';
import { updateOrg } from './org-writes';

const ROLE_LABELS: Record<CommitteeRole, string> = { secretary: '书记', deputy: '副书记', organization: '组织委员', publicity: '宣传委员', discipline: '纪检委员', other: '委员' };

export function BranchPanel({ branch }: { branch: OrgDoc }) {
  const db = useDb();
  const { message } = App.useApp();
  const people = useRosterPeople(branch.id);
  const members = useMemo(() => (people.value ?? []).filter((p) => p.onRoll && (p.status === 'full' || p.status === 'probationary')), [people.value]);
  const term = termStatus(branch, todayInChina());
  const [editingCommittee, setEditingCommittee] = useState(false);
  const [editingTerm, setEditingTerm] = useState(false);
  const [newGroup, setNewGroup] = useState('');
  const countIn = (groupId: string) => members.filter((p) => p.groupId === groupId).length;

  /** True when saved; on failure the message says why and the open dialog keeps what was typed. */
  const save = async (patch: Partial<OrgDoc>, done: string): Promise<boolean> => {
    try {
      await updateOrg(db, branch, patch);
      message.success(done);
      return true;
    } catch (error) {
      message.error(`保存失败：${(error as Error).message}`);
      return false;
    }
  };

  return (
    <Row gutter={[24, 24]}>
      <Col xs={24} xl={12}>
        <Card title="支部委员会" extra={<Button onClick={() => setEditingCommittee(true)}>修改委员</Button>}>
          {term ? (
            <Alert type={term.state === 'running' ? 'info' : term.state === 'due-soon' ? 'warning' : 'error'} showIcon message={term.message} style={{ marginBottom: 16 }} data-testid="term-status" />
          ) : (
            <Alert type="info" showIcon message="还没有记录本届选举日期，记录后会在届满前6个月提醒换届。" style={{ marginBottom: 16 }} />
          )}
          <Table
            size="small"
            pagination={false}
            rowKey={(m) => `${m.role}-${m.name}`}
            dataSource={branch.committee}
            columns={[
              { title: '职务', key: 'role', render: (_, m) => m.title ?? ROLE_LABELS[m.role] },
              { title: '姓名', dataIndex: 'name' },
              { title: '任职日期', dataIndex: 'since' },
            ]}
          />
          <Button style={{ marginTop: 16 }} onClick={() => setEditingTerm(true)}>
            记录换届选举
          </Button>
          {members.filter((p) => p.status === 'full').length < 7 && branch.committee.length > 2 && (
            <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
              正式党员不足7人的支部一般不设支部委员会，只设书记（可设副书记）。
            </Typography.Paragraph>
          )}
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card title="党小组">
          <Table
            size="small"
            pagination={false}
            rowKey="id"
            dataSource={branch.groups}
            columns={[
              { title: '名称', dataIndex: 'name' },
              { title: '人数', key: 'count', render: (_, g) => countIn(g.id) },
              {
                title: '组长',
                key: 'leader',
                render: (_, g) => (
                  <Select
                    style={{ width: 160 }}
                    allowClear
                    placeholder="选择组长"
                    value={g.leaderId}
                    aria-label={`${g.name}组长`}
                    options={members.filter((p) => p.groupId === g.id).map((p) => ({ value: p.id, label: p.name }))}
                    onChange={(leaderId?: string) =>
                      void save({ groups: branch.groups.map((x) => (x.id === g.id ? { id: x.id, name: x.name, ...(leaderId ? { leaderId } : {}) } : x)) }, '已设定组长')
                    }
                  />
                ),
              },
            ]}
          />
          <Space.Compact style={{ marginTop: 16 }}>
            <Input placeholder="新党小组名称，例如 第四党小组" value={newGroup} onChange={(e) => setNewGroup(e.target.value)} maxLength={40} />
            <Button
              type="primary"
              onClick={() => {
                const name = newGroup.trim();
                if (name.length < 2) return void message.warning('党小组名称至少2个字，例如“第四党小组”');
                if (branch.groups.some((g) => g.name === name)) return void message.warning('已有同名党小组');
                setNewGroup('');
                void save({ groups: [...branch.groups, { id: newId(), name }] }, `已建立${name}`);
              }}
            >
              建立党小组
            </Button>
          </Space.Compact>
        </Card>
      </Col>
      {editingCommittee && <CommitteeDialog branch={branch} memberNames={members.map((p) => ({ id: p.id, name: p.name }))} onClose={() => setEditingCommittee(false)} onSave={(committee) => save({ committee }, '已保存支部委员会')} />}
      {editingTerm && <TermDialog onClose={() => setEditingTerm(false)} onSave={(t) => save({ terms: [...branch.terms, t] }, '已记录换届选举')} />}
    </Row>
  );
}

function CommitteeDialog({ branch, memberNames, onClose, onSave }: { branch: OrgDoc; memberNames: { id: string; name: string }[]; onClose: () => void; onSave: (c: OrgDoc['committee']) => Promise<boolean> }) {
  const { message } = App.useApp();
  const [rows, setRows] = useState(branch.committee.map((m) => ({ ...m })));
  const { busy, save } = useSaving(onClose);
  const today = todayInChina();
  return (
    <Modal
      open
      width={760}
      title="修改支部委员会"
      okText="保存"
      cancelText="取消"
      onCancel={onClose}
      confirmLoading={busy}
      onOk={async () => {
        const cleaned = rows.filter((r) => r.name.trim());
        if (!cleaned.some((r) => r.role === 'secretary')) return void message.error('支部委员会必须有书记');
        if (cleaned.length > 7) return void message.error('支部委员会最多不超过7人');
        await save(() => onSave(cleaned));
      }}
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        {rows.map((row, i) => (
          <Space key={i} wrap>
            <Select style={{ width: 130 }} value={row.role} aria-label="职务" options={COMMITTEE_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))} onChange={(role) => setRows(rows.map((r, j) => (j === i ? { ...r, role, title: ROLE_LABELS[role] } : r)))} />
            <Select
              style={{ width: 160 }}
              showSearch
              value={row.personId ?? row.name}
              aria-label="姓名"
              options={memberNames.map((m) => ({ value: m.id, label: m.name }))}
              onChange={(id: string) => setRows(rows.map((r, j) => (j === i ? { ...r, personId: id, name: memberNames.find((m) => m.id === id)?.name ?? r.name } : r)))}
            />
            <Button danger onClick={() => setRows(rows.filter((_, j) => j !== i))}>
              移除
            </Button>
          </Space>
        ))}
        <Button onClick={() => setRows([...rows, { role: 'other', title: '委员', name: '', since: today }])}>添加委员</Button>
        <Typography.Text type="secondary">支部委员会一般由3至5人组成，最多不超过7人。</Typography.Text>
      </Space>
    </Modal>
  );
}

function TermDialog({ onClose, onSave }: { onClose: () => void; onSave: (t: OrgDoc['terms'][number]) => Promise<boolean> }) {
  const [form] = Form.useForm<{ electedOn: Dayjs; years: number }>();
  const { busy, save } = useSaving(onClose);
  return (
    <Modal
      open
      title="记录换届选举"
      okText="保存"
      cancelText="取消"
      onCancel={onClose}
      confirmLoading={busy}
      onOk={async () => {
        const v = await form.validateFields().catch(() => null);
        if (v) await save(() => onSave({ electedOn: v.electedOn.format('YYYY-MM-DD'), years: v.years }));
      }}
    >
      <Form form={form} layout="vertical" initialValues={{ years: 3, electedOn: dayjs() }}>
        <Form.Item name="electedOn" label="选举日期" rules={[{ required: true, message: '请选择选举日期' }]}>
          <DatePicker placeholder="请选择日期" />
        </Form.Item>
        <Form.Item name="years" label="任期（年）" extra="一般为3年；村和社区党支部为5年。" rules={[{ required: true }]}>
          <InputNumber min={3} max={5} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
