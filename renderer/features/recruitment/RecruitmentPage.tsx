/**
 * 发展党员: everyone in the pipeline with where they stand, what is due next and what breaks a rule,
 * overdue and rule-breaking dossiers first. A row opens the dossier; the toolbar registers a new
 * 入党申请, prints the next quarter's 发展党员工作计划 and any form blank.
 */
import { DownOutlined, PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Dropdown, Empty, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { map } from 'rxjs';
import type { DossierDoc, OrgDoc } from '@shared/model';
import { RECRUITMENT_STAGE_NAMES, recruitmentStep } from '@shared/rules/recruitment-steps';
import type { FormDocument } from '@shared/forms/document';
import { STATUS_LABELS } from '@shared/forms/labels';
import { RECRUITMENT_FORMS, recruitmentForm } from '@shared/forms/recruitment';
import { volunteerBookDraftForm } from '@shared/forms/volunteer-book';
import { workPlanForm } from '@shared/forms/work-plan';
import { useDb, useObservable } from '../../db/context';
import { todayInChina } from '../../db/writes';
import { useRosterPeople } from '../roster/hooks';
import { FormPreview } from '../../print/FormPreview';
import { DossierDrawer } from './DossierDrawer';
import { useApprovals } from './hooks';
import { NewApplicationDialog } from './NewApplicationDialog';
import { dossierRow, type DossierRow as Row } from './rows';
import { RETURNS } from './strings';

/** Standings that may need a dossier opened for them (a 预备党员 already went through one). */
const BEFORE_ADMISSION = new Set(['applicant', 'activist', 'candidate']);

function useOpenDossiers(orgId: string) {
  const db = useDb();
  return useObservable(() => db.dossiers.find({ selector: { orgId, state: 'open' } }).$.pipe(map((docs) => docs.map((d) => d.toMutableJSON(false) as DossierDoc))), [db, orgId]);
}

export function RecruitmentPage({ branch }: { branch: OrgDoc }) {
  const dossiers = useOpenDossiers(branch.id);
  const people = useRosterPeople(branch.id);
  const approvals = useApprovals(branch.id);
  const today = todayInChina();
  // The dossier open in the drawer is in the address (/recruitment?dossier=…), so a reminder can link to it.
  const [params, setParams] = useSearchParams();
  const open = params.get('dossier');
  const setOpen = (id: string | null) => setParams(id ? { dossier: id } : {});
  const [applying, setApplying] = useState(false);
  const [preview, setPreview] = useState<{ form: FormDocument; fileName: string } | null>(null);
  const fullMembers = useMemo(() => (people.value ?? []).filter((p) => p.onRoll && p.status === 'full').length, [people.value]);
  const withoutDossier = useMemo(() => {
    const inPipeline = new Set((dossiers.value ?? []).map((d) => d.personId));
    return (people.value ?? []).filter((p) => p.onRoll && BEFORE_ADMISSION.has(p.status) && !inPipeline.has(p.id));
  }, [dossiers.value, people.value]);
  const rows = useMemo<Row[]>(() => {
    if (!dossiers.value || !people.value || !approvals.value) return [];
    const byId = new Map(people.value.map((p) => [p.id, p]));
    const decisions = approvals.value;
    return dossiers.value
      .flatMap((dossier) => {
        const person = byId.get(dossier.personId);
        return person ? [dossierRow(dossier, person, decisions, today)] : [];
      })
      .sort(
        (a, b) =>
          b.openReturns.length - a.openReturns.length ||
          b.errors - a.errors ||
          b.warnings - a.warnings ||
          (a.check.deadlines[0]?.date ?? '9').localeCompare(b.check.deadlines[0]?.date ?? '9'),
      );
  }, [dossiers.value, people.value, approvals.value, today]);

  return (
    <Card title="发展党员" extra={<Typography.Text type="secondary">今天：{today}</Typography.Text>}>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message="这里列出正在发展的每一位同志，按25个步骤检查时间要求，有问题和快到期的排在前面。点一行打开档案：登记步骤、思想汇报和考察、扫描件，打印各阶段材料。"
      />
      <Space wrap style={{ marginBottom: 16 }}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setApplying(true)}>
          登记入党申请
        </Button>
        <Button
          icon={<PrinterOutlined />}
          onClick={() =>
            setPreview({
              form: workPlanForm({ branchName: branch.name, people: rows.map((r) => ({ name: r.person.name, status: r.person.status, check: r.check })), today }),
              fileName: `发展党员工作计划-${today}`,
            })
          }
        >
          打印下季度工作计划
        </Button>
        <Dropdown
          menu={{
            items: [
              ...RECRUITMENT_FORMS.map((f) => ({ key: f.kind, label: f.name })),
              { key: 'volunteer-draft', label: '入党志愿书填写底稿' },
              { key: 'work-plan', label: '发展党员工作计划' },
            ],
            onClick: ({ key }) => {
              const source = { branch, today };
              const form =
                key === 'volunteer-draft'
                  ? volunteerBookDraftForm(source)
                  : key === 'work-plan'
                    ? workPlanForm({ branchName: branch.name, people: null, today })
                    : recruitmentForm(key as (typeof RECRUITMENT_FORMS)[number]['kind'], source);
              setPreview({ form, fileName: `${form.title}-空白` });
            },
          }}
        >
          <Button>
            打印空白表格 <DownOutlined />
          </Button>
        </Dropdown>
      </Space>
      <Table<Row>
        rowKey={(r) => r.dossier.id}
        loading={dossiers.loading || people.loading || approvals.loading}
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
              r.openReturns[0] ? (
                <Typography.Text type="warning">{RETURNS.nextRedo(r.openReturns[0].leadingStep)}</Typography.Text>
              ) : r.check.next ? (
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
      {open && <DossierDrawer row={rows.find((r) => r.dossier.id === open) ?? null} branch={branch} fullMembers={fullMembers} today={today} onClose={() => setOpen(null)} />}
      {applying && <NewApplicationDialog orgId={branch.id} candidates={withoutDossier} onClose={() => setApplying(false)} />}
      {preview && <FormPreview form={preview.form} fileName={preview.fileName} onClose={() => setPreview(null)} />}
    </Card>
  );
}
