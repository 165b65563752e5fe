import { describe, expect, it } from 'vitest';
import { addDays, addMonths } from '../dates';
import { generateDemoBranch, recruitmentEvents } from '../demo';
import type { DossierDoc } from '../model';
import {
  checkTimeline,
  countWorkingDays,
  holidayCalendarCovers,
  isWorkingDay,
  readProbationOutcome,
  replacedRecords,
  timelineFromDossier,
  type RecruitmentCheck,
  type RecruitmentEvent,
  type RecruitmentRuleId,
  type RecruitmentTimeline,
} from './recruitment';
import { RECRUITMENT_STEPS, stageOfStep, stepLabel } from './recruitment-steps';

/**
 * One lawful recruitment of 陈思远 (born 1995-06-15): 申请 2023-03-01, 积极分子 2023-06-01,
 * 发展对象 2024-06-03, 支部大会 2024-09-10, 转正 on the day the probation ends, 2025-09-10.
 */
const LAWFUL: Readonly<Record<number, RecruitmentEvent>> = {
  1: { step: 1, date: '2023-03-01' },
  2: { step: 2, date: '2023-03-20', people: ['张建华'] },
  3: { step: 3, date: '2023-06-01' },
  4: { step: 4, date: '2023-06-08' },
  5: { step: 5, date: '2023-06-01', people: ['张建华', '李秀英'] },
  6: { step: 6, date: '2023-12-01' },
  7: { step: 7, date: '2024-06-03' },
  8: { step: 8, date: '2024-06-10' },
  9: { step: 9, date: '2024-06-12', people: ['王德明', '赵丽华'] },
  10: { step: 10, date: '2024-06-20', endDate: '2024-07-15' },
  11: { step: 11, date: '2024-07-08', endDate: '2024-07-10' },
  12: { step: 12, date: '2024-08-01' },
  13: { step: 13, date: '2024-08-20' },
  14: { step: 14, date: '2024-08-26' },
  15: { step: 15, date: '2024-09-10' },
  16: { step: 16, date: '2024-10-09' },
  17: { step: 17, date: '2024-11-05' },
  18: { step: 18, date: '2024-11-15' },
  19: { step: 19, date: '2024-11-18' },
  20: { step: 20, date: '2024-12-02' },
  21: { step: 21, date: '2025-03-01' },
  22: { step: 22, date: '2025-08-25' },
  23: { step: 23, date: '2025-09-10', outcome: 'confirm' },
  24: { step: 24, date: '2025-10-20' },
  25: { step: 25, date: '2025-11-10' },
};

const LAWFUL_RECORDS = {
  birthDate: '1995-06-15',
  // Half-yearly 考察 from step 3 to step 7 and through the probation.
  evaluations: ['2023-12-01', '2024-05-20', '2024-11-15', '2025-05-10'],
  // Quarterly 思想汇报 from step 3 to step 12 and through the probation.
  thoughtReports: ['2023-04-15', '2023-08-25', '2023-11-20', '2024-02-20', '2024-05-15', '2024-07-25', '2024-11-20', '2025-02-20', '2025-05-15', '2025-08-10'],
  trainings: [{ from: '2024-07-08', to: '2024-07-10', hours: 24 }],
  // Monday to Friday of an ordinary week, before the 预审 of 2024-08-20.
  publicity: { from: '2024-08-05', to: '2024-08-09' },
} satisfies Partial<RecruitmentTimeline>;

interface TimelineOptions extends Partial<RecruitmentTimeline> {
  /** The last step done: later steps are left out. */
  upTo?: number;
  /** Changes to single steps of the lawful timeline; null leaves the step out. */
  steps?: Record<number, Partial<RecruitmentEvent> | null>;
}

/** The lawful timeline, cut after `upTo`, with the changes a test is about. */
function timeline({ upTo = 25, steps = {}, ...rest }: TimelineOptions = {}): RecruitmentTimeline {
  const events: RecruitmentEvent[] = [];
  for (let step = 1; step <= upTo; step++) {
    const change = steps[step];
    if (change === null) continue;
    events.push({ ...LAWFUL[step]!, ...change });
  }
  return { ...LAWFUL_RECORDS, events, ...rest };
}

function check(options: TimelineOptions, today: string): RecruitmentCheck {
  return checkTimeline(timeline(options), today);
}

function rulesOf(result: RecruitmentCheck): RecruitmentRuleId[] {
  return result.violations.map((v) => v.rule);
}

function violationsOf(result: RecruitmentCheck, rule: RecruitmentRuleId) {
  return result.violations.filter((v) => v.rule === rule);
}

/** 6-month extension decided at the end of the probation, then 转正 when the extension ends. */
function extendedTimeline(months: number | undefined, changes: { confirmedOn?: string; extraEvents?: RecruitmentEvent[] } = {}): RecruitmentTimeline {
  const base = timeline({ upTo: 21 });
  return {
    ...base,
    events: [
      ...base.events,
      { step: 22, date: '2025-08-25' },
      { step: 23, date: '2025-09-10', outcome: 'extend', ...(months !== undefined ? { extensionMonths: months } : {}) },
      { step: 24, date: '2025-10-20' },
      { step: 22, date: '2026-03-01' },
      { step: 23, date: changes.confirmedOn ?? '2026-03-10', outcome: 'confirm' },
      { step: 24, date: '2026-04-10' },
      { step: 25, date: '2026-05-01' },
      ...(changes.extraEvents ?? []),
    ],
    evaluations: [...base.evaluations!, '2025-11-01'],
    thoughtReports: [...base.thoughtReports!, '2025-11-05', '2026-02-01'],
  };
}

describe('the step table', () => {
  it('has the 25 steps in order', () => {
    expect(RECRUITMENT_STEPS.map((s) => s.step)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
  });

  it.each([
    [2, 1],
    [3, 2],
    [6, 2],
    [7, 3],
    [11, 3],
    [12, 4],
    [18, 4],
    [19, 5],
    [25, 5],
  ])('puts step %i in stage %i', (step, stage) => {
    expect(stageOfStep(step)).toBe(stage);
  });

  it('names a step by number and name', () => {
    expect(stepLabel(7)).toBe('第7步（确定发展对象）');
  });

  it('names a step with its date', () => {
    expect(stepLabel(7, '2024-06-03')).toBe('第7步（确定发展对象，2024-06-03）');
  });
});

describe('checkTimeline on a lawful recruitment', () => {
  it('finds nothing wrong from application to archive', () => {
    expect(check({}, '2025-12-01').violations).toEqual([]);
  });

  it('reports stage 5 with no next step and no deadlines once the dossier is archived', () => {
    const result = check({}, '2025-12-01');
    expect({ stage: result.stage, next: result.next, deadlines: result.deadlines }).toEqual({ stage: 5, next: null, deadlines: [] });
  });

  it.each(Array.from({ length: 24 }, (_, i) => i + 1))('finds nothing wrong on the day after step %i', (upTo) => {
    expect(check({ upTo }, addDays(LAWFUL[upTo]!.date, 1)).violations).toEqual([]);
  });

  it.each([
    [2, 1],
    [3, 2],
    [6, 2],
    [7, 3],
    [11, 3],
    [12, 4],
    [18, 4],
    [19, 5],
    [24, 5],
  ])('reports stage of the latest step done: after step %i, stage %i', (upTo, stage) => {
    expect(check({ upTo }, addDays(LAWFUL[upTo]!.date, 1)).stage).toBe(stage);
  });

  it('reports stage 1 and step 1 from the 18th birthday for a dossier with no step yet', () => {
    const result = checkTimeline({ birthDate: '2008-02-29', events: [] }, '2025-06-01');
    expect({ stage: result.stage, next: result.next }).toEqual({ stage: 1, next: { step: 1, earliest: '2026-02-28' } });
  });

  it('refuses a step number outside 1 to 25', () => {
    expect(() => checkTimeline({ birthDate: '1995-06-15', events: [{ step: 26, date: '2025-01-01' }] }, '2025-06-01')).toThrow(RangeError);
  });

  it('refuses a “today” that is not a date', () => {
    expect(() => checkTimeline(timeline(), '2025/12/01')).toThrow(RangeError);
  });
});

describe('the demo data', () => {
  it('passes with no errors for a timeline built by recruitmentEvents', () => {
    const events = recruitmentEvents('2023-05-31', 21, ['王建国', '李秀英'], ['张卫东', '刘淑珍']);
    const stored = { events, thoughtReports: [], evaluations: [], trainings: [] };
    const result = checkTimeline(timelineFromDossier(stored, '1990-01-15'), addDays(events.at(-1)!.date, 1));
    expect(result.violations.filter((v) => v.severity === 'error')).toEqual([]);
  });

  it('finds nothing wrong in the demo branch’s three dossiers', () => {
    const demo = generateDemoBranch({ today: '2026-11-23' });
    const problems = demo.dossiers.flatMap((dossier) => {
      const person = demo.people.find((p) => p.id === dossier.personId)!;
      return checkTimeline(timelineFromDossier(dossier, person.birthDate), '2026-11-23').violations;
    });
    expect(problems).toEqual([]);
  });
});

describe('R-ORDER', () => {
  it('refuses a step dated before the step that comes before it, naming both', () => {
    const result = check({ steps: { 19: { date: '2024-11-10' } } }, '2025-12-01');
    expect(result.violations).toEqual([
      {
        rule: 'R-ORDER',
        step: 19,
        severity: 'error',
        message: '第19步（编入党支部和党小组）的日期 2024-11-10 早于第18步（再上一级党委组织部门备案）的日期 2024-11-15。各步骤应按顺序进行，后一步不能早于前一步，请核对这两个日期。',
      },
    ]);
  });

  it('allows a step on the same day as the step before it', () => {
    expect(check({ steps: { 2: { date: '2023-03-01' } } }, '2025-12-01').violations).toEqual([]);
  });

  it('allows step 5 before step 4', () => {
    expect(check({ steps: { 4: { date: '2023-06-08' }, 5: { date: '2023-06-02' } } }, '2025-12-01').violations).toEqual([]);
  });

  it('allows steps 8 to 11 in any order among themselves', () => {
    const result = check(
      {
        steps: { 8: { date: '2024-07-20' }, 11: { date: '2024-06-04', endDate: '2024-06-06' } },
        trainings: [{ from: '2024-06-04', to: '2024-06-06', hours: 24 }],
      },
      '2025-12-01',
    );
    expect(result.violations).toEqual([]);
  });

  it('refuses step 8 dated before step 7', () => {
    expect(rulesOf(check({ steps: { 8: { date: '2024-06-02' } } }, '2025-12-01'))).toEqual(['R-ORDER']);
  });

  it('names a skipped step once a later step is recorded', () => {
    const result = check({ steps: { 18: null } }, '2025-12-01');
    expect(result.violations).toEqual([expect.objectContaining({ rule: 'R-ORDER', step: 18, severity: 'error' })]);
    expect(result.violations[0]!.message).toContain('已记录第19步（编入党支部和党小组，2024-11-18），但第18步（再上一级党委组织部门备案）还没有日期');
  });

  it('does not ask for step 9 while steps 8 to 11 are still under way', () => {
    expect(check({ upTo: 10, steps: { 9: null } }, '2024-07-20').violations).toEqual([]);
  });

  it('offers the skipped step as the next one', () => {
    expect(check({ upTo: 10, steps: { 9: null } }, '2024-07-20').next).toEqual({ step: 9, earliest: '2024-06-03' });
  });
});

describe('R-AGE-18', () => {
  const applying = (birthDate: string, date: string) => check({ upTo: 1, birthDate, steps: { 1: { date } } }, addDays(date, 1));

  it('accepts an application on the 18th birthday', () => {
    expect(violationsOf(applying('2005-03-01', '2023-03-01'), 'R-AGE-18')).toEqual([]);
  });

  it('refuses an application the day before the 18th birthday, giving the birthday', () => {
    const [violation] = violationsOf(applying('2005-03-02', '2023-03-01'), 'R-AGE-18');
    expect(violation).toMatchObject({ step: 1, severity: 'error' });
    expect(violation!.message).toContain('2023-03-02 才满18周岁');
  });

  it('counts a 29 February birthday on 28 February of a common year', () => {
    expect(violationsOf(applying('2008-02-29', '2026-02-28'), 'R-AGE-18')).toEqual([]);
  });

  it('refuses someone born on 29 February applying on 27 February of the year they turn 18', () => {
    expect(rulesOf(applying('2008-02-29', '2026-02-27'))).toEqual(['R-AGE-18']);
  });
});

describe('R-TALK-1M', () => {
  it('accepts the talk on the same day the next month', () => {
    expect(check({ upTo: 2, steps: { 2: { date: '2023-04-01' } } }, '2023-04-02').violations).toEqual([]);
  });

  it('warns of a talk one day later than a month', () => {
    const result = check({ upTo: 2, steps: { 2: { date: '2023-04-02' } } }, '2023-04-03');
    expect(result.violations).toEqual([expect.objectContaining({ rule: 'R-TALK-1M', step: 2, severity: 'warning' })]);
    expect(result.violations[0]!.message).toContain('应不晚于 2023-04-01');
  });

  it('gives an application of 31 January until 28 February', () => {
    const talk = (date: string) => check({ upTo: 2, steps: { 1: { date: '2025-01-31' }, 2: { date } } }, '2025-03-02');
    expect([rulesOf(talk('2025-02-28')), rulesOf(talk('2025-03-01'))]).toEqual([[], ['R-TALK-1M']]);
  });

  it('reminds of the talk with its due date while it is not yet due', () => {
    const result = check({ upTo: 1 }, '2023-03-10');
    expect({ violations: result.violations, deadlines: result.deadlines, next: result.next }).toEqual({
      violations: [],
      deadlines: [{ step: 2, date: '2023-04-01', rule: 'R-TALK-1M', label: '派人与入党申请人谈话' }],
      next: { step: 2, earliest: '2023-03-01', latest: '2023-04-01' },
    });
  });

  it('warns when a month has passed with no talk', () => {
    expect(check({ upTo: 1 }, '2023-04-02').violations).toEqual([expect.objectContaining({ rule: 'R-TALK-1M', severity: 'warning' })]);
  });
});

describe('R-CONTACTS', () => {
  const contacts = (people: string[], extra: TimelineOptions = {}) => check({ upTo: 5, steps: { 5: { people } }, ...extra }, '2023-06-10');

  it('accepts two full members', () => {
    expect(contacts(['张建华', '李秀英']).violations).toEqual([]);
  });

  it('accepts one contact by default', () => {
    expect(contacts(['张建华']).violations).toEqual([]);
  });

  it('refuses one contact where the branch requires two', () => {
    expect(rulesOf(contacts(['张建华'], { config: { minContacts: 2 } }))).toEqual(['R-CONTACTS']);
  });

  it('refuses three contacts, naming them', () => {
    const [violation] = contacts(['张建华', '李秀英', '王德明']).violations;
    expect(violation).toMatchObject({ rule: 'R-CONTACTS', step: 5, severity: 'error' });
    expect(violation!.message).toContain('张建华、李秀英、王德明');
  });

  it('refuses step 5 with no contact named', () => {
    expect(rulesOf(contacts([]))).toEqual(['R-CONTACTS']);
  });

  it('refuses a contact who is not on the list of full members', () => {
    const [violation] = contacts(['张建华', '李秀英'], { fullMembers: ['张建华', '王德明'] }).violations;
    expect(violation).toMatchObject({ rule: 'R-CONTACTS', severity: 'error' });
    expect(violation!.message).toContain('李秀英不在正式党员名单中');
  });

  it('accepts contacts who are all on the list of full members', () => {
    expect(contacts(['张建华', '李秀英'], { fullMembers: ['张建华', '李秀英', '王德明'] }).violations).toEqual([]);
  });
});

describe('R-EVAL-6M', () => {
  it('accepts a 培养考察 exactly six months after step 3', () => {
    expect(check({ upTo: 6, evaluations: ['2023-12-01'] }, '2024-01-10').violations).toEqual([]);
  });

  it('warns of a 培养考察 one day later than six months', () => {
    const result = check({ upTo: 6, evaluations: ['2023-12-02'] }, '2024-01-10');
    expect(result.violations).toEqual([expect.objectContaining({ rule: 'R-EVAL-6M', step: 6, severity: 'warning' })]);
    expect(result.violations[0]!.message).toContain('应不晚于 2023-12-01');
  });

  it('warns when six months have passed since step 3 with no 培养考察', () => {
    expect(rulesOf(check({ upTo: 5, evaluations: [] }, '2023-12-02'))).toEqual(['R-EVAL-6M']);
  });

  it('reminds of the next 培养考察 six months after the last', () => {
    expect(check({ upTo: 6 }, '2024-01-10').deadlines).toContainEqual({ step: 6, date: '2024-06-01', rule: 'R-EVAL-6M', label: '对入党积极分子进行半年一次的培养考察' });
  });

  it('warns of more than six months between the last 培养考察 and step 7', () => {
    expect(rulesOf(check({ upTo: 7, evaluations: ['2023-12-01'] }, '2024-06-04'))).toEqual(['R-EVAL-6M']);
  });
});

describe('R-ACTIVIST-1Y', () => {
  it('accepts step 7 on the first anniversary of step 3', () => {
    expect(check({ upTo: 7, steps: { 7: { date: '2024-06-01' } } }, '2024-06-02').violations).toEqual([]);
  });

  it('refuses step 7 the day before the anniversary, giving the earliest day', () => {
    const result = check({ upTo: 7, steps: { 7: { date: '2024-05-31' } } }, '2024-06-02');
    expect(result.violations).toEqual([expect.objectContaining({ rule: 'R-ACTIVIST-1Y', step: 7, severity: 'error' })]);
    expect(result.violations[0]!.message).toContain('最早 2024-06-01 才能确定为发展对象');
  });

  describe('for an activist of 29 February 2024', () => {
    const leapYear = (candidateOn: string) =>
      check({ upTo: 7, steps: { 3: { date: '2024-02-29' }, 5: { date: '2024-02-29' }, 4: { date: '2024-03-05' }, 6: { date: '2024-08-20' }, 7: { date: candidateOn } } }, '2025-03-01');

    it('accepts step 7 on 28 February 2025', () => {
      expect(violationsOf(leapYear('2025-02-28'), 'R-ACTIVIST-1Y')).toEqual([]);
    });

    it('refuses step 7 on 27 February 2025', () => {
      expect(violationsOf(leapYear('2025-02-27'), 'R-ACTIVIST-1Y')).toHaveLength(1);
    });
  });

  it('offers step 7 from the anniversary of step 3', () => {
    expect(check({ upTo: 6 }, '2024-01-10').next).toEqual({ step: 7, earliest: '2024-06-01' });
  });
});

describe('R-INTRODUCERS-2', () => {
  const introducers = (people: string[], extra: TimelineOptions = {}) => check({ upTo: 9, steps: { 9: { people } }, ...extra }, '2024-06-15');

  it('accepts two full members', () => {
    expect(introducers(['王德明', '赵丽华']).violations).toEqual([]);
  });

  it('refuses a single introducer', () => {
    const [violation] = introducers(['王德明']).violations;
    expect(violation).toMatchObject({ rule: 'R-INTRODUCERS-2', step: 9, severity: 'error' });
    expect(violation!.message).toContain('应为2名正式党员');
  });

  it('refuses three introducers', () => {
    expect(rulesOf(introducers(['王德明', '赵丽华', '张建华']))).toEqual(['R-INTRODUCERS-2']);
  });

  it('counts a name written twice once', () => {
    expect(rulesOf(introducers(['王德明', ' 王德明 ']))).toEqual(['R-INTRODUCERS-2']);
  });

  it('refuses an introducer who is not on the list of full members', () => {
    expect(rulesOf(introducers(['王德明', '赵丽华'], { fullMembers: ['张建华', '李秀英', '王德明'] }))).toEqual(['R-INTRODUCERS-2']);
  });
});

describe('R-POLREVIEW-BEFORE', () => {
  it('accepts a 政审 concluded on the day of step 12', () => {
    expect(check({ upTo: 12, steps: { 10: { endDate: '2024-08-01' } } }, '2024-08-02').violations).toEqual([]);
  });

  it('refuses a 政审 concluded after step 12', () => {
    const result = check({ upTo: 12, steps: { 10: { endDate: '2024-08-02' } } }, '2024-08-03');
    expect(result.violations).toEqual([expect.objectContaining({ rule: 'R-POLREVIEW-BEFORE', step: 10, severity: 'error' })]);
    expect(result.violations[0]!.message).toContain('2024-08-02 才形成结论');
  });

  it('takes the date of step 10 as its conclusion when no end date is recorded', () => {
    expect(check({ upTo: 12, steps: { 10: { endDate: undefined } } }, '2024-08-02').violations).toEqual([]);
  });

  it('refuses step 12 with no 政审 recorded, once, under its own rule', () => {
    expect(rulesOf(check({ upTo: 12, steps: { 10: null } }, '2024-08-02'))).toEqual(['R-POLREVIEW-BEFORE']);
  });
});

describe('R-TRAINING', () => {
  const trained = (trainings: { from: string; to: string; hours?: number }[], extra: TimelineOptions = {}) =>
    check({ upTo: 15, trainings, ...extra, steps: { 11: { date: trainings[0]?.from ?? '2024-07-08', endDate: trainings.at(-1)?.to ?? '2024-07-10' }, ...extra.steps } }, '2024-09-12');

  it('accepts three days without counting hours', () => {
    expect(trained([{ from: '2024-07-08', to: '2024-07-10' }]).violations).toEqual([]);
  });

  it('accepts two days of 24 class hours', () => {
    expect(trained([{ from: '2024-07-08', to: '2024-07-09', hours: 24 }]).violations).toEqual([]);
  });

  it('refuses two days of 16 class hours', () => {
    const result = trained([{ from: '2024-07-08', to: '2024-07-09', hours: 16 }]);
    expect(result.violations).toEqual([expect.objectContaining({ rule: 'R-TRAINING', step: 11, severity: 'error' })]);
    expect(result.violations[0]!.message).toContain('只有2天、16学时，应不少于3天或24学时');
  });

  it('adds up several sessions', () => {
    const sessions = [
      { from: '2024-07-08', to: '2024-07-08', hours: 8 },
      { from: '2024-07-15', to: '2024-07-15', hours: 8 },
      { from: '2024-07-22', to: '2024-07-22', hours: 8 },
    ];
    expect(trained(sessions).violations).toEqual([]);
  });

  it('uses the days the branch configured', () => {
    expect(rulesOf(trained([{ from: '2024-07-08', to: '2024-07-10', hours: 24 }], { config: { trainingDays: 5, trainingHours: 40 } }))).toEqual(['R-TRAINING']);
  });

  it('reads the days of step 11 when no session is recorded', () => {
    const days = (endDate: string) => rulesOf(check({ upTo: 15, trainings: [], steps: { 11: { endDate } } }, '2024-09-12'));
    expect([days('2024-07-10'), days('2024-07-09')]).toEqual([[], ['R-TRAINING']]);
  });

  it('does not count a class from before step 7', () => {
    const result = check({ upTo: 15, trainings: [{ from: '2024-03-04', to: '2024-03-08', hours: 40 }], steps: { 11: { endDate: '2024-07-09' } } }, '2024-09-12');
    expect(rulesOf(result)).toEqual(['R-TRAINING']);
  });

  it('refuses a training that ends after step 15', () => {
    const result = trained([{ from: '2024-07-08', to: '2024-09-11', hours: 24 }]);
    expect(result.violations).toEqual([expect.objectContaining({ rule: 'R-TRAINING', step: 11, severity: 'error' })]);
    expect(result.violations[0]!.message).toContain('2024-09-11 才结束');
  });

  it('refuses step 15 with no training recorded, once, under its own rule', () => {
    expect(rulesOf(check({ upTo: 15, steps: { 11: null }, trainings: [] }, '2024-09-12'))).toEqual(['R-TRAINING']);
  });
});

describe('working days', () => {
  it('counts Monday to Friday of an ordinary week as five', () => {
    expect(countWorkingDays('2024-08-05', '2024-08-11')).toBe(5);
  });

  it('counts none in the 国庆 and 中秋 holiday of 1 to 8 October 2025', () => {
    expect(countWorkingDays('2025-10-01', '2025-10-08')).toBe(0);
  });

  it('counts Saturday 11 October 2025, worked in lieu, as a working day', () => {
    expect(isWorkingDay('2025-10-11')).toBe(true);
  });

  it('counts an ordinary Saturday as no working day', () => {
    expect(isWorkingDay('2025-10-18')).toBe(false);
  });

  it('knows the holiday arrangement of 2025 but not of 2099', () => {
    expect([holidayCalendarCovers(2025), holidayCalendarCovers(2099)]).toEqual([true, false]);
  });
});

describe('R-PUBLICITY-5WD', () => {
  const publicity = (from: string, to: string, extra: TimelineOptions = {}) => check({ upTo: 12, publicity: { from, to }, ...extra }, '2025-10-20');

  it('accepts Monday to Friday of an ordinary week', () => {
    expect(check({ upTo: 13, publicity: { from: '2024-08-05', to: '2024-08-09' } }, '2024-08-21').violations).toEqual([]);
  });

  it('refuses four working days', () => {
    const [violation] = publicity('2024-08-05', '2024-08-08').violations;
    expect(violation).toMatchObject({ rule: 'R-PUBLICITY-5WD', step: 13, severity: 'error' });
    expect(violation!.message).toContain('只有4个工作日');
  });

  it('refuses 30 September to 6 October 2025: five weekdays, but only one working day in the 国庆 holiday', () => {
    const [violation] = publicity('2025-09-30', '2025-10-06').violations;
    expect(violation).toMatchObject({ rule: 'R-PUBLICITY-5WD', severity: 'error' });
    expect(violation!.message).toContain('从 2025-09-30 到 2025-10-06 只有1个工作日');
  });

  it('tells the day a 公示 started on 30 September 2025 can end', () => {
    expect(publicity('2025-09-30', '2025-10-06').violations[0]!.message).toContain('最早可到 2025-10-13 期满');
  });

  it('accepts 29 September to 11 October 2025, counting the Saturday worked in lieu', () => {
    expect(violationsOf(publicity('2025-09-29', '2025-10-11'), 'R-PUBLICITY-5WD')).toEqual([]);
  });

  it('refuses 29 September to 10 October 2025: four working days across the holiday', () => {
    expect(violationsOf(publicity('2025-09-29', '2025-10-10'), 'R-PUBLICITY-5WD')).toHaveLength(1);
  });

  it('refuses a 公示 that ends on the day of the 预审 result', () => {
    const result = check({ upTo: 13, publicity: { from: '2024-08-14', to: '2024-08-20' } }, '2024-08-21');
    expect(result.violations).toEqual([expect.objectContaining({ rule: 'R-PUBLICITY-5WD', step: 13, severity: 'error' })]);
    expect(result.violations[0]!.message).toContain('公示到 2024-08-20 结束，而上级党委预审意见是 2024-08-20');
  });

  it('accepts a 公示 that ends the day before the 预审 result', () => {
    expect(check({ upTo: 13, publicity: { from: '2024-08-13', to: '2024-08-19' } }, '2024-08-21').violations).toEqual([]);
  });

  it('warns that a year the holiday calendar does not know is counted Monday to Friday', () => {
    expect(violationsOf(publicity('2099-03-02', '2099-03-06'), 'R-PUBLICITY-5WD')).toEqual([expect.objectContaining({ severity: 'warning' })]);
  });

  it('offers step 13 from the day after the 公示 ends', () => {
    expect(check({ upTo: 12 }, '2024-08-02').next).toEqual({ step: 13, earliest: '2024-08-10' });
  });

  it('offers step 13 after five working days from step 12 when no 公示 is recorded', () => {
    // Thursday 1 August 2024: the fifth working day from it is Wednesday 7 August.
    expect(check({ upTo: 12, publicity: undefined }, '2024-08-02').next).toEqual({ step: 13, earliest: '2024-08-08' });
  });
});

describe('R-PREREVIEW-BEFORE-FORM', () => {
  it('accepts the 入党志愿书 filled on the day of the 预审', () => {
    expect(check({ upTo: 14, steps: { 14: { date: '2024-08-20' } } }, '2024-08-27').violations).toEqual([]);
  });

  it('refuses the 入党志愿书 filled before the 预审, once, under its own rule', () => {
    const result = check({ upTo: 14, steps: { 14: { date: '2024-08-19' } } }, '2024-08-27');
    expect(result.violations).toEqual([expect.objectContaining({ rule: 'R-PREREVIEW-BEFORE-FORM', step: 14, severity: 'error' })]);
    expect(result.violations[0]!.message).toContain('填写入党志愿书（2024-08-19）早于上级党委预审（2024-08-20）');
  });

  it('refuses the 入党志愿书 with no 预审 recorded', () => {
    expect(rulesOf(check({ upTo: 14, steps: { 13: null } }, '2024-08-27'))).toEqual(['R-PREREVIEW-BEFORE-FORM']);
  });
});

describe('R-LEAVING-3M', () => {
  it('warns of a member admitted three months or less before leaving the unit', () => {
    const result = check({ leavingOn: '2024-12-10' }, '2025-12-01');
    expect(result.violations).toEqual([expect.objectContaining({ rule: 'R-LEAVING-3M', step: 15, severity: 'warning' })]);
    expect(result.violations[0]!.message).toContain('2024-09-10');
  });

  it('accepts a member who leaves more than three months after admission', () => {
    expect(check({ leavingOn: '2024-12-11' }, '2025-12-01').violations).toEqual([]);
  });

  it('warns of a candidate not yet admitted who leaves within three months', () => {
    const result = check({ upTo: 12, leavingOn: '2024-10-01' }, '2024-08-02');
    expect(result.violations).toEqual([expect.objectContaining({ rule: 'R-LEAVING-3M', severity: 'warning' })]);
    expect(result.violations[0]!.message).toContain('将于 2024-10-01 离开本单位');
  });

  it('does not flag an activist, who is not yet a candidate', () => {
    expect(check({ upTo: 6, leavingOn: '2024-02-01' }, '2024-01-10').violations).toEqual([]);
  });
});

describe('R-APPROVAL-3M', () => {
  const approvedOn = (date: string, extra: TimelineOptions = {}) => check({ upTo: 17, steps: { 17: { date } }, ...extra }, addDays(date, 1));

  it('accepts the 审批 exactly three months after step 15', () => {
    expect(approvedOn('2024-12-10').violations).toEqual([]);
  });

  it('warns of the 审批 a day later than three months with no reason recorded', () => {
    const result = approvedOn('2024-12-11');
    expect(result.violations).toEqual([expect.objectContaining({ rule: 'R-APPROVAL-3M', step: 17, severity: 'warning' })]);
    expect(result.violations[0]!.message).toContain('应在 2024-12-10 前');
  });

  it('accepts the 审批 after five months when a reason is recorded', () => {
    expect(approvedOn('2025-02-10', { approvalDelayReason: '上级党委换届，审批会议推迟' }).violations).toEqual([]);
  });

  it('accepts the 审批 exactly six months after step 15 when a reason is recorded', () => {
    expect(approvedOn('2025-03-10', { approvalDelayReason: '上级党委换届，审批会议推迟' }).violations).toEqual([]);
  });

  it('refuses the 审批 later than six months even with a reason', () => {
    const result = approvedOn('2025-03-11', { approvalDelayReason: '上级党委换届，审批会议推迟' });
    expect(result.violations).toEqual([expect.objectContaining({ rule: 'R-APPROVAL-3M', severity: 'error' })]);
  });

  it('reminds of the 审批 due three months after step 15', () => {
    expect(check({ upTo: 16 }, '2024-10-10').deadlines).toContainEqual({ step: 17, date: '2024-12-10', rule: 'R-APPROVAL-3M', label: '上级党委审批接收预备党员' });
  });

  it('reminds of the 审批 due six months after step 15 when a reason is recorded', () => {
    expect(check({ upTo: 16, approvalDelayReason: '上级党委换届' }, '2024-10-10').deadlines).toContainEqual(expect.objectContaining({ step: 17, date: '2025-03-10' }));
  });

  it('warns when three months have passed with no 审批', () => {
    expect(violationsOf(check({ upTo: 16 }, '2024-12-11'), 'R-APPROVAL-3M')).toEqual([expect.objectContaining({ severity: 'warning' })]);
  });

  it('refuses when six months have passed with no 审批', () => {
    expect(violationsOf(check({ upTo: 16 }, '2025-03-11'), 'R-APPROVAL-3M')).toEqual([expect.objectContaining({ severity: 'error' })]);
  });

  it('offers step 17 until three months after step 15', () => {
    expect(check({ upTo: 16 }, '2024-10-10').next).toEqual({ step: 17, earliest: '2024-10-09', latest: '2024-12-10' });
  });
});

describe('R-TALK-BEFORE-APPROVAL', () => {
  it('accepts the talk on the day of the 审批', () => {
    expect(check({ steps: { 16: { date: '2024-11-05' } } }, '2025-12-01').violations).toEqual([]);
  });

  it('refuses a talk after the 审批, once, under its own rule', () => {
    const result = check({ steps: { 16: { date: '2024-11-06' } } }, '2025-12-01');
    expect(result.violations).toEqual([expect.objectContaining({ rule: 'R-TALK-BEFORE-APPROVAL', step: 16, severity: 'error' })]);
    expect(result.violations[0]!.message).toContain('上级党委派人谈话（2024-11-06）晚于审批（2024-11-05）');
  });

  it('refuses a 审批 with no talk recorded', () => {
    expect(rulesOf(check({ steps: { 16: null } }, '2025-12-01'))).toEqual(['R-TALK-BEFORE-APPROVAL']);
  });

  it('reminds of the talk before the 审批 is due', () => {
    expect(check({ upTo: 15 }, '2024-09-12').deadlines).toContainEqual({ step: 16, date: '2024-12-10', rule: 'R-TALK-BEFORE-APPROVAL', label: '上级党委派人谈话（须在审批前）' });
  });
});

describe('R-PROBATION-1Y', () => {
  it('accepts step 23 on the day the probation year ends', () => {
    expect(violationsOf(check({ steps: { 23: { date: '2025-09-10' } } }, '2025-12-01'), 'R-PROBATION-1Y')).toEqual([]);
  });

  it('refuses step 23 the day before the probation year ends', () => {
    const result = check({ steps: { 23: { date: '2025-09-09' } } }, '2025-12-01');
    expect(result.violations).toEqual([expect.objectContaining({ rule: 'R-PROBATION-1Y', step: 23, severity: 'error' })]);
    expect(result.violations[0]!.message).toContain('预备期从 2024-09-10 起一年，2025-09-10 期满');
  });

  describe('for a member admitted on 29 February 2024', () => {
    const probation = (confirmedOn: string): RecruitmentTimeline => ({
      birthDate: '1995-06-15',
      events: [
        { step: 15, date: '2024-02-29' },
        { step: 22, date: '2025-02-20' },
        { step: 23, date: confirmedOn },
      ],
    });

    it('accepts step 23 on 28 February 2025', () => {
      expect(violationsOf(checkTimeline(probation('2025-02-28'), '2025-03-01'), 'R-PROBATION-1Y')).toEqual([]);
    });

    it('refuses step 23 on 27 February 2025', () => {
      expect(violationsOf(checkTimeline(probation('2025-02-27'), '2025-03-01'), 'R-PROBATION-1Y')).toHaveLength(1);
    });
  });

  it('reminds of the end of the probation and of the 转正申请', () => {
    const { deadlines } = check({ upTo: 21 }, '2025-03-05');
    expect(deadlines.filter((d) => d.step === 22 || d.step === 23)).toEqual([
      { step: 22, date: '2025-09-10', rule: 'R-CONFIRM-APPLY', label: '预备期满，提醒本人提出书面转正申请' },
      { step: 23, date: '2025-09-10', rule: 'R-PROBATION-1Y', label: '预备期满，召开支部大会讨论转正' },
    ]);
  });

  it('offers step 23 from the end of the probation', () => {
    expect(check({ upTo: 22 }, '2025-08-26').next).toEqual({ step: 23, earliest: '2025-09-10' });
  });
});

describe('R-CONFIRM-APPLY', () => {
  it('accepts the 转正申请 on the day of step 23', () => {
    expect(check({ steps: { 22: { date: '2025-09-10' } } }, '2025-12-01').violations).toEqual([]);
  });

  it('refuses step 23 with no 转正申请, once, under its own rule', () => {
    const result = check({ steps: { 22: null } }, '2025-12-01');
    expect(result.violations).toEqual([expect.objectContaining({ rule: 'R-CONFIRM-APPLY', step: 22, severity: 'error' })]);
  });

  it('refuses a 转正申请 dated after step 23', () => {
    const result = check({ steps: { 22: { date: '2025-09-11' } } }, '2025-12-01');
    expect(rulesOf(result)).toEqual(['R-CONFIRM-APPLY']);
    expect(result.violations[0]!.message).toContain('转正申请书（2025-09-11）晚于支部大会讨论（2025-09-10）');
  });

  it('asks for no 转正申请 before a decision to cancel the probationary membership', () => {
    const result = check({ steps: { 22: null, 23: { date: '2025-06-01', outcome: 'cancel' }, 24: { date: '2025-06-20' }, 25: { date: '2025-07-01' } } }, '2025-12-01');
    expect(result.violations).toEqual([]);
  });

  it('offers the 审批 and then the archive after a cancellation', () => {
    const result = check({ upTo: 23, steps: { 22: null, 23: { date: '2025-06-01', outcome: 'cancel' } } }, '2025-06-02');
    expect(result.next).toEqual({ step: 24, earliest: '2025-06-01', latest: '2025-09-01' });
  });
});

describe('R-EXTEND', () => {
  it('accepts an extension of six months followed by 转正 when it ends', () => {
    expect(checkTimeline(extendedTimeline(6), '2026-06-01').violations).toEqual([]);
  });

  it('accepts an extension of a year', () => {
    expect(violationsOf(checkTimeline(extendedTimeline(12, { confirmedOn: '2026-09-10' }), '2026-12-01'), 'R-EXTEND')).toEqual([]);
  });

  it.each([5, 13])('refuses an extension of %i months', (months) => {
    const [violation] = violationsOf(checkTimeline(extendedTimeline(months, { confirmedOn: '2026-10-10' }), '2026-12-01'), 'R-EXTEND');
    expect(violation).toMatchObject({ step: 23, severity: 'error' });
    expect(violation!.message).toContain(`延长预备期${months}个月`);
  });

  it('refuses an extension whose length is not recorded', () => {
    const [violation] = violationsOf(checkTimeline(extendedTimeline(undefined), '2026-06-01'), 'R-EXTEND');
    expect(violation!.message).toContain('没有写明延长多久');
  });

  it('refuses a second extension', () => {
    const twice = extendedTimeline(6, {
      confirmedOn: '2026-09-10',
      extraEvents: [
        { step: 23, date: '2026-03-10', outcome: 'extend', extensionMonths: 6 },
        { step: 24, date: '2026-03-20' },
      ],
    });
    const messages = violationsOf(checkTimeline(twice, '2026-12-01'), 'R-EXTEND').map((v) => v.message);
    expect(messages).toContainEqual(expect.stringContaining('预备期被延长了2次'));
  });

  it('refuses 转正 before the extended probation ends', () => {
    const result = checkTimeline(extendedTimeline(6, { confirmedOn: '2026-03-09' }), '2026-06-01');
    expect(result.violations).toEqual([expect.objectContaining({ rule: 'R-EXTEND', step: 23, severity: 'error' })]);
    expect(result.violations[0]!.message).toContain('延长的预备期到 2026-03-10 才期满');
  });

  it('names a missing 审批 of the extension once the second round has begun, under R-ORDER', () => {
    const base = extendedTimeline(6);
    const result = checkTimeline({ ...base, events: base.events.filter((e) => !(e.step === 24 && e.date === '2025-10-20')) }, '2026-06-01');
    expect(result.violations).toEqual([expect.objectContaining({ rule: 'R-ORDER', step: 24, severity: 'error' })]);
  });

  it('after the extension is approved, offers a new 转正申请 and reminds of the new end', () => {
    const base = extendedTimeline(6);
    const result = checkTimeline({ ...base, events: base.events.filter((e) => e.date <= '2025-10-20') }, '2025-11-01');
    expect({ next: result.next, end: result.deadlines.find((d) => d.step === 23) }).toEqual({
      next: { step: 22, earliest: '2025-10-20' },
      end: { step: 23, date: '2026-03-10', rule: 'R-EXTEND', label: '预备期满，召开支部大会讨论转正' },
    });
  });
});

describe('R-CONFIRM-APPROVAL-3M', () => {
  it('accepts the 审批 of 转正 exactly three months after step 23', () => {
    expect(check({ upTo: 24, steps: { 24: { date: '2025-12-10' } } }, '2025-12-11').violations).toEqual([]);
  });

  it('warns of the 审批 of 转正 a day later than three months', () => {
    const result = check({ upTo: 24, steps: { 24: { date: '2025-12-11' } } }, '2025-12-12');
    expect(result.violations).toEqual([expect.objectContaining({ rule: 'R-CONFIRM-APPROVAL-3M', step: 24, severity: 'warning' })]);
  });

  it('warns when three months have passed since step 23 with no 审批', () => {
    const result = check({ upTo: 23 }, '2025-12-11');
    expect(result.violations).toEqual([expect.objectContaining({ rule: 'R-CONFIRM-APPROVAL-3M', severity: 'warning' })]);
    expect(result.violations[0]!.message).toContain('应在三个月内（2025-12-10 前）审批');
  });

  it('offers step 24 until three months after step 23 and reminds of it', () => {
    const result = check({ upTo: 23 }, '2025-09-11');
    expect({ next: result.next, deadlines: result.deadlines }).toEqual({
      next: { step: 24, earliest: '2025-09-10', latest: '2025-12-10' },
      deadlines: [{ step: 24, date: '2025-12-10', rule: 'R-CONFIRM-APPROVAL-3M', label: '上级党委审批转正' }],
    });
  });
});

describe('R-EVAL-PROBATION', () => {
  const withoutReport = (date: string) => LAWFUL_RECORDS.thoughtReports.filter((d) => d !== date);

  it('warns of more than three months between two 思想汇报 of a probationary member', () => {
    const result = check({ thoughtReports: withoutReport('2025-02-20') }, '2025-12-01');
    expect(result.violations).toEqual([expect.objectContaining({ rule: 'R-EVAL-PROBATION', step: 21, severity: 'warning' })]);
    expect(result.violations[0]!.message).toContain('2024-11-20 的思想汇报之后应不晚于 2025-02-20 有一次思想汇报，下一次却在 2025-05-15');
  });

  it('accepts 思想汇报 every six months where the branch set that interval', () => {
    expect(check({ thoughtReports: withoutReport('2025-02-20'), config: { thoughtReportMonths: 6 } }, '2025-12-01').violations).toEqual([]);
  });

  it('warns of more than six months without a 考察 before 转正', () => {
    const result = check({ evaluations: LAWFUL_RECORDS.evaluations.filter((d) => d !== '2025-05-10') }, '2025-12-01');
    expect(rulesOf(result)).toEqual(['R-EVAL-PROBATION']);
    expect(result.violations[0]!.message).toContain('2024-11-15 的预备党员考察之后到第23步（支部大会讨论转正，2025-09-10）之间超过6个月没有预备党员考察（应不晚于 2025-05-15）');
  });

  it('reminds of the next 考察 and 思想汇报 during the probation', () => {
    const { deadlines } = check({ upTo: 21 }, '2025-03-05');
    expect(deadlines.filter((d) => d.rule === 'R-EVAL-PROBATION')).toEqual([
      { step: 21, date: '2025-05-15', rule: 'R-EVAL-PROBATION', label: '对预备党员进行半年一次的考察' },
      { step: 21, date: '2025-05-20', rule: 'R-EVAL-PROBATION', label: '提醒预备党员递交思想汇报' },
    ]);
  });

  it('warns when a probationary member has handed in no 思想汇报 for more than three months', () => {
    const handedIn = LAWFUL_RECORDS.thoughtReports.filter((d) => d <= '2025-02-20');
    expect(rulesOf(check({ upTo: 21, thoughtReports: handedIn }, '2025-05-21'))).toEqual(['R-EVAL-PROBATION']);
  });
});

describe('R-THOUGHT-REPORT', () => {
  it('accepts a first 思想汇报 exactly three months after step 3', () => {
    expect(check({ upTo: 5, thoughtReports: ['2023-09-01'] }, '2023-09-05').violations).toEqual([]);
  });

  it('warns when three months have passed since step 3 with no 思想汇报', () => {
    const result = check({ upTo: 5, thoughtReports: [] }, '2023-09-02');
    expect(result.violations).toEqual([expect.objectContaining({ rule: 'R-THOUGHT-REPORT', step: 6, severity: 'warning' })]);
    expect(result.deadlines).toContainEqual({ step: 6, date: '2023-09-01', rule: 'R-THOUGHT-REPORT', label: '提醒递交思想汇报' });
  });

  it('warns of a gap of more than three months while a candidate', () => {
    const result = check({ upTo: 12, thoughtReports: LAWFUL_RECORDS.thoughtReports.filter((d) => d !== '2024-05-15') }, '2024-08-02');
    expect(rulesOf(result)).toEqual(['R-THOUGHT-REPORT']);
  });

  it('warns of a quarterly rhythm where the branch asks for a 思想汇报 every two months', () => {
    expect(violationsOf(check({ upTo: 12, config: { thoughtReportMonths: 2 } }, '2024-08-02'), 'R-THOUGHT-REPORT').length).toBeGreaterThan(0);
  });
});

describe('R-DATES-CONSISTENT', () => {
  it('refuses one step recorded with two different dates, giving both', () => {
    const base = timeline();
    const result = checkTimeline({ ...base, events: [...base.events, { step: 15, date: '2024-09-12' }] }, '2025-12-01');
    expect(result.violations).toEqual([expect.objectContaining({ rule: 'R-DATES-CONSISTENT', step: 15, severity: 'error' })]);
    expect(result.violations[0]!.message).toContain('2024-09-10、2024-09-12');
  });

  it('accepts one step recorded twice on the same day, joining the people named', () => {
    const base = timeline({ steps: { 9: { people: ['王德明'] } } });
    const result = checkTimeline({ ...base, events: [...base.events, { step: 9, date: '2024-06-12', people: ['赵丽华'] }] }, '2025-12-01');
    expect(result.violations).toEqual([]);
  });

  it('refuses a date that is not on the calendar', () => {
    const result = check({ steps: { 12: { date: '2024-02-30' } } }, '2025-12-01');
    expect(result.violations).toContainEqual(expect.objectContaining({ rule: 'R-DATES-CONSISTENT', step: 12, severity: 'error' }));
    expect(violationsOf(result, 'R-DATES-CONSISTENT')[0]!.message).toContain('“2024-02-30”不是有效日期');
  });

  it('refuses a birth date that is not on the calendar', () => {
    expect(rulesOf(check({ birthDate: '1995-13-01' }, '2025-12-01'))).toEqual(['R-DATES-CONSISTENT']);
  });

  it('refuses an end date before the start date', () => {
    const result = check({ steps: { 11: { endDate: '2024-07-01' } }, trainings: [{ from: '2024-07-08', to: '2024-07-10', hours: 24 }] }, '2025-12-01');
    expect(result.violations).toEqual([expect.objectContaining({ rule: 'R-DATES-CONSISTENT', step: 11 })]);
  });

  it('refuses a document that gives a step another date', () => {
    const result = check({ documentDates: [{ step: 15, document: '入党志愿书', date: '2024-09-11' }] }, '2025-12-01');
    expect(result.violations).toEqual([expect.objectContaining({ rule: 'R-DATES-CONSISTENT', step: 15, severity: 'error' })]);
    expect(result.violations[0]!.message).toContain('入党志愿书上第15步（支部大会讨论接收预备党员）的日期是 2024-09-11，档案记录是 2024-09-10');
  });

  it('accepts a document that gives a step the same date', () => {
    expect(check({ documentDates: [{ step: 15, document: '党员花名册', date: '2024-09-10' }] }, '2025-12-01').violations).toEqual([]);
  });
});

describe('a step done again after the committee returned its request (退回)', () => {
  const returnOf13 = { step: 13, leadingStep: 12, returnedOn: '2024-08-15' };

  it('replaces the earlier record of the leading step instead of contradicting it', () => {
    const base = timeline({ upTo: 12 });
    const redone = { ...base, events: [...base.events, { step: 12, date: '2024-09-02' }], returns: [returnOf13] };
    expect(checkTimeline(redone, '2024-09-03').violations).toEqual([]);
  });

  it('still refuses two dates of one step with no return between them', () => {
    const base = timeline({ upTo: 12 });
    const twice = { ...base, events: [...base.events, { step: 12, date: '2024-09-02' }] };
    expect(rulesOf(checkTimeline(twice, '2024-09-03'))).toEqual(['R-DATES-CONSISTENT']);
    const returnAfterBoth = { ...twice, returns: [{ ...returnOf13, returnedOn: '2024-09-05' }] };
    expect(rulesOf(checkTimeline(returnAfterBoth, '2024-09-06'))).toEqual(['R-DATES-CONSISTENT']);
  });

  it('does not count a redo on the day of the return as done after it', () => {
    const base = timeline({ upTo: 12 });
    const sameDay = { ...base, events: [...base.events, { step: 12, date: '2024-08-15' }], returns: [returnOf13] };
    expect(rulesOf(checkTimeline(sameDay, '2024-08-16'))).toEqual(['R-DATES-CONSISTENT']);
  });

  it('ignores a return of another request', () => {
    const base = timeline({ upTo: 12 });
    const redone = { ...base, events: [...base.events, { step: 12, date: '2024-09-02' }], returns: [{ step: 8, leadingStep: 7, returnedOn: '2024-08-15' }] };
    expect(rulesOf(checkTimeline(redone, '2024-09-03'))).toEqual(['R-DATES-CONSISTENT']);
  });

  it('checks the rest against the record that replaced the earlier one', () => {
    // 支部大会 again after the 审批 was returned: the three months of R-APPROVAL-3M count from the second meeting.
    const base = timeline({ upTo: 16 });
    const events = [...base.events, { step: 15, date: '2024-11-20' }, { step: 17, date: '2025-02-10' }];
    const returns = [{ step: 17, leadingStep: 15, returnedOn: '2024-11-05' }];
    expect(checkTimeline({ ...base, events, returns }, '2025-02-11').violations).toEqual([]);
    expect(checkTimeline({ ...base, events, returns }, '2025-02-11').deadlines.find((d) => d.step === 22)?.date).toBe('2025-11-20');
  });

  it('keeps the steps done between the first record and the redo in order (16 after the first 支部大会)', () => {
    const base = timeline({ upTo: 16 });
    const events = [...base.events, { step: 15, date: '2024-11-20' }];
    const check = checkTimeline({ ...base, events, returns: [{ step: 17, leadingStep: 15, returnedOn: '2024-11-05' }] }, '2024-11-21');
    expect(rulesOf(check)).toEqual([]);
  });

  it('puts the returned committee step after the redo (R-ORDER)', () => {
    const base = timeline({ upTo: 7 });
    const events = [...base.events, { step: 7, date: '2024-06-20' }, { step: 8, date: '2024-06-18' }];
    const check = checkTimeline({ ...base, events, returns: [{ step: 8, leadingStep: 7, returnedOn: '2024-06-10' }] }, '2024-06-21');
    expect(violationsOf(check, 'R-ORDER')).toEqual([expect.objectContaining({ step: 8 })]);
    expect(violationsOf(check, 'R-ORDER')[0]!.message).toContain('早于第7步（确定发展对象）的日期 2024-06-20');
  });

  it('lets a 转正 meeting be held again after its 审批 was returned', () => {
    const base = timeline({ upTo: 22 });
    const events = [...base.events, { step: 23, date: '2025-09-10' }, { step: 23, date: '2025-10-15' }, { step: 24, date: '2025-11-01' }];
    expect(rulesOf(checkTimeline({ ...base, events }, '2025-11-02'))).toContain('R-DATES-CONSISTENT');
    const check = checkTimeline({ ...base, events, returns: [{ step: 24, leadingStep: 23, returnedOn: '2025-10-01' }] }, '2025-11-02');
    expect(check.violations).toEqual([]);
    expect(check.next).toMatchObject({ step: 25 });
  });

  it('keeps a 转正 round after an extension apart from a return in the second round', () => {
    const base = extendedTimeline(6);
    const events = [...base.events.filter((e) => e.step < 24 || e.date < '2026-01-01'), { step: 23, date: '2026-03-30', outcome: 'confirm' as const }, { step: 24, date: '2026-04-20' }];
    expect(rulesOf(checkTimeline({ ...base, events }, '2026-04-21'))).toContain('R-DATES-CONSISTENT');
    const check = checkTimeline({ ...base, events, returns: [{ step: 24, leadingStep: 23, returnedOn: '2026-03-20' }] }, '2026-04-21');
    expect(check.violations).toEqual([]);
    expect(check.next).toMatchObject({ step: 25 });
  });

  it('names which records were replaced, leaving the others', () => {
    const records = [{ step: 12, date: '2024-08-01' }, { step: 12, date: '2024-09-02' }, { step: 12, date: '2024-09-20' }, { step: 7, date: '2024-06-03' }];
    const returns = [returnOf13, { ...returnOf13, returnedOn: '2024-09-10' }];
    expect([...replacedRecords(records, returns)]).toEqual([records[0], records[1]]);
    expect([...replacedRecords(records, [returnOf13])]).toEqual([records[0]]);
    expect(replacedRecords(records, []).size).toBe(0);
  });
});

describe('deadlines', () => {
  it('come earliest first', () => {
    const { deadlines } = check({ upTo: 15 }, '2024-09-12');
    expect(deadlines.map((d) => d.date)).toEqual([...deadlines.map((d) => d.date)].sort());
  });

  it('are those of a probationary member waiting for the 审批', () => {
    expect(check({ upTo: 15 }, '2024-09-12').deadlines.map((d) => [d.step, d.date, d.rule])).toEqual([
      [16, '2024-12-10', 'R-TALK-BEFORE-APPROVAL'],
      [17, '2024-12-10', 'R-APPROVAL-3M'],
      [21, '2024-12-10', 'R-EVAL-PROBATION'],
      [21, '2025-03-10', 'R-EVAL-PROBATION'],
      [22, '2025-09-10', 'R-CONFIRM-APPLY'],
      [23, '2025-09-10', 'R-PROBATION-1Y'],
    ]);
  });
});

describe('readProbationOutcome', () => {
  it.each([
    ['按期转正', { outcome: 'confirm' }],
    [undefined, { outcome: 'confirm' }],
    ['取消预备党员资格', { outcome: 'cancel' }],
    ['延长预备期六个月', { outcome: 'extend', extensionMonths: 6 }],
    ['延长预备期 6 个月', { outcome: 'extend', extensionMonths: 6 }],
    ['延长预备期十个月', { outcome: 'extend', extensionMonths: 10 }],
    ['延长预备期十二个月', { outcome: 'extend', extensionMonths: 12 }],
    ['延长预备期一年', { outcome: 'extend', extensionMonths: 12 }],
    ['延长预备期半年', { outcome: 'extend', extensionMonths: 6 }],
    ['延长预备期', { outcome: 'extend' }],
  ])('reads “%s”', (text, expected) => {
    expect(readProbationOutcome(text)).toEqual(expected);
  });
});

describe('timelineFromDossier', () => {
  type StoredParts = Pick<DossierDoc, 'events' | 'thoughtReports' | 'evaluations' | 'trainings' | 'leavingOn' | 'approvalDelayReason'>;

  function storedDossier(overrides: Partial<StoredParts> = {}): StoredParts {
    return {
      events: [
        { step: 1, date: '2023-03-01' },
        { step: 5, date: '2023-06-01', people: ['张建华', '李秀英'], documents: ['支委会记录'] },
        { step: 11, date: '2024-07-08', endDate: '2024-07-10' },
        { step: 23, date: '2025-09-10', outcome: '延长预备期六个月', note: '支部大会表决通过' },
      ],
      thoughtReports: [{ date: '2023-04-15', note: '第一次思想汇报' }],
      evaluations: [{ date: '2023-12-01', by: '李秀英' }],
      trainings: [{ date: '2024-07-08', endDate: '2024-07-10', hours: 24 }, { date: '2024-07-20' }],
      ...overrides,
    };
  }

  it('maps steps, records and the outcome of step 23', () => {
    expect(timelineFromDossier(storedDossier({ leavingOn: '2026-01-01' }), '1995-06-15')).toEqual({
      birthDate: '1995-06-15',
      events: [
        { step: 1, date: '2023-03-01' },
        { step: 5, date: '2023-06-01', people: ['张建华', '李秀英'] },
        { step: 11, date: '2024-07-08', endDate: '2024-07-10' },
        { step: 23, date: '2025-09-10', outcome: 'extend', extensionMonths: 6 },
      ],
      thoughtReports: ['2023-04-15'],
      evaluations: ['2023-12-01'],
      trainings: [
        { from: '2024-07-08', to: '2024-07-10', hours: 24 },
        { from: '2024-07-20', to: '2024-07-20' },
      ],
      leavingOn: '2026-01-01',
    });
  });

  it('reads the 公示 of step 13 and the reason for a late approval, which R-PUBLICITY-5WD and R-APPROVAL-3M check', () => {
    const events = [
      ...storedDossier().events.slice(0, 3),
      { step: 13, date: '2024-08-01', publicity: { from: '2024-07-22', to: '2024-07-26' } },
      { step: 23, date: '2025-09-10', publicity: { from: '2025-09-01', to: '2025-09-05' } },
    ];
    const timeline = timelineFromDossier(storedDossier({ events, approvalDelayReason: '上级党委集中审批' }), '1995-06-15');
    expect(timeline.publicity).toEqual({ from: '2024-07-22', to: '2024-07-26' });
    expect(timeline.approvalDelayReason).toBe('上级党委集中审批');
    const short = timelineFromDossier(storedDossier({ events: [{ step: 13, date: '2024-08-01', publicity: { from: '2024-07-22', to: '2024-07-24' } }] }), '1995-06-15');
    expect(checkTimeline(short, '2024-08-02').violations.map((v) => v.rule)).toContain('R-PUBLICITY-5WD');
  });

  it('leaves out the leaving date when none is stored', () => {
    expect(timelineFromDossier(storedDossier(), '1995-06-15')).not.toHaveProperty('leavingOn');
  });

  it('gives a timeline that checkTimeline reads', () => {
    const events = recruitmentEvents('2023-05-31', 21, ['王建国', '李秀英'], ['张卫东', '刘淑珍']);
    const dossier = storedDossier({ events, thoughtReports: [], evaluations: [], trainings: [] });
    expect(checkTimeline(timelineFromDossier(dossier, '1990-01-15'), addMonths('2023-05-31', 26)).stage).toBe(5);
  });
});
