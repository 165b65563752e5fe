/**
 * 扫描件: photos or scans of the signed paper pages (the handwritten 申请书, 思想汇报, 志愿书 pages),
 * kept in the dossier, encrypted on this computer, shown again with one click.
 */
import { App, Button, Form, Image, Input, List, Modal, Popconfirm, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { DossierDoc } from '@shared/model';
import { RECRUITMENT_STEPS } from '@shared/rules/recruitment-steps';
import { useDb } from '../../db/context';
import { platform } from '../../platform';
import { addScan, removeScan, scanData, SCAN_MAX_BYTES } from './writes';

const TYPE_OF_EXTENSION: Record<string, string> = { jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', pdf: 'application/pdf' };

function ScanViewer({ dossierId, scan, onClose }: { dossierId: string; scan: NonNullable<DossierDoc['scans']>[number]; onClose: () => void }) {
  const db = useDb();
  const [url, setUrl] = useState<{ href: string; type: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let href: string | null = null;
    scanData(db, dossierId, scan.id).then(
      (blob) => {
        href = URL.createObjectURL(blob);
        setUrl({ href, type: blob.type });
      },
      (e: Error) => setError(e.message),
    );
    return () => {
      if (href) URL.revokeObjectURL(href);
    };
  }, [db, dossierId, scan.id]);
  return (
    <Modal open width={900} title={scan.title} onCancel={onClose} footer={<Button onClick={onClose}>关闭</Button>}>
      {error && <Typography.Text type="danger">打不开这份扫描件：{error}</Typography.Text>}
      {url && (url.type === 'application/pdf' ? <iframe title={scan.title} src={url.href} style={{ width: '100%', height: '70vh', border: 0 }} /> : <Image src={url.href} alt={scan.title} />)}
    </Modal>
  );
}

export function ScansPanel({ dossier }: { dossier: DossierDoc }) {
  const db = useDb();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ title?: string; step?: number }>();
  const [busy, setBusy] = useState(false);
  const [viewing, setViewing] = useState<string | null>(null);
  const scans = dossier.scans ?? [];

  const add = async () => {
    const { title, step } = form.getFieldsValue();
    if (!title?.trim()) return void message.error('请先写上这是什么材料，例如“入党申请书第1页”');
    setBusy(true);
    try {
      const file = await platform().openFile({ filters: [{ name: '照片或PDF', extensions: ['jpg', 'jpeg', 'png', 'pdf'] }], maxBytes: SCAN_MAX_BYTES });
      if (!file) return;
      const type = TYPE_OF_EXTENSION[file.name.split('.').pop()?.toLowerCase() ?? ''];
      if (!type) return void message.error('只能添加照片（JPG、PNG）或PDF文件');
      await addScan(db, dossier, { name: file.name, data: file.data, type }, { title: title.trim(), ...(step ? { step } : {}) });
      form.resetFields();
      message.success(`已添加：${title.trim()}`);
    } catch (error) {
      message.error(`添加失败：${(error as Error).message}`);
    } finally {
      setBusy(false);
    }
  };

  const stepName = (step: number | undefined) => (step ? `第${step}步 ${RECRUITMENT_STEPS[step - 1]!.name}` : '');
  const viewed = scans.find((s) => s.id === viewing);

  return (
    <>
      <Form form={form} name="scan" layout="inline" style={{ marginBottom: 12, rowGap: 8 }}>
        <Form.Item name="title" label="材料名称">
          <Input style={{ width: '14em' }} placeholder="例如：入党申请书第1页" maxLength={100} />
        </Form.Item>
        <Form.Item name="step" label="属于">
          <Select allowClear style={{ width: '16em' }} placeholder="哪一步（可不选）" options={RECRUITMENT_STEPS.map((s) => ({ value: s.step, label: `第${s.step}步 ${s.name}` }))} />
        </Form.Item>
        <Button type="primary" loading={busy} onClick={() => void add()}>
          选择照片或PDF…
        </Button>
      </Form>
      <List
        bordered
        dataSource={scans}
        locale={{ emptyText: '还没有扫描件。签字的纸质材料可以拍照或扫描后添加到这里。' }}
        renderItem={(scan) => (
          <List.Item
            actions={[
              <Button key="view" type="link" onClick={() => setViewing(scan.id)}>
                查看
              </Button>,
              <Popconfirm key="remove" title="删除这份扫描件？纸质原件不受影响。" okText="删除" cancelText="不删" onConfirm={() => removeScan(db, dossier.id, scan.id).catch((e: Error) => message.error(`删除失败：${e.message}`))}>
                <Button type="link" danger>
                  删除
                </Button>
              </Popconfirm>,
            ]}
          >
            <Space>
              <Typography.Text>{scan.title}</Typography.Text>
              <Typography.Text type="secondary">{stepName(scan.step)}</Typography.Text>
              <Typography.Text type="secondary">添加于 {scan.addedAt.slice(0, 10)}</Typography.Text>
            </Space>
          </List.Item>
        )}
      />
      {viewed && <ScanViewer dossierId={dossier.id} scan={viewed} onClose={() => setViewing(null)} />}
    </>
  );
}
