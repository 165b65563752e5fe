/** The Excel files the roster writes and reads: template drop-downs, identifiers as text, round trip. */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { generateDemoBranch } from '@shared/demo';
import { ROSTER_COLUMNS } from '@shared/forms/roster';
import { findHeaderRow, guessMapping, planImport } from '@shared/rules/roster-import';
import { readSheet, rosterTemplate, rosterWorkbook, statisticsWorkbook, tableWorkbook } from './excel';

async function open(bytes: Uint8Array) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return workbook;
}
const columnOf = (field: string) => ROSTER_COLUMNS.findIndex((c) => c.field === field) + 1;

describe('rosterTemplate', () => {
  it('has our columns, required ones marked, and a sheet of instructions', async () => {
    const workbook = await open(await rosterTemplate(['第一党小组']));
    const sheet = workbook.getWorksheet('党员名册')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('姓名*');
    expect(sheet.getRow(1).getCell(columnOf('idNumber')).value).toBe('公民身份号码');
    expect(workbook.getWorksheet('填写说明')).toBeDefined();
  });

  it('offers drop-down choices for coded columns, the branch’s party groups included', async () => {
    const sheet = (await open(await rosterTemplate(['第一党小组', '第二党小组']))).getWorksheet('党员名册')!;
    expect(sheet.getRow(2).getCell(columnOf('gender')).dataValidation).toMatchObject({ type: 'list', formulae: ['"男,女"'] });
    expect(sheet.getRow(500).getCell(columnOf('status')).dataValidation.formulae?.[0]).toContain('预备党员');
    expect(sheet.getRow(2).getCell(columnOf('group')).dataValidation.formulae?.[0]).toBe('"第一党小组,第二党小组"');
  });

  it('keeps identifiers as text so Excel does not turn 18 digits into 1.1E+17', async () => {
    const sheet = (await open(await rosterTemplate([]))).getWorksheet('党员名册')!;
    expect(sheet.getColumn(columnOf('idNumber')).numFmt).toBe('@');
  });
});

describe('rosterWorkbook and readSheet', () => {
  it('exports the roster under a merged title, and an import of that file finds every person already there', async () => {
    const demo = generateDemoBranch({ today: '2026-11-23' });
    const groups = new Map(demo.org.groups.map((g) => [g.id, g.name]));
    const bytes = await rosterWorkbook(demo.org.name, demo.people, (id) => groups.get(id) ?? '', '2026-11-23');
    const sheet = (await open(bytes)).worksheets[0]!;
    expect(sheet.getCell('A1').value).toBe('市水利局离退休干部党支部党员花名册');
    expect(sheet.getCell('A1').isMerged).toBe(true);

    // The export has a title and a date above its header row: the import finds the header (row 3).
    const { rows } = await readSheet(bytes);
    const header = findHeaderRow(rows);
    expect(header).toBe(2);
    const mapping = guessMapping(rows[header]!);
    const plan = planImport(rows.slice(header + 1), mapping, { today: '2026-11-23', groups: demo.org.groups, existing: demo.people }, header + 2);
    expect(plan.rejected).toEqual([]);
    expect(plan.duplicates).toHaveLength(demo.people.length);
  });

  it('refuses a file that is not an .xlsx workbook, in Chinese', async () => {
    await expect(readSheet(new TextEncoder().encode('姓名,性别\n张三,男'))).rejects.toThrow('请确认它是 Excel 工作簿');
  });
});

describe('statisticsWorkbook', () => {
  it('writes each table under its own merged title', async () => {
    const bytes = await statisticsWorkbook('测试支部', '2026-11-23', [{ title: '按学历', headers: ['学历', '人数', '占比'], rows: [['本科', 3, '30.0%']] }]);
    const sheet = (await open(bytes)).worksheets[0]!;
    expect(sheet.getCell('A4').value).toBe('按学历');
    expect(sheet.getCell('A4').isMerged).toBe(true);
    expect(sheet.getCell('B6').value).toBe(3);
  });
});

describe('readSheet', () => {
  it('reports an ID number Excel stored as a number, which has lost its last digits', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('名册').addRows([['姓名', '公民身份号码'], ['张三', Number('110105195003150019')]]);
    const { rows } = await readSheet(new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(rows[1]![1]).toContain('后几位已丢失');
  });
});

describe('tableWorkbook', () => {
  it('writes the title, the header and the rows, money as numbers a secretary can sum again', async () => {
    const bytes = await tableWorkbook('2026年党费收缴明细表', '第一党支部', ['姓名', '1月', '合计'], [
      ['张三', '12.50', '12.50'],
      ['合计', '12.50', '12.50'],
    ]);
    const sheet = (await open(bytes)).worksheets[0]!;
    expect(sheet.getCell(1, 1).value).toBe('2026年党费收缴明细表');
    expect(sheet.getRow(3).values).toEqual([undefined, '姓名', '1月', '合计']);
    expect(sheet.getCell(4, 1).value).toBe('张三');
    expect(sheet.getCell(4, 2).value).toBe(12.5);
    expect(sheet.getCell(4, 2).numFmt).toBe('0.00');
    expect(sheet.getCell(5, 3).value).toBe(12.5);
  });
});
