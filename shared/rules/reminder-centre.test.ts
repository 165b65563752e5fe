import { describe, expect, it } from 'vitest';
import { addMonths, daysBetween } from '../dates';
import type { AppraisalDoc, CareDoc, DuesDoc, MeetingDoc, MeetingKind, PersonDoc, TransferDoc } from '../model';
import { CENTRE_KIND_LABELS, reminderCentre, type CentreInput, type CentreItem, type CentreKind } from './reminder-centre';
import type { Reminder } from './reminders';

/**
 * The branch of these tests: 和平里社区第二党支部, five members, a secretary without a 支委会 (fewer than
 * seven full members), no 党小组; its ledger of dues began here in January 2025. 孙立新 transferred
 * out in March; 刘思远 has applied to join.
 */
const TODAY = '2026-05-20';
const ORG = 'ORG-HPL-2';
const MEMBER_IDS = ['WANG', 'LI', 'ZHANG', 'ZHAO', 'CHEN'];
const LEDGER_START = '2025-01';

function stamp(date: string) {
  return { orgId: ORG, createdAt: `${date}T10:00:00.000+08:00`, updatedAt: `${date}T10:00:00.000+08:00`, updatedBy: '本机' };
}

/** A full member on the roll, 在职 with a base of 4500.00 元 confirmed early this year, unless told otherwise. */
function person(id: string, name: string, overrides: Partial<PersonDoc> = {}): PersonDoc {
  return {
    id,
    ...stamp('2025-01-06'),
    name,
    gender: 'male',
    birthDate: '1971-10-02',
    category: 'employed',
    status: 'full',
    joinedOn: '1996-07-01',
    duesBaseFen: 450000,
    onRoll: true,
    history: [],
    ...overrides,
  };
}

function archived(p: PersonDoc, reason: NonNullable<PersonDoc['archived']>['reason'], on: string): PersonDoc {
  return { ...p, onRoll: false, archived: { reason, on } };
}

/** A meeting record of the branch held on `date`, with its attendance. */
function held(kind: MeetingKind, date: string, attendance: MeetingDoc['attendance'] = []): MeetingDoc {
  return { id: `${kind}-${date}`, ...stamp(date), kind, date, attendance, agenda: [{ title: '学习贯彻党的二十届四中全会精神' }], votes: [], status: 'final' };
}

const everyonePresent = (): MeetingDoc['attendance'] => MEMBER_IDS.map((personId) => ({ personId, state: 'present' }));

/** 'YYYY-MM' from `from` to `to`, both included. */
function monthsFrom(from: string, to: string): string[] {
  const months: string[] = [];
  for (let month = from; month <= to; month = addMonths(`${month}-01`, 1).slice(0, 7)) months.push(month);
  return months;
}

const lastMonth = (today: string) => addMonths(`${today.slice(0, 7)}-01`, -1).slice(0, 7);

/**
 * Every meeting the branch must hold, from January of last year to `today`: a 主题党日 each month,
 * a 支部党员大会 and a 党课 in the first month of each quarter, the 组织生活会 and the 民主评议 in
 * December; all on the 8th, everyone present.
 */
function meetingsUpTo(today: string): MeetingDoc[] {
  const meetings: MeetingDoc[] = [];
  for (const month of monthsFrom(`${Number(today.slice(0, 4)) - 1}-01`, today.slice(0, 7))) {
    const date = `${month}-08`;
    if (date > today) break;
    const m = Number(month.slice(5, 7));
    meetings.push(held('theme-day', date, everyonePresent()));
    if (m % 3 === 1) meetings.push(held('assembly', date, everyonePresent()), held('lecture', date));
    if (m === 12) meetings.push(held('life-meeting', date, everyonePresent()), held('appraisal', date, everyonePresent()));
  }
  return meetings;
}

/** A month of dues paid in full, on the 10th unless told otherwise. */
function paid(personId: string, month: string, paidOn = `${month}-10`): DuesDoc {
  return { id: `D-${personId}-${month}`, ...stamp(paidOn), personId, month, category: 'employed', amountFen: 2250, paidFen: 2250, paidOn };
}

let careSeq = 0;
function care(personId: string, kind: CareDoc['kind'], date: string, extra: Partial<CareDoc> = {}): CareDoc {
  careSeq += 1;
  return { id: `C${careSeq}`, ...stamp(date), personId, kind, date, ...extra };
}

/** 孙立新's letter to 杭州 (市外, 30 days), its 回执 back on 20 March. */
const SUN_LETTER: TransferDoc = {
  id: 'T-SUN',
  ...stamp('2026-03-02'),
  direction: 'out',
  personId: 'SUN',
  name: '孙立新',
  fromOrg: '中共和平里社区第二支部委员会',
  toOrg: '中共杭州市西湖区文新街道委员会',
  receivingCommittee: '中共杭州市西湖区委组织部',
  scope: 'province',
  letterNo: '2026-001',
  issuedOn: '2026-03-02',
  validDays: 30,
  duesPaidTo: '2026-02',
  receiptOn: '2026-03-20',
  state: 'open',
};

/**
 * The branch on `today` with nothing due: every meeting held, every month paid, every base confirmed
 * this year, everyone talked to a month ago, last year's 民主评议 filed, a term elected last June, the
 * probationary member's year ending in December, no high birthday near.
 */
function quietBranch(today: string): CentreInput {
  const year = today.slice(0, 4);
  const members = [
    person('WANG', '王建国', { category: 'retired', birthDate: '1956-03-12', joinedOn: '1985-07-01', duesBaseFen: 520000 }),
    person('LI', '李秀英', { gender: 'female', category: 'retired', birthDate: '1946-09-28', joinedOn: '1978-06-20', duesBaseFen: 410000 }),
    person('ZHANG', '张建华'),
    person('ZHAO', '赵丽华', { gender: 'female', birthDate: '1985-06-30', joinedOn: '2008-12-15', duesBaseFen: 380000 }),
    person('CHEN', '陈晓明', { status: 'probationary', birthDate: '1990-04-16', joinedOn: '2025-12-18', duesBaseFen: 600000 }),
  ].map((p) => ({ ...p, duesBaseSetOn: `${year}-01-05` }));
  return {
    today,
    org: {
      terms: [{ electedOn: '2025-06-18', years: 3 }],
      groups: [],
      committee: [{ role: 'secretary', name: '王建国', personId: 'WANG' }],
      dues: { ledgerStart: LEDGER_START },
    },
    people: [
      ...members,
      archived(person('SUN', '孙立新', { birthDate: '1988-11-03' }), 'transferred-out', '2026-03-02'),
      person('LIU', '刘思远', { status: 'applicant', birthDate: '2001-02-14', joinedOn: undefined, duesBaseFen: undefined }),
    ],
    recruitment: [],
    meetings: meetingsUpTo(today),
    dues: MEMBER_IDS.flatMap((id) => monthsFrom(LEDGER_START, lastMonth(today)).map((month) => paid(id, month))),
    care: MEMBER_IDS.map((id) => care(id, 'talk', addMonths(today, -1))),
    transfers: [SUN_LETTER],
    appraisals: [{ year: Number(year) - 1, stage: 'filed' }],
  };
}

/** A recruitment deadline as recruitmentReminders gives it on TODAY. */
function deadline(name: string, date: string, label: string, rule: string, today = TODAY): Reminder {
  const daysLeft = daysBetween(today, date);
  return { name, date, label, daysLeft, overdue: daysLeft < 0, rule };
}

const withPerson = (people: readonly PersonDoc[], id: string, changes: Partial<PersonDoc>) => people.map((p) => (p.id === id ? { ...p, ...changes } : p));

/** The quiet branch on TODAY with one cause of every kind of reminder. */
function busyBranch(): CentreInput {
  const quiet = quietBranch(TODAY);
  let people = withPerson(quiet.people, 'LI', { duesBaseSetOn: '2025-01-06', birthDate: '1946-05-28' }); // base not confirmed this year; 80 on 28 May
  people = withPerson(people, 'CHEN', { joinedOn: '2025-05-12' }); // probation ended on 12 May
  return {
    ...quiet,
    org: { ...quiet.org, terms: [{ electedOn: '2023-06-28', years: 3 }] }, // the term ends on 28 June
    people,
    recruitment: [deadline('刘思远', '2026-05-25', '派人与入党申请人谈话', 'R-TALK-1M')],
    meetings: quiet.meetings
      .filter((m) => m.id !== 'lecture-2026-01-08') // no 党课 recorded in the first quarter
      .map((m) => (m.date >= '2026-02-01' ? { ...m, attendance: m.attendance.map((a) => (a.personId === 'ZHAO' ? { ...a, state: 'absent' as const } : a)) } : m)), // 赵丽华 absent since February
    dues: quiet.dues.filter((d) => !(d.personId === 'ZHANG' && d.month >= '2026-02')), // 张建华 has not paid since February
    care: [
      ...quiet.care.filter((c) => c.personId !== 'WANG'),
      care('WANG', 'visit', '2026-01-25', { occasion: '节日慰问' }), // 王建国 not contacted since 春节
      care('LI', 'visit', '2026-05-02', { occasion: '生病住院' }), // 李秀英 in hospital
      care('LI', 'visit', '2026-05-10', { occasion: '生病住院' }),
    ],
    transfers: quiet.transfers.map(({ receiptOn: _, ...t }) => t), // 孙立新's 回执 not back
    appraisals: [{ year: 2025, stage: 'ballot' }], // last year's 民主评议 not finished
  };
}

/** The one item of a kind. */
function itemOf(items: readonly CentreItem[], kind: CentreKind): CentreItem {
  const found = items.filter((i) => i.kind === kind);
  expect(found, `one item of kind ${kind}`).toHaveLength(1);
  return found[0]!;
}

/** Fixing one cause takes its item away and leaves every other item as it was. */
function expectOnlyGone(before: readonly CentreItem[], after: readonly CentreItem[], kind: CentreKind) {
  expect(after).toEqual(before.filter((i) => i.kind !== kind));
}

const ALL_KINDS = Object.keys(CENTRE_KIND_LABELS) as CentreKind[];

describe('reminderCentre: the branches of these tests', () => {
  it('has nothing to remind a branch where nothing is due', () => {
    expect(reminderCentre(quietBranch(TODAY)).map((i) => i.title)).toEqual([]);
  });

  it('gives the busy branch one item of every kind, each with its own key', () => {
    const items = reminderCentre(busyBranch());
    expect(items.map((i) => i.kind).sort()).toEqual([...ALL_KINDS].sort());
    expect(new Set(items.map((i) => i.key)).size).toBe(items.length);
  });
});

describe('reminderCentre: each kind appears with its cause and clears when it is fixed', () => {
  it('reminds of a recruitment deadline until the step is recorded', () => {
    const busy = busyBranch();
    const before = reminderCentre(busy);
    expect(itemOf(before, 'recruitment')).toEqual({
      key: 'recruitment|刘思远|R-TALK-1M|2026-05-25',
      kind: 'recruitment',
      urgency: 'soon',
      title: '刘思远：派人与入党申请人谈话',
      detail: '在2026-05-25前完成，还有5天',
      date: '2026-05-25',
      link: '/recruitment',
    });
    // The talk is recorded in the dossier: recruitmentReminders has nothing more for him.
    expectOnlyGone(before, reminderCentre({ ...busy, recruitment: [] }), 'recruitment');
  });

  it('says how long ago a recruitment deadline passed', () => {
    const items = reminderCentre({ ...quietBranch(TODAY), recruitment: [deadline('刘思远', '2026-05-08', '派人与入党申请人谈话', 'R-TALK-1M')] });
    expect(itemOf(items, 'recruitment')).toMatchObject({ urgency: 'overdue', detail: '应在2026-05-08前完成，已过期12天' });
  });

  it('reminds of a 党课 not given in a past quarter until it is held or recorded', () => {
    const busy = busyBranch();
    const before = reminderCentre(busy);
    expect(itemOf(before, 'meetings')).toMatchObject({
      key: 'meetings|lecture||2026-01-01',
      urgency: 'overdue',
      title: '2026年第一季度未召开党课（按规定每季度至少上一次）。',
      date: '2026-03-31',
      link: '/meetings',
    });
    // The 党课 of 26 March had not been entered: the secretary records it.
    expectOnlyGone(before, reminderCentre({ ...busy, meetings: [...busy.meetings, held('lecture', '2026-03-26')] }), 'meetings');
  });

  it('does not ask for a meeting whose month or quarter is still running', () => {
    const quiet = quietBranch(TODAY);
    // May's 主题党日 and the second quarter's 大会 and 党课 not held yet; the year's 组织生活会 neither.
    const running = ['theme-day-2026-05-08', 'assembly-2026-04-08', 'lecture-2026-04-08'];
    expect(reminderCentre({ ...quiet, meetings: quiet.meetings.filter((m) => !running.includes(m.id)) })).toEqual([]);
  });

  it('reminds of three months of dues unpaid until they are paid', () => {
    const busy = busyBranch();
    const before = reminderCentre(busy);
    expect(itemOf(before, 'dues')).toEqual({
      key: 'dues|ZHANG',
      kind: 'dues',
      urgency: 'soon',
      title: '张建华已连续3个月未交党费',
      detail: '支部书记或支部委员与本人谈话，提醒按月交纳党费',
      link: '/dues',
    });
    const payment = ['2026-02', '2026-03', '2026-04'].map((month) => paid('ZHANG', month, TODAY));
    expectOnlyGone(before, reminderCentre({ ...busy, dues: [...busy.dues, ...payment] }), 'dues');
  });

  it('counts six months of dues unpaid as overdue', () => {
    const quiet = quietBranch(TODAY);
    const items = reminderCentre({ ...quiet, dues: quiet.dues.filter((d) => !(d.personId === 'ZHANG' && d.month >= '2025-11')) });
    expect(itemOf(items, 'dues')).toMatchObject({ urgency: 'overdue', title: '张建华已连续6个月未交党费' });
  });

  it('reminds of a dues base not confirmed this year until it is', () => {
    const busy = busyBranch();
    const before = reminderCentre(busy);
    expect(itemOf(before, 'dues-base')).toMatchObject({
      key: 'dues-base|2026',
      urgency: 'later',
      title: '1人今年的党费基数还没有核定',
      detail: expect.stringMatching(/^李秀英：/),
      link: '/dues',
    });
    // Her pension has not changed: the secretary confirms the same base for this year.
    expectOnlyGone(before, reminderCentre({ ...busy, people: withPerson(busy.people, 'LI', { duesBaseSetOn: TODAY }) }), 'dues-base');
  });

  it('reminds of a member missing organizational life for three months until the member takes part', () => {
    const busy = busyBranch();
    const before = reminderCentre(busy);
    expect(itemOf(before, 'life')).toMatchObject({
      key: 'life|ZHAO',
      urgency: 'soon',
      title: '赵丽华已连续3个月没有参加组织生活',
      detail: expect.stringContaining('请及时谈心谈话'),
      link: '/care',
    });
    const assembly = held('assembly', '2026-05-19', everyonePresent());
    expectOnlyGone(before, reminderCentre({ ...busy, meetings: [...busy.meetings, assembly] }), 'life');
  });

  it('reminds of a 回执 not back after the letter expired, though the member has left the roll, until it is recorded', () => {
    const busy = busyBranch();
    const before = reminderCentre(busy);
    expect(itemOf(before, 'transfer')).toEqual({
      key: 'transfer|T-SUN',
      kind: 'transfer',
      urgency: 'overdue',
      title: '孙立新的组织关系介绍信回执未回',
      detail: '介绍信2026-04-01已到期，已过49天：请与中共杭州市西湖区委组织部联系',
      date: '2026-04-01',
      link: '/transfers',
    });
    expectOnlyGone(before, reminderCentre({ ...busy, transfers: busy.transfers.map((t) => ({ ...t, receiptOn: '2026-05-18' })) }), 'transfer');
  });

  it('reminds of a probation that has ended until the member is confirmed', () => {
    const busy = busyBranch();
    const before = reminderCentre(busy);
    expect(itemOf(before, 'probation')).toMatchObject({
      key: 'probation|CHEN|2026-05-12',
      urgency: 'overdue',
      title: '陈晓明的预备期已于2026-05-12期满',
      date: '2026-05-12',
      link: '/recruitment',
    });
    // The 支部党员大会 of 19 May confirmed him as a full member from the end of his probation.
    expectOnlyGone(before, reminderCentre({ ...busy, people: withPerson(busy.people, 'CHEN', { status: 'full', confirmedOn: '2026-05-12' }) }), 'probation');
  });

  it('leaves the probation of a member with a dossier to the dossier’s own deadlines (no reminder twice)', () => {
    const busy = busyBranch();
    expect(itemOf(reminderCentre(busy), 'probation').title).toContain('陈晓明');
    expect(reminderCentre({ ...busy, probationEnds: new Map([['CHEN', '2026-05-12']]) }).filter((i) => i.kind === 'probation')).toEqual([]);
  });

  it('looks no further than thirty days ahead for a probation ending', () => {
    const quiet = quietBranch(TODAY);
    const ending = (joinedOn: string) => reminderCentre({ ...quiet, people: withPerson(quiet.people, 'CHEN', { status: 'probationary', joinedOn }) });
    expect(ending('2025-06-20').filter((i) => i.kind === 'probation')).toEqual([]);
    expect(itemOf(ending('2025-06-19'), 'probation')).toMatchObject({ urgency: 'later', title: '陈晓明的预备期将于2026-06-19期满' });
    expect(itemOf(ending('2025-05-27'), 'probation').urgency).toBe('soon');
  });

  it('reminds of the term ending within six months until the new committee is elected', () => {
    const busy = busyBranch();
    const before = reminderCentre(busy);
    expect(itemOf(before, 'term')).toMatchObject({
      key: 'term|2023-06-28',
      urgency: 'later',
      title: '本届任期将于 2026-06-28 届满，请提前做好换届准备，并向上级党组织报告。',
      date: '2026-06-28',
      link: '/roster',
    });
    const terms = [...busy.org.terms, { electedOn: '2026-05-19', years: 3 }];
    expectOnlyGone(before, reminderCentre({ ...busy, org: { ...busy.org, terms } }), 'term');
  });

  it('counts a term past its end as overdue', () => {
    const quiet = quietBranch(TODAY);
    const items = reminderCentre({ ...quiet, org: { ...quiet.org, terms: [{ electedOn: '2023-05-10', years: 3 }] } });
    expect(itemOf(items, 'term')).toMatchObject({ urgency: 'overdue', title: expect.stringContaining('已于 2026-05-10 届满'), date: '2026-05-10' });
  });

  it('reminds of a member not contacted for three months until someone calls or visits', () => {
    const busy = busyBranch();
    const before = reminderCentre(busy);
    expect(itemOf(before, 'not-contacted')).toEqual({
      key: 'not-contacted|3',
      kind: 'not-contacted',
      urgency: 'later',
      title: '1人3个月以上没有联系',
      detail: '王建国：打个电话或上门看看',
      link: '/care',
    });
    expectOnlyGone(before, reminderCentre({ ...busy, care: [...busy.care, care('WANG', 'visit', TODAY)] }), 'not-contacted');
  });

  it('names at most five members not contacted, then 等', () => {
    const quiet = quietBranch(TODAY);
    const people = [...quiet.people, person('QIAN', '钱桂兰'), person('ZHOU', '周文华')];
    const items = reminderCentre({ ...quiet, people, org: { ...quiet.org, dues: undefined }, care: [] });
    expect(itemOf(items, 'not-contacted')).toMatchObject({ title: '7人3个月以上没有联系', detail: '王建国、李秀英、张建华、赵丽华、陈晓明等：打个电话或上门看看' });
  });

  it('reminds of a member in hospital until the discharge is recorded', () => {
    const busy = busyBranch();
    const before = reminderCentre(busy);
    expect(itemOf(before, 'hospital')).toEqual({
      key: 'hospital|LI|2026-05-02',
      kind: 'hospital',
      urgency: 'later',
      title: '李秀英2026-05-02起住院',
      detail: '上次探望是2026-05-10（10天前）；出院了就在关怀走访里登记出院',
      link: '/care',
    });
    const discharged = busy.care.map((c) => (c.personId === 'LI' && c.date === '2026-05-10' ? { ...c, dischargedOn: '2026-05-16' } : c));
    expectOnlyGone(before, reminderCentre({ ...busy, care: discharged }), 'hospital');
  });

  it('asks for another hospital visit when the last one is two weeks old', () => {
    const quiet = quietBranch(TODAY);
    const stay = (lastVisit: string) => reminderCentre({ ...quiet, care: [...quiet.care, care('LI', 'visit', '2026-04-28', { occasion: '生病住院' }), care('LI', 'visit', lastVisit, { occasion: '生病住院' })] });
    expect(itemOf(stay('2026-05-07'), 'hospital').urgency).toBe('later');
    expect(itemOf(stay('2026-05-06'), 'hospital').urgency).toBe('soon');
  });

  it('reminds of an 80th birthday in the coming month until the day has passed', () => {
    const busy = busyBranch();
    const before = reminderCentre(busy);
    expect(itemOf(before, 'birthday')).toEqual({
      key: 'birthday|LI|2026-05-28',
      kind: 'birthday',
      urgency: 'later',
      title: '李秀英2026-05-28满80岁',
      detail: '生日/高龄慰问',
      date: '2026-05-28',
      link: '/care',
    });
    expect(itemOf(reminderCentre({ ...busy, today: '2026-05-21' }), 'birthday').urgency).toBe('soon');
    // The other items change their wording as days pass, but not their keys.
    const keys = (items: CentreItem[]) => items.map((i) => i.key).sort();
    expect(keys(reminderCentre({ ...busy, today: '2026-05-29' }))).toEqual(keys(before.filter((i) => i.kind !== 'birthday')));
  });

  it('clears the birthday once the 生日/高龄 visit is recorded, but not for an older visit of another kind', () => {
    const busy = busyBranch();
    const before = reminderCentre(busy);
    const withVisit = (record: CareDoc) => reminderCentre({ ...busy, care: [...busy.care, record] });
    expectOnlyGone(before, withVisit(care('LI', 'visit', '2026-05-19', { occasion: '生日/高龄', given: '蛋糕一个' })), 'birthday');
    expect(itemOf(withVisit(care('LI', 'visit', '2026-03-19', { occasion: '生日/高龄' })), 'birthday').key).toBe('birthday|LI|2026-05-28');
  });

  it('reminds of last year’s 民主评议 not finished until the results are notified', () => {
    const busy = busyBranch();
    const before = reminderCentre(busy);
    expect(itemOf(before, 'appraisal')).toMatchObject({
      key: 'appraisal|2025',
      urgency: 'overdue',
      title: '2025年度民主评议党员还没有完成',
      date: '2026-03-31',
      link: '/appraisal',
    });
    const notified: CentreInput['appraisals'] = [{ year: 2025, stage: 'notified' }];
    expectOnlyGone(before, reminderCentre({ ...busy, appraisals: notified }), 'appraisal');
  });
});

describe('reminderCentre: 民主评议 through the year', () => {
  const withAppraisals = (today: string, appraisals: Pick<AppraisalDoc, 'year' | 'stage'>[]) => ({ ...quietBranch(today), appraisals });

  it('asks about this year’s appraisal only from November', () => {
    expect(reminderCentre(quietBranch('2026-10-31'))).toEqual([]);
    expect(reminderCentre(quietBranch('2026-11-01'))).toEqual([
      {
        key: 'appraisal|2026',
        kind: 'appraisal',
        urgency: 'later',
        title: '2026年度民主评议党员还没有开始',
        detail: '结合年度组织生活会进行，一般在2027-03-31前完成并把结果通知本人、报上级党委备案',
        date: '2027-03-31',
        link: '/appraisal',
      },
    ]);
  });

  it('says this year’s appraisal is under way once begun, and stops asking once the results are notified', () => {
    const items = reminderCentre(withAppraisals('2026-11-10', [{ year: 2025, stage: 'filed' }, { year: 2026, stage: 'self-review' }]));
    expect(itemOf(items, 'appraisal').title).toBe('2026年度民主评议党员还没有完成');
    expect(reminderCentre(withAppraisals('2026-11-10', [{ year: 2025, stage: 'filed' }, { year: 2026, stage: 'notified' }]))).toEqual([]);
  });

  it('counts last year’s appraisal due soon in March and overdue after 31 March', () => {
    const urgency = (today: string) => itemOf(reminderCentre(withAppraisals(today, [{ year: 2025, stage: 'ballot' }])), 'appraisal').urgency;
    expect(urgency('2026-02-27')).toBe('later');
    expect(urgency('2026-03-01')).toBe('soon');
    expect(urgency('2026-03-31')).toBe('soon');
    expect(urgency('2026-04-01')).toBe('overdue');
  });

  it('asks about last year’s appraisal never begun in the app until 31 March, then takes it as done on paper', () => {
    expect(itemOf(reminderCentre(withAppraisals('2026-03-31', [])), 'appraisal')).toMatchObject({ key: 'appraisal|2025', urgency: 'soon', title: '2025年度民主评议党员还没有开始' });
    expect(reminderCentre(withAppraisals('2026-04-01', []))).toEqual([]);
  });
});

describe('reminderCentre: order and keys', () => {
  it('puts what is overdue first, then what is due soon, then what is further off, each by date', () => {
    const recruitment = [
      deadline('王小燕', '2026-06-15', '上级党委派人谈话（须在审批前）', 'R-TALK-BEFORE-APPROVAL'),
      deadline('刘思远', '2026-05-10', '派人与入党申请人谈话', 'R-TALK-1M'),
      deadline('周明', '2026-05-25', '上级党委审批接收预备党员', 'R-APPROVAL-3M'),
      deadline('陈静', '2026-05-01', '派人与入党申请人谈话', 'R-TALK-1M'),
    ];
    const items = reminderCentre({ ...quietBranch(TODAY), recruitment });
    expect(items.map((i) => [i.urgency, i.title])).toEqual([
      ['overdue', '陈静：派人与入党申请人谈话'],
      ['overdue', '刘思远：派人与入党申请人谈话'],
      ['soon', '周明：上级党委审批接收预备党员'],
      ['later', '王小燕：上级党委派人谈话（须在审批前）'],
    ]);
  });

  it('puts the items without a date after the dated ones of the same urgency, by title', () => {
    expect(reminderCentre(busyBranch()).map((i) => i.title)).toEqual([
      '2025年度民主评议党员还没有完成',
      '2026年第一季度未召开党课（按规定每季度至少上一次）。',
      '孙立新的组织关系介绍信回执未回',
      '陈晓明的预备期已于2026-05-12期满',
      '刘思远：派人与入党申请人谈话',
      '张建华已连续3个月未交党费',
      '赵丽华已连续3个月没有参加组织生活',
      '李秀英2026-05-28满80岁',
      '本届任期将于 2026-06-28 届满，请提前做好换届准备，并向上级党组织报告。',
      '1人3个月以上没有联系',
      '1人今年的党费基数还没有核定',
      '李秀英2026-05-02起住院',
    ]);
  });

  it('gives the same items on every run', () => {
    const busy = busyBranch();
    expect(reminderCentre(busy)).toEqual(reminderCentre(busy));
  });

  it('keeps every key from one day to the next while the causes last', () => {
    const busy = busyBranch();
    const keys = (today: string) => reminderCentre({ ...busy, today }).map((i) => i.key).sort();
    expect(keys('2026-05-21')).toEqual(keys(TODAY));
  });

  it('keeps the key of an item whose wording changes, as arrears grow by a month', () => {
    const busy = busyBranch();
    const june = itemOf(reminderCentre({ ...busy, today: '2026-06-02' }), 'dues');
    expect(june.title).toBe('张建华已连续4个月未交党费');
    expect(june.key).toBe(itemOf(reminderCentre(busy), 'dues').key);
  });
});

describe('reminderCentre: what it leaves out', () => {
  it('says nothing of dues or bases until the branch has begun its ledger here', () => {
    const busy = busyBranch();
    const withLedger = reminderCentre(busy);
    const withoutLedger = reminderCentre({ ...busy, org: { ...busy.org, dues: undefined } });
    expect(withoutLedger).toEqual(withLedger.filter((i) => i.kind !== 'dues' && i.kind !== 'dues-base'));
    expect(reminderCentre({ ...busy, org: { ...busy.org, dues: { farmerFen: 50 } } })).toEqual(withoutLedger);
  });

  it('never reminds of archived people, whatever their records say', () => {
    const quiet = quietBranch(TODAY);
    // 周桂兰 died in April, a week before her 90th birthday, in hospital, dues and base behind, absent
    // since February; 吴志刚 was removed in April, his probation ending on 15 May.
    const zhou = archived(person('ZHOU', '周桂兰', { gender: 'female', category: 'retired', birthDate: '1936-06-01', duesBaseSetOn: '2025-01-06' }), 'deceased', '2026-04-25');
    const wu = archived(person('WU', '吴志刚', { status: 'probationary', joinedOn: '2025-05-15' }), 'removed', '2026-04-30');
    const absent = (m: MeetingDoc): MeetingDoc => (m.date >= '2026-02-01' ? { ...m, attendance: [...m.attendance, { personId: 'ZHOU', state: 'absent' }, { personId: 'WU', state: 'absent' }] } : m);
    expect(
      reminderCentre({
        ...quiet,
        people: [...quiet.people, zhou, wu],
        meetings: quiet.meetings.map(absent),
        care: [...quiet.care, care('ZHOU', 'visit', '2026-04-10', { occasion: '生病住院' })],
      }),
    ).toEqual([]);
  });

  it('leaves out applicants, activists and candidates, who are no members yet', () => {
    const quiet = quietBranch(TODAY);
    // 刘思远 has no dues rows, no base and no care record: none of it is due before he is admitted.
    for (const status of ['applicant', 'activist', 'candidate'] as const) {
      expect(reminderCentre({ ...quiet, people: withPerson(quiet.people, 'LIU', { status }) })).toEqual([]);
    }
  });
});

describe('reminderCentre: 三会一课 across the new year', () => {
  const withoutDecemberThemeDay = (today: string) => {
    const quiet = quietBranch(today);
    return { ...quiet, meetings: quiet.meetings.filter((m) => m.id !== 'theme-day-2026-12-08') };
  };

  it('reminds on 31 December of the 主题党日 not held in December', () => {
    expect(reminderCentre(withoutDecemberThemeDay('2026-12-31'))).toContainEqual(expect.objectContaining({ kind: 'meetings', title: '2026年12月未召开主题党日（按规定每月开展一次）。' }));
  });

  // BUG (reminder-centre.ts, the 三会一课 block): compliance is computed from 1 January of today's
  // year only, so December's meetings, the fourth quarter's and the year's 组织生活会 are "still
  // open" until 31 December and out of the period from 1 January: they are reminded on one day at most.
  it('still reminds in January of the 主题党日 not held in December', () => {
    expect(reminderCentre(withoutDecemberThemeDay('2027-01-04'))).toContainEqual(expect.objectContaining({ kind: 'meetings', title: '2026年12月未召开主题党日（按规定每月开展一次）。' }));
  });
});
