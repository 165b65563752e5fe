/**
 * 组织关系转接 (domain reference §5): the three-part 介绍信 (存根 kept, 正本 to the receiver, 回执
 * returned), its validity, where each transfer stands, and the roster entry of a member arriving.
 *
 * Validity (R-TRANSFER-VALID, configurable): common practice is 10 days within a city and 30 days
 * outside it, at most 3 months, at most 6 months across provinces. The limits are in days because the
 * letter states days ("有效期＿＿天"): 3 and 6 months are taken as a quarter and a half of a year
 * rounded up, 92 and 183 days (183 is also the schema's bound). A branch or committee passes its own
 * `TransferValidity` to every function that takes one.
 *
 * Counting: the day of issue does not count (民法典 第二百零一条: a period counted in days starts the
 * next day), so a 10-day letter issued on 1 March is valid through 11 March.
 */
import { addDays, ageOn, daysBetween, isValidDate } from '../dates';
import { GENDER_LABELS, STATUS_LABELS } from '../forms/labels';
import type { BaseDoc, PersonDoc, TransferDoc } from '../model';
import { parseIdNumber } from './id-number';
import { newPerson, type ChangeStamp, type PersonFields } from './person';

export type TransferScope = NonNullable<TransferDoc['scope']>;

export const TRANSFER_SCOPE_LABELS: Record<TransferScope, string> = {
  city: '市内',
  province: '市外（省内）',
  'cross-province': '跨省（区、市）',
};

export type TransferValidity = Record<TransferScope, { defaultDays: number; maxDays: number }>;

/** R-TRANSFER-VALID defaults (domain reference §5, configurable). */
export const TRANSFER_VALIDITY: TransferValidity = {
  city: { defaultDays: 10, maxDays: 92 },
  province: { defaultDays: 30, maxDays: 92 },
  'cross-province': { defaultDays: 30, maxDays: 183 },
};

export function defaultValidDays(scope: TransferScope, limits: TransferValidity = TRANSFER_VALIDITY): number {
  return limits[scope].defaultDays;
}

/** Why `days` cannot be the validity of a letter of this scope, in Chinese; undefined when it can. */
export function checkValidDays(scope: TransferScope, days: number, limits: TransferValidity = TRANSFER_VALIDITY): string | undefined {
  if (!Number.isInteger(days) || days < 1) return '有效期应为正整数天数，例如 30';
  const { maxDays } = limits[scope];
  if (days > maxDays) return `${TRANSFER_SCOPE_LABELS[scope]}转接的介绍信有效期最长${maxDays}天，现在是${days}天，请缩短`;
  return undefined;
}

/** The last day the letter is valid: the day of issue does not count (see the file's comment). */
export function letterExpiresOn(issuedOn: string, validDays: number): string {
  return addDays(issuedOn, validDays);
}

export type TransferState = 'open' | 'expired' | 'done' | 'cancelled';

type StateFields = Pick<TransferDoc, 'direction' | 'issuedOn' | 'validDays' | 'scope' | 'receiptOn' | 'arrivedOn' | 'state'>;

/** The validity in days: as written on the letter, else the default of its scope; undefined when neither is known. */
function validityOf(transfer: Pick<TransferDoc, 'validDays' | 'scope'>, limits: TransferValidity): number | undefined {
  return transfer.validDays ?? (transfer.scope ? defaultValidDays(transfer.scope, limits) : undefined);
}

/**
 * Where a transfer stands on `today`. The stored `state` is trusted only for 'cancelled' and 'done'
 * (recorded by hand); the rest follows from the dates:
 * - done: the 回执 came back (转出) or the member arrived (转入);
 * - expired: neither, and today is after the last valid day;
 * - open: otherwise, and also when neither the validity nor the scope is known (nothing to expire by;
 *   checkTransfer asks for them).
 */
export function transferState(transfer: StateFields, today: string, limits: TransferValidity = TRANSFER_VALIDITY): TransferState {
  if (transfer.state === 'cancelled') return 'cancelled';
  const finished = transfer.direction === 'out' ? transfer.receiptOn : transfer.arrivedOn;
  if (transfer.state === 'done' || finished) return 'done';
  const days = validityOf(transfer, limits);
  if (days !== undefined && isValidDate(transfer.issuedOn) && today > letterExpiresOn(transfer.issuedOn, days)) return 'expired';
  return 'open';
}

export interface ReceiptOverdue<T> {
  transfer: T;
  /** The letter's last valid day. */
  expiresOn: string;
  /** Days since it expired, 1 on the day after. */
  daysOverdue: number;
}

/**
 * Outgoing letters whose 回执 has not come back though the letter has expired (transferState
 * 'expired'): the issuer should ask the receiver, or have the letter returned and reissued. Most
 * overdue first.
 */
export function receiptOverdue<T extends StateFields>(transfers: readonly T[], today: string, limits: TransferValidity = TRANSFER_VALIDITY): ReceiptOverdue<T>[] {
  const overdue: ReceiptOverdue<T>[] = [];
  for (const transfer of transfers) {
    if (transfer.direction !== 'out' || transferState(transfer, today, limits) !== 'expired') continue;
    const expiresOn = letterExpiresOn(transfer.issuedOn, validityOf(transfer, limits)!);
    overdue.push({ transfer, expiresOn, daysOverdue: daysBetween(expiresOn, today) });
  }
  return overdue.sort((a, b) => b.daysOverdue - a.daysOverdue);
}

// ─── An outgoing letter ──────────────────────────────────────────────────────────────────────────

/** A transfer as the forms and the checks see it: every stored field but the bookkeeping ones. */
export type TransferFields = Omit<TransferDoc, keyof BaseDoc>;

export type TransferPerson = Pick<PersonDoc, 'id' | 'name' | 'gender' | 'ethnicity' | 'birthDate' | 'status' | 'onRoll' | 'private'>;

export interface OutgoingLetterContext {
  /** The organization the membership leaves, and the one it goes to. */
  fromOrg: string;
  toOrg: string;
  scope: TransferScope;
  issuedOn: string;
  /** 党费交到: 'YYYY-MM'. */
  duesPaidTo: string;
  letterNo: string;
  /** The final receiving committee, which returns the 回执. */
  receivingCommittee?: string;
  /** The validity written on the letter; the scope's default when left out. */
  validDays?: number;
  limits?: TransferValidity;
}

/** Why no letter can be made for this person, in Chinese; undefined when one can. */
export function transferRefusal(person: Pick<PersonDoc, 'name' | 'status' | 'onRoll'>): string | undefined {
  if (!person.onRoll) return `${person.name}已不在册，不能开具组织关系介绍信`;
  if (person.status !== 'full' && person.status !== 'probationary') {
    return `${person.name}目前是${STATUS_LABELS[person.status]}，还不是党员，没有党员组织关系可以转接：只有正式党员和预备党员可以开具组织关系介绍信`;
  }
  return undefined;
}

/**
 * The fields of an outgoing letter for a member: name, gender, ethnicity and ID number from the roster,
 * the age on the day of issue, 正式/预备 from the status, the validity of the scope unless given.
 * Throws a RangeError with `transferRefusal`'s message for anyone who is not a full or probationary
 * member on the roll. The ctx is taken as given: show `checkTransfer` before saving.
 */
export function letterFromPerson(person: TransferPerson, ctx: OutgoingLetterContext): TransferFields {
  const refusal = transferRefusal(person);
  if (refusal) throw new RangeError(refusal);
  const letter: TransferFields = {
    direction: 'out',
    personId: person.id,
    name: person.name,
    fromOrg: ctx.fromOrg,
    toOrg: ctx.toOrg,
    gender: person.gender,
    partyStatus: person.status === 'full' ? 'full' : 'probationary',
    scope: ctx.scope,
    letterNo: ctx.letterNo,
    issuedOn: ctx.issuedOn,
    validDays: ctx.validDays ?? defaultValidDays(ctx.scope, ctx.limits),
    duesPaidTo: ctx.duesPaidTo,
    state: 'open',
  };
  if (isValidDate(person.birthDate) && isValidDate(ctx.issuedOn) && person.birthDate <= ctx.issuedOn) letter.age = ageOn(person.birthDate, ctx.issuedOn);
  if (person.ethnicity?.trim()) letter.ethnicity = person.ethnicity.trim();
  if (person.private?.idNumber) letter.private = { idNumber: person.private.idNumber };
  if (ctx.receivingCommittee?.trim()) letter.receivingCommittee = ctx.receivingCommittee.trim();
  return letter;
}

// ─── Checking a transfer ─────────────────────────────────────────────────────────────────────────

export type TransferDraft = Partial<TransferFields>;

export interface TransferProblem {
  field: keyof TransferFields;
  message: string;
}

/** How far ahead of the month of issue dues may have been paid. */
const DUES_AHEAD_MONTHS = 12;

/**
 * Every problem of a transfer before it is saved or printed, each with its field and what to fix, in
 * Chinese; empty when none. An outgoing letter (ours to issue) must state everything the 介绍信
 * prints: 正式/预备, the scope, the validity and the month dues are paid to. For an incoming one the
 * letter is another organization's: only what it says is checked.
 */
export function checkTransfer(draft: TransferDraft, today: string, limits: TransferValidity = TRANSFER_VALIDITY): TransferProblem[] {
  const problems: TransferProblem[] = [];
  const add = (field: keyof TransferFields, message: string) => problems.push({ field, message });
  const outgoing = draft.direction !== 'in';
  const filled = (text: string | undefined): text is string => text !== undefined && text.trim() !== '';

  if (draft.direction !== 'out' && draft.direction !== 'in') add('direction', '请选择转出或转入');
  if (!filled(draft.name)) add('name', '请填写党员姓名，与身份证一致');
  if (!filled(draft.fromOrg)) add('fromOrg', '请填写组织关系转出的党组织（从哪里转出）');
  if (!filled(draft.toOrg)) add('toOrg', '请填写组织关系转入的党组织（转到哪里）');
  if (filled(draft.fromOrg) && filled(draft.toOrg) && draft.fromOrg.trim() === draft.toOrg.trim()) add('toOrg', '转出和转入的党组织相同，请核对');

  const issued = draft.issuedOn !== undefined && isValidDate(draft.issuedOn) ? draft.issuedOn : undefined;
  if (!draft.issuedOn) add('issuedOn', '请填写介绍信的开具日期，例如 2026-03-01');
  else if (!issued) add('issuedOn', `开具日期“${draft.issuedOn}”不是有效日期，请写成 2026-03-01 这样的格式`);
  else if (issued > today) add('issuedOn', `开具日期 ${issued} 晚于今天，请核对`);

  if (outgoing && !draft.partyStatus) add('partyStatus', '请选择正式党员或预备党员：介绍信上须写明');
  if (draft.age !== undefined && (!Number.isInteger(draft.age) || draft.age < 18 || draft.age > 150)) add('age', `年龄${draft.age}岁不对：党员入党时应年满18岁，请核对`);

  if (draft.validDays === undefined) {
    if (outgoing) add('validDays', '请填写介绍信的有效期（天）');
  } else if (draft.scope) {
    const message = checkValidDays(draft.scope, draft.validDays, limits);
    if (message) add('validDays', message);
  } else if (!Number.isInteger(draft.validDays) || draft.validDays < 1) add('validDays', '有效期应为正整数天数，例如 30');
  if (outgoing && !draft.scope) add('scope', `请选择转接范围：${Object.values(TRANSFER_SCOPE_LABELS).join('、')}，有效期按范围确定`);

  if (!draft.duesPaidTo) {
    if (outgoing) add('duesPaidTo', '请填写党费交到的年月：介绍信上须写明党费已交到何年何月');
  } else if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(draft.duesPaidTo)) add('duesPaidTo', `党费交到的年月“${draft.duesPaidTo}”应写成 2026-03 这样的格式`);
  else if (issued && monthIndex(draft.duesPaidTo) > monthIndex(issued) + DUES_AHEAD_MONTHS) {
    add('duesPaidTo', `党费交到 ${draft.duesPaidTo}，超过开具月份后${DUES_AHEAD_MONTHS}个月，请核对`);
  }

  const id = draft.private?.idNumber?.trim();
  if (id) {
    const parsed = parseIdNumber(id);
    if (!parsed.ok) add('private', `身份证号码：${parsed.message}`);
    else {
      if (draft.gender && parsed.value.gender !== draft.gender) add('gender', `身份证号码显示性别为“${GENDER_LABELS[parsed.value.gender]}”，与填写的性别不一致`);
      if (draft.age !== undefined && issued && parsed.value.birthDate <= issued && ageOn(parsed.value.birthDate, issued) !== draft.age) {
        add('age', `按身份证号码，开具介绍信时应为${ageOn(parsed.value.birthDate, issued)}岁，填写的是${draft.age}岁，请核对`);
      }
    }
  }

  for (const [field, label] of [['receiptOn', '回执日期'], ['arrivedOn', '报到日期']] as const) {
    const date = draft[field];
    if (!date) continue;
    if (!isValidDate(date)) add(field, `${label}“${date}”不是有效日期，请写成 2026-03-01 这样的格式`);
    else if (issued && date < issued) add(field, `${label} ${date} 早于介绍信开具日期 ${issued}，请核对`);
    else if (date > today) add(field, `${label} ${date} 晚于今天，请核对`);
  }
  return problems;
}

function monthIndex(date: string): number {
  return Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
}

// ─── A member arriving ───────────────────────────────────────────────────────────────────────────

/**
 * The roster entry of a member whose letter has arrived (转入): name, gender, ethnicity, ID number and
 * 正式/预备 from the letter; the birth date and gender from the ID number where the letter has them
 * not; category 'other' until the secretary says (人员类别 decides dues and care). `given` is what the
 * secretary adds or corrects on arrival (joinedOn, category, group…) and wins over the letter.
 *
 * The first history entry is the usual 'create', with a change that says where the membership came
 * from and by which letter. Link the transfer to the new person (personId, arrivedOn) in the same write.
 * Throws a RangeError, in Chinese, when the transfer is not incoming, or when 正式/预备, the birth date
 * or the gender can be found neither in the letter nor in `given`.
 */
export function incomingPerson(transfer: TransferFields, stamp: ChangeStamp, given: Partial<PersonFields> = {}): PersonDoc {
  if (transfer.direction !== 'in') throw new RangeError('这是转出的介绍信：只有转入的党员才在本支部建立名册记录');
  const id = transfer.private?.idNumber?.trim().toUpperCase();
  const parsed = id ? parseIdNumber(id) : undefined;
  const fromId = parsed?.ok ? parsed.value : undefined;

  const status = given.status ?? transfer.partyStatus;
  const birthDate = given.birthDate ?? fromId?.birthDate;
  const gender = given.gender ?? transfer.gender ?? fromId?.gender;
  const missing: string[] = [];
  if (!status) missing.push('介绍信上没有写明正式党员或预备党员，请选择');
  if (!birthDate) missing.push('介绍信上没有有效的身份证号码，无法得知出生日期，请填写出生日期');
  if (!gender) missing.push('请选择性别');
  if (missing.length > 0 || !status || !birthDate || !gender) throw new RangeError(missing.join('；'));

  const fields: PersonFields = { name: transfer.name.trim(), gender, birthDate, status, category: 'other' };
  if (transfer.ethnicity?.trim()) fields.ethnicity = transfer.ethnicity.trim();
  if (id) fields.private = { idNumber: id };
  const { private: givenPrivate, ...rest } = given;
  for (const [key, value] of Object.entries(rest)) if (value !== undefined) (fields as Record<string, unknown>)[key] = value;
  if (givenPrivate) fields.private = { ...fields.private, ...givenPrivate };

  const person = newPerson(fields, stamp, 'create');
  const letter = transfer.letterNo?.trim() ? `介绍信第${transfer.letterNo.trim()}号` : '介绍信未编号';
  const arrival = { field: '组织关系转入', from: transfer.fromOrg.slice(0, 400), to: `${transfer.toOrg}（${letter}）`.slice(0, 400) };
  return { ...person, history: person.history.map((entry) => ({ ...entry, changes: [arrival] })) };
}

// ─── Letter numbers ──────────────────────────────────────────────────────────────────────────────

/**
 * The next number for an outgoing letter of `year`: '2026-001', '2026-002'… Only outgoing letters count
 * (an incoming letter carries the other organization's number). Numbers of the year written otherwise
 * ('2026-12', '（2026）第12号') count by their last digits; numbers without the year are ignored.
 */
export function nextLetterNo(existing: readonly Pick<TransferDoc, 'direction' | 'letterNo'>[], year: number): string {
  let last = 0;
  for (const transfer of existing) {
    if (transfer.direction !== 'out' || !transfer.letterNo) continue;
    const match = /(\d{4})\D+(\d+)\D*$/.exec(transfer.letterNo.trim());
    if (match && Number(match[1]) === year) last = Math.max(last, Number(match[2]));
  }
  return `${year}-${String(last + 1).padStart(3, '0')}`;
}
