/**
 * The demo branch: a retired members' branch (离退休党支部) of about 45 members aged 60 to 95,
 * a few mobile members, three people at different recruitment stages, and a year of meetings.
 * Deterministic: the same seed and "today" always give the same data set.
 */
import dayjs from 'dayjs';
import { addDays, addMonths } from '../dates';
import type { DossierDoc, MeetingDoc, OrgDoc, PersonDoc } from '../model';
import { demoMeeting, meetingDate, monthlyKinds, type MeetingContext } from './meetings';
import { demoPerson, type DemoStamp } from './people';
import { SeededRandom } from './random';
import { generateUpkeep, type DemoUpkeep } from './upkeep';
import { isWorkingDay, nthWorkingDay } from '../rules/recruitment';

export interface DemoDataSet extends DemoUpkeep {
  org: OrgDoc;
  people: PersonDoc[];
  dossiers: DossierDoc[];
  meetings: MeetingDoc[];
}

export interface DemoOptions {
  /** 'YYYY-MM-DD': the data is laid out relative to this day. */
  today: string;
  seed?: number;
}

export const DEMO_AUTHOR = '演示数据';

export function demoStamp(today: string): DemoStamp {
  const at = `${today}T09:00:00.000+08:00`;
  return { at, atMs: Date.parse(at), by: DEMO_AUTHOR };
}

const RETIRED_UNITS = ['市水利局', '市水利局水文站', '市水利局规划设计院', '市水利局工程处'] as const;
const YOUNG_UNITS = ['市水利局老干部科', '市水利局办公室'] as const;

export function generateDemoBranch(options: DemoOptions): DemoDataSet {
  const random = new SeededRandom(options.seed ?? 20261123);
  const stamp = demoStamp(options.today);
  const orgId = random.id(stamp.atMs);
  const groups = [
    { id: random.id(stamp.atMs), name: '第一党小组（城东）' },
    { id: random.id(stamp.atMs), name: '第二党小组（城西）' },
    { id: random.id(stamp.atMs), name: '第三党小组（异地居住）' },
  ];
  const todayYear = Number(options.today.slice(0, 4));
  const taken = new Set<string>();
  const people: PersonDoc[] = [];

  // 42 retired members aged 60–95, 3 of them living elsewhere as mobile members.
  for (let i = 0; i < 42; i++) {
    const mobile = i >= 39;
    const group = mobile ? groups[2]! : groups[i % 2]!;
    const person = demoPerson(
      random,
      {
        orgId,
        status: 'full',
        category: mobile ? 'mobile' : 'retired',
        birthYearRange: [todayYear - 94, todayYear - 61],
        groupId: group.id,
        stamp,
        workUnits: RETIRED_UNITS,
      },
      taken,
    );
    const age = todayYear - Number(person.birthDate.slice(0, 4));
    // The first five form the branch committee and still do its work; mobile members live elsewhere.
    const canBeHomebound = i >= 5 && !mobile;
    if (canBeHomebound && age >= 85 && random.chance(0.5)) person.bedridden = true;
    else if (canBeHomebound && age >= 78 && random.chance(0.35)) person.limitedMobility = true;
    person.position = random.pick(['原科员', '原科长', '原副处长', '原工程师', '原高级工程师', '原处长']);
    people.push(person);
  }
  const [secretary, organizer, publicity, discipline, deputy] = people.slice(0, 5) as [PersonDoc, PersonDoc, PersonDoc, PersonDoc, PersonDoc];
  for (const person of people) {
    if (person.bedridden || person.limitedMobility) person.contactPersonId = organizer.id;
  }

  // Four people at different recruitment stages (two 发展对象: one before 政审, one ready for the 支部大会), younger staff of the bureau's retirees office.
  const recruitStages = [
    { status: 'activist' as const, applyMonthsAgo: 20, lastStep: 6 },
    { status: 'candidate' as const, applyMonthsAgo: 20, lastStep: 9 },
    { status: 'candidate' as const, applyMonthsAgo: 22, lastStep: 14 },
    { status: 'probationary' as const, applyMonthsAgo: 28, lastStep: 21 },
  ];
  const dossiers: DossierDoc[] = [];
  for (const stage of recruitStages) {
    const applied = addMonths(options.today, -stage.applyMonthsAgo);
    const events = recruitmentEvents(applied, stage.lastStep, [secretary.name, organizer.name], [publicity.name, discipline.name]);
    const joinedOn = events.find((e) => e.step === 15)?.date;
    const person = demoPerson(
      random,
      {
        orgId,
        status: stage.status,
        category: 'employed',
        birthYearRange: [todayYear - 45, todayYear - 28],
        groupId: groups[0]!.id,
        ...(joinedOn ? { joinedOn } : {}),
        stamp,
        workUnits: YOUNG_UNITS,
      },
      taken,
    );
    people.push(person);
    dossiers.push({
      id: random.id(stamp.atMs),
      orgId,
      createdAt: stamp.at,
      updatedAt: stamp.at,
      updatedBy: stamp.by,
      personId: person.id,
      state: 'open',
      events,
      thoughtReports: everyMonths(addMonths(applied, 3), options.today, 3).map((date) => ({ date, note: '按季度递交思想汇报' })),
      evaluations: events.some((e) => e.step === 3)
        ? everyMonths(addMonths(events.find((e) => e.step === 3)!.date, 6), options.today, 6).map((date) => ({ date, by: organizer.name, note: '培养考察' }))
        : [],
      trainings: events.some((e) => e.step === 11) ? [{ date: events.find((e) => e.step === 11)!.date, endDate: events.find((e) => e.step === 11)!.endDate!, hours: 24, note: '市直机关工委集中培训' }] : [],
      contactIds: [secretary.id, organizer.id],
      introducerIds: stage.lastStep >= 9 ? [publicity.id, discipline.id] : [],
    });
  }

  const electedOn = addMonths(options.today, -17);
  const org: OrgDoc = {
    id: orgId,
    orgId,
    createdAt: stamp.at,
    updatedAt: stamp.at,
    updatedBy: stamp.by,
    name: '市水利局离退休干部党支部',
    level: 'branch',
    category: 'retired',
    parentName: '中共市水利局机关委员会',
    foundedOn: '1992-07-01',
    address: '市水利局老干部活动中心二楼',
    committee: [
      { role: 'secretary', title: '书记', name: secretary.name, personId: secretary.id, since: electedOn },
      { role: 'deputy', title: '副书记', name: deputy.name, personId: deputy.id, since: electedOn },
      { role: 'organization', title: '组织委员', name: organizer.name, personId: organizer.id, since: electedOn },
      { role: 'publicity', title: '宣传委员', name: publicity.name, personId: publicity.id, since: electedOn },
      { role: 'discipline', title: '纪检委员', name: discipline.name, personId: discipline.id, since: electedOn },
    ],
    terms: [{ electedOn, years: 3 }],
    // Each group is led by one of its own members who is not homebound.
    groups: groups.map((g) => ({ ...g, leaderId: people.find((p) => p.groupId === g.id && p.status === 'full' && !p.bedridden && !p.limitedMobility)!.id })),
  };

  const members = people.filter((p) => p.status === 'full' || p.status === 'probationary');
  const committeeMembers = [secretary, deputy, organizer, publicity, discipline];
  const context: MeetingContext = { orgId, hostName: secretary.name, recorderName: organizer.name, place: org.address!, stamp };
  const meetings: MeetingDoc[] = [];
  const firstMonth = dayjs(options.today).startOf('month').subtract(12, 'month');
  for (let m = 0; m < 12; m++) {
    const month = firstMonth.add(m, 'month');
    for (const kind of monthlyKinds(month.month())) {
      const attendees = kind === 'committee' ? committeeMembers : members;
      meetings.push(demoMeeting(random, { kind, date: meetingDate(random, month, kind), attendees }, context));
    }
    for (const group of groups) {
      const attendees = members.filter((p) => p.groupId === group.id);
      const leader = people.find((p) => p.id === org.groups.find((g) => g.id === group.id)!.leaderId)!;
      meetings.push(
        demoMeeting(
          random,
          { kind: 'group', date: meetingDate(random, month, 'group'), attendees, groupId: group.id },
          { ...context, hostName: leader.name },
        ),
      );
    }
  }
  meetings.sort((a, b) => a.date.localeCompare(b.date));
  const upkeep = generateUpkeep(random, { org, people, meetings, today: options.today, stamp });
  return { org, people, dossiers, meetings, ...upkeep };
}

/** Dates every `months` months from `start` up to and including `until`. */
function everyMonths(start: string, until: string, months: number): string[] {
  const dates: string[] = [];
  for (let d = start; d <= until; d = addMonths(d, months)) dates.push(d);
  return dates;
}

/**
 * Steps 1..lastStep laid out so every timing rule of the domain reference holds: talk within a
 * month, a year as activist, 公示 of five working days before 预审, approval within three months.
 */
export function recruitmentEvents(applied: string, lastStep: number, contacts: [string, string], introducers: [string, string]): DossierDoc['events'] {
  const docNo = (kind: string, date: string, n: number) => `水机党${kind}〔${date.slice(0, 4)}〕${n}号`;
  const committeeReview = addMonths(applied, 20);
  let publicityFrom = addDays(committeeReview, 1);
  while (!isWorkingDay(publicityFrom)) publicityFrom = addDays(publicityFrom, 1);
  const publicity = { from: publicityFrom, to: nthWorkingDay(publicityFrom, 5) };
  const at: Record<number, Omit<DossierDoc['events'][number], 'step'>> = {
    1: { date: applied },
    2: { date: addDays(applied, 18), people: [contacts[0]] },
    3: { date: addMonths(applied, 4) },
    4: { date: addDays(addMonths(applied, 4), 7), docNo: docNo('备', addDays(addMonths(applied, 4), 7), 3) },
    5: { date: addMonths(applied, 4), people: [...contacts] },
    6: { date: addMonths(applied, 10) },
    7: { date: addMonths(applied, 17) },
    8: { date: addDays(addMonths(applied, 17), 7), docNo: docNo('备', addDays(addMonths(applied, 17), 7), 5) },
    9: { date: addDays(addMonths(applied, 17), 10), people: [...introducers] },
    10: { date: addMonths(applied, 18), endDate: addDays(addMonths(applied, 18), 12), conclusion: '政治审查合格' },
    11: { date: addMonths(applied, 19), endDate: addDays(addMonths(applied, 19), 3) },
    12: { date: addMonths(applied, 20) },
    13: { date: addDays(addMonths(applied, 20), 20), docNo: docNo('预', addDays(addMonths(applied, 20), 20), 2), publicity },
    14: { date: addDays(addMonths(applied, 20), 25) },
    15: { date: addMonths(applied, 21), vote: { fullMembers: 41, excluded: 3, presentVoting: 33, yes: 33, no: 0, abstain: 0 } },
    16: { date: addDays(addMonths(applied, 21), 20) },
    17: { date: addMonths(applied, 22), docNo: docNo('批', addMonths(applied, 22), 4) },
    18: { date: addDays(addMonths(applied, 22), 10) },
    19: { date: addDays(addMonths(applied, 22), 12) },
    20: { date: addDays(addMonths(applied, 22), 20) },
    21: { date: addMonths(applied, 25) },
  };
  const events: DossierDoc['events'] = [];
  for (let step = 1; step <= lastStep; step++) {
    const entry = at[step];
    if (entry) events.push({ step, ...entry });
  }
  return events;
}
