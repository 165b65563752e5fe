/**
 * The recurring records of a dossier: 思想汇报 (quarterly), 培养考察 / 预备期考察 (half-yearly) and
 * 党课、培训. Each list adds a dated entry or removes one entered by mistake.
 */
import { App, Button, Card, Form, Input, InputNumber, Popconfirm, Space, Table } from 'antd';
import type { DossierDoc } from '@shared/model';
import { readDate } from '@shared/rules/person';
import { useDb } from '../../db/context';
import { todayInChina } from '../../db/writes';
import { addRecord, removeRecord, setLeavingOn, type RecordEntry, type RecordList } from './writes';

const LISTS: { list: RecordList; title: string; by: string; placeholder: string }[] = [
  { list: 'thoughtReports', title: '思想汇报（每季度至少一份）', by: '', placeholder: '例如：学习党的二十大精神的体会' },
  { list: 'evaluations', title: '培养考察、预备期考察（每半年至少一次）', by: '考察人', placeholder: '例如：工作积极，能主动参加支部活动' },
  { list: 'trainings', title: '党课、集中培训', by: '', placeholder: '例如：市直机关工委集中培训' },
];

interface Values {
  date?: string;
  endDate?: string;
  by?: string;
  hours?: number;
  note?: string;
}

function RecordList({ dossier, list, title, by, placeholder }: { dossier: DossierDoc; list: RecordList; title: string; by: string; placeholder: string }) {
  const db = useDb();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const entries = dossier[list];

  const add = async () => {
    const v = form.getFieldsValue();
    const date = readDate(v.date ?? '');
    if (!date) return void message.error('请填写日期，例如 2026-11-23');
    if (date > todayInChina()) return void message.error('日期不能晚于今天');
    const endDate = v.endDate ? readDate(v.endDate) : undefined;
    if (v.endDate && !endDate) return void message.error('结束日期格式不对，例如 2026-11-26');
    if (endDate && endDate < date) return void message.error('结束日期不能早于开始日期');
    const entry: RecordEntry = { date };
    if (endDate) entry.endDate = endDate;
    if (v.by?.trim()) entry.by = v.by.trim();
    if (v.hours !== undefined && v.hours !== null) entry.hours = v.hours;
    if (v.note?.trim()) entry.note = v.note.trim();
    try {
      await addRecord(db, dossier, list, entry);
      form.resetFields();
      message.success('已添加');
    } catch (error) {
      message.error(`添加失败：${(error as Error).message}`);
    }
  };

  return (
    <Card size="small" title={`${title}：${entries.length} 条`} style={{ marginBottom: 12 }} data-testid={`records-${list}`}>
      <Table<RecordEntry>
        size="small"
        pagination={false}
        rowKey={(e) => `${e.date}-${e.note ?? ''}-${e.by ?? ''}`}
        dataSource={entries}
        locale={{ emptyText: '还没有记录' }}
        columns={[
          { title: '日期', key: 'date', width: 200, render: (_, e) => (e.endDate ? `${e.date} 至 ${e.endDate}` : e.date) },
          ...(list === 'trainings' ? [{ title: '学时', key: 'hours', width: 70, render: (_: unknown, e: RecordEntry) => e.hours ?? '' }] : []),
          ...(by ? [{ title: by, key: 'by', width: 100, render: (_: unknown, e: RecordEntry) => e.by ?? '' }] : []),
          { title: '内容', key: 'note', render: (_, e) => e.note ?? '' },
          {
            title: '',
            key: 'remove',
            width: 70,
            render: (_, e) => (
              <Popconfirm title="删除这条记录？" okText="删除" cancelText="不删" onConfirm={() => removeRecord(db, dossier, list, e).catch((error: Error) => message.error(`删除失败：${error.message}`))}>
                <Button size="small" type="link" danger>
                  删除
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
      <Form form={form} name={`record-${list}`} layout="inline" style={{ marginTop: 8, rowGap: 8 }}>
        <Form.Item name="date" label="日期">
          <Input style={{ width: '8.5em' }} placeholder={todayInChina()} />
        </Form.Item>
        {list === 'trainings' && (
          <>
            <Form.Item name="endDate" label="至">
              <Input style={{ width: '8.5em' }} placeholder="结束日期" />
            </Form.Item>
            <Form.Item name="hours" label="学时">
              <InputNumber min={0} max={1000} style={{ width: '5em' }} />
            </Form.Item>
          </>
        )}
        {by && (
          <Form.Item name="by" label={by}>
            <Input style={{ width: '7em' }} maxLength={100} />
          </Form.Item>
        )}
        <Form.Item name="note" label="内容" style={{ flex: 1, minWidth: '14em' }}>
          <Input placeholder={placeholder} maxLength={2000} />
        </Form.Item>
        <Space>
          <Button onClick={() => void add()}>添加</Button>
        </Space>
      </Form>
    </Card>
  );
}

/** R-LEAVING-3M: a candidate who leaves the unit within three months is not admitted. */
function LeavingDate({ dossier }: { dossier: DossierDoc }) {
  const db = useDb();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ leavingOn?: string }>();
  const save = async () => {
    const typed = form.getFieldValue('leavingOn') as string | undefined;
    const leavingOn = typed?.trim() ? readDate(typed) : undefined;
    if (typed?.trim() && !leavingOn) return void message.error('日期格式不对，例如 2027-03-01');
    try {
      await setLeavingOn(db, dossier, leavingOn);
      message.success(leavingOn ? '已记下离开日期' : '已清除离开日期');
    } catch (error) {
      message.error(`保存失败：${(error as Error).message}`);
    }
  };
  return (
    <Card size="small" title="预计离开本单位（调动、毕业等，知道时填写）" style={{ marginBottom: 12 }}>
      <Form form={form} name="leaving" layout="inline" initialValues={{ leavingOn: dossier.leavingOn ?? '' }}>
        <Form.Item name="leavingOn" label="日期">
          <Input style={{ width: '9em' }} placeholder="2027-03-01" />
        </Form.Item>
        <Button onClick={() => void save()}>保存</Button>
      </Form>
    </Card>
  );
}

export function RecordsPanel({ dossier }: { dossier: DossierDoc }) {
  return (
    <>
      <LeavingDate key={dossier.updatedAt} dossier={dossier} />
      {LISTS.map((l) => (
        <RecordList key={l.list} dossier={dossier} {...l} />
      ))}
    </>
  );
}
