/**
 * The 首页's reminders: the requests the committee returned, then the most urgent of the reminders centre
 * (the 换届 shows above them), read after the counts show so they never slow the first screen; once per
 * start a desktop notification.
 */
import { Button, Empty } from 'antd';
import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import type { OrgDoc } from '@shared/model';
import { platform } from '../../platform';
import { useOpenReturns } from '../recruitment/hooks';
import { ReminderList } from '../reminders/ReminderList';
import { useReminderCentre } from '../reminders/hooks';
import { ReturnedRequests } from './ReturnedRequests';
import { HOME } from './strings';

/** How many reminders the 首页 lists; the rest are one click away. */
const SHOWN = 8;
let notified = false;

export function LaterReminders({ branch, today, hasOthers }: { branch: OrgDoc; today: string; hasOthers: boolean }) {
  const navigate = useNavigate();
  const items = useReminderCentre(branch, today);
  const returns = useOpenReturns(branch.id, today);
  const returned = returns.value ?? [];
  const list = (items ?? []).filter((i) => i.kind !== 'term');
  useEffect(() => {
    if (!items || notified) return;
    notified = true;
    const urgent = items.filter((i) => i.urgency !== 'later');
    if (urgent.length === 0) return;
    platform()
      .notify({ title: `支部工作台：${urgent.length}件事要办`, body: urgent.slice(0, 3).map((i) => i.title).join('\n'), path: '/reminders' })
      .catch((error: unknown) => console.error('notification', error));
  }, [items]);
  if (!items || returns.loading) return null;
  if (list.length === 0 && returned.length === 0) return hasOthers ? null : <Empty className="reminders-empty" image={Empty.PRESENTED_IMAGE_SIMPLE} description={HOME.noReminders} />;
  return (
    <>
      <ReturnedRequests items={returned} />
      {list.length > 0 && (
        <>
          <ReminderList items={list.slice(0, SHOWN)} />
          <Button type="link" onClick={() => navigate('/reminders')} data-testid="reminders-all">
            查看全部提醒（{items.length}条）
          </Button>
        </>
      )}
    </>
  );
}
