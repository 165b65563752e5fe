import { describe, expect, it } from 'vitest';
import type { CareDoc, MeetingDoc, PersonDoc } from '../model';
import {
  CARE_KIND_LABELS,
  CARE_OCCASIONS,
  checkCareRecord,
  highBirthdays,
  homeStudyCredits,
  inHospital,
  lastContacts,
  notContactedFor,
  organizationalLifeGaps,
  type CareDraft,
} from './care';

type Person = Pick<PersonDoc, 'id' | 'name' | 'status' | 'onRoll' | 'birthDate'>;
type Care = Pick<CareDoc, 'id' | 'personId' | 'kind' | 'date' | 'occasion' | 'dischargedOn' | 'meetingId' | 'material'>;
type Meeting = Pick<MeetingDoc, 'id' | 'date' | 'attendance' | 'status'>;
type State = MeetingDoc['attendance'][number]['state'];

/** A member of a retired cadres' branch. */
function member(id: string, name: string, overrides: Partial<Person> = {}): Person {
  return { id, name, status: 'full', onRoll: true, birthDate: '1946-05-10', ...overrides };
}

let careSeq = 0;
function care(personId: string, kind: Care['kind'], date: string, extra: Partial<Care> = {}): Care {
  careSeq += 1;
  return { id: `C${careSeq}`, personId, kind, date, ...extra };
}
const visit = (personId: string, date: string, occasion?: string, extra: Partial<Care> = {}) => care(personId, 'visit', date, occasion ? { occasion, ...extra } : extra);

function meeting(id: string, date: string, ...rows: [string, State][]): Meeting {
  return { id, date, status: 'final', attendance: rows.map(([personId, state]) => ({ personId, state })) };
}

const ZHANG = member('ZHANG', '张建华');
const LI = member('LI', '李秀英');
const WANG = member('WANG', '王德明');
const ZHAO = member('ZHAO', '赵丽华');

describe('the words of care records', () => {
  it('offers the usual occasions, 其他 last', () => {
    expect(CARE_OCCASIONS).toEqual(['节日慰问', '生病住院', '困难帮扶', '生日/高龄', '丧事', '其他']);
  });

  it('names each kind of record', () => {
    expect(CARE_KIND_LABELS).toEqual({ visit: '走访慰问', 'home-study': '送学上门', talk: '谈心谈话', help: '困难帮扶' });
  });
});

describe('lastContacts', () => {
  it('keeps the latest record of each person, of any kind', () => {
    const last = lastContacts([visit('ZHANG', '2026-01-20', '节日慰问'), care('ZHANG', 'talk', '2026-03-02'), visit('LI', '2025-12-30')]);
    expect(last.get('ZHANG')).toMatchObject({ date: '2026-03-02', kind: 'talk', what: '谈心谈话' });
    expect(last.get('LI')).toMatchObject({ date: '2025-12-30', what: '走访慰问' });
  });

  it('says what the contact was, with its occasion', () => {
    expect(lastContacts([visit('ZHANG', '2026-01-20', '节日慰问')]).get('ZHANG')).toMatchObject({ kind: 'visit', occasion: '节日慰问', what: '走访慰问（节日慰问）' });
  });

  it('skips records without a valid date', () => {
    expect(lastContacts([visit('ZHANG', '2026-01-20'), visit('ZHANG', '2026-02-30')]).get('ZHANG')?.date).toBe('2026-01-20');
  });

  it('takes the later of two records of the same day in the list', () => {
    const second = care('ZHANG', 'help', '2026-01-20');
    expect(lastContacts([visit('ZHANG', '2026-01-20'), second]).get('ZHANG')?.careId).toBe(second.id);
  });
});

describe('notContactedFor', () => {
  const TODAY = '2026-05-20';

  it('lists members never contacted first, then the longest since first', () => {
    const list = notContactedFor([ZHANG, LI, WANG, ZHAO], [visit('ZHANG', '2026-01-05'), visit('LI', '2025-10-01'), visit('WANG', '2026-05-01')], TODAY);
    expect(list.map((n) => n.name)).toEqual(['赵丽华', '李秀英', '张建华']);
    expect(list[0]).toEqual({ personId: 'ZHAO', name: '赵丽华' });
  });

  it('gives the date and what the last contact was, and the days since', () => {
    const [li] = notContactedFor([LI], [visit('LI', '2026-01-20', '节日慰问')], TODAY);
    expect(li).toMatchObject({ last: { date: '2026-01-20', what: '走访慰问（节日慰问）' }, daysSince: 120 });
  });

  it('lists a member last contacted exactly three months ago, not one contacted a day later', () => {
    expect(notContactedFor([ZHANG], [visit('ZHANG', '2026-02-20')], TODAY)).toHaveLength(1);
    expect(notContactedFor([ZHANG], [visit('ZHANG', '2026-02-21')], TODAY)).toEqual([]);
  });

  it('counts a 谈心谈话 or a 送学上门 as contact', () => {
    expect(notContactedFor([ZHANG, LI], [care('ZHANG', 'talk', '2026-04-01'), care('LI', 'home-study', '2026-04-01')], TODAY)).toEqual([]);
  });

  it('ignores records dated after today', () => {
    expect(notContactedFor([ZHANG], [visit('ZHANG', '2026-06-01')], TODAY)).toEqual([{ personId: 'ZHANG', name: '张建华' }]);
  });

  it('looks back as many months as asked', () => {
    expect(notContactedFor([ZHANG], [visit('ZHANG', '2026-01-05')], TODAY, 6)).toEqual([]);
  });

  it('leaves out people who are not members, and members no longer on the roll', () => {
    const applicant = member('A', '陈思远', { status: 'applicant' });
    const deceased = member('D', '刘桂兰', { onRoll: false });
    expect(notContactedFor([applicant, deceased], [], TODAY)).toEqual([]);
  });
});

describe('inHospital', () => {
  it('lists a member whose latest hospital visit has no discharge', () => {
    const latest = visit('ZHANG', '2026-03-12', '生病住院');
    expect(inHospital([visit('ZHANG', '2026-03-05', '生病住院'), latest])).toEqual([{ personId: 'ZHANG', since: '2026-03-05', lastVisitOn: '2026-03-12', careId: latest.id }]);
  });

  it('does not list a member once the discharge is recorded', () => {
    expect(inHospital([visit('ZHANG', '2026-03-05', '生病住院', { dischargedOn: '2026-03-20' })])).toEqual([]);
  });

  it('takes a discharge written on the first visit of the stay for the later visits too', () => {
    expect(inHospital([visit('ZHANG', '2026-03-05', '生病住院', { dischargedOn: '2026-03-20' }), visit('ZHANG', '2026-03-12', '生病住院')])).toEqual([]);
  });

  it('counts a new stay from its first visit after the last discharge', () => {
    const records = [visit('LI', '2025-11-02', '生病住院', { dischargedOn: '2025-11-15' }), visit('LI', '2026-02-08', '生病住院'), visit('LI', '2026-02-20', '生病住院')];
    expect(inHospital(records)).toMatchObject([{ personId: 'LI', since: '2026-02-08', lastVisitOn: '2026-02-20' }]);
  });

  it('does not keep a member who died in hospital on the list', () => {
    expect(inHospital([visit('WANG', '2026-01-10', '生病住院'), visit('WANG', '2026-01-25', '丧事')])).toEqual([]);
  });

  it('ignores visits on other occasions', () => {
    expect(inHospital([visit('ZHAO', '2026-01-20', '节日慰问'), care('ZHAO', 'help', '2026-02-01', { occasion: '困难帮扶' })])).toEqual([]);
  });

  it('puts the longest stay first', () => {
    expect(inHospital([visit('ZHANG', '2026-03-05', '生病住院'), visit('LI', '2026-02-08', '生病住院')]).map((h) => h.personId)).toEqual(['LI', 'ZHANG']);
  });
});

describe('highBirthdays', () => {
  const TODAY = '2026-03-01';

  it('lists members turning 80 or 90 within a year, with the date and the age, soonest first', () => {
    const people = [member('A', '张建华', { birthDate: '1936-08-15' }), member('B', '李秀英', { birthDate: '1946-04-02' })];
    expect(highBirthdays(people, TODAY)).toEqual([
      { personId: 'B', name: '李秀英', birthDate: '1946-04-02', date: '2026-04-02', age: 80, daysLeft: 32 },
      { personId: 'A', name: '张建华', birthDate: '1936-08-15', date: '2026-08-15', age: 90, daysLeft: 167 },
    ]);
  });

  it('does not list other birthdays under 100', () => {
    expect(highBirthdays([member('A', '张建华', { birthDate: '1941-06-01' }), member('B', '李秀英', { birthDate: '1947-06-01' })], TODAY)).toEqual([]);
  });

  it('lists the 100th birthday and every one after it', () => {
    const ages = highBirthdays([member('A', '张建华', { birthDate: '1926-05-01' }), member('B', '李秀英', { birthDate: '1923-05-01' })], TODAY).map((b) => b.age);
    expect(ages.sort()).toEqual([100, 103]);
  });

  it('counts today and the days of the horizon, no further', () => {
    expect(highBirthdays([member('A', '张建华', { birthDate: '1946-03-01' })], TODAY)).toMatchObject([{ date: '2026-03-01', daysLeft: 0 }]);
    expect(highBirthdays([member('A', '张建华', { birthDate: '1946-03-31' })], TODAY, 30)).toEqual([]);
    expect(highBirthdays([member('A', '张建华', { birthDate: '1946-03-30' })], TODAY, 30)).toHaveLength(1);
  });

  it('does not list a birthday already passed this year', () => {
    expect(highBirthdays([member('A', '张建华', { birthDate: '1946-02-28' })], TODAY)).toEqual([]);
  });

  it('marks a 29 February birthday on 28 February in a common year, on 29 February in a leap year', () => {
    expect(highBirthdays([member('A', '张建华', { birthDate: '1936-02-29' })], '2026-01-10')).toMatchObject([{ date: '2026-02-28', age: 90 }]);
    expect(highBirthdays([member('A', '张建华', { birthDate: '1948-02-29' })], '2028-01-10')).toMatchObject([{ date: '2028-02-29', age: 80 }]);
  });

  it('leaves out people who are not members or not on the roll', () => {
    expect(highBirthdays([member('A', '张建华', { birthDate: '1946-04-02', onRoll: false }), member('B', '李秀英', { birthDate: '1946-04-02', status: 'activist' })], TODAY)).toEqual([]);
  });
});

describe('homeStudyCredits', () => {
  it('gives one credit per 送学上门 record naming a meeting', () => {
    const records = [
      care('ZHANG', 'home-study', '2026-03-15', { meetingId: 'M-03', material: '三月主题党日学习材料' }),
      care('ZHANG', 'home-study', '2026-03-16', { meetingId: 'M-03', material: '补送' }),
      care('LI', 'home-study', '2026-03-15', { material: '党章' }),
      visit('WANG', '2026-03-15', undefined, { meetingId: 'M-03' }),
    ];
    expect(homeStudyCredits(records)).toEqual([{ personId: 'ZHANG', meetingId: 'M-03' }]);
  });
});

describe('organizationalLifeGaps (R-LIFE-6M)', () => {
  const TODAY = '2026-07-15';
  /** The branch's monthly 主题党日, January to June 2026, with 张建华 in each as given. */
  const monthly = (states: Record<string, State>, personId = 'ZHANG'): Meeting[] =>
    Object.entries(states).map(([month, state]) => meeting(`M-${month}`, `2026-${month}-10`, [personId, state], ['LI', 'present']));
  const six = (state: State): Record<string, State> => ({ '01': state, '02': state, '03': state, '04': state, '05': state, '06': state });
  const gaps = (meetings: Meeting[], care: Care[] = [], members = [ZHANG, LI], today = TODAY) => organizationalLifeGaps(members, meetings, care, today);

  it('treats six months absent without leave as past the limit, and says what the rule asks', () => {
    const [gap] = gaps(monthly(six('absent')));
    expect(gap).toMatchObject({ personId: 'ZHANG', count: 6, level: 'past', skipped: 0, months: ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'] });
    expect(gap!.message).toContain('张建华已连续6个月无故缺席党的组织生活（自2026年1月起）');
    expect(gap!.message).toContain('视为自行脱党');
    expect(gap!.message).toContain('请先核实有无正当理由');
  });

  it('warns from three months', () => {
    const [gap] = gaps(monthly({ '03': 'present', '04': 'absent', '05': 'absent', '06': 'absent' }));
    expect(gap).toMatchObject({ count: 3, level: 'warn', months: ['2026-04', '2026-05', '2026-06'] });
    expect(gap!.message).toContain('请及时谈心谈话');
  });

  it('lists shorter runs as ok', () => {
    expect(gaps(monthly({ '05': 'present', '06': 'absent' }))).toMatchObject([{ count: 1, level: 'ok' }]);
  });

  it('lists nobody who took part in the last ended month', () => {
    expect(gaps(monthly({ ...six('absent'), '06': 'present' }))).toEqual([]);
  });

  it('ends the run at the last month the member took part', () => {
    expect(gaps(monthly({ ...six('absent'), '02': 'present' }))[0]).toMatchObject({ count: 4, months: ['2026-03', '2026-04', '2026-05', '2026-06'] });
  });

  it('counts a month as taken part when the member was present at one of its meetings', () => {
    const meetings = [...monthly(six('absent')), meeting('M-06b', '2026-06-25', ['ZHANG', 'present'])];
    expect(gaps(meetings)).toEqual([]);
  });

  it('counts 送学上门 in the attendance as taking part', () => {
    expect(gaps(monthly({ ...six('absent'), '06': 'home-study' }))).toEqual([]);
  });

  it('counts a 送学上门 record naming the meeting as taking part, even when dated the next month', () => {
    const taken = care('ZHANG', 'home-study', '2026-07-02', { meetingId: 'M-06', material: '六月主题党日学习材料' });
    expect(gaps(monthly(six('absent')), [taken])).toEqual([]);
  });

  it('counts a 送学上门 record dated in a month as taking part that month', () => {
    const taken = care('ZHANG', 'home-study', '2026-04-20', { material: '党章' });
    expect(gaps(monthly(six('absent')), [taken])[0]).toMatchObject({ count: 2, months: ['2026-05', '2026-06'] });
  });

  it('does not count a visit or a talk as taking part', () => {
    expect(gaps(monthly(six('absent')), [visit('ZHANG', '2026-06-20', '节日慰问'), care('ZHANG', 'talk', '2026-06-21')])[0]).toMatchObject({ count: 6 });
  });

  it('neither counts nor breaks on a month of 请假', () => {
    const [gap] = gaps(monthly({ ...six('absent'), '03': 'leave' }));
    expect(gap).toMatchObject({ count: 5, level: 'warn', skipped: 1, months: ['2026-01', '2026-02', '2026-04', '2026-05', '2026-06'] });
    expect(gap!.message).toContain('其间请假或未召开会议的1个月不计');
  });

  it('treats a month with one meeting on leave and another absent as a month of leave', () => {
    const meetings = [...monthly(six('absent')), meeting('M-06b', '2026-06-25', ['ZHANG', 'leave'])];
    expect(gaps(meetings)[0]).toMatchObject({ count: 5, skipped: 1 });
  });

  it('neither counts nor breaks on a month without a meeting expecting the member', () => {
    const meetings = monthly(six('absent')).filter((m) => m.id !== 'M-02');
    expect(gaps(meetings)[0]).toMatchObject({ count: 5, skipped: 1, months: ['2026-01', '2026-03', '2026-04', '2026-05', '2026-06'] });
  });

  it('counts the months since the run began that neither count nor break it, up to the last ended month', () => {
    const meetings = monthly({ '01': 'present', '02': 'absent', '03': 'absent' });
    expect(gaps(meetings)[0]).toMatchObject({ count: 2, skipped: 3 });
  });

  it('does not count the current month, which has not ended', () => {
    const meetings = [...monthly({ '05': 'present', '06': 'absent' }), meeting('M-07', '2026-07-05', ['ZHANG', 'absent'])];
    expect(gaps(meetings)[0]).toMatchObject({ count: 1, months: ['2026-06'] });
  });

  it('ends the run when the member took part in the current month', () => {
    const meetings = [...monthly(six('absent')), meeting('M-07', '2026-07-05', ['ZHANG', 'present'])];
    expect(gaps(meetings)).toEqual([]);
  });

  it('ignores meetings dated after today', () => {
    const meetings = [...monthly(six('absent')), meeting('M-07', '2026-07-20', ['ZHANG', 'present'])];
    expect(gaps(meetings)[0]).toMatchObject({ count: 6 });
  });

  it('ignores meetings that did not expect the member', () => {
    expect(gaps([meeting('C-06', '2026-06-10', ['LI', 'absent'])], [], [ZHANG])).toEqual([]);
  });

  it('leaves out people who are not members or not on the roll', () => {
    const meetings = monthly(six('absent'));
    expect(gaps(meetings, [], [member('ZHANG', '张建华', { status: 'activist' })])).toEqual([]);
    expect(gaps(meetings, [], [member('ZHANG', '张建华', { onRoll: false })])).toEqual([]);
  });

  it('puts the longest run first', () => {
    const meetings = ['01', '02', '03', '04', '05', '06'].map((month) =>
      meeting(`M-${month}`, `2026-${month}-10`, ['ZHANG', 'absent'], ['LI', month >= '05' ? 'absent' : 'present'], ['WANG', month >= '03' ? 'absent' : 'present']),
    );
    expect(gaps(meetings, [], [LI, WANG, ZHANG]).map((g) => [g.name, g.count])).toEqual([
      ['张建华', 6],
      ['王德明', 4],
      ['李秀英', 2],
    ]);
  });
});

describe('checkCareRecord', () => {
  const TODAY = '2026-03-20';
  const draft = (overrides: CareDraft = {}): CareDraft => ({ personId: 'ZHANG', kind: 'visit', occasion: '节日慰问', date: '2026-01-25', visitors: ['王德明'], given: '慰问金500元', ...overrides });
  const messages = (d: CareDraft) => checkCareRecord(d, TODAY).map((p) => p.message);

  it('finds nothing wrong with a complete record', () => {
    expect(checkCareRecord(draft(), TODAY)).toEqual([]);
  });

  it('asks who was visited', () => {
    expect(checkCareRecord(draft({ personId: undefined }), TODAY)).toEqual([{ field: 'personId', message: '请选择走访或联系的党员' }]);
  });

  it('asks for a kind it knows', () => {
    expect(messages(draft({ kind: 'gift' as CareDraft['kind'] }))).toEqual(['请选择类别：走访慰问、送学上门、谈心谈话、困难帮扶']);
  });

  it('asks for a date, and refuses one that is not a date', () => {
    expect(messages(draft({ date: undefined }))).toEqual(['请填写日期，格式为 年-月-日，例如 2026-01-20']);
    expect(messages(draft({ date: '2026-02-30' }))).toEqual(['“2026-02-30”不是有效日期，请写成 2026-01-20 这样的格式']);
  });

  it('refuses a date in the future', () => {
    expect(messages(draft({ date: '2026-03-21' }))).toEqual(['日期 2026-03-21 晚于今天：请在走访之后再登记，计划中的走访不必登记']);
  });

  it('accepts today', () => {
    expect(checkCareRecord(draft({ date: TODAY }), TODAY)).toEqual([]);
  });

  it('asks what material a 送学上门 brought', () => {
    expect(checkCareRecord(draft({ kind: 'home-study', material: ' ' }), TODAY)).toEqual([{ field: 'material', message: '送学上门请填写送去的学习材料，例如会议精神、党课讲稿' }]);
    expect(checkCareRecord(draft({ kind: 'home-study', material: '三月主题党日学习材料', meetingId: 'M-03' }), TODAY)).toEqual([]);
  });

  it('links only a 送学上门 to a meeting', () => {
    expect(checkCareRecord(draft({ meetingId: 'M-03' }), TODAY).map((p) => p.field)).toEqual(['meetingId']);
  });

  it('refuses a discharge before the visit', () => {
    expect(messages(draft({ occasion: '生病住院', date: '2026-03-05', dischargedOn: '2026-03-01' }))).toEqual([
      '出院日期 2026-03-01 早于走访日期 2026-03-05：出院以后的走访不是住院探望，请核对日期或把事由改为其他',
    ]);
  });

  it('accepts a discharge on the day of the visit', () => {
    expect(checkCareRecord(draft({ occasion: '生病住院', date: '2026-03-05', dischargedOn: '2026-03-05' }), TODAY)).toEqual([]);
  });

  it('refuses a discharge in the future or not a date', () => {
    expect(checkCareRecord(draft({ occasion: '生病住院', date: '2026-03-05', dischargedOn: '2026-03-25' }), TODAY).map((p) => p.field)).toEqual(['dischargedOn']);
    expect(checkCareRecord(draft({ occasion: '生病住院', date: '2026-03-05', dischargedOn: '2026-3-8' }), TODAY).map((p) => p.field)).toEqual(['dischargedOn']);
  });

  it('takes a discharge only on a 生病住院 record', () => {
    expect(messages(draft({ dischargedOn: '2026-02-01' }))).toEqual(['只有事由为“生病住院”的记录才填写出院日期']);
  });

  it('lists every problem at once', () => {
    expect(checkCareRecord({ kind: 'home-study', date: '2026-04-01' }, TODAY).map((p) => p.field)).toEqual(['personId', 'date', 'material']);
  });
});
