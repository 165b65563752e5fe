/**
 * Calendar dates in China time, as 'YYYY-MM-DD' strings. Rules receive "today" as an argument and
 * never read the clock; only the edges call `chinaToday(new Date())`.
 */
import dayjs from 'dayjs';

const chinaDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar date in China at the given instant. */
export function chinaToday(now: Date): string {
  return chinaDate.format(now);
}

export function isValidDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = dayjs(value, 'YYYY-MM-DD');
  return d.isValid() && d.format('YYYY-MM-DD') === value;
}

/** Whole years completed between `birthDate` and `on` (a birthday on 29 Feb counts on 28 Feb). */
export function ageOn(birthDate: string, on: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [oy, om, od] = on.split('-').map(Number) as [number, number, number];
  let age = oy - by;
  const lastDayOfBirthMonthThisYear = new Date(Date.UTC(oy, bm, 0)).getUTCDate();
  const birthdayThisYear = Math.min(bd, lastDayOfBirthMonthThisYear);
  if (om < bm || (om === bm && od < birthdayThisYear)) age -= 1;
  return age;
}

export function addDays(date: string, days: number): string {
  return dayjs(date).add(days, 'day').format('YYYY-MM-DD');
}

/** Same day `months` later, or that month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  return dayjs(date).add(months, 'month').format('YYYY-MM-DD');
}

export function addYears(date: string, years: number): string {
  return dayjs(date).add(years, 'year').format('YYYY-MM-DD');
}

export function daysBetween(from: string, to: string): number {
  return dayjs(to).diff(dayjs(from), 'day');
}
