/**
 * The papers of a meeting, read as a secretary reads them: the 会议记录, the 签到表, the 支部大会决议
 * of one vote and the 表决票. Text in reading order (formText) and the blocks.
 */
import { describe, expect, it } from 'vitest';
import type { MeetingDoc, PartyStatus } from '../model';
import { formText, type FormBlock, type FormDocument, type FormField } from './document';
import { MAX_BALLOTS_PER_PAGE, minutesForm, signInSheet, voteBallotPapers, voteResolution, type MinutesContext, type MinutesPerson } from './minutes';

type Vote = MeetingDoc['votes'][number];
type Attendance = MeetingDoc['attendance'][number];

const BRANCH = '幸福社区第一党支部';

function member(name: string, status: PartyStatus = 'full', onRoll = true): MinutesPerson {
  return { name, status, onRoll };
}

/**
 * The branch on the meeting day: seven full members with voting rights (马秀珍 is bedridden), the
 * probationary 孙丽, the candidate 张晓梅 and the 发展对象 吴明, and 刘德厚 who has left the roll.
 */
const ROSTER = new Map<string, MinutesPerson>([
  ['WANG', member('王建国')],
  ['LI', member('李秀英')],
  ['ZHAO', member('赵志强')],
  ['QIAN', member('钱桂兰')],
  ['HUANG', member('黄志明')],
  ['ZHOU', member('周文华')],
  ['MA', member('马秀珍')],
  ['SUN', member('孙丽', 'probationary')],
  ['ZHANG', member('张晓梅', 'candidate')],
  ['WU', member('吴明', 'candidate')],
  ['LIU', member('刘德厚', 'full', false)],
]);

const CTX: MinutesContext = { branchName: BRANCH, people: ROSTER, fullMembersOnRoll: 7 };

/** Four full members and 孙丽 in the room, 马秀珍 studying at home, 周文华 on leave, 黄志明 absent. */
const ASSEMBLY_ATTENDANCE: Attendance[] = [
  { personId: 'WANG', state: 'present' },
  { personId: 'LI', state: 'present' },
  { personId: 'ZHAO', state: 'present' },
  { personId: 'QIAN', state: 'present' },
  { personId: 'HUANG', state: 'absent', reason: '未请假' },
  { personId: 'ZHOU', state: 'leave', reason: '在外地探亲' },
  { personId: 'MA', state: 'home-study', reason: '长期卧床，送学上门' },
  { personId: 'SUN', state: 'present' },
];

/** 马秀珍 is left out of 应到会 with consent: 7 − 1 = 6 expected, 4 present. */
function admitVote(overrides: Partial<Vote> = {}): Vote {
  return { motion: 'admit', subject: '张晓梅', aboutPersonId: 'ZHANG', method: 'hands', excluded: 1, yes: 4, no: 0, abstain: 0, ...overrides };
}

function otherVote(overrides: Partial<Vote> = {}): Vote {
  return { motion: 'other', subject: '2026年党费使用计划', method: 'hands', excluded: 1, yes: 4, no: 0, abstain: 0, ...overrides };
}

/** A final 支部党员大会 admitting 张晓梅. */
function assembly(overrides: Partial<MeetingDoc> = {}): MeetingDoc {
  return {
    id: '01JQ0000000000000000000001',
    orgId: 'ORG',
    createdAt: '2026-03-12T09:00:00.000+08:00',
    updatedAt: '2026-03-12T11:00:00.000+08:00',
    updatedBy: '本机',
    kind: 'assembly',
    date: '2026-03-12',
    startTime: '09:00',
    endTime: '10:30',
    place: '幸福社区党群服务中心二楼会议室',
    topic: '讨论接收预备党员',
    hostName: '王建国',
    recorderName: '李秀英',
    attendance: ASSEMBLY_ATTENDANCE.map((row) => ({ ...row })),
    guests: [{ name: '陈红', note: '街道党工委组织员' }],
    agenda: [
      {
        title: '讨论接收张晓梅同志为预备党员',
        speeches: [
          { speakerName: '张晓梅', aboutPersonId: 'ZHANG', text: '汇报对党的认识和入党动机。' },
          { speakerName: '李秀英', aboutPersonId: 'ZHANG', text: '作为入党介绍人，介绍该同志的情况，同意接收。' },
        ],
        decision: '同意接收张晓梅同志为预备党员。',
      },
    ],
    votes: [admitVote()],
    decisions: ['同意接收张晓梅同志为中共预备党员，报上级党委审批。'],
    status: 'final',
    finalizedAt: '2026-03-12T03:00:00.000Z',
    contentHash: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
    ...overrides,
  };
}

/** A 支委会 of the three committee members, one of them on leave. */
function committee(overrides: Partial<MeetingDoc> = {}): MeetingDoc {
  return assembly({
    kind: 'committee',
    topic: '研究本月主题党日安排',
    attendance: [
      { personId: 'WANG', state: 'present' },
      { personId: 'LI', state: 'present' },
      { personId: 'ZHAO', state: 'leave', reason: '住院治疗' },
    ],
    guests: [],
    agenda: [{ title: '研究本月主题党日安排', speeches: [{ speakerName: '王建国', text: '建议组织参观市革命历史纪念馆。' }] }],
    votes: [],
    decisions: ['4月10日组织参观市革命历史纪念馆。'],
    ...overrides,
  });
}

function fieldsOf(form: FormDocument): FormField[] {
  return form.blocks.flatMap((b) => (b.kind === 'fields' ? b.rows.flat() : []));
}

function field(form: FormDocument, label: string): string {
  const found = fieldsOf(form).find((f) => f.label === label);
  if (!found) throw new Error(`${form.kind} has no field ${label}`);
  return found.value;
}

function tablesOf(form: FormDocument): Extract<FormBlock, { kind: 'table' }>[] {
  return form.blocks.filter((b): b is Extract<FormBlock, { kind: 'table' }> => b.kind === 'table');
}

/** The paragraphs of the text blocks, in order. */
function paragraphs(form: FormDocument): string[] {
  return form.blocks.flatMap((b) => (b.kind === 'text' ? b.paragraphs : []));
}

const text = (form: FormDocument): string => formText(form);

// ─── 会议记录 ────────────────────────────────────────────────────────────────────────────────────

describe('minutesForm: the facts of the meeting', () => {
  it('prints the kind, topic, date and times, place, host and recorder', () => {
    const form = minutesForm(assembly(), CTX);
    expect(form.title).toBe('会议记录');
    expect(field(form, '会议类别')).toBe('支部党员大会');
    expect(field(form, '会议主题')).toBe('讨论接收预备党员');
    expect(field(form, '时间')).toBe('2026年3月12日 09:00—10:30');
    expect(field(form, '地点')).toBe('幸福社区党群服务中心二楼会议室');
    expect(field(form, '主持人')).toBe('王建国');
    expect(field(form, '记录人')).toBe('李秀英');
  });

  it('leaves a blank for a time not recorded', () => {
    const form = minutesForm(assembly({ startTime: undefined }), CTX);
    expect(field(form, '时间')).toBe('2026年3月12日 ＿＿＿—10:30');
  });

  it('names the host and the recorder from the roster when only their ids are recorded', () => {
    const form = minutesForm(assembly({ hostName: undefined, hostId: 'WANG', recorderName: '', recorderId: 'LI' }), CTX);
    expect(field(form, '主持人')).toBe('王建国');
    expect(field(form, '记录人')).toBe('李秀英');
  });

  it('names the group of a 党小组会 when it is known', () => {
    const form = minutesForm(committee({ kind: 'group', groupId: 'G1' }), { ...CTX, groupName: '第一党小组' });
    expect(field(form, '会议类别')).toBe('党小组会（第一党小组）');
  });

  it('counts the members of the branch on the roll, full and probationary, leaving out those who left', () => {
    expect(field(minutesForm(assembly(), CTX), '支部党员')).toBe('正式党员7人，预备党员1人');
  });
});

describe('minutesForm: attendance', () => {
  it('expects everyone in the attendance and counts as present only those in the room', () => {
    const form = minutesForm(assembly(), CTX);
    expect(field(form, '应到')).toBe('8人');
    expect(field(form, '实到')).toBe('5人');
  });

  it('prints 送学上门 apart from those present, with the names', () => {
    expect(field(minutesForm(assembly(), CTX), '送学上门')).toBe('1人（马秀珍）');
  });

  it('prints 0人 for 送学上门 when no one studied at home', () => {
    expect(field(minutesForm(committee(), CTX), '送学上门')).toBe('0人');
  });

  it('counts the full and the probationary members present', () => {
    const form = minutesForm(assembly(), CTX);
    expect(field(form, '实到正式党员')).toBe('4人');
    expect(field(form, '实到预备党员')).toBe('1人');
  });

  it('names the absent and those on leave, each with the reason', () => {
    const form = minutesForm(assembly(), CTX);
    expect(field(form, '缺席')).toBe('黄志明（未请假）');
    expect(field(form, '请假')).toBe('周文华（在外地探亲）');
  });

  it('leaves a blank to write a reason that is not recorded', () => {
    const attendance = ASSEMBLY_ATTENDANCE.map((row) => (row.personId === 'ZHOU' ? { personId: 'ZHOU', state: 'leave' as const } : row));
    expect(field(minutesForm(assembly({ attendance }), CTX), '请假')).toBe('周文华（＿＿＿＿）');
  });

  it('prints 无 when no one was absent or on leave', () => {
    const form = minutesForm(committee({ attendance: [{ personId: 'WANG', state: 'present' }] }), CTX);
    expect(field(form, '缺席')).toBe('无');
    expect(field(form, '请假')).toBe('无');
  });

  it('lists the 列席 with their note, or 无', () => {
    expect(field(minutesForm(assembly(), CTX), '列席')).toBe('陈红（街道党工委组织员）');
    expect(field(minutesForm(assembly({ guests: [{ name: '陈红' }, { name: '周平', note: '社区居委会' }] }), CTX), '列席')).toBe('陈红、周平（社区居委会）');
    expect(field(minutesForm(assembly({ guests: undefined }), CTX), '列席')).toBe('无');
  });

  it('counts a person entered twice once', () => {
    const attendance = [...ASSEMBLY_ATTENDANCE, { personId: 'WANG', state: 'present' as const }];
    const form = minutesForm(assembly({ attendance }), CTX);
    expect(field(form, '应到')).toBe('8人');
    expect(field(form, '实到')).toBe('5人');
  });

  it('prints a blank line, not an id, for a person the roster does not know', () => {
    const attendance: Attendance[] = [{ personId: 'WANG', state: 'present' }, { personId: 'GONE', state: 'leave', reason: '外出' }];
    const form = minutesForm(committee({ attendance }), CTX);
    expect(field(form, '请假')).toBe('＿＿＿＿（外出）');
    expect(text(form)).not.toContain('GONE');
  });
});

describe('minutesForm: agenda and speeches', () => {
  it('numbers the items 一、二… and gives each speech with its speaker', () => {
    const form = minutesForm(committee({ agenda: [{ title: '学习党章', speeches: [{ speakerName: '王建国', text: '领学党章第一章。' }] }, { title: '研究走访慰问' }] }), CTX);
    const headings = form.blocks.flatMap((b) => (b.kind === 'heading' ? [b.text] : []));
    expect(headings).toContain('一、学习党章');
    expect(headings).toContain('二、研究走访慰问');
    expect(paragraphs(form)).toContain('王建国：领学党章第一章。');
  });

  it('numbers the eleventh item 十一', () => {
    const agenda = Array.from({ length: 11 }, (_, i) => ({ title: `议题${i + 1}`, speeches: [{ speakerName: '王建国', text: '说明。' }] }));
    const headings = minutesForm(committee({ agenda }), CTX).blocks.flatMap((b) => (b.kind === 'heading' ? [b.text] : []));
    expect(headings).toContain('十、议题10');
    expect(headings).toContain('十一、议题11');
  });

  it('gathers the speeches about each candidate under 关于某某同志, in the order first discussed', () => {
    const agenda = [
      {
        title: '讨论接收预备党员',
        speeches: [
          { speakerName: '王建国', text: '今天讨论两名发展对象。' },
          { speakerName: '李秀英', aboutPersonId: 'ZHANG', text: '张晓梅同志工作积极。' },
          { speakerName: '赵志强', aboutPersonId: 'WU', text: '吴明同志学习认真。' },
          { speakerName: '钱桂兰', aboutPersonId: 'ZHANG', text: '同意接收张晓梅同志。' },
        ],
      },
    ];
    expect(paragraphs(minutesForm(assembly({ agenda, votes: [] }), CTX))).toEqual([
      '王建国：今天讨论两名发展对象。',
      '关于张晓梅同志：',
      '李秀英：张晓梅同志工作积极。',
      '钱桂兰：同意接收张晓梅同志。',
      '关于吴明同志：',
      '赵志强：吴明同志学习认真。',
      '1. 同意接收张晓梅同志为中共预备党员，报上级党委审批。',
    ]);
  });

  it("prints each item's decision after its speeches", () => {
    const items = paragraphs(minutesForm(assembly({ votes: [] }), CTX));
    expect(items.indexOf('决定：同意接收张晓梅同志为预备党员。')).toBeGreaterThan(items.indexOf('李秀英：作为入党介绍人，介绍该同志的情况，同意接收。'));
  });

  it('leaves ruled room to write the speeches of an item that has none recorded', () => {
    const form = minutesForm(committee({ agenda: [{ title: '其他事项' }] }), CTX);
    expect(form.blocks).toContainEqual({ kind: 'box', label: '发言', text: '', lines: 3 });
  });

  it('lists the decisions of the meeting under 会议决定', () => {
    const form = minutesForm(committee({ decisions: ['4月10日组织参观市革命历史纪念馆。', '', '走访慰问困难党员3名。'] }), CTX);
    const all = paragraphs(form);
    expect(form.blocks).toContainEqual({ kind: 'heading', text: '会议决定' });
    expect(all).toContain('1. 4月10日组织参观市革命历史纪念馆。');
    expect(all).toContain('2. 走访慰问困难党员3名。');
  });
});

describe('minutesForm: votes', () => {
  const voteText = (vote: Vote, meeting: Partial<MeetingDoc> = {}, ctx: MinutesContext = CTX): string => text(minutesForm(assembly({ votes: [vote], ...meeting }), ctx));

  it('gives the subject, the motion and the method of a show of hands', () => {
    const all = voteText(admitVote());
    expect(all).toContain('1. 表决事项：张晓梅（接收预备党员，张晓梅同志）');
    expect(all).toContain('表决方式：举手表决。');
  });

  it('gives the ballots issued and returned of a secret ballot', () => {
    expect(voteText(admitVote({ method: 'ballot', ballotsIssued: 4, ballotsReturned: 4 }))).toContain('表决方式：无记名投票，发出选票4张，收回选票4张。');
  });

  it('leaves blanks for ballots not counted', () => {
    expect(voteText(admitVote({ method: 'ballot' }))).toContain('表决方式：无记名投票，发出选票＿＿张，收回选票＿＿张。');
  });

  it('takes 应到会 from the full members on the roll less those excluded, and the present from the attendance', () => {
    const all = voteText(admitVote());
    expect(all).toContain('应到会有表决权的党员6人（有表决权的正式党员7人，经批准不计入1人）。');
    expect(all).toContain('实到会有表决权的党员4人，超过应到会人数的半数，可以进行表决。');
    expect(all).toContain('赞成4票，反对0票，弃权0票。');
    expect(all).toContain('表决结果：通过。');
  });

  it('says 未通过 when the yes votes are exactly half of 应到会', () => {
    const all = voteText(admitVote({ yes: 3, no: 1 }));
    expect(all).toContain('表决结果：未通过（赞成票恰好为应到会人数的半数）。');
    expect(all).not.toContain('表决结果：通过');
  });

  it('says 未通过 when most of those present said yes but not more than half of 应到会', () => {
    const all = voteText(admitVote({ excluded: 0, yes: 3, no: 1 }));
    expect(all).toContain('表决结果：未通过。');
  });

  it('does not count 送学上门 as present: without a quorum in the room no vote is taken', () => {
    // 6 expected; in the room 王建国, 李秀英, 赵志强: three, not more than half. With 马秀珍 it would be four.
    const attendance = ASSEMBLY_ATTENDANCE.map((row) => (row.personId === 'QIAN' ? { personId: 'QIAN', state: 'leave' as const, reason: '外出' } : row));
    const all = voteText(admitVote({ yes: 3 }), { attendance });
    expect(all).toContain('表决结果：未表决（实到会人数未超过应到会人数的半数）。');
    expect(all).not.toContain('表决结果：通过');
  });

  it('does not count probationary members as voters: more votes than voters present cannot be tallied', () => {
    const all = voteText(admitVote({ yes: 5 }));
    expect(all).toContain('记录的票数：赞成5票，反对0票，弃权0票。');
    expect(all).toContain('表决数字有误，无法计算结果：');
    expect(all).toContain('表决结果：＿＿＿＿＿＿＿＿');
    expect(all).not.toContain('表决结果：通过');
  });

  it('counts the written opinions of absent members as votes', () => {
    const all = voteText(admitVote({ yes: 2, no: 2, writtenYes: 2 }));
    expect(all).toContain('赞成4票，反对2票，弃权0票（含书面意见：赞成2票，反对0票，弃权0票）。');
    expect(all).toContain('表决结果：通过。');
  });

  it('tallies a 支委会 vote among the committee members in the attendance, not the whole branch', () => {
    const form = minutesForm(committee({ votes: [otherVote({ subject: '4月主题党日活动方案', excluded: 0, yes: 2 })] }), CTX);
    expect(text(form)).toContain('应到会有表决权的党员3人。');
    expect(text(form)).toContain('表决结果：通过。');
  });

  it('prints no vote section when nothing was put to the vote', () => {
    expect(minutesForm(committee(), CTX).blocks).not.toContainEqual({ kind: 'heading', text: '表决情况' });
  });
});

describe('minutesForm: draft, final and amendments', () => {
  it('marks a draft under the title and prints no 校验码', () => {
    const form = minutesForm(assembly({ status: 'draft', finalizedAt: undefined, contentHash: undefined }), CTX);
    expect(form.subtitle).toBe(`${BRANCH}\u3000（草稿，未定稿）`);
    expect(fieldsOf(form).map((f) => f.label)).not.toContain('校验码');
    expect(fieldsOf(form).map((f) => f.label)).not.toContain('定稿时间');
  });

  it('prints the time of finalizing in China time and the first 12 characters of the hash', () => {
    const form = minutesForm(assembly(), CTX);
    expect(form.subtitle).toBe(BRANCH);
    expect(field(form, '定稿时间')).toBe('2026年3月12日 11:00');
    expect(field(form, '校验码')).toBe('9f86d081884c');
  });

  it('dates a finalizing late in the evening UTC on the next day in China', () => {
    expect(field(minutesForm(assembly({ finalizedAt: '2026-03-12T16:05:00.000Z' }), CTX), '定稿时间')).toBe('2026年3月13日 00:05');
  });

  it('lists the amendments at the end, with the date and who made each', () => {
    const amendments = [
      { date: '2026-03-20', by: '李秀英', text: '周文华请假原因应为“外出探亲”。' },
      { date: '2026-04-02', by: '王建国', text: '补记：陈红同志列席。' },
    ];
    const form = minutesForm(assembly({ amendments }), CTX);
    const all = paragraphs(form);
    expect(form.blocks).toContainEqual({ kind: 'heading', text: '更正记录' });
    expect(all).toContain('1. 2026年3月20日，李秀英更正：周文华请假原因应为“外出探亲”。');
    expect(all.at(-1)).toBe('2. 2026年4月2日，王建国更正：补记：陈红同志列席。');
  });

  it('ends with the lines for the signatures of host and recorder', () => {
    const last = minutesForm(assembly(), CTX).blocks.at(-1);
    expect(last).toEqual({ kind: 'sign', lines: ['主持人（签字）：＿＿＿＿＿＿\u3000记录人（签字）：＿＿＿＿＿＿'] });
  });
});

// ─── 签到表 ──────────────────────────────────────────────────────────────────────────────────────

describe('signInSheet', () => {
  it('lists the full and probationary members on the roll by name in Chinese order', () => {
    const [table] = tablesOf(signInSheet(null, CTX));
    expect(table!.headers).toEqual(['序号', '姓名', '身份', '签到', '备注']);
    expect(table!.rows.map((r) => r[1])).toEqual(['黄志明', '李秀英', '马秀珍', '钱桂兰', '孙丽', '王建国', '赵志强', '周文华']);
  });

  it('numbers the rows and gives each one standing', () => {
    const [table] = tablesOf(signInSheet(null, CTX));
    expect(table!.rows[0]).toEqual(['1', '黄志明', '正式党员', '', '']);
    expect(table!.rows[4]).toEqual(['5', '孙丽', '预备党员', '', '']);
  });

  it('leaves out candidates and those who have left the roll', () => {
    const all = text(signInSheet(null, CTX));
    expect(all).not.toContain('张晓梅');
    expect(all).not.toContain('刘德厚');
  });

  it('leaves the meeting, time and place blank without a meeting', () => {
    const form = signInSheet(null, CTX);
    expect(field(form, '会议名称')).toBe('');
    expect(field(form, '时间')).toBe('');
    expect(field(form, '地点')).toBe('');
    expect(form.subtitle).toBe(BRANCH);
  });

  it('fills the meeting, time and place from the record', () => {
    const form = signInSheet(assembly(), CTX);
    expect(field(form, '会议名称')).toBe('支部党员大会：讨论接收预备党员');
    expect(field(form, '时间')).toBe('2026年3月12日 09:00—10:30');
    expect(field(form, '地点')).toBe('幸福社区党群服务中心二楼会议室');
  });

  it('notes a known absence, leave or 送学上门 in 备注', () => {
    const [table] = tablesOf(signInSheet(assembly(), CTX));
    const note = (name: string) => table!.rows.find((r) => r[1] === name)?.[4];
    expect(note('周文华')).toBe('请假：在外地探亲');
    expect(note('黄志明')).toBe('缺席：未请假');
    expect(note('马秀珍')).toBe('送学上门');
    expect(note('王建国')).toBe('');
  });

  it('lists only the members of a 支委会 whose attendance is entered', () => {
    const [table] = tablesOf(signInSheet(committee(), CTX));
    expect(table!.rows.map((r) => r[1])).toEqual(['李秀英', '王建国', '赵志强']);
  });

  it('leaves blank rows for 列席 and says how many are listed', () => {
    const form = signInSheet(null, CTX);
    expect(tablesOf(form)[0]!.blankRows).toBe(3);
    expect(text(form)).toContain('共8人。');
  });
});

// ─── 支部大会决议 ────────────────────────────────────────────────────────────────────────────────

describe('voteResolution', () => {
  const resolution = (vote: Vote, meeting: Partial<MeetingDoc> = {}) => voteResolution(assembly({ votes: [otherVote(), vote], ...meeting }), 1, CTX);

  it('resolves to admit 张晓梅 with the numbers of the vote', () => {
    const form = resolution(admitVote());
    expect(form.title).toBe('支部大会决议');
    expect(form.subtitle).toBe('（接收预备党员）');
    expect(form.layout).toBe('letter');
    expect(paragraphs(form)).toEqual([
      '中共幸福社区第一党支部于2026年3月12日召开支部党员大会，讨论张晓梅同志的入党问题。支部应到会有表决权的正式党员6名，实到会有表决权的正式党员4名，超过应到会人数的半数，符合规定人数。',
      '会议采用举手表决方式。',
      '经表决，赞成4票，反对0票，弃权0票，赞成票超过应到会有表决权党员的半数。',
      '支部大会同意接收张晓梅同志为中共预备党员，报上级党委审批。',
    ]);
  });

  it('is issued by the branch committee on the day of the meeting', () => {
    expect(resolution(admitVote()).blocks).toContainEqual({ kind: 'sign', lines: ['中共幸福社区第一党支部委员会', '2026年3月12日'] });
  });

  it('takes the name from the roster, and the subject when the person is not on it', () => {
    expect(text(resolution(admitVote({ subject: '张晓梅同志入党问题' })))).toContain('同意接收张晓梅同志为中共预备党员');
    expect(text(resolution(admitVote({ subject: '吴小红', aboutPersonId: 'NOBODY' })))).toContain('同意接收吴小红同志为中共预备党员');
  });

  it('says the admission did not pass when the yes votes are exactly half', () => {
    const all = text(resolution(admitVote({ yes: 3, no: 1 })));
    expect(all).toContain('赞成票未超过应到会有表决权党员的半数（恰好半数）。');
    expect(all).toContain('支部大会未通过接收张晓梅同志为中共预备党员。');
    expect(all).not.toContain('同意接收');
  });

  it('decides nothing without a quorum, whatever those present voted', () => {
    const attendance = ASSEMBLY_ATTENDANCE.map((row) => (row.personId === 'QIAN' ? { personId: 'QIAN', state: 'leave' as const, reason: '外出' } : row));
    const form = resolution(admitVote({ yes: 3 }), { attendance });
    const all = text(form);
    expect(all).toContain('实到会有表决权的正式党员3名，未超过应到会人数的半数，不符合规定人数。');
    expect(all).toContain('本次会议不能进行表决，须另行召开支部党员大会。');
    expect(all).toContain('本次会议未作出决议。');
    expect(all).not.toContain('同意');
    expect(all).not.toContain('会议采用');
  });

  it('counts the written opinions of absent members', () => {
    const all = text(resolution(admitVote({ yes: 2, no: 2, writtenYes: 2 })));
    expect(all).toContain('未到会党员提交书面意见2份');
    expect(all).toContain('经表决，赞成4票，反对2票，弃权0票（含书面意见：赞成2票，反对0票，弃权0票），赞成票超过应到会有表决权党员的半数。');
    expect(all).toContain('同意接收张晓梅同志');
  });

  it('gives the ballots of a secret ballot', () => {
    expect(paragraphs(resolution(admitVote({ method: 'ballot', ballotsIssued: 4, ballotsReturned: 4 })))).toContain('会议采用无记名投票，发出选票4张，收回选票4张。');
  });

  it('words a 转正 and an extension, leaving the months of the extension blank', () => {
    const confirm = resolution(admitVote({ motion: 'confirm', subject: '孙丽', aboutPersonId: 'SUN' }));
    expect(confirm.subtitle).toBe('（预备党员转正）');
    expect(text(confirm)).toContain('讨论孙丽同志的转正问题。');
    expect(text(confirm)).toContain('支部大会同意孙丽同志按期转为中共正式党员，报上级党委审批。');
    const extend = resolution(admitVote({ motion: 'extend', subject: '孙丽', aboutPersonId: 'SUN' }));
    expect(extend.subtitle).toBe('（延长预备期）');
    expect(text(extend)).toContain('支部大会决定延长孙丽同志的预备期＿＿个月，报上级党委审批。');
  });

  it('says a 转正 did not pass in so many words', () => {
    expect(text(resolution(admitVote({ motion: 'confirm', subject: '孙丽', aboutPersonId: 'SUN', yes: 2, no: 2 })))).toContain('支部大会未通过孙丽同志按期转为中共正式党员。');
  });

  it('words any other motion from its subject, with no subtitle', () => {
    const form = voteResolution(assembly({ votes: [otherVote()] }), 0, CTX);
    expect(form.subtitle).toBeUndefined();
    expect(text(form)).toContain('召开支部党员大会，对“2026年党费使用计划”进行表决。');
    expect(text(form)).toContain('支部大会通过“2026年党费使用计划”。');
  });

  it('says another motion was not passed when the tally says so', () => {
    const all = text(voteResolution(assembly({ votes: [otherVote({ yes: 2, no: 2 })] }), 0, CTX));
    expect(all).toContain('“2026年党费使用计划”未获通过。');
    expect(all).not.toContain('支部大会通过');
  });

  it('leaves the numbers and the decision blank when the numbers cannot be right, and says why', () => {
    const form = resolution(admitVote({ yes: 5 }));
    const all = text(form);
    expect(all).toContain('实到会有表决权的正式党员＿＿名。');
    expect(all).toContain('经表决，赞成＿＿票，反对＿＿票，弃权＿＿票。');
    expect(all).toContain('支部大会＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿。');
    expect(all).not.toContain('同意');
    const hint = form.blocks.find((b) => b.kind === 'hint');
    expect(hint?.kind === 'hint' && hint.lines[0]).toBe('表决数字有误，不能据此形成决议，请先更正会议记录：');
    expect(hint?.kind === 'hint' && hint.lines.some((line) => line.includes('多于实到会有表决权的党员4人'))).toBe(true);
  });

  it('refuses a vote the meeting does not have', () => {
    expect(() => voteResolution(assembly(), 3, CTX)).toThrow(RangeError);
    expect(() => voteResolution(assembly(), 3, CTX)).toThrow('这次会议没有第4项表决（共1项）');
  });

  it('refuses the vote of a meeting other than the 支部党员大会', () => {
    expect(() => voteResolution(committee({ votes: [otherVote({ excluded: 0, yes: 2 })] }), 0, CTX)).toThrow('支部大会决议只能由支部党员大会的表决形成');
  });
});

// ─── 表决票 ──────────────────────────────────────────────────────────────────────────────────────

describe('voteBallotPapers', () => {
  it('puts the papers on as many A4 sheets as needed, the last one holding the rest', () => {
    const pages = voteBallotPapers('接收张晓梅同志为中共预备党员', 10, 4);
    expect(pages.map((page) => tablesOf(page).length)).toEqual([4, 4, 2]);
    expect(pages.map((page) => page.subtitle)).toEqual([
      '第1页，共3页（每页4张，沿表格间空白处裁开）',
      '第2页，共3页（每页4张，沿表格间空白处裁开）',
      '第3页，共3页（每页2张，沿表格间空白处裁开）',
    ]);
  });

  it('gives each paper the matter and boxes for 同意, 不同意 and 弃权', () => {
    const [page] = voteBallotPapers('接收张晓梅同志为中共预备党员', 1, 4);
    expect(page!.title).toBe('表决票');
    expect(tablesOf(page!)).toEqual([
      { kind: 'table', headers: ['表决事项', '同意', '不同意', '弃权'], rows: [['接收张晓梅同志为中共预备党员', '', '', '']], widths: [52, 16, 16, 16] },
    ]);
  });

  it('follows each paper with how to mark it', () => {
    const [page] = voteBallotPapers('2026年党费使用计划', 3, 3);
    expect(page!.blocks.map((b) => b.kind)).toEqual(['table', 'hint', 'table', 'hint', 'table', 'hint']);
    expect(page!.blocks[1]).toEqual({ kind: 'hint', lines: ['在选定的栏内画“○”，不记名。'] });
  });

  it('puts four to a sheet unless told otherwise', () => {
    expect(voteBallotPapers('2026年党费使用计划', 8).map((page) => tablesOf(page).length)).toEqual([4, 4]);
  });

  it('leaves a blank for the matter when none is given', () => {
    expect(tablesOf(voteBallotPapers('  ', 1)[0]!)[0]!.rows[0]![0]).toBe('＿＿＿＿＿＿＿＿＿＿＿＿');
  });

  it.each([0, -1, 2.5, Number.NaN])('refuses %s papers', (count) => {
    expect(() => voteBallotPapers('2026年党费使用计划', count, 4)).toThrow(RangeError);
  });

  it.each([0, MAX_BALLOTS_PER_PAGE + 1, 1.5])('refuses %s papers to a sheet', (perPage) => {
    expect(() => voteBallotPapers('2026年党费使用计划', 4, perPage)).toThrow(RangeError);
  });
});
