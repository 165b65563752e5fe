/**
 * 换届选举 at a meeting: the office and seats, the electors and ballots, the votes per candidate (write-ins
 * too); the result comes from the rules (tallyElection): quorum of four fifths, more than half of the
 * electors present, ties put to a further vote, ballots returned beyond those issued void the election.
 */
import { Alert, Button, Card, Input, InputNumber, Select, Space, Typography } from 'antd';
import type { MeetingDoc } from '@shared/model';
import { checkElectionNumbers, ELECTION_OFFICE_LABELS, tallyElection, type ElectionInput, type ElectionOffice } from '@shared/rules/elections';

export type Election = NonNullable<MeetingDoc['elections']>[number];
type Count = 'seats' | 'electorsExpected' | 'electorsPresent' | 'ballotsIssued' | 'ballotsReturned' | 'invalidBallots';

const COUNTS: { key: Count; label: string }[] = [
  { key: 'seats', label: '应选名额' },
  { key: 'electorsExpected', label: '应到选举人' },
  { key: 'electorsPresent', label: '实到选举人' },
  { key: 'ballotsIssued', label: '发出选票' },
  { key: 'ballotsReturned', label: '收回选票' },
  { key: 'invalidBallots', label: '无效票' },
];

export function electionInput(election: Election): ElectionInput {
  return { ...election, candidates: election.candidates.map((c) => ({ name: c.name, votes: c.votes, ...(c.writeIn ? { writeIn: true } : {}) })) };
}

function ElectionResult({ election }: { election: Election }) {
  if (election.candidates.length === 0 || election.ballotsReturned === 0) return <Typography.Text type="secondary">填写候选人和计票结果后，这里显示选举结果。</Typography.Text>;
  const input = electionInput(election);
  const problems = checkElectionNumbers(input);
  if (problems.length) {
    return <Alert type="error" showIcon message="这些数字不能成立，请核对" description={<ul style={{ margin: 0, paddingLeft: 20 }}>{problems.map((p) => <li key={p.message}>{p.message}</li>)}</ul>} />;
  }
  const tally = tallyElection(input);
  return (
    <Alert
      data-testid="election-result"
      type={tally.outcome === 'filled' ? 'success' : 'warning'}
      showIcon
      message={tally.elected.length ? `当选：${tally.elected.join('、')}` : '没有人当选'}
      description={
        <ul style={{ margin: 0, paddingLeft: 20 }}>
          {[...tally.reasons, ...tally.notes].map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      }
    />
  );
}

export function ElectionsEditor({ elections, electors, names, readOnly, onChange }: { elections: Election[]; electors: number; names: readonly string[]; readOnly: boolean; onChange: (elections: Election[]) => void }) {
  const set = (index: number, election: Election) => onChange(elections.map((e, i) => (i === index ? election : e)));
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {elections.map((election, index) => (
        <Card
          key={index}
          size="small"
          data-testid={`election-${index}`}
          title={
            <Space>
              <span>选举{index + 1}</span>
              <Select
                aria-label="选举职务"
                disabled={readOnly}
                style={{ width: '11em' }}
                value={election.office}
                options={(Object.keys(ELECTION_OFFICE_LABELS) as ElectionOffice[]).map((o) => ({ value: o, label: ELECTION_OFFICE_LABELS[o] }))}
                onChange={(office: ElectionOffice) => set(index, { ...election, office })}
              />
            </Space>
          }
          extra={
            !readOnly && (
              <Button type="link" danger onClick={() => onChange(elections.filter((_, i) => i !== index))}>
                删除此项选举
              </Button>
            )
          }
        >
          <Space wrap style={{ marginBottom: 8 }}>
            {COUNTS.map((c) => (
              <Space key={c.key} size={4}>
                <span>{c.label}</span>
                <InputNumber aria-label={c.label} disabled={readOnly} min={c.key === 'seats' ? 1 : 0} max={100000} precision={0} style={{ width: '5.5em' }} value={election[c.key]} onChange={(v) => set(index, { ...election, [c.key]: v ?? 0 })} />
              </Space>
            ))}
          </Space>
          <Typography.Text strong style={{ display: 'block' }}>
            候选人和得票（按姓氏笔画排列；另选他人也请加上）
          </Typography.Text>
          {election.candidates.map((candidate, c) => (
            <Space key={c} style={{ display: 'flex', margin: '4px 0' }} data-testid={`candidate-${index}-${c}`}>
              <Select
                aria-label="候选人"
                showSearch
                disabled={readOnly}
                style={{ width: '9em' }}
                value={candidate.name || undefined}
                placeholder="姓名"
                options={names.map((n) => ({ value: n, label: n }))}
                onChange={(name: string) => set(index, { ...election, candidates: election.candidates.map((x, j) => (j === c ? { ...x, name } : x)) })}
              />
              <span>得票</span>
              <InputNumber aria-label="得票" disabled={readOnly} min={0} max={100000} precision={0} style={{ width: '5.5em' }} value={candidate.votes} onChange={(v) => set(index, { ...election, candidates: election.candidates.map((x, j) => (j === c ? { ...x, votes: v ?? 0 } : x)) })} />
              {candidate.writeIn && <Typography.Text type="secondary">（另选他人）</Typography.Text>}
              {!readOnly && (
                <Button type="link" danger onClick={() => set(index, { ...election, candidates: election.candidates.filter((_, j) => j !== c) })}>
                  删除
                </Button>
              )}
            </Space>
          ))}
          {!readOnly && (
            <Space style={{ margin: '4px 0 8px' }}>
              <Button onClick={() => set(index, { ...election, candidates: [...election.candidates, { name: '', votes: 0 }] })}>添加候选人</Button>
              <Input
                aria-label="另选他人姓名"
                placeholder="另选他人的姓名，回车添加"
                style={{ width: '14em' }}
                maxLength={40}
                onPressEnter={(e) => {
                  const name = e.currentTarget.value.trim();
                  if (name) set(index, { ...election, candidates: [...election.candidates, { name, votes: 0, writeIn: true }] });
                  e.currentTarget.value = '';
                }}
              />
            </Space>
          )}
          <ElectionResult election={election} />
        </Card>
      ))}
      {!readOnly && (
        <Button
          onClick={() =>
            onChange([...elections, { office: 'committee', seats: 3, electorsExpected: electors, electorsPresent: 0, ballotsIssued: 0, ballotsReturned: 0, invalidBallots: 0, candidates: [] }])
          }
        >
          添加选举
        </Button>
      )}
    </Space>
  );
}
