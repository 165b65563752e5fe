/**
 * 设置密码: the password twice, 「在这台电脑上记住」 where an OS key store can keep the key, and the recovery
 * code, which must be printed (or written down) before the password is saved: a password without its
 * recovery sheet is how a secretary loses the branch's records.
 */
import { PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { recoverySheet } from '@shared/forms/recovery-sheet';
import { todayInChina } from '../db/writes';
import { FormPreview } from '../print/FormPreview';
import { newRecoveryCode, passwordProblem } from './keyring';
import { useLockStore } from './lock';
import { protection, setPassword } from './session';

export function PasswordSetup({ branchName, onDone }: { branchName: string; onDone: () => void }) {
  const [code] = useState(newRecoveryCode);
  const canRemember = protection().canRemember;
  const [values, setValues] = useState({ password: '', repeat: '', remember: canRemember, kept: false });
  const [previewing, setPreviewing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async () => {
    const problem = passwordProblem(values.password, values.repeat) ?? (values.kept ? null : '请先打印恢复单（或把恢复码抄在纸上），并勾选「我已收好恢复码」。');
    setError(problem);
    if (problem) return;
    setBusy(true);
    try {
      await setPassword(values.password, code, values.remember);
      useLockStore.getState().refresh();
      onDone();
    } catch (cause) {
      setError(`密码没有保存：${(cause as Error).message}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    // No <form> element of its own: it is also shown inside the first-run wizard's form.
    <Form layout="vertical" size="large" component={false}>
      <Form.Item label="密码（至少 6 位）">
        <Input.Password aria-label="密码" autoComplete="new-password" value={values.password} onChange={(e) => setValues({ ...values, password: e.target.value })} />
      </Form.Item>
      <Form.Item label="再输入一次密码">
        <Input.Password aria-label="再输入一次密码" autoComplete="new-password" value={values.repeat} onChange={(e) => setValues({ ...values, repeat: e.target.value })} />
      </Form.Item>
      {canRemember ? (
        <Form.Item extra="记住后打开软件不用输入密码（密码保存在系统的密钥库里）；离开电脑时仍可一键锁定。别人也会用这台电脑时，请不要勾选。">
          <Checkbox checked={values.remember} onChange={(e) => setValues({ ...values, remember: e.target.checked })}>
            在这台电脑上记住密码
          </Checkbox>
        </Form.Item>
      ) : (
        <Typography.Paragraph type="secondary">每次打开支部工作台都要输入这个密码。</Typography.Paragraph>
      )}
      <Alert
        type="warning"
        showIcon
        message="恢复码：忘记密码时用它打开数据"
        description={
          <Space direction="vertical">
            <Typography.Text strong copyable={false} style={{ fontFamily: 'monospace', fontSize: '1.4em', letterSpacing: 2 }} data-testid="recovery-code">
              {code}
            </Typography.Text>
            <span>请打印「数据恢复单」锁进柜子里（或把恢复码抄在纸上）。忘记密码又没有恢复码，本机的数据就再也打不开了。</span>
            <Space wrap>
              <Button icon={<PrinterOutlined />} onClick={() => setPreviewing(true)}>
                打印恢复单
              </Button>
              <Checkbox checked={values.kept} onChange={(e) => setValues({ ...values, kept: e.target.checked })}>
                我已收好恢复码
              </Checkbox>
            </Space>
          </Space>
        }
        style={{ marginBottom: 16 }}
      />
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Button type="primary" size="large" loading={busy} onClick={() => void save()}>
        保存密码
      </Button>
      {previewing && <FormPreview form={recoverySheet({ branchName, code, date: todayInChina() })} fileName="数据恢复单" onClose={() => setPreviewing(false)} />}
    </Form>
  );
}
