/**
 * The demo branch's 党费, care and transfers: a year's dues ledger (most pay each month, homebound
 * members through their 联系人, one member 4 months behind and one mobile member 7), visits at
 * 春节 and 七一, a member in hospital, 送学上门 for the bedridden, the 流动党员's whereabouts, and an
 * outgoing transfer whose 回执 has not come back. Deterministic, like the rest of the demo.
 */
import { addDays, addMonths, ageOn } from '../dates';
import type { CareDoc, DuesDoc, MeetingDoc, OrgDoc, PersonDoc, TransferDoc } from '../model';
import { duesCategoryOf, memberDues } from '../rules/dues';
import type { DemoStamp } from './people';
import type { SeededRandom } from './random';

export interface DemoUpkeep {
  dues: DuesDoc[];
  care: CareDoc[];
  transfers: TransferDoc[];
}

const MOBILE_PLACES = [
  { place: '广东省深圳市南山区（随子女居住）', hostOrg: '深圳市南山区粤海街道流动党员党支部', contactWay: '微信视频，每月一次' },
  { place: '海南省三亚市（冬季候鸟式居住）', hostOrg: '三亚市吉阳区流动党员服务站', contactWay: '电话，每月一次' },
  { place: '北京市朝阳区（随子女居住）', hostOrg: '朝阳区望京街道流动党员党支部', contactWay: '微信群“离退休支部”' },
] as const;

const month = (date: string) => date.slice(0, 7);

export function generateUpkeep(random: SeededRandom, input: { org: OrgDoc; people: PersonDoc[]; meetings: readonly MeetingDoc[]; today: string; stamp: DemoStamp }): DemoUpkeep {
  const { org, people, meetings, today, stamp } = input;
  const orgId = org.id;
  const year = today.slice(0, 4);
  const ledgerStart = `${year}-01`;
  org.dues = { ledgerStart };
  const base = { orgId, createdAt: stamp.at, updatedAt: stamp.at, updatedBy: stamp.by };
  const members = people.filter((p) => p.onRoll && (p.status === 'full' || p.status === 'probationary'));
  const retired = members.filter((p) => p.category === 'retired');
  const organizer = people.find((p) => p.id === org.committee.find((c) => c.role === 'organization')?.personId)!;
  const secretary = people.find((p) => p.id === org.committee.find((c) => c.role === 'secretary')?.personId)!;

  // A member who moved to her daughter's city last month: letter issued, 回执 not back after its 30 days.
  const leaver = retired[20]!;
  const issuedOn = addDays(today, -41);
  leaver.onRoll = false;
  leaver.archived = { reason: 'transferred-out', on: issuedOn, note: '组织关系转往杭州市西湖区' };
  leaver.history = [...leaver.history, { at: stamp.at, by: stamp.by, action: 'archive', changes: [{ field: '在册状态', from: '在册', to: `${issuedOn} 出册` }] }];
  // The dues category and the base checked in January; two retirees' bases are not yet checked this year.
  for (const person of members) {
    if (person.category === 'mobile') person.duesCategory = 'retired';
    if (!retired.slice(-2).includes(person)) person.duesBaseSetOn = `${year}-01-${String(random.int(6, 20)).padStart(2, '0')}`;
  }

  // One member 4 months behind (a talk is due), one mobile member 7 (past the six-month rule).
  const behind = new Map<string, number>([
    [retired[8]!.id, 4],
    [members.find((p) => p.category === 'mobile')!.id, 7],
  ]);
  const lastMonth = month(addMonths(`${month(today)}-01`, -1));
  const dues: DuesDoc[] = [];
  let receipt = 0;
  for (const person of members) {
    const due = memberDues(person);
    if (!due.ok) continue;
    const first = person.joinedOn && month(person.joinedOn) > ledgerStart ? month(person.joinedOn) : ledgerStart;
    const stopAt = behind.has(person.id) ? month(addMonths(`${lastMonth}-01`, -behind.get(person.id)!)) : person === leaver ? month(addMonths(issuedOn, -1)) : lastMonth;
    // Homebound members pay a quarter at a time through their 联系人; the others each month.
    const perPayment = person.bedridden || person.limitedMobility ? 3 : 1;
    const months: string[] = [];
    for (let m = first; m <= stopAt; m = month(addMonths(`${m}-01`, 1))) months.push(m);
    for (let i = 0; i < months.length; i += perPayment) {
      const paidMonths = months.slice(i, i + perPayment);
      const paidOn = addDays(`${paidMonths[0]}-01`, random.int(5, 20));
      if (paidOn > today) break;
      receipt += 1;
      const paymentId = random.id(stamp.atMs);
      for (const m of paidMonths) {
        dues.push({
          ...base,
          id: random.id(stamp.atMs),
          personId: person.id,
          month: m,
          category: person.category,
          ...(duesCategoryOf(person) === 'retired' && person.duesBaseFen !== undefined ? { baseFen: person.duesBaseFen } : {}),
          amountFen: due.amountFen,
          paidFen: due.amountFen,
          paidOn,
          paymentId,
          receiptNo: `${year}-${String(receipt).padStart(4, '0')}`,
          ...(perPayment > 1 ? { paidBy: `${organizer.name}（联系人）` } : {}),
        });
      }
    }
  }

  // Care: 春节 and 七一 visits to the homebound and the oldest, a member in hospital, 送学上门 for the bedridden.
  const care: CareDoc[] = [];
  const add = (record: Omit<CareDoc, 'id' | 'orgId' | 'createdAt' | 'updatedAt' | 'updatedBy'>) => {
    if (record.date <= today) care.push({ ...base, id: random.id(stamp.atMs), ...record });
  };
  const onRoll = members.filter((p) => p.onRoll);
  const homebound = onRoll.filter((p) => p.bedridden || p.limitedMobility);
  const oldest = [...onRoll].sort((a, b) => a.birthDate.localeCompare(b.birthDate)).slice(0, 6);
  const visitors = [secretary.name, organizer.name];
  for (const person of new Set([...homebound, ...oldest])) {
    add({ personId: person.id, kind: 'visit', occasion: '节日慰问', date: `${year}-01-${String(random.int(20, 27))}`, visitors, given: '春节慰问金300元、米油一份' });
    add({ personId: person.id, kind: 'visit', occasion: '节日慰问', date: `${year}-06-${String(random.int(24, 29))}`, visitors, given: '七一慰问：党建读物一套' });
  }
  // 重阳节 (the ninth of the ninth lunar month, in October): every member aged 75 and over.
  for (const person of onRoll.filter((p) => ageOn(p.birthDate, today) >= 75)) {
    add({ personId: person.id, kind: 'visit', occasion: '节日慰问', date: `${year}-10-${String(random.int(17, 22))}`, visitors: [random.pick(visitors)], given: '重阳节慰问：长寿面、牛奶一箱' });
  }
  for (const person of oldest.filter((p) => ageOn(p.birthDate, today) >= 80).slice(0, 2)) {
    add({ personId: person.id, kind: 'talk', date: addDays(today, -random.int(20, 60)), visitors: [secretary.name], given: '谈身体和家庭情况，听取对支部工作的意见' });
  }
  const patient = retired[12]!;
  add({ personId: patient.id, kind: 'visit', occasion: '生病住院', date: addDays(today, -9), visitors, given: '水果一篮、慰问金500元', followUp: '出院后再上门看望' });
  for (const meeting of meetings.filter((m) => m.date > addMonths(today, -3) && m.date <= today)) {
    for (const entry of meeting.attendance.filter((a) => a.state === 'home-study')) {
      add({ personId: entry.personId, kind: 'home-study', date: addDays(meeting.date, random.int(1, 5)), visitors: [organizer.name], material: `${meeting.topic ?? '会议'}学习材料`, meetingId: meeting.id });
    }
  }

  // The 流动党员: where they live now and how the branch keeps in touch.
  members
    .filter((p) => p.category === 'mobile')
    .forEach((person, i) => {
      const where = MOBILE_PLACES[i % MOBILE_PLACES.length]!;
      person.mobile = { ...where, since: addMonths(today, -random.int(8, 40)) };
    });

  const transfers: TransferDoc[] = [
    {
      ...base,
      id: random.id(stamp.atMs),
      direction: 'out',
      personId: leaver.id,
      name: leaver.name,
      gender: leaver.gender,
      age: ageOn(leaver.birthDate, issuedOn),
      ...(leaver.ethnicity ? { ethnicity: leaver.ethnicity } : {}),
      partyStatus: 'full',
      ...(leaver.private?.idNumber ? { private: { idNumber: leaver.private.idNumber } } : {}),
      scope: 'province',
      fromOrg: org.name,
      toOrg: '中共杭州市西湖区北山街道工作委员会',
      receivingCommittee: '中共杭州市西湖区北山街道工作委员会',
      letterNo: `${year}-001`,
      issuedOn,
      validDays: 30,
      duesPaidTo: month(addMonths(issuedOn, -1)),
      state: 'open',
    },
  ];
  return { dues, care, transfers };
}
