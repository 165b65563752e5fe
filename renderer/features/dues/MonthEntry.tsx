/**
 * 按月收缴: the whole branch for one month in one screen. Tick who paid (all at once, then untick the
 * few who did not), the date, who handed it in for a homebound member; one click stores them and
 * numbers the receipts. Paid rows show their receipt; a mistaken payment can be taken back.
 */
import { App, Alert, Button, Input, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { duesReceipts } from '@shared/forms/dues';
import type { DuesDoc } from '@shared/model';
import { DUES_CATEGORY_LABELS, monthSheet, nextReceiptNo, paymentRows, yuan } from '@shared/rules/dues';
import { readDate } from '@shared/rules/person';
import { useDb } from '../../db/context';
import { newId } from '../../db/random';
import { todayInChina } from '../../db/writes';
import { MonthSelect, monthText, type DuesTabProps } from './DuesPage';
import { PaymentDialog } from './PaymentDialog';
import { useDuesBetween } from './hooks';
import { receiptsOf } from './receipts';
import { cancelPayment, recordPayments } from './writes';

export function MonthEntry({ branch, members, ledgerStart, farmerFen, onPreview }: DuesTabProps) {
  const db = useDb();
  const { message } = App.useApp();
  const today = todayInChina();
  const [month, setMonth] = useState(today.slice(0, 7));
  const year = month.slice(0, 4);
  // The whole year's rows: receipt numbers run through the year.
  const yearRows = useDuesBetween(branch.id, `${year}-01`, `${year}-12`);
  const rows = useMemo(() => (yearRows.value ?? []).filter((r) => r.month === month), [yearRows.value, month]);
  const sheet = useMemo(() => monthSheet(members, rows, month, { farmerFen, ledgerStart }), [members, rows, month, farmerFen, ledgerStart]);
  const [selected, setSelected] = useState<string[]>([]);
  const [paidOn, setPaidOn] = useState(today);
  const [paidBy, setPaidBy] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const [dialogFor, setDialogFor] = useState<string | null>(null);

  const unpaid = sheet.filter((r) => !r.payment.paid && r.due.ok);
  const problems = sheet.filter((r) => !r.payment.paid && !r.due.ok);
  const paidTotal = rows.filter((r) => r.paidOn).reduce((sum, r) => sum + (r.paidFen ?? r.amountFen), 0);

  const save = async () => {
    const date = readDate(paidOn.trim());
    if (!date) return message.error('交纳日期格式不对，例如 2026-11-23');
    if (date > today) return message.error('交纳日期不能晚于今天');
    setSaving(true);
    try {
      const receipts = [...(yearRows.value ?? []).map((r) => r.receiptNo ?? '')];
      const all = selected.flatMap((personId) => {
        const line = sheet.find((r) => r.personId === personId);
        const person = members.find((p) => p.id === personId);
        if (!line || !person || line.payment.paid) return [];
        const receiptNo = nextReceiptNo(receipts, Number(date.slice(0, 4)));
        receipts.push(receiptNo);
        const who = paidBy[personId]?.trim();
        const made = paymentRows(
          person,
          { paymentId: newId(), months: [month], paidOn: date, receiptNo, ...(who ? { paidBy: who } : {}) },
          { existing: line.rows, ledgerStart, today, farmerFen },
        );
        if (!made.ok) throw new Error(made.message);
        return made.rows;
      });
      if (all.length === 0) return message.warning('请先勾选已经交了党费的党员');
      await recordPayments(db, branch.id, all);
      message.success(`已登记 ${all.length} 人${monthText(month)}的党费`);
      setSelected([]);
    } catch (error) {
      message.error(`没有保存：${(error as Error).message}`);
    } finally {
      setSaving(false);
    }
  };

  const printReceipts = (chosen: readonly DuesDoc[]) => onPreview({ form: duesReceipts(receiptsOf(chosen, yearRows.value ?? [], members), branch.name), fileName: `党费收据-${month}` });

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <MonthSelect value={month} onChange={(m) => (setMonth(m), setSelected([]))} from={ledgerStart} to={today.slice(0, 7)} />
        <Typography.Text>
          应交 {sheet.length} 人，已交 {sheet.filter((r) => r.payment.paid).length} 人，合计 {yuan(paidTotal)} 元
        </Typography.Text>
        <Button disabled={!rows.some((r) => r.paidOn)} onClick={() => printReceipts(rows.filter((r) => r.paidOn))}>
          打印本月收据
        </Button>
      </Space>
      {problems.length > 0 && (
        <Alert
          type="warning"
          showIcon
          message={`${problems.length} 人的党费还算不出来`}
          description={problems.map((p) => (p.due.ok ? '' : p.due.message)).join('；') + '。请到“党费基数”里补上。'}
        />
      )}
      <Space wrap>
        <Typography.Text>交纳日期</Typography.Text>
        <Input aria-label="交纳日期" style={{ width: '10em' }} value={paidOn} onChange={(e) => setPaidOn(e.target.value)} />
        <Button onClick={() => setSelected(unpaid.map((r) => r.personId))}>全部勾选未交的人</Button>
        <Button type="primary" loading={saving} disabled={selected.length === 0} onClick={() => void save()}>
          登记所选 {selected.length} 人已交
        </Button>
      </Space>
      <Table
        size="middle"
        rowKey="personId"
        pagination={false}
        dataSource={sheet}
        rowSelection={{
          selectedRowKeys: selected,
          onChange: (keys) => setSelected(keys as string[]),
          getCheckboxProps: (r) => ({ disabled: r.payment.paid || !r.due.ok, 'aria-label': `${r.name}已交` }),
        }}
        columns={[
          { title: '姓名', dataIndex: 'name', width: 110 },
          { title: '类别', key: 'category', width: 90, render: (_, r) => (r.duesCategory ? DUES_CATEGORY_LABELS[r.duesCategory] : <Tag color="orange">未定</Tag>) },
          { title: '基数（元）', key: 'base', width: 110, align: 'right', render: (_, r) => (r.baseFen === undefined ? '' : yuan(r.baseFen)) },
          { title: '应交（元）', key: 'amount', width: 100, align: 'right', render: (_, r) => (r.due.ok ? yuan(r.due.amountFen) : <Tag color="orange">算不出</Tag>) },
          {
            title: '情况',
            key: 'state',
            render: (_, r) => {
              const paid = r.rows.find((x) => x.paidOn);
              return paid ? (
                <Space size="small" wrap>
                  <Tag color={r.payment.paid ? 'green' : 'orange'}>{r.payment.paid ? '已交' : `少交 ${yuan(r.payment.owingFen ?? 0)} 元`} {paid.paidOn}</Tag>
                  {paid.receiptNo && <Typography.Text type="secondary">收据 {paid.receiptNo}</Typography.Text>}
                  {paid.paidBy && <Typography.Text type="secondary">{paid.paidBy}代交</Typography.Text>}
                  <Button size="small" onClick={() => printReceipts((yearRows.value ?? []).filter((x) => x.paymentId && x.paymentId === paid.paymentId))}>
                    收据
                  </Button>
                  <Popconfirm
                    title="撤销这笔党费记录？"
                    description="登记错了才撤销：这笔交费涉及的月份都会变回未交。"
                    okText="撤销"
                    cancelText="不撤销"
                    onConfirm={() =>
                      paid.paymentId
                        ? cancelPayment(db, paid.paymentId).then((n) => message.success(`已撤销（${n}个月）`), (e: Error) => message.error(e.message))
                        : undefined
                    }
                  >
                    <Button size="small" danger>
                      撤销
                    </Button>
                  </Popconfirm>
                </Space>
              ) : (
                <Space size="small" wrap>
                  <Tag>未交</Tag>
                  <Input
                    size="small"
                    aria-label={`${r.name}的代交人`}
                    placeholder="代交人（本人交可不填）"
                    style={{ width: '13em' }}
                    value={paidBy[r.personId] ?? ''}
                    onChange={(e) => setPaidBy((p) => ({ ...p, [r.personId]: e.target.value }))}
                  />
                  <Button size="small" onClick={() => setDialogFor(r.personId)}>
                    补交/预交
                  </Button>
                </Space>
              );
            },
          },
        ]}
      />
      {dialogFor && (
        <PaymentDialog
          branch={branch}
          person={members.find((p) => p.id === dialogFor)!}
          ledgerStart={ledgerStart}
          farmerFen={farmerFen}
          onClose={() => setDialogFor(null)}
          onPrint={(chosen, all) => onPreview({ form: duesReceipts(receiptsOf(chosen, all, members), branch.name), fileName: '党费收据' })}
        />
      )}
    </Space>
  );
}
