/**
 * The sync conflict merge (DESIGN.md §5): the state a device wants to write is merged field by field
 * with the server's real state, against the master state the device based its change on. Where both
 * sides changed a field differently the server wins and the local value is kept as a
 * {@link FieldConflict} for the user to resolve: no edit is ever silently dropped.
 *
 * Pure functions on JSON documents: used by RxDB's conflict handler in the renderer and by the server.
 */
import type { CollectionName } from '../model';

/** One field both sides changed to different values; the merged document holds `masterValue`. */
export interface FieldConflict {
  /** Keys from the document root, e.g. ['private', 'phone']; ['_deleted'] for a delete against an edit. */
  path: string[];
  /** `undefined` where that side removed the field. */
  localValue: unknown;
  masterValue: unknown;
  /** `undefined` where the field was absent, or when there was no assumed master state. */
  assumedValue: unknown;
}

export type Deletable<T> = T & { _deleted: boolean };

export interface MergeInput<T> {
  /** The state the device wants to write. */
  local: Deletable<T>;
  /** The server's real state. */
  master: Deletable<T>;
  /** The master state the device based its change on; absent when the device created the document. */
  assumed?: Deletable<T>;
}

export interface MergeResult<T> {
  merged: Deletable<T>;
  conflicts: FieldConflict[];
}

type Json = Record<string, unknown>;

/** No assumed master state: every field that differs counts as changed on both sides. */
const UNKNOWN: unique symbol = Symbol('no assumed master state');
type Assumed = unknown | typeof UNKNOWN;

/** Fields the merge sets itself: never conflicts. `_deleted` has its own rule. */
const FIXED_FIELDS = ['id', 'orgId', 'createdAt'] as const;
const STAMP_FIELDS = ['updatedAt', 'updatedBy'] as const;
const OWN_RULE_FIELDS: ReadonlySet<string> = new Set<string>([...FIXED_FIELDS, ...STAMP_FIELDS, '_deleted']);

/**
 * Three-way merge of `local` into `master` against `assumed`. Plain objects are merged key by key;
 * arrays and every other value are compared and taken whole.
 */
export function mergeDocuments<T extends object>(input: MergeInput<T>): MergeResult<T> {
  const local = input.local as unknown as Json;
  const master = input.master as unknown as Json;
  const assumed = input.assumed as unknown as Json | undefined;
  const conflicts: FieldConflict[] = [];

  const localContent = contentOf(local);
  const masterContent = contentOf(master);
  const assumedContent: Assumed = assumed ? contentOf(assumed) : UNKNOWN;
  const mergedContent = mergeValue([], assumedContent, localContent, masterContent, conflicts) as Json;

  // Without an assumed state each side is measured against the other.
  const localEdited = !isSameDocument(localContent, assumed ? assumedContent : masterContent);
  const masterEdited = !isSameDocument(masterContent, assumed ? assumedContent : localContent);
  const localDeleted = local._deleted === true;
  const masterDeleted = master._deleted === true;
  const assumedDeleted = assumed ? assumed._deleted === true : false;

  let deleted = localDeleted !== assumedDeleted ? localDeleted : masterDeleted;
  if (localDeleted && masterDeleted) {
    // Both sides deleted: there is nothing left for the user to resolve.
    conflicts.length = 0;
  } else if (deleted && (localDeleted ? masterEdited : localEdited)) {
    // A delete against an edit keeps the document, with the edits, and asks the user.
    deleted = false;
    conflicts.push({ path: ['_deleted'], localValue: localDeleted, masterValue: masterDeleted, assumedValue: assumed ? assumedDeleted : undefined });
  }

  const masterChanged = masterEdited || masterDeleted !== (assumed ? assumedDeleted : localDeleted);
  const stampSource = masterChanged ? master : local;

  const merged: Json = {};
  for (const key of unionKeys(master, local)) {
    if (key === '_deleted') merged[key] = deleted;
    else if ((FIXED_FIELDS as readonly string[]).includes(key)) setDefined(merged, key, clone(master[key] ?? local[key]));
    else if ((STAMP_FIELDS as readonly string[]).includes(key)) setDefined(merged, key, clone(stampSource[key]));
    else setDefined(merged, key, mergedContent[key]);
  }
  merged._deleted = deleted;
  return { merged: merged as unknown as Deletable<T>, conflicts };
}

/** Deep equality of JSON values; key order does not matter and a key holding `undefined` counts as absent. */
export function isSameDocument(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => isSameDocument(item, b[i]));
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const keysA = definedKeys(a);
    const keysB = definedKeys(b);
    return keysA.length === keysB.length && keysA.every((key) => b[key] !== undefined && isSameDocument(a[key], b[key]));
  }
  return false;
}

/** Labels for the fields a conflict names most often; other paths are shown as written. */
const COMMON_LABELS: Readonly<Record<string, string>> = { _deleted: '删除状态', note: '备注' };
const FIELD_LABELS: Readonly<Partial<Record<CollectionName, Readonly<Record<string, string>>>>> = {
  people: {
    name: '姓名',
    gender: '性别',
    birthDate: '出生日期',
    workUnit: '工作单位',
    'private.idNumber': '公民身份号码',
    'private.phone': '联系电话',
    'private.address': '住址',
    'private.emergencyContact': '紧急联系人',
  },
  meetings: {
    topic: '会议主题',
    date: '会议日期',
    place: '会议地点',
    attendance: '出席情况',
    agenda: '议程和发言',
    votes: '表决情况',
    decisions: '会议决定',
  },
};

/** A short Chinese name for a conflicting field, e.g. ('people', ['private', 'phone']) → 联系电话. */
export function describeConflictPath(collection: CollectionName, path: readonly string[]): string {
  const key = path.join('.');
  return FIELD_LABELS[collection]?.[key] ?? COMMON_LABELS[key] ?? key;
}

// ---------------------------------------------------------------------------------------------

/** The merged value at `path`, or `undefined` for a field the result leaves out. */
function mergeValue(path: string[], assumed: Assumed, local: unknown, master: unknown, conflicts: FieldConflict[]): unknown {
  if (isSameDocument(local, master)) return clone(master);
  if (assumed !== UNKNOWN) {
    if (isSameDocument(local, assumed)) return clone(master);
    if (isSameDocument(master, assumed)) return clone(local);
  }
  if (isPlainObject(local) && isPlainObject(master)) {
    const merged: Json = {};
    for (const key of unionKeys(master, local)) {
      const assumedChild = assumed === UNKNOWN ? UNKNOWN : isPlainObject(assumed) ? assumed[key] : undefined;
      setDefined(merged, key, mergeValue([...path, key], assumedChild, local[key], master[key], conflicts));
    }
    return merged;
  }
  // An object replaced or removed whole on one side is one value: merging inside it could leave a
  // half object the schema refuses (e.g. `archived` without its reason).
  conflicts.push({ path, localValue: clone(local), masterValue: clone(master), assumedValue: assumed === UNKNOWN ? undefined : clone(assumed) });
  return clone(master);
}

function contentOf(doc: Json): Json {
  const content: Json = {};
  for (const key of Object.keys(doc)) if (!OWN_RULE_FIELDS.has(key)) content[key] = doc[key];
  return content;
}

/** The master's keys in order, then the keys only the local side has. */
function unionKeys(master: Json, local: Json): string[] {
  const keys = Object.keys(master);
  for (const key of Object.keys(local)) if (!Object.hasOwn(master, key)) keys.push(key);
  return keys;
}

function setDefined(target: Json, key: string, value: unknown): void {
  if (value !== undefined) target[key] = value;
}

function definedKeys(o: Json): string[] {
  return Object.keys(o).filter((key) => o[key] !== undefined);
}

function isPlainObject(value: unknown): value is Json {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** A copy of a JSON value, so the result never shares (possibly frozen) objects with the inputs. */
function clone(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(clone);
  if (isPlainObject(value)) {
    const copy: Json = {};
    for (const key of definedKeys(value)) copy[key] = clone(value[key]);
    return copy;
  }
  return value;
}
