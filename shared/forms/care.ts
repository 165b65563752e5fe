/**
 * 走访慰问名单: the sheet a volunteer takes on a round of visits (domain reference §5), one row a member
 * in the order given (the caller orders the round), with room to write how each visit went and to
 * sign. Landscape: nine columns, two of them for handwriting.
 *
 * Nothing is made up: a fact the roster does not hold is an empty cell to write in; a member with no
 * care record says 未记录 under 上次走访 (none in the app, which is not the same as never visited).
 */
import { ageOn, isValidDate } from '../dates';
import type { CareDoc, PersonDoc } from '../model';
import { careWhat } from '../rules/care';
import { cnDate, cnDateOrBlank, orBlank, type FormDocument } from './document';

export interface VisitRoundEntry {
  person: Pick<PersonDoc, 'name' | 'birthDate' | 'private'>;
  /** 联系人: the member who keeps in touch (contactPersonId), by name. */
  contactName?: string;
  /** The last care record of the member (lastContacts of rules/care). */
  last?: Pick<CareDoc, 'date' | 'kind' | 'occasion'>;
}

export interface VisitRoundContext {
  branchName: string;
  /** The day of the round, 'YYYY-MM-DD': ages are counted on it. */
  date: string;
  /** 走访人; a line to write on when not given. */
  visitor?: string;
}

const HEADERS = ['序号', '姓名', '年龄', '住址', '电话', '联系人', '上次走访', '本次情况', '签名'];
const WIDTHS = [5, 8, 5, 20, 11, 8, 15, 20, 8];
/** Rows to write in when the list is printed without members. */
const BLANK_ROWS = 12;

export function visitRoundList(entries: readonly VisitRoundEntry[], ctx: VisitRoundContext): FormDocument {
  const rows = entries.map(({ person, contactName, last }, i) => [
    String(i + 1),
    person.name,
    isValidDate(person.birthDate) && person.birthDate <= ctx.date ? String(ageOn(person.birthDate, ctx.date)) : '',
    person.private?.address?.trim() ?? '',
    person.private?.phone?.trim() ?? '',
    contactName?.trim() ?? '',
    last ? `${cnDate(last.date)} ${careWhat(last)}` : '未记录',
    '',
    '',
  ]);
  return {
    kind: 'visit-round',
    title: '走访慰问名单',
    subtitle: `${ctx.branchName}\u3000${cnDateOrBlank(ctx.date)}\u3000走访人：${orBlank(ctx.visitor?.trim(), 4)}`,
    layout: 'form',
    landscape: true,
    blocks: [
      { kind: 'table', headers: HEADERS, rows, widths: WIDTHS, ...(rows.length === 0 ? { blankRows: BLANK_ROWS } : {}) },
      {
        kind: 'hint',
        lines: [
          '“本次情况”请写明身体和生活情况、送去的慰问品或学习材料、本人的意见和要求，需要支部帮助解决的事项另行报告。',
          '名单中有党员的住址和电话，走访结束后请交回党支部，不要拍照转发。',
        ],
      },
    ],
  };
}
