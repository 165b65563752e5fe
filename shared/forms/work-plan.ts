/**
 * 发展党员工作计划: for the next calendar quarter, what each person in the pipeline is due for, with
 * the lawful window of the step (from checkTimeline) and the deadlines that fall in the quarter.
 */
import { addDays } from '../dates';
import type { PartyStatus } from '../model';
import type { RecruitmentCheck } from '../rules/recruitment';
import { recruitmentStep } from '../rules/recruitment-steps';
import { blankLine, cnDate, type FormDocument } from './document';
import { STATUS_LABELS } from './labels';

export interface PlanPerson {
  name: string;
  status: PartyStatus;
  check: RecruitmentCheck;
}

export interface Quarter {
  /** '2027年第一季度' */
  label: string;
  from: string;
  to: string;
}

const QUARTER_NAMES = ['第一季度', '第二季度', '第三季度', '第四季度'];

/** The calendar quarter after the one `today` falls in. */
export function nextQuarter(today: string): Quarter {
  const year = Number(today.slice(0, 4));
  const current = Math.floor((Number(today.slice(5, 7)) - 1) / 3);
  const index = (current + 1) % 4;
  const y = current === 3 ? year + 1 : year;
  const from = `${y}-${String(index * 3 + 1).padStart(2, '0')}-01`;
  const to = addDays(index === 3 ? `${y + 1}-01-01` : `${y}-${String(index * 3 + 4).padStart(2, '0')}-01`, -1);
  return { label: `${y}年${QUARTER_NAMES[index]}`, from, to };
}

export interface PlanRow {
  name: string;
  status: string;
  step: string;
  window: string;
  actor: string;
  note: string;
}

/**
 * One row per person whose next step can be taken by the end of the quarter, overdue first, then by
 * the earliest date. People whose next step opens only after the quarter are left out.
 */
export function workPlanRows(people: readonly PlanPerson[], quarter: Quarter, today: string): PlanRow[] {
  return people
    .filter((p) => p.check.next && p.check.next.earliest <= quarter.to)
    .map((p) => {
      const next = p.check.next!;
      const overdue = next.latest !== undefined && next.latest < today;
      const due = p.check.deadlines.filter((d) => d.date <= quarter.to).map((d) => `${cnDate(d.date)}前：${d.label}`);
      // Due before the quarter begins: do it now, whatever the quarter.
      const urgent = next.latest !== undefined && next.latest < quarter.from;
      const from = next.earliest > quarter.from ? next.earliest : quarter.from;
      return {
        sort: `${overdue ? 0 : 1}${from}`,
        row: {
          name: p.name,
          status: STATUS_LABELS[p.status],
          step: `第${next.step}步 ${recruitmentStep(next.step).name}`,
          window: urgent ? `尽快，${cnDate(next.latest)}前` : `${cnDate(from)}起${next.latest ? `，${cnDate(next.latest)}前` : ''}`,
          actor: recruitmentStep(next.step).actor,
          note: [overdue ? '已逾期，请尽快办理' : '', ...due].filter(Boolean).join('；'),
        },
      };
    })
    .sort((a, b) => a.sort.localeCompare(b.sort))
    .map((r) => r.row);
}

export function workPlanForm(input: { branchName: string; people: readonly PlanPerson[] | null; today: string }): FormDocument {
  const quarter = nextQuarter(input.today);
  const rows = input.people ? workPlanRows(input.people, quarter, input.today).map((r) => [r.name, r.status, r.step, r.window, r.actor, r.note]) : [];
  return {
    kind: 'work-plan',
    title: '发展党员工作计划',
    subtitle: input.people ? `${input.branchName}\u3000${quarter.label}（${cnDate(quarter.from)}至${cnDate(quarter.to)}）` : `${blankLine(10)}党支部\u3000${blankLine(4)}年第${blankLine(2)}季度`,
    layout: 'form',
    landscape: true,
    blocks: [
      { kind: 'table', headers: ['姓名', '当前身份', '计划进行的步骤', '可以进行的时间', '由谁办理', '期限和说明'], rows, blankRows: input.people ? (rows.length ? 2 : 4) : 10, widths: [10, 12, 24, 20, 14, 20] },
      ...(input.people && rows.length === 0 ? [{ kind: 'hint' as const, lines: ['本季度没有到期可以进行的发展步骤。'] }] : []),
      { kind: 'hint', lines: ['时间按《中国共产党发展党员工作细则》的规定计算；计划经支部委员会研究后执行。'] },
      { kind: 'sign', lines: [`党支部书记（签名）：${blankLine(6)}`, input.people ? cnDate(input.today) : '＿＿＿＿年＿＿月＿＿日'] },
    ],
  };
}
