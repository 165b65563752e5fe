/** One person: every field, the history of changes, and what can be done (修改, 出册, 恢复, 打印信息卡). */
import { App, Button, DatePicker, Descriptions, Drawer, Form, Input, Modal, Select, Space, Tag, Timeline, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { ARCHIVE_REASON_LABELS } from '@shared/forms/labels';
import { ROSTER_COLUMNS, rosterCell } from '@shared/forms/roster';
import { ARCHIVE_REASONS, type ArchiveReason, type OrgDoc, type PersonDoc } from '@shared/model';
import { useDb } from '../../db/context';
import { MemberCardPrint } from '../../print/MemberCardPrint';
import { printDocument } from '../../print/print-job';
import { useSaving } from '../../app/use-saving';
import { usePerson } from './hooks';
import { useRosterUi } from './store';
import { ROSTER } from './strings';
import { archivePersonOnDb, restorePersonOnDb } from './writes';

export function PersonDrawer({ branch, personId }: { branch: OrgDoc; personId: string }) {
  const db = useDb();
  const { message, modal } = App.useApp();
  const close = useRosterUi((s) => s.open);
  const edit = useRosterUi((s) => s.edit);
  const live = usePerson(personId);
  const [archiving, setArchiving] = useState(false);
  const person = live.value;
  const groupName = (id: string) => branch.groups.find((g) => g.id === id)?.name ?? '';

  return (
    <Drawer open width={720} title={person ? person.name : '人员信息'} onClose={() => close(null)} destroyOnHidden>
      {person && (
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          {!person.onRoll && person.archived && (
            <Tag color="default" style={{ fontSize: '1em', padding: '4px 8px' }}>
              已出册：{ARCHIVE_REASON_LABELS[person.archived.reason]}（{person.archived.on}）
            </Tag>
          )}
          <Space wrap>
            <Button type="primary" onClick={() => edit(person.id)}>
              {ROSTER.edit}
            </Button>
            {person.onRoll ? (
              <Button danger onClick={() => setArchiving(true)}>
                {ROSTER.archive}
              </Button>
            ) : (
              <Button
                onClick={() =>
                  modal.confirm({
                    title: `恢复 ${person.name} 在册？`,
                    content: '恢复后此人重新计入名册和统计，出册记录保留在修改历史中。',
                    okText: '恢复在册',
                    cancelText: '取消',
                    onOk: async () => {
                      try {
                        await restorePersonOnDb(db, person);
                        message.success(ROSTER.restored);
                      } catch (error) {
                        message.error(`恢复失败：${(error as Error).message}`);
                      }
                    },
                  })
                }
              >
                {ROSTER.restore}
              </Button>
            )}
            <Button
              onClick={() =>
                void printDocument(<MemberCardPrint person={person} branchName={branch.name} groupName={groupName} />, { suggestedName: `党员信息卡-${person.name}.pdf` }).catch((error: Error) =>
                  message.error(error.message),
                )
              }
            >
              {ROSTER.card}
            </Button>
          </Space>
          <Descriptions bordered column={2} size="small">
            {ROSTER_COLUMNS.map((c) => (
              <Descriptions.Item key={c.field} label={c.label} span={c.field === 'address' || c.field === 'note' || c.field === 'workUnit' ? 2 : 1}>
                {rosterCell(person, c.field, groupName) || <Typography.Text type="secondary">未填</Typography.Text>}
              </Descriptions.Item>
            ))}
          </Descriptions>
          <div>
            <Typography.Title level={5}>{ROSTER.history}</Typography.Title>
            <Timeline
              items={[...person.history].reverse().map((h) => ({
                children: (
                  <div>
                    <Typography.Text strong>{new Date(h.at).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' })}</Typography.Text> {h.by} {ROSTER.actions[h.action]}
                    {h.changes.map((c, i) => (
                      <div key={i}>
                        {c.field}：{c.from !== undefined ? `${c.from || '（空）'} → ` : ''}
                        {c.to || '（空）'}
                      </div>
                    ))}
                  </div>
                ),
              }))}
            />
          </div>
          {archiving && (
            <ArchiveDialog
              person={person}
              onDone={() => setArchiving(false)}
              onArchive={async (a) => {
                try {
                  await archivePersonOnDb(db, person, a);
                  message.success(ROSTER.archived);
                  return true;
                } catch (error) {
                  message.error(`出册失败：${(error as Error).message}`);
                  return false;
                }
              }}
            />
          )}
        </Space>
      )}
    </Drawer>
  );
}

function ArchiveDialog({ person, onDone, onArchive }: { person: PersonDoc; onDone: () => void; onArchive: (a: NonNullable<PersonDoc['archived']>) => Promise<boolean> }) {
  const [form] = Form.useForm<{ reason: ArchiveReason; on: Dayjs; note?: string }>();
  const { busy, save } = useSaving(onDone);
  return (
    <Modal
      open
      title={`${person.name} 出册`}
      okText="确认出册"
      cancelText="取消"
      okButtonProps={{ danger: true }}
      onCancel={onDone}
      confirmLoading={busy}
      onOk={async () => {
        const values = await form.validateFields().catch(() => null);
        if (values) await save(() => onArchive({ reason: values.reason, on: values.on.format('YYYY-MM-DD'), ...(values.note ? { note: values.note } : {}) }));
      }}
    >
      <Typography.Paragraph>出册不会删除任何记录：此人的信息和历史仍然保留，并计入往年统计。</Typography.Paragraph>
      <Form form={form} layout="vertical">
        <Form.Item name="reason" label="出册原因" rules={[{ required: true, message: '请选择出册原因' }]}>
          <Select options={ARCHIVE_REASONS.map((r) => ({ value: r, label: ARCHIVE_REASON_LABELS[r] }))} />
        </Form.Item>
        <Form.Item
          name="on"
          label="日期"
          rules={[
            { required: true, message: '请选择日期' },
            { validator: (_, d?: Dayjs) => (d && d.isAfter(dayjs(), 'day') ? Promise.reject(new Error('日期不能晚于今天')) : Promise.resolve()) },
          ]}
        >
          <DatePicker placeholder="请选择日期" />
        </Form.Item>
        <Form.Item name="note" label="说明（可不填）">
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
