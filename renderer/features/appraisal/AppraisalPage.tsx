/**
 * 民主评议党员, one campaign a year: its seven steps, each member's self-review, the anonymous ballots
 * (typed in from paper or cast on the laptop passed round), the tally with a suggested grade, the
 * organization's grade per member, and the ballots, notices and report to print.
 */
import { App, Alert, Button, Card, Empty, Input, Select, Space, Steps, Table, Tabs, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { map } from 'rxjs';
import { appraisalBallotPapers, appraisalNotice, appraisalReport } from '@shared/forms/appraisal';
import type { FormDocument } from '@shared/forms/document';
import type { AppraisalDoc, AppraisalGrade, ApprovalDoc, OrgDoc } from '@shared/model';
import {
  APPRAISAL_GRADE_LABELS,
  APPRAISAL_STAGES,
  appraisalParticipants,
  appraisalStageNumber,
  checkResults,
  excellentLimit,
  tallyAppraisal,
  type AppraisalResult,
} from '@shared/rules/appraisal';
import { appraisalRequest, describeAppraisalFiling, describeAppraisalRequest } from '@shared/rules/approvals';
import { useDb, useObservable } from '../../db/context';
import { todayInChina } from '../../db/writes';
import { FormPreview } from '../../print/FormPreview';
import { useRosterPeople } from '../roster/hooks';
import { KioskVoting, PaperBallotEntry } from './BallotEntry';
import { saveSelfReview, setResults, setStage, startAppraisal } from './writes';

const GRADES = Object.keys(APPRAISAL_GRADE_LABELS) as AppraisalGrade[];

function useAppraisal(orgId: string, year: number) {
  const db = useDb();
  return useObservable(() => db.appraisals.findOne({ selector: { orgId, year } }).$.pipe(map((d) => (d ? (d.toMutableJSON(false) as AppraisalDoc) : null))), [db, orgId, year]);
}

export function AppraisalPage({ branch }: { branch: OrgDoc }) {
  const db = useDb();
  const { message } = App.useApp();
  const thisYear = Number(todayInChina().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const appraisal = useAppraisal(branch.id, year);
  const people = useRosterPeople(branch.id);
  const participants = useMemo(() => appraisalParticipants(people.value ?? [], year).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')), [people.value, year]);
  const [kiosk, setKiosk] = useState(false);
  const [preview, setPreview] = useState<{ form: FormDocument | FormDocument[]; fileName: string } | null>(null);
  const a = appraisal.value;
  // The committee's answers on this appraisal: a return is shown until the branch sends it again.
  const approvals = useObservable(() => db.approvals.find({ selector: { targetId: a?.id ?? '' } }).$.pipe(map((ds) => ds.map((d) => d.toJSON() as ApprovalDoc))), [db, a?.id]);
  const filing = a && approvals.value ? appraisalRequest(a, approvals.value) : null;
  const filed = a && approvals.value ? describeAppraisalFiling(a, approvals.value) : null;

  return (
    <Card
      title="民主评议党员"
      extra={
        <Select aria-label="年度" style={{ width: '8em' }} value={year} onChange={setYear} options={Array.from({ length: 5 }, (_, i) => ({ value: thisYear - i, label: `${thisYear - i}年度` }))} />
      }
    >
      {!a ? (
        <Empty description={`${year}年度的民主评议还没有开始。参加评议的党员 ${participants.length} 人（正式党员和预备党员）。`}>
          <Space>
            <Button type="primary" onClick={() => startAppraisal(db, branch.id, year).catch((e: Error) => message.error(e.message))}>
              开始{year}年度民主评议
            </Button>
            <Button onClick={() => setPreview({ form: appraisalBallotPapers(null, null, null), fileName: '民主评议测评票-空白' })}>打印空白测评票</Button>
          </Space>
        </Empty>
      ) : (
        <>
          <Steps
            size="small"
            current={appraisalStageNumber(a.stage) - 1}
            items={APPRAISAL_STAGES.map((s) => ({ title: s.name }))}
            onChange={(i) => void setStage(db, a.id, APPRAISAL_STAGES[i]!.stage)}
            style={{ marginBottom: 16 }}
          />
          {filing?.state === 'returned' && <Alert type="warning" showIcon message={describeAppraisalRequest(filing)} style={{ marginBottom: 16 }} />}
          {filed && <Alert type="success" showIcon message={filed} style={{ marginBottom: 16 }} />}
          <Tabs
            items={[
              { key: 'self', label: '个人自评', children: <SelfReviews appraisal={a} participants={participants} /> },
              {
                key: 'ballots',
                label: `测评票（${a.ballots.length}张）`,
                children: (
                  <Space direction="vertical" style={{ width: '100%' }}>
                    <Space wrap>
                      <Button onClick={() => setPreview({ form: appraisalBallotPapers(participants, year, branch.name), fileName: `${year}年度民主评议测评票` })}>打印测评票</Button>
                      <Button type="primary" onClick={() => setKiosk(true)}>
                        在本机轮流投票
                      </Button>
                    </Space>
                    <PaperBallotEntry appraisal={a} participants={participants} />
                  </Space>
                ),
              },
              { key: 'results', label: '统计和评定', children: <Results appraisal={a} participants={participants} /> },
              {
                key: 'print',
                label: '通知和报告',
                children: (
                  <Space wrap>
                    <Button
                      disabled={a.results.length === 0}
                      onClick={() =>
                        setPreview({
                          form: a.results.flatMap((r) => {
                            const person = participants.find((p) => p.id === r.personId);
                            return person ? [appraisalNotice(person, r, year, branch)] : [];
                          }),
                          fileName: `${year}年度民主评议结果通知书`,
                        })
                      }
                    >
                      打印全部结果通知书（{a.results.length}份）
                    </Button>
                    <Button onClick={() => setPreview({ form: appraisalNotice(null, null, null, null), fileName: '民主评议结果通知书-空白' })}>空白通知书</Button>
                    <Button onClick={() => setPreview({ form: appraisalReport({ branch, year, participants, appraisal: a, date: todayInChina() }), fileName: `${year}年度民主评议党员工作情况报告` })}>
                      打印工作情况报告
                    </Button>
                  </Space>
                ),
              },
            ]}
          />
          {kiosk && <KioskVoting appraisal={a} participants={participants} onClose={() => setKiosk(false)} />}
        </>
      )}
      {preview && <FormPreview form={preview.form} fileName={preview.fileName} onClose={() => setPreview(null)} />}
    </Card>
  );
}

function SelfReviews({ appraisal, participants }: { appraisal: AppraisalDoc; participants: ReturnType<typeof appraisalParticipants> }) {
  const db = useDb();
  const { message } = App.useApp();
  const byPerson = new Map(appraisal.selfReviews.map((r) => [r.personId, r]));
  return (
    <Table
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={[...participants]}
      columns={[
        { title: '姓名', dataIndex: 'name', width: 120 },
        {
          title: '个人自评（交来的书面自评可摘要录入，离开输入框即保存）',
          key: 'text',
          render: (_, p) => (
            <Input.TextArea
              aria-label={`${p.name}的自评`}
              autoSize={{ minRows: 1, maxRows: 6 }}
              maxLength={20000}
              defaultValue={byPerson.get(p.id)?.text ?? ''}
              onBlur={(e) => {
                if (e.target.value.trim() !== (byPerson.get(p.id)?.text ?? ''))
                  saveSelfReview(db, appraisal.id, p.id, todayInChina(), e.target.value).then(
                    () => message.success(`已保存${p.name}的自评`),
                    (err: Error) => message.error(`保存失败：${err.message}`),
                  );
              }}
            />
          ),
        },
      ]}
    />
  );
}

function Results({ appraisal, participants }: { appraisal: AppraisalDoc; participants: ReturnType<typeof appraisalParticipants> }) {
  const db = useDb();
  const { message } = App.useApp();
  const tally = useMemo(() => tallyAppraisal(appraisal.ballots, participants), [appraisal.ballots, participants]);
  const results = new Map(appraisal.results.map((r) => [r.personId, r]));
  const problems = checkResults(appraisal.results, participants);
  const save = (next: AppraisalResult[]) => setResults(db, appraisal.id, next).catch((e: Error) => message.error(`保存失败：${e.message}`));
  const setOne = (personId: string, patch: Partial<AppraisalResult>) => {
    const current = results.get(personId);
    const merged = { ...(current ?? { personId, grade: 'qualified' as AppraisalGrade }), ...patch };
    void save([...appraisal.results.filter((r) => r.personId !== personId), merged]);
  };
  const adoptSuggestions = () =>
    void save(tally.members.flatMap((m) => (m.suggested ? [{ ...(results.get(m.personId) ?? {}), personId: m.personId, grade: results.get(m.personId)?.grade ?? m.suggested }] : [])));

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Text>
        参加评议 {tally.participants} 人，收回测评票 {tally.ballots} 张，参评率 {tally.participationRate === null ? '—' : `${Math.round(tally.participationRate * 100)}%`}；优秀一般不超过 {excellentLimit(participants.length)} 人。
      </Typography.Text>
      {tally.notes.map((n) => (
        <Alert key={n} type="info" showIcon message={n} />
      ))}
      {problems.errors.length + problems.warnings.length > 0 && appraisal.results.length > 0 && (
        <Alert
          type={problems.errors.length ? 'error' : 'warning'}
          showIcon
          message="评定结果需要注意"
          description={
            <ul style={{ margin: 0, paddingLeft: 20 }}>
              {[...problems.errors, ...problems.warnings].map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          }
        />
      )}
      <Button onClick={adoptSuggestions} disabled={tally.ballots === 0}>
        按测评结果填入组织评定（已评定的不变）
      </Button>
      <Table
        size="small"
        rowKey="personId"
        pagination={false}
        data-testid="appraisal-tally"
        dataSource={tally.members}
        columns={[
          { title: '姓名', dataIndex: 'name', width: 100 },
          ...GRADES.map((g) => ({ title: APPRAISAL_GRADE_LABELS[g], key: g, width: 70, render: (_: unknown, m: (typeof tally.members)[number]) => m.votes[g] })),
          { title: '未评', key: 'ungraded', width: 60, render: (_, m) => m.votes.ungraded },
          { title: '测评建议', key: 'suggested', width: 90, render: (_, m) => (m.suggested ? <Tag color={m.unqualifiedCandidate ? 'error' : 'default'}>{APPRAISAL_GRADE_LABELS[m.suggested]}</Tag> : '—') },
          {
            title: '组织评定',
            key: 'grade',
            width: 130,
            render: (_, m) => (
              <Select
                aria-label={`${m.name}的组织评定`}
                style={{ width: '8em' }}
                placeholder="未评定"
                value={results.get(m.personId)?.grade}
                options={GRADES.map((g) => ({ value: g, label: APPRAISAL_GRADE_LABELS[g] }))}
                onChange={(grade: AppraisalGrade) => setOne(m.personId, { grade })}
              />
            ),
          },
          {
            title: '整改要求和期限（基本合格、不合格填写）',
            key: 'note',
            render: (_, m) => {
              const r = results.get(m.personId);
              if (!r || (r.grade !== 'unqualified' && r.grade !== 'basically-qualified')) return null;
              return <Input aria-label={`${m.name}的整改要求`} defaultValue={r.note ?? ''} maxLength={2000} onBlur={(e) => e.target.value !== (r.note ?? '') && setOne(m.personId, { note: e.target.value })} />;
            },
          },
        ]}
      />
    </Space>
  );
}
