/** Asks for one date (出院, 回执 came back…) and saves it; a date that cannot be read is refused with an example. */
import { App, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { readDate } from '@shared/rules/person';
import { todayInChina } from '../db/writes';

export function DateDialog({ title, label, done, onSave, onClose }: { title: string; label: string; done: string; onSave: (date: string) => Promise<void>; onClose: () => void }) {
  const { message } = App.useApp();
  const [typed, setTyped] = useState(todayInChina());
  const [saving, setSaving] = useState(false);
  const save = () => {
    const date = readDate(typed.trim());
    if (!date) return void message.error(`${label}格式不对，例如 ${todayInChina()}`);
    setSaving(true);
    onSave(date).then(
      () => (message.success(done), onClose()),
      (e: Error) => (message.error(`没有保存：${e.message}`), setSaving(false)),
    );
  };
  return (
    <Modal open title={title} okText="保存" cancelText="取消" confirmLoading={saving} onCancel={onClose} onOk={save}>
      <Space>
        {label}
        <Input aria-label={label} style={{ width: '10em' }} value={typed} onChange={(e) => setTyped(e.target.value)} />
      </Space>
    </Modal>
  );
}
