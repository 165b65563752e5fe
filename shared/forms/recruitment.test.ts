/**
 * The printed recruitment forms, read as a secretary reads the paper: the text in reading order
 * (formText) and the blocks. Filled from one person's dossier, or blank for filling by hand.
 */
import { describe, expect, it } from 'vitest';
import { recruitmentEvents } from '../demo';
import type { DossierDoc, PersonDoc } from '../model';
import { checkTimeline, timelineFromDossier } from '../rules/recruitment';
import { cnDate, formText, type FormBlock, type FormDocument } from './document';
import { formsForDossier, RECRUITMENT_FORMS, recruitmentForm, type FormSource, type RecruitmentFormKind } from './recruitment';

type Event = DossierDoc['events'][number];
type Vote = NonNullable<Event['vote']>;

const BRANCH: FormSource['branch'] = { name: '市水利局离退休干部党支部', parentName: '中共市水利局机关委员会', committee: [] };
const TODAY = '2025-12-01';
const NAME = '陈思远';
const CONTACTS = ['张建华', '李秀英'];
const INTRODUCERS = ['王德明', '赵丽华'];

/** 41 full members, 3 excluded with consent: 38 expected, 33 present; 32 for, 1 against. */
const ADMIT_VOTE: Vote = { fullMembers: 41, excluded: 3, presentVoting: 33, yes: 32, no: 1, abstain: 0 };
/** 42 full members, 2 excluded: 40 expected, 36 present; 35 for, 1 abstaining. */
const CONFIRM_VOTE: Vote = { fullMembers: 42, excluded: 2, presentVoting: 36, yes: 35, no: 0, abstain: 1 };

/** 陈思远 went through every step: 申请 2023-03-01, 支部大会 2024-09-10, 转正 2025-09-10, 归档 2025-11-10. */
const ALL_STEPS: readonly Event[] = [
  { step: 1, date: '2023-03-01' },
  { step: 2, date: '2023-03-20', people: ['张建华'] },
  { step: 3, date: '2023-06-01', note: '党小组推荐' },
  { step: 4, date: '2023-06-08', docNo: '水机党备〔2023〕3号' },
  { step: 5, date: '2023-06-01', people: [...CONTACTS] },
  { step: 6, date: '2023-12-01' },
  { step: 7, date: '2024-06-03' },
  { step: 8, date: '2024-06-10', docNo: '水机党备〔2024〕5号' },
  { step: 9, date: '2024-06-12', people: [...INTRODUCERS] },
  { step: 10, date: '2024-06-20', endDate: '2024-07-15', conclusion: '政治审查合格' },
  { step: 11, date: '2024-07-08', endDate: '2024-07-10' },
  { step: 12, date: '2024-08-01' },
  { step: 13, date: '2024-08-20', docNo: '水机党预〔2024〕2号', publicity: { from: '2024-08-05', to: '2024-08-09' } },
  { step: 14, date: '2024-08-26' },
  { step: 15, date: '2024-09-10', vote: ADMIT_VOTE },
  { step: 16, date: '2024-10-09' },
  { step: 17, date: '2024-11-05', docNo: '水机党批〔2024〕4号' },
  { step: 18, date: '2024-11-15' },
  { step: 19, date: '2024-11-18' },
  { step: 20, date: '2024-12-02' },
  { step: 21, date: '2025-03-01' },
  { step: 22, date: '2025-08-25' },
  { step: 23, date: '2025-09-10', outcome: '按期转正', vote: CONFIRM_VOTE, publicity: { from: '2025-08-27', to: '2025-09-02' } },
  { step: 24, date: '2025-10-20' },
  { step: 25, date: '2025-11-10' },
];

function person(overrides: Partial<PersonDoc> = {}): PersonDoc {
  return {
    id: 'P0000000000000000000000001',
    orgId: 'ORG',
    createdAt: '2023-03-01T00:00:00.000Z',
    updatedAt: '2025-11-10T00:00:00.000Z',
    updatedBy: '测试',
    name: NAME,
    gender: 'male',
    ethnicity: '汉族',
    birthDate: '1995-06-15',
    nativePlace: '浙江绍兴',
    education: 'bachelor',
    workUnit: '市水利局办公室',
    position: '科员',
    category: 'employed',
    status: 'full',
    onRoll: true,
    history: [],
    ...overrides,
  };
}

function dossier(events: readonly Event[] = ALL_STEPS, overrides: Partial<DossierDoc> = {}): DossierDoc {
  return {
    id: 'D0000000000000000000000001',
    orgId: 'ORG',
    createdAt: '2023-03-01T00:00:00.000Z',
    updatedAt: '2025-11-10T00:00:00.000Z',
    updatedBy: '测试',
    personId: 'P0000000000000000000000001',
    state: 'open',
    events: events.map((e) => ({ ...e })),
    // Two 培养考察 before step 7, two during the probation.
    evaluations: [
      { date: '2023-12-01', by: '李秀英', note: '积极参加支部活动' },
      { date: '2024-05-20', by: '李秀英', note: '工作认真负责' },
      { date: '2024-11-15', by: '王德明', note: '预备期表现良好' },
      { date: '2025-05-10', by: '赵丽华', note: '预备期表现良好' },
    ],
    thoughtReports: [{ date: '2023-04-15' }, { date: '2023-07-15' }, { date: '2023-10-15' }],
    trainings: [{ date: '2024-07-08', endDate: '2024-07-10', hours: 24 }],
    scans: [
      { id: 'scan-1', title: '入党申请书第1页', step: 1, addedAt: '2023-03-02T00:00:00.000Z' },
      { id: 'scan-2', title: '入党申请书第2页', step: 1, addedAt: '2023-03-02T00:00:00.000Z' },
      { id: 'scan-3', title: '支部大会会议记录', step: 15, addedAt: '2024-09-11T00:00:00.000Z' },
      { id: 'scan-4', title: '照片', addedAt: '2024-09-11T00:00:00.000Z' },
    ],
    volunteerBookNo: 'ZY-2024-0007',
    ...overrides,
  };
}

/** The fixture's events with some steps changed or added. */
function withSteps(changes: Partial<Record<number, Partial<Event>>>, events: readonly Event[] = ALL_STEPS): Event[] {
  return events.map((e) => (changes[e.step] ? { ...e, ...changes[e.step] } : e));
}

const filled = (events: readonly Event[] = ALL_STEPS, p: PersonDoc = person()): FormSource => ({ branch: BRANCH, person: p, dossier: dossier(events), today: TODAY });
const blank: FormSource = { branch: BRANCH, today: TODAY };
const text = (kind: RecruitmentFormKind, source: FormSource = filled()): string => formText(recruitmentForm(kind, source));

function tableOf(form: FormDocument): Extract<FormBlock, { kind: 'table' }> {
  const table = form.blocks.find((b): b is Extract<FormBlock, { kind: 'table' }> => b.kind === 'table');
  if (!table) throw new Error(`${form.kind} has no table`);
  return table;
}

const FIXTURE_NAMES = [NAME, ...CONTACTS, ...INTRODUCERS, BRANCH.name, BRANCH.parentName];
const GUIDES: readonly RecruitmentFormKind[] = ['application-guide', 'confirm-application-guide'];

describe('every recruitment form', () => {
  it('has a kind of its own', () => {
    const kinds = RECRUITMENT_FORMS.map((f) => f.kind);
    expect(new Set(kinds).size).toBe(kinds.length);
  });

  it.each(RECRUITMENT_FORMS)('$name ($kind) is filled with the person’s name', ({ kind }) => {
    const form = recruitmentForm(kind, filled());
    expect(form.kind).toBe(kind);
    expect(form.title).not.toBe('');
    expect(formText(form)).toContain(NAME);
  });

  it.each(RECRUITMENT_FORMS)('$name ($kind) prints blank without a person or dossier', ({ kind }) => {
    const form = recruitmentForm(kind, blank);
    expect(form.kind).toBe(kind);
    const printed = formText(form);
    for (const name of FIXTURE_NAMES) expect(printed).not.toContain(name);
    // No date of the fixture either: nothing is made up.
    expect(printed).not.toMatch(/20\d\d年\d/);
  });

  it.each(RECRUITMENT_FORMS.filter((f) => !GUIDES.includes(f.kind)))('$name ($kind) left blank has lines to write on', ({ kind }) => {
    expect(text(kind, blank)).toContain('＿');
  });
});

describe('支部大会决议（接收预备党员）', () => {
  it('prints the meeting date, the numbers of the vote, the introducers and the decision', () => {
    const printed = text('resolution-admit');
    expect(printed).toContain('支部大会决议');
    expect(printed).toContain(`中共${BRANCH.name}于2024年9月10日召开支部党员大会`);
    expect(printed).toContain('应到会有表决权的正式党员38名');
    expect(printed).toContain('实到会有表决权的正式党员33名');
    expect(printed).toContain('赞成32票');
    expect(printed).toContain('反对1票');
    expect(printed).toContain('弃权0票');
    expect(printed).toContain('王德明');
    expect(printed).toContain('赵丽华');
    expect(printed).toContain('同意接收陈思远同志为中共预备党员');
    expect(printed).not.toContain('未通过');
  });

  it('counts the written opinions of absent members as votes', () => {
    const vote: Vote = { ...ADMIT_VOTE, presentVoting: 30, yes: 29, no: 1, abstain: 0, writtenYes: 2, writtenNo: 1 };
    const printed = text('resolution-admit', filled(withSteps({ 15: { vote } })));
    expect(printed).toContain('未到会党员提交书面意见3份');
    expect(printed).toContain('赞成31票');
    expect(printed).toContain('反对2票');
  });

  it('says 未通过 when the yes votes are not more than half of those expected', () => {
    // 38 expected: 19 is exactly half, which does not pass.
    const vote: Vote = { ...ADMIT_VOTE, yes: 19, no: 14, abstain: 0 };
    const printed = text('resolution-admit', filled(withSteps({ 15: { vote } })));
    expect(printed).toContain('赞成19票');
    expect(printed).toContain('未通过');
    expect(printed).not.toContain('同意接收');
  });

  it('says 未通过 without a quorum, however the present members voted', () => {
    // 38 expected, 19 present: not more than half.
    const vote: Vote = { ...ADMIT_VOTE, presentVoting: 19, yes: 19, no: 0, abstain: 0 };
    const printed = text('resolution-admit', filled(withSteps({ 15: { vote } })));
    expect(printed).toContain('未超过应到会人数的半数');
    expect(printed).toContain('未通过');
    expect(printed).not.toContain('同意接收');
  });

  it.each([
    ['more votes than members present', { ...ADMIT_VOTE, yes: 30, no: 3, abstain: 1 }],
    ['more present than expected', { ...ADMIT_VOTE, presentVoting: 39, yes: 39, no: 0, abstain: 0 }],
    ['more excluded than members', { ...ADMIT_VOTE, excluded: 42 }],
  ] as const)('prints blanks instead of impossible numbers (%s)', (_, vote) => {
    const build = () => recruitmentForm('resolution-admit', filled(withSteps({ 15: { vote } })));
    expect(build).not.toThrow();
    const printed = formText(build());
    expect(printed).toContain('应到会有表决权的正式党员＿＿名');
    expect(printed).toContain('实到会有表决权的正式党员＿＿名');
    expect(printed).toContain('赞成＿＿票，反对＿＿票，弃权＿＿票');
    expect(printed).not.toMatch(/赞成\d+票/);
    expect(printed).not.toMatch(/到会有表决权的正式党员\d+名/);
  });

  it('prints blanks for the numbers when no vote is recorded', () => {
    const printed = text('resolution-admit', filled(withSteps({ 15: { vote: undefined } })));
    expect(printed).toContain('赞成＿＿票');
    expect(printed).toContain('2024年9月10日');
  });
});

describe('审批请示', () => {
  it('is addressed to the higher committee and repeats the vote', () => {
    const form = recruitmentForm('approval-request', filled());
    expect(form.addressee).toBe(`${BRANCH.parentName}：`);
    const printed = formText(form);
    expect(printed).toContain('关于接收陈思远同志为中共预备党员的请示');
    expect(printed).toContain('（水机党预〔2024〕2号）');
    expect(printed).toContain('2024年8月26日填写了入党志愿书（编号ZY-2024-0007）');
    expect(printed).toContain('2024年9月10日');
    expect(printed).toContain('应到会有表决权的正式党员38名');
    expect(printed).toContain('赞成32票，反对1票，弃权0票');
  });

  it('leaves the addressee blank when the branch has no higher committee recorded, and when printed blank', () => {
    const noParent: FormSource = { ...filled(), branch: { ...BRANCH, parentName: '' } };
    expect(recruitmentForm('approval-request', noParent).addressee).toBe('＿＿＿＿＿＿＿＿＿＿：');
    expect(recruitmentForm('approval-request', blank).addressee).toBe('＿＿＿＿＿＿＿＿＿＿：');
  });
});

describe('预审请示', () => {
  it('is addressed to the higher committee', () => {
    expect(recruitmentForm('prereview-request', filled()).addressee).toBe(`${BRANCH.parentName}：`);
    expect(recruitmentForm('prereview-request', blank).addressee).toBe('＿＿＿＿＿＿＿＿＿＿：');
  });

  it('states the dates, the introducers, the review conclusion, the training and the 公示', () => {
    const printed = text('prereview-request');
    expect(printed).toContain('关于陈思远同志入党预审的请示');
    expect(printed).toContain('2023年3月1日递交入党申请书');
    expect(printed).toContain('2023年6月1日被确定为入党积极分子');
    expect(printed).toContain('2024年6月3日经支部委员会研究确定为发展对象');
    expect(printed).toContain('王德明、赵丽华同志为其入党介绍人');
    expect(printed).toContain('2024年7月15日完成政治审查，结论为政治审查合格');
    expect(printed).toContain('2024年7月8日至2024年7月10日参加集中培训');
    expect(printed).toContain('2024年8月5日至2024年8月9日进行了公示');
  });

  it('leaves a blank where a step is not recorded yet', () => {
    const printed = text('prereview-request', filled(ALL_STEPS.filter((e) => e.step <= 9)));
    expect(printed).toContain('结论为＿＿＿＿＿＿＿＿');
    expect(printed).toContain('＿＿＿＿年＿＿月＿＿日完成政治审查');
    expect(printed).not.toContain('政治审查合格');
  });
});

describe('发展对象公示', () => {
  it('gives the person and the days of the 公示', () => {
    const printed = text('candidate-publicity');
    expect(printed).toContain('拟将陈思远同志作为预备党员发展对象');
    expect(printed).toContain('陈思远，男，汉族，1995年6月出生，本科学历');
    expect(printed).toContain('入党介绍人：王德明、赵丽华');
    expect(printed).toContain('公示时间：2024年8月5日至2024年8月9日');
  });

  it('leaves the days blank when the 公示 is not recorded', () => {
    const printed = text('candidate-publicity', filled(withSteps({ 13: { publicity: undefined } })));
    expect(printed).toContain('公示时间：＿＿＿＿年＿＿月＿＿日至＿＿＿＿年＿＿月＿＿日');
  });
});

describe('政治审查报告', () => {
  it('gives the conclusion of step 10', () => {
    const printed = text('political-review');
    expect(printed).toContain('关于陈思远同志的政治审查报告');
    expect(printed).toContain('经审查，陈思远同志政治审查合格。');
    expect(printed).toContain('2024年6月3日经支部委员会研究确定为发展对象');
    // Signed on the day the review concluded.
    expect(printed).toContain('2024年7月15日');
  });

  it('leaves the conclusion blank when none is recorded', () => {
    const printed = text('political-review', filled(withSteps({ 10: { conclusion: undefined } })));
    expect(printed).toContain('经审查，陈思远同志＿＿＿＿＿＿＿＿＿＿。');
  });
});

describe('入党积极分子登记表 and 培养考察表', () => {
  it('fills the register from steps 1, 3, 4 and 5', () => {
    const printed = text('activist-register');
    expect(printed).toContain(`党支部：${BRANCH.name}`);
    expect(printed).toContain('申请入党时间\n2023年3月1日');
    expect(printed).toContain('确定为积极分子时间\n2023年6月1日');
    expect(printed).toContain('培养联系人\n张建华、李秀英');
    expect(printed).toContain('已备案，文号：水机党备〔2023〕3号');
  });

  it('lists only the 培养考察 before step 7 on the 培养考察表', () => {
    const rows = tableOf(recruitmentForm('activist-evaluation', filled())).rows;
    expect(rows.map((r) => r[0])).toEqual(['2023年12月1日', '2024年5月20日']);
  });
});

describe('预备党员教育考察表', () => {
  it('gives the end of the probation one year after step 15 and the 考察 from step 15 on', () => {
    const form = recruitmentForm('probation-evaluation', filled());
    const printed = formText(form);
    expect(printed).toContain('接收为预备党员时间\n2024年9月10日');
    expect(printed).toContain('预备期满时间\n2025年9月10日');
    expect(tableOf(form).rows.map((r) => r[0])).toEqual(['2024年11月15日', '2025年5月10日']);
  });
});

describe('支部大会决议（转正）', () => {
  it('prints the step 23 meeting, its vote and the decision', () => {
    const printed = text('resolution-confirm');
    expect(printed).toContain('（预备党员转正）');
    expect(printed).toContain('陈思远同志于2024年9月10日经支部大会讨论接收为中共预备党员，2024年11月5日经上级党委批准');
    expect(printed).toContain('2025年8月25日，该同志提出转正申请');
    expect(printed).toContain(`中共${BRANCH.name}于2025年9月10日召开支部党员大会`);
    expect(printed).toContain('应到会有表决权的正式党员40名');
    expect(printed).toContain('实到会有表决权的正式党员36名');
    expect(printed).toContain('赞成35票，反对0票，弃权1票');
    expect(printed).toContain('同意陈思远同志按期转为中共正式党员');
  });
});

describe('支部大会决议（延长预备期）', () => {
  const extended = withSteps({ 23: { outcome: '延长预备期六个月' } }, ALL_STEPS.filter((e) => e.step <= 23));

  it('writes the extension in Arabic months', () => {
    const printed = text('resolution-extend', filled(extended));
    expect(printed).toContain('（延长预备期）');
    expect(printed).toContain('2025年9月10日召开支部党员大会');
    expect(printed).toContain('决定延长陈思远同志的预备期6个月');
    expect(printed).toContain('赞成35票');
  });

  it.each([
    ['延长预备期一年', '12个月'],
    ['延长预备期半年', '6个月'],
    ['延长预备期8个月', '8个月'],
  ])('reads %s as %s', (outcome, months) => {
    expect(text('resolution-extend', filled(withSteps({ 23: { outcome } }, extended)))).toContain(`预备期${months}`);
  });

  it('leaves the length blank when it cannot be read', () => {
    expect(text('resolution-extend', filled(withSteps({ 23: { outcome: '延长预备期' } }, extended)))).toContain('的预备期＿＿＿＿，');
  });
});

describe('转正公示', () => {
  it('gives the end of the probation one year after step 15, and the days of the 公示', () => {
    const printed = text('confirm-publicity');
    expect(printed).toContain('陈思远同志于2024年9月10日被接收为中共预备党员，预备期至2025年9月10日期满');
    expect(printed).toContain('公示时间：2025年8月27日至2025年9月2日');
  });

  it('ends a probation begun on 29 February on 28 February', () => {
    const printed = text('confirm-publicity', filled(withSteps({ 15: { date: '2024-02-29' } })));
    expect(printed).toContain('2024年2月29日被接收为中共预备党员');
    expect(printed).toContain('预备期至2025年2月28日期满');
  });
});

describe('培养考察意见', () => {
  it('names the contacts and the dates of application and of becoming an activist', () => {
    const printed = text('cultivation-opinion');
    expect(printed).toContain('关于陈思远同志的培养考察意见');
    expect(printed).toContain('陈思远同志于2023年3月1日递交入党申请书，2023年6月1日被确定为入党积极分子，由张建华、李秀英同志担任培养联系人');
    expect(printed).toContain('共递交思想汇报3份');
  });
});

describe('入党申请书书写指引 and 转正申请书书写指引', () => {
  it('writes the date of admission into the guide for the 转正申请书', () => {
    expect(text('confirm-application-guide')).toContain('（2024年9月10日）');
    expect(text('confirm-application-guide', blank)).not.toMatch(/（\d{4}年/);
  });

  it('are the two different guides', () => {
    expect(recruitmentForm('application-guide', filled()).title).toBe('入党申请书书写指引');
    expect(recruitmentForm('confirm-application-guide', filled()).title).toBe('转正申请书书写指引');
  });
});

describe('发展党员全程纪实表', () => {
  it('has one row for each of the 25 steps, numbered 1 to 25', () => {
    const rows = tableOf(recruitmentForm('full-record', filled())).rows;
    expect(rows).toHaveLength(25);
    expect(rows.map((r) => r[0])).toEqual(Array.from({ length: 25 }, (_, i) => String(i + 1)));
    expect(rows[0]![1]).toBe('递交入党申请书');
    expect(rows[24]![1]).toBe('材料归档');
  });

  it('fills the time, the people and the conclusions of the recorded steps', () => {
    const rows = tableOf(recruitmentForm('full-record', filled())).rows;
    expect(rows.every((r) => r[2] !== '')).toBe(true);
    expect(rows[8]![3]).toBe('王德明、赵丽华');
    expect(rows[9]![2]).toContain('2024年7月15日');
    expect(rows[9]![4]).toContain('政治审查合格');
    expect(rows[12]![4]).toContain('水机党预〔2024〕2号');
    expect(rows[22]![4]).toContain('按期转正');
  });

  it('leaves the rows of steps not yet recorded empty', () => {
    const rows = tableOf(recruitmentForm('full-record', filled(ALL_STEPS.filter((e) => e.step <= 7)))).rows;
    expect(rows).toHaveLength(25);
    expect(rows.slice(0, 7).every((r) => r[2] !== '')).toBe(true);
    expect(rows.slice(7).every((r) => r[2] === '' && r[3] === '' && r[4] === '')).toBe(true);
  });

  it('has the 25 rows with nothing filled when blank', () => {
    const rows = tableOf(recruitmentForm('full-record', blank)).rows;
    expect(rows).toHaveLength(25);
    expect(rows.every((r) => r[2] === '' && r[3] === '' && r[4] === '')).toBe(true);
  });
});

describe('档案材料目录', () => {
  const catalogue = (source: FormSource) => tableOf(recruitmentForm('archive-catalogue', source)).rows;
  const material = (rows: string[][], name: string) => rows.find((r) => r[1] === name);

  it('lists only the materials of the recorded steps, with their dates', () => {
    const rows = catalogue(filled(ALL_STEPS.filter((e) => e.step <= 10)));
    expect(material(rows, '入党申请书')?.[2]).toBe('2023年3月1日');
    expect(material(rows, '入党积极分子登记表')?.[2]).toBe('2023年6月1日');
    expect(material(rows, '综合政审报告')?.[2]).toBe('2024年6月20日');
    for (const later of ['集中培训结业证明', '发展对象公示', '入党志愿书', '支部大会决议', '转正决议']) expect(material(rows, later)).toBeUndefined();
  });

  it('numbers the rows 1 to n', () => {
    const rows = catalogue(filled());
    expect(rows.map((r) => r[0])).toEqual(rows.map((_, i) => String(i + 1)));
  });

  it('counts the pages from the scans tied to the step', () => {
    const rows = catalogue(filled());
    expect(material(rows, '入党申请书')?.[3]).toBe('2');
    expect(material(rows, '支部大会会议记录')?.[3]).toBe('1');
    // No scan of step 14, and the scan tied to no step is counted nowhere.
    expect(material(rows, '入党志愿书')?.[3]).toBe('');
    expect(rows.reduce((sum, r) => sum + Number(r[3] || 0), 0)).toBe(3);
  });

  it('adds the 培养考察 before step 7 and the 思想汇报 as one row each', () => {
    const rows = catalogue(filled());
    expect(material(rows, '培养考察记录（2次）')?.[2]).toBe('2023年12月1日—2024年5月20日');
    expect(material(rows, '思想汇报（3份）')?.[2]).toBe('2023年4月15日—2023年10月15日');
  });

  it('lists every material without dates when blank, the same materials a whole file has', () => {
    const blankRows = catalogue(blank);
    expect(blankRows.map((r) => r[0])).toEqual(blankRows.map((_, i) => String(i + 1)));
    expect(blankRows.every((r) => r[2] === '' && r[3] === '')).toBe(true);
    const wholeFile = catalogue(filled())
      .map((r) => r[1])
      .filter((m) => !m!.startsWith('培养考察记录') && !m!.startsWith('思想汇报'));
    expect(blankRows.map((r) => r[1])).toEqual(wholeFile);
    expect(blankRows[0]![1]).toBe('入党申请书');
    expect(blankRows.at(-1)![1]).toBe('上级党委转正审批意见');
  });
});

describe('formsForDossier', () => {
  const kinds = (forms: { kind: RecruitmentFormKind }[]) => forms.map((f) => f.kind);

  it('offers an activist whose next step is 7 the forms of steps up to 7 only', () => {
    const events = recruitmentEvents('2024-01-10', 6, ['张建华', '李秀英'], ['王德明', '赵丽华']);
    const activist = dossier(events, { evaluations: [], thoughtReports: [], trainings: [] });
    const next = checkTimeline(timelineFromDossier(activist, '1995-06-15'), '2025-06-01').next;
    expect(next?.step).toBe(7);

    const forms = formsForDossier(activist, next?.step);
    expect(forms.every((f) => f.step <= 7)).toBe(true);
    expect(kinds(forms)).toEqual(expect.arrayContaining(['application-guide', 'activist-register', 'activist-evaluation', 'cultivation-opinion', 'full-record']));
    expect(kinds(forms)).not.toContain('political-review');
    expect(kinds(forms)).not.toContain('resolution-admit');
  });

  it('offers every form but the extension once the file is complete with 按期转正', () => {
    const forms = formsForDossier(dossier(), undefined);
    expect(kinds(forms)).toEqual(RECRUITMENT_FORMS.map((f) => f.kind).filter((k) => k !== 'resolution-extend'));
  });

  it('offers the extension when the last step 23 extended the probation', () => {
    const extended = dossier(withSteps({ 23: { outcome: '延长预备期六个月' } }, ALL_STEPS.filter((e) => e.step <= 23)));
    expect(kinds(formsForDossier(extended, 24))).toContain('resolution-extend');
  });

  it('offers both resolutions when an extension came before the 转正: the file keeps both', () => {
    const events: Event[] = [
      ...withSteps({ 23: { outcome: '延长预备期六个月' } }, ALL_STEPS.filter((e) => e.step <= 23)),
      { step: 24, date: '2025-10-20' },
      { step: 22, date: '2026-03-01' },
      { step: 23, date: '2026-03-10', outcome: '按期转正', vote: CONFIRM_VOTE },
    ];
    const forms = formsForDossier(dossier(events), 24);
    expect(kinds(forms)).toContain('resolution-extend');
    expect(kinds(forms)).toContain('resolution-confirm');
    // Each prints its own meeting.
    expect(formText(recruitmentForm('resolution-extend', filled(events)))).toContain('6个月');
    expect(formText(recruitmentForm('resolution-confirm', filled(events)))).toContain('2026年3月10日');
  });

  it('keeps the order of RECRUITMENT_FORMS', () => {
    const order = RECRUITMENT_FORMS.map((f) => f.kind);
    const offered = kinds(formsForDossier(dossier(), undefined));
    expect(offered).toEqual([...offered].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
  });
});

describe('cnDate on the forms', () => {
  it('writes dates in Arabic numerals without leading zeros', () => {
    expect(cnDate('2025-03-01')).toBe('2025年3月1日');
    expect(text('resolution-admit', filled(withSteps({ 15: { date: '2025-03-01' } })))).toContain('于2025年3月1日召开支部党员大会');
  });
});

describe('a decision that did not pass is never printed as passed', () => {
  const failing: Vote = { ...CONFIRM_VOTE, yes: 10, no: 26, abstain: 0 };
  const withVote = (step: number, vote: Vote) => ALL_STEPS.map((e) => (e.step === step ? { ...e, vote } : e));

  it('转正决议 with too few votes says 未通过', () => {
    const printed = text('resolution-confirm', filled(withVote(23, failing)));
    expect(printed).toContain('未通过');
    expect(printed).not.toContain('同意陈');
  });

  it('审批请示 after a failed admission vote says it cannot be sent', () => {
    const printed = text('approval-request', filled(withVote(15, { ...ADMIT_VOTE, yes: 10, no: 23, abstain: 0 })));
    expect(printed).toContain('不能报请审批');
    expect(printed).not.toContain('支部大会同意接收');
  });
});

describe('records belong to their stage', () => {
  it('培养考察意见 counts only the 思想汇报 and 考察 before 确定发展对象', () => {
    const source = filled();
    source.dossier = {
      ...source.dossier!,
      thoughtReports: [{ date: '2023-09-01' }, { date: '2023-12-01' }, { date: '2024-12-01' }],
      evaluations: [{ date: '2023-12-01' }, { date: '2024-11-01' }],
    };
    const printed = text('cultivation-opinion', source);
    expect(printed).toContain('思想汇报2份');
    expect(printed).toContain('培养考察1次');
    expect(printed).not.toContain('2024年11月1日');
  });

  it('转正公示 after an extension gives the extended end of the probation', () => {
    const events: Event[] = [...ALL_STEPS.filter((e) => e.step <= 22), { step: 23, date: '2025-09-10', outcome: '延长预备期六个月', vote: CONFIRM_VOTE }];
    expect(text('confirm-publicity', filled(events))).toContain('预备期至2026年3月10日期满');
  });

  it('转正公示 after an extension the committee returned and the meeting held again counts that extension once', () => {
    const extension = { step: 23, outcome: '延长预备期六个月', vote: CONFIRM_VOTE };
    const events: Event[] = [...ALL_STEPS.filter((e) => e.step <= 22), { ...extension, date: '2025-09-10' }, { ...extension, date: '2025-10-10' }];
    const source: FormSource = { ...filled(events), returns: [{ step: 24, leadingStep: 23, returnedOn: '2025-09-30' }] };
    expect(text('confirm-publicity', source)).toContain('预备期至2026年3月10日期满');
    expect(text('confirm-publicity', filled(events))).toContain('预备期至2026年9月10日期满');
  });
});
