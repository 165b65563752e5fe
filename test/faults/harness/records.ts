/**
 * The documents the fault writer stores: each one is a pure function of (collection, run, seq), and its id
 * says run and seq, so after a crash every stored document can be checked field by field against what
 * was meant to be written, acknowledged or not.
 */
import { CARE_KINDS, type CareDoc, type DuesDoc, type PersonDoc } from '@shared/model';

export const FAULT_DB_NAME = 'branchdesk-faults';
/** The database password (the device data key in the app): fixed, so every launch can decrypt. */
export const FAULT_PASSWORD = 'fault-test-data-key-0123456789abcdef';

export type FaultCollection = 'care' | 'dues' | 'people';
export const FAULT_COLLECTIONS: readonly FaultCollection[] = ['care', 'dues', 'people'];
export type FaultDoc = { care: CareDoc; dues: DuesDoc; people: PersonDoc };

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function encode(value: number, width: number): string {
  let out = '';
  for (let i = 0; i < width; i++) {
    out = CROCKFORD[value % 32]! + out;
    value = Math.floor(value / 32);
  }
  if (value > 0) throw new Error('number too large for its id field');
  return out;
}

function decode(text: string): number {
  let value = 0;
  for (const ch of text) {
    const digit = CROCKFORD.indexOf(ch);
    if (digit < 0) return Number.NaN;
    value = value * 32 + digit;
  }
  return value;
}

/** A valid ULID-shaped id: '01JF', run (5 characters), seq (7 characters), then zeros. */
export function faultId(run: number, seq: number): string {
  return `01JF${encode(run, 5)}${encode(seq, 7)}0000000000`;
}

export function parseFaultId(id: string): { run: number; seq: number } | null {
  if (!/^01JF[0-9A-HJKMNP-TV-Z]{12}0{10}$/.test(id)) return null;
  return { run: decode(id.slice(4, 9)), seq: decode(id.slice(9, 16)) };
}

const ORG_ID = '01JD0000000000000000000002';
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '欧阳', '司马'];
const GIVEN = ['建国', '秀英', '桂兰', '志强', '红梅', '德福', '淑珍', '国庆'];
const PHRASE = '不忘初心、牢记使命，坚持学习党的理论，关心社区老党员的生活。';

/** A deterministic instant from run and seq (never the clock: the expected document must be rebuilt exactly). */
function instant(run: number, seq: number): string {
  return new Date(Date.UTC(2026, 0, 1) + run * 86_400_000 + seq * 1000).toISOString();
}

function base(run: number, seq: number) {
  const at = instant(run, seq);
  return { id: faultId(run, seq), orgId: ORG_ID, createdAt: at, updatedAt: at, updatedBy: '王建国' };
}

/** Free text from empty to a few thousand characters, so writes vary in size. */
function text(seq: number): string {
  return PHRASE.repeat((seq * 7919) % 120);
}

function day(seq: number): string {
  return `2026-${String((seq % 12) + 1).padStart(2, '0')}-${String((seq % 28) + 1).padStart(2, '0')}`;
}

/** The person a care record or dues row is about: one of every ten ids of the run. */
const personOf = (run: number, seq: number) => faultId(run, seq - (seq % 10));

const makers: { [C in FaultCollection]: (run: number, seq: number) => FaultDoc[C] } = {
  care: (run, seq) => ({
    ...base(run, seq),
    personId: personOf(run, seq),
    kind: CARE_KINDS[seq % CARE_KINDS.length]!,
    occasion: ['春节慰问', '生病住院', '高龄生日', '七一走访'][seq % 4]!,
    date: day(seq),
    visitors: ['王建国', `李红${seq % 5}`],
    given: seq % 2 ? '米一袋、油一桶' : '慰问金500元',
    followUp: text(seq),
  }),
  dues: (run, seq) => ({
    ...base(run, seq),
    personId: personOf(run, seq),
    month: day(seq).slice(0, 7),
    category: 'retired',
    baseFen: 300000 + (seq % 1000) * 100,
    amountFen: 1500 + (seq % 100),
    paidFen: 1500 + (seq % 100),
    paidOn: day(seq),
    paidBy: seq % 3 ? '本人' : '女儿代交',
    receiptNo: `DF-${run}-${seq}`,
    note: text(seq).slice(0, 200),
  }),
  people: (run, seq) => ({
    ...base(run, seq),
    name: `${SURNAMES[seq % SURNAMES.length]}${GIVEN[(seq >> 3) % GIVEN.length]}`,
    gender: seq % 2 ? 'male' : 'female',
    birthDate: `19${40 + (seq % 30)}-0${(seq % 9) + 1}-1${seq % 10}`,
    category: 'retired',
    status: 'full',
    onRoll: true,
    // Encrypted at rest: after a crash it must still decrypt to exactly this.
    private: {
      idNumber: `110102${19400101 + (seq % 300000)}${String(seq % 1000).padStart(3, '0')}X`.slice(0, 18),
      phone: `138${String(run * 100000 + seq).padStart(8, '0').slice(-8)}`,
      address: `东风路${seq % 200}号${(seq % 6) + 1}单元`,
    },
    history: [{ at: instant(run, seq), by: '王建国', action: 'create', changes: [] }],
  }),
};

/** The document of this collection, run and seq: always the same. */
export function faultDoc<C extends FaultCollection>(collection: C, run: number, seq: number): FaultDoc[C] {
  return makers[collection](run, seq);
}
