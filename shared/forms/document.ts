/**
 * A printed form as data: what a form says, in blocks, and nothing of how it is laid out on paper.
 * The builders of shared/forms fill it from the dossier and the roster (or leave it blank, for filling
 * by hand); one print template in the renderer lays every form out on A4. Tests read the text.
 */

/** A label and its value in a bordered grid (登记表); `span` widens the value over more columns. */
export interface FormField {
  label: string;
  value: string;
  /** How many label+value pairs of the row this field takes; 1 when left out. */
  span?: number;
}

export type FormBlock =
  /** Bordered label/value grid, three pairs a row. */
  | { kind: 'fields'; rows: FormField[][] }
  /** A bordered box with its label on the left: an opinion, a résumé; `sign` lines close it (签名、日期). */
  | { kind: 'box'; label: string; text: string; lines: number; sign?: string[] }
  /** Body text in 仿宋, each paragraph indented two characters. */
  | { kind: 'text'; paragraphs: string[] }
  /** A heading inside the body (一、二、…), in 黑体. */
  | { kind: 'heading'; text: string }
  /** A ruled table; `blankRows` adds empty rows for handwriting. */
  | { kind: 'table'; headers: string[]; rows: string[][]; blankRows?: number; widths?: number[]; dense?: boolean }
  /** The closing block on the right: the issuing organization and the date. */
  | { kind: 'sign'; lines: string[] }
  /** Small print: how to fill or use the form. */
  | { kind: 'hint'; lines: string[] }
  /** A dashed line to cut along, with small text on it (the 骑缝 of a 介绍信: 第…号, a seal across it). */
  | { kind: 'cut'; text: string };

export interface FormDocument {
  /** Which form it is; the print file name and tests use it. */
  kind: string;
  title: string;
  /** A line under the title, e.g. the branch's name, or（空白表）. */
  subtitle?: string;
  /** 'letter': a document in the GB/T 9704 manner (公示, 请示, 决议); 'form': a ruled table form. */
  layout: 'letter' | 'form';
  /** The addressee of a 请示, printed flush left under the title. */
  addressee?: string;
  landscape?: boolean;
  blocks: FormBlock[];
}

/** A blank to write into by hand, `width` full-width characters long. */
export function blankLine(width = 6): string {
  return '＿'.repeat(width);
}

/** The value, or a blank line to write on when there is none. */
export function orBlank(value: string | number | undefined | null, width = 6): string {
  return value === undefined || value === null || value === '' ? blankLine(width) : String(value);
}

/** '2026-11-23' → '2026年11月23日' (Arabic numerals, as forms and the 入党志愿书 write dates). */
export function cnDate(date: string | undefined): string {
  if (!date) return '';
  const [y, m, d] = date.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}

/** '1990-05-12' → '1990年5月' (出生年月). */
export function cnMonth(date: string | undefined): string {
  if (!date) return '';
  const [y, m] = date.split('-');
  return `${y}年${Number(m)}月`;
}

/** A date in running text, or a blank 年 月 日 to fill in by hand. */
export function cnDateOrBlank(date: string | undefined): string {
  return date ? cnDate(date) : '＿＿＿＿年＿＿月＿＿日';
}

/** The plain text of a form, in reading order: what pdftotext should find on the printed page. */
export function formText(form: FormDocument): string {
  const out: string[] = [form.title];
  if (form.subtitle) out.push(form.subtitle);
  if (form.addressee) out.push(form.addressee);
  for (const block of form.blocks) {
    switch (block.kind) {
      case 'fields':
        for (const row of block.rows) for (const f of row) out.push(f.label, f.value);
        break;
      case 'box':
        out.push(block.label, block.text, ...(block.sign ?? []));
        break;
      case 'text':
        out.push(...block.paragraphs);
        break;
      case 'heading':
        out.push(block.text);
        break;
      case 'table':
        out.push(...block.headers, ...block.rows.flat());
        break;
      case 'sign':
      case 'hint':
        out.push(...block.lines);
        break;
      case 'cut':
        out.push(block.text);
        break;
    }
  }
  return out.filter(Boolean).join('\n');
}

/**
 * Ballot papers, `perSheet` to an A4 sheet, one FormDocument per sheet ('第1页，共N页（每页k张，沿…裁开）').
 * Every paper is the same blocks: ballots carry no number that could trace who was handed one.
 */
export function ballotSheets(sheet: { kind: string; title: string; cutAlong: string }, count: number, perSheet: number, paper: () => FormBlock[]): FormDocument[] {
  const pages = Math.ceil(count / perSheet);
  return Array.from({ length: pages }, (_, page) => {
    const papers = Math.min(perSheet, count - page * perSheet);
    return {
      kind: sheet.kind,
      title: sheet.title,
      subtitle: `第${page + 1}页，共${pages}页（每页${papers}张，沿${sheet.cutAlong}裁开）`,
      layout: 'form',
      blocks: Array.from({ length: papers }, paper).flat(),
    };
  });
}
