/**
 * 发展党员工作计划 for the next quarter: who is due for which step, when, by whom, and the deadlines
 * that fall by the end of the quarter.
 */
import { describe, expect, it } from 'vitest';
import { addDays, addMonths } from '../dates';
import { recruitmentEvents } from '../demo';
import type { DossierDoc, PartyStatus } from '../model';
import { checkTimeline, timelineFromDossier, type RecruitmentCheck, type RecruitmentDeadline, type RecruitmentNextStep } from '../rules/recruitment';
import { formText, type FormBlock, type FormDocument } from './document';
import { nextQuarter, workPlanForm, workPlanRows, type PlanPerson } from './work-plan';

const TODAY = '2026-11-23';
const QUARTER = nextQuarter(TODAY);

function planned(name: string, status: PartyStatus, next: RecruitmentNextStep | null, deadlines: RecruitmentDeadline[] = []): PlanPerson {
  const check: RecruitmentCheck = { stage: 1, violations: [], next, deadlines };
  return { name, status, check };
}

/** The check of a dossier holding only these events, on TODAY. */
function checkOf(events: DossierDoc['events'], birthDate: string): RecruitmentCheck {
  return checkTimeline(timelineFromDossier({ events, thoughtReports: [], evaluations: [], trainings: [] }, birthDate), TODAY);
}

function tableOf(form: FormDocument): Extract<FormBlock, { kind: 'table' }> {
  const table = form.blocks.find((b): b is Extract<FormBlock, { kind: 'table' }> => b.kind === 'table');
  if (!table) throw new Error(`${form.kind} has no table`);
  return table;
}

describe('nextQuarter', () => {
  it.each([
    ['2026-11-23', '2027年第一季度', '2027-01-01', '2027-03-31'],
    ['2026-02-10', '2026年第二季度', '2026-04-01', '2026-06-30'],
    ['2026-05-31', '2026年第三季度', '2026-07-01', '2026-09-30'],
    ['2026-09-30', '2026年第四季度', '2026-10-01', '2026-12-31'],
    ['2026-01-01', '2026年第二季度', '2026-04-01', '2026-06-30'],
    ['2026-12-31', '2027年第一季度', '2027-01-01', '2027-03-31'],
  ])('after %s comes %s, %s to %s', (today, label, from, to) => {
    expect(nextQuarter(today)).toEqual({ label, from, to });
  });

  it('ends the first quarter of a leap year on 31 March', () => {
    expect(nextQuarter('2027-12-01')).toEqual({ label: '2028年第一季度', from: '2028-01-01', to: '2028-03-31' });
  });
});

describe('workPlanRows', () => {
  const overdue = planned('周明', 'applicant', { step: 2, earliest: '2026-09-01', latest: '2026-10-01' }, [
    { step: 2, date: '2026-10-01', rule: 'R-TALK-1M', label: '派人与入党申请人谈话' },
  ]);
  const inQuarter = planned('吴芳', 'activist', { step: 7, earliest: '2027-02-15' });
  const openNow = planned('郑强', 'probationary', { step: 17, earliest: '2026-12-20', latest: '2027-03-10' }, [
    { step: 17, date: '2027-03-10', rule: 'R-APPROVAL-3M', label: '上级党委审批接收预备党员' },
    { step: 16, date: '2027-03-10', rule: 'R-TALK-BEFORE-APPROVAL', label: '上级党委派人谈话（须在审批前）' },
    { step: 23, date: '2027-09-20', rule: 'R-PROBATION-1Y', label: '预备期满，召开支部大会讨论转正' },
  ]);
  const afterQuarter = planned('王磊', 'activist', { step: 7, earliest: '2027-04-01' });
  const finished = planned('孙丽', 'full', null);

  it('leaves out those whose next step opens after the quarter, and those with no next step', () => {
    const rows = workPlanRows([afterQuarter, finished, inQuarter], QUARTER, TODAY);
    expect(rows.map((r) => r.name)).toEqual(['吴芳']);
  });

  it('keeps a step that opens on the last day of the quarter', () => {
    const lastDay = planned('冯涛', 'activist', { step: 7, earliest: '2027-03-31' });
    expect(workPlanRows([lastDay], QUARTER, TODAY).map((r) => r.name)).toEqual(['冯涛']);
  });

  it('puts the overdue first, marked 已逾期, then the others by the first day they may act', () => {
    const rows = workPlanRows([inQuarter, openNow, overdue], QUARTER, TODAY);
    expect(rows.map((r) => r.name)).toEqual(['周明', '郑强', '吴芳']);
    expect(rows[0]!.note).toContain('已逾期');
    expect(rows[1]!.note).not.toContain('已逾期');
    expect(rows[2]!.note).not.toContain('已逾期');
  });

  it('is not overdue on the last lawful day itself', () => {
    const lastDayToday = planned('陈刚', 'applicant', { step: 2, earliest: '2026-10-23', latest: TODAY });
    expect(workPlanRows([lastDayToday], QUARTER, TODAY)[0]!.note).not.toContain('已逾期');
  });

  it('names the status, the step and who acts', () => {
    const [row] = workPlanRows([openNow], QUARTER, TODAY);
    expect(row).toMatchObject({ name: '郑强', status: '预备党员', step: '第17步 上级党委审批', actor: '上级党委' });
    const [activist] = workPlanRows([inQuarter], QUARTER, TODAY);
    expect(activist).toMatchObject({ status: '入党积极分子', step: '第7步 确定发展对象', actor: '支部委员会' });
  });

  it('gives the window from the first day in the quarter, and its last day', () => {
    expect(workPlanRows([inQuarter], QUARTER, TODAY)[0]!.window).toBe('2027年2月15日起');
    expect(workPlanRows([openNow], QUARTER, TODAY)[0]!.window).toBe('2027年1月1日起，2027年3月10日前');
  });

  it('writes the deadlines that fall by the end of the quarter into the note, and no later ones', () => {
    const [row] = workPlanRows([openNow], QUARTER, TODAY);
    expect(row!.note).toContain('2027年3月10日前：上级党委审批接收预备党员');
    expect(row!.note).toContain('2027年3月10日前：上级党委派人谈话（须在审批前）');
    expect(row!.note).not.toContain('2027年9月20日');
    expect(row!.note).not.toContain('转正');
  });

  it('leaves the note empty with nothing overdue and no deadline', () => {
    expect(workPlanRows([inQuarter], QUARTER, TODAY)[0]!.note).toBe('');
  });

  it('plans from checkTimeline: an activist a year after step 3 is due for step 7, one not yet is left out', () => {
    const contacts: [string, string] = ['张建华', '李秀英'];
    const introducers: [string, string] = ['王德明', '赵丽华'];
    // Step 3 four months after applying; step 7 may follow one year after step 3 (R-ACTIVIST-1Y).
    const due = recruitmentEvents('2025-10-01', 6, contacts, introducers);
    const notYet = recruitmentEvents('2026-01-01', 6, contacts, introducers);
    const people: PlanPerson[] = [
      { name: '吴芳', status: 'activist', check: checkOf(due, '1996-03-08') },
      { name: '王磊', status: 'activist', check: checkOf(notYet, '1998-11-02') },
    ];
    expect(people[0]!.check.next).toMatchObject({ step: 7, earliest: addMonths('2025-10-01', 16) });

    const rows = workPlanRows(people, QUARTER, TODAY);
    expect(rows.map((r) => r.name)).toEqual(['吴芳']);
    expect(rows[0]).toMatchObject({ step: '第7步 确定发展对象', window: '2027年2月1日起' });
  });

  it('plans from checkTimeline: a 支部大会 held five weeks ago leaves the 审批 due within three months', () => {
    const events = recruitmentEvents(addMonths(addDays(TODAY, -35), -21), 15, ['张建华', '李秀英'], ['王德明', '赵丽华']);
    const meeting = events.find((e) => e.step === 15)!.date;
    const check = checkOf(events, '1990-05-12');
    expect(check.next?.step).toBe(16);

    const [row] = workPlanRows([{ name: '郑强', status: 'probationary', check }], QUARTER, TODAY);
    expect(row!.step).toBe('第16步 上级党委派人谈话');
    expect(row!.note).not.toContain('已逾期');
    // R-APPROVAL-3M: step 17 within three months after step 15, with the talk of step 16 before it.
    const due = addMonths(meeting, 3);
    expect(due > QUARTER.from && due <= QUARTER.to).toBe(true);
    expect(row!.note).toContain(`${Number(due.slice(0, 4))}年${Number(due.slice(5, 7))}月${Number(due.slice(8))}日前：上级党委审批接收预备党员`);
  });
});

describe('workPlanForm', () => {
  const people = [
    planned('吴芳', 'activist', { step: 7, earliest: '2027-02-15' }),
    planned('王磊', 'activist', { step: 7, earliest: '2027-04-01' }),
  ];

  it('names the branch and the quarter, with one row per person due', () => {
    const form = workPlanForm({ branchName: '市水利局离退休干部党支部', people, today: TODAY });
    expect(form.subtitle).toBe('市水利局离退休干部党支部　2027年第一季度（2027年1月1日至2027年3月31日）');
    expect(form.landscape).toBe(true);
    const table = tableOf(form);
    expect(table.rows).toEqual([['吴芳', '入党积极分子', '第7步 确定发展对象', '2027年2月15日起', '支部委员会', '']]);
    const printed = formText(form);
    expect(printed).not.toContain('王磊');
    expect(printed).toContain('2026年11月23日');
    expect(printed).not.toContain('本季度没有到期可以进行的发展步骤');
  });

  it('says so when nobody is due in the quarter', () => {
    const form = workPlanForm({ branchName: '市水利局离退休干部党支部', people: [people[1]!], today: TODAY });
    expect(tableOf(form).rows).toEqual([]);
    expect(formText(form)).toContain('本季度没有到期可以进行的发展步骤。');
  });

  it('prints blank without people: no branch, no quarter, lines to write on', () => {
    const form = workPlanForm({ branchName: '市水利局离退休干部党支部', people: null, today: TODAY });
    const table = tableOf(form);
    expect(table.rows).toEqual([]);
    expect(table.blankRows).toBeGreaterThan(0);
    const printed = formText(form);
    expect(printed).not.toContain('市水利局离退休干部党支部');
    expect(printed).not.toContain('2027');
    expect(printed).not.toContain('本季度没有到期可以进行的发展步骤');
    expect(printed).toContain('＿＿＿＿年＿＿月＿＿日');
  });
});

describe('a step due before the quarter begins', () => {
  it('says to do it now, with its deadline, instead of a window that has already closed', () => {
    const quarter = nextQuarter('2026-11-23');
    const check = { stage: 1, violations: [], next: { step: 2, earliest: '2026-11-10', latest: '2026-12-10' }, deadlines: [] } as const;
    const [row] = workPlanRows([{ name: '赵小青', status: 'applicant', check: { ...check, violations: [], deadlines: [] } }], quarter, '2026-11-23');
    expect(row!.window).toBe('尽快，2026年12月10日前');
  });
});
