/** 设置: large-type mode, backups and restore, a test print, and what this installation is. */
import { App, Button, Card, Descriptions, Space, Switch, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { AppInfo } from '@shared/ipc';
import { useUiStore } from '../../app/ui-store';
import { platform } from '../../platform';
import { PrintTestPage } from '../../print/PrintTestPage';
import { printDocument } from '../../print/print-job';
import { BackupCard } from './BackupCard';
import { SecurityCard } from './SecurityCard';

export function SettingsPage() {
  const { message } = App.useApp();
  const largeType = useUiStore((s) => s.largeType);
  const setLargeType = useUiStore((s) => s.setLargeType);
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [persisted, setPersisted] = useState<boolean | null>(null);

  useEffect(() => {
    platform().appInfo().then(setInfo, (error: Error) => message.error(error.message));
    navigator.storage?.persisted?.().then(setPersisted, () => setPersisted(null));
  }, [message]);

  const printTest = async () => {
    try {
      const result = await printDocument(<PrintTestPage />, { suggestedName: '打印测试页.pdf' });
      if (result.saved) message.success(`已保存到 ${result.path}`);
    } catch (error) {
      message.error((error as Error).message);
    }
  };

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card title="显示">
        <label className="large-type-switch">
          <Switch checked={largeType} onChange={setLargeType} aria-label="大字模式" /> <span>大字模式（字更大、更清楚）</span>
        </label>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
          这台电脑会记住您的选择。
        </Typography.Paragraph>
      </Card>
      <SecurityCard />
      <BackupCard />
      <Card title="打印">
        <Typography.Paragraph>打印一张 A4 测试页，检查打印机和字体是否正常。</Typography.Paragraph>
        <Button onClick={printTest}>打印测试页</Button>
      </Card>
      <Card title="关于">
        <Descriptions column={1} size="small">
          <Descriptions.Item label="软件">{info ? `${info.name} ${info.version}` : '…'}</Descriptions.Item>
          <Descriptions.Item label="运行方式">{info ? (info.shell === 'electron' ? '桌面版' : '网页版（在浏览器中运行）') : '…'}</Descriptions.Item>
          <Descriptions.Item label="数据保存">
            {persisted === null ? '本机' : persisted ? '本机（已申请长期保存，浏览器不会自动清除）' : '本机（浏览器可能在空间不足时清除，请定期备份）'}
          </Descriptions.Item>
        </Descriptions>
      </Card>
    </Space>
  );
}
