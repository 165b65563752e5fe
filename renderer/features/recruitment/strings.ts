/** What the dossier shows about the committee's requests and returns (退回). */
import { recruitmentStep } from '@shared/rules/recruitment-steps';

const stepName = (step: number): string => `第${step}步（${recruitmentStep(step).name}）`;
/** The comment as the committee wrote it, without its closing stop (the sentence goes on). */
const reason = (comment: string | undefined): string => comment?.trim().replace(/[。．.！!；;，,\s]+$/u, '') ?? '';

export const RETURNS = {
  title: (label: string) => `上级党委退回了${label}`,
  returnedOn: (date: string) => `退回日期：${date}`,
  comment: (comment: string | undefined) => (reason(comment) ? `上级党委的意见：${reason(comment)}。` : '上级党委没有写明意见，请与上级党委联系。'),
  whatToDo: (leadingStep: number) => `请按意见补正后，重新登记${stepName(leadingStep)}，日期填重新办理的那一天。登记后会自动重新报上级党委。`,
  timelineNote: (date: string) => `上级党委 ${date} 退回，等支部重新报送`,
  replaced: '\u3000（已被上级党委退回，下一行是重新办理的记录）',
  nextRedo: (leadingStep: number) => `重新办理第${leadingStep}步 ${recruitmentStep(leadingStep).name}（上级党委退回）`,
  formRedo: (label: string, date: string, leadingStep: number) =>
    `上级党委在 ${date} 退回了${label}。现在登记的是重新办理的${stepName(leadingStep)}：以前的记录会保留，并注明已退回。`,
  tooEarly: (date: string) => `重新办理的日期应在上级党委退回的日期（${date}）之后，请填写重新办理的那一天。`,
  waiting: (label: string, since: string) => `等待上级党委办理${label}（支部 ${since} 报送）`,
} as const;
