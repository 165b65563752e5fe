/**
 * The three-part 党员组织关系介绍信, read as the receiving organization reads the paper: the text in
 * reading order (formText) and the blocks.
 */
import { describe, expect, it } from 'vitest';
import type { TransferDoc } from '../model';
import { idCheckChar } from '../rules/id-number';
import { formText, type FormBlock, type FormDocument } from './document';
import { transferLetter } from './transfers';

function idNumber(birthDate: string, sequence: string, area = '330602'): string {
  const first17 = `${area}${birthDate.replaceAll('-', '')}${sequence}`;
  return first17 + idCheckChar(first17);
}

const ID = idNumber('1981-04-12', '013');
const FROM = '中共市水利局机关委员会';
const TO = '中共市交通运输局机关委员会';
const RECEIVER = '中共市交通运输局机关委员会组织部';

type Letter = Parameters<typeof transferLetter>[0] & object;

/** 陈思远's letter: a full member, 45, moving within the city. */
function letter(overrides: Partial<TransferDoc> = {}): Letter {
  return {
    direction: 'out',
    name: '陈思远',
    fromOrg: FROM,
    toOrg: TO,
    gender: 'male',
    age: 45,
    ethnicity: '汉族',
    partyStatus: 'full',
    private: { idNumber: ID },
    receivingCommittee: RECEIVER,
    letterNo: '2026-004',
    issuedOn: '2026-04-20',
    validDays: 10,
    duesPaidTo: '2026-04',
    ...overrides,
  };
}

const blocksOf = <K extends FormBlock['kind']>(form: FormDocument, kind: K) => form.blocks.filter((b): b is Extract<FormBlock, { kind: K }> => b.kind === kind);
const paragraphs = (form: FormDocument) => blocksOf(form, 'text').map((b) => b.paragraphs.join(''));

describe('transferLetter', () => {
  it('is one A4 form with the 存根, the letter and the 回执, cut apart along two numbered lines', () => {
    const form = transferLetter(letter());
    expect(form).toMatchObject({ kind: 'transfer-letter', title: '中国共产党党员组织关系介绍信', layout: 'form' });
    expect(form.landscape).toBeUndefined();
    expect(blocksOf(form, 'heading').map((h) => h.text)).toEqual(['存根\u3000\u3000第2026-004号', '介绍信\u3000\u3000第2026-004号', '回执\u3000\u3000第2026-004号']);
    expect(form.blocks.map((b) => b.kind)).toEqual(['heading', 'text', 'sign', 'cut', 'heading', 'text', 'sign', 'cut', 'heading', 'text', 'sign']);
    expect(blocksOf(form, 'cut')).toEqual([
      { kind: 'cut', text: '第2026-004号' },
      { kind: 'cut', text: '第2026-004号' },
    ]);
  });

  it('introduces the member to the receiving organization with every field of the letter', () => {
    expect(paragraphs(transferLetter(letter()))[1]).toBe(
      `${TO}：兹介绍陈思远同志（男，45岁，汉族），系中共正式党员，身份证号码${ID}，组织关系由${FROM}转到${TO}，请接洽。该同志党费已交到2026年4月。（有效期10天）`,
    );
  });

  it('closes the letter with the issuer, the seal and the date of issue', () => {
    expect(blocksOf(transferLetter(letter()), 'sign')[1]).toEqual({ kind: 'sign', lines: [FROM, '（盖章）', '2026年4月20日'] });
  });

  it('keeps the same facts on the 存根, with its date and no seal', () => {
    const form = transferLetter(letter());
    expect(paragraphs(form)[0]).toBe(`陈思远同志（男，45岁，汉族），系中共正式党员，身份证号码${ID}，组织关系由${FROM}转到${TO}。党费已交到2026年4月。有效期10天。`);
    expect(blocksOf(form, 'sign')[0]).toEqual({ kind: 'sign', lines: ['2026年4月20日'] });
  });

  it('addresses the 回执 to the issuer, to be signed, sealed and dated by the receiving committee', () => {
    const form = transferLetter(letter());
    expect(paragraphs(form)[2]).toBe(`${FROM}：陈思远同志的党员组织关系已转达我处，特此回执。`);
    expect(blocksOf(form, 'sign')[2]).toEqual({ kind: 'sign', lines: [RECEIVER, '（盖章）', '＿＿＿＿年＿＿月＿＿日'] });
  });

  it('writes a probationary member as 预备党员, and a woman as 女', () => {
    const printed = formText(transferLetter(letter({ name: '刘桂兰', gender: 'female', partyStatus: 'probationary' })));
    expect(printed).toContain('兹介绍刘桂兰同志（女，45岁，汉族），系中共预备党员');
  });

  it('names the committee that issues the letter when it is not the organization left', () => {
    const form = transferLetter(letter({ fromOrg: '中共市水利局办公室党支部' }), { issuer: FROM });
    expect(blocksOf(form, 'sign')[1]!.lines[0]).toBe(FROM);
    expect(paragraphs(form)[2]).toMatch(new RegExp(`^${FROM}：`));
    expect(paragraphs(form)[1]).toContain('组织关系由中共市水利局办公室党支部转到');
  });

  it('prints a blank line for every value the transfer lacks, never a default', () => {
    const form = transferLetter(
      letter({ letterNo: undefined, gender: undefined, age: undefined, ethnicity: ' ', partyStatus: undefined, private: undefined, validDays: undefined, duesPaidTo: undefined, receivingCommittee: undefined }),
    );
    expect(paragraphs(form)[1]).toBe(
      `${TO}：兹介绍陈思远同志（＿，＿＿岁，＿＿＿），系中共＿＿党员，身份证号码＿＿＿＿＿＿＿＿＿，组织关系由${FROM}转到${TO}，请接洽。该同志党费已交到＿＿＿＿年＿＿月。（有效期＿＿天）`,
    );
    expect(blocksOf(form, 'cut')[0]!.text).toBe('第＿＿＿＿号');
    expect(blocksOf(form, 'sign')[2]!.lines[0]).toBe('＿'.repeat(10));
  });

  it('leaves the date to write when the letter has none', () => {
    expect(blocksOf(transferLetter(letter({ issuedOn: '' })), 'sign')[1]!.lines[2]).toBe('＿＿＿＿年＿＿月＿＿日');
  });

  it('prints a blank letter naming no one and no organization', () => {
    const form = transferLetter(null, { issuer: FROM });
    const printed = formText(form);
    for (const word of ['陈思远', FROM, TO, '2026', '男', '正式']) expect(printed).not.toContain(word);
    expect(printed).toContain('兹介绍＿＿＿＿同志（＿，＿＿岁，＿＿＿），系中共＿＿党员');
    expect(blocksOf(form, 'cut')).toHaveLength(2);
  });

  it('refuses to print the letter of an incoming transfer', () => {
    expect(() => transferLetter(letter({ direction: 'in' }))).toThrow(RangeError);
  });
});
