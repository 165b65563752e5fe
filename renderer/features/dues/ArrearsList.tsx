/**
 * 欠缴提醒: who has months unpaid, how many in a row, and what the rules ask of the branch
 * (R-DUES-6M: from 3 months a talk; at 6 months 批评教育 and the branch assembly, then the committee).
 */
import { Alert, Button, Empty, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { duesReceipts } from '@shared/forms/dues';
import { membersArrears } from '@shared/rules/dues';
import { todayInChina } from '../../db/writes';
import { monthText, type DuesTabProps } from './DuesPage';
import { PaymentDialog } from './PaymentDialog';
import { useDuesBetween } from './hooks';
import { receiptsOf } from './receipts';

export function ArrearsList({ branch, members, ledgerStart, farmerFen, onPreview }: DuesTabProps) {
  const today = todayInChina();
  const rows = useDuesBetween(branch.id, ledgerStart, today.slice(0, 7));
  const [payFor, setPayFor] = useState<string | null>(null);
  const list = useMemo(
    () =>
      membersArrears(members, rows.value ?? [], ledgerStart, today)
        .filter((a) => a.unpaidMonths.length > 0)
        .sort((a, b) => b.consecutive - a.consecutive || b.unpaidMonths.length - a.unpaidMonths.length || a.person.name.localeCompare(b.person.name, 'zh-CN')),
    [rows.value, members, ledgerStart, today],
  );

  if (rows.loading) return null;
  if (list.length === 0) return <Empty description={`没有欠缴：到${monthText(today.slice(0, 7))}以前，每个人的党费都交了。`} />;
  const past = list.filter((a) => a.level === 'past').length;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Alert
        type={past ? 'error' : 'info'}
        showIcon
        message={`${list.length} 人有欠缴的月份${past ? `，其中 ${past} 人已连续6个月以上未交` : ''}`}
        description="本月的党费到月底才算欠缴。连续3个月未交的要谈话提醒；无正当理由连续6个月不交纳党费的，按规定视为自行脱党，需批评教育并由支部大会讨论后报上级党委。"
      />
      <Table
        size="middle"
        rowKey={(a) => a.person.id}
        pagination={false}
        dataSource={list}
        columns={[
          { title: '姓名', key: 'name', width: 100, render: (_, a) => a.person.name },
          {
            title: '连续未交',
            key: 'consecutive',
            width: 130,
            render: (_, a) => (
              <Space size="small">
                <span>{a.consecutive}个月</span>
                {a.level === 'past' && <Tag color="red">满6个月</Tag>}
                {a.level === 'warn' && <Tag color="orange">需谈话</Tag>}
              </Space>
            ),
          },
          { title: '未交月份', key: 'months', render: (_, a) => <Typography.Text>{a.unpaidMonths.map(monthText).join('、')}</Typography.Text> },
          {
            title: '要做的事',
            key: 'steps',
            render: (_, a) => (a.steps.length ? <ol style={{ margin: 0, paddingLeft: 18 }}>{a.steps.map((s) => <li key={s}>{s}</li>)}</ol> : '按月督促交纳'),
          },
          {
            title: '',
            key: 'pay',
            width: 90,
            render: (_, a) => (
              <Button size="small" onClick={() => setPayFor(a.person.id)}>
                补交
              </Button>
            ),
          },
        ]}
      />
      {payFor && (
        <PaymentDialog
          branch={branch}
          person={members.find((p) => p.id === payFor)!}
          ledgerStart={ledgerStart}
          farmerFen={farmerFen}
          onClose={() => setPayFor(null)}
          onPrint={(chosen, all) => onPreview({ form: duesReceipts(receiptsOf(chosen, all, members), branch.name), fileName: '党费收据' })}
        />
      )}
    </Space>
  );
}
