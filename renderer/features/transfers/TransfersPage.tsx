/**
 * 组织关系: outgoing letters (the three-part 介绍信 printed, the 回执 tracked until it comes back),
 * incoming members (added to the roll with the letter in their history), and the 流动党员 (where they
 * are, how the branch keeps in touch).
 */
import { App, Alert, Button, Card, Empty, Form, Input, InputNumber, Modal, Popconfirm, Radio, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { map } from 'rxjs';
import type { FormDocument } from '@shared/forms/document';
import { GENDER_LABELS, CATEGORY_LABELS } from '@shared/forms/labels';
import { transferLetter } from '@shared/forms/transfers';
import { PERSON_CATEGORIES, type OrgDoc, type PersonCategory, type PersonDoc, type TransferDoc } from '@shared/model';
import { arrears, duesPaidTo, firstDuesMonth } from '@shared/rules/dues';
import { readDate } from '@shared/rules/person';
import {
  checkTransfer,
  defaultValidDays,
  letterExpiresOn,
  letterFromPerson,
  nextLetterNo,
  transferState,
  TRANSFER_SCOPE_LABELS,
  type TransferFields,
  type TransferScope,
  type TransferState,
} from '@shared/rules/transfers';
import { lastContacts } from '@shared/rules/care';
import { useDb, useObservable } from '../../db/context';
import { todayInChina } from '../../db/writes';
import { FormPreview } from '../../print/FormPreview';
import { DateDialog } from '../../app/DateDialog';
import { useDuesBetween } from '../dues/hooks';
import { useRosterPeople } from '../roster/hooks';
import { cancelOutgoing, issueOutgoing, recordReceipt, registerIncoming, saveMobile } from './writes';

const STATE_TAGS: Record<TransferState, { color: string; text: (t: TransferDoc) => string }> = {
  open: { color: 'processing', text: (t) => (t.direction === 'out' ? '等回执' : '待报到') },
  expired: { color: 'error', text: (t) => (t.direction === 'out' ? '已过有效期，回执未回' : '已过有效期') },
  done: { color: 'success', text: (t) => (t.direction === 'out' ? `已回执 ${t.receiptOn ?? ''}` : `已报到 ${t.arrivedOn ?? ''}`) },
  cancelled: { color: 'default', text: () => '已撤销' },
};

function useTransfers(orgId: string) {
  const db = useDb();
  return useObservable(() => db.transfers.find({ selector: { orgId }, sort: [{ issuedOn: 'desc' }] }).$.pipe(map((docs) => docs.map((d) => d.toMutableJSON(false) as TransferDoc))), [db, orgId]);
}

export function TransfersPage({ branch }: { branch: OrgDoc }) {
  const transfers = useTransfers(branch.id);
  const people = useRosterPeople(branch.id);
  const [preview, setPreview] = useState<{ form: FormDocument; fileName: string } | null>(null);
  if (transfers.loading || people.loading) return <Card loading />;
  const all = transfers.value ?? [];
  const printLetter = (t: TransferDoc) => setPreview({ form: transferLetter(t, { issuer: branch.parentName }), fileName: `组织关系介绍信-${t.name}-${t.letterNo ?? ''}` });
  return (
    <Card title="组织关系转接">
      <Tabs
        items={[
          { key: 'out', label: '转出', children: <Outgoing branch={branch} people={people.value ?? []} transfers={all} onPrint={printLetter} onBlank={() => setPreview({ form: transferLetter(null), fileName: '组织关系介绍信-空白' })} /> },
          { key: 'in', label: '转入', children: <Incoming branch={branch} transfers={all.filter((t) => t.direction === 'in')} /> },
          { key: 'mobile', label: '流动党员', children: <Mobile branch={branch} people={people.value ?? []} /> },
        ]}
      />
      {preview && <FormPreview form={preview.form} fileName={preview.fileName} onClose={() => setPreview(null)} />}
    </Card>
  );
}

function StateTag({ transfer }: { transfer: TransferDoc }) {
  const state = transferState(transfer, todayInChina());
  return <Tag color={STATE_TAGS[state].color}>{STATE_TAGS[state].text(transfer)}</Tag>;
}

function Outgoing({ branch, people, transfers, onPrint, onBlank }: { branch: OrgDoc; people: PersonDoc[]; transfers: TransferDoc[]; onPrint: (t: TransferDoc) => void; onBlank: () => void }) {
  const db = useDb();
  const { message } = App.useApp();
  const [issuing, setIssuing] = useState(false);
  const [receiptFor, setReceiptFor] = useState<TransferDoc | null>(null);
  const outgoing = transfers.filter((t) => t.direction === 'out');
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Button type="primary" onClick={() => setIssuing(true)}>
          开具转出介绍信
        </Button>
        <Button onClick={onBlank}>打印空白介绍信</Button>
      </Space>
      {outgoing.length === 0 ? (
        <Empty description="还没有转出的党员" />
      ) : (
        <Table
          size="middle"
          rowKey="id"
          pagination={false}
          dataSource={outgoing}
          columns={[
            { title: '编号', dataIndex: 'letterNo', width: 100 },
            { title: '姓名', dataIndex: 'name', width: 90 },
            { title: '转往', dataIndex: 'toOrg' },
            { title: '开具日期', dataIndex: 'issuedOn', width: 110 },
            { title: '有效期至', key: 'until', width: 110, render: (_, t) => (t.validDays ? letterExpiresOn(t.issuedOn, t.validDays) : '') },
            { title: '情况', key: 'state', width: 190, render: (_, t) => <StateTag transfer={t} /> },
            {
              title: '',
              key: 'actions',
              width: 260,
              render: (_, t) => (
                <Space size="small" wrap>
                  <Button size="small" onClick={() => onPrint(t)}>
                    打印介绍信
                  </Button>
                  {(t.state === 'open' || t.state === 'expired') && !t.receiptOn && (
                    <>
                      <Button size="small" onClick={() => setReceiptFor(t)}>
                        登记回执
                      </Button>
                      <Popconfirm
                        title="撤销这份介绍信？"
                        description="介绍信没有用（党员不转了）才撤销：撤销后此人回到名册。"
                        okText="撤销"
                        cancelText="不撤销"
                        onConfirm={() => cancelOutgoing(db, t).then(() => message.success(`已撤销，${t.name}回到名册`), (e: Error) => message.error(e.message))}
                      >
                        <Button size="small" danger>
                          撤销
                        </Button>
                      </Popconfirm>
                    </>
                  )}
                </Space>
              ),
            },
          ]}
        />
      )}
      {issuing && (
        <OutgoingDialog
          branch={branch}
          people={people}
          transfers={transfers}
          onClose={() => setIssuing(false)}
          onIssued={(t) => {
            setIssuing(false);
            onPrint(t);
          }}
        />
      )}
      {receiptFor && (
        <DateDialog
          title={`${receiptFor.name}的回执寄回来了`}
          label="回执日期"
          done="已登记回执，转接办结"
          onSave={(date) => recordReceipt(db, receiptFor, date)}
          onClose={() => setReceiptFor(null)}
        />
      )}
    </Space>
  );
}

interface OutgoingValues {
  personId?: string;
  toOrg?: string;
  receivingCommittee?: string;
  scope: TransferScope;
  validDays: number;
  issuedOn: string;
  duesPaidTo?: string;
  letterNo: string;
}

function OutgoingDialog({ branch, people, transfers, onClose, onIssued }: { branch: OrgDoc; people: PersonDoc[]; transfers: TransferDoc[]; onClose: () => void; onIssued: (t: TransferDoc) => void }) {
  const db = useDb();
  const { message } = App.useApp();
  const today = todayInChina();
  const [form] = Form.useForm<OutgoingValues>();
  const [saving, setSaving] = useState(false);
  const personId = Form.useWatch('personId', form);
  const members = people.filter((p) => p.onRoll && (p.status === 'full' || p.status === 'probationary')).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  const ledgerStart = branch.dues?.ledgerStart ?? `${today.slice(0, 4)}-01`;
  const dues = useDuesBetween(branch.id, ledgerStart, '9999-12');
  const person = members.find((p) => p.id === personId);
  const rows = useMemo(() => (dues.value ?? []).filter((r) => r.personId === personId), [dues.value, personId]);
  const owing = person ? arrears({ rows, firstMonth: firstDuesMonth(person, ledgerStart), today }) : null;

  const pick = (id: string) => {
    const paid = duesPaidTo((dues.value ?? []).filter((r) => r.personId === id));
    form.setFieldsValue({ personId: id, ...(paid ? { duesPaidTo: paid } : { duesPaidTo: undefined }) });
  };

  const save = async (v: OutgoingValues) => {
    if (!person) return;
    const issuedOn = readDate(v.issuedOn?.trim() ?? '') ?? v.issuedOn;
    let letter: TransferFields;
    try {
      letter = letterFromPerson(person, {
        fromOrg: branch.name,
        toOrg: v.toOrg?.trim() ?? '',
        scope: v.scope,
        issuedOn,
        duesPaidTo: v.duesPaidTo?.trim() ?? '',
        letterNo: v.letterNo.trim(),
        validDays: v.validDays,
        ...(v.receivingCommittee?.trim() ? { receivingCommittee: v.receivingCommittee.trim() } : {}),
      });
    } catch (error) {
      return void message.error((error as Error).message);
    }
    const problems = checkTransfer(letter, today);
    if (problems.length) {
      const known = new Set(['toOrg', 'scope', 'validDays', 'issuedOn', 'duesPaidTo', 'letterNo', 'receivingCommittee']);
      form.setFields(problems.filter((p) => known.has(p.field)).map((p) => ({ name: p.field as keyof OutgoingValues, errors: [p.message] })));
      const other = problems.filter((p) => !known.has(p.field));
      if (other.length) message.error(other.map((p) => p.message).join('；'));
      return;
    }
    setSaving(true);
    try {
      const issued = await issueOutgoing(db, branch, letter);
      message.success(`已开具介绍信，${person.name}已转出名册`);
      onIssued(issued);
    } catch (error) {
      message.error(`没有保存：${(error as Error).message}`);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open width={720} title="开具组织关系介绍信（转出）" okText="开具并打印" cancelText="取消" confirmLoading={saving} onOk={() => form.submit()} onCancel={onClose}>
      <Form<OutgoingValues>
        form={form}
        name="transfer-out"
        layout="horizontal"
        labelCol={{ span: 6 }}
        initialValues={{ scope: 'city', validDays: defaultValidDays('city'), issuedOn: today, letterNo: nextLetterNo(transfers, Number(today.slice(0, 4))) }}
        onFinish={(v) => void save(v)}
      >
        <Form.Item name="personId" label="转出的党员" rules={[{ required: true, message: '请选择党员' }]}>
          <Select showSearch optionFilterProp="label" placeholder="输入姓名查找" options={members.map((p) => ({ value: p.id, label: p.name }))} onChange={pick} />
        </Form.Item>
        {owing && owing.unpaidMonths.length > 0 && (
          <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={`${person?.name}还有 ${owing.unpaidMonths.length} 个月党费未交，转出前请先收齐，介绍信上写“党费交到”的月份。`} />
        )}
        <Form.Item name="toOrg" label="转到（党组织全称）" rules={[{ required: true, message: '请填写转入的党组织' }]}>
          <Input placeholder="例如：中共杭州市西湖区北山街道工作委员会" maxLength={200} />
        </Form.Item>
        <Form.Item name="receivingCommittee" label="接收党委（回执寄回）" extra="最终接收的党委，回执由它寄回；不知道可以空着">
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="scope" label="转接范围">
          <Radio.Group
            optionType="button"
            options={(Object.keys(TRANSFER_SCOPE_LABELS) as TransferScope[]).map((s) => ({ value: s, label: TRANSFER_SCOPE_LABELS[s] }))}
            onChange={(e) => form.setFieldsValue({ validDays: defaultValidDays(e.target.value as TransferScope) })}
          />
        </Form.Item>
        <Form.Item name="validDays" label="有效期（天）">
          <InputNumber min={1} max={183} />
        </Form.Item>
        <Form.Item name="issuedOn" label="开具日期">
          <Input style={{ width: '12em' }} />
        </Form.Item>
        <Form.Item name="duesPaidTo" label="党费交到" extra="年-月，例如 2026-10；选了党员会按党费账自动填上">
          <Input style={{ width: '12em' }} placeholder="例如 2026-10" />
        </Form.Item>
        <Form.Item name="letterNo" label="介绍信编号">
          <Input style={{ width: '12em' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface IncomingValues {
  name: string;
  gender?: 'male' | 'female';
  ethnicity?: string;
  partyStatus?: 'full' | 'probationary';
  idNumber?: string;
  birthDate?: string;
  fromOrg: string;
  letterNo?: string;
  issuedOn: string;
  validDays?: number;
  duesPaidTo?: string;
  arrivedOn: string;
  category: PersonCategory;
  joinedOn?: string;
  confirmedOn?: string;
}

function Incoming({ branch, transfers }: { branch: OrgDoc; transfers: TransferDoc[] }) {
  const db = useDb();
  const { message } = App.useApp();
  const today = todayInChina();
  const [open, setOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<IncomingValues>();
  const date = (v: string | undefined) => (v?.trim() ? (readDate(v.trim()) ?? v.trim()) : undefined);

  const save = async (v: IncomingValues) => {
    const letter: TransferFields = {
      direction: 'in',
      name: v.name?.trim() ?? '',
      fromOrg: v.fromOrg?.trim() ?? '',
      toOrg: branch.name,
      issuedOn: date(v.issuedOn) ?? '',
      arrivedOn: date(v.arrivedOn) ?? today,
      state: 'done',
      ...(v.gender ? { gender: v.gender } : {}),
      ...(v.ethnicity?.trim() ? { ethnicity: v.ethnicity.trim() } : {}),
      ...(v.partyStatus ? { partyStatus: v.partyStatus } : {}),
      ...(v.idNumber?.trim() ? { private: { idNumber: v.idNumber.trim().toUpperCase() } } : {}),
      ...(v.letterNo?.trim() ? { letterNo: v.letterNo.trim() } : {}),
      ...(v.validDays ? { validDays: v.validDays } : {}),
      ...(v.duesPaidTo?.trim() ? { duesPaidTo: v.duesPaidTo.trim() } : {}),
    };
    const problems = checkTransfer(letter, today);
    if (problems.length) {
      form.setFields(problems.map((p) => ({ name: (p.field === 'private' ? 'idNumber' : p.field) as keyof IncomingValues, errors: [p.message] })));
      return;
    }
    setSaving(true);
    try {
      const person = await registerIncoming(db, branch.id, letter, {
        category: v.category,
        ...(date(v.birthDate) ? { birthDate: date(v.birthDate)! } : {}),
        ...(date(v.joinedOn) ? { joinedOn: date(v.joinedOn)! } : {}),
        ...(date(v.confirmedOn) ? { confirmedOn: date(v.confirmedOn)! } : {}),
      });
      message.success(`${person.name}已加入名册，可以到党员名册里补充其他信息`);
      setOpen(false);
      form.resetFields();
    } catch (error) {
      message.error(`没有保存：${(error as Error).message}`);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Button type="primary" onClick={() => setOpen(true)}>
        登记转入的党员
      </Button>
      {transfers.length === 0 ? (
        <Empty description="还没有转入的党员" />
      ) : (
        <Table
          size="middle"
          rowKey="id"
          pagination={false}
          dataSource={transfers}
          columns={[
            { title: '姓名', dataIndex: 'name', width: 100 },
            { title: '从哪里转来', dataIndex: 'fromOrg' },
            { title: '介绍信编号', dataIndex: 'letterNo', width: 120 },
            { title: '开具日期', dataIndex: 'issuedOn', width: 110 },
            { title: '党费交到', dataIndex: 'duesPaidTo', width: 100 },
            { title: '情况', key: 'state', width: 160, render: (_, t) => <StateTag transfer={t} /> },
          ]}
        />
      )}
      {open && (
        <Modal open width={720} title="登记转入的党员（按介绍信填写）" okText="加入名册" cancelText="取消" confirmLoading={saving} onOk={() => form.submit()} onCancel={() => setOpen(false)}>
          <Form<IncomingValues> form={form} name="transfer-in" layout="horizontal" labelCol={{ span: 6 }} initialValues={{ arrivedOn: today, category: 'retired' }} onFinish={(v) => void save(v)}>
            <Form.Item name="name" label="姓名" rules={[{ required: true, message: '请填写姓名' }]}>
              <Input maxLength={40} />
            </Form.Item>
            <Form.Item name="gender" label="性别">
              <Radio.Group options={(['male', 'female'] as const).map((g) => ({ value: g, label: GENDER_LABELS[g] }))} />
            </Form.Item>
            <Form.Item name="ethnicity" label="民族">
              <Input maxLength={20} placeholder="例如 汉族" style={{ width: '12em' }} />
            </Form.Item>
            <Form.Item name="partyStatus" label="正式/预备" rules={[{ required: true, message: '请选择' }]}>
              <Radio.Group options={[{ value: 'full', label: '正式党员' }, { value: 'probationary', label: '预备党员' }]} />
            </Form.Item>
            <Form.Item name="idNumber" label="身份证号码" extra="填了就能得出出生日期和性别">
              <Input maxLength={18} />
            </Form.Item>
            <Form.Item name="birthDate" label="出生日期" extra="没有身份证号码时必填">
              <Input style={{ width: '12em' }} placeholder="例如 1950-03-15" />
            </Form.Item>
            <Form.Item name="fromOrg" label="从哪里转来" rules={[{ required: true, message: '请填写介绍信上的转出党组织' }]}>
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item name="letterNo" label="介绍信编号">
              <Input style={{ width: '12em' }} />
            </Form.Item>
            <Form.Item name="issuedOn" label="开具日期" rules={[{ required: true, message: '请填写介绍信的开具日期' }]}>
              <Input style={{ width: '12em' }} placeholder="例如 2026-11-10" />
            </Form.Item>
            <Form.Item name="validDays" label="有效期（天）">
              <InputNumber min={1} max={183} />
            </Form.Item>
            <Form.Item name="duesPaidTo" label="党费交到">
              <Input style={{ width: '12em' }} placeholder="例如 2026-10" />
            </Form.Item>
            <Form.Item name="arrivedOn" label="报到日期">
              <Input style={{ width: '12em' }} />
            </Form.Item>
            <Form.Item name="category" label="人员类别">
              <Select style={{ width: '12em' }} options={PERSON_CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }))} />
            </Form.Item>
            <Form.Item name="joinedOn" label="入党日期">
              <Input style={{ width: '12em' }} placeholder="例如 1975-07-01" />
            </Form.Item>
            <Form.Item name="confirmedOn" label="转正日期">
              <Input style={{ width: '12em' }} placeholder="例如 1976-07-01" />
            </Form.Item>
          </Form>
        </Modal>
      )}
    </Space>
  );
}

function useCareDates(orgId: string) {
  const db = useDb();
  return useObservable(() => db.care.find({ selector: { orgId } }).$.pipe(map((docs) => lastContacts(docs.map((d) => d.toMutableJSON(false))))), [db, orgId]);
}

/** 流动党员: where each lives now, since when, the 流入地党组织, how the branch keeps in touch, the last contact. */
function Mobile({ branch, people }: { branch: OrgDoc; people: PersonDoc[] }) {
  const db = useDb();
  const { message } = App.useApp();
  const last = useCareDates(branch.id);
  const [editing, setEditing] = useState<PersonDoc | null>(null);
  const [form] = Form.useForm<NonNullable<PersonDoc['mobile']>>();
  const mobile = people.filter((p) => p.onRoll && p.category === 'mobile');
  if (mobile.length === 0) return <Empty description="名册里没有人员类别为“流动”的党员。在党员名册里把外出半年以上、没有转组织关系的党员改为“流动”，就会列在这里。" />;
  return (
    <>
      <Table
        size="middle"
        rowKey="id"
        pagination={false}
        dataSource={mobile}
        columns={[
          { title: '姓名', dataIndex: 'name', width: 90 },
          { title: '现在在哪里', key: 'place', render: (_, p) => p.mobile?.place ?? <Tag color="orange">未登记</Tag> },
          { title: '外出时间', key: 'since', width: 110, render: (_, p) => p.mobile?.since ?? '' },
          { title: '流入地党组织', key: 'host', render: (_, p) => p.mobile?.hostOrg ?? '' },
          { title: '怎么联系', key: 'way', render: (_, p) => p.mobile?.contactWay ?? '' },
          { title: '上次联系', key: 'last', width: 110, render: (_, p) => last.value?.get(p.id)?.date ?? <Typography.Text type="warning">未记录</Typography.Text> },
          {
            title: '',
            key: 'edit',
            width: 80,
            render: (_, p) => (
              <Button size="small" onClick={() => (setEditing(p), form.setFieldsValue({ place: '', since: '', contactWay: '', hostOrg: '', certificateNo: '', ...(p.mobile ?? {}) }))}>
                修改
              </Button>
            ),
          },
        ]}
      />
      {editing && (
        <Modal
          open
          width={640}
          title={`${editing.name}：流动党员情况`}
          okText="保存"
          cancelText="取消"
          onCancel={() => setEditing(null)}
          onOk={() => {
            const values = form.getFieldsValue();
            const since = values.since?.trim() ? readDate(values.since.trim()) : undefined;
            if (values.since?.trim() && !since) return void message.error('外出时间格式不对，例如 2025-06-01');
            saveMobile(db, editing, { ...values, ...(since ? { since } : { since: '' }) }).then(
              (changed) => (message.success(changed ? '已保存' : '没有改动'), setEditing(null)),
              (e: Error) => message.error(`没有保存：${e.message}`),
            );
          }}
        >
          <Form form={form} name="mobile-member" layout="horizontal" labelCol={{ span: 6 }}>
            <Form.Item name="place" label="现在在哪里">
              <Input maxLength={200} placeholder="例如：广东省深圳市南山区（随子女居住）" />
            </Form.Item>
            <Form.Item name="since" label="外出时间">
              <Input style={{ width: '12em' }} placeholder="例如 2025-06-01" />
            </Form.Item>
            <Form.Item name="hostOrg" label="流入地党组织">
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item name="contactWay" label="怎么联系">
              <Input maxLength={200} placeholder="例如：微信视频，每月一次" />
            </Form.Item>
            <Form.Item name="certificateNo" label="流动党员活动证号">
              <Input maxLength={100} />
            </Form.Item>
          </Form>
        </Modal>
      )}
    </>
  );
}
