/**
 * The draft sheet of the 入党志愿书 (domain reference §7): what the candidate copies into the numbered
 * booklet, field by field, and what must be put right before copying.
 */
import { describe, expect, it } from 'vitest';
import { recruitmentEvents } from '../demo';
import type { DossierDoc, PersonDoc } from '../model';
import { idCheckChar } from '../rules/id-number';
import { formText, type FormBlock, type FormDocument } from './document';
import type { FormSource } from './recruitment';
import { volunteerBookDraft, volunteerBookDraftForm } from './volunteer-book';

type Event = DossierDoc['events'][number];

/** A valid 18-digit ID number: area code, birth date, sequence (odd for men), check character. */
function idNumber(birthDate: string, sequence: string, area = '330602'): string {
  const first17 = `${area}${birthDate.replaceAll('-', '')}${sequence}`;
  return first17 + idCheckChar(first17);
}

const BIRTH = '1995-06-15';
const MALE_ID = idNumber(BIRTH, '001');

function person(overrides: Partial<PersonDoc> = {}): PersonDoc {
  return {
    id: 'P0000000000000000000000001',
    orgId: 'ORG',
    createdAt: '2023-03-01T00:00:00.000Z',
    updatedAt: '2024-08-20T00:00:00.000Z',
    updatedBy: '测试',
    name: '陈思远',
    gender: 'male',
    ethnicity: '汉族',
    birthDate: BIRTH,
    nativePlace: '浙江绍兴',
    education: 'bachelor',
    workUnit: '市水利局办公室',
    position: '科员',
    category: 'employed',
    status: 'candidate',
    onRoll: true,
    history: [],
    private: { idNumber: MALE_ID, phone: '13800000000' },
    ...overrides,
  };
}

/**
 * Steps 1 to 13 of a lawful recruitment: applied 2023-03-01, so (see recruitmentEvents) activist on
 * 2023-07-01, candidate on 2024-08-01, introducers 王德明 and 赵丽华, 预审 recorded.
 */
const EVENTS = recruitmentEvents('2023-03-01', 13, ['张建华', '李秀英'], ['王德明', '赵丽华']);

function dossier(events: readonly Event[] = EVENTS): DossierDoc {
  return {
    id: 'D0000000000000000000000001',
    orgId: 'ORG',
    createdAt: '2023-03-01T00:00:00.000Z',
    updatedAt: '2024-08-20T00:00:00.000Z',
    updatedBy: '测试',
    personId: 'P0000000000000000000000001',
    state: 'open',
    events: events.map((e) => ({ ...e })),
    evaluations: [],
    thoughtReports: [],
    trainings: [],
    volunteerBookNo: 'ZY-2024-0007',
  };
}

const without = (...steps: number[]) => EVENTS.filter((e) => !steps.includes(e.step));
const withStep = (step: number, change: Partial<Event>) => EVENTS.map((e) => (e.step === step ? { ...e, ...change } : e));

function valueOf(draft: { fields: { label: string; value: string }[] }, label: string): string {
  const field = draft.fields.find((f) => f.label === label);
  if (!field) throw new Error(`no field ${label}`);
  return field.value;
}

function tableOf(form: FormDocument): Extract<FormBlock, { kind: 'table' }> {
  const table = form.blocks.find((b): b is Extract<FormBlock, { kind: 'table' }> => b.kind === 'table');
  if (!table) throw new Error(`${form.kind} has no table`);
  return table;
}

describe('volunteerBookDraft of a complete, consistent person', () => {
  const draft = volunteerBookDraft(person(), dossier());

  it('has nothing to put right', () => {
    expect(draft.problems).toEqual([]);
  });

  it('copies the roster: name, sex, ethnicity, native place, birth month, education, ID number, unit', () => {
    expect(valueOf(draft, '姓名')).toBe('陈思远');
    expect(valueOf(draft, '性别')).toBe('男');
    expect(valueOf(draft, '民族')).toBe('汉族');
    expect(valueOf(draft, '籍贯')).toBe('浙江绍兴');
    expect(valueOf(draft, '出生年月')).toBe('1995年6月');
    expect(valueOf(draft, '学历')).toBe('本科');
    expect(valueOf(draft, '公民身份号码')).toBe(MALE_ID);
    expect(valueOf(draft, '现工作单位及职务')).toBe('市水利局办公室 科员');
  });

  it('copies the dates of steps 1, 3 and 7 from the dossier, in Arabic numerals', () => {
    expect(valueOf(draft, '申请入党时间')).toBe('2023年3月1日');
    expect(valueOf(draft, '确定为入党积极分子时间')).toBe('2023年7月1日');
    expect(valueOf(draft, '确定为发展对象时间')).toBe('2024年8月1日');
    for (const label of ['申请入党时间', '确定为入党积极分子时间', '确定为发展对象时间']) {
      expect(valueOf(draft, label)).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日$/);
    }
  });

  it('names both introducers', () => {
    expect(valueOf(draft, '入党介绍人')).toBe('王德明、赵丽华');
  });

  it('leaves no field empty', () => {
    expect(draft.fields.filter((f) => f.value.trim() === '')).toEqual([]);
  });

  it('writes 无 for the awards and the matters to explain, and says how', () => {
    expect(valueOf(draft, '受过何种奖励和处分')).toBe('无');
    expect(valueOf(draft, '需要向党组织说明的问题')).toBe('无');
    expect(draft.fields.find((f) => f.label === '受过何种奖励和处分')?.how).toContain('不留空白');
  });

  it('leaves the handwritten parts to the candidate', () => {
    for (const label of ['入党志愿', '本人经历', '家庭主要成员情况', '主要社会关系情况']) expect(valueOf(draft, label)).toBe('本人亲笔书写');
  });
});

describe('volunteerBookDraft with nothing to write', () => {
  it('says 无 for every roster field left empty', () => {
    const bare = person({ ethnicity: undefined, nativePlace: '  ', education: undefined, workUnit: undefined, position: undefined });
    const draft = volunteerBookDraft(bare, dossier());
    for (const label of ['民族', '籍贯', '学历', '现工作单位及职务']) expect(valueOf(draft, label)).toBe('无');
  });

  it('says 无 for the ID number and the introducers when there are none, and names the problems', () => {
    const draft = volunteerBookDraft(person({ private: {} }), dossier(withStep(9, { people: [] })));
    expect(valueOf(draft, '公民身份号码')).toBe('无');
    expect(valueOf(draft, '入党介绍人')).toBe('无');
    expect(draft.problems).toHaveLength(2);
  });

  it('writes the position alone when there is no unit', () => {
    expect(valueOf(volunteerBookDraft(person({ workUnit: undefined }), dossier()), '现工作单位及职务')).toBe('科员');
  });

  it('writes 女 for a woman whose ID number says so', () => {
    const draft = volunteerBookDraft(person({ name: '李秀英', gender: 'female', private: { idNumber: idNumber(BIRTH, '002') } }), dossier());
    expect(valueOf(draft, '性别')).toBe('女');
    expect(draft.problems).toEqual([]);
  });
});

describe('volunteerBookDraft problems', () => {
  const problemsOf = (p: PersonDoc, events: readonly Event[] = EVENTS) => volunteerBookDraft(p, dossier(events)).problems;

  it('finds a birth date that differs from the ID number', () => {
    const problems = problemsOf(person({ birthDate: '1995-06-16' }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('1995-06-16');
    expect(problems[0]).toContain('1995-06-15');
  });

  it('finds a sex that differs from the ID number', () => {
    const problems = problemsOf(person({ private: { idNumber: idNumber(BIRTH, '002') } }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('性别');
  });

  it.each([
    ['a wrong check character', MALE_ID.slice(0, 17) + (MALE_ID[17] === '0' ? '1' : '0')],
    ['17 digits', MALE_ID.slice(0, 17)],
    ['a birth date that does not exist', idNumber('1995-02-30', '001')],
  ])('finds an invalid ID number (%s)', (_, id) => {
    const problems = problemsOf(person({ private: { idNumber: id } }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('身份证号码有误');
  });

  it.each([
    ['no private fields', {}],
    ['an empty ID number', { idNumber: '' }],
    ['spaces only', { idNumber: '   ' }],
  ])('finds a missing ID number (%s)', (_, privateFields) => {
    const problems = problemsOf(person({ private: privateFields }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('没有公民身份号码');
  });

  it('accepts an ID number with spaces around it or a lower-case x', () => {
    // 1990-01-01, sequence 002 (a woman): pick an area whose check character is X.
    let id = '';
    for (let area = 110101; !id.endsWith('X'); area++) id = idNumber('1990-01-01', '002', String(area));
    expect(problemsOf(person({ gender: 'female', birthDate: '1990-01-01', private: { idNumber: ` ${id.toLowerCase()} ` } }))).toEqual([]);
  });

  it.each([
    ['a space', '陈 思远'],
    ['an ideographic space', '陈\u3000思远'],
    ['latin letters', 'Chen思远'],
    ['a digit', '陈思远2'],
  ])('finds a name with %s', (_, name) => {
    const problems = problemsOf(person({ name }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(name);
    expect(problems[0]).toContain('身份证上的姓名');
  });

  it('accepts a name with the middle dot of a minority name', () => {
    expect(problemsOf(person({ name: '阿依古丽·买买提' }))).toEqual([]);
  });

  it.each([
    [1, ['王德明']],
    [3, ['王德明', '赵丽华', '张建华']],
  ])('finds %i introducers instead of two', (count, people) => {
    const problems = problemsOf(person(), withStep(9, { people }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(`登记了${count}名`);
  });

  it('finds no introducers when step 9 is not recorded', () => {
    expect(problemsOf(person(), without(9))).toEqual([expect.stringContaining('登记了0名')]);
  });

  it('says the booklet is filled only after the 预审 when step 13 is not recorded', () => {
    const problems = problemsOf(person(), without(13));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('R-PREREVIEW-BEFORE-FORM');
  });

  it.each([
    [1, '申请入党时间'],
    [3, '确定为入党积极分子时间'],
    [7, '确定为发展对象时间'],
  ])('asks for the date of step %i, and writes no date for %s', (step, label) => {
    const draft = volunteerBookDraft(person(), dossier(without(step)));
    expect(draft.problems).toHaveLength(1);
    expect(draft.problems[0]).toContain(`第${step}步`);
    expect(valueOf(draft, label)).not.toMatch(/\d/);
  });

  it('lists every problem at once', () => {
    const p = person({ name: 'Chen Siyuan', private: {} });
    expect(problemsOf(p, without(1, 3, 7, 9, 13))).toHaveLength(7);
  });
});

describe('volunteerBookDraftForm', () => {
  const source = (p?: PersonDoc, d?: DossierDoc): FormSource => ({
    branch: { name: '市水利局离退休干部党支部', parentName: '中共市水利局机关委员会', committee: [] },
    ...(p ? { person: p } : {}),
    ...(d ? { dossier: d } : {}),
    today: '2024-08-22',
  });

  it('prints the draft as a table to copy from, with the branch and the booklet number', () => {
    const form = volunteerBookDraftForm(source(person(), dossier()));
    expect(form.subtitle).toBe('陈思远\u3000市水利局离退休干部党支部\u3000志愿书编号：ZY-2024-0007');
    const rows = tableOf(form).rows;
    expect(rows).toContainEqual(['申请入党时间', '2023年3月1日', '']);
    expect(rows).toContainEqual(['入党介绍人', '王德明、赵丽华', '']);
    const printed = formText(form);
    expect(printed).toContain('不得代替志愿书存档');
    expect(printed).not.toContain('填写前请先解决');
  });

  it('puts the problems first, under a heading', () => {
    const form = volunteerBookDraftForm(source(person({ birthDate: '1995-06-16' }), dossier(without(13))));
    const heading = form.blocks.findIndex((b) => b.kind === 'heading' && b.text === '填写前请先解决：');
    const table = form.blocks.findIndex((b) => b.kind === 'table');
    expect(heading).toBeGreaterThanOrEqual(0);
    expect(heading).toBeLessThan(table);
    const problems = form.blocks[heading + 1];
    expect(problems?.kind === 'text' && problems.paragraphs).toHaveLength(2);
  });

  it('prints blank with the same field labels and nothing filled in', () => {
    const filled = tableOf(volunteerBookDraftForm(source(person(), dossier()))).rows;
    const blank = volunteerBookDraftForm(source());
    const rows = tableOf(blank).rows;
    expect(rows.map((r) => r[0])).toEqual(filled.map((r) => r[0]));
    expect(rows.map((r) => r[2])).toEqual(filled.map((r) => r[2]));
    expect(rows.every((r) => r[1] === '')).toBe(true);
    expect(blank.subtitle).toBeUndefined();
    const printed = formText(blank);
    expect(printed).not.toContain('陈思远');
    expect(printed).not.toContain('填写前请先解决');
  });
});
