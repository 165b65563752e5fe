/** Demo people: plausible, internally consistent records (ID number matches birth date and sex). */
import { addDays, addYears } from '../dates';
import type { EducationLevel, PersonCategory, PersonDoc } from '../model';
import { idCheckChar } from '../rules/id-number';
import { searchKeys } from '../rules/pinyin-search';
import { ETHNICITIES, NATIVE_PLACES, STREETS, uniqueName } from './names';
import type { SeededRandom } from './random';

const REGION_CODES = ['130602', '370102', '410202', '140105', '320102', '420102', '430102', '510104'] as const;

export function demoIdNumber(random: SeededRandom, birthDate: string, gender: 'male' | 'female'): string {
  const sequence = random.int(0, 49) * 2 + (gender === 'male' ? 1 : 0) + random.int(0, 4) * 100;
  const first17 = `${random.pick(REGION_CODES)}${birthDate.replaceAll('-', '')}${String(sequence % 1000).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}

export function demoPhone(random: SeededRandom): string {
  return `1${random.pick(['39', '38', '37', '35', '58', '86', '33'])}${String(random.int(0, 99999999)).padStart(8, '0')}`;
}

export interface DemoPersonSpec {
  orgId: string;
  status: PersonDoc['status'];
  category: PersonCategory;
  birthYearRange: readonly [number, number];
  groupId?: string;
  /** Date of admission as probationary member; computed from age when absent for members. */
  joinedOn?: string;
  stamp: DemoStamp;
  workUnits: readonly string[];
}

export interface DemoStamp {
  at: string;
  atMs: number;
  by: string;
}

/** Education of a generation: older members mostly 中专/高中 or below, younger ones 本科. */
function education(random: SeededRandom, birthYear: number): EducationLevel {
  if (birthYear < 1950) {
    return random.weighted([['junior-or-below', 40], ['secondary', 35], ['college', 15], ['bachelor', 10]] as const);
  }
  if (birthYear < 1970) {
    return random.weighted([['junior-or-below', 15], ['secondary', 35], ['college', 25], ['bachelor', 22], ['postgraduate', 3]] as const);
  }
  return random.weighted([['secondary', 5], ['college', 20], ['bachelor', 60], ['postgraduate', 15]] as const);
}

/**
 * Admitted between 21 and 42, never after today; a full member was admitted over a year ago
 * (probation lasts one year), a probationary member within the last year.
 */
function memberJoinDate(random: SeededRandom, birthDate: string, today: string, status: PersonDoc['status']): string {
  const latest = status === 'full' ? addYears(today, -1) : today;
  const earliestProbationary = addYears(today, -1);
  let joined = addDays(addYears(birthDate, random.int(21, 42)), random.int(0, 300));
  if (joined > latest) joined = addDays(latest, -random.int(0, 3 * 365));
  if (joined < addYears(birthDate, 18)) joined = addYears(birthDate, 18);
  if (status === 'probationary' && joined < earliestProbationary) joined = addDays(today, -random.int(30, 330));
  return joined;
}

export function demoPerson(random: SeededRandom, spec: DemoPersonSpec, takenNames: Set<string>): PersonDoc {
  const gender = random.chance(0.56) ? 'male' : 'female';
  const birthYear = random.int(spec.birthYearRange[0], spec.birthYearRange[1]);
  const birthDate = `${birthYear}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`;
  const isMember = spec.status === 'full' || spec.status === 'probationary';
  const joinedOn = spec.joinedOn ?? (isMember ? memberJoinDate(random, birthDate, spec.stamp.at.slice(0, 10), spec.status) : undefined);
  const person: PersonDoc = {
    id: random.id(spec.stamp.atMs),
    orgId: spec.orgId,
    createdAt: spec.stamp.at,
    updatedAt: spec.stamp.at,
    updatedBy: spec.stamp.by,
    name: uniqueName(random, gender, birthYear, takenNames),
    gender,
    ethnicity: random.weighted(ETHNICITIES),
    birthDate,
    nativePlace: random.pick(NATIVE_PLACES),
    education: education(random, birthYear),
    workUnit: random.pick(spec.workUnits),
    category: spec.category,
    status: spec.status,
    onRoll: true,
    history: [{ at: spec.stamp.at, by: spec.stamp.by, action: 'create', changes: [] }],
    duesBaseFen: spec.category === 'retired' ? random.int(2800, 9500) * 100 : random.int(4000, 16000) * 100,
    private: {
      idNumber: demoIdNumber(random, birthDate, gender),
      phone: demoPhone(random),
      address: `${random.pick(STREETS)}${random.int(1, 300)}号${random.int(1, 12)}单元${random.int(101, 1802)}室`,
    },
  };
  person.searchKeys = searchKeys(person.name);
  if (joinedOn) person.joinedOn = joinedOn;
  if (joinedOn && spec.status === 'full') person.confirmedOn = addYears(joinedOn, 1);
  if (spec.groupId) person.groupId = spec.groupId;
  return person;
}
