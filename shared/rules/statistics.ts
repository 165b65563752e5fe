/**
 * The counts a higher committee asks a branch for (domain reference §6: members; total, 正式/预备,
 * women, ethnic minorities, aged 35 and under, age bands, education, 在职/离退休, party-age bands;
 * new members in a year; and the 光荣在党50年 medal of §5).
 *
 * Who counts: 党员 are full and probationary members on the roll (`isMember`). Archived people
 * (onRoll false: died, removed, withdrew, transferred out) are left out of every figure, including
 * the new members of a past year: the figures describe the branch as it stands.
 *
 * Every breakdown of the members (ethnicity, age, education, category, party age) has one slot for
 * each member, an `unknown` slot included, so each adds up to `members` and a gap in the records
 * shows as a number rather than vanishing.
 */
import { addYears, ageOn, isValidDate } from '../dates';
import { EDUCATION_LEVELS, PERSON_CATEGORIES, type EducationLevel, type PersonCategory, type PersonDoc } from '../model';
import { isMember } from './roster';

export type StatisticsPerson = Pick<
  PersonDoc,
  'status' | 'onRoll' | 'gender' | 'ethnicity' | 'birthDate' | 'education' | 'category' | 'joinedOn' | 'confirmedOn'
>;

/**
 * Age bands, in whole years on the day counted. Up to 60 they are the bands of the 中国共产党党内统计
 * 公报 (30岁及以下, 31至35岁, 36至40岁 … 56至60岁); its single 61岁及以上 is split by decade because
 * retired branches care for members in their eighties and nineties. Add bands to get coarser ones:
 * 36–45 is 36-40 + 41-45, 61岁及以上 is 61-70 + 71-80 + 81-90 + 91+.
 */
export const AGE_BANDS = ['0-30', '31-35', '36-40', '41-45', '46-50', '51-55', '56-60', '61-70', '71-80', '81-90', '91+'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];
const AGE_BAND_TOPS: readonly number[] = [30, 35, 40, 45, 50, 55, 60, 70, 80, 90];

/** 党龄 bands, in whole years since the member became a full member. */
export const PARTY_AGE_BANDS = ['0-9', '10-19', '20-29', '30-39', '40-49', '50+'] as const;
export type PartyAgeBand = (typeof PARTY_AGE_BANDS)[number];

/** 青年党员: 35岁及以下, the age the 党内统计公报 reports. */
export const YOUTH_MAX_AGE = 35;
/** 光荣在党50年: awarded on 七一 to members with 50 years of party age. */
export const GOLDEN_MEDAL_PARTY_AGE = 50;

export function ageBand(age: number): AgeBand {
  const index = AGE_BAND_TOPS.findIndex((top) => age <= top);
  return AGE_BANDS[index === -1 ? AGE_BANDS.length - 1 : index]!;
}

export function partyAgeBand(partyAge: number): PartyAgeBand {
  return PARTY_AGE_BANDS[Math.min(Math.floor(partyAge / 10), PARTY_AGE_BANDS.length - 1)]!;
}

export interface RosterStatistics {
  /** 党员总数: full and probationary members on the roll. */
  members: number;
  full: number;
  probationary: number;
  women: number;
  /** 少数民族: any recorded ethnicity other than 汉族 (or 汉, as the ID card writes it). */
  ethnicity: { han: number; minority: number; unknown: number };
  /** 35岁及以下 on the day counted; the same members are in bands 0-30 and 31-35. */
  agedUpTo35: number;
  /** `unknown`: no valid birth date, or one after the day counted. */
  ageBands: Record<AgeBand | 'unknown', number>;
  education: Record<EducationLevel | 'unknown', number>;
  /** 在职 is `employed`, 离退休 is `retired`; the other categories are given as they are. */
  categories: Record<PersonCategory, number>;
  /**
   * 党龄 counts from the date the member became a full member (confirmedOn). Probationary members
   * have no party age yet: they are counted under `probationary`. `unknown`: a full member with no
   * valid confirmedOn, or one after the day counted — the record needs its 转正日期.
   */
  partyAge: Record<PartyAgeBand | 'probationary' | 'unknown', number>;
}

const zeros = <K extends string>(keys: readonly K[]): Record<K, number> => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/** 汉族, also written 汉 (ID cards and old forms): every other recorded ethnicity is a minority. */
const HAN = new Set(['汉族', '汉']);
/** What people write when the ethnicity is not known; counted as unknown, not as a minority. */
const ETHNICITY_NOT_KNOWN = new Set(['', '不详', '未知']);

function ethnicityOf(person: StatisticsPerson): keyof RosterStatistics['ethnicity'] {
  const ethnicity = (person.ethnicity ?? '').trim();
  if (ETHNICITY_NOT_KNOWN.has(ethnicity)) return 'unknown';
  return HAN.has(ethnicity) ? 'han' : 'minority';
}

/** Whole years from `since` to `on`, or null when `since` is not a valid date on or before `on`. */
function yearsSince(since: string | undefined, on: string): number | null {
  if (!since || !isValidDate(since) || since > on) return null;
  return ageOn(since, on);
}

/**
 * The members' statistics on `today` ('YYYY-MM-DD'); for a year-end report pass 'YYYY-12-31', the day
 * the 党内统计 counts on.
 */
export function rosterStatistics(people: readonly StatisticsPerson[], today: string): RosterStatistics {
  const stats: RosterStatistics = {
    members: 0,
    full: 0,
    probationary: 0,
    women: 0,
    ethnicity: { han: 0, minority: 0, unknown: 0 },
    agedUpTo35: 0,
    ageBands: zeros([...AGE_BANDS, 'unknown']),
    education: zeros([...EDUCATION_LEVELS, 'unknown']),
    categories: zeros(PERSON_CATEGORIES),
    partyAge: zeros([...PARTY_AGE_BANDS, 'probationary', 'unknown']),
  };
  for (const person of people) {
    if (!isMember(person)) continue;
    stats.members += 1;
    if (person.status === 'full') stats.full += 1;
    else stats.probationary += 1;
    if (person.gender === 'female') stats.women += 1;
    stats.ethnicity[ethnicityOf(person)] += 1;

    const age = yearsSince(person.birthDate, today);
    stats.ageBands[age === null ? 'unknown' : ageBand(age)] += 1;
    if (age !== null && age <= YOUTH_MAX_AGE) stats.agedUpTo35 += 1;

    stats.education[person.education ?? 'unknown'] += 1;
    stats.categories[person.category] += 1;

    if (person.status === 'probationary') {
      stats.partyAge.probationary += 1;
    } else {
      const partyAge = yearsSince(person.confirmedOn, today);
      stats.partyAge[partyAge === null ? 'unknown' : partyAgeBand(partyAge)] += 1;
    }
  }
  return stats;
}

export interface NewMembersStatistics {
  year: number;
  /** 发展党员: members admitted as probationary members (joinedOn) during the year. */
  total: number;
  women: number;
  /** 35岁及以下 on the day of admission (joinedOn), as the 党内统计公报 counts new members. */
  agedUpTo35: number;
  /** No valid birth date, or one after the admission: neither counted as young nor as older. */
  ageUnknown: number;
  /** 大专及以上学历: college, bachelor, postgraduate. */
  collegeOrAbove: number;
  educationUnknown: number;
  // 生产、工作一线 (front-line workers) is not given: the people schema records no 工作岗位 to
  // derive it from. A zero here would read as a fact.
}

const COLLEGE_OR_ABOVE: ReadonlySet<EducationLevel> = new Set(['college', 'bachelor', 'postgraduate']);

/**
 * New members of a calendar year: people on the roll, full or probationary now, whose joinedOn
 * (admission as a probationary member, 支部大会 date) falls in `year`. Someone admitted that year
 * and since transferred out, removed or deceased is archived and therefore not counted.
 */
export function newMembersInYear(people: readonly StatisticsPerson[], year: number): NewMembersStatistics {
  const stats: NewMembersStatistics = { year, total: 0, women: 0, agedUpTo35: 0, ageUnknown: 0, collegeOrAbove: 0, educationUnknown: 0 };
  const prefix = `${String(year).padStart(4, '0')}-`;
  for (const person of people) {
    const joinedOn = person.joinedOn;
    if (!isMember(person) || !joinedOn || !joinedOn.startsWith(prefix) || !isValidDate(joinedOn)) continue;
    stats.total += 1;
    if (person.gender === 'female') stats.women += 1;
    const age = yearsSince(person.birthDate, joinedOn);
    if (age === null) stats.ageUnknown += 1;
    else if (age <= YOUTH_MAX_AGE) stats.agedUpTo35 += 1;
    if (!person.education) stats.educationUnknown += 1;
    else if (COLLEGE_OR_ABOVE.has(person.education)) stats.collegeOrAbove += 1;
  }
  return stats;
}

/** 七一: the party's anniversary, the day the medal is awarded. The one on or after `date`. */
export function qiYiOnOrAfter(date: string): string {
  const year = Number(date.slice(0, 4));
  const thisYear = `${date.slice(0, 4)}-07-01`;
  return date <= thisYear ? thisYear : `${String(year + 1).padStart(4, '0')}-07-01`;
}

export type GoldenMedalPerson = StatisticsPerson & Pick<PersonDoc, 'id' | 'name'>;

export interface GoldenMedalCandidate {
  id: string;
  name: string;
  confirmedOn: string;
  /** The day 50 years of party age are complete (confirmedOn + 50 years; 29 Feb gives 28 Feb). */
  reachesOn: string;
  /**
   * The first 七一 on or after `reachesOn`: the medal day they first qualified for. Equal to
   * `qiYiOnOrAfter(today)` for this year's new recipients; earlier for members who qualified in
   * past years (the app does not record whether they received the medal).
   */
  medalDay: string;
}

/**
 * 光荣在党50年: full members on the roll who will have 50 years of party age by the next 七一
 * (today itself if today is 1 July), sorted by confirmedOn; members with the same confirmedOn keep
 * the order they were given in. Party age counts from confirmedOn; probationary members have none,
 * and a full member without a valid confirmedOn cannot be placed (see `partyAge.unknown`).
 */
export function goldenMedalCandidates(people: readonly GoldenMedalPerson[], today: string): GoldenMedalCandidate[] {
  const nextMedalDay = qiYiOnOrAfter(today);
  const candidates: GoldenMedalCandidate[] = [];
  for (const person of people) {
    const confirmedOn = person.confirmedOn;
    if (!isMember(person) || person.status !== 'full' || !confirmedOn || !isValidDate(confirmedOn)) continue;
    const reachesOn = addYears(confirmedOn, GOLDEN_MEDAL_PARTY_AGE);
    if (reachesOn > nextMedalDay) continue;
    candidates.push({ id: person.id, name: person.name, confirmedOn, reachesOn, medalDay: qiYiOnOrAfter(reachesOn) });
  }
  return candidates.sort((a, b) => (a.confirmedOn < b.confirmedOn ? -1 : a.confirmedOn > b.confirmedOn ? 1 : 0));
}
