import { describe, expect, it } from 'vitest';
import type { MeetingDoc, MeetingKind } from '../model';
import { attendanceRates, calendarBuckets, meetingGaps, threeMeetingsCompliance, type MeetingGap } from './meetings';

type Vote = MeetingDoc['votes'][number];

/** A complete 支委会 record of a community branch: three committee members, one on leave. */
function meeting(overrides: Partial<MeetingDoc> = {}): MeetingDoc {
  return {
    id: 'M-2026-03-12',
    orgId: 'ORG',
    createdAt: '2026-03-12T10:40:00.000+08:00',
    updatedAt: '2026-03-12T10:40:00.000+08:00',
    updatedBy: '本机',
    kind: 'committee',
    date: '2026-03-12',
    startTime: '09:00',
    endTime: '10:30',
    place: '幸福社区党群服务中心二楼会议室',
    hostName: '王建国',
    recorderName: '李秀英',
    attendance: [
      { personId: 'WANG', state: 'present' },
      { personId: 'LI', state: 'present' },
      { personId: 'ZHAO', state: 'leave', reason: '住院治疗' },
    ],
    agenda: [
      {
        title: '研究本月主题党日安排',
        speeches: [{ speakerName: '王建国', text: '建议组织党员参观市革命历史纪念馆。' }],
        decision: '4月10日组织参观市革命历史纪念馆。',
      },
    ],
    votes: [],
    decisions: [],
    status: 'final',
    ...overrides,
  };
}

/** Full members with voting rights of the branch; 孙丽 (SUN) is a probationary member. */
const FULL_MEMBERS = ['WANG', 'LI', 'ZHAO', 'QIAN', 'ZHOU'];
const NAMES = { WANG: '王建国', LI: '李秀英', ZHAO: '赵志强', QIAN: '钱桂兰', ZHOU: '周文华', SUN: '孙丽', ZHANG: '张晓梅' };

function admitVote(overrides: Partial<Vote> = {}): Vote {
  return { motion: 'admit', subject: '张晓梅', aboutPersonId: 'ZHANG', method: 'hands', yes: 4, no: 0, abstain: 0, ...overrides };
}

/** A 支部党员大会 admitting 张晓梅: four of five full members and the probationary 孙丽 present. */
function admissionMeeting(overrides: Partial<MeetingDoc> = {}): MeetingDoc {
  return meeting({
    kind: 'assembly',
    attendance: [
      { personId: 'WANG', state: 'present' },
      { personId: 'LI', state: 'present' },
      { personId: 'ZHAO', state: 'present' },
      { personId: 'QIAN', state: 'present' },
      { personId: 'ZHOU', state: 'leave', reason: '在外地探亲' },
      { personId: 'SUN', state: 'present' },
    ],
    agenda: [
      {
        title: '讨论接收张晓梅同志为预备党员',
        speeches: [
          { speakerName: '李秀英', aboutPersonId: 'ZHANG', text: '作为入党介绍人，介绍张晓梅同志的主要表现。' },
          { speakerName: '钱桂兰', aboutPersonId: 'ZHANG', text: '同意接收，希望今后加强理论学习。' },
        ],
        decision: '同意接收张晓梅同志为中共预备党员。',
      },
    ],
    votes: [admitVote()],
    ...overrides,
  });
}

const fields = (gaps: MeetingGap[]) => gaps.map((g) => g.field);
const messages = (gaps: MeetingGap[]) => gaps.map((g) => g.message);

describe('meetingGaps', () => {
  it('finds nothing missing in a complete record', () => {
    expect(meetingGaps(meeting())).toEqual([]);
  });

  it('finds nothing missing in a complete 支部党员大会 admitting one candidate', () => {
    expect(meetingGaps(admissionMeeting(), { names: NAMES, fullMemberIds: FULL_MEMBERS })).toEqual([]);
  });

  describe('date, time and place', () => {
    it('asks for a valid date', () => {
      expect(meetingGaps(meeting({ date: '2026-02-30' }))).toEqual([{ field: 'date', message: '请填写会议日期，格式为 年-月-日，例如 2026-03-15' }]);
    });

    it('asks for the start time', () => {
      expect(messages(meetingGaps(meeting({ startTime: undefined })))).toEqual(['请填写会议开始时间']);
    });

    it('asks for the end time', () => {
      expect(messages(meetingGaps(meeting({ endTime: undefined })))).toEqual(['请填写会议结束时间']);
    });

    it('asks for a time written as hours and minutes', () => {
      expect(messages(meetingGaps(meeting({ startTime: '25:00' })))).toEqual(['会议开始时间应写成 时:分，例如 09:00']);
    });

    it('refuses an end before the start', () => {
      expect(messages(meetingGaps(meeting({ startTime: '14:30', endTime: '14:00' })))).toEqual(['会议结束时间应晚于开始时间']);
    });

    it('asks for the place when only spaces were typed', () => {
      expect(meetingGaps(meeting({ place: '  ' }))).toEqual([{ field: 'place', message: '请填写会议地点' }]);
    });
  });

  describe('host, recorder and group', () => {
    it('asks for the host', () => {
      expect(meetingGaps(meeting({ hostName: undefined }))).toEqual([{ field: 'host', message: '请填写主持人' }]);
    });

    it('accepts a host chosen from the roster without a typed name', () => {
      expect(meetingGaps(meeting({ hostName: undefined, hostId: 'WANG' }))).toEqual([]);
    });

    it('asks for the recorder', () => {
      expect(meetingGaps(meeting({ recorderName: '' }))).toEqual([{ field: 'recorder', message: '请填写记录人' }]);
    });

    it('asks which party group held a 党小组会', () => {
      expect(meetingGaps(meeting({ kind: 'group' }))).toEqual([{ field: 'group', message: '请选择召开会议的党小组' }]);
    });

    it('needs nothing more for a 党小组会 that names its group', () => {
      expect(meetingGaps(meeting({ kind: 'group', groupId: 'G1' }))).toEqual([]);
    });
  });

  describe('attendance', () => {
    it('asks for the attendance when nobody is recorded', () => {
      expect(meetingGaps(meeting({ attendance: [] }))).toEqual([{ field: 'attendance', message: '请登记出席情况：逐人标明出席、缺席或请假' }]);
    });

    it('questions an attendance where nobody was present', () => {
      expect(messages(meetingGaps(meeting({ attendance: [{ personId: 'ZHAO', state: 'leave', reason: '住院治疗' }] })))).toEqual(['出席登记中没有一人出席，请核对']);
    });

    it('asks why an absentee was absent, by name', () => {
      const record = meeting({ attendance: [{ personId: 'WANG', state: 'present' }, { personId: 'ZHAO', state: 'absent' }] });
      expect(meetingGaps(record, { names: NAMES })).toEqual([{ field: 'attendance', personId: 'ZHAO', message: '请填写赵志强缺席的原因' }]);
    });

    it('asks why a member was granted leave', () => {
      const record = meeting({ attendance: [{ personId: 'WANG', state: 'present' }, { personId: 'ZHAO', state: 'leave', reason: ' ' }] });
      expect(messages(meetingGaps(record, { names: NAMES }))).toEqual(['请填写赵志强请假的原因']);
    });

    it('calls an absentee 该党员 when names are not given', () => {
      const record = meeting({ attendance: [{ personId: 'WANG', state: 'present' }, { personId: 'ZHAO', state: 'absent' }] });
      expect(messages(meetingGaps(record))).toEqual(['请填写该党员缺席的原因']);
    });

    it('needs no reason for a member reached by 送学上门', () => {
      expect(meetingGaps(meeting({ attendance: [{ personId: 'WANG', state: 'present' }, { personId: 'ZHAO', state: 'home-study' }] }))).toEqual([]);
    });

    it('finds a member recorded twice', () => {
      const record = meeting({ attendance: [{ personId: 'WANG', state: 'present' }, { personId: 'WANG', state: 'present' }] });
      expect(meetingGaps(record, { names: NAMES })).toEqual([{ field: 'attendance', personId: 'WANG', message: '王建国登记了两次，请删去一行' }]);
    });
  });

  describe('agenda, speeches and decisions', () => {
    it('asks for the agenda', () => {
      expect(fields(meetingGaps(meeting({ agenda: [], decisions: ['4月10日组织参观'] })))).toEqual(['agenda']);
    });

    it('asks for the title of an agenda item', () => {
      const record = meeting({ agenda: [{ title: '', speeches: [{ speakerName: '王建国', text: '通报情况。' }], decision: '通过。' }] });
      expect(meetingGaps(record)).toEqual([{ field: 'agenda', agendaIndex: 0, message: '第1项议程请填写题目' }]);
    });

    it('asks for the speeches of an agenda item', () => {
      const record = meeting({ agenda: [{ title: '研究本月主题党日安排', decision: '4月10日组织参观。' }] });
      expect(meetingGaps(record)).toEqual([{ field: 'speeches', agendaIndex: 0, message: '请记录“研究本月主题党日安排”的发言情况' }]);
    });

    it('asks what a speaker said', () => {
      const record = meeting({ agenda: [{ title: '研究本月主题党日安排', speeches: [{ speakerName: '李秀英', text: '' }], decision: '4月10日组织参观。' }] });
      expect(messages(meetingGaps(record))).toEqual(['请填写李秀英的发言内容']);
    });

    it('asks a 支委会 what it decided', () => {
      const record = meeting({ agenda: [{ title: '研究本月主题党日安排', speeches: [{ speakerName: '王建国', text: '提出建议。' }] }] });
      expect(meetingGaps(record)).toEqual([{ field: 'decisions', message: '请填写支部委员会会议作出的决定' }]);
    });

    it('takes a decision written for the whole meeting', () => {
      const record = meeting({ agenda: [{ title: '研究本月主题党日安排', speeches: [{ speakerName: '王建国', text: '提出建议。' }] }], decisions: ['4月10日组织参观。'] });
      expect(meetingGaps(record)).toEqual([]);
    });

    it('does not ask a 党课 for a decision', () => {
      const record = meeting({ kind: 'lecture', agenda: [{ title: '书记讲党课：坚定理想信念', speeches: [{ speakerName: '王建国', text: '讲授党课。' }] }] });
      expect(meetingGaps(record)).toEqual([]);
    });
  });

  describe('votes', () => {
    it('refuses a vote admitting a member at a 支委会', () => {
      const record = meeting({ votes: [admitVote()], agenda: admissionMeeting().agenda });
      expect(messages(meetingGaps(record))).toEqual(['接收预备党员、预备党员转正和延长预备期须由支部党员大会表决，不能在支部委员会会议上表决']);
    });

    it('asks which member a vote on a person is about (R-VOTE-EACH)', () => {
      expect(meetingGaps(admissionMeeting({ votes: [admitVote({ aboutPersonId: undefined })] }))).toEqual([
        { field: 'votes', voteIndex: 0, message: '请选择“张晓梅”表决所涉及的党员：每人单独表决', rule: 'R-VOTE-EACH' },
      ]);
    });

    it('asks for the discussion of each candidate voted on (R-VOTE-EACH)', () => {
      const record = admissionMeeting({ votes: [admitVote(), admitVote({ subject: '刘洋', aboutPersonId: 'LIU' })] });
      expect(meetingGaps(record)).toEqual([{ field: 'votes', voteIndex: 1, message: '请记录讨论刘洋时与会同志的发言：每人单独讨论', rule: 'R-VOTE-EACH' }]);
    });

    it('asks for the subject of a vote', () => {
      expect(messages(meetingGaps(admissionMeeting({ votes: [admitVote({ subject: ' ' })] })))).toEqual(['第1项表决请写明表决事项或对象']);
    });

    it('asks for the result of a vote left at zero', () => {
      expect(messages(meetingGaps(admissionMeeting({ votes: [admitVote({ yes: 0 })] })))).toEqual(['请填写“张晓梅”的表决结果：赞成、反对、弃权各多少票']);
    });

    it('asks for the ballots of a secret ballot', () => {
      expect(messages(meetingGaps(admissionMeeting({ votes: [admitVote({ method: 'ballot' })] })))).toEqual(['“张晓梅”为无记名投票，请填写发出和收回的选票数']);
    });

    it('finds a secret ballot void when more ballots came back than were issued', () => {
      const record = admissionMeeting({ votes: [admitVote({ method: 'ballot', ballotsIssued: 4, ballotsReturned: 5 })] });
      expect(messages(meetingGaps(record))).toEqual(['“张晓梅”收回选票5张，多于发出的4张，这次投票无效，应当重新投票']);
    });

    it('finds a count that includes the probationary member’s hand, given the full members', () => {
      const record = admissionMeeting({ votes: [admitVote({ yes: 5 })] });
      expect(meetingGaps(record, { fullMemberIds: FULL_MEMBERS })).toEqual([
        {
          field: 'votes',
          voteIndex: 0,
          message: '到会表决票共5票（赞成5、反对0、弃权0），多于实到会有表决权的党员4人。预备党员和受留党察看处分的党员没有表决权，他们的意见不计入表决票，请核对',
        },
      ]);
    });

    it('does not check the vote numbers without the full members', () => {
      expect(meetingGaps(admissionMeeting({ votes: [admitVote({ yes: 5 })] }))).toEqual([]);
    });

    it('finds more written opinions than absent voting members (R-VOTE-WRITTEN)', () => {
      const record = admissionMeeting({ votes: [admitVote({ writtenYes: 2 })] });
      expect(meetingGaps(record, { fullMemberIds: FULL_MEMBERS })).toMatchObject([{ field: 'votes', voteIndex: 0, rule: 'R-VOTE-WRITTEN', message: expect.stringContaining('书面意见共2份') }]);
    });

    it('accepts the written opinion of the one absent voting member', () => {
      expect(meetingGaps(admissionMeeting({ votes: [admitVote({ writtenYes: 1 })] }), { fullMemberIds: FULL_MEMBERS })).toEqual([]);
    });
  });
});

/** A held meeting, as little as compliance reads. */
function held(kind: MeetingKind, date: string, overrides: Partial<MeetingDoc> = {}): MeetingDoc {
  return meeting({ id: `${kind}-${date}${overrides.groupId ? `-${overrides.groupId}` : ''}`, kind, date, ...overrides });
}

const GROUPS = [
  { id: 'G1', name: '第一党小组' },
  { id: 'G2', name: '第二党小组' },
];
const YEAR_2026 = { from: '2026-01-01', to: '2026-12-31' };

/** Every meeting the rules ask of a branch with two party groups in 2026. */
function fullYear(): MeetingDoc[] {
  const meetings: MeetingDoc[] = [];
  for (let month = 1; month <= 12; month += 1) {
    const mm = String(month).padStart(2, '0');
    meetings.push(held('committee', `2026-${mm}-05`), held('theme-day', `2026-${mm}-10`));
    for (const group of GROUPS) meetings.push(held('group', `2026-${mm}-15`, { groupId: group.id }));
    if (month % 3 === 0) meetings.push(held('assembly', `2026-${mm}-20`), held('lecture', `2026-${mm}-20`));
  }
  meetings.push(held('life-meeting', '2026-12-22'), held('appraisal', '2026-12-23'));
  return meetings;
}

function slot(report: ReturnType<typeof threeMeetingsCompliance>, kind: MeetingKind, key: string, groupId?: string) {
  const required = report.required.find((r) => r.kind === kind && r.groupId === groupId);
  return required?.slots.find((s) => s.bucket.key === key);
}

describe('calendarBuckets', () => {
  it('lists the months of a period, the partial ones included', () => {
    expect(calendarBuckets({ from: '2026-11-15', to: '2027-01-10' }, 'month').map((b) => b.key)).toEqual(['2026-11', '2026-12', '2027-01']);
  });

  it('names a month and gives its first and last day', () => {
    expect(calendarBuckets({ from: '2028-02-01', to: '2028-02-29' }, 'month')).toEqual([{ key: '2028-02', label: '2028年2月', from: '2028-02-01', to: '2028-02-29' }]);
  });

  it('widens a period starting mid-quarter to the whole quarter', () => {
    expect(calendarBuckets({ from: '2026-02-15', to: '2026-04-01' }, 'quarter')).toEqual([
      { key: '2026-Q1', label: '2026年第一季度', from: '2026-01-01', to: '2026-03-31' },
      { key: '2026-Q2', label: '2026年第二季度', from: '2026-04-01', to: '2026-06-30' },
    ]);
  });

  it('lists the years a period touches', () => {
    expect(calendarBuckets({ from: '2025-12-01', to: '2026-01-31' }, 'year').map((b) => [b.label, b.from, b.to])).toEqual([
      ['2025年', '2025-01-01', '2025-12-31'],
      ['2026年', '2026-01-01', '2026-12-31'],
    ]);
  });
});

describe('threeMeetingsCompliance', () => {
  it('finds nothing missing in a year when every required meeting was held', () => {
    const report = threeMeetingsCompliance(fullYear(), YEAR_2026, GROUPS);
    expect(report.totals).toEqual({ slots: 58, held: 58, missing: 0, open: 0 });
  });

  it('lists the requirements in the order of the rules, one 党小组会 per group', () => {
    const report = threeMeetingsCompliance([], YEAR_2026, GROUPS);
    expect(report.required.map((r) => [r.label, r.rule])).toEqual([
      ['支部党员大会', '每季度至少召开一次'],
      ['支部委员会会议', '每月召开一次'],
      ['党小组会（第一党小组）', '每月召开一次'],
      ['党小组会（第二党小组）', '每月召开一次'],
      ['党课', '每季度至少上一次'],
      ['主题党日', '每月开展一次'],
      ['组织生活会', '每年召开一次'],
      ['民主评议党员', '每年开展一次'],
    ]);
  });

  it('finds a month without a 支委会 and says what the rule asks', () => {
    const meetings = fullYear().filter((m) => m.id !== 'committee-2026-03-05');
    const report = threeMeetingsCompliance(meetings, YEAR_2026, GROUPS);
    expect(report.missing).toEqual([
      { kind: 'committee', bucket: { key: '2026-03', label: '2026年3月', from: '2026-03-01', to: '2026-03-31' }, status: 'missing', meetingIds: [], draftOnly: false, message: '2026年3月未召开支部委员会会议（按规定每月召开一次）。' },
    ]);
  });

  it('keeps a quarter with one 党员大会 in its first month', () => {
    const report = threeMeetingsCompliance([held('assembly', '2026-01-08')], YEAR_2026, GROUPS);
    expect(slot(report, 'assembly', '2026-Q1')?.status).toBe('held');
  });

  it('finds a quarter without a 党课', () => {
    const meetings = fullYear().filter((m) => m.id !== 'lecture-2026-06-20');
    expect(slot(threeMeetingsCompliance(meetings, YEAR_2026, GROUPS), 'lecture', '2026-Q2')?.message).toBe('2026年第二季度未召开党课（按规定每季度至少上一次）。');
  });

  it('checks each party group on its own', () => {
    const report = threeMeetingsCompliance([held('group', '2026-05-15', { groupId: 'G1' })], { from: '2026-05-01', to: '2026-05-31' }, GROUPS);
    expect(slot(report, 'group', '2026-05', 'G1')?.status).toBe('held');
    expect(slot(report, 'group', '2026-05', 'G2')?.message).toBe('2026年5月未召开党小组会（第二党小组）（按规定每月召开一次）。');
  });

  it('counts a 党小组会 without a group for no group and lists it', () => {
    const report = threeMeetingsCompliance([held('group', '2026-05-15')], { from: '2026-05-01', to: '2026-05-31' }, GROUPS);
    expect(report.required.filter((r) => r.kind === 'group').map((r) => r.held)).toEqual([0, 0]);
    expect(report.groupMeetingsWithoutGroup).toEqual(['group-2026-05-15']);
  });

  it('asks no 党小组会 of a branch without party groups', () => {
    expect(threeMeetingsCompliance([], YEAR_2026, []).required.some((r) => r.kind === 'group')).toBe(false);
  });

  it('asks no 支委会 of a branch without a committee', () => {
    expect(threeMeetingsCompliance([], YEAR_2026, GROUPS, { hasCommittee: false }).required.some((r) => r.kind === 'committee')).toBe(false);
  });

  it('leaves the current month open, not missing, when the period ends inside it', () => {
    const report = threeMeetingsCompliance([], { from: '2026-01-01', to: '2026-03-12' }, GROUPS);
    expect(slot(report, 'committee', '2026-02')?.status).toBe('missing');
    expect(slot(report, 'committee', '2026-03')).toMatchObject({ status: 'open', message: '2026年3月尚未召开支部委员会会议，请在 2026-03-31 前召开。' });
  });

  it('keeps the year’s 组织生活会 open until the year ends', () => {
    const report = threeMeetingsCompliance([], { from: '2026-01-01', to: '2026-11-30' }, GROUPS);
    expect(slot(report, 'life-meeting', '2026')?.status).toBe('open');
    expect(slot(threeMeetingsCompliance([], YEAR_2026, GROUPS), 'life-meeting', '2026')?.status).toBe('missing');
  });

  it('does not count a meeting planned after the end of the period', () => {
    const report = threeMeetingsCompliance([held('committee', '2026-03-20', { status: 'draft' })], { from: '2026-03-01', to: '2026-03-12' }, GROUPS);
    expect(slot(report, 'committee', '2026-03')?.status).toBe('open');
  });

  it('counts a meeting of the first quarter held before a period starting in February', () => {
    const report = threeMeetingsCompliance([held('lecture', '2026-01-20')], { from: '2026-02-01', to: '2026-03-31' }, GROUPS);
    expect(slot(report, 'lecture', '2026-Q1')).toMatchObject({ status: 'held', meetingIds: ['lecture-2026-01-20'] });
  });

  it('counts a draft record as held and says it is not finalized', () => {
    const report = threeMeetingsCompliance([held('theme-day', '2026-03-10', { status: 'draft' })], { from: '2026-03-01', to: '2026-03-31' }, GROUPS);
    expect(slot(report, 'theme-day', '2026-03')).toMatchObject({ status: 'held', draftOnly: true, message: '2026年3月已召开主题党日，会议记录尚未定稿。' });
  });

  it('does not call a month with a finalized record draft-only', () => {
    const meetings = [held('theme-day', '2026-03-10'), held('theme-day', '2026-03-25', { status: 'draft' })];
    expect(slot(threeMeetingsCompliance(meetings, { from: '2026-03-01', to: '2026-03-31' }, GROUPS), 'theme-day', '2026-03')?.draftOnly).toBe(false);
  });

  it('lists every meeting of a bucket in date order and counts them in the message', () => {
    const meetings = [held('committee', '2026-03-25'), held('committee', '2026-03-05')];
    expect(slot(threeMeetingsCompliance(meetings, { from: '2026-03-01', to: '2026-03-31' }, GROUPS), 'committee', '2026-03')).toMatchObject({
      meetingIds: ['committee-2026-03-05', 'committee-2026-03-25'],
      message: '2026年3月已召开支部委员会会议2次。',
    });
  });

  it('ignores a record whose date is not a real day', () => {
    const report = threeMeetingsCompliance([held('committee', '2026-02-30')], { from: '2026-02-01', to: '2026-02-28' }, GROUPS);
    expect(slot(report, 'committee', '2026-02')?.status).toBe('missing');
  });

  it('lists missing meetings earliest first, whatever their kind', () => {
    const meetings = fullYear().filter((m) => !['assembly-2026-06-20', 'committee-2026-02-05', 'theme-day-2026-07-10'].includes(m.id));
    expect(threeMeetingsCompliance(meetings, YEAR_2026, GROUPS).missing.map((s) => s.bucket.label)).toEqual(['2026年2月', '2026年第二季度', '2026年7月']);
  });

  it('refuses a period that ends before it starts', () => {
    expect(() => threeMeetingsCompliance([], { from: '2026-12-31', to: '2026-01-01' }, GROUPS)).toThrow('统计期间的开始日期 2026-12-31 晚于结束日期 2026-01-01，请调换');
  });

  it('refuses a period with a date that is not a real day', () => {
    expect(() => threeMeetingsCompliance([], { from: '2026-01-01', to: '2026-13-01' }, GROUPS)).toThrow(RangeError);
  });
});

describe('attendanceRates', () => {
  const m = (...rows: [string, 'present' | 'absent' | 'leave' | 'home-study'][]) => ({ attendance: rows.map(([personId, state]) => ({ personId, state })) });

  it('counts 送学上门 as taking part, 请假 and 缺席 as not, and sorts the lowest rate first', () => {
    const rates = attendanceRates([m(['A', 'present'], ['B', 'leave'], ['C', 'home-study']), m(['A', 'present'], ['B', 'absent'], ['C', 'home-study']), m(['A', 'absent'])], ['A', 'B', 'C', 'D']);
    expect(rates.map((r) => [r.personId, r.expected, r.rate])).toEqual([
      ['B', 2, 0],
      ['A', 3, 2 / 3],
      ['C', 2, 1],
      ['D', 0, null],
    ]);
    expect(rates[0]).toMatchObject({ leave: 1, absent: 1 });
  });

  it('counts a person listed twice in one meeting once, and ignores people not asked about', () => {
    expect(attendanceRates([m(['A', 'present'], ['A', 'absent'], ['X', 'present'])], ['A'])).toEqual([{ personId: 'A', expected: 1, present: 1, homeStudy: 0, leave: 0, absent: 0, rate: 1 }]);
  });
});

describe('attendanceRates with 送学上门 records', () => {
  type State = 'present' | 'absent' | 'leave' | 'home-study';
  const m = (id: string, ...rows: [string, State][]) => ({ id, attendance: rows.map(([personId, state]) => ({ personId, state })) });
  /** 三月主题党日 and 四月党课; 赵志强 is bedridden, 钱桂兰 was away. */
  const MEETINGS = [m('M-03', ['WANG', 'present'], ['ZHAO', 'absent'], ['QIAN', 'leave']), m('M-04', ['WANG', 'present'], ['ZHAO', 'leave'], ['QIAN', 'absent'])];

  it('counts a member marked 缺席 at a meeting taken to him as taking part', () => {
    const [zhao] = attendanceRates(MEETINGS, ['ZHAO'], [{ personId: 'ZHAO', meetingId: 'M-03' }]);
    expect(zhao).toEqual({ personId: 'ZHAO', expected: 2, present: 0, homeStudy: 1, leave: 1, absent: 0, rate: 0.5 });
  });

  it('counts a member marked 请假 at a meeting taken to him as taking part', () => {
    const [zhao] = attendanceRates(MEETINGS, ['ZHAO'], [{ personId: 'ZHAO', meetingId: 'M-04' }]);
    expect(zhao).toMatchObject({ homeStudy: 1, leave: 0, absent: 1, rate: 0.5 });
  });

  it('credits only the meeting the record names, and only the member it names', () => {
    const rates = attendanceRates(MEETINGS, ['ZHAO', 'QIAN'], [{ personId: 'ZHAO', meetingId: 'M-03' }]);
    expect(rates.find((r) => r.personId === 'QIAN')).toMatchObject({ homeStudy: 0, leave: 1, absent: 1, rate: 0 });
  });

  it('leaves a member who was present as present', () => {
    const [wang] = attendanceRates(MEETINGS, ['WANG'], [{ personId: 'WANG', meetingId: 'M-03' }]);
    expect(wang).toMatchObject({ present: 2, homeStudy: 0, rate: 1 });
  });

  it('counts a meeting once when the attendance already says 送学上门 and a record names it too', () => {
    const [zhao] = attendanceRates([m('M-05', ['ZHAO', 'home-study'])], ['ZHAO'], [{ personId: 'ZHAO', meetingId: 'M-05' }]);
    expect(zhao).toMatchObject({ expected: 1, homeStudy: 1, rate: 1 });
  });

  it('does not make a member expected at a meeting whose attendance leaves him out', () => {
    const [sun] = attendanceRates(MEETINGS, ['SUN'], [{ personId: 'SUN', meetingId: 'M-03' }]);
    expect(sun).toMatchObject({ expected: 0, homeStudy: 0, rate: null });
  });

  it('cannot credit a meeting given without its id', () => {
    const [zhao] = attendanceRates([{ attendance: [{ personId: 'ZHAO', state: 'absent' as const }] }], ['ZHAO'], [{ personId: 'ZHAO', meetingId: 'M-03' }]);
    expect(zhao).toMatchObject({ absent: 1, homeStudy: 0 });
  });

  it('gives the same rates as before when no records are given', () => {
    expect(attendanceRates(MEETINGS, ['WANG', 'ZHAO', 'QIAN'], [])).toEqual(attendanceRates(MEETINGS, ['WANG', 'ZHAO', 'QIAN']));
    expect(attendanceRates(MEETINGS, ['ZHAO'])[0]).toMatchObject({ homeStudy: 0, leave: 1, absent: 1, rate: 0 });
  });
});
