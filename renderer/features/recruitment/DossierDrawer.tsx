/**
 * 一人一档: one person's dossier. The 25 steps with the problems next to the step they concern, the
 * form to record the next step (or take back the last one), the recurring records, the scans of
 * signed pages and the printed forms. A request the committee returned (退回) shows on top with its
 * comment, and the form offers to do its step again; a request waiting shows whether it reached the
 * committee's server.
 */
import { Alert, App, Badge, Button, Descriptions, Drawer, Popconfirm, Space, Tabs, Timeline, Typography } from 'antd';
import type { OrgDoc } from '@shared/model';
import { STATUS_LABELS } from '@shared/forms/labels';
import type { OpenReturn } from '@shared/rules/approvals';
import { RECRUITMENT_STAGE_NAMES, RECRUITMENT_STEPS, recruitmentStep } from '@shared/rules/recruitment-steps';
import { useDb } from '../../db/context';
import { ServerMark } from '../sync/ServerMark';
import { FormsPanel } from './FormsPanel';
import { RecordsPanel } from './RecordsPanel';
import type { DossierRow } from './rows';
import { ScansPanel } from './ScansPanel';
import { StepForm } from './StepForm';
import { RETURNS } from './strings';
import { undoLastStep } from './writes';

function ReturnedAlert({ returned }: { returned: OpenReturn }) {
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="dossier-returned"
      message={<Typography.Text strong>{RETURNS.title(returned.label)}</Typography.Text>}
      description={
        <>
          <div>{RETURNS.returnedOn(returned.returnedOn)}</div>
          <div>{RETURNS.comment(returned.comment)}</div>
          <div>{RETURNS.whatToDo(returned.leadingStep)}</div>
        </>
      }
    />
  );
}

function Steps({ row, fullMembers }: { row: DossierRow; fullMembers: number }) {
  const db = useDb();
  const { message } = App.useApp();
  const last = row.dossier.events.at(-1);
  // After a 退回 the step to do is the one that sends the request again.
  const redo = row.openReturns[0];
  const nextStep = redo?.leadingStep ?? row.check.next?.step;
  const undo = () =>
    undoLastStep(db, row.dossier, row.person, row.returns).then(
      () => message.success(`已撤销第${last!.step}步`),
      (error: Error) => message.error(`撤销失败：${error.message}`),
    );
  return (
    <>
      {row.openReturns.map((r) => (
        <ReturnedAlert key={r.step} returned={r} />
      ))}
      {nextStep !== undefined && (
        <StepForm
          key={row.dossier.updatedAt}
          dossier={row.dossier}
          person={row.person}
          nextStep={nextStep}
          returns={row.returns}
          openReturns={row.openReturns}
          fullMembers={fullMembers}
          onSaved={() => undefined}
        />
      )}
      {row.check.deadlines.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message="期限提醒"
          description={
            <ul style={{ margin: 0, paddingLeft: 20 }}>
              {row.check.deadlines.map((d) => (
                <li key={`${d.rule}-${d.date}`}>
                  {d.date}：{d.label}
                </li>
              ))}
            </ul>
          }
        />
      )}
      <Timeline
        items={RECRUITMENT_STEPS.map((s) => {
          const events = row.dossier.events.filter((e) => e.step === s.step);
          const problems = row.check.violations.filter((v) => v.step === s.step);
          const isNext = nextStep === s.step;
          const request = row.requests.find((r) => r.step === s.step);
          const done = events.length > 0;
          return {
            color: problems.some((p) => p.severity === 'error') ? 'red' : done ? 'green' : isNext ? 'blue' : 'gray',
            children: (
              <div data-testid={`step-${s.step}`}>
                <Typography.Text strong={done || isNext} type={done || isNext ? undefined : 'secondary'}>
                  第{s.step}步 {s.name}
                </Typography.Text>
                {events.map((event, i) => (
                  <div key={i} style={{ paddingLeft: '1em', ...(row.replaced.has(event) ? { color: 'rgba(0, 0, 0, 0.55)' } : {}) }}>
                    {event.date}
                    {event.endDate ? ` 至 ${event.endDate}` : ''}
                    {event.people?.length ? `（${event.people.join('、')}）` : ''}
                    {event.docNo ? `\u3000${event.docNo}` : ''}
                    {event.conclusion ? `\u3000${event.conclusion}` : ''}
                    {event.outcome ? `\u3000${event.outcome}` : ''}
                    {event.publicity ? `\u3000公示 ${event.publicity.from} 至 ${event.publicity.to}` : ''}
                    {event.vote ? `\u3000赞成${event.vote.yes + (event.vote.writtenYes ?? 0)}票` : ''}
                    {event.note ? <Typography.Text type="secondary">{`\u3000${event.note}`}</Typography.Text> : null}
                    {row.replaced.has(event) && <Typography.Text type="secondary">{RETURNS.replaced}</Typography.Text>}
                    {event === last && (
                      <Popconfirm title={`撤销第${s.step}步的登记？此人的身份会随之恢复。`} okText="撤销" cancelText="不撤销" onConfirm={undo}>
                        <Button type="link" size="small" danger>
                          登记错了，撤销
                        </Button>
                      </Popconfirm>
                    )}
                  </div>
                ))}
                {isNext && redo && <Badge status="warning" text={RETURNS.nextRedo(redo.leadingStep)} style={{ marginLeft: 12 }} />}
                {isNext && !redo && row.check.next && (
                  <Badge status="processing" text={`下一步，最早 ${row.check.next.earliest}${row.check.next.latest ? `，最迟 ${row.check.next.latest}` : ''}`} style={{ marginLeft: 12 }} />
                )}
                {request && (
                  <div style={{ paddingLeft: '1em', marginTop: 4 }} data-testid={`request-${s.step}`}>
                    {request.state === 'returned' ? (
                      <Typography.Text type="warning">{RETURNS.timelineNote(request.returnedOn!)}</Typography.Text>
                    ) : (
                      <Space size={[8, 4]} wrap>
                        <Typography.Text>{RETURNS.waiting(request.label, request.since)}</Typography.Text>
                        <ServerMark collection="dossiers" id={row.dossier.id} updatedAt={row.dossier.updatedAt} />
                      </Space>
                    )}
                  </div>
                )}
                {problems.map((p) => (
                  <Alert key={p.rule + p.message} type={p.severity === 'error' ? 'error' : 'warning'} showIcon message={`${p.message}（${p.rule}）`} style={{ marginTop: 6 }} />
                ))}
              </div>
            ),
          };
        })}
      />
    </>
  );
}

export function DossierDrawer({ row, branch, fullMembers, today, onClose }: { row: DossierRow | null; branch: OrgDoc; fullMembers: number; today: string; onClose: () => void }) {
  if (!row) return null;
  const next = row.check.next;
  const redo = row.openReturns[0];
  return (
    <Drawer open width={880} title={`${row.person.name}的发展档案`} onClose={onClose}>
      <Descriptions column={3} size="small" bordered style={{ marginBottom: 12 }} styles={{ label: { whiteSpace: 'nowrap' } }}>
        <Descriptions.Item label="当前身份">{STATUS_LABELS[row.person.status]}</Descriptions.Item>
        <Descriptions.Item label="所处阶段">{RECRUITMENT_STAGE_NAMES[row.check.stage]}</Descriptions.Item>
        <Descriptions.Item label="下一步">{redo ? RETURNS.nextRedo(redo.leadingStep) : next ? `第${next.step}步 ${recruitmentStep(next.step).name}` : '已完成'}</Descriptions.Item>
      </Descriptions>
      <Tabs
        items={[
          { key: 'steps', label: '发展步骤', children: <Steps row={row} fullMembers={fullMembers} /> },
          {
            key: 'records',
            label: `思想汇报和考察（${row.dossier.thoughtReports.length + row.dossier.evaluations.length + row.dossier.trainings.length}）`,
            children: <RecordsPanel dossier={row.dossier} />,
          },
          { key: 'scans', label: `扫描件（${row.dossier.scans?.length ?? 0}）`, children: <ScansPanel dossier={row.dossier} /> },
          { key: 'forms', label: '打印材料', children: <FormsPanel branch={branch} person={row.person} dossier={row.dossier} returns={row.returns} nextStep={next?.step} today={today} /> },
        ]}
      />
    </Drawer>
  );
}
