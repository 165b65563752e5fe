/**
 * 三会一课落实情况: for a chosen period, which required meetings were held, which are missing and which
 * still have time; each member's attendance rate, lowest first. Also the whole year's minutes as one
 * bound PDF with page numbers.
 */
import { App, Button, Card, Input, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { minutesForm } from '@shared/forms/minutes';
import type { OrgDoc } from '@shared/model';
import { attendanceRates, hasBranchCommittee, threeMeetingsCompliance, type ComplianceStatus } from '@shared/rules/meetings';
import { readDate } from '@shared/rules/person';
import { todayInChina } from '../../db/writes';
import { FormPreview } from '../../print/FormPreview';
import { useRosterPeople } from '../roster/hooks';
import { useHomeStudyCredits } from '../care/hooks';
import { useMeetingsBetween } from './hooks';

const STATUS: Record<ComplianceStatus, { color: string; text: string }> = {
  held: { color: 'success', text: '已开' },
  missing: { color: 'error', text: '未开' },
  open: { color: 'default', text: '未到期' },
};

export function CompliancePanel({ branch }: { branch: OrgDoc }) {
  const { message } = App.useApp();
  const today = todayInChina();
  const [period, setPeriod] = useState({ from: `${today.slice(0, 4)}-01-01`, to: today });
  const [typed, setTyped] = useState(period);
  const meetings = useMeetingsBetween(branch.id, period.from, period.to);
  const people = useRosterPeople(branch.id);
  const homeStudy = useHomeStudyCredits(branch.id);
  const [bound, setBound] = useState(false);

  const fullMembers = (people.value ?? []).filter((p) => p.onRoll && p.status === 'full').length;
  const report = useMemo(
    () => (meetings.value ? threeMeetingsCompliance(meetings.value, period, branch.groups, { hasCommittee: hasBranchCommittee(branch, fullMembers) }) : null),
    [meetings.value, period, branch, fullMembers],
  );
  const byId = useMemo(() => new Map((people.value ?? []).map((p) => [p.id, p])), [people.value]);
  const rates = useMemo(() => {
    const members = (people.value ?? []).filter((p) => p.onRoll && (p.status === 'full' || p.status === 'probationary')).map((p) => p.id);
    return meetings.value ? attendanceRates(meetings.value, members, homeStudy.value ?? []) : [];
  }, [meetings.value, people.value, homeStudy.value]);

  const apply = () => {
    const from = readDate(typed.from);
    const to = readDate(typed.to);
    if (!from || !to) return void message.error('日期格式不对，例如 2026-01-01');
    if (from > to) return void message.error('开始日期晚于结束日期');
    setPeriod({ from, to });
  };
  const finals = (meetings.value ?? []).filter((m) => m.status === 'final');

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <span>统计期间</span>
        <Input aria-label="开始日期" style={{ width: '9em' }} value={typed.from} onChange={(e) => setTyped({ ...typed, from: e.target.value })} />
        <span>至</span>
        <Input aria-label="结束日期" style={{ width: '9em' }} value={typed.to} onChange={(e) => setTyped({ ...typed, to: e.target.value })} />
        <Button onClick={apply}>查看</Button>
        <Button disabled={finals.length === 0} onClick={() => setBound(true)}>
          打印这段期间已定稿的会议记录（{finals.length}份，合订）
        </Button>
      </Space>
      {report && (
        <Typography.Text data-testid="compliance-totals">
          应开 {report.totals.slots} 次，已开 {report.totals.held} 次，未开 {report.totals.missing} 次，未到期 {report.totals.open} 次。
        </Typography.Text>
      )}
      <Table
        size="small"
        rowKey={(r) => `${r.kind}-${r.groupId ?? ''}`}
        loading={meetings.loading}
        pagination={false}
        data-testid="compliance"
        dataSource={report?.required ?? []}
        columns={[
          { title: '会议', dataIndex: 'label', width: 200 },
          { title: '要求', dataIndex: 'rule', width: 140 },
          {
            title: '落实情况',
            key: 'slots',
            render: (_, r) => (
              <Space wrap size={[4, 4]}>
                {r.slots.map((s) => (
                  <Tooltip key={s.bucket.key} title={s.message}>
                    <Tag color={STATUS[s.status].color}>
                      {s.bucket.label.replace(/^\d{4}年/, '')} {STATUS[s.status].text}
                      {s.draftOnly ? '（草稿）' : ''}
                    </Tag>
                  </Tooltip>
                ))}
              </Space>
            ),
          },
        ]}
      />
      <Card size="small" title="党员参会情况（出勤率低的在前）" data-testid="attendance-rates">
        <Table
          size="small"
          rowKey="personId"
          pagination={{ pageSize: 10, showSizeChanger: false }}
          dataSource={rates}
          columns={[
            { title: '姓名', key: 'name', render: (_, r) => byId.get(r.personId)?.name ?? '' },
            { title: '应参加', dataIndex: 'expected' },
            { title: '出席', dataIndex: 'present' },
            { title: '送学上门', dataIndex: 'homeStudy' },
            { title: '请假', dataIndex: 'leave' },
            { title: '缺席', dataIndex: 'absent' },
            { title: '参会率', key: 'rate', render: (_, r) => (r.rate === null ? '—' : `${Math.round(r.rate * 100)}%`) },
          ]}
        />
      </Card>
      {bound && (
        <FormPreview
          form={finals.map((m) => minutesForm(m, { branchName: branch.name, people: byId, fullMembersOnRoll: fullMembers }))}
          fileName={`会议记录合订本-${period.from}至${period.to}`}
          onClose={() => setBound(false)}
        />
      )}
    </Space>
  );
}
