/** The 走访慰问名单 a volunteer takes on a round, read as the volunteer reads the paper. */
import { describe, expect, it } from 'vitest';
import { formText, type FormBlock, type FormDocument } from './document';
import { visitRoundList, type VisitRoundEntry } from './care';

const CTX = { branchName: '市水利局离退休干部党支部', date: '2026-01-20', visitor: '王德明' };

function entry(name: string, overrides: Partial<VisitRoundEntry> = {}): VisitRoundEntry {
  return { person: { name, birthDate: '1938-05-06', private: { address: '解放路12号3单元301室', phone: '13900000000' } }, ...overrides };
}

type Table = Extract<FormBlock, { kind: 'table' }>;
const tableOf = (form: FormDocument): Table => form.blocks.find((b): b is Table => b.kind === 'table')!;

describe('visitRoundList', () => {
  it('is a landscape form titled 走访慰问名单, with the branch, the date and the visitor under the title', () => {
    const form = visitRoundList([entry('张建华')], CTX);
    expect(form).toMatchObject({ kind: 'visit-round', title: '走访慰问名单', layout: 'form', landscape: true });
    expect(form.subtitle).toBe('市水利局离退休干部党支部\u30002026年1月20日\u3000走访人：王德明');
  });

  it('has the columns of a round: who, where, how to reach, the last visit, and room to write and sign', () => {
    const table = tableOf(visitRoundList([entry('张建华')], CTX));
    expect(table.headers).toEqual(['序号', '姓名', '年龄', '住址', '电话', '联系人', '上次走访', '本次情况', '签名']);
    expect(table.widths).toHaveLength(table.headers.length);
    expect(table.widths!.reduce((a, b) => a + b, 0)).toBe(100);
  });

  it('gives one row a member in the order given, age on the day of the round, the last visit and what it was', () => {
    const table = tableOf(
      visitRoundList(
        [
          entry('张建华', { contactName: '李秀英', last: { date: '2025-09-28', kind: 'visit', occasion: '节日慰问' } }),
          entry('赵丽华', { person: { name: '赵丽华', birthDate: '1936-01-21', private: { address: '人民路8号' } }, last: { date: '2025-12-01', kind: 'home-study' } }),
        ],
        CTX,
      ),
    );
    expect(table.rows).toEqual([
      ['1', '张建华', '87', '解放路12号3单元301室', '13900000000', '李秀英', '2025年9月28日 走访慰问（节日慰问）', '', ''],
      ['2', '赵丽华', '89', '人民路8号', '', '', '2025年12月1日 送学上门', '', ''],
    ]);
  });

  it('says 未记录 for a member with no care record, not a date', () => {
    expect(tableOf(visitRoundList([entry('张建华')], CTX)).rows[0]![6]).toBe('未记录');
  });

  it('leaves a cell empty for what the roster does not hold', () => {
    const row = tableOf(visitRoundList([entry('张建华', { person: { name: '张建华', birthDate: '' } })], CTX)).rows[0]!;
    expect(row.slice(2, 6)).toEqual(['', '', '', '']);
  });

  it('leaves a line for the visitor when none is named', () => {
    expect(visitRoundList([entry('张建华')], { ...CTX, visitor: undefined }).subtitle).toMatch(/走访人：＿＿＿＿$/);
  });

  it('prints empty rows to write in when no member is listed', () => {
    const table = tableOf(visitRoundList([], CTX));
    expect(table.rows).toEqual([]);
    expect(table.blankRows).toBeGreaterThanOrEqual(10);
  });

  it('reminds the volunteer that the sheet holds addresses and phone numbers', () => {
    expect(formText(visitRoundList([entry('张建华')], CTX))).toContain('走访结束后请交回党支部');
  });
});
