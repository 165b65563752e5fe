import { describe, expect, it } from 'vitest';
import type { RecruitmentCheck } from './recruitment';
import { recruitmentReminders, whenText } from './reminders';

const check = (deadlines: RecruitmentCheck['deadlines']): RecruitmentCheck => ({ stage: 2, violations: [], next: null, deadlines });

describe('recruitmentReminders', () => {
  const entries = [
    { name: '王小明', check: check([{ step: 2, date: '2026-11-20', rule: 'R-TALK-1M', label: '派人与入党申请人谈话' }]) },
    { name: '李华', check: check([{ step: 7, date: '2026-12-23', rule: 'R-THOUGHT-REPORT', label: '提醒递交思想汇报' }, { step: 7, date: '2026-12-24', rule: 'R-EVAL-6M', label: '培养考察' }]) },
    { name: '赵青', check: check([{ step: 17, date: '2026-11-23', rule: 'R-APPROVAL-3M', label: '上级党委审批' }]) },
  ];

  it('lists passed deadlines and those within 30 days, earliest first; later ones wait', () => {
    const reminders = recruitmentReminders(entries, '2026-11-23');
    expect(reminders.map((r) => [r.name, r.date, r.overdue])).toEqual([
      ['王小明', '2026-11-20', true],
      ['赵青', '2026-11-23', false],
      ['李华', '2026-12-23', false],
    ]);
  });

  it('looks as far ahead as asked', () => {
    expect(recruitmentReminders(entries, '2026-11-23', 31)).toHaveLength(4);
    expect(recruitmentReminders(entries, '2026-11-23', 0)).toHaveLength(2);
  });

  it('says when in plain words', () => {
    expect(whenText({ daysLeft: 0 })).toBe('今天到期');
    expect(whenText({ daysLeft: 5 })).toBe('还有5天');
    expect(whenText({ daysLeft: -12 })).toBe('已过期12天');
  });
});
