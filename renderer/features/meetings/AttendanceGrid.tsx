/**
 * 出席登记: the expected members as a grid of name cards; one click moves a person on to the next
 * state (出席 → 请假 → 缺席 → 送学上门 → 出席). Those away get a reason field beside their card.
 */
import { Button, Card, Input, Space, Tag, Typography } from 'antd';
import type { AttendanceState, MeetingDoc, PersonDoc } from '@shared/model';

export const ATTENDANCE_LABELS: Record<AttendanceState, string> = { present: '出席', leave: '请假', absent: '缺席', 'home-study': '送学上门' };
const NEXT: Record<AttendanceState, AttendanceState> = { present: 'leave', leave: 'absent', absent: 'home-study', 'home-study': 'present' };
const COLORS: Record<AttendanceState, string> = { present: 'success', leave: 'warning', absent: 'error', 'home-study': 'processing' };

type Row = MeetingDoc['attendance'][number];

export function AttendanceGrid({ rows, people, readOnly, onChange }: { rows: Row[]; people: ReadonlyMap<string, PersonDoc>; readOnly: boolean; onChange: (rows: Row[]) => void }) {
  const counts = rows.reduce<Record<AttendanceState, number>>((n, r) => ({ ...n, [r.state]: n[r.state] + 1 }), { present: 0, leave: 0, absent: 0, 'home-study': 0 });
  const set = (index: number, row: Row) => onChange(rows.map((r, i) => (i === index ? row : r)));
  return (
    <Card size="small" title={`出席登记：应到 ${rows.length} 人`} extra={<Typography.Text>{(Object.keys(counts) as AttendanceState[]).map((s) => `${ATTENDANCE_LABELS[s]} ${counts[s]}`).join('，')}</Typography.Text>} data-testid="attendance">
      {!readOnly && <Typography.Paragraph type="secondary">点一下姓名切换：出席 → 请假 → 缺席 → 送学上门。请假、缺席的请写明原因。</Typography.Paragraph>}
      <Space wrap size={[8, 8]}>
        {rows.map((row, index) => {
          const person = people.get(row.personId);
          const away = row.state === 'leave' || row.state === 'absent';
          return (
            <Space key={row.personId} size={4} className="attendance-cell" data-state={row.state} data-testid={`attendance-${person?.name ?? row.personId}`}>
              <Button disabled={readOnly} onClick={() => set(index, { personId: row.personId, state: NEXT[row.state] })} style={{ minWidth: '7.5em' }}>
                {person?.name ?? '（已不在名册）'}
                {person?.status === 'probationary' ? '（预备）' : ''}
                <Tag color={COLORS[row.state]} style={{ marginInlineStart: 6, marginInlineEnd: 0 }}>
                  {ATTENDANCE_LABELS[row.state]}
                </Tag>
              </Button>
              {away && (
                <Input
                  aria-label={`${person?.name ?? ''}${ATTENDANCE_LABELS[row.state]}原因`}
                  placeholder="原因"
                  disabled={readOnly}
                  style={{ width: '9em' }}
                  maxLength={200}
                  value={row.reason ?? ''}
                  onChange={(e) => set(index, { ...row, reason: e.target.value })}
                />
              )}
            </Space>
          );
        })}
      </Space>
    </Card>
  );
}
