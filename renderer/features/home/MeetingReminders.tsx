/** The 三会一课 of this year not held on time, among the 首页's reminders (read once the 首页 shows). */
import { List, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import type { OrgDoc } from '@shared/model';
import { threeMeetingsCompliance, type ComplianceSlot } from '@shared/rules/meetings';
import { useMeetingsBetween } from '../meetings/hooks';

/** How many of the latest missing meetings the 首页 lists; the rest are in 会议记录 → 三会一课落实情况. */
const SHOWN = 5;

export function useMissingMeetings(branch: OrgDoc, today: string): ComplianceSlot[] {
  const from = `${today.slice(0, 4)}-01-01`;
  const meetings = useMeetingsBetween(branch.id, from, today);
  return useMemo(() => {
    if (!meetings.value) return [];
    const report = threeMeetingsCompliance(meetings.value, { from, to: today }, branch.groups, { hasCommittee: branch.committee.length > 1 });
    return report.missing.slice(-SHOWN).reverse();
  }, [meetings.value, from, today, branch.groups, branch.committee.length]);
}

export function MeetingReminders({ missing }: { missing: readonly ComplianceSlot[] }) {
  const navigate = useNavigate();
  if (missing.length === 0) return null;
  return (
    <List
      size="small"
      header={<Typography.Text strong>三会一课</Typography.Text>}
      dataSource={[...missing]}
      data-testid="reminders-meetings"
      renderItem={(slot) => (
        <List.Item style={{ cursor: 'pointer' }} onClick={() => navigate('/meetings')}>
          <span>
            <Tag color="error">未按时召开</Tag>
            {slot.message}
          </span>
        </List.Item>
      )}
    />
  );
}
