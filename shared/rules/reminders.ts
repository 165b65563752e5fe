/**
 * 待办提醒 of the 首页, from the recruitment dossiers: every deadline checkTimeline gives that has passed
 * or falls within the coming days, overdue first. (The reminders centre of dues, meetings and care
 * gathers its own kinds beside these.)
 */
import { daysBetween } from '../dates';
import type { RecruitmentCheck } from './recruitment';

export interface Reminder {
  /** The person concerned. */
  name: string;
  date: string;
  /** What is due, in Chinese. */
  label: string;
  /** Days from today to the date; negative once it has passed. */
  daysLeft: number;
  overdue: boolean;
  rule: string;
}

/** How far ahead the 首页 looks, in days. */
export const REMINDER_HORIZON_DAYS = 30;

export function recruitmentReminders(entries: readonly { name: string; check: RecruitmentCheck }[], today: string, horizonDays = REMINDER_HORIZON_DAYS): Reminder[] {
  return entries
    .flatMap(({ name, check }) =>
      check.deadlines.map((d) => {
        const daysLeft = daysBetween(today, d.date);
        return { name, date: d.date, label: d.label, daysLeft, overdue: daysLeft < 0, rule: d.rule };
      }),
    )
    .filter((r) => r.daysLeft <= horizonDays)
    .sort((a, b) => a.date.localeCompare(b.date) || a.name.localeCompare(b.name, 'zh-CN'));
}

/** '还有5天', '今天到期', '已过期12天': how the 首页 says when. */
export function whenText(reminder: Pick<Reminder, 'daysLeft'>): string {
  if (reminder.daysLeft === 0) return '今天到期';
  return reminder.daysLeft > 0 ? `还有${reminder.daysLeft}天` : `已过期${-reminder.daysLeft}天`;
}
