/** Demo minutes: a realistic rhythm of 三会一课 with attendance, agenda and decisions. */
import type dayjs from 'dayjs';
import type { MeetingDoc, MeetingKind, PersonDoc } from '../model';
import type { DemoStamp } from './people';
import type { SeededRandom } from './random';

const ABSENCE_REASONS = ['住院治疗', '外出探亲', '身体不适', '照顾家人', '在外地居住'] as const;

const TOPICS: Record<MeetingKind, readonly string[]> = {
  assembly: ['学习贯彻党的二十届四中全会精神', '通报支部上半年工作', '讨论年度党费收缴情况', '部署下半年重点工作'],
  committee: ['研究本月主题党日安排', '研究走访慰问困难党员', '研究党费收缴和使用', '研究发展党员工作'],
  group: ['学习《中国共产党章程》', '交流学习体会', '读报学习时事', '学习党史故事'],
  lecture: ['书记讲党课：坚定理想信念', '老党员讲传统', '学习党的纪律规定', '党史专题党课'],
  'theme-day': ['重温入党誓词', '参观红色教育基地', '社区志愿服务', '观看红色电影'],
  'life-meeting': ['年度组织生活会：对照检查、批评与自我批评'],
  appraisal: ['年度民主评议党员'],
};

export interface MeetingPlanItem {
  kind: MeetingKind;
  date: string;
  attendees: readonly PersonDoc[];
  groupId?: string;
}

export interface MeetingContext {
  orgId: string;
  hostName: string;
  recorderName: string;
  place: string;
  stamp: DemoStamp;
}

export function demoMeeting(random: SeededRandom, plan: MeetingPlanItem, context: MeetingContext): MeetingDoc {
  const topic = random.pick(TOPICS[plan.kind]);
  const attendance = plan.attendees.map((person) => {
    if (person.category === 'mobile') return { personId: person.id, state: 'leave' as const, reason: '在外地居住' };
    if (person.bedridden) {
      const homeStudy = plan.kind === 'theme-day' || plan.kind === 'lecture' || plan.kind === 'group';
      return homeStudy
        ? { personId: person.id, state: 'home-study' as const, reason: '长期卧床，送学上门' }
        : { personId: person.id, state: 'leave' as const, reason: '长期卧床' };
    }
    if (random.chance(0.1)) return { personId: person.id, state: 'leave' as const, reason: random.pick(ABSENCE_REASONS) };
    if (random.chance(0.02)) return { personId: person.id, state: 'absent' as const, reason: '未说明原因' };
    return { personId: person.id, state: 'present' as const };
  });
  const startHour = random.pick(['09', '09', '14', '15']);
  const meeting: MeetingDoc = {
    id: random.id(context.stamp.atMs),
    orgId: context.orgId,
    createdAt: context.stamp.at,
    updatedAt: context.stamp.at,
    updatedBy: context.stamp.by,
    kind: plan.kind,
    date: plan.date,
    startTime: `${startHour}:00`,
    endTime: `${String(Number(startHour) + 1).padStart(2, '0')}:30`,
    place: context.place,
    topic,
    hostName: context.hostName,
    recorderName: context.recorderName,
    attendance,
    guests: [],
    agenda: [
      {
        title: topic,
        speeches: [{ speakerName: context.hostName, text: `${context.hostName}同志主持学习，领学有关内容并提出要求。` }],
        decision: '与会同志一致表示要结合实际认真学习领会。',
      },
    ],
    votes: [],
    decisions: [],
    status: 'final',
    finalizedAt: context.stamp.at,
  };
  if (plan.groupId) meeting.groupId = plan.groupId;
  return meeting;
}

/** A date in the given month on a plausible weekday: 主题党日 on a fixed day, others mid-month. */
export function meetingDate(random: SeededRandom, month: dayjs.Dayjs, kind: MeetingKind): string {
  const day = kind === 'theme-day' ? 10 : random.int(3, 26);
  return month.date(day).format('YYYY-MM-DD');
}

/** The 三会一课 rhythm of one month (domain reference §2). */
export function monthlyKinds(monthIndex: number): MeetingKind[] {
  const kinds: MeetingKind[] = ['committee', 'theme-day'];
  const quarterEnd = monthIndex % 3 === 2;
  if (quarterEnd) kinds.push('assembly', 'lecture');
  if (monthIndex === 11) kinds.push('life-meeting', 'appraisal');
  return kinds;
}
