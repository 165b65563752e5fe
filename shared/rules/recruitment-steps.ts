/**
 * The 25 steps of recruitment (发展党员) in 5 stages, numbered as in the domain reference §1.
 * Step numbers are what dossiers store; names and actors are what screens and messages show.
 */

export type RecruitmentStage = 1 | 2 | 3 | 4 | 5;

export interface RecruitmentStep {
  step: number;
  stage: RecruitmentStage;
  /** The step's name as the 《发展党员工作细则》 practice writes it. */
  name: string;
  /** Who acts. */
  actor: string;
}

export const RECRUITMENT_STAGE_NAMES: Readonly<Record<RecruitmentStage, string>> = {
  1: '申请入党',
  2: '入党积极分子的确定和培养教育',
  3: '发展对象的确定和考察',
  4: '预备党员的接收',
  5: '预备党员的教育考察和转正',
};

export const RECRUITMENT_STEPS: readonly RecruitmentStep[] = [
  { step: 1, stage: 1, name: '递交入党申请书', actor: '入党申请人' },
  { step: 2, stage: 1, name: '党组织派人谈话', actor: '党支部' },
  { step: 3, stage: 2, name: '推荐和确定入党积极分子', actor: '支部委员会' },
  { step: 4, stage: 2, name: '报上级党委备案', actor: '党支部' },
  { step: 5, stage: 2, name: '指定培养联系人', actor: '支部委员会' },
  { step: 6, stage: 2, name: '培养教育考察', actor: '党支部、培养联系人' },
  { step: 7, stage: 3, name: '确定发展对象', actor: '支部委员会' },
  { step: 8, stage: 3, name: '报上级党委备案', actor: '党支部' },
  { step: 9, stage: 3, name: '确定入党介绍人', actor: '党支部' },
  { step: 10, stage: 3, name: '进行政治审查', actor: '党支部' },
  { step: 11, stage: 3, name: '开展集中培训', actor: '上级党委或党校' },
  { step: 12, stage: 4, name: '支部委员会审查', actor: '支部委员会' },
  { step: 13, stage: 4, name: '上级党委预审', actor: '上级党委' },
  { step: 14, stage: 4, name: '填写入党志愿书', actor: '发展对象' },
  { step: 15, stage: 4, name: '支部大会讨论接收预备党员', actor: '支部党员大会' },
  { step: 16, stage: 4, name: '上级党委派人谈话', actor: '上级党委委员或组织员' },
  { step: 17, stage: 4, name: '上级党委审批', actor: '上级党委' },
  { step: 18, stage: 4, name: '再上一级党委组织部门备案', actor: '上级党委' },
  { step: 19, stage: 5, name: '编入党支部和党小组', actor: '党支部' },
  { step: 20, stage: 5, name: '入党宣誓', actor: '上级党委或党支部' },
  { step: 21, stage: 5, name: '继续教育考察', actor: '党支部、入党介绍人' },
  { step: 22, stage: 5, name: '提出转正申请', actor: '预备党员' },
  { step: 23, stage: 5, name: '支部大会讨论转正', actor: '支部党员大会' },
  { step: 24, stage: 5, name: '上级党委审批转正', actor: '上级党委' },
  { step: 25, stage: 5, name: '材料归档', actor: '党支部、上级党委' },
];

const FIRST_STEP = 1;
const LAST_STEP = 25;

export function isRecruitmentStep(step: number): boolean {
  return Number.isInteger(step) && step >= FIRST_STEP && step <= LAST_STEP;
}

/** The step's row of the table; throws for a number outside 1..25, which the dossier schema refuses. */
export function recruitmentStep(step: number): RecruitmentStep {
  const row = RECRUITMENT_STEPS[step - 1];
  if (!row || row.step !== step) throw new RangeError(`no recruitment step ${step}: steps are numbered 1 to 25`);
  return row;
}

export function stageOfStep(step: number): RecruitmentStage {
  return recruitmentStep(step).stage;
}

/** “第7步（确定发展对象）”, or with its date “第7步（确定发展对象，2024-06-03）”: how messages name a step. */
export function stepLabel(step: number, date?: string): string {
  return `第${step}步（${recruitmentStep(step).name}${date === undefined ? '' : `，${date}`}）`;
}
