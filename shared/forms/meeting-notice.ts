/**
 * 会议通知: posted or read out before a meeting, from the draft of its minutes: kind, time, place,
 * agenda and who attends. Facts not yet entered print as blank lines.
 */
import type { MeetingDoc } from '../model';
import { MEETING_KIND_LABELS } from '../rules/meetings';
import { blankLine, cnDate, cnDateOrBlank, type FormDocument } from './document';

export function meetingNotice(meeting: Pick<MeetingDoc, 'kind' | 'date' | 'startTime' | 'endTime' | 'place' | 'topic' | 'agenda'>, ctx: { branchName: string; attendees: string; today: string }): FormDocument {
  const kind = MEETING_KIND_LABELS[meeting.kind];
  const time = `${cnDate(meeting.date)}${meeting.startTime ? ` ${meeting.startTime}` : blankLine(3)}${meeting.endTime ? `—${meeting.endTime}` : ''}`;
  const agenda = meeting.agenda.map((a) => a.title.trim()).filter(Boolean);
  return {
    kind: 'meeting-notice',
    title: `关于召开${kind}的通知`,
    layout: 'letter',
    addressee: `${ctx.attendees}：`,
    blocks: [
      {
        kind: 'text',
        paragraphs: [
          `经研究，定于${time}召开${kind}${meeting.topic ? `，主题是“${meeting.topic}”` : ''}。现将有关事项通知如下：`,
          `一、时间：${time}。`,
          `二、地点：${meeting.place?.trim() || blankLine(10)}。`,
          `三、议程：${agenda.length ? agenda.map((t, i) => `（${i + 1}）${t}`).join('；') : blankLine(16)}。`,
          '四、请按时参加。因故不能参加的，请提前向党支部请假并说明原因；行动不便的同志，党支部将上门送学。',
        ],
      },
      { kind: 'sign', lines: [`中共${ctx.branchName}委员会`.replace('支部委员会委员会', '支部委员会'), cnDateOrBlank(ctx.today)] },
    ],
  };
}
