/**
 * 登记入党申请: someone hands in an 入党申请书; the dossier opens with step 1. The applicant is either
 * already on the roster (entered earlier as 入党申请人) or added to it here with the few facts needed.
 */
import { App, Form, Input, Modal, Radio, Select } from 'antd';
import { useState } from 'react';
import { ageOn } from '@shared/dates';
import { CATEGORY_LABELS, GENDER_LABELS } from '@shared/forms/labels';
import { PERSON_CATEGORIES, type Gender, type PersonCategory, type PersonDoc } from '@shared/model';
import { readDate } from '@shared/rules/person';
import { useSaving } from '../../app/use-saving';
import { useDb } from '../../db/context';
import { todayInChina } from '../../db/writes';
import { startDossier } from './writes';

interface Values {
  mode: 'new' | 'existing';
  personId?: string;
  name?: string;
  gender?: Gender;
  birthDate?: string;
  category?: PersonCategory;
  workUnit?: string;
  appliedOn?: string;
}

export function NewApplicationDialog({ orgId, candidates, onClose }: { orgId: string; candidates: readonly PersonDoc[]; onClose: () => void }) {
  const db = useDb();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const mode = Form.useWatch('mode', form) ?? 'new';
  const { busy, save } = useSaving(onClose);
  const [error, setError] = useState<string | null>(null);

  const attempt = async (): Promise<boolean> => {
    const v = form.getFieldsValue(true) as Values;
    const today = todayInChina();
    const appliedOn = readDate(v.appliedOn ?? '');
    const fail = (text: string) => {
      setError(text);
      return false;
    };
    if (!appliedOn) return fail('请填写递交入党申请书的日期，例如 2026-11-23');
    if (appliedOn > today) return fail('递交日期不能晚于今天');
    try {
      if (v.mode === 'existing') {
        if (!v.personId) return fail('请选择名册中的申请人');
        await startDossier(db, orgId, { personId: v.personId, appliedOn });
      } else {
        const name = v.name?.trim();
        const birthDate = readDate(v.birthDate ?? '');
        if (!name) return fail('请填写姓名（与身份证一致）');
        if (!v.gender) return fail('请选择性别');
        if (!birthDate) return fail('请填写出生日期，例如 1998-05-12');
        if (ageOn(birthDate, appliedOn) < 18) return fail(`递交申请时未满18周岁（${ageOn(birthDate, appliedOn)}岁）：年满18周岁才能申请入党`);
        await startDossier(db, orgId, {
          appliedOn,
          fields: { name, gender: v.gender, birthDate, category: v.category ?? 'employed', status: 'applicant', ...(v.workUnit?.trim() ? { workUnit: v.workUnit.trim() } : {}) },
        });
      }
      message.success('已登记入党申请，档案已建立');
      return true;
    } catch (e) {
      return fail(`登记失败：${(e as Error).message}`);
    }
  };

  return (
    <Modal open title="登记入党申请" okText="登记" cancelText="取消" confirmLoading={busy} onOk={() => void save(attempt)} onCancel={onClose}>
      <Form form={form} layout="vertical" initialValues={{ mode: candidates.length ? 'existing' : 'new', category: 'employed', appliedOn: todayInChina() }} onValuesChange={() => setError(null)}>
        <Form.Item name="mode" label="申请人">
          <Radio.Group
            options={[
              { value: 'new', label: '新登记一位申请人' },
              { value: 'existing', label: '名册中已有此人', disabled: candidates.length === 0 },
            ]}
          />
        </Form.Item>
        {mode === 'existing' ? (
          <Form.Item name="personId" label="选择申请人">
            <Select showSearch optionFilterProp="label" options={candidates.map((p) => ({ value: p.id, label: `${p.name}（${p.birthDate}）` }))} />
          </Form.Item>
        ) : (
          <>
            <Form.Item name="name" label="姓名（与身份证一致）">
              <Input maxLength={40} />
            </Form.Item>
            <Form.Item name="gender" label="性别">
              <Radio.Group options={Object.entries(GENDER_LABELS).map(([value, label]) => ({ value, label }))} />
            </Form.Item>
            <Form.Item name="birthDate" label="出生日期">
              <Input placeholder="1998-05-12" style={{ width: '10em' }} />
            </Form.Item>
            <Form.Item name="category" label="人员类别">
              <Select style={{ width: '10em' }} options={PERSON_CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }))} />
            </Form.Item>
            <Form.Item name="workUnit" label="工作单位（可不填）">
              <Input maxLength={200} />
            </Form.Item>
          </>
        )}
        <Form.Item name="appliedOn" label="递交入党申请书的日期">
          <Input style={{ width: '10em' }} />
        </Form.Item>
        {error && <div className="ant-form-item-explain-error" role="alert">{error}</div>}
      </Form>
    </Modal>
  );
}
