import { describe, expect, it } from 'vitest';
import { generateDemoBranch, recruitmentEvents } from '../demo';
import type { AppraisalDoc, ApprovalDoc, ApprovalKind, DossierDoc } from '../model';
import {
  applyAppraisalApproval,
  applyApproval,
  appraisalRequest,
  approvalLabel,
  committeeRequests,
  COMMITTEE_STEPS,
  describeAppraisalFiling,
  describeAppraisalRequest,
  describeRequest,
  isCommitteeStep,
  openReturns,
  returnsOf,
} from './approvals';
import { checkTimeline, timelineFromDossier } from './recruitment';

/*
 * Dossiers laid out by the demo's recruitmentEvents from an application on 2024-01-10:
 * step 3 2024-05-10, 4 2024-05-17, 7 2025-06-10, 8 2025-06-17, 12 2025-09-10, 13 2025-09-30,
 * 14 2025-10-05, 15 2025-10-10, 16 2025-10-30, 17 2025-11-10, 18 2025-11-20 … 21 2026-02-10.
 */
const STAMP = '2026-11-23T02:00:00.000Z';
const DOSSIER_ID = '01KAZZZZZZZZZZZZZZZZZZZZZZ';
const ORG = '01KAORGORGORGORGORGORGORGO';

type Event = DossierDoc['events'][number];

function dossier(lastStep: number, extra: { without?: number[]; add?: Event[]; patch?: Partial<DossierDoc> } = {}): DossierDoc {
  const events = [...recruitmentEvents('2024-01-10', lastStep, ['王建国', '李秀英'], ['张卫东', '刘淑芬']), ...(extra.add ?? [])]
    .filter((e) => !extra.without?.includes(e.step))
    .sort((a, b) => a.step - b.step || a.date.localeCompare(b.date));
  return {
    id: DOSSIER_ID,
    orgId: ORG,
    createdAt: STAMP,
    updatedAt: STAMP,
    updatedBy: '书记',
    personId: '01KAPERSONPERSONPERSONPERS',
    state: 'open',
    events,
    thoughtReports: [],
    evaluations: [],
    trainings: [],
    ...extra.patch,
  };
}

const KIND_OF: Record<number, ApprovalKind> = { 4: 'filing', 8: 'filing', 13: 'pre-review', 17: 'approval', 24: 'confirm-approval' };

let serial = 0;
function approval(step: number, decidedOn: string, fields: Partial<ApprovalDoc> = {}): ApprovalDoc {
  serial += 1;
  return {
    id: `01KAAPPROVAL${String(serial).padStart(14, '0')}`,
    orgId: ORG,
    createdAt: `${decidedOn}T08:00:00.000Z`,
    updatedAt: `${decidedOn}T08:00:00.000Z`,
    updatedBy: '组织员 陈明',
    committeeId: '01KACOMMITTEECOMMITTEECOMM',
    targetCollection: 'dossiers',
    targetId: DOSSIER_ID,
    step,
    kind: KIND_OF[step] ?? 'filing',
    decision: 'approved',
    decidedOn,
    decidedBy: '组织员 陈明',
    ...fields,
  };
}

/** Probation steps after the demo's step 21: 转正申请 and the 支部大会 on given days. */
const probation = (meeting: string, outcome = '按期转正', apply = '2026-10-01'): Event[] => [
  { step: 22, date: apply },
  { step: 23, date: meeting, outcome },
];

const steps = (requests: { step: number }[]) => requests.map((r) => r.step);

describe('committee steps', () => {
  it('are the 备案 of steps 4 and 8, the 预审 of 13, the 审批 of 17 and the 转正审批 of 24', () => {
    expect(COMMITTEE_STEPS.map((s) => [s.step, s.kind, s.leadingStep])).toEqual([
      [4, 'filing', 3],
      [8, 'filing', 7],
      [13, 'pre-review', 12],
      [17, 'approval', 15],
      [24, 'confirm-approval', 23],
    ]);
    expect([11, 16, 18].some(isCommitteeStep)).toBe(false);
  });

  it('have Chinese labels for every kind of approval', () => {
    expect(['filing', 'pre-review', 'approval', 'confirm-approval', 'appraisal-filing'].map((k) => approvalLabel(k as ApprovalKind))).toEqual([
      '备案',
      '预审',
      '审批',
      '转正审批',
      '民主评议备案',
    ]);
  });
});

describe('committeeRequests', () => {
  it('asks nothing before the branch has done a leading step', () => {
    expect(committeeRequests(dossier(2), [], '2024-03-01')).toEqual([]);
    expect(committeeRequests(dossier(11), [], '2025-09-01')).toEqual([]);
  });

  it('asks the 备案 of an activist once step 3 is recorded, with no due date', () => {
    expect(committeeRequests(dossier(3), [], '2024-05-12')).toEqual([
      {
        dossierId: DOSSIER_ID,
        personId: '01KAPERSONPERSONPERSONPERS',
        step: 4,
        kind: 'filing',
        label: '入党积极分子备案',
        since: '2024-05-10',
        overdue: false,
        state: 'waiting',
      },
    ]);
  });

  it('asks the 备案 of a 发展对象 once step 7 is recorded', () => {
    expect(committeeRequests(dossier(7, { without: [8] }), [], '2025-06-12')).toMatchObject([{ step: 8, kind: 'filing', label: '发展对象备案', since: '2025-06-10' }]);
  });

  it('asks the 预审 after the 支委会审查 of step 12, not before the 公示 of five working days is over', () => {
    const [request, ...others] = committeeRequests(dossier(12), [], '2025-09-11');
    expect(others).toEqual([]);
    // 2025-09-10 is a Wednesday: the 10th, 11th, 12th, 15th and 16th are the five working days.
    expect(request).toMatchObject({ step: 13, kind: 'pre-review', label: '预审', since: '2025-09-10', earliest: '2025-09-17', state: 'waiting', overdue: false });
    expect(request!.due).toBeUndefined();
  });

  it('asks nothing once the committee has approved, even before the branch records it', () => {
    expect(committeeRequests(dossier(12), [approval(13, '2025-09-30', { docNo: '水机党预〔2025〕2号' })], '2025-10-01')).toEqual([]);
  });

  it('counts a 备案 the committee marked as filed', () => {
    expect(committeeRequests(dossier(3), [approval(4, '2024-05-20', { decision: 'filed' })], '2024-05-21')).toEqual([]);
  });

  it('asks nothing for a step the branch recorded by hand', () => {
    expect(committeeRequests(dossier(13), [], '2025-10-01')).toEqual([]);
    expect(committeeRequests(dossier(21), [], '2026-03-01')).toEqual([]);
  });

  it('keeps a returned request waiting for the branch, with the reason', () => {
    const returned = approval(13, '2025-09-20', { decision: 'returned', comment: '政审材料缺少本人档案审查意见，请补充。' });
    const [request] = committeeRequests(dossier(12), [returned], '2025-09-25');
    expect(request).toMatchObject({ step: 13, state: 'returned', since: '2025-09-10', returnedOn: '2025-09-20', returnComment: '政审材料缺少本人档案审查意见，请补充。' });
    expect(describeRequest(request!)).toBe('上级党委已于 2025-09-20 退回预审：政审材料缺少本人档案审查意见，请补充。请按意见补正，重新支部委员会审查后再报。');
  });

  it('opens a returned request again once the branch redoes the leading step after the return', () => {
    const returned = approval(13, '2025-09-20', { decision: 'returned', comment: '请补充材料。' });
    const redone = dossier(12, { add: [{ step: 12, date: '2025-10-08' }] });
    expect(committeeRequests(redone, [returned], '2025-10-09')).toMatchObject([{ step: 13, state: 'waiting', since: '2025-10-08', earliest: '2025-10-15', returnedOn: '2025-09-20' }]);
  });

  it('keeps it returned when the leading step is redone on the day of the return, not after it', () => {
    const returned = approval(13, '2025-09-20', { decision: 'returned' });
    const sameDay = dossier(12, { add: [{ step: 12, date: '2025-09-20' }] });
    expect(committeeRequests(sameDay, [returned], '2025-09-21')).toMatchObject([{ step: 13, state: 'returned' }]);
  });

  it('closes a request approved after an earlier return', () => {
    const approvals = [approval(13, '2025-09-20', { decision: 'returned' }), approval(13, '2025-10-20')];
    expect(committeeRequests(dossier(12, { add: [{ step: 12, date: '2025-10-08' }] }), approvals, '2025-10-21')).toEqual([]);
  });

  it('dates the 审批 three months after the 支部大会 and marks it overdue the day after', () => {
    const d = dossier(15);
    expect(committeeRequests(d, [], '2026-01-10')).toMatchObject([{ step: 17, kind: 'approval', label: '接收预备党员审批', since: '2025-10-10', due: '2026-01-10', overdue: false }]);
    expect(committeeRequests(d, [], '2026-01-11')).toMatchObject([{ step: 17, overdue: true }]);
    expect(describeRequest(committeeRequests(d, [], '2026-01-11')[0]!)).toBe('接收预备党员审批：支部于 2025-10-10 报来，等待上级党委办理，应在 2026-01-10 前办理（已逾期）。');
  });

  it('allows six months for the 审批 when a reason for the delay is recorded', () => {
    const d = dossier(15, { patch: { approvalDelayReason: '本人在外地挂职，谈话推迟' } });
    expect(committeeRequests(d, [], '2026-04-10')).toMatchObject([{ step: 17, due: '2026-04-10', overdue: false }]);
    expect(committeeRequests(d, [], '2026-04-11')).toMatchObject([{ step: 17, overdue: true }]);
  });

  it('keeps the 审批 open after the committee talk of step 16', () => {
    expect(steps(committeeRequests(dossier(16), [], '2025-11-01'))).toEqual([17]);
  });

  it('asks the 转正审批 within three months of the 支部大会 of step 23', () => {
    const d = dossier(21, { add: probation('2026-10-15') });
    expect(committeeRequests(d, [], '2027-01-15')).toMatchObject([{ step: 24, kind: 'confirm-approval', label: '转正审批', since: '2026-10-15', due: '2027-01-15', overdue: false }]);
    expect(committeeRequests(d, [], '2027-01-16')).toMatchObject([{ step: 24, overdue: true }]);
  });

  it('asks a 转正审批 again in the round after an extension, whatever was decided in the first', () => {
    const extended = dossier(21, { add: probation('2026-10-15', '延长预备期六个月') });
    expect(committeeRequests(extended, [], '2026-10-20')).toMatchObject([{ step: 24, label: '延长预备期审批', since: '2026-10-15' }]);
    const secondRound = dossier(21, {
      add: [...probation('2026-10-15', '延长预备期六个月'), { step: 24, date: '2026-11-20', docNo: '水机党批〔2026〕9号' }, ...probation('2027-04-15', '按期转正', '2027-04-01')],
    });
    const firstDecision = approval(24, '2026-11-20');
    expect(committeeRequests(secondRound, [firstDecision], '2027-04-20')).toMatchObject([{ step: 24, label: '转正审批', since: '2027-04-15', due: '2027-07-15' }]);
    expect(committeeRequests(secondRound, [firstDecision, approval(24, '2027-05-06')], '2027-05-07')).toEqual([]);
  });

  it('asks the 审批 of a 取消预备党员资格 although the dossier is stopped', () => {
    const cancelled = dossier(21, { add: probation('2026-10-15', '取消预备党员资格'), patch: { state: 'stopped' } });
    expect(committeeRequests(cancelled, [], '2026-10-20')).toMatchObject([{ step: 24, label: '取消预备党员资格审批' }]);
  });

  it('asks nothing of a closed or stopped dossier', () => {
    expect(committeeRequests(dossier(12, { patch: { state: 'closed' } }), [], '2025-09-20')).toEqual([]);
    expect(committeeRequests(dossier(15, { patch: { state: 'stopped' } }), [], '2025-10-20')).toEqual([]);
  });

  it('does not ask for a step the dossier has already gone past (the branch fills that record in)', () => {
    // Entered after the fact: 备案 of step 4 never recorded, but the person is a 发展对象 since step 7.
    expect(steps(committeeRequests(dossier(7, { without: [4, 8] }), [], '2025-06-12'))).toEqual([8]);
    // 审批 missing, but the committee's own 备案 of step 18 is there.
    expect(committeeRequests(dossier(18, { without: [17] }), [], '2025-12-01')).toEqual([]);
  });

  it('ignores approvals of another dossier, another branch, another collection or another kind', () => {
    const others = [
      approval(13, '2025-09-30', { targetId: '01KAOTHEROTHEROTHEROTHEROT' }),
      approval(13, '2025-09-30', { orgId: '01KAOTHERORGOTHERORGOTHERO' }),
      approval(13, '2025-09-30', { targetCollection: 'meetings' }),
      approval(13, '2025-09-30', { kind: 'approval' }),
      approval(17, '2025-09-30'),
    ];
    expect(steps(committeeRequests(dossier(12), others, '2025-10-01'))).toEqual([13]);
  });

  it('asks the 审批 of a dossier that skipped the 预审, leaving the missing step 13 to the branch (R-ORDER)', () => {
    expect(steps(committeeRequests(dossier(16, { without: [13, 14] }), [], '2025-11-01'))).toEqual([17]);
  });

  it('finds nothing waiting in the demo branch, whose dossiers keep every rule', () => {
    const demo = generateDemoBranch({ today: '2026-11-23' });
    expect(demo.dossiers.flatMap((d) => committeeRequests(d, [], '2026-11-23'))).toEqual([]);
  });

  it('finds the 预审 of the demo candidate once its 预审 and 志愿书 are taken out', () => {
    const demo = generateDemoBranch({ today: '2026-11-23' });
    const candidate = demo.dossiers.find((d) => d.events.at(-1)?.step === 14)!;
    const before = { ...candidate, events: candidate.events.filter((e) => e.step < 13) };
    expect(committeeRequests(before, [], '2026-11-23')).toMatchObject([{ dossierId: candidate.id, personId: candidate.personId, step: 13 }]);
  });

  it('refuses a "today" that is not a date', () => {
    expect(() => committeeRequests(dossier(12), [], '2025/09/20')).toThrow(RangeError);
  });
});

describe('applyApproval', () => {
  it('records an approved 预审 as step 13 with the decision date, 文号 and comment, in step order', () => {
    const d = dossier(12);
    const next = applyApproval(d, approval(13, '2025-09-30', { docNo: '水机党预〔2025〕2号', comment: '同意，请发放入党志愿书。' }))!;
    expect(next.events.map((e) => e.step)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    expect(next.events.at(-1)).toEqual({ step: 13, date: '2025-09-30', docNo: '水机党预〔2025〕2号', outcome: '预审同意', note: '同意，请发放入党志愿书。' });
    expect(next.updatedAt).toBe(STAMP);
    expect(next.updatedBy).toBe('书记');
    expect(d.events).toHaveLength(12);
  });

  it('closes the committee request it answers', () => {
    const next = applyApproval(dossier(12), approval(13, '2025-09-30'))!;
    expect(committeeRequests(next, [], '2025-10-01')).toEqual([]);
  });

  it('changes nothing the second time the same approval is applied', () => {
    const a = approval(13, '2025-09-30', { docNo: '水机党预〔2025〕2号' });
    const once = applyApproval(dossier(12), a)!;
    expect(applyApproval(once, a)).toBeNull();
  });

  it('records a 备案 marked filed as 已备案', () => {
    const next = applyApproval(dossier(3), approval(4, '2024-05-20', { decision: 'filed', docNo: '水机党备〔2024〕3号' }))!;
    expect(next.events.find((e) => e.step === 4)).toEqual({ step: 4, date: '2024-05-20', docNo: '水机党备〔2024〕3号', outcome: '已备案' });
  });

  it('leaves a 文号 or note out when the committee gave none', () => {
    const next = applyApproval(dossier(15), approval(17, '2025-12-01', { docNo: '  ', comment: '' }))!;
    expect(next.events.find((e) => e.step === 17)).toEqual({ step: 17, date: '2025-12-01', outcome: '同意接收为预备党员' });
  });

  it('does nothing with a return', () => {
    expect(applyApproval(dossier(12), approval(13, '2025-09-20', { decision: 'returned', comment: '请补充材料。' }))).toBeNull();
  });

  it('never overwrites a step the branch recorded by hand', () => {
    const d = dossier(13);
    expect(applyApproval(d, approval(13, '2025-10-02', { docNo: '另一个文号' }))).toBeNull();
    expect(d.events.find((e) => e.step === 13)!.docNo).toBe('水机党预〔2025〕2号');
  });

  it('does nothing with a decision on another dossier, branch or collection, or of another kind', () => {
    const d = dossier(12);
    expect(applyApproval(d, approval(13, '2025-09-30', { targetId: '01KAOTHEROTHEROTHEROTHEROT' }))).toBeNull();
    expect(applyApproval(d, approval(13, '2025-09-30', { orgId: '01KAOTHERORGOTHERORGOTHERO' }))).toBeNull();
    expect(applyApproval(d, approval(13, '2025-09-30', { targetCollection: 'appraisals' }))).toBeNull();
    expect(applyApproval(d, approval(13, '2025-09-30', { kind: 'approval' }))).toBeNull();
  });

  it('does nothing with a step that is not the committee’s decision, or with no step', () => {
    expect(applyApproval(dossier(15), approval(16, '2025-10-30', { kind: 'approval' }))).toBeNull();
    expect(applyApproval(dossier(11), approval(11, '2025-08-10', { kind: 'approval' }))).toBeNull();
    const { step: _step, ...withoutStep } = approval(13, '2025-09-30');
    expect(applyApproval(dossier(12), withoutStep)).toBeNull();
  });

  it('does nothing on a closed dossier', () => {
    expect(applyApproval(dossier(12, { patch: { state: 'closed' } }), approval(13, '2025-09-30'))).toBeNull();
  });

  it('does nothing when the dossier does not show the step the decision answers', () => {
    expect(applyApproval(dossier(11), approval(13, '2025-09-30'))).toBeNull();
    expect(applyApproval(dossier(21), approval(24, '2026-11-01'))).toBeNull();
  });

  it('records the 转正审批 with what the 支部大会 decided', () => {
    const next = applyApproval(dossier(21, { add: probation('2026-10-15') }), approval(24, '2026-11-05', { docNo: '水机党批〔2026〕15号' }))!;
    expect(next.events.at(-1)).toEqual({ step: 24, date: '2026-11-05', docNo: '水机党批〔2026〕15号', outcome: '同意按期转正' });
  });

  it('records the second round’s 转正审批 after an extension, and not the first round’s again', () => {
    const d = dossier(21, {
      add: [...probation('2026-10-15', '延长预备期六个月'), { step: 24, date: '2026-11-20' }, ...probation('2027-04-15', '按期转正', '2027-04-01')],
    });
    expect(applyApproval(d, approval(24, '2026-11-20'))).toBeNull();
    const next = applyApproval(d, approval(24, '2027-05-06'))!;
    expect(next.events.filter((e) => e.step === 24).map((e) => [e.date, e.outcome])).toEqual([
      ['2026-11-20', undefined],
      ['2027-05-06', '同意按期转正'],
    ]);
  });

  it('records the 审批 of a 取消预备党员资格 and leaves the dossier stopped', () => {
    const cancelled = dossier(21, { add: probation('2026-10-15', '取消预备党员资格'), patch: { state: 'stopped' } });
    const next = applyApproval(cancelled, approval(24, '2026-11-05'))!;
    expect(next.state).toBe('stopped');
    expect(next.events.at(-1)).toMatchObject({ step: 24, outcome: '同意取消预备党员资格' });
  });

  it('gives a 预审 the 志愿书 can follow (R-PREREVIEW-BEFORE-FORM)', () => {
    const filledEarly = dossier(14, { without: [13] });
    const rules = (d: DossierDoc) => checkTimeline(timelineFromDossier(d, '1990-03-01'), '2025-10-06').violations.filter((v) => v.step === 13 || v.step === 14).map((v) => v.rule);
    expect(rules(filledEarly)).toEqual(['R-PREREVIEW-BEFORE-FORM']);
    expect(rules(applyApproval(filledEarly, approval(13, '2025-09-30'))!)).toEqual([]);
  });
});

describe('openReturns', () => {
  const comment = '政审材料缺少本人档案审查意见，请补充。';

  it('shows the branch a request the committee returned, with its comment and date, and the step to do again', () => {
    expect(openReturns(dossier(12), [approval(13, '2025-09-20', { decision: 'returned', comment })], '2025-09-25')).toEqual([
      { dossierId: DOSSIER_ID, personId: '01KAPERSONPERSONPERSONPERS', step: 13, leadingStep: 12, label: '预审', returnedOn: '2025-09-20', comment },
    ]);
  });

  it('gives each kind of request the step that sends it again', () => {
    const cases: [number, number, number][] = [
      [3, 4, 3],
      [7, 8, 7],
      [15, 17, 15],
    ];
    for (const [lastStep, step, leadingStep] of cases) {
      const d = dossier(lastStep, { without: [step] });
      const since = d.events.find((e) => e.step === leadingStep)!.date;
      expect(openReturns(d, [approval(step, since, { decision: 'returned' })], since)).toMatchObject([{ step, leadingStep }]);
    }
    const meeting = dossier(21, { add: probation('2026-10-15') });
    expect(openReturns(meeting, [approval(24, '2026-10-20', { decision: 'returned' })], '2026-10-21')).toMatchObject([{ step: 24, leadingStep: 23, label: '转正审批' }]);
  });

  it('leaves out the comment when the committee wrote none', () => {
    expect(openReturns(dossier(12), [approval(13, '2025-09-20', { decision: 'returned' })], '2025-09-25')[0]).not.toHaveProperty('comment');
  });

  it('ends once the branch has done the leading step again after the return', () => {
    const returned = approval(13, '2025-09-20', { decision: 'returned', comment });
    expect(openReturns(dossier(12, { add: [{ step: 12, date: '2025-10-08' }] }), [returned], '2025-10-09')).toEqual([]);
  });

  it('ends once the committee has approved after all', () => {
    const approvals = [approval(13, '2025-09-20', { decision: 'returned' }), approval(13, '2025-09-28')];
    expect(openReturns(dossier(12), approvals, '2025-09-29')).toEqual([]);
  });

  it('shows the latest of two returns of one request', () => {
    const approvals = [approval(13, '2025-09-20', { decision: 'returned', comment: '第一次' }), approval(13, '2025-10-20', { decision: 'returned', comment: '第二次' })];
    expect(openReturns(dossier(12, { add: [{ step: 12, date: '2025-10-08' }] }), approvals, '2025-10-21')).toMatchObject([{ returnedOn: '2025-10-20', comment: '第二次' }]);
  });

  it('ignores a request approved and an answer that is not a return', () => {
    expect(openReturns(dossier(12), [approval(13, '2025-09-30')], '2025-10-01')).toEqual([]);
    expect(openReturns(dossier(12), [], '2025-10-01')).toEqual([]);
  });
});

describe('returnsOf', () => {
  it('gives the returns of this dossier as the timeline check reads them, oldest first', () => {
    const approvals = [
      approval(17, '2025-11-01', { decision: 'returned' }),
      approval(13, '2025-09-20', { decision: 'returned' }),
      approval(13, '2025-09-30'),
      approval(13, '2025-09-21', { decision: 'returned', targetId: '01KAOTHEROTHEROTHEROTHEROT' }),
    ];
    expect(returnsOf(dossier(15), approvals)).toEqual([
      { step: 13, leadingStep: 12, returnedOn: '2025-09-20' },
      { step: 17, leadingStep: 15, returnedOn: '2025-11-01' },
    ]);
  });
});

describe('a returned request sent again', () => {
  it('goes round: returned, the leading step done again with no rule broken, approved and recorded', () => {
    const returned = approval(13, '2025-09-20', { decision: 'returned', comment: '请补充政审材料。' });
    const redone = dossier(12, { add: [{ step: 12, date: '2025-10-08' }] });
    // The factory's dossiers keep no 思想汇报 or 考察: only errors are looked at.
    const rules = (d: DossierDoc, today: string) =>
      checkTimeline(timelineFromDossier(d, '1990-03-01', returnsOf(d, [returned])), today)
        .violations.filter((v) => v.severity === 'error')
        .map((v) => v.rule);
    expect(checkTimeline(timelineFromDossier(redone, '1990-03-01'), '2025-10-09').violations.map((v) => v.rule)).toContain('R-DATES-CONSISTENT');
    expect(rules(redone, '2025-10-09')).toEqual([]);
    expect(committeeRequests(redone, [returned], '2025-10-09')).toMatchObject([{ step: 13, state: 'waiting', since: '2025-10-08' }]);
    const approved = applyApproval(redone, approval(13, '2025-10-20', { docNo: '水机党预〔2025〕5号' }))!;
    expect(approved.events.filter((e) => e.step === 12 || e.step === 13).map((e) => [e.step, e.date])).toEqual([
      [12, '2025-09-10'],
      [12, '2025-10-08'],
      [13, '2025-10-20'],
    ]);
    expect(rules(approved, '2025-10-21')).toEqual([]);
  });
});

/*
 * 民主评议 of 2026: the members told in writing on 2026-12-10 and 2026-12-12, the document last changed
 * on 2026-12-12 in China (04:00 UTC).
 */
const APPRAISAL_ID = '01KAAPPRAISALAPPRAISALAPPR';

function appraisal(fields: Partial<AppraisalDoc> = {}): AppraisalDoc {
  return {
    id: APPRAISAL_ID,
    orgId: ORG,
    createdAt: '2026-11-01T02:00:00.000Z',
    updatedAt: '2026-12-12T04:00:00.000Z',
    updatedBy: '书记',
    year: 2026,
    stage: 'notified',
    selfReviews: [],
    ballots: [],
    results: [
      { personId: '01KAPERSONAAAAAAAAAAAAAAAA', grade: 'excellent', notifiedOn: '2026-12-10' },
      { personId: '01KAPERSONBBBBBBBBBBBBBBBB', grade: 'qualified', notifiedOn: '2026-12-12' },
    ],
    ...fields,
  };
}

function filing(decidedOn: string, fields: Partial<ApprovalDoc> = {}): ApprovalDoc {
  const { step: _step, ...rest } = approval(4, decidedOn, { targetCollection: 'appraisals', targetId: APPRAISAL_ID, kind: 'appraisal-filing', ...fields });
  return fields.step === undefined ? rest : { ...rest, step: fields.step };
}

describe('describeAppraisalFiling', () => {
  it('says when the committee filed the results, with its 文号', () => {
    expect(describeAppraisalFiling(appraisal(), [filing('2026-12-15', { docNo: ' 水机党备〔2026〕41号 ' })])).toBe('上级党委已于 2026-12-15 备案2026年度民主评议结果（水机党备〔2026〕41号）。');
  });

  it('leaves out a 文号 the committee did not record', () => {
    expect(describeAppraisalFiling(appraisal({ stage: 'filed' }), [filing('2026-12-15', { decision: 'filed' })])).toBe('上级党委已于 2026-12-15 备案2026年度民主评议结果。');
  });

  it('names the first 备案 when there are two, as the branch applied it', () => {
    const twice = [filing('2026-12-20', { docNo: '第二份' }), filing('2026-12-15', { docNo: '第一份' })];
    expect(describeAppraisalFiling(appraisal(), twice)).toContain('2026-12-15 备案2026年度民主评议结果（第一份）');
  });

  it('says nothing of a return, nor of another appraisal\'s 备案', () => {
    expect(describeAppraisalFiling(appraisal(), [filing('2026-12-15', { decision: 'returned' }), filing('2026-12-15', { targetId: '01KAOTHEROTHEROTHEROTHEROT' })])).toBeNull();
  });
});

describe('appraisalRequest', () => {
  it('asks the 民主评议结果备案 once each member has been told the result, dated the last notice', () => {
    expect(appraisalRequest(appraisal(), [])).toEqual({
      appraisalId: APPRAISAL_ID,
      orgId: ORG,
      year: 2026,
      kind: 'appraisal-filing',
      label: '2026年度民主评议结果备案',
      since: '2026-12-12',
      overdue: false,
      state: 'waiting',
    });
  });

  it('asks nothing before the results are told to the members', () => {
    for (const stage of ['study', 'self-review', 'mutual-review', 'ballot', 'grading'] as const) {
      expect(appraisalRequest(appraisal({ stage }), [])).toBeNull();
    }
  });

  it('asks nothing once the branch has recorded the 备案', () => {
    expect(appraisalRequest(appraisal({ stage: 'filed' }), [])).toBeNull();
  });

  it('asks nothing once the committee has approved, even before the branch records it', () => {
    expect(appraisalRequest(appraisal(), [filing('2026-12-15')])).toBeNull();
  });

  it('counts a 备案 the committee marked as filed', () => {
    expect(appraisalRequest(appraisal(), [filing('2026-12-15', { decision: 'filed' })])).toBeNull();
  });

  it('reads the day of the latest change in China, not in UTC', () => {
    // 2026-12-13 20:00 UTC is 2026-12-14 04:00 in China.
    expect(appraisalRequest(appraisal({ updatedAt: '2026-12-13T20:00:00.000Z' }), [])?.since).toBe('2026-12-14');
  });

  it('dates a request with no written notice recorded by the day of its latest change', () => {
    const results = appraisal().results.map(({ personId, grade }) => ({ personId, grade }));
    expect(appraisalRequest(appraisal({ results }), [])?.since).toBe('2026-12-12');
  });

  it('keeps a returned request waiting for the branch, with the reason', () => {
    const request = appraisalRequest(appraisal(), [filing('2026-12-15', { decision: 'returned', comment: '请补充民主测评统计表' })]);
    expect(request).toMatchObject({ state: 'returned', returnedOn: '2026-12-15', returnComment: '请补充民主测评统计表' });
  });

  it('leaves out the comment of a return that has none', () => {
    const request = appraisalRequest(appraisal(), [filing('2026-12-15', { decision: 'returned' })]);
    expect(request?.state).toBe('returned');
    expect(request).not.toHaveProperty('returnComment');
  });

  it('waits again once the branch changes the appraisal on a later day than the return', () => {
    const request = appraisalRequest(appraisal({ updatedAt: '2026-12-16T03:00:00.000Z' }), [filing('2026-12-15', { decision: 'returned', comment: '请补充' })]);
    expect(request).toMatchObject({ state: 'waiting', since: '2026-12-16', returnedOn: '2026-12-15' });
  });

  it('waits again once the members are told again after the return', () => {
    const results = [{ personId: '01KAPERSONAAAAAAAAAAAAAAAA', grade: 'qualified' as const, notifiedOn: '2026-12-18' }];
    expect(appraisalRequest(appraisal({ results }), [filing('2026-12-15', { decision: 'returned' })])?.state).toBe('waiting');
  });

  it('keeps it returned when the branch changed it on the day of the return, not after it', () => {
    const request = appraisalRequest(appraisal({ updatedAt: '2026-12-15T09:00:00.000Z' }), [filing('2026-12-15', { decision: 'returned' })]);
    expect(request?.state).toBe('returned');
  });

  it('shows the latest of two returns', () => {
    const returns = [filing('2026-12-20', { decision: 'returned', comment: '第二次' }), filing('2026-12-15', { decision: 'returned', comment: '第一次' })];
    expect(appraisalRequest(appraisal(), returns)).toMatchObject({ returnedOn: '2026-12-20', returnComment: '第二次' });
  });

  it('closes a request approved after an earlier return', () => {
    expect(appraisalRequest(appraisal(), [filing('2026-12-15', { decision: 'returned' }), filing('2026-12-20')])).toBeNull();
  });

  it('ignores approvals of another appraisal, another branch, another collection or another kind', () => {
    const others = [
      filing('2026-12-15', { targetId: '01KAOTHEROTHEROTHEROTHEROT' }),
      filing('2026-12-15', { orgId: '01KAOTHERORGOTHERORGOTHERO' }),
      filing('2026-12-15', { targetCollection: 'dossiers' }),
      filing('2026-12-15', { kind: 'filing' }),
      filing('2026-12-15', { decision: 'returned', targetCollection: 'dossiers' }),
    ];
    expect(appraisalRequest(appraisal(), others)?.state).toBe('waiting');
  });

  it('is not among the dossier requests, nor they among its', () => {
    expect(committeeRequests(dossier(3), [filing('2024-05-12', { targetId: DOSSIER_ID })], '2024-05-12').map((r) => r.step)).toEqual([4]);
    expect(appraisalRequest(appraisal(), [approval(4, '2026-12-15', { targetId: APPRAISAL_ID })])?.state).toBe('waiting');
  });
});

describe('describeAppraisalRequest', () => {
  it('tells what waits for the committee and since when', () => {
    expect(describeAppraisalRequest(appraisalRequest(appraisal(), [])!)).toBe('2026年度民主评议结果备案：支部于 2026-12-12 报来，等待上级党委备案。');
  });

  it('tells the branch the committee returned it, why, and how to send it again', () => {
    const request = appraisalRequest(appraisal(), [filing('2026-12-15', { decision: 'returned', comment: '请补充民主测评统计表。' })])!;
    expect(describeAppraisalRequest(request)).toBe(
      '上级党委已于 2026-12-15 退回2026年度民主评议结果备案：请补充民主测评统计表。请按意见补正评议结果（需要时重新通知本人），修改后即重新报送。',
    );
  });
});

describe('applyAppraisalApproval', () => {
  it('files an appraisal whose 结果备案 the committee approved, changing nothing else', () => {
    const before = appraisal();
    expect(applyAppraisalApproval(before, filing('2026-12-15', { docNo: '水机党〔2026〕30号' }))).toEqual({ ...before, stage: 'filed' });
  });

  it('files it for a 备案 the committee marked as filed', () => {
    expect(applyAppraisalApproval(appraisal(), filing('2026-12-15', { decision: 'filed' }))?.stage).toBe('filed');
  });

  it('closes the committee request it answers', () => {
    const approved = filing('2026-12-15');
    expect(appraisalRequest(applyAppraisalApproval(appraisal(), approved)!, [approved])).toBeNull();
  });

  it('changes nothing the second time the same approval is applied', () => {
    const approved = filing('2026-12-15');
    expect(applyAppraisalApproval(applyAppraisalApproval(appraisal(), approved)!, approved)).toBeNull();
  });

  it('does nothing with a return', () => {
    expect(applyAppraisalApproval(appraisal(), filing('2026-12-15', { decision: 'returned', comment: '请补充' }))).toBeNull();
  });

  it('never touches an appraisal already filed', () => {
    expect(applyAppraisalApproval(appraisal({ stage: 'filed' }), filing('2026-12-15'))).toBeNull();
  });

  it('does not file an appraisal the branch set back before the results are told', () => {
    for (const stage of ['study', 'self-review', 'mutual-review', 'ballot', 'grading'] as const) {
      expect(applyAppraisalApproval(appraisal({ stage }), filing('2026-12-15'))).toBeNull();
    }
  });

  it('does nothing with a decision on another appraisal, branch or collection, or of another kind', () => {
    const before = appraisal();
    expect(applyAppraisalApproval(before, filing('2026-12-15', { targetId: '01KAOTHEROTHEROTHEROTHEROT' }))).toBeNull();
    expect(applyAppraisalApproval(before, filing('2026-12-15', { orgId: '01KAOTHERORGOTHERORGOTHERO' }))).toBeNull();
    expect(applyAppraisalApproval(before, filing('2026-12-15', { targetCollection: 'dossiers' }))).toBeNull();
    expect(applyAppraisalApproval(before, filing('2026-12-15', { kind: 'filing' }))).toBeNull();
  });

  it('does nothing with a decision that carries no valid date', () => {
    expect(applyAppraisalApproval(appraisal(), filing('2026-13-45'))).toBeNull();
  });

  it('leaves a dossier approval to applyApproval, and an appraisal approval out of the dossier', () => {
    expect(applyApproval(dossier(12), filing('2025-09-30', { targetId: DOSSIER_ID, step: 13 }))).toBeNull();
  });
});
