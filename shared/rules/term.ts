/**
 * R-TERM: a branch committee (or secretary) serves 3 to 5 years (3 by default, 5 for village and
 * community branches); remind six months before the term ends.
 */
import { addMonths, addYears } from '../dates';
import type { OrgDoc } from '../model';

export interface TermStatus {
  electedOn: string;
  endsOn: string;
  /** From six months before the end: prepare the election (换届). */
  remindFrom: string;
  state: 'running' | 'due-soon' | 'overdue';
  message: string;
}

/** The current term (the latest election), or null when no election is recorded. */
export function termStatus(org: Pick<OrgDoc, 'terms'>, today: string): TermStatus | null {
  const latest = [...org.terms].sort((a, b) => a.electedOn.localeCompare(b.electedOn)).at(-1);
  if (!latest) return null;
  const endsOn = addYears(latest.electedOn, latest.years);
  const remindFrom = addMonths(endsOn, -6);
  if (today >= endsOn) {
    return { electedOn: latest.electedOn, endsOn, remindFrom, state: 'overdue', message: `本届任期已于 ${endsOn} 届满，应及时换届；推迟换届须报上级党组织批准。` };
  }
  if (today >= remindFrom) {
    return { electedOn: latest.electedOn, endsOn, remindFrom, state: 'due-soon', message: `本届任期将于 ${endsOn} 届满，请提前做好换届准备，并向上级党组织报告。` };
  }
  return { electedOn: latest.electedOn, endsOn, remindFrom, state: 'running', message: `本届任期至 ${endsOn}。` };
}
