/**
 * One care record: 走访慰问, 送学上门 (which material, and which meeting it makes up for, so the member
 * counts as taking part), 谈心谈话 or 困难帮扶. Problems are named at their field; nothing is saved
 * until they are fixed.
 */
import { Alert, App, Form, Input, Modal, Radio, Select } from 'antd';
import { useMemo, useState } from 'react';
import { addDays } from '@shared/dates';
import { CARE_KINDS, type CareDoc, type MeetingDoc, type PersonDoc } from '@shared/model';
import { CARE_KIND_LABELS, CARE_OCCASIONS, checkCareRecord, type CareDraft } from '@shared/rules/care';
import { MEETING_KIND_LABELS } from '@shared/rules/meetings';
import { readDate } from '@shared/rules/person';
import { useFormDraft } from '../../app/drafts';
import { useDb } from '../../db/context';
import { todayInChina } from '../../db/writes';
import { useMeetingsBetween } from '../meetings/hooks';
import { addCare, editCare } from './writes';

interface Values {
  kind: CareDoc['kind'];
  personId?: string;
  date: string;
  occasion?: string;
  visitors?: string[];
  given?: string;
  material?: string;
  meetingId?: string;
  dischargedOn?: string;
  followUp?: string;
  note?: string;
}

export function CareDialog({
  orgId,
  members,
  record,
  initial,
  onClose,
}: {
  orgId: string;
  members: readonly PersonDoc[];
  /** The record to edit; absent for a new one. */
  record?: CareDoc;
  initial?: Partial<Values>;
  onClose: () => void;
}) {
  const db = useDb();
  const { message } = App.useApp();
  const today = todayInChina();
  const [form] = Form.useForm<Values>();
  const kept = useFormDraft(form, record ? `care:${record.id}` : 'care:new');
  const [saving, setSaving] = useState(false);
  const kind = Form.useWatch('kind', form) ?? record?.kind ?? initial?.kind ?? 'visit';
  const personId = Form.useWatch('personId', form) ?? record?.personId ?? initial?.personId;
  const occasion = Form.useWatch('occasion', form);
  // 送学上门 makes up for a meeting of the last three months the member missed.
  const meetings = useMeetingsBetween(orgId, addDays(today, -92), today);
  const missed = useMemo(
    () =>
      (meetings.value ?? [])
        .filter((m: MeetingDoc) => m.attendance.some((a) => a.personId === personId && a.state !== 'present'))
        .reverse()
        .map((m) => ({ value: m.id, label: `${m.date} ${MEETING_KIND_LABELS[m.kind]}${m.topic ? `：${m.topic}` : ''}` })),
    [meetings.value, personId],
  );
  const names = members.map((p) => ({ value: p.name, label: p.name }));

  const save = async (v: Values) => {
    const date = readDate(v.date?.trim() ?? '');
    const discharged = v.dischargedOn?.trim() ? readDate(v.dischargedOn.trim()) : undefined;
    const draft: CareDraft = {
      ...v,
      date: date ?? v.date,
      ...(v.dischargedOn?.trim() ? { dischargedOn: discharged ?? v.dischargedOn } : { dischargedOn: undefined }),
    };
    if (draft.kind !== 'home-study') delete draft.meetingId;
    const problems = checkCareRecord(draft, today);
    if (problems.length) {
      form.setFields(problems.map((p) => ({ name: p.field as keyof Values, errors: [p.message] })));
      return;
    }
    setSaving(true);
    try {
      if (record) await editCare(db, record, draft);
      else await addCare(db, orgId, draft);
      message.success('已保存');
      kept.clear();
      onClose();
    } catch (error) {
      message.error(`没有保存：${(error as Error).message}`);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open width={680} title={record ? '修改记录' : '登记走访、送学或谈话'} okText="保存" cancelText="取消" confirmLoading={saving} onOk={() => form.submit()} onCancel={() => (kept.clear(), onClose())} destroyOnHidden>
      {kept.restoredAt && <Alert type="info" showIcon style={{ marginBottom: 16 }} message="上次没有保存的内容已经恢复，请检查后保存" data-testid="draft-restored" />}
      <Form<Values>
        onValuesChange={kept.onValuesChange}
        form={form}
        name="care-record"
        layout="horizontal"
        labelCol={{ span: 5 }}
        initialValues={{ kind: 'visit', date: today, ...initial, ...(record ?? {}) }}
        onFinish={(v) => void save(v)}
      >
        <Form.Item name="kind" label="类别">
          <Radio.Group optionType="button" options={CARE_KINDS.map((k) => ({ value: k, label: CARE_KIND_LABELS[k] }))} />
        </Form.Item>
        <Form.Item name="personId" label="党员" rules={[{ required: true, message: '请选择党员' }]}>
          <Select showSearch optionFilterProp="label" placeholder="输入姓名查找" options={members.map((p) => ({ value: p.id, label: p.name }))} />
        </Form.Item>
        <Form.Item name="date" label="日期" rules={[{ required: true, message: '请填写日期' }]}>
          <Input placeholder="例如 2026-11-23" style={{ width: '12em' }} />
        </Form.Item>
        {(kind === 'visit' || kind === 'help') && (
          <Form.Item name="occasion" label="事由">
            <Select allowClear placeholder="选择事由" options={CARE_OCCASIONS.map((o) => ({ value: o, label: o }))} />
          </Form.Item>
        )}
        {occasion === '生病住院' && (
          <Form.Item name="dischargedOn" label="出院日期" extra="还在住院就空着；出院后再来填，“正在住院”名单就会去掉他">
            <Input placeholder="例如 2026-11-30" style={{ width: '12em' }} />
          </Form.Item>
        )}
        <Form.Item name="visitors" label={kind === 'talk' ? '谈话人' : '走访人'}>
          <Select mode="tags" placeholder="选择或输入姓名" options={names} />
        </Form.Item>
        {kind === 'home-study' ? (
          <>
            <Form.Item name="material" label="送学材料" rules={[{ required: true, message: '请填写送去的学习材料' }]}>
              <Input placeholder="例如：十一月主题党日学习材料、党课讲稿" maxLength={200} />
            </Form.Item>
            <Form.Item name="meetingId" label="补学的会议" extra="选上后，这次会议他算作参加（送学上门），会议出勤统计会算进去">
              <Select allowClear placeholder={missed.length ? '选择他没能参加的会议' : '近三个月没有他缺席的会议'} options={missed} />
            </Form.Item>
          </>
        ) : (
          <Form.Item name="given" label={kind === 'talk' ? '谈话内容' : '慰问品/慰问金'}>
            <Input maxLength={200} placeholder={kind === 'talk' ? '简要记下谈了什么' : '例如：水果一篮、慰问金500元'} />
          </Form.Item>
        )}
        <Form.Item name="followUp" label="后续要做的事">
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />
        </Form.Item>
        <Form.Item name="note" label="备注">
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
