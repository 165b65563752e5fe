/**
 * 输入密码: at start when the data key is protected by a password, and over the app when it is locked.
 * One field, one big button. 忘记密码 leads to the recovery code from the printed sheet, and then straight
 * to a new password, so a secretary who forgot it is never left with a locked computer.
 */
import { LockOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { passwordProblem } from './keyring';
import { changePassword } from './session';

export interface UnlockScreenProps {
  /** 'start': opening the app; 'lock': the app was locked while in use. */
  mode: 'start' | 'lock';
  branchName?: string;
  /** Whether the password (or the recovery code) opens the key. */
  tryOpen(secret: string, by: 'password' | 'recovery'): Promise<boolean>;
  onOpen(): void;
}

type Step = 'password' | 'recovery' | 'new-password';

export function UnlockScreen({ mode, branchName, tryOpen, onOpen }: UnlockScreenProps) {
  const [step, setStep] = useState<Step>('password');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<{ password: string; code: string; next: string; repeat: string }>();

  const attempt = async (secret: string, by: 'password' | 'recovery') => {
    setBusy(true);
    setError(null);
    try {
      if (!(await tryOpen(secret, by))) {
        setError(by === 'password' ? '密码不对，请再试一次。注意大小写和输入法的全角、半角。' : '恢复码不对。请对照打印的恢复单，一个字一个字地核对。');
        return;
      }
      if (by === 'recovery') setStep('new-password');
      else onOpen();
    } finally {
      setBusy(false);
    }
  };

  const saveNewPassword = async () => {
    const { next = '', repeat = '' } = form.getFieldsValue(true) as { next?: string; repeat?: string };
    const problem = passwordProblem(next, repeat);
    if (problem) {
      setError(problem);
      return;
    }
    setBusy(true);
    try {
      await changePassword(next);
      onOpen();
    } catch (cause) {
      setError(`新密码没有保存：${(cause as Error).message}`);
    } finally {
      setBusy(false);
    }
  };

  const title = mode === 'start' ? '请输入密码，打开支部工作台' : '支部工作台已锁定';
  return (
    <div className="unlock-screen" role="dialog" aria-modal="true" aria-label={title}>
      <Card style={{ width: 520, maxWidth: '92vw' }}>
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            <LockOutlined /> {title}
          </Typography.Title>
          {branchName && <Typography.Text type="secondary">{branchName}</Typography.Text>}
          {mode === 'lock' && step === 'password' && (
            <Typography.Paragraph style={{ margin: 0 }}>为了保护党员的个人信息，一段时间不用后会自动锁定。输入密码后，您刚才的工作原样还在。</Typography.Paragraph>
          )}
          {error && <Alert type="error" showIcon message={error} />}
          <Form form={form} layout="vertical" size="large" onFinish={() => undefined}>
            {step === 'password' && (
              <>
                <Form.Item label="密码" name="password">
                  <Input.Password autoFocus autoComplete="current-password" onPressEnter={() => void attempt(form.getFieldValue('password') ?? '', 'password')} />
                </Form.Item>
                <Space wrap>
                  <Button type="primary" size="large" loading={busy} onClick={() => void attempt(form.getFieldValue('password') ?? '', 'password')}>
                    打开
                  </Button>
                  <Button type="link" onClick={() => (setError(null), setStep('recovery'))}>
                    忘记密码？用恢复码
                  </Button>
                </Space>
              </>
            )}
            {step === 'recovery' && (
              <>
                <Typography.Paragraph>请拿出设置密码时打印的「数据恢复单」，输入上面的 25 位恢复码（字母不分大小写，横线可以不输）。</Typography.Paragraph>
                <Form.Item label="恢复码" name="code">
                  <Input autoFocus placeholder="例如 7K2QM-…" style={{ fontFamily: 'monospace', letterSpacing: 1 }} />
                </Form.Item>
                <Space wrap>
                  <Button type="primary" size="large" loading={busy} onClick={() => void attempt(form.getFieldValue('code') ?? '', 'recovery')}>
                    用恢复码打开
                  </Button>
                  <Button type="link" onClick={() => (setError(null), setStep('password'))}>
                    返回输入密码
                  </Button>
                </Space>
              </>
            )}
            {step === 'new-password' && (
              <>
                <Alert type="success" showIcon message="恢复码正确。请设置一个新密码，以后用新密码打开。恢复单继续有效，请收好。" style={{ marginBottom: 16 }} />
                <Form.Item label="新密码（至少 6 位）" name="next">
                  <Input.Password autoFocus autoComplete="new-password" />
                </Form.Item>
                <Form.Item label="再输入一次新密码" name="repeat">
                  <Input.Password autoComplete="new-password" onPressEnter={() => void saveNewPassword()} />
                </Form.Item>
                <Button type="primary" size="large" loading={busy} onClick={() => void saveNewPassword()}>
                  保存新密码并打开
                </Button>
              </>
            )}
          </Form>
        </Space>
      </Card>
    </div>
  );
}
