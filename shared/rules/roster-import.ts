/**
 * Importing an existing roster from a sheet: map its headers to our columns, check every row, and
 * report by row number what is wrong. Bad rows and duplicates are skipped, never stored half-valid.
 */
import { ROSTER_COLUMNS, type RosterField } from '../forms/roster';
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
  /** 身份证号 → name, of the people already kept (on the roll or archived). */
  existingIds: ReadonlyMap<string, string>;
}

/** Checks every data row (rows after the header); duplicates are found by 公民身份号码. */
export function planImport(rows: readonly (readonly string[])[], mapping: ColumnMapping, context: ImportContext): ImportPlan {
  const plan: ImportPlan = { accepted: [], rejected: [], duplicates: [], empty: 0 };
  const seenInFile = new Map<string, number>();
  rows.forEach((cells, index) => {
    const rowNumber = index + 2;
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
    if (id) {
      const existing = context.existingIds.get(id);
      if (existing) {
        plan.duplicates.push({ rowNumber, name, duplicateOf: `名册中已有 ${existing}（身份证号相同）` });
        return;
      }
      const earlier = seenInFile.get(id);
      if (earlier) {
        plan.duplicates.push({ rowNumber, name, duplicateOf: `与本表第 ${earlier} 行身份证号相同` });
        return;
      }
      seenInFile.set(id, rowNumber);
    }
    plan.accepted.push({ rowNumber, name, fields: result.value });
  });
  return plan;
}
