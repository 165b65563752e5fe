/**
 * Importing an existing roster from a sheet: map its headers to our columns, check every row, and
 * report by row number what is wrong. Bad rows and duplicates are skipped, never stored half-valid.
 */
import { ROSTER_COLUMNS, type RosterField } from '../forms/roster';
import type { PersonDoc } from '../model';
import { parseLegacyIdNumber, upgradeIdNumber } from './id-number-legacy';
import { checkRosterRow, type FieldProblem, type PersonFields, type RosterRow, type RowContext } from './person';

/** For each sheet column (by index), the roster field it holds, or null to ignore it. */
export type ColumnMapping = (RosterField | null)[];

const normalize = (header: string) => header.replace(/[\s*＊（）()]/g, '').replace(/元$/, '');

/** Guesses the mapping from the header row by our column names and the names other rosters use. */
export function guessMapping(headers: readonly string[]): ColumnMapping {
  const used = new Set<RosterField>();
  return headers.map((header) => {
    const h = normalize(header);
    if (!h) return null;
    const column = ROSTER_COLUMNS.find((c) => !used.has(c.field) && [c.label, ...c.aliases].some((name) => normalize(name) === h));
    if (!column) return null;
    used.add(column.field);
    return column.field;
  });
}

/** Required columns the mapping leaves out: the import cannot start without them. */
export function missingRequired(mapping: ColumnMapping): RosterField[] {
  return ROSTER_COLUMNS.filter((c) => c.required && !mapping.includes(c.field)).map((c) => c.field);
}

export interface ImportRow {
  /** The row number as Excel shows it (the header is row 1). */
  rowNumber: number;
  name: string;
}
export interface AcceptedRow extends ImportRow {
  fields: PersonFields;
}
export interface RejectedRow extends ImportRow {
  problems: FieldProblem[];
}
export interface DuplicateRow extends ImportRow {
  /** Already on the roll, or an earlier row of the same file. */
  duplicateOf: string;
}

export interface ImportPlan {
  accepted: AcceptedRow[];
  rejected: RejectedRow[];
  duplicates: DuplicateRow[];
  /** Rows with nothing in them, ignored without a report. */
  empty: number;
}

export interface ImportContext extends RowContext {
  /** The people already kept, on the roll or archived. */
  existing: readonly Pick<PersonDoc, 'name' | 'birthDate' | 'gender' | 'private'>[];
}

/** The same person however the ID was written (lower-case x, 15 digits). */
export function idKey(idNumber: string): string {
  const id = idNumber.trim().toUpperCase();
  return /^\d{15}$/.test(id) && parseLegacyIdNumber(id).ok ? upgradeIdNumber(id) : id;
}

/** Without an ID number, the same name, birth date and sex is taken as the same person. */
const personKey = (p: Pick<PersonDoc, 'name' | 'birthDate' | 'gender'>) => `${p.name}|${p.birthDate}|${p.gender}`;

/** The header is the first of the top rows in which at least three of our columns are recognised. */
export function findHeaderRow(rows: readonly (readonly string[])[]): number {
  for (let i = 0; i < Math.min(rows.length, 10); i++) {
    if (guessMapping(rows[i]!).filter(Boolean).length >= 3) return i;
  }
  return 0;
}

/**
 * Checks every data row; `firstRowNumber` is the Excel row number of rows[0]. Duplicates are found by
 * 公民身份号码, or by name, birth date and sex where a row has no ID number.
 */
export function planImport(rows: readonly (readonly string[])[], mapping: ColumnMapping, context: ImportContext, firstRowNumber = 2): ImportPlan {
  const plan: ImportPlan = { accepted: [], rejected: [], duplicates: [], empty: 0 };
  const existingById = new Map(context.existing.flatMap((p) => (p.private?.idNumber ? [[idKey(p.private.idNumber), p.name] as const] : [])));
  const existingByPerson = new Map(context.existing.map((p) => [personKey(p), p.name] as const));
  const seenInFile = new Map<string, number>();
  rows.forEach((cells, index) => {
    const rowNumber = index + firstRowNumber;
    if (cells.every((c) => !c || !c.trim())) {
      plan.empty += 1;
      return;
    }
    const row: RosterRow = {};
    mapping.forEach((field, column) => {
      if (field) row[field] = cells[column] ?? '';
    });
    const name = (row.name ?? '').trim() || '（无姓名）';
    const result = checkRosterRow(row, context);
    if (!result.ok) {
      plan.rejected.push({ rowNumber, name, problems: result.problems });
      return;
    }
    const id = result.value.private?.idNumber;
    const key = id ? `id:${idKey(id)}` : `person:${personKey(result.value)}`;
    const existing = id ? existingById.get(idKey(id)) : existingByPerson.get(personKey(result.value));
    if (existing) {
      plan.duplicates.push({ rowNumber, name, duplicateOf: id ? `名册中已有 ${existing}（身份证号相同）` : `名册中已有 ${existing}（姓名、出生日期、性别相同）` });
      return;
    }
    const earlier = seenInFile.get(key);
    if (earlier) {
      plan.duplicates.push({ rowNumber, name, duplicateOf: id ? `与本表第 ${earlier} 行身份证号相同` : `与本表第 ${earlier} 行姓名、出生日期、性别相同` });
      return;
    }
    seenInFile.set(key, rowNumber);
    plan.accepted.push({ rowNumber, name, fields: result.value });
  });
  return plan;
}
