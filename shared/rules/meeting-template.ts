/**
 * New minutes start from a template per meeting kind: the agenda a branch usually follows, and the
 * attendance list of the people expected (the whole branch, the committee, or one party group), each
 * marked present so that the secretary only clicks the exceptions.
 */
import type { MeetingDoc, MeetingKind, OrgDoc, PersonDoc } from '../model';

export const MEETING_AGENDAS: Readonly<Record<MeetingKind, readonly string[]>> = {
  assembly: ['传达学习上级有关精神', '讨论决定支部重要事项'],
  committee: ['研究支部近期工作'],
  group: ['组织党员学习讨论'],
  lecture: ['党课'],
  'theme-day': ['主题党日活动'],
  'life-meeting': ['通报上年度整改落实情况', '支部班子对照检查', '党员开展批评和自我批评', '明确整改措施'],
  appraisal: ['党员个人自评', '党员互评', '民主测评'],
};

/** The people a meeting of this kind expects: members of the body that meets. */
export function expectedAttendees(kind: MeetingKind, people: readonly PersonDoc[], branch: Pick<OrgDoc, 'committee'>, groupId?: string): PersonDoc[] {
  const members = people.filter((p) => p.onRoll && (p.status === 'full' || p.status === 'probationary'));
  if (kind === 'committee') {
    const ids = new Set(branch.committee.map((m) => m.personId).filter(Boolean));
    return members.filter((p) => ids.has(p.id));
  }
  if (kind === 'group') return groupId ? members.filter((p) => p.groupId === groupId) : [];
  return members;
}

export type MeetingDraft = Pick<MeetingDoc, 'kind' | 'date' | 'attendance' | 'agenda' | 'votes' | 'status'> & Partial<Pick<MeetingDoc, 'groupId' | 'topic'>>;

/**
 * The draft of new minutes. Homebound members (bedridden) start as 送学上门: a retired members' branch
 * takes the meeting to them; the secretary changes it when it did not happen.
 */
export function meetingFromTemplate(kind: MeetingKind, date: string, people: readonly PersonDoc[], branch: Pick<OrgDoc, 'committee'>, groupId?: string): MeetingDraft {
  const attendees = expectedAttendees(kind, people, branch, groupId).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  return {
    kind,
    date,
    ...(groupId && kind === 'group' ? { groupId } : {}),
    attendance: attendees.map((p) => (p.bedridden ? { personId: p.id, state: 'home-study' as const } : { personId: p.id, state: 'present' as const })),
    agenda: MEETING_AGENDAS[kind].map((title) => ({ title, speeches: [] })),
    votes: [],
    status: 'draft',
  };
}
