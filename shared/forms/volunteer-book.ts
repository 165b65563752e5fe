/**
 * The 入党志愿书 is a numbered booklet printed by the organization department and filled by hand: it is
 * never printed here. What is printed is a draft sheet the candidate copies from, field by field, with
 * the checks of the domain reference §7: dates in Arabic numerals, “无” for an empty field, the name
 * exactly as on the ID card, and the dates agreeing with the dossier (R-DATES-CONSISTENT).
 */
import type { DossierDoc, PersonDoc } from '../model';
import { parseIdNumber } from '../rules/id-number';
import { cnDate, cnMonth, type FormDocument } from './document';
import { EDUCATION_LABELS, GENDER_LABELS } from './labels';
import type { FormSource } from './recruitment';

export interface DraftField {
  label: string;
  /** What to copy into the booklet; “无” when there is nothing to write. */
  value: string;
  /** How to fill the field, when the value alone does not say it. */
  how?: string;
}

export interface VolunteerBookDraft {
  fields: DraftField[];
  /** What to put right before copying: each a plain Chinese sentence. Empty when all is in order. */
  problems: string[];
}

const NONE = '无';

/** The fields the candidate fills, with the values from the roster and the dossier, and what is wrong. */
export function volunteerBookDraft(person: PersonDoc, dossier: DossierDoc): VolunteerBookDraft {
  const problems: string[] = [];
  // The latest record: a step done again after the committee returned its request replaces the earlier one.
  const step = (n: number) => dossier.events.filter((e) => e.step === n).at(-1);
  const stepDate = (n: number, what: string): string => {
    const event = step(n);
    if (!event) {
      problems.push(`档案中还没有“${what}”的日期（第${n}步），请先登记，志愿书上的日期须与档案一致。`);
      return '';
    }
    return cnDate(event.date);
  };

  const id = person.private?.idNumber?.trim();
  if (!id) problems.push('名册中没有公民身份号码：姓名、出生日期须与身份证核对一致，请先补录身份证号码。');
  else {
    const parsed = parseIdNumber(id);
    if (!parsed.ok) problems.push(`名册中的身份证号码有误：${parsed.message}。`);
    else {
      if (parsed.value.birthDate !== person.birthDate)
        problems.push(`名册中的出生日期 ${person.birthDate} 与身份证号码中的 ${parsed.value.birthDate} 不一致，请核对后再填写。`);
      if (parsed.value.gender !== person.gender) problems.push('名册中的性别与身份证号码不一致，请核对后再填写。');
    }
  }
  if (/[\sA-Za-z0-9]/.test(person.name)) problems.push(`姓名“${person.name}”含有空格、字母或数字，须与身份证上的姓名完全一致。`);

  const introducers = step(9)?.people ?? [];
  if (introducers.length !== 2) problems.push(`入党介绍人应为两名正式党员，档案中登记了${introducers.length}名（第9步）。`);
  if (!step(13)) problems.push('上级党委预审通过后才能领取和填写入党志愿书（R-PREREVIEW-BEFORE-FORM），档案中还没有预审（第13步）。');

  const or = (value: string | undefined): string => (value && value.trim() ? value.trim() : NONE);
  const fields: DraftField[] = [
    { label: '姓名', value: person.name, how: '与身份证上的姓名完全一致，不用简称、别名' },
    { label: '性别', value: GENDER_LABELS[person.gender] },
    { label: '民族', value: or(person.ethnicity), how: '写全称，如“汉族”' },
    { label: '籍贯', value: or(person.nativePlace), how: '写到县（市、区）' },
    { label: '出生年月', value: cnMonth(person.birthDate), how: '用阿拉伯数字，与身份证一致' },
    { label: '学历', value: person.education ? EDUCATION_LABELS[person.education] : NONE },
    { label: '公民身份号码', value: or(id) },
    { label: '现工作单位及职务', value: or([person.workUnit, person.position].filter(Boolean).join(' ')), how: '离退休人员写原单位并注明“退休”' },
    { label: '申请入党时间', value: stepDate(1, '递交入党申请书') },
    { label: '确定为入党积极分子时间', value: stepDate(3, '确定入党积极分子') },
    { label: '确定为发展对象时间', value: stepDate(7, '确定发展对象') },
    { label: '入党介绍人', value: introducers.length ? introducers.join('、') : NONE },
    { label: '入党志愿', value: '本人亲笔书写', how: '写对党的认识、入党动机和今后的努力方向' },
    { label: '本人经历', value: '本人亲笔书写', how: '从上小学写起，起止年月相互衔接，不留空档，每段写明证明人' },
    { label: '家庭主要成员情况', value: '本人亲笔书写', how: '写明姓名、与本人关系、工作单位及职务、政治面貌' },
    { label: '主要社会关系情况', value: '本人亲笔书写', how: '同上；没有的写“无”' },
    { label: '受过何种奖励和处分', value: NONE, how: '没有的写“无”，不留空白' },
    { label: '需要向党组织说明的问题', value: NONE, how: '没有的写“无”，不留空白' },
  ];
  return { fields, problems };
}

/** The fields of a blank draft: labels and how to fill them, from a draft of a nameless person. */
const BLANK_ROWS: string[][] = volunteerBookDraft(
  { name: '', gender: 'male', birthDate: '' } as PersonDoc,
  { events: [] } as unknown as DossierDoc,
).fields.map((f) => [f.label, '', f.how ?? '']);

/** The draft sheet on paper: copy from it into the booklet; blank when the source has no person. */
export function volunteerBookDraftForm(source: FormSource): FormDocument {
  const draft = source.person && source.dossier ? volunteerBookDraft(source.person, source.dossier) : null;
  const rows = draft ? draft.fields.map((f) => [f.label, f.value, f.how ?? '']) : BLANK_ROWS;
  return {
    kind: 'volunteer-draft',
    title: '入党志愿书填写底稿',
    subtitle: source.person ? `${source.person.name}\u3000${source.branch.name}${source.dossier?.volunteerBookNo ? `\u3000志愿书编号：${source.dossier.volunteerBookNo}` : ''}` : undefined,
    layout: 'form',
    blocks: [
      {
        kind: 'hint',
        lines: ['本底稿供填写入党志愿书时对照抄写，本身不是入党志愿书，不得代替志愿书存档。', '志愿书须本人用黑色钢笔或签字笔亲笔填写；日期一律用阿拉伯数字；没有内容的栏目写“无”，不留空白。'],
      },
      ...(draft && draft.problems.length ? [{ kind: 'heading' as const, text: '填写前请先解决：' }, { kind: 'text' as const, paragraphs: draft.problems }] : []),
      { kind: 'table', headers: ['栏目', '填写内容', '填写要求'], rows, widths: [24, 38, 38] },
    ],
  };
}
