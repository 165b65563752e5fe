/**
 * Excel in and out (exceljs): the roster template with drop-downs, reading a sheet as text, and the
 * styled roster export. Loaded only when used, to keep the app's start quick.
 */
import ExcelJS from 'exceljs';
import type { PersonDoc } from '@shared/model';
import { ROSTER_COLUMNS, rosterCell } from '@shared/forms/roster';
import type { StatTable } from '@shared/forms/statistics';
import { NUMERIC_ID_NOTE } from '@shared/rules/person';

export const XLSX_FILTER = { name: 'Excel 工作簿', extensions: ['xlsx'] };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFBE9E7' } };
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

async function toBytes(workbook: ExcelJS.Workbook): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** The import template: our columns, drop-down choices, identifiers kept as text, and a sheet of instructions. */
export async function rosterTemplate(groupNames: readonly string[]): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '支部工作台';
  const sheet = workbook.addWorksheet('党员名册', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = ROSTER_COLUMNS.map((c) => ({ header: c.required ? `${c.label}*` : c.label, key: c.field, width: c.width + 2 }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.fill = HEADER_FILL;
  header.alignment = { vertical: 'middle', horizontal: 'center' };
  header.height = 24;
  ROSTER_COLUMNS.forEach((column, index) => {
    const letter = sheet.getColumn(index + 1).letter;
    const choices = column.field === 'group' ? [...groupNames] : column.choices;
    // Identifiers, dates and phone numbers stay text, so Excel does not turn 18 digits into 1.1E+17.
    if (['idNumber', 'phone', 'birthDate', 'joinedOn', 'confirmedOn'].includes(column.field)) sheet.getColumn(index + 1).numFmt = '@';
    if (!choices || choices.length === 0) return;
    for (let row = 2; row <= 1000; row++) {
      sheet.getCell(`${letter}${row}`).dataValidation = {
        type: 'list',
        allowBlank: !column.required,
        formulae: [`"${choices.join(',')}"`],
        showErrorMessage: true,
        errorTitle: '请从下拉选项中选择',
        error: `可选：${choices.join('、')}`,
      };
    }
  });
  const help = workbook.addWorksheet('填写说明');
  help.columns = [{ header: '栏目', key: 'label', width: 18 }, { header: '是否必填', key: 'required', width: 10 }, { header: '填写示例 / 说明', key: 'example', width: 60 }];
  help.getRow(1).font = { bold: true };
  for (const column of ROSTER_COLUMNS) {
    help.addRow({
      label: column.label,
      required: column.required ? '必填' : '',
      example: column.choices ? `从下拉选项中选择：${column.choices.join('、')}` : column.example || '可不填',
    });
  }
  help.addRow({});
  help.addRow({ label: '注意', example: '日期写成 1950-03-15；公民身份号码按文本填写18位；同一身份证号的人不会重复导入。' });
  return toBytes(workbook);
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10); // Excel dates are midnight UTC
  if (typeof value === 'number') {
    // Excel keeps 15 significant digits: an 18-digit ID typed into a number cell has lost its tail.
    if (Number.isInteger(value) && Math.abs(value) >= 1e15) return `${NUMERIC_ID_NOTE}，后几位已丢失，请把这一栏设为“文本”后重新填写`;
    return Number.isInteger(value) ? value.toFixed(0) : String(value);
  }
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'string') return value;
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
  if ('text' in value) return String(value.text);
  return String(value);
}

export interface SheetText {
  /** Every row of the first worksheet, from row 1, as text. */
  rows: string[][];
}

/** The first worksheet as text; which row holds the headers is for the import to find. */
export async function readSheet(data: Uint8Array): Promise<SheetText> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer);
  } catch {
    throw new Error('无法读取这个文件：请确认它是 Excel 工作簿（.xlsx），而不是 .xls 或其他格式');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.rowCount < 1) throw new Error('这个工作簿是空的');
  const width = sheet.columnCount;
  const read = (rowNumber: number) => Array.from({ length: width }, (_, i) => cellText(sheet.getRow(rowNumber).getCell(i + 1).value).trim());
  const rows: string[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) rows.push(read(r));
  return { rows };
}

/** The roster as a committee expects it: title, date, header, bordered rows, frozen header. */
export async function rosterWorkbook(branchName: string, people: readonly PersonDoc[], groupName: (id: string) => string, today: string): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '支部工作台';
  const sheet = workbook.addWorksheet('党员花名册', { views: [{ state: 'frozen', ySplit: 3 }], pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  const columns = [{ label: '序号', width: 6 }, ...ROSTER_COLUMNS.map((c) => ({ label: c.label, width: c.width + 2 }))];
  sheet.columns = columns.map((c) => ({ width: c.width }));
  sheet.mergeCells(1, 1, 1, columns.length);
  const title = sheet.getCell(1, 1);
  title.value = `${branchName}党员花名册`;
  title.font = { bold: true, size: 16 };
  title.alignment = { horizontal: 'center' };
  sheet.mergeCells(2, 1, 2, columns.length);
  sheet.getCell(2, 1).value = `导出日期：${today}    共 ${people.length} 人`;
  sheet.getCell(2, 1).alignment = { horizontal: 'right' };
  const header = sheet.getRow(3);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.label;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = THIN;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  people.forEach((person, index) => {
    const row = sheet.getRow(4 + index);
    row.getCell(1).value = index + 1;
    ROSTER_COLUMNS.forEach((c, i) => {
      row.getCell(i + 2).value = rosterCell(person, c.field, groupName);
    });
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.border = THIN;
    });
  });
  return toBytes(workbook);
}

/** Statistics: each table with its title merged over its columns, bold header, bordered cells. */
export async function statisticsWorkbook(branchName: string, today: string, tables: readonly StatTable[]): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '支部工作台';
  const sheet = workbook.addWorksheet('统计报表');
  const width = Math.max(...tables.map((t) => t.headers.length));
  sheet.columns = Array.from({ length: width }, (_, i) => ({ width: i === 0 ? 22 : 14 }));
  sheet.mergeCells(1, 1, 1, width);
  sheet.getCell(1, 1).value = `${branchName}党员统计表`;
  sheet.getCell(1, 1).font = { bold: true, size: 16 };
  sheet.getCell(1, 1).alignment = { horizontal: 'center' };
  sheet.mergeCells(2, 1, 2, width);
  sheet.getCell(2, 1).value = `统计日期：${today}`;
  sheet.getCell(2, 1).alignment = { horizontal: 'right' };
  let r = 4;
  for (const table of tables) {
    sheet.mergeCells(r, 1, r, table.headers.length);
    const title = sheet.getCell(r, 1);
    title.value = table.title;
    title.font = { bold: true };
    title.fill = HEADER_FILL;
    title.border = THIN;
    title.alignment = { horizontal: 'center' };
    r += 1;
    table.headers.forEach((h, i) => {
      const cell = sheet.getCell(r, i + 1);
      cell.value = h;
      cell.font = { bold: true };
      cell.border = THIN;
      cell.alignment = { horizontal: 'center' };
    });
    r += 1;
    for (const values of table.rows) {
      values.forEach((v, i) => {
        const cell = sheet.getCell(r, i + 1);
        cell.value = v;
        cell.border = THIN;
        if (i > 0) cell.alignment = { horizontal: 'center' };
      });
      r += 1;
    }
    r += 1;
  }
  return toBytes(workbook);
}

/** One table with a title and a subtitle over it (党费收缴明细…): bold header, bordered cells, numbers right. */
export async function tableWorkbook(title: string, subtitle: string, headers: readonly string[], rows: readonly (readonly string[])[]): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '支部工作台';
  const sheet = workbook.addWorksheet(title.slice(0, 31));
  sheet.columns = headers.map((h) => ({ width: Math.max(8, h.length * 2 + 2) }));
  sheet.mergeCells(1, 1, 1, headers.length);
  sheet.getCell(1, 1).value = title;
  sheet.getCell(1, 1).font = { bold: true, size: 16 };
  sheet.getCell(1, 1).alignment = { horizontal: 'center' };
  sheet.mergeCells(2, 1, 2, headers.length);
  sheet.getCell(2, 1).value = subtitle;
  sheet.getCell(2, 1).alignment = { horizontal: 'center' };
  headers.forEach((h, i) => {
    const cell = sheet.getCell(3, i + 1);
    cell.value = h;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = THIN;
    cell.alignment = { horizontal: 'center', wrapText: true };
  });
  rows.forEach((values, r) => {
    values.forEach((v, i) => {
      const cell = sheet.getCell(r + 4, i + 1);
      // Money stays a number in Excel, so the secretary can sum it again.
      const number = /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : null;
      cell.value = number ?? v;
      if (number !== null) cell.numFmt = v.includes('.') ? '0.00' : '0';
      cell.border = THIN;
    });
  });
  sheet.views = [{ state: 'frozen', ySplit: 3, xSplit: 1 }];
  return toBytes(workbook);
}
