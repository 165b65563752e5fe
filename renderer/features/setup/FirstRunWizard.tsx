/** First run: creates the branch in four plain steps, or loads the demo branch to try things out. */
import { Alert, App, Button, Card, DatePicker, Descriptions, Form, Input, Radio, Space, Steps, Switch, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { BRANCH_CATEGORIES, type BranchCategory } from '@shared/model';
import { checkNewBranch, type NewBranchInput } from '@shared/rules/branch';
import { useUiStore } from '../../app/ui-store';
import { useDb } from '../../db/context';
import { loadDemo } from '../../db/demo';
import { createBranch, todayInChina } from '../../db/writes';
import { PasswordSetup } from '../../security/PasswordSetup';
import { setAppMode } from '../../committee/mode';
import { SETUP } from './strings';

interface FormValues {
  name: string;
  category: BranchCategory;
  parentName: string;
  foundedOn?: Dayjs;
  secretaryName: string;
  deputyName?: string;
}

const STEP_FIELDS: (keyof FormValues)[][] = [[], ['name', 'category', 'parentName', 'foundedOn'], ['secretaryName', 'deputyName'], [], []];
/** The step that asks for a password, and the last one. */
const PROTECT_STEP = 3;
const CONFIRM_STEP = 4;

function toInput(values: Partial<FormValues>): NewBranchInput {
  return {
    name: values.name ?? '',
    category: values.category ?? 'retired',
    parentName: values.parentName ?? '',
    secretaryName: values.secretaryName ?? '',
    ...(values.deputyName ? { deputyName: values.deputyName } : {}),
    ...(values.foundedOn ? { foundedOn: values.foundedOn.format('YYYY-MM-DD') } : {}),
  };
}

export function FirstRunWizard() {
  const db = useDb();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [step, setStep] = useState(0);
  const [busy, setBusy] = useState(false);
  const largeType = useUiStore((s) => s.largeType);
  const setLargeType = useUiStore((s) => s.setLargeType);

  /** Checks the fields of this step with the shared rule and shows each message under its field. */
  const checkStep = (): boolean => {
    const errors = checkNewBranch(toInput(form.getFieldsValue(true)));
    const fields = STEP_FIELDS[step] ?? [];
    form.setFields(fields.map((name) => ({ name, errors: errors[name as keyof NewBranchInput] ? [errors[name as keyof NewBranchInput]!] : [] })));
    return fields.every((name) => !errors[name as keyof NewBranchInput]);
  };

  const [protectChoice, setProtectChoice] = useState<'set' | 'skip'>('set');
  const [passwordSaved, setPasswordSaved] = useState(false);

  const next = () => {
    if (step === PROTECT_STEP && !passwordSaved && protectChoice === 'set') {
      message.warning(SETUP.protectNeeded);
      return;
    }
    if (checkStep()) setStep((s) => s + 1);
  };

  const finish = async () => {
    setBusy(true);
    try {
      await createBranch(db, toInput(form.getFieldsValue(true)));
      message.success(SETUP.saved);
    } catch (error) {
      message.error(`保存失败：${(error as Error).message}`);
      setBusy(false);
    }
  };

  const tryDemo = async () => {
    setBusy(true);
    try {
      const result = await loadDemo(db, 'branch', todayInChina());
      if (result.loaded) message.success(SETUP.demoLoaded(result.people));
      else message.warning(result.reason);
    } catch (error) {
      message.error(`载入演示数据失败：${(error as Error).message}`);
    } finally {
      setBusy(false);
    }
  };

  const values = toInput(form.getFieldsValue(true));

  return (
    <div className="wizard-page">
      <Card className="wizard-card" title={<Typography.Title level={2} style={{ margin: 0 }}>{SETUP.title}</Typography.Title>}>
        <Steps current={step} items={SETUP.steps.map((title) => ({ title }))} style={{ marginBottom: 32 }} />
        <Form form={form} layout="vertical" initialValues={{ category: 'retired' }} requiredMark={false} size="large">
          {step === 0 && (
            <Space direction="vertical" size="large" style={{ width: '100%' }}>
              <Typography.Paragraph style={{ fontSize: '1.1em' }}>{SETUP.intro}</Typography.Paragraph>
              <label className="large-type-switch">
                <Switch checked={largeType} onChange={setLargeType} aria-label={SETUP.largeType} /> <span>{SETUP.largeType}</span>
              </label>
              <Space wrap>
                <Button type="primary" size="large" onClick={() => setStep(1)}>
                  {SETUP.start}
                </Button>
                <Button size="large" onClick={tryDemo} loading={busy}>
                  {SETUP.tryDemo}
                </Button>
              </Space>
              <Typography.Text type="secondary">{SETUP.tryDemoHint}</Typography.Text>
              <Button
                type="link"
                style={{ paddingLeft: 0 }}
                onClick={() => {
                  setAppMode('committee');
                  window.location.reload();
                }}
              >
                {SETUP.committee}
              </Button>
            </Space>
          )}
          <div hidden={step !== 1}>
            <Form.Item label={SETUP.name} name="name">
              <Input placeholder={SETUP.namePlaceholder} maxLength={100} />
            </Form.Item>
            <Form.Item label={SETUP.category} name="category">
              <Radio.Group>
                {BRANCH_CATEGORIES.map((c) => (
                  <Radio.Button key={c} value={c}>
                    {SETUP.categories[c]}
                  </Radio.Button>
                ))}
              </Radio.Group>
            </Form.Item>
            <Form.Item label={SETUP.parentName} name="parentName">
              <Input placeholder={SETUP.parentPlaceholder} maxLength={100} />
            </Form.Item>
            <Form.Item label={SETUP.foundedOn} name="foundedOn">
              <DatePicker placeholder="请选择日期" style={{ width: 240 }} />
            </Form.Item>
          </div>
          <div hidden={step !== 2}>
            <Form.Item label={SETUP.secretaryName} name="secretaryName">
              <Input maxLength={20} />
            </Form.Item>
            <Form.Item label={SETUP.deputyName} name="deputyName">
              <Input maxLength={20} />
            </Form.Item>
          </div>
          {step === PROTECT_STEP && (
            <Space direction="vertical" size="middle" style={{ width: '100%' }}>
              <Typography.Paragraph style={{ fontSize: '1.1em', margin: 0 }}>{SETUP.protect}</Typography.Paragraph>
              {passwordSaved ? (
                <Alert type="success" showIcon message={SETUP.protectSaved} />
              ) : (
                <>
                  <Radio.Group value={protectChoice} onChange={(e) => setProtectChoice(e.target.value as 'set' | 'skip')}>
                    <Radio.Button value="set">{SETUP.protectSet}</Radio.Button>
                    <Radio.Button value="skip">{SETUP.protectSkip}</Radio.Button>
                  </Radio.Group>
                  {protectChoice === 'set' ? (
                    <PasswordSetup branchName={values.name} onDone={() => setPasswordSaved(true)} />
                  ) : (
                    <Alert type="warning" showIcon message={SETUP.protectSkipWarning} />
                  )}
                </>
              )}
            </Space>
          )}
          {step === CONFIRM_STEP && (
            <>
              <Typography.Paragraph>{SETUP.confirm}</Typography.Paragraph>
              <Descriptions bordered column={1} size="middle">
                <Descriptions.Item label={SETUP.name}>{values.name}</Descriptions.Item>
                <Descriptions.Item label={SETUP.category}>{SETUP.categories[values.category]}</Descriptions.Item>
                <Descriptions.Item label={SETUP.parentName}>{values.parentName}</Descriptions.Item>
                <Descriptions.Item label="成立日期">{values.foundedOn ?? '未填'}</Descriptions.Item>
                <Descriptions.Item label="书记">{values.secretaryName}</Descriptions.Item>
                <Descriptions.Item label="副书记">{values.deputyName ?? '无'}</Descriptions.Item>
                <Descriptions.Item label="开机密码">{passwordSaved ? '已设置' : '未设置'}</Descriptions.Item>
              </Descriptions>
            </>
          )}
          {step > 0 && (
            <Space style={{ marginTop: 24 }}>
              <Button size="large" onClick={() => setStep((s) => s - 1)} disabled={busy}>
                {SETUP.back}
              </Button>
              {step < CONFIRM_STEP ? (
                <Button type="primary" size="large" onClick={next}>
                  {SETUP.next}
                </Button>
              ) : (
                <Button type="primary" size="large" onClick={finish} loading={busy}>
                  {SETUP.finish}
                </Button>
              )}
            </Space>
          )}
        </Form>
      </Card>
    </div>
  );
}
