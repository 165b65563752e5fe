/**
 * A data set for benchmarks: 10,000 members in party groups of 50 and five years of meetings.
 * Far beyond any branch (about 50 members): it measures how the app behaves under volume.
 */
import dayjs from 'dayjs';
import type { MeetingDoc, PersonDoc } from '../model';
import { demoStamp, generateDemoBranch, type DemoDataSet, type DemoOptions } from './branch';
import { demoMeeting, meetingDate } from './meetings';
import { demoPerson } from './people';
import { SeededRandom } from './random';

export interface ScaleOptions extends DemoOptions {
  members?: number;
  years?: number;
  groupSize?: number;
}

export function generateScaleData(options: ScaleOptions): DemoDataSet {
  const members = options.members ?? 10_000;
  const years = options.years ?? 5;
  const groupSize = options.groupSize ?? 50;
  const base = generateDemoBranch(options);
  const random = new SeededRandom((options.seed ?? 20261123) + 1);
  const stamp = demoStamp(options.today);
  const todayYear = Number(options.today.slice(0, 4));
  const groupCount = Math.ceil(members / groupSize);
  const groups = Array.from({ length: groupCount }, (_, i) => ({ id: random.id(stamp.atMs), name: `第${i + 1}党小组` }));
  const taken = new Set(base.people.map((p) => p.name));
  const people: PersonDoc[] = [];
  for (let i = 0; i < members; i++) {
    people.push(
      demoPerson(
        random,
        {
          orgId: base.org.id,
          status: random.chance(0.03) ? 'probationary' : 'full',
          category: random.chance(0.6) ? 'retired' : 'employed',
          birthYearRange: [todayYear - 90, todayYear - 22],
          groupId: groups[Math.floor(i / groupSize)]!.id,
          stamp,
          workUnits: ['市水利局', '市交通局', '市教育局', '市卫健委'],
        },
        taken,
      ),
    );
  }
  const meetings: MeetingDoc[] = [];
  const firstMonth = dayjs(options.today).startOf('month').subtract(years * 12, 'month');
  const context = { orgId: base.org.id, hostName: base.org.committee[0]!.name, recorderName: base.org.committee[2]!.name, place: '机关会议室', stamp };
  for (let m = 0; m < years * 12; m++) {
    const month = firstMonth.add(m, 'month');
    for (let g = 0; g < groupCount; g++) {
      const attendees = people.slice(g * groupSize, (g + 1) * groupSize);
      meetings.push(demoMeeting(random, { kind: 'group', date: meetingDate(random, month, 'group'), attendees, groupId: groups[g]!.id }, context));
    }
  }
  return {
    // The 10,000 are a roster and meetings load: no dues ledger is kept for them (it would call them all in arrears).
    org: { ...withoutDues(base.org), name: '规模测试支部（一万名党员）', groups: [...base.org.groups, ...groups] },
    people: [...base.people, ...people],
    dossiers: base.dossiers,
    meetings: [...base.meetings, ...meetings],
    dues: base.dues,
    care: base.care,
    transfers: base.transfers,
  };
}

function withoutDues(org: DemoDataSet['org']): DemoDataSet['org'] {
  const { dues: _dues, ...rest } = org;
  return rest;
}
