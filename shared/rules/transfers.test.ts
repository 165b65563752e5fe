import { describe, expect, it } from 'vitest';
import type { TransferDoc } from '../model';
import { idCheckChar } from './id-number';
import {
  checkTransfer,
  checkValidDays,
  defaultValidDays,
  incomingPerson,
  letterExpiresOn,
  letterFromPerson,
  nextLetterNo,
  receiptOverdue,
  TRANSFER_VALIDITY,
  transferRefusal,
  transferState,
  type OutgoingLetterContext,
  type TransferFields,
  type TransferPerson,
  type TransferValidity,
} from './transfers';

/** A valid 18-digit ID number: area code, birth date, sequence (odd for men), check character. */
function idNumber(birthDate: string, sequence: string, area = '330602'): string {
  const first17 = `${area}${birthDate.replaceAll('-', '')}${sequence}`;
  return first17 + idCheckChar(first17);
}

const BIRTH = '1981-04-12';
const ID = idNumber(BIRTH, '013');
const FROM = '中共市水利局机关委员会';
const TO = '中共市交通运输局机关委员会';

/** 陈思远, a full member of the 水利局 branch, moving to the 交通运输局 in the same city. */
function person(overrides: Partial<TransferPerson> = {}): TransferPerson {
  return { id: 'P-CHEN', name: '陈思远', gender: 'male', ethnicity: '汉族', birthDate: BIRTH, status: 'full', onRoll: true, private: { idNumber: ID, phone: '13800000000' }, ...overrides };
}

function ctx(overrides: Partial<OutgoingLetterContext> = {}): OutgoingLetterContext {
  return { fromOrg: FROM, toOrg: TO, scope: 'city', issuedOn: '2026-03-02', duesPaidTo: '2026-03', letterNo: '2026-004', ...overrides };
}

/** The outgoing letter of 陈思远, as letterFromPerson makes it. */
function outgoing(overrides: Partial<TransferFields> = {}): TransferFields {
  return { ...letterFromPerson(person(), ctx()), ...overrides };
}

/** A letter that reached the branch for 刘桂兰, a probationary member from another county. */
function incoming(overrides: Partial<TransferFields> = {}): TransferFields {
  return {
    direction: 'in',
    name: '刘桂兰',
    fromOrg: '中共青山县农业农村局委员会',
    toOrg: '中共市水利局离退休干部党支部',
    gender: 'female',
    age: 58,
    ethnicity: '回族',
    partyStatus: 'probationary',
    private: { idNumber: idNumber('1967-09-30', '024') },
    scope: 'province',
    letterNo: '青农组〔2026〕7',
    issuedOn: '2026-03-02',
    validDays: 30,
    duesPaidTo: '2026-02',
    state: 'open',
    ...overrides,
  };
}

const STAMP = { id: 'P-LIU', orgId: 'ORG', now: '2026-03-10T09:00:00.000+08:00', by: '组织委员' };

describe('validity of a letter (R-TRANSFER-VALID)', () => {
  it('defaults to 10 days within a city and 30 outside it', () => {
    expect([defaultValidDays('city'), defaultValidDays('province'), defaultValidDays('cross-province')]).toEqual([10, 30, 30]);
  });

  it('allows at most 3 months, and 6 months across provinces', () => {
    expect(checkValidDays('province', 92)).toBeUndefined();
    expect(checkValidDays('province', 93)).toBe('市外（省内）转接的介绍信有效期最长92天，现在是93天，请缩短');
    expect(checkValidDays('cross-province', 183)).toBeUndefined();
    expect(checkValidDays('cross-province', 184)).toContain('跨省（区、市）转接的介绍信有效期最长183天');
  });

  it('refuses a validity that is not a whole number of days', () => {
    expect(checkValidDays('city', 0)).toBe('有效期应为正整数天数，例如 30');
    expect(checkValidDays('city', 7.5)).toBe('有效期应为正整数天数，例如 30');
  });

  it('takes the limits of a committee that sets its own', () => {
    const strict: TransferValidity = { ...TRANSFER_VALIDITY, city: { defaultDays: 7, maxDays: 15 } };
    expect(defaultValidDays('city', strict)).toBe(7);
    expect(checkValidDays('city', 20, strict)).toContain('最长15天');
  });

  it('does not count the day of issue: 10 days from 1 March run through 11 March', () => {
    expect(letterExpiresOn('2026-03-01', 10)).toBe('2026-03-11');
    expect(letterExpiresOn('2026-12-25', 30)).toBe('2027-01-24');
  });
});

describe('transferState', () => {
  it('is open until the last valid day, and expired the day after', () => {
    const letter = outgoing({ issuedOn: '2026-03-01', validDays: 10 });
    expect(transferState(letter, '2026-03-11')).toBe('open');
    expect(transferState(letter, '2026-03-12')).toBe('expired');
  });

  it('is done once the 回执 is back, even after the letter expired', () => {
    expect(transferState(outgoing({ issuedOn: '2026-03-01', validDays: 10, receiptOn: '2026-03-20' }), '2026-04-01')).toBe('done');
  });

  it('is done for an incoming letter once the member arrived', () => {
    expect(transferState(incoming({ arrivedOn: '2026-03-10' }), '2026-06-01')).toBe('done');
  });

  it('keeps a cancellation, and a completion recorded by hand', () => {
    expect(transferState(outgoing({ state: 'cancelled', receiptOn: '2026-03-05' }), '2026-03-06')).toBe('cancelled');
    expect(transferState(outgoing({ state: 'done' }), '2027-01-01')).toBe('done');
  });

  it('works out expiry itself rather than trusting a stored one', () => {
    expect(transferState(outgoing({ issuedOn: '2026-03-01', validDays: 30, state: 'expired' }), '2026-03-05')).toBe('open');
  });

  it('takes the default of the scope when the letter has no validity', () => {
    const letter = outgoing({ issuedOn: '2026-03-01', validDays: undefined, scope: 'city' });
    expect(transferState(letter, '2026-03-11')).toBe('open');
    expect(transferState(letter, '2026-03-12')).toBe('expired');
  });

  it('stays open when neither the validity nor the scope is known', () => {
    expect(transferState(outgoing({ validDays: undefined, scope: undefined }), '2030-01-01')).toBe('open');
  });
});

describe('receiptOverdue', () => {
  const TODAY = '2026-05-01';

  it('lists outgoing letters expired without their 回执, most overdue first, with the days overdue', () => {
    const a = outgoing({ letterNo: '2026-001', issuedOn: '2026-03-01', validDays: 10 });
    const b = outgoing({ letterNo: '2026-002', issuedOn: '2026-04-01', validDays: 10 });
    expect(receiptOverdue([b, a], TODAY)).toEqual([
      { transfer: a, expiresOn: '2026-03-11', daysOverdue: 51 },
      { transfer: b, expiresOn: '2026-04-11', daysOverdue: 20 },
    ]);
  });

  it('leaves out letters still valid, returned, cancelled or incoming', () => {
    const transfers = [
      outgoing({ issuedOn: '2026-04-25', validDays: 10 }),
      outgoing({ issuedOn: '2026-03-01', validDays: 10, receiptOn: '2026-03-09' }),
      outgoing({ issuedOn: '2026-03-01', validDays: 10, state: 'cancelled' }),
      incoming({ issuedOn: '2026-03-01', validDays: 10 }),
    ];
    expect(receiptOverdue(transfers, TODAY)).toEqual([]);
  });
});

describe('letterFromPerson', () => {
  it('fills the letter from the roster and the context', () => {
    expect(letterFromPerson(person(), ctx({ receivingCommittee: ' 中共市交通运输局机关委员会 ' }))).toEqual({
      direction: 'out',
      personId: 'P-CHEN',
      name: '陈思远',
      fromOrg: FROM,
      toOrg: TO,
      gender: 'male',
      age: 44,
      ethnicity: '汉族',
      partyStatus: 'full',
      private: { idNumber: ID },
      scope: 'city',
      receivingCommittee: '中共市交通运输局机关委员会',
      letterNo: '2026-004',
      issuedOn: '2026-03-02',
      validDays: 10,
      duesPaidTo: '2026-03',
      state: 'open',
    });
  });

  it('gives the age on the day of issue', () => {
    expect(letterFromPerson(person(), ctx({ issuedOn: '2026-04-11' })).age).toBe(44);
    expect(letterFromPerson(person(), ctx({ issuedOn: '2026-04-12' })).age).toBe(45);
  });

  it('takes the validity of the scope unless one is given', () => {
    expect(letterFromPerson(person(), ctx({ scope: 'cross-province' })).validDays).toBe(30);
    expect(letterFromPerson(person(), ctx({ scope: 'cross-province', validDays: 90 })).validDays).toBe(90);
  });

  it('writes a probationary member as 预备党员', () => {
    expect(letterFromPerson(person({ status: 'probationary' }), ctx()).partyStatus).toBe('probationary');
  });

  it('copies only the ID number of the personal identifiers, and leaves out what the roster lacks', () => {
    const letter = letterFromPerson(person({ ethnicity: undefined, private: undefined }), ctx());
    expect(letter).not.toHaveProperty('ethnicity');
    expect(letter).not.toHaveProperty('private');
    expect(letter).not.toHaveProperty('receivingCommittee');
  });

  it('refuses someone who is not yet a member, and says who may be transferred', () => {
    expect(() => letterFromPerson(person({ status: 'activist' }), ctx())).toThrow(RangeError);
    expect(transferRefusal(person({ status: 'activist' }))).toBe(
      '陈思远目前是入党积极分子，还不是党员，没有党员组织关系可以转接：只有正式党员和预备党员可以开具组织关系介绍信',
    );
  });

  it('refuses a member no longer on the roll', () => {
    expect(() => letterFromPerson(person({ onRoll: false }), ctx())).toThrow('陈思远已不在册，不能开具组织关系介绍信');
  });

  it('has no objection to a full or probationary member on the roll', () => {
    expect(transferRefusal(person())).toBeUndefined();
    expect(transferRefusal(person({ status: 'probationary' }))).toBeUndefined();
  });
});

describe('checkTransfer', () => {
  const TODAY = '2026-03-10';
  const fields = (draft: Partial<TransferFields>) => checkTransfer(draft, TODAY).map((p) => p.field);
  const messages = (draft: Partial<TransferFields>) => checkTransfer(draft, TODAY).map((p) => p.message);

  it('finds nothing wrong with a letter made from the roster', () => {
    expect(checkTransfer(outgoing(), TODAY)).toEqual([]);
  });

  it('finds nothing wrong with an incoming letter', () => {
    expect(checkTransfer(incoming(), TODAY)).toEqual([]);
  });

  it('asks for the name and both organizations', () => {
    expect(checkTransfer(outgoing({ name: ' ', fromOrg: '', toOrg: undefined }), TODAY)).toEqual([
      { field: 'name', message: '请填写党员姓名，与身份证一致' },
      { field: 'fromOrg', message: '请填写组织关系转出的党组织（从哪里转出）' },
      { field: 'toOrg', message: '请填写组织关系转入的党组织（转到哪里）' },
    ]);
  });

  it('refuses a transfer to the organization it comes from', () => {
    expect(messages(outgoing({ toOrg: FROM }))).toEqual(['转出和转入的党组织相同，请核对']);
  });

  it('refuses a date of issue in the future, or not a date', () => {
    expect(messages(outgoing({ issuedOn: '2026-03-11' }))).toEqual(['开具日期 2026-03-11 晚于今天，请核对']);
    expect(fields(outgoing({ issuedOn: '2026-02-30' }))).toEqual(['issuedOn']);
  });

  it('refuses a validity over the limit of the scope', () => {
    expect(messages(outgoing({ scope: 'city', validDays: 120 }))).toEqual(['市内转接的介绍信有效期最长92天，现在是120天，请缩短']);
    expect(checkTransfer(outgoing({ scope: 'cross-province', validDays: 120 }), TODAY)).toEqual([]);
  });

  it('checks against the limits a committee sets', () => {
    const strict: TransferValidity = { ...TRANSFER_VALIDITY, city: { defaultDays: 7, maxDays: 15 } };
    expect(checkTransfer(outgoing({ validDays: 20 }), TODAY, strict).map((p) => p.field)).toEqual(['validDays']);
  });

  it('asks an outgoing letter for what the 介绍信 prints: 正式/预备, scope, validity and dues', () => {
    expect(fields(outgoing({ partyStatus: undefined, scope: undefined, validDays: undefined, duesPaidTo: undefined }))).toEqual([
      'partyStatus',
      'validDays',
      'scope',
      'duesPaidTo',
    ]);
  });

  it('does not ask an incoming letter for what the other organization left out', () => {
    expect(checkTransfer(incoming({ partyStatus: undefined, scope: undefined, validDays: undefined, duesPaidTo: undefined }), TODAY)).toEqual([]);
  });

  it('asks for the month dues are paid to, and refuses more than 12 months after the month of issue', () => {
    expect(messages(outgoing({ duesPaidTo: undefined }))).toEqual(['请填写党费交到的年月：介绍信上须写明党费已交到何年何月']);
    expect(checkTransfer(outgoing({ duesPaidTo: '2027-03' }), TODAY)).toEqual([]);
    expect(messages(outgoing({ duesPaidTo: '2027-04' }))).toEqual(['党费交到 2027-04，超过开具月份后12个月，请核对']);
    expect(fields(outgoing({ duesPaidTo: '2026-13' }))).toEqual(['duesPaidTo']);
  });

  it('accepts dues paid to a month before the letter: arrears are stated as they are', () => {
    expect(checkTransfer(outgoing({ duesPaidTo: '2025-12' }), TODAY)).toEqual([]);
  });

  it('refuses an ID number that is not valid', () => {
    expect(checkTransfer(outgoing({ private: { idNumber: `${ID.slice(0, 17)}${ID[17] === '0' ? '1' : '0'}` } }), TODAY)).toEqual([
      { field: 'private', message: '身份证号码：公民身份号码校验位不对，请逐位核对' },
    ]);
  });

  it('refuses a gender or an age that disagrees with the ID number', () => {
    expect(messages(outgoing({ gender: 'female' }))).toEqual(['身份证号码显示性别为“男”，与填写的性别不一致']);
    expect(messages(outgoing({ age: 45 }))).toEqual(['按身份证号码，开具介绍信时应为44岁，填写的是45岁，请核对']);
  });

  it('refuses an age under 18', () => {
    expect(fields(outgoing({ age: 16, private: undefined }))).toEqual(['age']);
  });

  it('refuses a 回执 dated before the letter, or after today', () => {
    expect(messages(outgoing({ receiptOn: '2026-03-01' }))).toEqual(['回执日期 2026-03-01 早于介绍信开具日期 2026-03-02，请核对']);
    expect(messages(outgoing({ receiptOn: '2026-03-11' }))).toEqual(['回执日期 2026-03-11 晚于今天，请核对']);
    expect(checkTransfer(outgoing({ receiptOn: '2026-03-02' }), TODAY)).toEqual([]);
  });

  it('refuses an arrival dated before the letter', () => {
    expect(fields(incoming({ arrivedOn: '2026-02-28' }))).toEqual(['arrivedOn']);
  });

  it('asks whether the transfer is in or out', () => {
    expect(fields(outgoing({ direction: undefined }))).toEqual(['direction']);
  });
});

describe('incomingPerson', () => {
  it('puts the member on the roll from the letter, birth date from the ID number', () => {
    const person = incomingPerson(incoming(), STAMP);
    expect(person).toMatchObject({
      id: 'P-LIU',
      orgId: 'ORG',
      name: '刘桂兰',
      gender: 'female',
      ethnicity: '回族',
      birthDate: '1967-09-30',
      status: 'probationary',
      category: 'other',
      onRoll: true,
      private: { idNumber: idNumber('1967-09-30', '024') },
    });
  });

  it('records where the membership came from and by which letter, as a create', () => {
    const person = incomingPerson(incoming(), STAMP);
    expect(person.history).toEqual([
      {
        at: STAMP.now,
        by: '组织委员',
        action: 'create',
        changes: [{ field: '组织关系转入', from: '中共青山县农业农村局委员会', to: '中共市水利局离退休干部党支部（介绍信第青农组〔2026〕7号）' }],
      },
    ]);
  });

  it('takes what the secretary adds or corrects on arrival', () => {
    const person = incomingPerson(incoming(), STAMP, { category: 'retired', joinedOn: '2025-07-01', private: { phone: '13900000000' } });
    expect(person).toMatchObject({ category: 'retired', joinedOn: '2025-07-01', private: { idNumber: expect.any(String), phone: '13900000000' } });
  });

  it('asks for the birth date when the letter has no valid ID number', () => {
    expect(() => incomingPerson(incoming({ private: undefined }), STAMP)).toThrow('无法得知出生日期');
    expect(incomingPerson(incoming({ private: undefined }), STAMP, { birthDate: '1967-09-30' }).birthDate).toBe('1967-09-30');
  });

  it('asks for 正式/预备 when the letter does not say', () => {
    expect(() => incomingPerson(incoming({ partyStatus: undefined }), STAMP)).toThrow('介绍信上没有写明正式党员或预备党员');
  });

  it('does not make a roster entry from an outgoing letter', () => {
    expect(() => incomingPerson(outgoing(), STAMP)).toThrow(RangeError);
  });
});

describe('nextLetterNo', () => {
  const out = (letterNo?: string): Pick<TransferDoc, 'direction' | 'letterNo'> => ({ direction: 'out', letterNo });

  it('starts each year at 001', () => {
    expect(nextLetterNo([], 2026)).toBe('2026-001');
    expect(nextLetterNo([out('2025-031')], 2026)).toBe('2026-001');
  });

  it('follows the highest number of the year', () => {
    expect(nextLetterNo([out('2026-002'), out('2026-010'), out('2026-003')], 2026)).toBe('2026-011');
  });

  it('reads numbers of the year written by hand', () => {
    expect(nextLetterNo([out('（2026）第12号'), out(undefined), out('15')], 2026)).toBe('2026-013');
  });

  it('ignores the numbers of incoming letters', () => {
    expect(nextLetterNo([{ direction: 'in', letterNo: '2026-090' }], 2026)).toBe('2026-001');
  });
});
