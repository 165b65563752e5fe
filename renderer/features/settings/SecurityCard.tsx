/**
 * 设置 → 密码与锁定: set a password (or see the plain warning without one), remember it on this computer,
 * lock after some minutes or now, change the password, make a new recovery code, or remove the password.
 * Each change that weakens protection asks for the current password first.
 */
import { LockOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Descriptions, Form, Input, Modal, Select, Space, Switch, Typography } from 'antd';
import { useState } from 'react';
import { recoverySheet } from '@shared/forms/recovery-sheet';
import { useBranch } from '../../db/context';
import { todayInChina } from '../../db/writes';
import { FormPreview } from '../../print/FormPreview';
import { newRecoveryCode, passwordProblem } from '../../security/keyring';
import { LOCK_MINUTE_CHOICES, setLockAfterMinutes, useLockStore } from '../../security/lock';
import { PasswordSetup } from '../../security/PasswordSetup';
import { changePassword, changeRecoveryCode, checkPassword, protection, removePassword, setRemembered } from '../../security/session';

type Dialog = 'set' | 'change' | 'recovery' | 'remove' | null;

const when = (iso?: string) => (iso ? new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'long', timeStyle: 'short' }) : '');

export function SecurityCard() {
  const { message } = App.useApp();
  const branch = useBranch();
  const branchName = branch.value?.name ?? '';
  const minutes = useLockStore((s) => s.minutes);
  const lock = useLockStore((s) => s.lock);
  useLockStore((s) => s.hasPassword); // re-render after a change
  const [dialog, setDialog] = useState<Dialog>(null);
  const [, setVersion] = useState(0);
  const p = protection();
  const changed = (text: string) => {
    useLockStore.getState().refresh();
    setVersion((v) => v + 1);
    setDialog(null);
    message.success(text);
  };

  return (
    <Card title={<><LockOutlined /> 密码与锁定</>} id="security">
      {!p.hasPassword ? (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Alert
            type="warning"
            showIcon
            message="还没有设置密码"
            description="任何人打开这台电脑上的支部工作台，都能看到党员的身份证号、电话和住址。多人共用的办公电脑可以不设密码，但请锁好电脑、管好钥匙；自己使用的电脑请设置密码。"
          />
          <Button type="primary" size="large" onClick={() => setDialog('set')}>
            设置密码
          </Button>
        </Space>
      ) : (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Descriptions bordered column={1} size="middle">
            <Descriptions.Item label="密码">已设置（{when(p.passwordSetAt)}）</Descriptions.Item>
            <Descriptions.Item label="恢复码">生成于 {when(p.recoverySetAt)}，恢复单请锁好</Descriptions.Item>
            <Descriptions.Item label="打开时">
              {p.canRemember ? (
                <Space>
                  <Switch
                    checked={p.remembered}
                    aria-label="在这台电脑上记住密码"
                    onChange={(on) => void setRemembered(on).then(() => changed(on ? '已记住：打开软件不用再输入密码。' : '已取消记住：打开软件要输入密码。'))}
                  />
                  {p.remembered ? '在这台电脑上记住密码（打开不用输入）' : '每次打开都要输入密码'}
                </Space>
              ) : (
                '每次打开都要输入密码（这台电脑没有系统密钥库，不能记住密码）'
              )}
            </Descriptions.Item>
            <Descriptions.Item label="自动锁定">
              <Select
                aria-label="自动锁定"
                value={minutes}
                style={{ width: 220 }}
                onChange={(value: number) => setLockAfterMinutes(value)}
                options={LOCK_MINUTE_CHOICES.map((m) => ({ value: m, label: m === 0 ? '不自动锁定' : `${m} 分钟不用后锁定` }))}
              />
            </Descriptions.Item>
          </Descriptions>
          <Space wrap>
            <Button icon={<LockOutlined />} onClick={lock}>
              立即锁定
            </Button>
            <Button onClick={() => setDialog('change')}>修改密码</Button>
            <Button onClick={() => setDialog('recovery')}>重新生成恢复码</Button>
            <Button danger onClick={() => setDialog('remove')}>
              取消密码
            </Button>
          </Space>
        </Space>
      )}
      {dialog === 'set' && (
        <Modal open title="设置密码" footer={null} width={640} onCancel={() => setDialog(null)}>
          <PasswordSetup branchName={branchName} onDone={() => changed('密码已设置。')} />
        </Modal>
      )}
      {dialog === 'change' && <ChangePasswordDialog onClose={() => setDialog(null)} onDone={() => changed('密码已修改，旧密码不再能打开数据。')} />}
      {dialog === 'recovery' && <NewRecoveryCodeDialog branchName={branchName} onClose={() => setDialog(null)} onDone={() => changed('新恢复码已生效，旧的恢复单作废，请销毁。')} />}
      {dialog === 'remove' && <RemovePasswordDialog onClose={() => setDialog(null)} onDone={() => changed('密码已取消。')} />}
    </Card>
  );
}

/** The current password, checked before anything is changed. */
function useCurrentPassword() {
  const [current, setCurrent] = useState('');
  const [error, setError] = useState<string | null>(null);
  const field = (
    <Form.Item label="现在的密码">
      <Input.Password aria-label="现在的密码" autoFocus autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} />
    </Form.Item>
  );
  const verify = async () => {
    const ok = await checkPassword(current);
    if (!ok) setError('现在的密码不对。');
    return ok;
  };
  return { field, verify, error, setError };
}

function ChangePasswordDialog({ onClose, onDone }: { onClose: () => void; onDone: () => void }) {
  const { field, verify, error, setError } = useCurrentPassword();
  const [next, setNext] = useState({ password: '', repeat: '' });
  const [busy, setBusy] = useState(false);
  const save = async () => {
    const problem = passwordProblem(next.password, next.repeat);
    if (problem) return setError(problem);
    setBusy(true);
    try {
      if (await verify()) {
        await changePassword(next.password);
        onDone();
      }
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title="修改密码" okText="保存新密码" confirmLoading={busy} onOk={() => void save()} onCancel={onClose}>
      <Form layout="vertical" size="large">
        {field}
        <Form.Item label="新密码（至少 6 位）">
          <Input.Password aria-label="新密码" autoComplete="new-password" value={next.password} onChange={(e) => setNext({ ...next, password: e.target.value })} />
        </Form.Item>
        <Form.Item label="再输入一次新密码">
          <Input.Password aria-label="再输入一次新密码" autoComplete="new-password" value={next.repeat} onChange={(e) => setNext({ ...next, repeat: e.target.value })} />
        </Form.Item>
        {error && <Alert type="error" showIcon message={error} />}
      </Form>
    </Modal>
  );
}

function NewRecoveryCodeDialog({ branchName, onClose, onDone }: { branchName: string; onClose: () => void; onDone: () => void }) {
  const { field, verify, error, setError } = useCurrentPassword();
  const [code] = useState(newRecoveryCode);
  const [kept, setKept] = useState(false);
  const [previewing, setPreviewing] = useState(false);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    if (!kept) return setError('请先打印新的恢复单（或抄下恢复码），并勾选「我已收好新恢复码」。');
    setBusy(true);
    try {
      if (await verify()) {
        await changeRecoveryCode(code);
        onDone();
      }
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title="重新生成恢复码" okText="启用新恢复码" confirmLoading={busy} onOk={() => void save()} onCancel={onClose} width={600}>
      <Form layout="vertical" size="large">
        <Typography.Paragraph>恢复单丢失或可能被别人看到时，生成新的恢复码；旧的恢复单随即作废。</Typography.Paragraph>
        {field}
        <Typography.Text strong style={{ fontFamily: 'monospace', fontSize: '1.4em', letterSpacing: 2 }} data-testid="recovery-code">
          {code}
        </Typography.Text>
        <div style={{ margin: '12px 0' }}>
          <Space wrap>
            <Button icon={<PrinterOutlined />} onClick={() => setPreviewing(true)}>
              打印恢复单
            </Button>
            <Checkbox checked={kept} onChange={(e) => setKept(e.target.checked)}>
              我已收好新恢复码
            </Checkbox>
          </Space>
        </div>
        {error && <Alert type="error" showIcon message={error} />}
      </Form>
      {previewing && <FormPreview form={recoverySheet({ branchName, code, date: todayInChina() })} fileName="数据恢复单" onClose={() => setPreviewing(false)} />}
    </Modal>
  );
}

function RemovePasswordDialog({ onClose, onDone }: { onClose: () => void; onDone: () => void }) {
  const { field, verify, error } = useCurrentPassword();
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    try {
      if (await verify()) {
        await removePassword();
        onDone();
      }
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title="取消密码" okText="取消密码" okButtonProps={{ danger: true }} confirmLoading={busy} onOk={() => void save()} onCancel={onClose}>
      <Form layout="vertical" size="large">
        <Alert
          type="warning"
          showIcon
          message="取消后，任何人打开这台电脑上的支部工作台都能看到党员的个人信息，也不会再自动锁定。"
          style={{ marginBottom: 16 }}
        />
        {field}
        {error && <Alert type="error" showIcon message={error} />}
      </Form>
    </Modal>
  );
}
