import { describe, expect, it } from 'vitest';
import { recruitmentEvents } from '../demo/branch';
import type { DossierDoc } from '../model';
import { addMonths, addYears } from '../dates';
import { probationEnd, recordStep, removeLastStep, statusFromSteps } from './dossier';

const stamp = { now: '2026-11-23T02:00:00.000Z', by: '书记' };

function dossier(lastStep: number): DossierDoc {
  return {
    id: '01KAZZZZZZZZZZZZZZZZZZZZZZ', orgId: 'ORG', createdAt: stamp.now, updatedAt: stamp.now, updatedBy: '书记', personId: 'P1', state: 'open',
    events: recruitmentEvents('2024-01-10', lastStep, ['甲', '乙'], ['丙', '丁']), thoughtReports: [], evaluations: [], trainings: [],
  };
}

describe('recordStep', () => {
  it('adds the step in step order and stamps the change', () => {
    const { dossier: next } = recordStep(dossier(9), { step: 10, date: '2025-07-20' }, stamp);
    expect(next.events.map((e) => e.step)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(next).toMatchObject({ updatedAt: stamp.now, updatedBy: '书记' });
  });

  it('makes an activist at step 3 and a candidate at step 7', () => {
    expect(recordStep(dossier(2), { step: 3, date: '2024-05-10' }, stamp).person).toEqual({ status: 'activist' });
    expect(recordStep(dossier(6), { step: 7, date: '2025-06-10' }, stamp).person).toEqual({ status: 'candidate' });
  });

  it('admits a probationary member at step 15 with that day as 入党日期', () => {
    expect(recordStep(dossier(14), { step: 15, date: '2025-10-10' }, stamp).person).toEqual({ status: 'probationary', joinedOn: '2025-10-10' });
  });

  it('dates the probation from a 支部大会 held again after the committee returned its 审批', () => {
    const d = dossier(16);
    const again = { ...d, events: [...d.events, { step: 15, date: '2025-12-01' }].sort((a, b) => a.step - b.step || a.date.localeCompare(b.date)) };
    expect(probationEnd(again.events)).toBe('2026-12-01');
    expect(statusFromSteps(again.events)).toEqual({ status: 'probationary', joinedOn: '2025-12-01' });
  });

  it('confirms at step 23 from the end of the probation year, not from the meeting day', () => {
    const d = dossier(22);
    const admitted = d.events.find((e) => e.step === 15)!.date;
    const { person } = recordStep(d, { step: 23, date: '2026-12-20', outcome: '按期转正' }, stamp);
    expect(person).toEqual({ status: 'full', confirmedOn: `${Number(admitted.slice(0, 4)) + 1}${admitted.slice(4)}` });
  });

  it('confirms from a year after admission when the committee returned an extension and the meeting confirmed instead', () => {
    const d = dossier(22);
    const admitted = d.events.find((e) => e.step === 15)!.date;
    const extended = recordStep(d, { step: 23, date: '2026-12-20', outcome: '延长预备期六个月' }, stamp).dossier;
    // The committee returns the 转正审批 of the extension (不同意延长); the branch's meeting is held again and confirms.
    const returns = [{ step: 24, leadingStep: 23, returnedOn: '2027-01-05' }];
    const { person } = recordStep(extended, { step: 23, date: '2027-01-10', outcome: '按期转正' }, stamp, returns);
    expect(person).toEqual({ status: 'full', confirmedOn: addYears(admitted, 1) });
    // Without the return the two meetings are two rounds, and the first one's extension counts.
    expect(recordStep(extended, { step: 23, date: '2027-06-25', outcome: '按期转正' }, stamp).person.confirmedOn).toBe(addMonths(addYears(admitted, 1), 6));
  });

  it('counts an extension held again after a return once', () => {
    const d = dossier(22);
    const admitted = d.events.find((e) => e.step === 15)!.date;
    const events = [...d.events, { step: 23, date: '2026-12-20', outcome: '延长预备期六个月' }, { step: 23, date: '2027-01-10', outcome: '延长预备期六个月' }];
    const returns = [{ step: 24, leadingStep: 23, returnedOn: '2027-01-05' }];
    expect(probationEnd(events, returns)).toBe(addMonths(addYears(admitted, 1), 6));
    expect(probationEnd(events)).toBe(addMonths(addYears(admitted, 1), 12));
  });

  it('reads the returns when a later step is taken back', () => {
    const d = dossier(22);
    const admitted = d.events.find((e) => e.step === 15)!.date;
    const events = [...d.events, { step: 23, date: '2026-12-20', outcome: '延长预备期六个月' }, { step: 23, date: '2027-01-10', outcome: '按期转正' }, { step: 24, date: '2027-01-20' }, { step: 25, date: '2027-02-01' }];
    const returns = [{ step: 24, leadingStep: 23, returnedOn: '2027-01-05' }];
    expect(removeLastStep({ ...d, events }, stamp, returns).person).toEqual({ status: 'full', joinedOn: admitted, confirmedOn: addYears(admitted, 1) });
    expect(statusFromSteps(events.slice(0, -1), returns).confirmedOn).toBe(addYears(admitted, 1));
  });

  it('keeps a probationary member after an extension and asks how long it is', () => {
    expect(recordStep(dossier(22), { step: 23, date: '2026-12-20', outcome: '延长预备期六个月' }, stamp).person).toEqual({});
    expect(() => recordStep(dossier(22), { step: 23, date: '2026-12-20', outcome: '延长预备期' }, stamp)).toThrow('延长多久');
  });

  it('stops the dossier when the probationary membership is cancelled, and closes it at step 25', () => {
    expect(recordStep(dossier(22), { step: 23, date: '2026-12-20', outcome: '取消预备党员资格' }, stamp).dossier.state).toBe('stopped');
    expect(recordStep(dossier(24), { step: 25, date: '2027-03-01' }, stamp).dossier.state).toBe('closed');
  });
});

describe('removeLastStep', () => {
  it('takes back only the last step and gives the person the status the remaining steps make', () => {
    const { dossier: next, person } = removeLastStep(dossier(7), stamp);
    expect(next.events.map((e) => e.step)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(person).toMatchObject({ status: 'activist', joinedOn: undefined, confirmedOn: undefined });
  });

  it('undoes an admission: back to 发展对象 without 入党日期', () => {
    const { person } = removeLastStep(recordStep(dossier(14), { step: 15, date: '2025-10-10' }, stamp).dossier, stamp);
    expect(person).toEqual({ status: 'candidate', joinedOn: undefined, confirmedOn: undefined });
  });

  it('undoes a 转正 and reopens an archived dossier', () => {
    const confirmed = recordStep(dossier(22), { step: 23, date: '2026-12-20', outcome: '按期转正' }, stamp).dossier;
    const admitted = confirmed.events.find((e) => e.step === 15)!.date;
    expect(removeLastStep(confirmed, stamp).person).toEqual({ status: 'probationary', joinedOn: admitted, confirmedOn: undefined });
    const archived = recordStep(recordStep(confirmed, { step: 24, date: '2027-01-10' }, stamp).dossier, { step: 25, date: '2027-01-20' }, stamp).dossier;
    expect(archived.state).toBe('closed');
    const reopened = removeLastStep(archived, stamp);
    expect(reopened.dossier.state).toBe('open');
    expect(reopened.person).toMatchObject({ status: 'full', joinedOn: admitted });
  });

  it('refuses an empty dossier', () => {
    expect(() => removeLastStep({ ...dossier(1), events: [] }, stamp)).toThrow('还没有登记');
  });
});

describe('statusFromSteps', () => {
  it('counts extensions before the 转正 into the 转正 date', () => {
    const events = [...dossier(22).events, { step: 23, date: '2026-12-20', outcome: '延长预备期六个月' }, { step: 24, date: '2027-01-10' }, { step: 22, date: '2027-06-01' }, { step: 23, date: '2027-06-20', outcome: '按期转正' }];
    const admitted = events.find((e) => e.step === 15)!.date;
    expect(statusFromSteps(events)).toEqual({ status: 'full', joinedOn: admitted, confirmedOn: addMonths(addYears(admitted, 1), 6) });
  });
});
