/**
 * 党费: a month's dues entered for the whole branch in one screen, 补交 and 预交 for one member, the
 * arrears with the steps the rules require, the yearly base update, and the receipts and the yearly
 * summary printed (and exported to Excel). Amounts come from the rules, never typed.
 */
import { App, Alert, Button, Card, Empty, Form, Input, InputNumber, Modal, Select, Space, Tabs, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { FormDocument } from '@shared/forms/document';
import type { OrgDoc, PersonDoc } from '@shared/model';
import { FARMER_FEN_DEFAULT, FARMER_FEN_MAX, FARMER_FEN_MIN, yuan } from '@shared/rules/dues';
import { readDate } from '@shared/rules/person';
import { useDb } from '../../db/context';
import { todayInChina } from '../../db/writes';
import { FormPreview } from '../../print/FormPreview';
import { useRosterPeople } from '../roster/hooks';
import { ArrearsList } from './ArrearsList';
import { BaseUpdate } from './BaseUpdate';
import { MonthEntry } from './MonthEntry';
import { YearSummary } from './YearSummary';
import { setDuesSettings } from './writes';

export type Preview = { form: FormDocument | FormDocument[]; fileName: string };

/** '2026-03' → '2026年3月'. */
export const monthText = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;

export function DuesPage({ branch }: { branch: OrgDoc }) {
  const people = useRosterPeople(branch.id);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [settings, setSettings] = useState(false);
  const members = useMemo(
    () => (people.value ?? []).filter((p) => p.onRoll && (p.status === 'full' || p.status === 'probationary')).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')),
    [people.value],
  );
  const ledgerStart = branch.dues?.ledgerStart;

  if (people.loading) return <Card loading />;
  if (!ledgerStart) return <LedgerStart branch={branch} />;
  const common = { branch, members, ledgerStart, farmerFen: branch.dues?.farmerFen ?? 20, onPreview: setPreview };
  return (
    <Card
      title="党费收缴"
      extra={
        <Space>
          <Typography.Text type="secondary">
            本软件从{monthText(ledgerStart)}起记账；农民党员每月{yuan(common.farmerFen)}元
          </Typography.Text>
          <Button size="small" onClick={() => setSettings(true)}>
            记账设置
          </Button>
        </Space>
      }
    >
      <Tabs
        destroyOnHidden
        items={[
          { key: 'month', label: '按月收缴', children: <MonthEntry {...common} /> },
          { key: 'arrears', label: '欠缴提醒', children: <ArrearsList {...common} /> },
          { key: 'base', label: '党费基数', children: <BaseUpdate {...common} /> },
          { key: 'year', label: '年度汇总', children: <YearSummary {...common} /> },
        ]}
      />
      {preview && <FormPreview form={preview.form} fileName={preview.fileName} onClose={() => setPreview(null)} />}
      {settings && <DuesSettings branch={branch} onClose={() => setSettings(false)} />}
    </Card>
  );
}

/** The ledger's start month and 农民's monthly amount (0.2–1 元, as the branch decides). */
function DuesSettings({ branch, onClose }: { branch: OrgDoc; onClose: () => void }) {
  const db = useDb();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ start: string; farmerYuan: number }>();
  return (
    <Modal open title="党费记账设置" okText="保存" cancelText="取消" onCancel={onClose} onOk={() => form.submit()}>
      <Form
        form={form}
        name="dues-settings"
        layout="vertical"
        initialValues={{ start: branch.dues?.ledgerStart ?? '', farmerYuan: (branch.dues?.farmerFen ?? FARMER_FEN_DEFAULT) / 100 }}
        onFinish={(v) => {
          const date = readDate(`${v.start.trim()}-01`);
          if (!date) return void message.error('月份格式不对，例如 2026-01');
          const farmerFen = Math.round(v.farmerYuan * 100);
          setDuesSettings(db, branch, { ledgerStart: date.slice(0, 7), farmerFen }).then(
            () => (message.success('已保存'), onClose()),
            (e: Error) => message.error(`保存失败：${e.message}`),
          );
        }}
      >
        <Form.Item name="start" label="从哪个月开始在本软件记账（这个月以前的不算欠缴）" rules={[{ required: true, message: '请填写月份' }]}>
          <Input placeholder="例如 2026-01" style={{ width: '12em' }} />
        </Form.Item>
        <Form.Item name="farmerYuan" label="农民党员每月交纳（0.2元至1元，由支部确定）">
          <InputNumber min={FARMER_FEN_MIN / 100} max={FARMER_FEN_MAX / 100} step={0.1} precision={2} addonAfter="元" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export interface DuesTabProps {
  branch: OrgDoc;
  members: PersonDoc[];
  ledgerStart: string;
  farmerFen: number;
  onPreview: (preview: Preview) => void;
}

/** First use: from which month the ledger is kept here (months before it never count as unpaid). */
function LedgerStart({ branch }: { branch: OrgDoc }) {
  const db = useDb();
  const { message } = App.useApp();
  const year = todayInChina().slice(0, 4);
  return (
    <Card title="党费收缴">
      <Empty description="第一次使用党费功能，请先告诉软件从哪个月开始在这里记党费。">
        <Form
          name="dues-ledger-start"
          layout="vertical"
          style={{ maxWidth: 420, margin: '0 auto', textAlign: 'left' }}
          initialValues={{ start: `${year}-01` }}
          onFinish={(v: { start: string }) => {
            const date = readDate(`${v.start.trim()}-01`);
            if (!date) return message.error('月份格式不对，例如 2026-01');
            setDuesSettings(db, branch, { ledgerStart: date.slice(0, 7) }).then(
              () => message.success('已设置，可以开始登记党费'),
              (e: Error) => message.error(`保存失败：${e.message}`),
            );
          }}
        >
          <Form.Item name="start" label="从哪个月开始记账（这个月以前的党费不算欠缴）" rules={[{ required: true, message: '请填写月份' }]}>
            <Input placeholder="例如 2026-01" />
          </Form.Item>
          <Alert type="info" showIcon message="通常从今年1月开始：把今年已经收的党费补登进来，欠缴提醒才准确。" style={{ marginBottom: 16 }} />
          <Button type="primary" htmlType="submit">
            开始记党费
          </Button>
        </Form>
      </Empty>
    </Card>
  );
}

/** The months of a year up to the given month, newest first, for a month picker. */
export function monthOptions(from: string, to: string): { value: string; label: string }[] {
  const out: { value: string; label: string }[] = [];
  let [y, m] = [Number(to.slice(0, 4)), Number(to.slice(5, 7))];
  while (`${y}-${String(m).padStart(2, '0')}` >= from) {
    const value = `${y}-${String(m).padStart(2, '0')}`;
    out.push({ value, label: monthText(value) });
    m -= 1;
    if (m === 0) [y, m] = [y - 1, 12];
  }
  return out;
}

export function MonthSelect({ value, onChange, from, to }: { value: string; onChange: (m: string) => void; from: string; to: string }) {
  return <Select aria-label="月份" style={{ width: '9em' }} value={value} onChange={onChange} options={monthOptions(from, to)} />;
}

