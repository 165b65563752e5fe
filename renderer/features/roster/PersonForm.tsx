/** Adding or editing a person: every roster field, checked by the shared rule, each message under its field. */
import { Alert, App, Col, Form, Input, Modal, Row, Select } from 'antd';
import { useMemo, useState } from 'react';
import { ROSTER_COLUMNS, rosterCell, type RosterColumn } from '@shared/forms/roster';
import type { OrgDoc, PersonDoc } from '@shared/model';
import { parseIdNumber } from '@shared/rules/id-number';
import { checkRosterRow, type RosterRow } from '@shared/rules/person';
import { GENDER_LABELS } from '@shared/forms/labels';
import { useFormDraft } from '../../app/drafts';
import { useDb } from '../../db/context';
import { todayInChina } from '../../db/writes';
import { usePerson } from './hooks';
import { useRosterUi } from './store';
import { ROSTER } from './strings';
import { addPerson, editPerson } from './writes';

const DATE_HINT = '例如 1950-03-15';

export function PersonForm({ branch }: { branch: OrgDoc }) {
  const editing = useRosterUi((s) => s.editing);
  const close = useRosterUi((s) => s.edit);
  const person = usePerson(editing === 'new' || !editing ? '' : editing);
  if (editing !== 'new' && person.loading) return null;
  if (editing !== 'new' && !person.value) return null;
  return <PersonFormDialog key={editing ?? ''} branch={branch} person={editing === 'new' ? null : person.value!} onClose={() => close(null)} />;
}

function PersonFormDialog({ branch, person: opened, onClose }: { branch: OrgDoc; person: PersonDoc | null; onClose: () => void }) {
  // The version the form was opened on: saving refuses if the person changed meanwhile.
  const [person] = useState(opened);
  const db = useDb();
  const { message } = App.useApp();
  const [form] = Form.useForm<RosterRow>();
  const draft = useFormDraft(form, person ? `person:${person.id}` : 'person:new');
  const [busy, setBusy] = useState(false);
  const groupName = (id: string) => branch.groups.find((g) => g.id === id)?.name ?? '';
  const initial = useMemo<RosterRow>(() => {
    if (!person) return { status: '正式党员', category: branch.category === 'retired' ? '离退休' : '在职', ethnicity: '汉族', limitedMobility: '否', bedridden: '否' };
    return Object.fromEntries(ROSTER_COLUMNS.map((c) => [c.field, rosterCell(person, c.field, groupName)]));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [person]);

  const submit = async () => {
    const row = form.getFieldsValue(true) as RosterRow;
    const result = checkRosterRow(row, { today: todayInChina(), groups: branch.groups });
    form.setFields(ROSTER_COLUMNS.map((c) => ({ name: c.field, errors: result.ok ? [] : result.problems.filter((p) => p.field === c.field).map((p) => p.message) })));
    if (!result.ok) {
      message.error(`有 ${result.problems.length} 处需要修改，请看红字提示`);
      return;
    }
    setBusy(true);
    try {
      if (person) {
        // The form holds every editable field: what it leaves empty is removed from the person.
        const changed = await editPerson(db, person, result.value, groupName);
        message.success(changed ? ROSTER.saved : ROSTER.nothingChanged);
      } else {
        await addPerson(db, branch.id, result.value);
        message.success(ROSTER.saved);
      }
      draft.clear();
      onClose();
    } catch (error) {
      message.error(`保存失败：${(error as Error).message}`);
    } finally {
      setBusy(false);
    }
  };

  /** A valid ID number fills in an empty birth date and sex. */
  const onIdNumber = (value: string) => {
    const parsed = parseIdNumber(value);
    if (!parsed.ok) return;
    if (!form.getFieldValue('birthDate')) form.setFieldValue('birthDate', parsed.value.birthDate);
    if (!form.getFieldValue('gender')) form.setFieldValue('gender', GENDER_LABELS[parsed.value.gender]);
  };

  const field = (column: RosterColumn) => {
    const choices = column.field === 'group' ? ['', ...branch.groups.map((g) => g.name)] : column.choices;
    const input = choices ? (
      <Select options={choices.map((c) => ({ value: c, label: c || '（不分组）' }))} />
    ) : column.field === 'note' || column.field === 'address' ? (
      <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={column.maxLength} />
    ) : (
      <Input
        placeholder={['birthDate', 'joinedOn', 'confirmedOn'].includes(column.field) ? DATE_HINT : column.example}
        maxLength={column.maxLength}
        onChange={column.field === 'idNumber' ? (e) => onIdNumber(e.target.value) : undefined}
      />
    );
    return (
      <Col key={column.field} xs={24} md={column.field === 'note' || column.field === 'address' ? 24 : 12}>
        <Form.Item name={column.field} label={column.label} required={column.required}>
          {input}
        </Form.Item>
      </Col>
    );
  };

  return (
    <Modal open width={900} title={person ? `修改：${person.name}` : '添加人员'} okText="保存" cancelText="取消" onOk={submit} onCancel={() => (draft.clear(), onClose())} confirmLoading={busy} maskClosable={false} destroyOnHidden>
      {draft.restoredAt && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message="上次没有保存的内容已经恢复"
          description="软件上次可能意外关闭了。请检查一遍再按“保存”；不要这些内容就按“取消”。"
          data-testid="draft-restored"
        />
      )}
      <Form form={form} layout="vertical" initialValues={initial} requiredMark onValuesChange={draft.onValuesChange}>
        <Row gutter={16}>{ROSTER_COLUMNS.map(field)}</Row>
      </Form>
    </Modal>
  );
}
