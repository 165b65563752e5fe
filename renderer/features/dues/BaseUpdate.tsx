/**
 * 党费基数: each member's dues category and monthly base (税后工资 or 基本养老金), set once a year,
 * usually in January; the amount follows from the rules. Members whose base was not set this year are
 * marked, and a base confirmed unchanged is recorded with its date.
 */
import { App, Alert, Button, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { DUES_CATEGORIES, type DuesCategory, type PersonDoc } from '@shared/model';
import { DUES_CATEGORY_LABELS, duesCategoryOf, monthlyDues, needsBaseUpdate, yuan } from '@shared/rules/dues';
import { useDb } from '../../db/context';
import { todayInChina } from '../../db/writes';
import type { DuesTabProps } from './DuesPage';
import { saveDuesBase } from './writes';

export function BaseUpdate({ members, farmerFen }: DuesTabProps) {
  const today = todayInChina();
  const due = members.filter((p) => needsBaseUpdate(p, today)).length;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {due > 0 ? (
        <Alert type="warning" showIcon message={`${due} 人今年的党费基数还没有核定`} description="在职党员按税后月工资的固定部分，离退休党员按基本养老金。改好一行按“保存”；基数没变也按一下“保存”，记下今年已核定。" />
      ) : (
        <Alert type="success" showIcon message="今年每个人的党费基数都已核定" />
      )}
      <Table
        size="middle"
        rowKey="id"
        pagination={false}
        dataSource={[...members].sort((a, b) => Number(needsBaseUpdate(b, today)) - Number(needsBaseUpdate(a, today)))}
        columns={[
          { title: '姓名', dataIndex: 'name', width: 100 },
          { title: '党费类别、基数和每月应交', key: 'edit', render: (_, p) => <BaseRow person={p} farmerFen={farmerFen} today={today} /> },
        ]}
      />
    </Space>
  );
}

function BaseRow({ person, farmerFen, today }: { person: PersonDoc; farmerFen: number; today: string }) {
  const db = useDb();
  const { message } = App.useApp();
  const [category, setCategory] = useState<DuesCategory | null>(duesCategoryOf(person));
  const [baseYuan, setBaseYuan] = useState<number | null>(person.duesBaseFen === undefined ? null : person.duesBaseFen / 100);
  const baseFen = baseYuan === null ? undefined : Math.round(baseYuan * 100);
  const amount = category ? monthlyDues({ category, ...(baseFen !== undefined ? { baseFen } : {}) }, { farmerFen }) : null;
  const needsBase = category === 'employed' || category === 'retired';
  const save = () => {
    if (!category) return message.error(`请先选择${person.name}的党费类别`);
    saveDuesBase(db, person, { duesCategory: category, ...(needsBase && baseFen !== undefined ? { duesBaseFen: baseFen } : {}), setOn: today }).then(
      (changed) => (changed ? message.success(`已保存${person.name}的党费基数`) : message.info('没有改动')),
      (e: Error) => message.error(`保存失败：${e.message}`),
    );
  };
  return (
    <Space wrap>
      <Select
        aria-label={`${person.name}的党费类别`}
        style={{ width: '8em' }}
        placeholder="选择类别"
        value={category}
        onChange={setCategory}
        options={DUES_CATEGORIES.map((c) => ({ value: c, label: DUES_CATEGORY_LABELS[c] }))}
      />
      {needsBase && (
        <InputNumber
          aria-label={`${person.name}的党费基数`}
          style={{ width: '10em' }}
          min={0}
          max={1000000}
          precision={2}
          addonAfter="元"
          placeholder="每月基数"
          value={baseYuan}
          onChange={(v) => setBaseYuan(v)}
        />
      )}
      {amount && (amount.ok ? <Typography.Text>每月 {yuan(amount.amountFen)} 元</Typography.Text> : <Typography.Text type="warning">{amount.message}</Typography.Text>)}
      {person.duesBaseSetOn ? <Typography.Text type="secondary">核定于 {person.duesBaseSetOn}</Typography.Text> : null}
      {needsBaseUpdate(person, today) && <Tag color="orange">今年未核定</Tag>}
      <Button size="small" onClick={save}>
        保存
      </Button>
    </Space>
  );
}
