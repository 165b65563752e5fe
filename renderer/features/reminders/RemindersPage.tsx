/**
 * 提醒: everything due in the branch in one list, most urgent first, each a click away from where it
 * is fixed. A private self-check for the secretary: nothing here is sent or scored.
 */
import { Card, Empty, Segmented, Space, Typography } from 'antd';
import { useState } from 'react';
import type { OrgDoc } from '@shared/model';
import type { Urgency } from '@shared/rules/reminder-centre';
import { todayInChina } from '../../db/writes';
import { ReminderList } from './ReminderList';
import { useReminderCentre } from './hooks';

export function RemindersPage({ branch }: { branch: OrgDoc }) {
  const items = useReminderCentre(branch, todayInChina());
  const [shown, setShown] = useState<Urgency | 'all'>('all');
  if (!items) return <Card loading title="提醒" />;
  const count = (u: Urgency) => items.filter((i) => i.urgency === u).length;
  const list = shown === 'all' ? items : items.filter((i) => i.urgency === shown);
  return (
    <Card title="提醒" extra={<Typography.Text type="secondary">只给您自己看的自查清单，不上报、不打分</Typography.Text>}>
      {items.length === 0 ? (
        <Empty description="眼下没有要办的事。" />
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Segmented
            value={shown}
            onChange={(v) => setShown(v as Urgency | 'all')}
            options={[
              { value: 'all', label: `全部 ${items.length}` },
              { value: 'overdue', label: `已过期 ${count('overdue')}` },
              { value: 'soon', label: `快到期 ${count('soon')}` },
              { value: 'later', label: `留意 ${count('later')}` },
            ]}
          />
          <ReminderList items={list} />
        </Space>
      )}
    </Card>
  );
}
