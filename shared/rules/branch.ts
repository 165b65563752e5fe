/** The branch created by the first-run wizard: checked input in, a complete org document out. */
import { chinaToday, isValidDate } from '../dates';
import { BRANCH_CATEGORIES, type BranchCategory, type OrgDoc } from '../model';

export interface NewBranchInput {
  name: string;
  category: BranchCategory;
  parentName: string;
  secretaryName: string;
  deputyName?: string;
  foundedOn?: string;
}

export interface DocStamp {
  id: string;
  now: string;
  by: string;
}

export type FieldErrors<T> = Partial<Record<keyof T, string>>;

const PERSON_NAME = /^[\u3400-\u9fff\u{20000}-\u{2ffff}·•A-Za-z ]{2,20}$/u;

/** Checks what a secretary typed; every message says what to fix, in Chinese. */
export function checkNewBranch(input: NewBranchInput): FieldErrors<NewBranchInput> {
  const errors: FieldErrors<NewBranchInput> = {};
  const name = input.name.trim();
  if (name.length < 2) errors.name = '请填写支部全称，例如“市水利局离退休干部党支部”';
  else if (name.length > 100) errors.name = '支部名称太长，请控制在100个字以内';
  else if (!name.includes('支部') && !name.includes('党委') && !name.includes('总支')) errors.name = '支部名称应含有“支部”二字，例如“××社区第一党支部”';
  if (!BRANCH_CATEGORIES.includes(input.category)) errors.category = '请选择支部类别：在职、离退休或混合';
  if (input.parentName.trim().length < 2) errors.parentName = '请填写上级党组织名称，例如“中共市水利局机关委员会”';
  else if (input.parentName.trim().length > 100) errors.parentName = '上级党组织名称太长，请控制在100个字以内';
  if (!PERSON_NAME.test(input.secretaryName.trim())) errors.secretaryName = '请填写书记姓名（2至20个字，与身份证一致）';
  if (input.deputyName && input.deputyName.trim() && !PERSON_NAME.test(input.deputyName.trim())) {
    errors.deputyName = '副书记姓名应为2至20个字；没有副书记可以不填';
  }
  if (input.foundedOn && !isValidDate(input.foundedOn)) errors.foundedOn = '成立日期格式应为 年-月-日，例如 1992-07-01';
  return errors;
}

export function newBranchDoc(input: NewBranchInput, stamp: DocStamp): OrgDoc {
  const errors = checkNewBranch(input);
  const first = Object.values(errors)[0];
  if (first) throw new Error(first);
  // The committee took office on today's date in China, not in UTC (08:00 difference).
  const since = chinaToday(new Date(stamp.now));
  const committee: OrgDoc['committee'] = [{ role: 'secretary', title: '书记', name: input.secretaryName.trim(), since }];
  if (input.deputyName?.trim()) committee.push({ role: 'deputy', title: '副书记', name: input.deputyName.trim(), since });
  const org: OrgDoc = {
    id: stamp.id,
    orgId: stamp.id,
    createdAt: stamp.now,
    updatedAt: stamp.now,
    updatedBy: stamp.by,
    name: input.name.trim(),
    level: 'branch',
    category: input.category,
    parentName: input.parentName.trim(),
    committee,
    terms: [],
    groups: [],
  };
  if (input.foundedOn) org.foundedOn = input.foundedOn;
  return org;
}
