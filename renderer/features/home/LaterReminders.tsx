/**
 * The reminders that need more than the 首页's counts (the recruitment deadlines, the 三会一课 not held).
 * Loaded after the counts show, with their rules, so that they never slow the first screen.
 */
import { Empty } from 'antd';
import type { OrgDoc } from '@shared/model';
import { MeetingReminders, useMissingMeetings } from './MeetingReminders';
import { RecruitmentReminders, useRecruitmentReminders } from './RecruitmentReminders';
import { HOME } from './strings';

export function LaterReminders({ branch, today, hasOthers }: { branch: OrgDoc; today: string; hasOthers: boolean }) {
  const recruitment = useRecruitmentReminders(branch.id, today);
  const missingMeetings = useMissingMeetings(branch, today);
  const none = !hasOthers && recruitment.value?.length === 0 && missingMeetings.length === 0;
  return (
    <>
      <RecruitmentReminders reminders={recruitment.value ?? []} />
      <MeetingReminders missing={missingMeetings} />
      {none && <Empty className="reminders-empty" image={Empty.PRESENTED_IMAGE_SIMPLE} description={HOME.noReminders} />}
    </>
  );
}
