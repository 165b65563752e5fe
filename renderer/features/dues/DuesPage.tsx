/**
 * 党费: a month's dues entered for the whole branch in one screen, 补交 and 预交 for one member, the
 * arrears with the steps the rules require, the yearly base update, and the receipts and the yearly
 * summary printed (and exported to Excel). Amounts come from the rules, never typed.
 */
import { App, Alert, Button, Card, Empty, Form, Input, Select, Tabs, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { FormDocument } from '@shared/forms/document';
import type { OrgDoc, PersonDoc } from '@shared/model';
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
  const members = useMemo(
    () => (people.value ?? []).filter((p) => p.onRoll && (p.status === 'full' || p.status === 'probationary')).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')),
    [people.value],
  );
  const ledgerStart = branch.dues?.ledgerStart;

  if (people.loading) return <Card loading />;
  if (!ledgerStart) return <LedgerStart branch={branch} />;
  const common = { branch, members, ledgerStart, farmerFen: branch.dues?.farmerFen ?? 20, onPreview: setPreview };
  return (
    <Card title="党费收缴" extra={<Typography.Text type="secondary">本软件从{monthText(ledgerStart)}起记账</Typography.Text>}>
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
    </Card>
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

