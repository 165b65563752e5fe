/**
 * A person as typed into the form or read from an Excel row: checked field by field with messages in
 * Chinese, turned into a stored document, and every change recorded in the person's history.
 */
import { addYears, ageOn, isValidDate } from '../dates';
import { CATEGORY_LABELS, codeOf, EDUCATION_LABELS, GENDER_LABELS, STATUS_LABELS } from '../forms/labels';
import { columnOf, ROSTER_COLUMNS, rosterCell, type RosterField } from '../forms/roster';
import type { PersonAction, PersonDoc } from '../model';
import { parseIdNumber } from './id-number';
import { parseLegacyIdNumber, upgradeIdNumber } from './id-number-legacy';

/** What a person typed or a sheet held: text per roster column. */
export type RosterRow = Partial<Record<RosterField, string>>;

/** The fields of a person that the roster form and the import set. */
export type PersonFields = Pick<
  PersonDoc,
  'name' | 'gender' | 'ethnicity' | 'birthDate' | 'nativePlace' | 'education' | 'workUnit' | 'position' | 'category' | 'status'
  | 'joinedOn' | 'confirmedOn' | 'groupId' | 'limitedMobility' | 'bedridden' | 'duesBaseFen' | 'note' | 'private'
>;

export interface RowContext {
  today: string;
  /** Party groups by name, to read the 党小组 column. */
  groups: readonly { id: string; name: string }[];
}

export interface FieldProblem {
  field: RosterField;
  message: string;
}

export type RowResult = { ok: true; value: PersonFields } | { ok: false; problems: FieldProblem[] };

const DATE_FIELDS = new Set<RosterField>(['birthDate', 'joinedOn', 'confirmedOn']);

/** What a sheet reader puts in the ID column when Excel kept the number as a number and lost digits. */
export const NUMERIC_ID_NOTE = 'Excel把这一格存成了数字';

/** Reads 1950-03-15, 1950/3/15, 1950.3.15, 19500315 and 1950年3月15日 as a date. */
export function readDate(text: string): string | undefined {
  const t = text.trim();
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(t) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (!m) return undefined;
  const date = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return isValidDate(date) ? date : undefined;
}

function readYesNo(text: string): boolean | undefined {
  const t = text.trim();
  if (t === '' || t === '否' || t === '无') return false;
  if (t === '是' || t === '有') return true;
  return undefined;
}

/** Checks a row and builds the person's fields; every problem names its column and how to fix it. */
export function checkRosterRow(row: RosterRow, context: RowContext): RowResult {
  const problems: FieldProblem[] = [];
  const text = (field: RosterField) => (row[field] ?? '').trim();
  const problem = (field: RosterField, message: string) => problems.push({ field, message: `${columnOf(field).label}：${message}` });

  for (const column of ROSTER_COLUMNS) {
    if (column.required && !text(column.field)) problem(column.field, '必须填写');
    if (text(column.field).length > column.maxLength) problem(column.field, `太长了，最多 ${column.maxLength} 个字`);
  }
  const name = text('name').replace(/\s+/g, '');
  if (name && !/^[\u3400-\u9fff\u3007\uf900-\ufaff\u{20000}-\u{3134f}·•A-Za-z]{1,40}$/u.test(name)) problem('name', '应与身份证上的姓名一致：汉字，少数民族姓名可含“·”，外文姓名可用字母');

  const gender = text('gender') ? codeOf(GENDER_LABELS, text('gender')) : undefined;
  if (text('gender') && !gender) problem('gender', '请填“男”或“女”');
  const category = text('category') ? codeOf(CATEGORY_LABELS, text('category')) : undefined;
  if (text('category') && !category) problem('category', `请从下拉选项中选择：${Object.values(CATEGORY_LABELS).join('、')}`);
  const status = text('status') ? codeOf(STATUS_LABELS, text('status')) : undefined;
  if (text('status') && !status) problem('status', `请从下拉选项中选择：${Object.values(STATUS_LABELS).join('、')}`);
  const education = text('education') ? codeOf(EDUCATION_LABELS, text('education')) : undefined;
  if (text('education') && !education) problem('education', `请从下拉选项中选择：${Object.values(EDUCATION_LABELS).join('、')}`);

  const dates: Partial<Record<RosterField, string>> = {};
  for (const field of DATE_FIELDS) {
    if (!text(field)) continue;
    const date = readDate(text(field));
    if (!date) problem(field, `“${text(field)}”不是有效日期，请写成 1950-03-15 这样的格式`);
    else if (date > context.today) problem(field, `${date} 晚于今天，请核对`);
    else dates[field] = date;
  }
  const { birthDate, joinedOn, confirmedOn } = dates;

  let idNumber: string | undefined;
  if (text('idNumber').startsWith(NUMERIC_ID_NOTE)) {
    problem('idNumber', text('idNumber'));
  } else if (text('idNumber')) {
    // Old records carry 15-digit numbers: they are read and kept as the 18-character number of today.
    const legacy = /^\d{15}$/.test(text('idNumber'));
    const parsed = legacy ? parseLegacyIdNumber(text('idNumber')) : parseIdNumber(text('idNumber'));
    if (!parsed.ok) problem('idNumber', parsed.message.replace(/^(15位旧)?公民身份号码/, '$1号码'));
    else {
      idNumber = legacy ? upgradeIdNumber(text('idNumber')) : text('idNumber').toUpperCase();
      if (birthDate && parsed.value.birthDate !== birthDate) problem('idNumber', `号码中的出生日期是 ${parsed.value.birthDate}，与出生日期 ${birthDate} 不一致`);
      if (gender && parsed.value.gender !== gender) problem('idNumber', `号码显示性别为“${GENDER_LABELS[parsed.value.gender]}”，与填写的性别不一致`);
    }
  }

  const isMember = status === 'full' || status === 'probationary';
  if (isMember && !joinedOn && !text('joinedOn')) problem('joinedOn', '党员必须填写入党日期');
  if (!isMember && status && joinedOn) problem('joinedOn', `${STATUS_LABELS[status]}还没有入党，不应填写入党日期`);
  if (status === 'probationary' && confirmedOn) problem('confirmedOn', '预备党员还没有转正，不应填写转正日期');
  if (!isMember && status && confirmedOn) problem('confirmedOn', `${STATUS_LABELS[status]}不应填写转正日期`);
  if (birthDate && joinedOn && ageOn(birthDate, joinedOn) < 18) problem('joinedOn', `入党时应年满18岁（${joinedOn} 时为 ${ageOn(birthDate, joinedOn)} 岁）`);
  // R-PROBATION-1Y: confirmation comes at the earliest one year after admission.
  if (joinedOn && confirmedOn && confirmedOn < addYears(joinedOn, 1)) problem('confirmedOn', `转正日期应在入党一年以后（不早于 ${addYears(joinedOn, 1)}）`);

  let groupId: string | undefined;
  if (text('group')) {
    groupId = context.groups.find((g) => g.name === text('group'))?.id;
    if (!groupId) problem('group', `没有名为“${text('group')}”的党小组，请先在“支部”里建立，或留空`);
  }
  const phone = text('phone');
  if (phone && !/^[\d\s()+\-－]{7,20}$/.test(phone)) problem('phone', '只能填数字，例如 13900000000 或 010-12345678');

  const flags: Partial<Record<'limitedMobility' | 'bedridden', boolean>> = {};
  for (const field of ['limitedMobility', 'bedridden'] as const) {
    const value = readYesNo(text(field));
    if (value === undefined) problem(field, '请填“是”或“否”');
    else flags[field] = value;
  }
  let duesBaseFen: number | undefined;
  if (text('duesBase')) {
    const yuan = Number(text('duesBase').replace(/[,，元\s]/g, ''));
    if (!Number.isFinite(yuan) || yuan < 0 || yuan > 1_000_000) problem('duesBase', '请填写金额（元），例如 4500.00');
    else duesBaseFen = Math.round(yuan * 100);
  }
  if (text('note').length > 2000) problem('note', '备注太长，请控制在2000字以内');

  if (problems.length > 0 || !gender || !category || !status || !birthDate) return { ok: false, problems };

  const privateFields: NonNullable<PersonFields['private']> = {};
  if (idNumber) privateFields.idNumber = idNumber;
  if (phone) privateFields.phone = phone;
  if (text('address')) privateFields.address = text('address');
  if (text('emergencyContact')) privateFields.emergencyContact = text('emergencyContact');
  const value: PersonFields = { name, gender, birthDate, category, status, private: privateFields };
  const optional = {
    ethnicity: text('ethnicity') || undefined,
    nativePlace: text('nativePlace') || undefined,
    education,
    workUnit: text('workUnit') || undefined,
    position: text('position') || undefined,
    joinedOn,
    confirmedOn,
    groupId,
    limitedMobility: flags.limitedMobility || undefined,
    bedridden: flags.bedridden || undefined,
    duesBaseFen,
    note: text('note') || undefined,
  };
  for (const [key, v] of Object.entries(optional)) if (v !== undefined) (value as Record<string, unknown>)[key] = v;
  return { ok: true, value };
}

/** Fields whose values never go into the history: personal identifiers are encrypted at rest. */
const PRIVATE_LABELS: Record<string, string> = { idNumber: '公民身份号码', phone: '联系电话', address: '居住地址', emergencyContact: '紧急联系人' };
const FIELD_LABELS: Partial<Record<keyof PersonFields, RosterField>> = {
  name: 'name', gender: 'gender', ethnicity: 'ethnicity', birthDate: 'birthDate', nativePlace: 'nativePlace', education: 'education',
  workUnit: 'workUnit', position: 'position', category: 'category', status: 'status', joinedOn: 'joinedOn', confirmedOn: 'confirmedOn',
  groupId: 'group', limitedMobility: 'limitedMobility', bedridden: 'bedridden', duesBaseFen: 'duesBase', note: 'note',
};

export type HistoryEntry = PersonDoc['history'][number];

/**
 * What changed between two versions, in the words the roster prints ("男 → 女", "第一党小组"), never
 * stored codes; identifiers are named, never copied.
 */
export function diffPerson(before: PersonFields, after: PersonFields, groupName: (groupId: string) => string = (id) => id): HistoryEntry['changes'] {
  const changes: HistoryEntry['changes'] = [];
  for (const field of new Set(Object.values(FIELD_LABELS))) {
    const from = rosterCell(before as PersonDoc, field, groupName);
    const to = rosterCell(after as PersonDoc, field, groupName);
    if (from !== to) changes.push({ field: columnOf(field).label, from: from.slice(0, 400), to: to.slice(0, 400) });
  }
  for (const [key, label] of Object.entries(PRIVATE_LABELS)) {
    const k = key as keyof NonNullable<PersonFields['private']>;
    if ((before.private?.[k] ?? '') !== (after.private?.[k] ?? '')) changes.push({ field: label, to: '（已修改，内容不记入历史）' });
  }
  return changes;
}

export interface ChangeStamp {
  id: string;
  orgId: string;
  now: string;
  by: string;
}

/** A new person on the roll, with its first history entry. */
export function newPerson(fields: PersonFields, stamp: ChangeStamp, action: PersonAction = 'create', importBatch?: string): PersonDoc {
  const person: PersonDoc = {
    ...fields,
    id: stamp.id,
    orgId: stamp.orgId,
    createdAt: stamp.now,
    updatedAt: stamp.now,
    updatedBy: stamp.by,
    onRoll: true,
    history: [{ at: stamp.now, by: stamp.by, action, changes: [] }],
  };
  if (importBatch) person.importBatch = importBatch;
  return person;
}

const EDITABLE_KEYS: (keyof PersonFields)[] = [
  'name', 'gender', 'ethnicity', 'birthDate', 'nativePlace', 'education', 'workUnit', 'position', 'category', 'status',
  'joinedOn', 'confirmedOn', 'groupId', 'limitedMobility', 'bedridden', 'duesBaseFen', 'note', 'private',
];

export function fieldsOf(person: PersonDoc): PersonFields {
  const fields = {} as PersonFields;
  for (const key of EDITABLE_KEYS) if (person[key] !== undefined) (fields as Record<string, unknown>)[key] = person[key];
  return fields;
}

/** The edited person, or null when nothing changed (no empty history entries). */
export function updatedPerson(person: PersonDoc, fields: PersonFields, stamp: Omit<ChangeStamp, 'id' | 'orgId'>, groupName?: (groupId: string) => string): PersonDoc | null {
  const changes = diffPerson(fieldsOf(person), fields, groupName);
  if (changes.length === 0) return null;
  const next: PersonDoc = { ...person, updatedAt: stamp.now, updatedBy: stamp.by, history: [...person.history, { at: stamp.now, by: stamp.by, action: 'update', changes }] };
  for (const key of EDITABLE_KEYS) delete next[key];
  return { ...next, ...fields };
}

/** Archiving (去世, 转出, 除名, 退党) never deletes: the person leaves the roll and keeps the history. */
export function archivedPerson(person: PersonDoc, archive: NonNullable<PersonDoc['archived']>, stamp: Omit<ChangeStamp, 'id' | 'orgId'>): PersonDoc {
  return {
    ...person,
    onRoll: false,
    archived: archive,
    updatedAt: stamp.now,
    updatedBy: stamp.by,
    history: [...person.history, { at: stamp.now, by: stamp.by, action: 'archive', changes: [{ field: '在册状态', from: '在册', to: `${archive.on} 出册` }] }],
  };
}

export function restoredPerson(person: PersonDoc, stamp: Omit<ChangeStamp, 'id' | 'orgId'>): PersonDoc {
  const next: PersonDoc = {
    ...person,
    onRoll: true,
    updatedAt: stamp.now,
    updatedBy: stamp.by,
    history: [...person.history, { at: stamp.now, by: stamp.by, action: 'restore', changes: [{ field: '在册状态', from: '出册', to: '在册' }] }],
  };
  delete next.archived;
  return next;
}

/**
 * The yearly 党费基数 update (and the dues category): the base, its category and the date it was set,
 * with a history entry in printed words. Null when nothing changed.
 */
export function withDuesBase(
  person: PersonDoc,
  change: { duesCategory?: PersonDoc['duesCategory']; duesBaseFen?: number; setOn: string },
  stamp: Omit<ChangeStamp, 'id' | 'orgId'>,
  categoryLabel: (category: string | undefined) => string,
): PersonDoc | null {
  const yuan = (fen: number | undefined) => (fen === undefined ? '' : (fen / 100).toFixed(2));
  const changes: HistoryEntry['changes'] = [];
  if (change.duesBaseFen !== person.duesBaseFen) changes.push({ field: '党费基数（元）', from: yuan(person.duesBaseFen), to: yuan(change.duesBaseFen) });
  if (change.duesCategory !== person.duesCategory) changes.push({ field: '党费类别', from: categoryLabel(person.duesCategory), to: categoryLabel(change.duesCategory) });
  // Confirming last year's base unchanged is an update too: the date says the base was checked this year.
  if (changes.length === 0 && person.duesBaseSetOn === change.setOn) return null;
  if (changes.length === 0) changes.push({ field: '党费基数核定日期', from: person.duesBaseSetOn ?? '', to: change.setOn });
  const next: PersonDoc = { ...person, duesBaseSetOn: change.setOn, updatedAt: stamp.now, updatedBy: stamp.by, history: [...person.history, { at: stamp.now, by: stamp.by, action: 'update', changes }] };
  delete next.duesBaseFen;
  delete next.duesCategory;
  if (change.duesBaseFen !== undefined) next.duesBaseFen = change.duesBaseFen;
  if (change.duesCategory !== undefined) next.duesCategory = change.duesCategory;
  return next;
}

/** The member who keeps in touch (联系人 of a retired or homebound member), with a history entry. Null when unchanged. */
export function withContactPerson(person: PersonDoc, contactId: string | undefined, nameOf: (id: string) => string, stamp: Omit<ChangeStamp, 'id' | 'orgId'>): PersonDoc | null {
  if (contactId === person.id) throw new Error('联系人不能是本人');
  if (contactId === person.contactPersonId) return null;
  const change = { field: '联系人', from: person.contactPersonId ? nameOf(person.contactPersonId) : '', to: contactId ? nameOf(contactId) : '' };
  const next: PersonDoc = { ...person, updatedAt: stamp.now, updatedBy: stamp.by, history: [...person.history, { at: stamp.now, by: stamp.by, action: 'update', changes: [change] }] };
  delete next.contactPersonId;
  if (contactId) next.contactPersonId = contactId;
  return next;
}

/** 流动党员 details (where, since when, how the branch keeps in touch), with a history entry. Null when unchanged. */
export function withMobileDetails(person: PersonDoc, mobile: PersonDoc['mobile'] | undefined, stamp: Omit<ChangeStamp, 'id' | 'orgId'>): PersonDoc | null {
  const clean = Object.fromEntries(Object.entries(mobile ?? {}).filter(([, v]) => typeof v === 'string' && v.trim() !== '').map(([k, v]) => [k, (v as string).trim()])) as NonNullable<PersonDoc['mobile']>;
  const empty = Object.keys(clean).length === 0;
  if (JSON.stringify(clean) === JSON.stringify(person.mobile ?? {}) || (empty && !person.mobile)) return null;
  const next: PersonDoc = {
    ...person,
    updatedAt: stamp.now,
    updatedBy: stamp.by,
    history: [...person.history, { at: stamp.now, by: stamp.by, action: 'update', changes: [{ field: '流动党员情况', from: person.mobile?.place ?? '', to: clean.place ?? '' }] }],
  };
  delete next.mobile;
  if (!empty) next.mobile = clean;
  return next;
}
