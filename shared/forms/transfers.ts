/**
 * 中国共产党党员组织关系介绍信 (domain reference §5): the three parts on one A4 sheet, cut apart along
 * dashed lines that carry the letter's number (骑缝, the seal stamped across them):
 * 存根 (kept by the issuer), 介绍信 proper (to the receiving organization), 回执 (returned by the final
 * receiving committee to the issuer).
 *
 * Every field of §5 is printed: name, sex, age, ethnicity, 正式/预备, ID number, from and to, dues paid
 * up to which month, validity, date, seal. A value the transfer does not hold prints as a blank line to
 * write on, never a default: the validity of the scope, for one, is letterFromPerson's to set, not the
 * printer's. The 回执's signature and date are always left blank: the receiver fills them.
 *
 * Layout 'form': in the letter layout (3号 text, 22 lines a page) the three parts would not fit on a page.
 */
import type { TransferDoc } from '../model';
import { blankLine, cnDateOrBlank, orBlank, type FormBlock, type FormDocument } from './document';
import { GENDER_LABELS } from './labels';

type LetterTransfer = Pick<
  TransferDoc,
  'direction' | 'name' | 'fromOrg' | 'toOrg' | 'gender' | 'age' | 'ethnicity' | 'partyStatus' | 'private' | 'receivingCommittee' | 'letterNo' | 'issuedOn' | 'validDays' | 'duesPaidTo'
>;

export interface TransferLetterContext {
  /**
   * The organization that signs and seals the letter, and to which the 回执 returns, when it is not
   * `fromOrg` (a branch's letters are usually issued by its 基层党委).
   */
  issuer?: string;
}

const PARTY_STATUS_WORDS: Record<NonNullable<TransferDoc['partyStatus']>, string> = { full: '正式', probationary: '预备' };

/** '2026-03' → '2026年3月'; a blank year and month to write when unknown. */
function paidTo(month: string | undefined): string {
  return month ? `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月` : `${blankLine(4)}年${blankLine(2)}月`;
}

const text = (value: string | undefined): string | undefined => (value?.trim() ? value.trim() : undefined);

/**
 * The three-part letter for an outgoing transfer, or a blank one (transfer null) to fill by hand: a
 * blank letter names no one and no organization. Throws a RangeError for an incoming transfer: its
 * letter was issued, and is kept, by the other organization.
 */
export function transferLetter(transfer: LetterTransfer | null, ctx: TransferLetterContext = {}): FormDocument {
  if (transfer && transfer.direction !== 'out') throw new RangeError(`${transfer.name}的介绍信是转入的，由转出的党组织开具，本支部不打印`);
  const t = transfer ?? undefined;
  const no = orBlank(text(t?.letterNo), 4);
  const name = orBlank(text(t?.name), 4);
  const gender = orBlank(t?.gender ? GENDER_LABELS[t.gender] : undefined, 1);
  const age = orBlank(t?.age, 2);
  const ethnicity = orBlank(text(t?.ethnicity), 3);
  const status = orBlank(t?.partyStatus ? PARTY_STATUS_WORDS[t.partyStatus] : undefined, 2);
  const idNumber = orBlank(text(t?.private?.idNumber), 9);
  const from = orBlank(text(t?.fromOrg), 10);
  const to = orBlank(text(t?.toOrg), 10);
  const dues = paidTo(t?.duesPaidTo);
  const days = orBlank(t?.validDays, 2);
  const date = cnDateOrBlank(t?.issuedOn);
  const issuer = orBlank(transfer ? (text(ctx.issuer) ?? text(t?.fromOrg)) : undefined, 10);
  const receiver = orBlank(text(t?.receivingCommittee), 10);
  const who = `${name}同志（${gender}，${age}岁，${ethnicity}）`;
  const cut: FormBlock = { kind: 'cut', text: `第${no}号` };

  return {
    kind: 'transfer-letter',
    title: '中国共产党党员组织关系介绍信',
    layout: 'form',
    blocks: [
      { kind: 'heading', text: `存根\u3000\u3000第${no}号` },
      {
        kind: 'text',
        paragraphs: [
          `${who}，系中共${status}党员，身份证号码${idNumber}，组织关系由${from}转到${to}。`,
          `党费已交到${dues}。有效期${days}天。`,
        ],
      },
      { kind: 'sign', lines: [date] },
      cut,
      { kind: 'heading', text: `介绍信\u3000\u3000第${no}号` },
      {
        kind: 'text',
        paragraphs: [`${to}：兹介绍${who}，系中共${status}党员，身份证号码${idNumber}，组织关系由${from}转到${to}，请接洽。该同志党费已交到${dues}。（有效期${days}天）`],
      },
      { kind: 'sign', lines: [issuer, '（盖章）', date] },
      cut,
      { kind: 'heading', text: `回执\u3000\u3000第${no}号` },
      { kind: 'text', paragraphs: [`${issuer}：${name}同志的党员组织关系已转达我处，特此回执。`] },
      { kind: 'sign', lines: [receiver, '（盖章）', cnDateOrBlank(undefined)] },
    ],
  };
}
