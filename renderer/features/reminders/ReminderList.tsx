/** A list of reminders: how urgent, what, why, and a click to where it is fixed. */
import { List, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { CENTRE_KIND_LABELS, type CentreItem, type Urgency } from '@shared/rules/reminder-centre';

const URGENCY: Record<Urgency, { color: string; text: string }> = {
  overdue: { color: 'error', text: '已过期' },
  soon: { color: 'warning', text: '快到期' },
  later: { color: 'default', text: '留意' },
};

export function ReminderList({ items, testId = 'reminders' }: { items: readonly CentreItem[]; testId?: string }) {
  const navigate = useNavigate();
  return (
    <List
      size="small"
      data-testid={testId}
      dataSource={[...items]}
      renderItem={(item) => (
        <List.Item style={{ cursor: 'pointer' }} onClick={() => navigate(item.link)} data-kind={item.kind}>
          <List.Item.Meta
            title={
              <span>
                <Tag color={URGENCY[item.urgency].color}>{URGENCY[item.urgency].text}</Tag>
                <Tag>{CENTRE_KIND_LABELS[item.kind]}</Tag>
                {item.title}
              </span>
            }
            description={<Typography.Text type="secondary">{item.detail}</Typography.Text>}
          />
        </List.Item>
      )}
    />
  );
}
