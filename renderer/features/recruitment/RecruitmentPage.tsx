/**
 * 发展党员: everyone in the pipeline with where they stand, what is due next and what breaks a rule,
 * overdue and rule-breaking dossiers first. Each dossier opens on its 25 steps with the problems
 * next to the step they concern. Recording steps comes with the rest of the recruitment issue.
 */
import { Alert, Badge, Card, Descriptions, Drawer, Empty, Space, Table, Tag, Timeline, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { map } from 'rxjs';
import type { DossierDoc, OrgDoc, PersonDoc } from '@shared/model';
import { checkTimeline, timelineFromDossier, type RecruitmentCheck } from '@shared/rules/recruitment';
import { RECRUITMENT_STAGE_NAMES, RECRUITMENT_STEPS, recruitmentStep } from '@shared/rules/recruitment-steps';
import { STATUS_LABELS } from '@shared/forms/labels';
import { useDb, useObservable } from '../../db/context';
import { todayInChina } from '../../db/writes';
import { useRosterPeople } from '../roster/hooks';
import { StepForm } from './StepForm';

interface Row {
  dossier: DossierDoc;
  person: PersonDoc;
  check: RecruitmentCheck;
  errors: number;
  warnings: number;
}

function useOpenDossiers(orgId: string) {
  const db = useDb();
  return useObservable(() => db.dossiers.find({ selector: { orgId, state: 'open' } }).$.pipe(map((docs) => docs.map((d) => d.toMutableJSON(false) as DossierDoc))), [db, orgId]);
}

export function RecruitmentPage({ branch }: { branch: OrgDoc }) {
  const dossiers = useOpenDossiers(branch.id);
  const people = useRosterPeople(branch.id);
  const today = todayInChina();
  const [open, setOpen] = useState<string | null>(null);
  const rows = useMemo<Row[]>(() => {
    if (!dossiers.value || !people.value) return [];
    const byId = new Map(people.value.map((p) => [p.id, p]));
    return dossiers.value
      .flatMap((dossier) => {
        const person = byId.get(dossier.personId);
        if (!person) return [];
        const check = checkTimeline(timelineFromDossier(dossier, person.birthDate), today);
        const errors = check.violations.filter((v) => v.severity === 'error').length;
        return [{ dossier, person, check, errors, warnings: check.violations.length - errors }];
      })
      .sort((a, b) => b.errors - a.errors || b.warnings - a.warnings || (a.check.deadlines[0]?.date ?? '9').localeCompare(b.check.deadlines[0]?.date ?? '9'));
  }, [dossiers.value, people.value, today]);

  return (
    <Card title="发展党员" extra={<Typography.Text type="secondary">今天：{today}</Typography.Text>}>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message="这里列出正在发展的每一位同志，按25个步骤检查时间要求。点一行打开档案，可登记新的步骤；打印发展材料的功能将在下一版本提供。"
      />
      <Table<Row>
        rowKey={(r) => r.dossier.id}
        loading={dossiers.loading || people.loading}
        pagination={false}
        dataSource={rows}
        locale={{ emptyText: <Empty description="目前没有正在发展的人员" /> }}
        onRow={(r) => ({ onClick: () => setOpen(r.dossier.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: '姓名', key: 'name', render: (_, r) => r.person.name },
          { title: '当前身份', key: 'status', render: (_, r) => STATUS_LABELS[r.person.status] },
          { title: '所处阶段', key: 'stage', render: (_, r) => `第${r.check.stage}阶段 ${RECRUITMENT_STAGE_NAMES[r.check.stage]}` },
          {
            title: '下一步',
            key: 'next',
            render: (_, r) =>
              r.check.next ? (
                <span>
                  第{r.check.next.step}步 {recruitmentStep(r.check.next.step).name}
                  <br />
                  <Typography.Text type="secondary">{r.check.next.earliest <= today ? '现在可以进行' : `最早 ${r.check.next.earliest}`}</Typography.Text>
                </span>
              ) : (
                '已完成'
              ),
          },
          { title: '最近期限', key: 'deadline', render: (_, r) => (r.check.deadlines[0] ? `${r.check.deadlines[0].date} ${r.check.deadlines[0].label}` : '无') },
          {
            title: '检查结果',
            key: 'problems',
            render: (_, r) =>
              r.errors + r.warnings === 0 ? (
                <Tag color="success">符合要求</Tag>
              ) : (
                <Space>
                  {r.errors > 0 && <Tag color="error">{r.errors} 处错误</Tag>}
                  {r.warnings > 0 && <Tag color="warning">{r.warnings} 处提醒</Tag>}
                </Space>
              ),
          },
        ]}
      />
      {open && <DossierDrawer row={rows.find((r) => r.dossier.id === open) ?? null} onClose={() => setOpen(null)} />}
    </Card>
  );
}

function DossierDrawer({ row, onClose }: { row: Row | null; onClose: () => void }) {
  if (!row) return null;
  const done = new Map(row.dossier.events.map((e) => [e.step, e]));
  return (
    <Drawer open width={760} title={`${row.person.name}的发展档案`} onClose={onClose}>
      {row.check.next && <StepForm key={row.dossier.updatedAt} dossier={row.dossier} person={row.person} nextStep={row.check.next.step} onSaved={() => undefined} />}
      <Descriptions column={2} size="small" bordered style={{ marginBottom: 16 }}>
        <Descriptions.Item label="当前身份">{STATUS_LABELS[row.person.status]}</Descriptions.Item>
        <Descriptions.Item label="所处阶段">{RECRUITMENT_STAGE_NAMES[row.check.stage]}</Descriptions.Item>
        <Descriptions.Item label="思想汇报">{row.dossier.thoughtReports.length} 份</Descriptions.Item>
        <Descriptions.Item label="培养考察">{row.dossier.evaluations.length} 次</Descriptions.Item>
      </Descriptions>
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
          const event = done.get(s.step);
          const problems = row.check.violations.filter((v) => v.step === s.step);
          const isNext = row.check.next?.step === s.step;
          return {
            color: problems.some((p) => p.severity === 'error') ? 'red' : event ? 'green' : isNext ? 'blue' : 'gray',
            children: (
              <div data-testid={`step-${s.step}`}>
                <Typography.Text strong={Boolean(event) || isNext} type={event || isNext ? undefined : 'secondary'}>
                  第{s.step}步 {s.name}
                </Typography.Text>
                {event && (
                  <span>
                    {'　'}
                    {event.date}
                    {event.endDate ? ` 至 ${event.endDate}` : ''}
                    {event.people?.length ? `（${event.people.join('、')}）` : ''}
                    {event.docNo ? `\u3000${event.docNo}` : ''}
                  </span>
                )}
                {isNext && row.check.next && (
                  <Badge status="processing" text={`下一步，最早 ${row.check.next.earliest}${row.check.next.latest ? `，最迟 ${row.check.next.latest}` : ''}`} style={{ marginLeft: 12 }} />
                )}
                {problems.map((p) => (
                  <Alert key={p.rule + p.message} type={p.severity === 'error' ? 'error' : 'warning'} showIcon message={`${p.message}（${p.rule}）`} style={{ marginTop: 6 }} />
                ))}
              </div>
            ),
          };
        })}
      />
    </Drawer>
  );
}
