/**
 * 补交 / 预交 for one member: the months since the ledger began and the year ahead, each paid or not;
 * tick the months handed in now, one receipt for all of them.
 */
import { App, Alert, Checkbox, Input, Modal, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { DuesDoc, OrgDoc, PersonDoc } from '@shared/model';
import { addMonths } from '@shared/dates';
import { firstDuesMonth, memberDues, monthPaid, nextReceiptNo, paymentRows, yuan } from '@shared/rules/dues';
import { readDate } from '@shared/rules/person';
import { useDb } from '../../db/context';
import { newId } from '../../db/random';
import { todayInChina } from '../../db/writes';
import { monthOptions, monthText } from './DuesPage';
import { useDuesBetween } from './hooks';
import { recordPayments } from './writes';

export function PaymentDialog({
  branch,
  person,
  ledgerStart,
  farmerFen,
  onClose,
  onPrint,
}: {
  branch: OrgDoc;
  person: PersonDoc;
  ledgerStart: string;
  farmerFen: number;
  onClose: () => void;
  onPrint: (chosen: DuesDoc[], all: DuesDoc[]) => void;
}) {
  const db = useDb();
  const { message } = App.useApp();
  const today = todayInChina();
  const firstMonth = firstDuesMonth(person, ledgerStart);
  const lastMonth = addMonths(`${today.slice(0, 7)}-01`, 11).slice(0, 7); // 预交 up to a year ahead
  const rows = useDuesBetween(branch.id, ledgerStart.slice(0, 4) + '-01', lastMonth);
  const personRows = useMemo(() => (rows.value ?? []).filter((r) => r.personId === person.id), [rows.value, person.id]);
  const paidMonths = new Set([...new Set(personRows.map((r) => r.month))].filter((m) => monthPaid(personRows.filter((r) => r.month === m)).paid));
  const months = firstMonth ? monthOptions(firstMonth, lastMonth).reverse() : [];
  const amount = memberDues(person, { farmerFen });
  const [chosen, setChosen] = useState<string[]>([]);
  const [paidOn, setPaidOn] = useState(today);
  const [paidBy, setPaidBy] = useState('');
  const [saved, setSaved] = useState<DuesDoc[] | null>(null);

  const save = async () => {
    const date = readDate(paidOn.trim());
    if (!date) return message.error('交纳日期格式不对，例如 2026-11-23');
    const receiptNo = nextReceiptNo((rows.value ?? []).map((r) => r.receiptNo ?? ''), Number(date.slice(0, 4)));
    const made = paymentRows(
      person,
      { paymentId: newId(), months: chosen, paidOn: date, receiptNo, ...(paidBy.trim() ? { paidBy: paidBy.trim() } : {}) },
      { existing: personRows, ledgerStart, today, farmerFen },
    );
    if (!made.ok) return message.error(made.message);
    try {
      await recordPayments(db, branch.id, made.rows);
      const stored = await db.dues.find({ selector: { paymentId: made.rows[0]!.paymentId } }).exec();
      setSaved(stored.map((d) => d.toMutableJSON(false) as DuesDoc));
      message.success(`已登记${person.name} ${chosen.length} 个月的党费`);
    } catch (error) {
      message.error(`没有保存：${(error as Error).message}`);
    }
  };

  return (
    <Modal
      open
      width={720}
      title={`${person.name}：补交或预交党费`}
      okText={saved ? '打印收据' : `登记 ${chosen.length} 个月`}
      cancelText="关闭"
      okButtonProps={{ disabled: !saved && chosen.length === 0 }}
      onOk={() => (saved ? onPrint(saved, rows.value ?? []) : void save())}
      onCancel={onClose}
    >
      {!firstMonth ? (
        <Alert type="info" showIcon message="此人还不是党员，不交党费（从被接收为预备党员的当月起交纳）。" />
      ) : !amount.ok ? (
        <Alert type="warning" showIcon message={`${amount.message}（在“党费基数”里填写）`} />
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text>
            每月应交 {yuan(amount.amountFen)} 元（{amount.rule}）。勾选这次交的月份：
          </Typography.Text>
          <Checkbox.Group value={chosen} onChange={(v) => setChosen(v as string[])} disabled={!!saved}>
            <Space wrap>
              {months.map((m) =>
                paidMonths.has(m.value) ? (
                  <Tag key={m.value} color="green">
                    {monthText(m.value)} 已交
                  </Tag>
                ) : (
                  <Checkbox key={m.value} value={m.value}>
                    {monthText(m.value)}
                    {m.value < today.slice(0, 7) ? '（补交）' : m.value > today.slice(0, 7) ? '（预交）' : ''}
                  </Checkbox>
                ),
              )}
            </Space>
          </Checkbox.Group>
          <Space wrap>
            <Typography.Text>交纳日期</Typography.Text>
            <Input aria-label="交纳日期" style={{ width: '10em' }} value={paidOn} onChange={(e) => setPaidOn(e.target.value)} disabled={!!saved} />
            <Typography.Text>代交人</Typography.Text>
            <Input aria-label="代交人" style={{ width: '10em' }} placeholder="本人交可不填" value={paidBy} onChange={(e) => setPaidBy(e.target.value)} disabled={!!saved} />
          </Space>
          <Typography.Text strong>合计 {yuan(amount.amountFen * chosen.length)} 元</Typography.Text>
        </Space>
      )}
    </Modal>
  );
}
