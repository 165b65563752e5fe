/**
 * 登记步骤: date, people and 文号 of a step, checked against the rules before it is saved. A step that
 * breaks a rule can still be recorded as it happened, after a plain warning.
 */
import { Alert, App, Button, Card, Form, Input, Select, Space } from 'antd';
import { useState } from 'react';
import type { DossierDoc, PersonDoc } from '@shared/model';
import { STEPS_WITH_DOC_NO, type DossierEvent } from '@shared/rules/dossier';
import { readDate } from '@shared/rules/person';
import { checkTimeline, timelineFromDossier, type RecruitmentViolation } from '@shared/rules/recruitment';
import { RECRUITMENT_STEPS } from '@shared/rules/recruitment-steps';
import { useDb } from '../../db/context';
import { todayInChina } from '../../db/writes';
import { saveStep } from './writes';

interface Values {
  step: number;
  date: string;
  endDate?: string;
  people?: string;
  docNo?: string;
  outcome?: string;
  note?: string;
}

const OUTCOMES = ['按期转正', '延长预备期六个月', '延长预备期一年', '取消预备党员资格'];

export function StepForm({ dossier, person, nextStep, onSaved }: { dossier: DossierDoc; person: PersonDoc; nextStep: number; onSaved: () => void }) {
  const db = useDb();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const step = Form.useWatch('step', form) ?? nextStep;
  const [problems, setProblems] = useState<RecruitmentViolation[] | null>(null);
  const [busy, setBusy] = useState(false);

  /** The event as typed, or a message saying what to fix. */
  const read = (): { event: DossierEvent } | { error: string } => {
    const v = form.getFieldsValue(true) as Values;
    const date = readDate(v.date ?? '');
    if (!date) return { error: '请填写日期，例如 2026-11-23' };
    if (date > todayInChina()) return { error: '日期不能晚于今天：还没发生的步骤请到时再登记' };
    const endDate = v.endDate ? readDate(v.endDate) : undefined;
    if (v.endDate && !endDate) return { error: '结束日期格式不对，例如 2026-11-26' };
    const people = (v.people ?? '').split(/[,，、\s]+/).filter(Boolean);
    const event: DossierEvent = { step: v.step ?? nextStep, date };
    if (endDate) event.endDate = endDate;
    if (people.length) event.people = people;
    if (v.docNo?.trim()) event.docNo = v.docNo.trim();
    if (v.outcome) event.outcome = v.outcome;
    if (v.note?.trim()) event.note = v.note.trim();
    return { event };
  };

  /** The problems the new step would bring: violations the dossier does not have already. */
  const check = (event: DossierEvent): RecruitmentViolation[] => {
    const before = new Set(checkTimeline(timelineFromDossier(dossier, person.birthDate), todayInChina()).violations.map((v) => v.rule + v.message));
    const after = checkTimeline(timelineFromDossier({ ...dossier, events: [...dossier.events, event] }, person.birthDate), todayInChina());
    return after.violations.filter((v) => !before.has(v.rule + v.message));
  };

  const submit = async () => {
    const result = read();
    if ('error' in result) return void message.error(result.error);
    const found = check(result.event);
    setProblems(found);
    const save = async () => {
      setBusy(true);
      try {
        await saveStep(db, dossier, person, result.event);
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
      <Form form={form} layout="vertical" initialValues={{ step: nextStep, date: todayInChina() }} onValuesChange={() => setProblems(null)}>
        <Space wrap align="start">
          <Form.Item name="step" label="步骤">
            <Select style={{ width: '20em' }} options={RECRUITMENT_STEPS.map((s) => ({ value: s.step, label: `第${s.step}步 ${s.name}` }))} />
          </Form.Item>
          <Form.Item name="date" label="日期">
            <Input style={{ width: '9em' }} placeholder="2026-11-23" />
          </Form.Item>
          {(step === 11 || step === 13) && (
            <Form.Item name="endDate" label={step === 11 ? '培训结束日期' : '公示结束日期'}>
              <Input style={{ width: '9em' }} placeholder="2026-11-26" />
            </Form.Item>
          )}
        </Space>
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
