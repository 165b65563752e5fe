/**
 * Two ways to take the anonymous ballots. 录入纸质测评票: the paper ballots typed in one after another,
 * keyboard only (1 优秀, 2 合格, 3 基本合格, 4 不合格, 0 未评; Enter saves the ballot). 轮流投票: the laptop
 * passed round, one member at a time, on a screen that never shows an earlier vote.
 */
import { Alert, App, Button, Modal, Radio, Space, Table, Tag, Typography } from 'antd';
import { useState, type KeyboardEvent } from 'react';
import type { AppraisalDoc, AppraisalGrade, PersonDoc } from '@shared/model';
import { APPRAISAL_GRADE_LABELS, checkBallot, type AppraisalBallot } from '@shared/rules/appraisal';
import { useDb } from '../../db/context';
import { addBallot, removeLastBallot } from './writes';

const KEYS: Record<string, AppraisalGrade | null> = { '1': 'excellent', '2': 'qualified', '3': 'basically-qualified', '4': 'unqualified', '0': null };
const GRADES = Object.keys(APPRAISAL_GRADE_LABELS) as AppraisalGrade[];

type Grades = Record<string, AppraisalGrade | undefined>;
const ballotOf = (participants: readonly PersonDoc[], grades: Grades): AppraisalBallot => ({
  grades: participants.flatMap((p) => (grades[p.id] ? [{ personId: p.id, grade: grades[p.id]! }] : [])),
});

export function PaperBallotEntry({ appraisal, participants }: { appraisal: AppraisalDoc; participants: readonly PersonDoc[] }) {
  const db = useDb();
  const { message } = App.useApp();
  const [grades, setGrades] = useState<Grades>({});
  const [row, setRow] = useState(0);
  const [busy, setBusy] = useState(false);

  const save = async () => {
    const ballot = ballotOf(participants, grades);
    const { warnings } = checkBallot(ballot, participants);
    setBusy(true);
    try {
      await addBallot(db, appraisal, ballot, participants);
      message.success(`已录入第 ${appraisal.ballots.length + 1} 张测评票${warnings.length ? `（${warnings.join('；')}）` : ''}`);
      setGrades({});
      setRow(0);
    } catch (error) {
      message.error(`这张票没有录入：${(error as Error).message}`);
    } finally {
      setBusy(false);
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key in KEYS) {
      const person = participants[row];
      if (!person) return;
      setGrades({ ...grades, [person.id]: KEYS[e.key] ?? undefined });
      setRow(Math.min(row + 1, participants.length));
      e.preventDefault();
    } else if (e.key === 'ArrowDown') setRow(Math.min(row + 1, participants.length - 1));
    else if (e.key === 'ArrowUp') setRow(Math.max(row - 1, 0));
    else if (e.key === 'Enter') {
      e.preventDefault();
      if (!busy) void save();
    }
  };

  return (
    <div>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        message={`一张一张录入纸质测评票：点一下下面的表格，然后按 1 优秀、2 合格、3 基本合格、4 不合格、0 未评，每按一次移到下一人；按 Enter 保存这张票。已录入 ${appraisal.ballots.length} 张。`}
      />
      <div tabIndex={0} onKeyDown={onKeyDown} className="ballot-entry" data-testid="ballot-entry" aria-label="测评票录入，按数字键评定">
        <Table
          size="small"
          pagination={false}
          rowKey="id"
          dataSource={[...participants]}
          rowClassName={(_, i) => (i === row ? 'ballot-entry-current' : '')}
          onRow={(_, i) => ({ onClick: () => setRow(i ?? 0) })}
          columns={[
            { title: '序号', key: 'n', width: 60, render: (_, __, i) => i + 1 },
            { title: '姓名', dataIndex: 'name' },
            { title: '评定', key: 'grade', render: (_, p) => (grades[p.id] ? <Tag color="blue">{APPRAISAL_GRADE_LABELS[grades[p.id]!]}</Tag> : <Typography.Text type="secondary">未评</Typography.Text>) },
          ]}
        />
      </div>
      <Space style={{ marginTop: 12 }}>
        <Button type="primary" loading={busy} onClick={() => void save()}>
          保存这张票（Enter）
        </Button>
        <Button onClick={() => (setGrades({}), setRow(0))}>清空重填</Button>
        <Button
          danger
          disabled={appraisal.ballots.length === 0}
          onClick={() => removeLastBallot(db, appraisal.id).then(() => message.success('已撤销最后录入的一张票'), (e: Error) => message.error(e.message))}
        >
          撤销最后一张
        </Button>
      </Space>
    </div>
  );
}

/** 轮流投票: full screen; after each vote only “已投出” shows, then a clean ballot for the next member. */
export function KioskVoting({ appraisal, participants, onClose }: { appraisal: AppraisalDoc; participants: readonly PersonDoc[]; onClose: () => void }) {
  const db = useDb();
  const { message } = App.useApp();
  const [grades, setGrades] = useState<Grades>({});
  const [cast, setCast] = useState(false);
  const [busy, setBusy] = useState(false);
  const missing = participants.filter((p) => !grades[p.id]).length;

  const submit = async () => {
    setBusy(true);
    try {
      await addBallot(db, appraisal, ballotOf(participants, grades), participants);
      setGrades({});
      setCast(true);
    } catch (error) {
      message.error(`没有投出：${(error as Error).message}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open width="100%" style={{ top: 0, maxWidth: '100vw', paddingBottom: 0 }} closable={false} maskClosable={false} keyboard={false} title={`${appraisal.year}年度民主评议党员测评（不记名）`} footer={null}>
      {cast ? (
        <Space direction="vertical" align="center" style={{ width: '100%', padding: '48px 0' }}>
          <Typography.Title level={2}>您的测评票已投出，谢谢！</Typography.Title>
          <Typography.Paragraph>请把电脑交给下一位同志。</Typography.Paragraph>
          <Button type="primary" size="large" onClick={() => setCast(false)}>
            下一位开始投票
          </Button>
          <Button onClick={onClose}>全部投完，结束投票</Button>
        </Space>
      ) : (
        <>
          <Typography.Paragraph>请对每位党员选择一个等次。本票不记名，投出后任何人都看不到您的选择。</Typography.Paragraph>
          <div style={{ maxHeight: '65vh', overflow: 'auto' }}>
            {participants.map((p) => (
              <div key={p.id} className="kiosk-row" data-testid={`kiosk-${p.name}`}>
                <span className="kiosk-name">{p.name}</span>
                <Radio.Group
                  size="large"
                  optionType="button"
                  buttonStyle="solid"
                  value={grades[p.id]}
                  onChange={(e) => setGrades({ ...grades, [p.id]: e.target.value as AppraisalGrade })}
                  options={GRADES.map((g) => ({ value: g, label: APPRAISAL_GRADE_LABELS[g] }))}
                />
              </div>
            ))}
          </div>
          <Space style={{ marginTop: 16 }}>
            <Button type="primary" size="large" loading={busy} onClick={() => void submit()}>
              投出这张票{missing ? `（还有 ${missing} 人未评）` : ''}
            </Button>
            <Button onClick={onClose}>结束投票</Button>
          </Space>
        </>
      )}
    </Modal>
  );
}
