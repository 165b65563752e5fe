import { describe, expect, it } from 'vitest';
import { formText } from './document';
import { meetingNotice } from './meeting-notice';

const ctx = { branchName: '市水利局离退休干部党支部', attendees: '全体党员', today: '2026-11-23' };

describe('meetingNotice', () => {
  it('gives kind, time, place and the agenda in order', () => {
    const text = formText(
      meetingNotice({ kind: 'assembly', date: '2026-12-05', startTime: '09:00', endTime: '11:00', place: '局老干部活动室', agenda: [{ title: '传达学习上级精神' }, { title: '讨论接收预备党员' }] }, ctx),
    );
    expect(text).toContain('关于召开支部党员大会的通知');
    expect(text).toContain('全体党员：');
    expect(text).toContain('2026年12月5日 09:00—11:00');
    expect(text).toContain('局老干部活动室');
    expect(text).toContain('（1）传达学习上级精神；（2）讨论接收预备党员');
    expect(text).toContain('中共市水利局离退休干部党支部委员会');
  });

  it('leaves blank lines for what is not entered yet, and never invents a place', () => {
    const text = formText(meetingNotice({ kind: 'lecture', date: '2026-12-05', agenda: [{ title: ' ' }] }, ctx));
    expect(text).toContain('地点：＿＿＿＿＿＿＿＿＿＿');
    expect(text).toContain('议程：＿＿＿＿');
    expect(text).not.toContain('活动室');
  });
});
