/**
 * 登记步骤: date, people and 文号 of a step, checked against the rules before it is saved. A step that
 * breaks a rule can still be recorded as it happened, after a plain warning. After the committee
 * returned a request (退回), the step that sends it is offered again and said to be a redo.
 */
import { Alert, App, Button, Card, Form, Input, InputNumber, Select, Space } from 'antd';
import { useState } from 'react';
import type { DossierDoc, PersonDoc } from '@shared/model';
import type { OpenReturn } from '@shared/rules/approvals';
import { STEPS_WITH_DOC_NO, type DossierEvent } from '@shared/rules/dossier';
import { readDate } from '@shared/rules/person';
import { checkTimeline, readProbationOutcome, timelineFromDossier, type RecruitmentViolation, type ReturnedRequest } from '@shared/rules/recruitment';
import { canRecordPassed, type VoteInput, type VoteMotion } from '@shared/rules/votes';
import { RECRUITMENT_STEPS } from '@shared/rules/recruitment-steps';
import { useDb } from '../../db/context';
import { todayInChina } from '../../db/writes';
import { RETURNS } from './strings';
import { saveStep, type DossierExtras } from './writes';

/** The vote as typed: none when left empty, a message when half filled, else the numbers. */
function readVote(typed: Values['vote']): Omit<VoteInput, 'motion'> | null | string {
  const filled = VOTE_FIELDS.filter((f) => f.field !== 'fullMembers' && f.field !== 'excluded' && typed?.[f.field] !== undefined && typed[f.field] !== null);
  if (filled.length === 0) return null;
  const vote: Partial<Record<VoteField, number>> = {};
  for (const f of VOTE_FIELDS) {
    const value = typed?.[f.field];
    if (value === undefined || value === null) {
      if (f.required) return `请填写表决人数中的“${f.label}”`;
      continue;
    }
    vote[f.field] = value;
  }
  return vote as Omit<VoteInput, 'motion'>;
}

interface Values {
  step: number;
  date: string;
  endDate?: string;
  people?: string;
  docNo?: string;
  outcome?: string;
  note?: string;
  conclusion?: string;
  publicityFrom?: string;
  publicityTo?: string;
  volunteerBookNo?: string;
  approvalDelayReason?: string;
  vote?: Partial<Record<VoteField, number | null>>;
}

type VoteField = 'fullMembers' | 'excluded' | 'presentVoting' | 'yes' | 'no' | 'abstain' | 'writtenYes' | 'writtenNo' | 'writtenAbstain';
const VOTE_FIELDS: { field: VoteField; label: string; required: boolean }[] = [
  { field: 'fullMembers', label: '有表决权的正式党员', required: true },
  { field: 'excluded', label: '经批准不计入应到会', required: true },
  { field: 'presentVoting', label: '实到会有表决权', required: true },
  { field: 'yes', label: '赞成', required: true },
  { field: 'no', label: '反对', required: true },
  { field: 'abstain', label: '弃权', required: true },
  { field: 'writtenYes', label: '书面意见赞成', required: false },
  { field: 'writtenNo', label: '书面意见反对', required: false },
  { field: 'writtenAbstain', label: '书面意见弃权', required: false },
];
const MOTION_OF_STEP: Record<number, VoteMotion> = { 15: 'admit', 23: 'confirm' };

const OUTCOMES = ['按期转正', '延长预备期六个月', '延长预备期一年', '取消预备党员资格'];

export function StepForm({
  dossier,
  person,
  nextStep,
  returns,
  openReturns,
  fullMembers,
  onSaved,
}: {
  dossier: DossierDoc;
  person: PersonDoc;
  nextStep: number;
  /** The committee's returns of this dossier's requests (approvals.ts returnsOf). */
  returns: readonly ReturnedRequest[];
  /** Those the branch has not answered yet: their leading step is offered again. */
  openReturns: readonly OpenReturn[];
  fullMembers: number;
  onSaved: () => void;
}) {
  const db = useDb();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const step = Form.useWatch('step', form) ?? nextStep;
  const redo = openReturns.find((r) => r.leadingStep === step);
  const [problems, setProblems] = useState<RecruitmentViolation[] | null>(null);
  const [busy, setBusy] = useState(false);

  /** The event as typed, or a message saying what to fix. */
  const read = (): { event: DossierEvent; extras: DossierExtras } | { error: string } => {
    const v = form.getFieldsValue(true) as Values;
    const extras: DossierExtras = {};
    const date = readDate(v.date ?? '');
    if (!date) return { error: '请填写日期，例如 2026-11-23' };
    if (date > todayInChina()) return { error: '日期不能晚于今天：还没发生的步骤请到时再登记' };
    // A redo on the day of the return does not answer it (approvals.ts committeeRequests counts days).
    if (redo && date <= redo.returnedOn) return { error: RETURNS.tooEarly(redo.returnedOn) };
    const endDate = v.endDate ? readDate(v.endDate) : undefined;
    if (v.endDate && !endDate) return { error: '结束日期格式不对，例如 2026-11-26' };
    const people = (v.people ?? '').split(/[,，、\s]+/).filter(Boolean);
    const event: DossierEvent = { step: v.step ?? nextStep, date };
    if (endDate) event.endDate = endDate;
    if (people.length) event.people = people;
    if (v.docNo?.trim()) event.docNo = v.docNo.trim();
    if (v.outcome) event.outcome = v.outcome;
    if (v.note?.trim()) event.note = v.note.trim();
    if (event.step === 10 && v.conclusion?.trim()) event.conclusion = v.conclusion.trim();
    if (event.step === 13 || event.step === 23) {
      const from = v.publicityFrom ? readDate(v.publicityFrom) : undefined;
      const to = v.publicityTo ? readDate(v.publicityTo) : undefined;
      if ((v.publicityFrom && !from) || (v.publicityTo && !to)) return { error: '公示日期格式不对，例如 2026-11-16' };
      if (event.step === 13 && (!from || !to)) return { error: '请填写公示的开始和结束日期：公示不少于5个工作日，期满后才能预审' };
      if (from && to) {
        if (to < from) return { error: '公示结束日期不能早于开始日期' };
        event.publicity = { from, to };
      }
    }
    if (event.step === 15 || event.step === 23) {
      const vote = readVote(v.vote);
      if (typeof vote === 'string') return { error: vote };
      if (vote) {
        const motion = event.step === 23 ? (readProbationOutcome(event.outcome).outcome === 'extend' ? 'extend' : 'confirm') : MOTION_OF_STEP[event.step]!;
        const verdict = canRecordPassed({ ...vote, motion });
        if (!verdict.allowed) return { error: `表决结果不能登记为通过：${verdict.reasons.join('')}` };
        event.vote = vote;
      }
    }
    if (event.step === 14 && v.volunteerBookNo?.trim()) extras.volunteerBookNo = v.volunteerBookNo.trim();
    if (event.step === 17 && v.approvalDelayReason?.trim()) extras.approvalDelayReason = v.approvalDelayReason.trim();
    return { event, extras };
  };

  /** The problems the new step would bring: violations the dossier does not have already. */
  const check = (event: DossierEvent, extras: DossierExtras): RecruitmentViolation[] => {
    const before = new Set(checkTimeline(timelineFromDossier(dossier, person.birthDate, returns), todayInChina()).violations.map((v) => v.rule + v.message));
    const after = checkTimeline(timelineFromDossier({ ...dossier, ...extras, events: [...dossier.events, event] }, person.birthDate, returns), todayInChina());
    return after.violations.filter((v) => !before.has(v.rule + v.message));
  };

  const submit = async () => {
    const result = read();
    if ('error' in result) return void message.error(result.error);
    const found = check(result.event, result.extras);
    setProblems(found);
    const save = async () => {
      setBusy(true);
      try {
        await saveStep(db, dossier, person, result.event, result.extras, returns);
        message.success(`已登记第${result.event.step}步`);
        onSaved();
      } catch (error) {
        message.error(`登记失败：${(error as Error).message}`);
      } finally {
        setBusy(false);
      }
    };
    const errors = found.filter((p) => p.severity === 'error');
    if (errors.length === 0) return save();
    modal.confirm({
      title: '这一步不符合发展党员的规定',
      content: `${errors.map((e) => e.message.replace(/[。.]$/, '')).join('；')}。如果确实是这样发生的，可以如实登记，档案会标出问题；如果日期填错了，请取消后改正。`,
      okText: '如实登记',
      okButtonProps: { danger: true },
      cancelText: '取消，去改正',
      onOk: save,
    });
  };

  return (
    <Card size="small" title="登记步骤" style={{ marginBottom: 16 }} data-testid="step-form">
      <Form form={form} name="step" layout="vertical" initialValues={{ step: nextStep, date: todayInChina(), vote: { fullMembers, excluded: 0 } }} onValuesChange={() => setProblems(null)}>
        <Space wrap align="start">
          <Form.Item name="step" label="步骤">
            <Select style={{ width: '20em' }} options={RECRUITMENT_STEPS.map((s) => ({ value: s.step, label: `第${s.step}步 ${s.name}` }))} />
          </Form.Item>
          <Form.Item name="date" label="日期">
            <Input style={{ width: '9em' }} placeholder="2026-11-23" />
          </Form.Item>
          {(step === 10 || step === 11) && (
            <Form.Item name="endDate" label={step === 11 ? '培训结束日期' : '政审结束日期'}>
              <Input style={{ width: '9em' }} placeholder="2026-11-26" />
            </Form.Item>
          )}
        </Space>
        {redo && <Alert type="info" showIcon style={{ marginBottom: 16 }} data-testid="step-form-redo" message={RETURNS.formRedo(redo.label, redo.returnedOn, redo.leadingStep)} />}
        <Form.Item name="people" label="有关人员（谈话人、培养联系人、入党介绍人等，用顿号隔开）">
          <Input placeholder="例如：王建国、李秀英" maxLength={200} />
        </Form.Item>
        {STEPS_WITH_DOC_NO.has(step) && (
          <Form.Item name="docNo" label="上级党委文号">
            <Input placeholder="例如：水机党批〔2026〕4号" maxLength={100} />
          </Form.Item>
        )}
        {step === 23 && (
          <Form.Item name="outcome" label="支部大会决议">
            <Select options={OUTCOMES.map((o) => ({ value: o, label: o }))} />
          </Form.Item>
        )}
        {step === 10 && (
          <Form.Item name="conclusion" label="政审结论">
            <Input placeholder="例如：政治审查合格" maxLength={100} />
          </Form.Item>
        )}
        {step === 14 && (
          <Form.Item name="volunteerBookNo" label="入党志愿书编号">
            <Input style={{ width: '14em' }} maxLength={100} />
          </Form.Item>
        )}
        {step === 17 && (
          <Form.Item name="approvalDelayReason" label="审批超过三个月的原因（没有超过可不填）">
            <Input maxLength={500} />
          </Form.Item>
        )}
        {(step === 13 || step === 23) && (
          <Space wrap align="start">
            <Form.Item name="publicityFrom" label={step === 13 ? '发展对象公示开始日期' : '转正公示开始日期'}>
              <Input style={{ width: '9em' }} placeholder="2026-11-16" />
            </Form.Item>
            <Form.Item name="publicityTo" label="公示结束日期">
              <Input style={{ width: '9em' }} placeholder="2026-11-20" />
            </Form.Item>
          </Space>
        )}
        {(step === 15 || step === 23) && (
          <Card size="small" type="inner" title="支部党员大会表决（人数）" style={{ marginBottom: 16 }}>
            <Space wrap align="start">
              {VOTE_FIELDS.map((f) => (
                <Form.Item key={f.field} name={['vote', f.field]} label={f.label} style={{ marginBottom: 8 }}>
                  <InputNumber min={0} max={100000} precision={0} style={{ width: '6em' }} />
                </Form.Item>
              ))}
            </Space>
          </Card>
        )}
        <Form.Item name="note" label="备注（可不填）">
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} maxLength={2000} />
        </Form.Item>
        {problems && problems.length > 0 && (
          <Space direction="vertical" style={{ width: '100%', marginBottom: 12 }}>
            {problems.map((p) => (
              <Alert key={p.rule + p.message} type={p.severity === 'error' ? 'error' : 'warning'} showIcon message={`${p.message}（${p.rule}）`} />
            ))}
          </Space>
        )}
        <Button type="primary" loading={busy} onClick={submit}>
          检查并登记
        </Button>
      </Form>
    </Card>
  );
}
