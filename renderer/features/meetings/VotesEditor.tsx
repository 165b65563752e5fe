/**
 * 表决: one vote per candidate or motion. The result is never typed: it is computed from the numbers
 * by the rules (tallyVote), with the reasons read out; numbers that cannot be right are named, and a
 * vote that does not pass can never print as passed.
 */
import { Alert, Button, Card, Input, InputNumber, Select, Space, Typography } from 'antd';
import type { MeetingDoc, PersonDoc } from '@shared/model';
import { meetingVoteInput } from '@shared/rules/meetings';
import { checkVoteNumbers, tallyVote, type VoteMotion } from '@shared/rules/votes';

type Vote = MeetingDoc['votes'][number];
type Count = 'excluded' | 'yes' | 'no' | 'abstain' | 'writtenYes' | 'writtenNo' | 'writtenAbstain' | 'ballotsIssued' | 'ballotsReturned';

const MOTIONS: { value: VoteMotion; label: string }[] = [
  { value: 'admit', label: '接收预备党员' },
  { value: 'confirm', label: '预备党员转正' },
  { value: 'extend', label: '延长预备期' },
  { value: 'other', label: '其他事项' },
];
const COUNTS: { key: Count; label: string; ballotOnly?: boolean }[] = [
  { key: 'excluded', label: '经批准不计入应到会' },
  { key: 'yes', label: '赞成' },
  { key: 'no', label: '反对' },
  { key: 'abstain', label: '弃权' },
  { key: 'writtenYes', label: '书面赞成' },
  { key: 'writtenNo', label: '书面反对' },
  { key: 'writtenAbstain', label: '书面弃权' },
  { key: 'ballotsIssued', label: '发出选票', ballotOnly: true },
  { key: 'ballotsReturned', label: '收回选票', ballotOnly: true },
];

function VoteResult({ meeting, vote, fullMemberIds }: { meeting: MeetingDoc; vote: Vote; fullMemberIds: readonly string[] }) {
  const input = meetingVoteInput(meeting, vote, fullMemberIds);
  const counted = vote.yes + vote.no + vote.abstain;
  if (counted === 0) return <Typography.Text type="secondary">填写票数后，这里显示表决结果。</Typography.Text>;
  const problems = checkVoteNumbers(input);
  if (problems.length > 0) {
    return <Alert type="error" showIcon message="这些数字不能成立，请核对" description={<ul style={{ margin: 0, paddingLeft: 20 }}>{problems.map((p) => <li key={p.field + p.message}>{p.message}</li>)}</ul>} />;
  }
  const tally = tallyVote(input);
  return (
    <Alert
      type={tally.passed ? 'success' : 'warning'}
      showIcon
      data-testid="vote-result"
      message={tally.passed ? '表决通过' : tally.outcome === 'tie' ? '赞成票恰好半数，未通过' : tally.outcome === 'no-quorum' ? '到会人数不足，不能表决' : '表决未通过'}
      description={
        <ul style={{ margin: 0, paddingLeft: 20 }}>
          {tally.reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      }
    />
  );
}

export function VotesEditor({
  meeting,
  candidates,
  fullMemberIds,
  readOnly,
  onChange,
}: {
  meeting: MeetingDoc;
  candidates: readonly PersonDoc[];
  fullMemberIds: readonly string[];
  readOnly: boolean;
  onChange: (votes: Vote[]) => void;
}) {
  const votes = meeting.votes;
  const set = (index: number, vote: Vote) => onChange(votes.map((v, i) => (i === index ? vote : v)));
  const present = meeting.attendance.filter((a) => a.state === 'present' && fullMemberIds.includes(a.personId)).length;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Text type="secondary">
        有表决权的正式党员 {fullMemberIds.length} 人（预备党员没有表决权）；按出席登记，实到会有表决权的 {present} 人。每位同志单独讨论、单独表决。
      </Typography.Text>
      {votes.map((vote, index) => (
        <Card
          key={index}
          size="small"
          data-testid={`vote-${index}`}
          title={`表决${index + 1}`}
          extra={
            !readOnly && (
              <Button type="link" danger onClick={() => onChange(votes.filter((_, i) => i !== index))}>
                删除此项表决
              </Button>
            )
          }
        >
          <Space wrap style={{ marginBottom: 8 }}>
            <Select
              aria-label="表决事项类别"
              disabled={readOnly}
              style={{ width: '10em' }}
              value={vote.motion}
              options={MOTIONS}
              onChange={(motion: VoteMotion) => set(index, { ...vote, motion })}
            />
            {vote.motion !== 'other' && (
              <Select
                aria-label="表决对象"
                disabled={readOnly}
                style={{ width: '9em' }}
                placeholder="哪位同志"
                value={vote.aboutPersonId}
                options={candidates.filter((c) => (vote.motion === 'admit' ? c.status === 'candidate' : c.status === 'probationary')).map((c) => ({ value: c.id, label: c.name }))}
                onChange={(id: string) => {
                  const who = candidates.find((c) => c.id === id)?.name ?? '';
                  const motion = MOTIONS.find((m) => m.value === vote.motion)!.label;
                  set(index, { ...vote, aboutPersonId: id, subject: `${motion}：${who}` });
                }}
              />
            )}
            <Input aria-label="表决事项" disabled={readOnly} style={{ width: '18em' }} placeholder="表决事项" maxLength={100} value={vote.subject} onChange={(e) => set(index, { ...vote, subject: e.target.value })} />
            <Select
              aria-label="表决方式"
              disabled={readOnly}
              style={{ width: '8em' }}
              value={vote.method}
              options={[
                { value: 'hands', label: '举手表决' },
                { value: 'ballot', label: '无记名投票' },
              ]}
              onChange={(method: Vote['method']) => set(index, { ...vote, method })}
            />
          </Space>
          <Space wrap style={{ marginBottom: 8 }}>
            {COUNTS.filter((c) => !c.ballotOnly || vote.method === 'ballot').map((c) => (
              <Space key={c.key} size={4}>
                <span>{c.label}</span>
                <InputNumber
                  aria-label={c.label}
                  disabled={readOnly}
                  min={0}
                  max={100000}
                  precision={0}
                  style={{ width: '5em' }}
                  value={vote[c.key] ?? null}
                  onChange={(value) => {
                    const next: Vote = { ...vote };
                    if (value === null || value === undefined) {
                      if (c.key === 'yes' || c.key === 'no' || c.key === 'abstain') next[c.key] = 0;
                      else delete next[c.key];
                    } else next[c.key] = value;
                    set(index, next);
                  }}
                />
              </Space>
            ))}
          </Space>
          <VoteResult meeting={meeting} vote={vote} fullMemberIds={fullMemberIds} />
        </Card>
      ))}
      {!readOnly && meeting.kind === 'assembly' && (
        <Button onClick={() => onChange([...votes, { motion: candidates.length ? 'admit' : 'other', subject: '', method: 'hands', yes: 0, no: 0, abstain: 0 }])}>添加表决</Button>
      )}
      {!readOnly && meeting.kind !== 'assembly' && (
        <Button onClick={() => onChange([...votes, { motion: 'other', subject: '', method: 'hands', yes: 0, no: 0, abstain: 0 }])}>添加表决</Button>
      )}
    </Space>
  );
}
