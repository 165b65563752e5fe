/**
 * The printed forms of recruitment (发展党员材料), filled from one person's dossier and roster entry, or
 * blank for filling by hand. Each builder returns a FormDocument (shared/forms/document.ts); the
 * renderer's one print template lays them out on A4.
 *
 * Nothing is made up: a fact the dossier does not hold prints as a blank line to write on, never as
 * a plausible default. The 入党志愿书 itself is never printed (see volunteer-book.ts).
 */
import { addYears } from '../dates';
import type { DossierDoc, OrgDoc, PersonDoc } from '../model';
import { probationEnd } from '../rules/dossier';
import { readProbationOutcome, type ProbationOutcome, type ReturnedRequest } from '../rules/recruitment';
import { RECRUITMENT_STEPS } from '../rules/recruitment-steps';
import { checkVoteNumbers, tallyVote, type VoteInput, type VoteMotion } from '../rules/votes';
import { blankLine, cnDate, cnDateOrBlank, cnMonth, orBlank, type FormBlock, type FormDocument, type FormField } from './document';
import { EDUCATION_LABELS, GENDER_LABELS } from './labels';

export type DossierEventDoc = DossierDoc['events'][number];

/** What a form is filled from. Without `person` and `dossier` the form prints blank. */
export interface FormSource {
  branch: Pick<OrgDoc, 'name' | 'parentName' | 'committee'>;
  person?: PersonDoc;
  dossier?: DossierDoc;
  /** The committee's returns of the dossier's requests (approvals.ts returnsOf): a step held again replaces the earlier. */
  returns?: readonly ReturnedRequest[];
  /** The date printed under a document issued today, 'YYYY-MM-DD'. */
  today: string;
}

export type RecruitmentFormKind =
  | 'activist-register'
  | 'activist-evaluation'
  | 'cultivation-opinion'
  | 'political-review'
  | 'candidate-publicity'
  | 'prereview-request'
  | 'approval-request'
  | 'resolution-admit'
  | 'probation-evaluation'
  | 'resolution-confirm'
  | 'resolution-extend'
  | 'confirm-publicity'
  | 'application-guide'
  | 'confirm-application-guide'
  | 'full-record'
  | 'archive-catalogue';

export interface RecruitmentFormInfo {
  kind: RecruitmentFormKind;
  name: string;
  /** The step the form belongs to; the dossier offers it once the person has reached it. */
  step: number;
}

/** Every recruitment form, in the order of the steps they belong to. */
export const RECRUITMENT_FORMS: readonly RecruitmentFormInfo[] = [
  { kind: 'application-guide', name: '入党申请书书写指引', step: 1 },
  { kind: 'activist-register', name: '入党积极分子登记表', step: 3 },
  { kind: 'activist-evaluation', name: '入党积极分子培养考察表', step: 6 },
  { kind: 'cultivation-opinion', name: '培养考察意见', step: 7 },
  { kind: 'political-review', name: '政治审查报告（综合政审材料）', step: 10 },
  { kind: 'candidate-publicity', name: '发展对象公示', step: 13 },
  { kind: 'prereview-request', name: '预审请示', step: 13 },
  { kind: 'resolution-admit', name: '支部大会决议（接收预备党员）', step: 15 },
  { kind: 'approval-request', name: '审批请示', step: 17 },
  { kind: 'probation-evaluation', name: '预备党员教育考察表', step: 21 },
  { kind: 'confirm-application-guide', name: '转正申请书书写指引', step: 22 },
  { kind: 'resolution-confirm', name: '支部大会决议（转正）', step: 23 },
  { kind: 'resolution-extend', name: '支部大会决议（延长预备期）', step: 23 },
  { kind: 'confirm-publicity', name: '转正公示', step: 23 },
  { kind: 'full-record', name: '发展党员全程纪实表', step: 1 },
  { kind: 'archive-catalogue', name: '档案材料目录', step: 25 },
];

/** The facts the forms print, read once from the dossier and the roster. */
interface Facts {
  blank: boolean;
  name: string;
  branch: string;
  committee: string;
  parent: string;
  /**
   * The record of a step that counts: the latest, as 22–24 repeat after an extension and a step done
   * again after the committee returned its request replaces the earlier record.
   */
  step: (n: number) => DossierEventDoc | undefined;
  person?: PersonDoc;
  dossier?: DossierDoc;
  /** The day the probation ends, extensions included (dossier.ts probationEnd). */
  probationEnd: string | undefined;
  today: string;
}

function factsOf(source: FormSource): Facts {
  const events = source.dossier?.events ?? [];
  const branch = source.branch.name;
  return {
    blank: !source.person,
    name: source.person?.name ?? '',
    branch,
    committee: branch.endsWith('支部') ? `${branch}委员会` : branch,
    parent: source.branch.parentName ?? '',
    step: (n) => events.filter((e) => e.step === n).at(-1),
    ...(source.person ? { person: source.person } : {}),
    ...(source.dossier ? { dossier: source.dossier } : {}),
    probationEnd: probationEnd(events, source.returns),
    today: source.today,
  };
}

const names = (people: readonly string[] | undefined): string => (people ?? []).join('、');

function personFields(f: Facts): FormField[][] {
  const p = f.person;
  return [
    [
      { label: '姓名', value: p?.name ?? '' },
      { label: '性别', value: p ? GENDER_LABELS[p.gender] : '' },
      { label: '民族', value: p?.ethnicity ?? '' },
    ],
    [
      { label: '出生年月', value: cnMonth(p?.birthDate) },
      { label: '籍贯', value: p?.nativePlace ?? '' },
      { label: '学历', value: p?.education ? EDUCATION_LABELS[p.education] : '' },
    ],
    [
      { label: '工作单位及职务', value: [p?.workUnit, p?.position].filter(Boolean).join(' '), span: 2 },
      { label: '联系电话', value: p?.private?.phone ?? '' },
    ],
    [{ label: '公民身份号码', value: p?.private?.idNumber ?? '', span: 3 }],
  ];
}

const signLines = (who: string): string[] => [`${who}（签名）：${blankLine(6)}`, '＿＿＿＿年＿＿月＿＿日'];
const stampLines = (who: string): string[] => [`${who}（盖章）`, '＿＿＿＿年＿＿月＿＿日'];

function closing(f: Facts, date: string | undefined, issuer = f.committee): FormBlock {
  return { kind: 'sign', lines: [f.blank ? `中共${blankLine(10)}委员会` : `中共${issuer}`, f.blank ? cnDateOrBlank(undefined) : cnDateOrBlank(date)] };
}

/** Text typed by the secretary, ending as a sentence does. */
const sentence = (text: string): string => (/[。！？.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}。`);

const subject = (f: Facts): string => (f.blank ? blankLine(4) : f.name);

// ─── Stage 2: 入党积极分子 ───────────────────────────────────────────────────────────────────────

function activistRegister(f: Facts): FormDocument {
  const contacts = f.step(5);
  return {
    kind: 'activist-register',
    title: '入党积极分子登记表',
    subtitle: f.blank ? undefined : `党支部：${f.branch}`,
    layout: 'form',
    blocks: [
      {
        kind: 'fields',
        rows: [
          ...personFields(f),
          [
            { label: '申请入党时间', value: cnDate(f.step(1)?.date) },
            { label: '确定为积极分子时间', value: cnDate(f.step(3)?.date) },
            { label: '培养联系人', value: names(contacts?.people) },
          ],
        ],
      },
      { kind: 'box', label: '主要简历', text: '', lines: 5 },
      { kind: 'box', label: '奖惩情况', text: '', lines: 2 },
      { kind: 'box', label: '党员推荐或群团组织推优情况', text: f.step(3)?.note ?? '', lines: 3 },
      { kind: 'box', label: '党支部意见', text: '', lines: 3, sign: stampLines('党支部书记签名') },
      { kind: 'box', label: '上级党委备案意见', text: f.step(4)?.docNo ? `已备案，文号：${f.step(4)?.docNo}` : '', lines: 2, sign: stampLines('上级党委') },
    ],
  };
}

function activistEvaluation(f: Facts): FormDocument {
  const rows = (f.dossier?.evaluations ?? [])
    .filter((e) => !f.step(7) || e.date <= f.step(7)!.date)
    .map((e) => [cnDate(e.date), e.note ?? '', e.by ?? '']);
  return {
    kind: 'activist-evaluation',
    title: '入党积极分子培养考察表',
    subtitle: f.blank ? undefined : `党支部：${f.branch}`,
    layout: 'form',
    blocks: [
      {
        kind: 'fields',
        rows: [
          [
            { label: '姓名', value: f.name },
            { label: '确定为积极分子时间', value: cnDate(f.step(3)?.date) },
            { label: '培养联系人', value: names(f.step(5)?.people) },
          ],
        ],
      },
      { kind: 'heading', text: '培养考察记录（每半年一次）' },
      { kind: 'table', headers: ['考察时间', '现实表现和培养教育情况', '培养联系人'], rows, blankRows: Math.max(0, 4 - rows.length), widths: [22, 58, 20] },
      { kind: 'box', label: '党小组意见', text: '', lines: 2, sign: signLines('党小组组长') },
      { kind: 'box', label: '党支部意见', text: '', lines: 2, sign: stampLines('党支部书记签名') },
      { kind: 'hint', lines: ['入党积极分子确定后，党支部每半年对其进行一次考察，考察情况记入本表。'] },
    ],
  };
}

function cultivationOpinion(f: Facts): FormDocument {
  const contacts = f.step(5)?.people ?? [];
  // Only what came before the 确定发展对象: the probation's records belong to another form.
  const until = f.step(7)?.date;
  const evaluations = (f.dossier?.evaluations ?? []).filter((e) => !until || e.date <= until);
  const reports = (f.dossier?.thoughtReports ?? []).filter((e) => !until || e.date <= until);
  const paragraphs = f.blank
    ? [`${blankLine(4)}同志于${cnDateOrBlank(undefined)}被确定为入党积极分子，由${blankLine(8)}同志担任培养联系人。`]
    : [
        `${f.name}同志于${cnDateOrBlank(f.step(1)?.date)}递交入党申请书，${cnDateOrBlank(f.step(3)?.date)}被确定为入党积极分子，由${contacts.length ? names(contacts) : blankLine(8)}同志担任培养联系人。`,
        `培养期间，该同志共递交思想汇报${reports.length}份，党支部进行培养考察${evaluations.length}次${evaluations.length ? `（${evaluations.map((e) => cnDate(e.date)).join('、')}）` : ''}。`,
      ];
  return {
    kind: 'cultivation-opinion',
    title: `关于${subject(f)}同志的培养考察意见`,
    layout: 'letter',
    blocks: [
      { kind: 'text', paragraphs },
      { kind: 'heading', text: '一、政治思想表现' },
      { kind: 'box', label: '', text: '', lines: 2 },
      { kind: 'heading', text: '二、工作学习表现' },
      { kind: 'box', label: '', text: '', lines: 2 },
      { kind: 'heading', text: '三、存在的不足和努力方向' },
      { kind: 'box', label: '', text: '', lines: 2 },
      { kind: 'heading', text: '四、培养联系人意见' },
      { kind: 'box', label: '', text: '', lines: 1 },
      { kind: 'sign', lines: [`培养联系人（签名）：${contacts.length ? contacts.map(() => blankLine(5)).join('\u3000') : blankLine(12)}`, '＿＿＿＿年＿＿月＿＿日'] },
    ],
  };
}

// ─── Stage 3: 发展对象 ──────────────────────────────────────────────────────────────────────────

function politicalReview(f: Facts): FormDocument {
  const review = f.step(10);
  const p = f.person;
  const intro = f.blank
    ? `${blankLine(4)}，性别${blankLine(2)}，${blankLine(2)}族，${blankLine(4)}年${blankLine(2)}月出生，籍贯${blankLine(6)}，${blankLine(4)}学历，现工作单位及职务：${blankLine(10)}。`
    : `${p!.name}，${GENDER_LABELS[p!.gender]}，${p!.ethnicity ?? blankLine(2)}，${cnMonth(p!.birthDate)}出生，籍贯${orBlank(p!.nativePlace)}，${p!.education ? EDUCATION_LABELS[p!.education] : blankLine(3)}学历，现工作单位及职务：${orBlank([p!.workUnit, p!.position].filter(Boolean).join(' '), 10)}。${cnDateOrBlank(f.step(7)?.date)}经支部委员会研究确定为发展对象。`;
  return {
    kind: 'political-review',
    title: `关于${subject(f)}同志的政治审查报告`,
    layout: 'letter',
    blocks: [
      { kind: 'text', paragraphs: [intro, `根据《中国共产党发展党员工作细则》的规定，党支部${review?.people?.length ? `指派${names(review.people)}同志` : ''}对该同志进行了政治审查，情况如下：`] },
      { kind: 'heading', text: '一、本人政治立场和政治历史情况' },
      { kind: 'box', label: '', text: '', lines: 3 },
      { kind: 'heading', text: '二、直系亲属和与本人关系密切的主要社会关系的政治情况' },
      { kind: 'box', label: '', text: '', lines: 3 },
      { kind: 'heading', text: '三、审查结论' },
      { kind: 'text', paragraphs: [review?.conclusion ? `经审查，${f.name}同志${review.conclusion}。` : `经审查，${subject(f)}同志${blankLine(10)}。`] },
      closing(f, review?.endDate ?? review?.date),
    ],
  };
}

// ─── Stage 4: 预备党员的接收 ─────────────────────────────────────────────────────────────────────

function candidatePublicity(f: Facts): FormDocument {
  const prereview = f.step(13);
  const publicity = prereview?.publicity;
  const p = f.person;
  const who = f.blank
    ? `${blankLine(4)}，${blankLine(1)}，${blankLine(2)}族，${blankLine(4)}年${blankLine(2)}月出生，${blankLine(3)}学历，${blankLine(10)}。`
    : `${p!.name}，${GENDER_LABELS[p!.gender]}，${p!.ethnicity ?? blankLine(2)}，${cnMonth(p!.birthDate)}出生，${p!.education ? EDUCATION_LABELS[p!.education] : blankLine(3)}学历，${orBlank([p!.workUnit, p!.position].filter(Boolean).join(' '), 10)}。${cnDateOrBlank(f.step(1)?.date)}递交入党申请书，${cnDateOrBlank(f.step(3)?.date)}被确定为入党积极分子，${cnDateOrBlank(f.step(7)?.date)}被确定为发展对象，入党介绍人：${orBlank(names(f.step(9)?.people), 8)}。`;
  return {
    kind: 'candidate-publicity',
    title: '发展对象公示',
    layout: 'letter',
    blocks: [
      {
        kind: 'text',
        paragraphs: [
          `经党支部委员会研究，拟将${subject(f)}同志作为预备党员发展对象，报上级党委预审。根据《中国共产党发展党员工作细则》的规定，现将有关情况公示如下：`,
          who,
          `公示时间：${cnDateOrBlank(publicity?.from)}至${cnDateOrBlank(publicity?.to)}（不少于5个工作日）。`,
          `公示期间，党员和群众可以通过来信、来电、来访等方式，向党支部或上级党委反映该同志的情况和问题。反映问题应实事求是，以个人名义反映的请署真实姓名。`,
          `联系人：${blankLine(5)}\u3000联系电话：${blankLine(8)}`,
        ],
      },
      closing(f, publicity?.from),
    ],
  };
}

function prereviewRequest(f: Facts): FormDocument {
  const publicity = f.step(13)?.publicity;
  const training = f.step(11);
  const review = f.step(10);
  return {
    kind: 'prereview-request',
    title: `关于${subject(f)}同志入党预审的请示`,
    layout: 'letter',
    addressee: `${f.blank ? blankLine(10) : f.parent || blankLine(10)}：`,
    blocks: [
      {
        kind: 'text',
        paragraphs: [
          `${subject(f)}同志于${cnDateOrBlank(f.step(1)?.date)}递交入党申请书，${cnDateOrBlank(f.step(3)?.date)}被确定为入党积极分子，经过一年以上的培养教育和考察，${cnDateOrBlank(f.step(7)?.date)}经支部委员会研究确定为发展对象，并报上级党委备案。`,
          `党支部确定${orBlank(names(f.step(9)?.people), 8)}同志为其入党介绍人；${cnDateOrBlank(review?.endDate ?? review?.date)}完成政治审查，结论为${orBlank(review?.conclusion, 8)}；${training ? `${cnDate(training.date)}至${cnDate(training.endDate ?? training.date)}` : blankLine(12)}参加集中培训并结业。`,
          `${cnDateOrBlank(f.step(12)?.date)}支部委员会对其条件、培养教育情况进行了审查，认为该同志已基本具备党员条件；${publicity ? `${cnDate(publicity.from)}至${cnDate(publicity.to)}` : blankLine(12)}进行了公示，公示期间未收到反映问题。`,
          '现报请上级党委预审。',
          '妥否，请批示。',
        ],
      },
      { kind: 'hint', lines: ['附件：1.政治审查报告\u30002.集中培训结业证明\u30003.公示情况'] },
      closing(f, f.step(12)?.date),
    ],
  };
}

type StoredVote = Omit<VoteInput, 'motion'>;

/** The tally of a stored vote; undefined when none is stored or its numbers cannot be right. */
function tallyOf(vote: StoredVote | undefined, motion: VoteMotion) {
  if (!vote || checkVoteNumbers({ ...vote, motion }).length > 0) return undefined;
  return tallyVote({ ...vote, motion });
}

function voteSentence(stored: StoredVote | undefined, motion: VoteMotion): { counts: string; result: string } {
  const tally = tallyOf(stored, motion);
  const vote = tally && stored;
  if (!tally || !vote) {
    return {
      counts: `支部应到会有表决权的正式党员${blankLine(2)}名，实到会有表决权的正式党员${blankLine(2)}名，符合规定人数。`,
      result: `经表决，赞成${blankLine(2)}票，反对${blankLine(2)}票，弃权${blankLine(2)}票。`,
    };
  }
  const written = (vote.writtenYes ?? 0) + (vote.writtenNo ?? 0) + (vote.writtenAbstain ?? 0);
  return {
    counts: `支部应到会有表决权的正式党员${tally.expected}名，实到会有表决权的正式党员${vote.presentVoting}名${written ? `，未到会党员提交书面意见${written}份` : ''}，${tally.quorum ? '超过应到会人数的半数，符合规定人数' : '未超过应到会人数的半数'}。`,
    result: `经表决，赞成${vote.yes + (vote.writtenYes ?? 0)}票，反对${vote.no + (vote.writtenNo ?? 0)}票，弃权${vote.abstain + (vote.writtenAbstain ?? 0)}票，赞成票${tally.passed ? '超过' : '未超过'}应到会有表决权党员的半数。`,
  };
}

function resolutionAdmit(f: Facts): FormDocument {
  const meeting = f.step(15);
  const { counts, result } = voteSentence(meeting?.vote, 'admit');
  const passed = tallyOf(meeting?.vote, 'admit')?.passed;
  return {
    kind: 'resolution-admit',
    title: '支部大会决议',
    subtitle: '（接收预备党员）',
    layout: 'letter',
    blocks: [
      {
        kind: 'text',
        paragraphs: [
          `${f.blank ? `中共${blankLine(10)}` : `中共${f.branch}`}于${cnDateOrBlank(meeting?.date)}召开支部党员大会，讨论${subject(f)}同志的入党问题。${counts}`,
          `会议听取了${subject(f)}同志对党的认识、入党动机、本人履历、家庭和主要社会关系情况的汇报，入党介绍人${orBlank(names(f.step(9)?.people), 8)}同志介绍了该同志的情况，支部委员会报告了对该同志的审查情况。与会党员进行了充分讨论，认为：${meeting?.note ? sentence(meeting.note) : `${blankLine(24)}。`}`,
          result,
          passed === false
            ? `支部大会未通过接收${f.name}同志为中共预备党员。`
            : `支部大会同意接收${subject(f)}同志为中共预备党员，报上级党委审批。`,
        ],
      },
      closing(f, meeting?.date),
    ],
  };
}

function approvalRequest(f: Facts): FormDocument {
  const meeting = f.step(15);
  const { counts, result } = voteSentence(meeting?.vote, 'admit');
  return {
    kind: 'approval-request',
    title: `关于接收${subject(f)}同志为中共预备党员的请示`,
    layout: 'letter',
    addressee: `${f.blank ? blankLine(10) : f.parent || blankLine(10)}：`,
    blocks: [
      {
        kind: 'text',
        paragraphs: [
          `${subject(f)}同志入党预审已经上级党委同意${f.step(13)?.docNo ? `（${f.step(13)!.docNo}）` : ''}，${cnDateOrBlank(f.step(14)?.date)}填写了入党志愿书${f.dossier?.volunteerBookNo ? `（编号${f.dossier.volunteerBookNo}）` : ''}。`,
          `${cnDateOrBlank(meeting?.date)}，党支部召开支部党员大会讨论该同志的入党问题。${counts}${result}${
            tallyOf(meeting?.vote, 'admit')?.passed === false ? `支部大会未通过接收${f.name}同志为中共预备党员，不能报请审批。` : `支部大会同意接收${subject(f)}同志为中共预备党员。`
          }`,
          '现将该同志的入党志愿书及有关材料报上，请予审批。',
        ],
      },
      closing(f, meeting?.date),
    ],
  };
}

// ─── Stage 5: 预备党员 ──────────────────────────────────────────────────────────────────────────

function probationEvaluation(f: Facts): FormDocument {
  const admitted = f.step(15)?.date;
  const rows = (f.dossier?.evaluations ?? []).filter((e) => admitted && e.date >= admitted).map((e) => [cnDate(e.date), e.note ?? '', e.by ?? '']);
  return {
    kind: 'probation-evaluation',
    title: '预备党员教育考察表',
    subtitle: f.blank ? undefined : `党支部：${f.branch}`,
    layout: 'form',
    blocks: [
      {
        kind: 'fields',
        rows: [
          [
            { label: '姓名', value: f.name },
            { label: '接收为预备党员时间', value: cnDate(admitted) },
            { label: '入党介绍人', value: names(f.step(9)?.people) },
          ],
          [
            { label: '上级党委审批时间', value: cnDate(f.step(17)?.date) },
            { label: '入党宣誓时间', value: cnDate(f.step(20)?.date) },
            { label: '预备期满时间', value: admitted ? cnDate(addYears(admitted, 1)) : '' },
          ],
        ],
      },
      { kind: 'heading', text: '教育考察记录（每季度一次）' },
      { kind: 'table', headers: ['考察时间', '思想、工作、学习和作风表现', '考察人'], rows, blankRows: Math.max(0, 4 - rows.length), widths: [22, 58, 20] },
      { kind: 'box', label: '入党介绍人意见', text: '', lines: 2, sign: signLines('入党介绍人') },
      { kind: 'box', label: '党小组意见', text: '', lines: 2, sign: signLines('党小组组长') },
      { kind: 'box', label: '党支部意见', text: '', lines: 2, sign: stampLines('党支部书记签名') },
    ],
  };
}

/** The 支部大会 of step 23 that decided `outcome`: the last one, as an extension may come first. */
function meetingWith(f: Facts, outcome: ProbationOutcome): DossierEventDoc | undefined {
  return f.dossier?.events.filter((e) => e.step === 23 && readProbationOutcome(e.outcome).outcome === outcome).at(-1);
}

function confirmResolution(f: Facts, kind: 'resolution-confirm' | 'resolution-extend'): FormDocument {
  const meeting = f.blank ? undefined : meetingWith(f, kind === 'resolution-confirm' ? 'confirm' : 'extend');
  const outcome = readProbationOutcome(meeting?.outcome);
  const motion: VoteMotion = kind === 'resolution-confirm' ? 'confirm' : 'extend';
  const { counts, result } = voteSentence(meeting?.vote, motion);
  const passed = tallyOf(meeting?.vote, motion)?.passed;
  const admitted = f.step(15)?.date;
  const decision =
    passed === false
      ? `支部大会未通过${kind === 'resolution-confirm' ? `${f.name}同志按期转正` : `延长${f.name}同志预备期`}的决议。`
      : kind === 'resolution-confirm'
        ? `支部大会同意${subject(f)}同志按期转为中共正式党员，报上级党委审批。`
        : `支部大会决定延长${subject(f)}同志的预备期${outcome.extensionMonths ? `${outcome.extensionMonths}个月` : blankLine(4)}，报上级党委审批。`;
  // The 转正申请 that came before this meeting (after an extension there are two).
  const application = (f.dossier?.events ?? []).filter((e) => e.step === 22 && (!meeting || e.date <= meeting.date)).at(-1);
  return {
    kind,
    title: '支部大会决议',
    subtitle: kind === 'resolution-confirm' ? '（预备党员转正）' : '（延长预备期）',
    layout: 'letter',
    blocks: [
      {
        kind: 'text',
        paragraphs: [
          `${subject(f)}同志于${cnDateOrBlank(admitted)}经支部大会讨论接收为中共预备党员，${cnDateOrBlank(f.step(17)?.date)}经上级党委批准，预备期一年。${cnDateOrBlank(application?.date)}，该同志提出转正申请。`,
          `${f.blank ? `中共${blankLine(10)}` : `中共${f.branch}`}于${cnDateOrBlank(meeting?.date)}召开支部党员大会，讨论${subject(f)}同志的转正问题。${counts}`,
          `会议听取了本人的转正申请和入党介绍人、党小组的意见，审查了支部委员会的考察情况。与会党员认为：${meeting?.note ? sentence(meeting.note) : `${blankLine(24)}。`}`,
          result,
          decision,
        ],
      },
      closing(f, meeting?.date),
    ],
  };
}

function confirmPublicity(f: Facts): FormDocument {
  const meeting = f.step(23);
  const publicity = meeting?.publicity;
  return {
    kind: 'confirm-publicity',
    title: '预备党员转正公示',
    layout: 'letter',
    blocks: [
      {
        kind: 'text',
        paragraphs: [
          `${subject(f)}同志于${cnDateOrBlank(f.step(15)?.date)}被接收为中共预备党员，预备期至${cnDateOrBlank(f.probationEnd)}期满。本人已提出转正申请，经支部委员会审查，拟提交支部党员大会讨论其转正问题。`,
          `公示时间：${cnDateOrBlank(publicity?.from)}至${cnDateOrBlank(publicity?.to)}。`,
          '公示期间，党员和群众可以通过来信、来电、来访等方式，向党支部或上级党委反映该同志的情况和问题。',
          `联系人：${blankLine(5)}\u3000联系电话：${blankLine(8)}`,
        ],
      },
      closing(f, publicity?.from),
    ],
  };
}

// ─── Guides for the handwritten 申请书 ──────────────────────────────────────────────────────────

function applicationGuide(f: Facts, confirm: boolean): FormDocument {
  const parts = confirm
    ? [
        ['标题', '居中写“转正申请书”。'],
        ['称谓', '顶格写“敬爱的党组织：”。'],
        ['申请', `写明本人于何时被接收为预备党员${f.step(15) ? `（${cnDate(f.step(15)!.date)}）` : ''}、预备期何时期满，现申请转为正式党员。`],
        ['预备期表现', '按政治思想、学习、工作、作风几方面，实事求是写出预备期的收获和进步。'],
        ['不足', '写出存在的缺点和今后的努力方向。'],
        ['结尾', '写“请党组织考验”“此致 敬礼”。'],
        ['落款', '本人签名，写明日期。转正申请书须本人手写，在预备期满前一周左右交党支部。'],
      ]
    : [
        ['标题', '居中写“入党申请书”。'],
        ['称谓', '顶格写“敬爱的党组织：”。'],
        ['入党愿望', '写明“我志愿加入中国共产党”，以及对党的认识和入党动机。'],
        ['本人情况', '简要写出本人经历、家庭主要成员和主要社会关系情况。'],
        ['今后打算', '写出对待入党的态度，今后如何努力。'],
        ['结尾', '写“请党组织考验”“此致 敬礼”。'],
        ['落款', '本人签名（与身份证上的姓名一致），写明日期，日期用阿拉伯数字。入党申请书须本人手写。'],
      ];
  return {
    kind: confirm ? 'confirm-application-guide' : 'application-guide',
    title: confirm ? '转正申请书书写指引' : '入党申请书书写指引',
    subtitle: f.blank ? undefined : `${f.name}同志\u3000${f.branch}`,
    layout: 'form',
    blocks: [
      { kind: 'table', headers: ['部分', '怎样写'], rows: parts, widths: [18, 82] },
      {
        kind: 'hint',
        lines: [
          '本页只是指引，申请书须用黑色钢笔或签字笔在信笺上亲笔书写，不得打印。',
          '递交后党支部在一个月内派人谈话；谈话时可就申请书中的内容交流。',
        ],
      },
    ],
  };
}

// ─── The whole file ─────────────────────────────────────────────────────────────────────────────

/** What each step leaves in the file (档案材料), in the order of the archive. */
const STEP_MATERIALS: Readonly<Record<number, readonly string[]>> = {
  1: ['入党申请书'],
  2: ['谈话记录'],
  3: ['推荐材料', '支委会会议记录', '入党积极分子登记表'],
  4: ['入党积极分子备案表'],
  7: ['确定发展对象支委会会议记录', '征求意见记录'],
  8: ['发展对象备案表'],
  10: ['政治审查材料', '综合政审报告'],
  11: ['集中培训结业证明'],
  12: ['支部委员会审查意见'],
  13: ['发展对象公示', '预审请示', '上级党委预审意见'],
  14: ['入党志愿书'],
  15: ['支部大会会议记录', '支部大会决议'],
  16: ['上级党委谈话记录'],
  17: ['上级党委审批意见'],
  20: ['入党宣誓记录'],
  21: ['预备党员教育考察表'],
  22: ['转正申请书'],
  23: ['转正公示', '支部大会会议记录', '转正决议'],
  24: ['上级党委转正审批意见'],
};

function fullRecord(f: Facts): FormDocument {
  const rows = RECRUITMENT_STEPS.map((s) => {
    const events = f.dossier?.events.filter((e) => e.step === s.step) ?? [];
    const date = events.map((e) => (e.endDate ? `${cnDate(e.date)}至${cnDate(e.endDate)}` : cnDate(e.date))).join('；');
    const docs = events.map((e) => [e.docNo, e.conclusion, e.outcome].filter(Boolean).join(' ')).filter(Boolean).join('；');
    return [String(s.step), s.name, date, names(events.flatMap((e) => e.people ?? [])), docs];
  });
  return {
    kind: 'full-record',
    title: '发展党员全程纪实表',
    subtitle: f.blank ? undefined : `姓名：${f.name}\u3000党支部：${f.branch}`,
    layout: 'form',
    blocks: [
      { kind: 'table', headers: ['步', '工作内容', '时间', '有关人员', '文号、结论'], rows, widths: [5, 28, 26, 19, 22] },
      {
        kind: 'hint',
        lines: [`思想汇报${f.dossier?.thoughtReports.length ?? blankLine(2)}份；培养考察${f.dossier?.evaluations.length ?? blankLine(2)}次；党课、培训${f.dossier?.trainings.length ?? blankLine(2)}次。`],
      },
      { kind: 'sign', lines: [`党支部书记（签名）：${blankLine(6)}`, '＿＿＿＿年＿＿月＿＿日'] },
    ],
  };
}

function archiveCatalogue(f: Facts): FormDocument {
  const scansOf = (step: number) => (f.dossier?.scans ?? []).filter((s) => s.step === step).length;
  const rows: string[][] = [];
  const add = (material: string, date: string, pages: number) => rows.push([String(rows.length + 1), material, date, pages ? String(pages) : '', '']);
  for (const [stepText, materials] of Object.entries(STEP_MATERIALS)) {
    const step = Number(stepText);
    const event = f.step(step);
    if (!f.blank && !event) continue;
    for (const [i, material] of materials.entries()) add(material, event ? cnDate(event.date) : '', i === 0 ? scansOf(step) : 0);
    if (step === 4 && !f.blank) {
      const evaluations = (f.dossier?.evaluations ?? []).filter((e) => !f.step(7) || e.date <= f.step(7)!.date);
      if (evaluations.length) add(`培养考察记录（${evaluations.length}次）`, `${cnDate(evaluations[0]!.date)}—${cnDate(evaluations.at(-1)!.date)}`, 0);
      const reports = f.dossier?.thoughtReports ?? [];
      if (reports.length) add(`思想汇报（${reports.length}份）`, `${cnDate(reports[0]!.date)}—${cnDate(reports.at(-1)!.date)}`, 0);
    }
  }
  return {
    kind: 'archive-catalogue',
    title: '发展党员档案材料目录',
    subtitle: f.blank ? undefined : `姓名：${f.name}\u3000党支部：${f.branch}`,
    layout: 'form',
    blocks: [
      { kind: 'table', headers: ['序号', '材料名称', '形成时间', '页数', '备注'], rows, blankRows: f.blank ? 0 : 3, widths: [8, 44, 26, 8, 14] },
      { kind: 'sign', lines: [`整理人（签名）：${blankLine(6)}\u3000审核人（签名）：${blankLine(6)}`, '＿＿＿＿年＿＿月＿＿日'] },
    ],
  };
}

/** One recruitment form, filled from `source`, or blank when `source` has no person. */
export function recruitmentForm(kind: RecruitmentFormKind, source: FormSource): FormDocument {
  const f = factsOf(source);
  switch (kind) {
    case 'activist-register':
      return activistRegister(f);
    case 'activist-evaluation':
      return activistEvaluation(f);
    case 'cultivation-opinion':
      return cultivationOpinion(f);
    case 'political-review':
      return politicalReview(f);
    case 'candidate-publicity':
      return candidatePublicity(f);
    case 'prereview-request':
      return prereviewRequest(f);
    case 'resolution-admit':
      return resolutionAdmit(f);
    case 'approval-request':
      return approvalRequest(f);
    case 'probation-evaluation':
      return probationEvaluation(f);
    case 'resolution-confirm':
    case 'resolution-extend':
      return confirmResolution(f, kind);
    case 'confirm-publicity':
      return confirmPublicity(f);
    case 'application-guide':
      return applicationGuide(f, false);
    case 'confirm-application-guide':
      return applicationGuide(f, true);
    case 'full-record':
      return fullRecord(f);
    case 'archive-catalogue':
      return archiveCatalogue(f);
  }
}

/** The forms the dossier offers: those whose step the person has reached (the next step's too). */
/** The furthest step the person has reached: the next step to take, or the last one recorded. */
export function stepReached(dossier: Pick<DossierDoc, 'events'>, nextStep: number | undefined): number {
  return Math.max(nextStep ?? 25, ...dossier.events.map((e) => e.step));
}

export function formsForDossier(dossier: DossierDoc, nextStep: number | undefined): RecruitmentFormInfo[] {
  const reached = stepReached(dossier, nextStep);
  const outcomes = new Set(dossier.events.filter((e) => e.step === 23).map((e) => readProbationOutcome(e.outcome).outcome));
  return RECRUITMENT_FORMS.filter((form) => {
    if (form.step > reached) return false;
    if (form.kind === 'resolution-extend') return outcomes.has('extend');
    // Offered to prepare the meeting, and after it unless the meeting cancelled the probation.
    if (form.kind === 'resolution-confirm') return !outcomes.has('cancel') || outcomes.has('confirm');
    return true;
  });
}
