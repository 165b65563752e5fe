import { describe, expect, it } from 'vitest';
import ZSchema from 'z-schema';
import { addMonths, addYears, ageOn } from '../dates';
import { collections, type CollectionName, type DocTypes, type DossierDoc, type PartyStatus, type PersonDoc } from '../model';
import { parseIdNumber } from '../rules/id-number';
import { generateDemoBranch, recruitmentEvents, type DemoDataSet } from './index';
import { arrears, firstDuesMonth } from '../rules/dues';
import { homeStudyCredits, inHospital } from '../rules/care';

const TODAY = '2026-11-23';
const demo = generateDemoBranch({ today: TODAY });

const validator = ZSchema.create({ safe: true });

/** What the collection's JSON schema finds wrong with a document, as readable lines. */
function schemaProblems<K extends CollectionName>(collection: K, doc: DocTypes[K]): string[] {
  const result = validator.validate(doc, collections[collection].schema as object);
  if (result.valid) return [];
  return (result.err?.details ?? [{ path: '', message: String(result.err) }]).map((d) => `${collection} ${doc.id} ${String(d.path)}: ${d.message}`);
}

function withStatus(data: DemoDataSet, status: PartyStatus): PersonDoc[] {
  return data.people.filter((p) => p.status === status);
}

function personById(data: DemoDataSet, id: string): PersonDoc | undefined {
  return data.people.find((p) => p.id === id);
}

/** Steps the domain reference lets share a date or swap among themselves (R-ORDER). */
const INTERCHANGEABLE_STEPS: readonly (readonly number[])[] = [
  [4, 5],
  [8, 9, 10, 11],
];

/** Each pair of steps whose dates go backwards where R-ORDER does not allow it. */
function orderProblems(events: DossierDoc['events']): string[] {
  const problems: string[] = [];
  for (const [i, earlier] of events.entries()) {
    for (const later of events.slice(i + 1)) {
      const mayInterchange = INTERCHANGEABLE_STEPS.some((set) => set.includes(earlier.step) && set.includes(later.step));
      if (later.date < earlier.date && !mayInterchange) {
        problems.push(`第${later.step}步（${later.date}）早于第${earlier.step}步（${earlier.date}）`);
      }
    }
  }
  return problems;
}

function stepDate(dossier: DossierDoc, step: number): string | undefined {
  return dossier.events.find((e) => e.step === step)?.date;
}

describe('generateDemoBranch is deterministic', () => {
  it('gives a deep-equal data set for the same seed and today', () => {
    expect(generateDemoBranch({ today: TODAY, seed: 7 })).toEqual(generateDemoBranch({ today: TODAY, seed: 7 }));
  });

  it('gives different people for a different seed', () => {
    const names = (seed: number) => generateDemoBranch({ today: TODAY, seed }).people.map((p) => p.name);
    expect(names(7)).not.toEqual(names(8));
  });

  it('gives different ids for a different seed', () => {
    expect(generateDemoBranch({ today: TODAY, seed: 7 }).org.id).not.toBe(generateDemoBranch({ today: TODAY, seed: 8 }).org.id);
  });

  it('gives the same data set on every call without a seed: no clock, no Math.random', () => {
    expect(generateDemoBranch({ today: TODAY })).toEqual(demo);
  });
});

describe('the people of the demo branch', () => {
  it('are 46 in all', () => {
    expect(demo.people).toHaveLength(46);
  });

  it('include 42 full members', () => {
    expect(withStatus(demo, 'full')).toHaveLength(42);
  });

  it('have full members aged 60 to 95 on today', () => {
    const outside = withStatus(demo, 'full').filter((p) => ageOn(p.birthDate, TODAY) < 60 || ageOn(p.birthDate, TODAY) > 95);
    expect(outside.map((p) => `${p.name} ${p.birthDate}`)).toEqual([]);
  });

  it('have exactly 3 mobile members (流动党员), all full members', () => {
    const mobile = demo.people.filter((p) => p.category === 'mobile');
    expect(mobile.map((p) => p.status)).toEqual(['full', 'full', 'full']);
  });

  it.each<[PartyStatus, number]>([
    ['activist', 1],
    ['candidate', 2],
    ['probationary', 1],
  ])('include %s: %i', (status, count) => {
    expect(withStatus(demo, status)).toHaveLength(count);
  });

  it('include no 入党申请人 without a dossier', () => {
    expect(withStatus(demo, 'applicant')).toEqual([]);
  });

  it('all have different names', () => {
    const names = demo.people.map((p) => p.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('are all on the roll of the demo branch but the one whose transfer letter is out', () => {
    expect(demo.people.filter((p) => p.orgId !== demo.org.id)).toEqual([]);
    const away = demo.people.filter((p) => !p.onRoll);
    expect(away.map((p) => p.archived?.reason)).toEqual(['transferred-out']);
    expect(demo.transfers.map((t) => t.personId)).toEqual([away[0]!.id]);
  });

  it('each carry an ID number that passes the GB 11643 check', () => {
    const refused = demo.people.filter((p) => !parseIdNumber(p.private?.idNumber ?? '').ok);
    expect(refused.map((p) => `${p.name} ${p.private?.idNumber}`)).toEqual([]);
  });

  it('each carry an ID number that gives their birth date and sex', () => {
    const mismatched = demo.people.filter((p) => {
      const parsed = parseIdNumber(p.private?.idNumber ?? '');
      return !parsed.ok || parsed.value.birthDate !== p.birthDate || parsed.value.gender !== p.gender;
    });
    expect(mismatched.map((p) => `${p.name} ${p.birthDate} ${p.gender} ${p.private?.idNumber}`)).toEqual([]);
  });

  it('joined the party at 18 or older and not after today', () => {
    const members = demo.people.filter((p) => p.status === 'full' || p.status === 'probationary');
    const implausible = members.filter((p) => !p.joinedOn || ageOn(p.birthDate, p.joinedOn) < 18 || p.joinedOn > TODAY);
    expect(implausible.map((p) => `${p.name} ${p.birthDate} ${p.joinedOn}`)).toEqual([]);
  });

  it('became full members one year after joining (R-PROBATION-1Y)', () => {
    const off = withStatus(demo, 'full').filter((p) => !p.joinedOn || p.confirmedOn !== addYears(p.joinedOn, 1));
    expect(off.map((p) => `${p.name} ${p.joinedOn} ${p.confirmedOn}`)).toEqual([]);
  });

  it('have a care contact who is on the roll', () => {
    const withContact = demo.people.filter((p) => p.contactPersonId);
    expect(withContact.filter((p) => !personById(demo, p.contactPersonId!))).toEqual([]);
  });

  it('keep recruits out of the member-only fields: no 入党日期 before step 15', () => {
    const recruits = [...withStatus(demo, 'activist'), ...withStatus(demo, 'candidate')];
    expect(recruits.filter((p) => p.joinedOn || p.confirmedOn)).toEqual([]);
  });
});

describe('the branch committee of the demo branch', () => {
  it('has a secretary, a deputy and three committee members, as a branch of 7 or more full members does', () => {
    expect(demo.org.committee.map((c) => c.role)).toEqual(['secretary', 'deputy', 'organization', 'publicity', 'discipline']);
  });

  it('is made of full members named as on the roll', () => {
    const wrong = demo.org.committee.filter((c) => {
      const member = personById(demo, c.personId ?? '');
      return member?.status !== 'full' || member.name !== c.name;
    });
    expect(wrong).toEqual([]);
  });

  it('was elected before today, for a term of 3 years', () => {
    expect(demo.org.terms).toEqual([{ electedOn: addMonths(TODAY, -17), years: 3 }]);
  });

  it('has three party groups, each with a leader on the roll', () => {
    expect(demo.org.groups.filter((g) => !personById(demo, g.leaderId ?? ''))).toEqual([]);
    expect(demo.org.groups).toHaveLength(3);
  });

  it('has each party group led by one of its own members', () => {
    for (const seed of [1, 2, 3, 17, 20261123]) {
      const data = generateDemoBranch({ today: TODAY, seed });
      for (const group of data.org.groups) expect(personById(data, group.leaderId!)?.groupId, `seed ${seed} ${group.name}`).toBe(group.id);
    }
  });

  it('has no committee member who is bedridden or limited in mobility, whatever the seed', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const data = generateDemoBranch({ today: TODAY, seed });
      const committee = data.org.committee.map((m) => personById(data, m.personId!)!);
      expect(committee.filter((p) => p.bedridden || p.limitedMobility).map((p) => p.name), `seed ${seed}`).toEqual([]);
    }
  });

  it('gives no homebound member himself as care contact, whatever the seed', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const data = generateDemoBranch({ today: TODAY, seed });
      expect(data.people.filter((p) => p.contactPersonId === p.id).map((p) => p.name), `seed ${seed}`).toEqual([]);
    }
  });

  it('puts every person in one of its party groups', () => {
    const groupIds = demo.org.groups.map((g) => g.id);
    expect(demo.people.filter((p) => !groupIds.includes(p.groupId ?? ''))).toEqual([]);
  });
});

describe('the recruitment dossiers of the demo branch', () => {
  it('are one per recruit: the activist, the two candidates and the probationary member', () => {
    const statuses = demo.dossiers.map((d) => personById(demo, d.personId)?.status).sort();
    expect(statuses).toEqual(['activist', 'candidate', 'candidate', 'probationary']);
  });

  it('take each recruit through the steps of his stage with none missing', () => {
    const lastSteps = demo.dossiers.map((d) => [personById(demo, d.personId)?.status, d.events.at(-1)!.step]).sort();
    expect(lastSteps).toEqual([
      ['activist', 6],
      ['candidate', 14],
      ['candidate', 9],
      ['probationary', 21],
    ]);
    for (const d of demo.dossiers) expect(d.events.map((e) => e.step)).toEqual(Array.from({ length: d.events.length }, (_, i) => i + 1));
  });

  it('have steps in date order, except where 4/5 and 8–11 may share dates or swap (R-ORDER)', () => {
    expect(demo.dossiers.flatMap((d) => orderProblems(d.events))).toEqual([]);
  });

  it('have no step after today', () => {
    expect(demo.dossiers.flatMap((d) => d.events.filter((e) => e.date > TODAY))).toEqual([]);
  });

  it('give the probationary member the date of step 15 as 入党日期', () => {
    const dossier = demo.dossiers.find((d) => personById(demo, d.personId)?.status === 'probationary')!;
    expect(personById(demo, dossier.personId)?.joinedOn).toBe(stepDate(dossier, 15));
  });

  it('have the probationary member still in the probation year on today (R-PROBATION-1Y)', () => {
    const dossier = demo.dossiers.find((d) => personById(demo, d.personId)?.status === 'probationary')!;
    expect(addYears(stepDate(dossier, 15)!, 1) > TODAY).toBe(true);
  });

  it('name two full members as 培养联系人 (R-CONTACTS)', () => {
    for (const dossier of demo.dossiers) {
      expect(dossier.contactIds?.map((id) => personById(demo, id)?.status)).toEqual(['full', 'full']);
    }
  });

  it('name exactly two full members as 入党介绍人 once step 9 is done (R-INTRODUCERS-2)', () => {
    const past9 = demo.dossiers.filter((d) => d.events.some((e) => e.step === 9));
    expect(past9.map((d) => d.introducerIds?.map((id) => personById(demo, id)?.status))).toEqual([
      ['full', 'full'],
      ['full', 'full'],
      ['full', 'full'],
    ]);
  });

  it('have a year between 确定入党积极分子 and 确定发展对象 (R-ACTIVIST-1Y)', () => {
    const past7 = demo.dossiers.filter((d) => stepDate(d, 7));
    expect(past7.filter((d) => stepDate(d, 7)! < addYears(stepDate(d, 3)!, 1))).toEqual([]);
  });

  it('have each applicant at least 18 on the day of step 1 (R-AGE-18)', () => {
    const young = demo.dossiers.filter((d) => ageOn(personById(demo, d.personId)!.birthDate, stepDate(d, 1)!) < 18);
    expect(young).toEqual([]);
  });
});

describe('recruitmentEvents keeps R-ORDER whatever the day of application', () => {
  it.each(['2024-01-31', '2024-02-29', '2025-03-31', '2025-04-30', '2025-05-31', '2025-08-31', '2025-12-31'])(
    'for an application on %s',
    (applied) => {
      expect(orderProblems(recruitmentEvents(applied, 21, ['黄红梅', '黄德明'], ['张淑珍', '袁金凤']))).toEqual([]);
    },
  );

  it('stops at the last step asked for', () => {
    expect(recruitmentEvents('2025-03-31', 9, ['黄红梅', '黄德明'], ['张淑珍', '袁金凤']).at(-1)?.step).toBe(9);
  });

  it('names the contacts at step 5 and the introducers at step 9', () => {
    const events = recruitmentEvents('2025-03-31', 9, ['黄红梅', '黄德明'], ['张淑珍', '袁金凤']);
    expect([events.find((e) => e.step === 5)?.people, events.find((e) => e.step === 9)?.people]).toEqual([
      ['黄红梅', '黄德明'],
      ['张淑珍', '袁金凤'],
    ]);
  });
});

describe('the meetings of the demo branch', () => {
  it('fall in the 12 calendar months before the month of today, each month having some', () => {
    const months = [...new Set(demo.meetings.map((m) => m.date.slice(0, 7)))].sort();
    const expected = Array.from({ length: 12 }, (_, i) => addMonths('2025-11-01', i).slice(0, 7));
    expect(months).toEqual(expected);
  });

  it('are sorted by date', () => {
    const dates = demo.meetings.map((m) => m.date);
    expect(dates).toEqual([...dates].sort());
  });

  it('keep the yearly rhythm of 三会一课: committee and theme day monthly, assembly and lecture quarterly', () => {
    const count = (kind: string) => demo.meetings.filter((m) => m.kind === kind).length;
    expect({ committee: count('committee'), themeDay: count('theme-day'), assembly: count('assembly'), lecture: count('lecture') }).toEqual({
      committee: 12,
      themeDay: 12,
      assembly: 4,
      lecture: 4,
    });
  });

  it('hold one 组织生活会 and one 民主评议 in the year', () => {
    expect(demo.meetings.filter((m) => m.kind === 'life-meeting' || m.kind === 'appraisal').map((m) => m.kind).sort()).toEqual([
      'appraisal',
      'life-meeting',
    ]);
  });

  it('hold 主题党日 on a fixed day of the month', () => {
    expect(new Set(demo.meetings.filter((m) => m.kind === 'theme-day').map((m) => m.date.slice(8)))).toEqual(new Set(['10']));
  });

  it('hold a meeting of each party group every month', () => {
    for (const group of demo.org.groups) {
      const months = new Set(demo.meetings.filter((m) => m.kind === 'group' && m.groupId === group.id).map((m) => m.date.slice(0, 7)));
      expect(months.size).toBe(12);
    }
  });

  it('record attendance only for people on the roll', () => {
    const unknown = demo.meetings.flatMap((m) => m.attendance.filter((a) => !personById(demo, a.personId)));
    expect(unknown).toEqual([]);
  });

  it('record attendance only for members, never for recruits', () => {
    const recruits = demo.meetings.flatMap((m) =>
      m.attendance.filter((a) => !['full', 'probationary'].includes(personById(demo, a.personId)?.status ?? '')),
    );
    expect(recruits).toEqual([]);
  });

  it('give a reason for everyone not present', () => {
    const noReason = demo.meetings.flatMap((m) => m.attendance.filter((a) => a.state !== 'present' && !a.reason));
    expect(noReason).toEqual([]);
  });

  it('never record a mobile member, who lives elsewhere, as present', () => {
    const mobileIds = new Set(demo.people.filter((p) => p.category === 'mobile').map((p) => p.id));
    const present = demo.meetings.flatMap((m) => m.attendance.filter((a) => mobileIds.has(a.personId) && a.state === 'present'));
    expect(present).toEqual([]);
  });

  it('record mobile members at some meetings, on leave as living elsewhere', () => {
    const mobileIds = new Set(demo.people.filter((p) => p.category === 'mobile').map((p) => p.id));
    const reasons = demo.meetings.flatMap((m) => m.attendance.filter((a) => mobileIds.has(a.personId)).map((a) => a.reason));
    expect(reasons).toContain('在外地居住');
  });
});

describe('every demo document fits its collection schema', () => {
  it('the branch', () => {
    expect(schemaProblems('orgs', demo.org)).toEqual([]);
  });

  it('the people', () => {
    expect(demo.people.flatMap((p) => schemaProblems('people', p))).toEqual([]);
  });

  it('the dossiers', () => {
    expect(demo.dossiers.flatMap((d) => schemaProblems('dossiers', d))).toEqual([]);
  });

  it('the meetings', () => {
    expect(demo.meetings.flatMap((m) => schemaProblems('meetings', m))).toEqual([]);
  });

  it('the dues rows, care records and transfers', () => {
    expect([
      ...demo.dues.flatMap((d) => schemaProblems('dues', d)),
      ...demo.care.flatMap((c) => schemaProblems('care', c)),
      ...demo.transfers.flatMap((t) => schemaProblems('transfers', t)),
    ]).toEqual([]);
  });

  it('the check itself refuses a person whose sex is written 男 instead of male', () => {
    const person = { ...demo.people[0]!, gender: '男' } as unknown as PersonDoc;
    expect(schemaProblems('people', person)).not.toEqual([]);
  });

  it('the check itself refuses an id that is not a ULID', () => {
    expect(schemaProblems('meetings', { ...demo.meetings[0]!, id: 'meeting-1' })).not.toEqual([]);
  });
});

describe('generateDemoBranch on another day', () => {
  const endOfMonth = generateDemoBranch({ today: '2027-03-31', seed: 3 });

  it('keeps full members aged 60 to 95 on that day', () => {
    const ages = endOfMonth.people.filter((p) => p.status === 'full').map((p) => ageOn(p.birthDate, '2027-03-31'));
    expect(ages.filter((age) => age < 60 || age > 95)).toEqual([]);
  });

  it('keeps the dossiers in step order (R-ORDER)', () => {
    expect(endOfMonth.dossiers.flatMap((d) => orderProblems(d.events))).toEqual([]);
  });

  it('lays the meetings in the 12 months before that day’s month', () => {
    const months = new Set(endOfMonth.meetings.map((m) => m.date.slice(0, 7)));
    expect([...months].sort()).toEqual(Array.from({ length: 12 }, (_, i) => addMonths('2026-03-01', i).slice(0, 7)));
  });
});

describe('the dues, care and transfers of the demo branch', () => {
  const ledgerStart = demo.org.dues!.ledgerStart!;
  const arrearsOf = (person: PersonDoc) => arrears({ rows: demo.dues.filter((d) => d.personId === person.id), firstMonth: firstDuesMonth(person, ledgerStart), today: TODAY });

  it('keeps the ledger from January, every month paid once, this month still open', () => {
    expect(ledgerStart).toBe('2026-01');
    const keys = demo.dues.map((d) => `${d.personId}|${d.month}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(demo.dues.filter((d) => d.month >= '2026-11')).toEqual([]);
  });

  it('has one member a talk behind (4 months) and one mobile member past the six-month rule (7)', () => {
    const members = demo.people.filter((p) => p.onRoll && (p.status === 'full' || p.status === 'probationary'));
    const behind = members.map((p) => ({ person: p, ...arrearsOf(p) })).filter((a) => a.consecutive > 0);
    expect(behind.map((a) => [a.consecutive, a.level, a.person.category]).sort()).toEqual([
      [4, 'warn', 'retired'],
      [7, 'past', 'mobile'],
    ]);
  });

  it('has homebound members pay through their 联系人, receipts numbered through the year', () => {
    expect(demo.dues.some((d) => d.paidBy?.includes('联系人'))).toBe(true);
    expect(demo.dues.every((d) => /^2026-\d{4}$/.test(d.receiptNo ?? ''))).toBe(true);
  });

  it('has one member in hospital and 送学上门 records naming the meetings the bedridden missed', () => {
    expect(inHospital(demo.care)).toHaveLength(1);
    const credits = homeStudyCredits(demo.care);
    expect(credits.length).toBeGreaterThan(0);
    for (const credit of credits) {
      const meeting = demo.meetings.find((m) => m.id === credit.meetingId)!;
      expect(meeting.attendance.find((a) => a.personId === credit.personId)?.state).toBe('home-study');
    }
  });

  it('tells where each 流动党员 lives now', () => {
    const mobile = demo.people.filter((p) => p.category === 'mobile');
    expect(mobile.length).toBeGreaterThan(0);
    expect(mobile.every((p) => p.mobile?.place && p.mobile.hostOrg && p.mobile.contactWay)).toBe(true);
  });

  it('has an outgoing letter whose 回执 is overdue', () => {
    expect(demo.transfers).toMatchObject([{ direction: 'out', state: 'open', validDays: 30 }]);
    expect(demo.transfers[0]!.issuedOn < '2026-10-24').toBe(true);
  });
});
