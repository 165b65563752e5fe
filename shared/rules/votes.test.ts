import { describe, expect, it } from 'vitest';
import { canRecordPassed, checkVoteNumbers, moreThanHalf, tallyVote, VoteNumbersError, type VoteInput } from './votes';

/** A 支部党员大会 of a branch with 20 voting full members deciding to admit 张晓梅 as a probationary member. */
function vote(overrides: Partial<VoteInput> = {}): VoteInput {
  return { motion: 'admit', fullMembers: 20, excluded: 0, presentVoting: 16, yes: 15, no: 1, abstain: 0, ...overrides };
}

/** The message tallyVote throws for these numbers. */
function refusal(input: VoteInput): string {
  try {
    tallyVote(input);
  } catch (error) {
    if (error instanceof RangeError) return error.message;
    throw error;
  }
  throw new Error('tallyVote accepted numbers it should refuse');
}

describe('moreThanHalf', () => {
  it('is 11 for 20: half is not more than half', () => {
    expect(moreThanHalf(20)).toBe(11);
  });
  it('is 11 for 21: 10.5 rounds up to the next whole person', () => {
    expect(moreThanHalf(21)).toBe(11);
  });
});

describe('tallyVote', () => {
  describe('who is expected (R-VOTE-EXPECTED)', () => {
    it('expects every voting full member when nobody is excluded', () => {
      expect(tallyVote(vote()).expected).toBe(20);
    });

    it('leaves the approved exclusions out of 应到会', () => {
      expect(tallyVote(vote({ fullMembers: 23, excluded: 3 })).expected).toBe(20);
    });

    it('says how 应到会 was reached when members were excluded', () => {
      expect(tallyVote(vote({ fullMembers: 23, excluded: 3 })).reasons[0]).toBe('应到会有表决权的党员20人（有表决权的正式党员23人，经批准不计入3人）。');
    });
  });

  describe('quorum (R-VOTE-QUORUM)', () => {
    it('has no quorum when exactly half of 应到会 is present', () => {
      expect(tallyVote(vote({ presentVoting: 10, yes: 10, no: 0 }))).toMatchObject({ quorum: false, passed: false, outcome: 'no-quorum' });
    });

    it('has a quorum with one more member present than half', () => {
      expect(tallyVote(vote({ presentVoting: 11, yes: 11, no: 0 }))).toMatchObject({ quorum: true, outcome: 'passed' });
    });

    it('needs 11 of 21: ten is less than half of an odd number', () => {
      expect(tallyVote(vote({ fullMembers: 21, presentVoting: 10, yes: 10, no: 0 })).quorum).toBe(false);
      expect(tallyVote(vote({ fullMembers: 21, presentVoting: 11, yes: 11, no: 0 })).quorum).toBe(true);
    });

    it('says how many must come when there is no quorum', () => {
      expect(tallyVote(vote({ presentVoting: 10, yes: 10, no: 0 })).reasons).toContain(
        '实到会有表决权的党员10人，未超过应到会人数的半数（至少需11人到会），不能进行表决，须另行召开支部党员大会。',
      );
    });

    it('does not count written opinions as presence', () => {
      const tally = tallyVote(vote({ presentVoting: 10, yes: 10, no: 0, writtenYes: 5 }));
      expect(tally.outcome).toBe('no-quorum');
      expect(tally.reasons).toContain('书面意见可以计入表决票，但不计入到会人数。');
    });

    it('cannot vote when every member is excluded', () => {
      expect(tallyVote(vote({ fullMembers: 2, excluded: 2, presentVoting: 0, yes: 0, no: 0 }))).toMatchObject({
        expected: 0,
        outcome: 'no-quorum',
        reasons: expect.arrayContaining(['没有应到会的有表决权党员，不能进行表决。']),
      });
    });

    it('lowers the quorum when members are excluded: 12 of 24 is not enough, 12 of 22 is', () => {
      expect(tallyVote(vote({ fullMembers: 24, excluded: 0, presentVoting: 12, yes: 12, no: 0 })).quorum).toBe(false);
      expect(tallyVote(vote({ fullMembers: 24, excluded: 2, presentVoting: 12, yes: 12, no: 0 })).quorum).toBe(true);
    });
  });

  describe('passing (R-VOTE-PASS)', () => {
    it('passes with yes votes more than half of 应到会', () => {
      expect(tallyVote(vote({ yes: 11, no: 5 }))).toMatchObject({ passed: true, outcome: 'passed' });
    });

    it('names the resolution that passed and the votes it needed', () => {
      expect(tallyVote(vote({ yes: 11, no: 5 })).reasons).toContain('赞成票超过应到会有表决权党员的半数（至少需11票），接收预备党员的决议获得通过。');
    });

    it('gives the count of yes, no and abstain', () => {
      expect(tallyVote(vote({ yes: 12, no: 3, abstain: 1 })).reasons).toContain('赞成12票，反对3票，弃权1票。');
    });

    it('calls yes votes of exactly half of 应到会 a tie, not passed', () => {
      expect(tallyVote(vote({ yes: 10, no: 6 }))).toMatchObject({ quorum: true, passed: false, outcome: 'tie' });
    });

    it('explains the lawful options after a tie', () => {
      expect(tallyVote(vote({ yes: 10, no: 6 })).reasons).toContain(
        '遇到这种情况，支部可以向党员说明情况后重新表决，也可以依照有关规定另行作出决定；不能记为“通过”。',
      );
    });

    it('calls half of 应到会 a tie even when nobody voted against', () => {
      expect(tallyVote(vote({ presentVoting: 12, yes: 10, no: 0, abstain: 2 })).outcome).toBe('tie');
    });

    it('rejects with fewer yes votes than half of 应到会', () => {
      expect(tallyVote(vote({ yes: 9, no: 7 }))).toMatchObject({ passed: false, outcome: 'rejected' });
    });

    it('rejects a majority of those present that is not a majority of 应到会, and says why', () => {
      const tally = tallyVote(vote({ presentVoting: 12, yes: 9, no: 3 }));
      expect(tally.outcome).toBe('rejected');
      expect(tally.reasons).toContain('赞成票虽超过实到会人数的半数，但通过要求超过应到会人数的半数。');
    });

    it('does not lower the bar for abstentions', () => {
      expect(tallyVote(vote({ yes: 10, no: 0, abstain: 6 })).passed).toBe(false);
    });

    it('lowers the bar when members are excluded: 12 yes of 24 ties, 12 yes of 22 passes', () => {
      expect(tallyVote(vote({ fullMembers: 24, excluded: 0, presentVoting: 16, yes: 12, no: 4 })).outcome).toBe('tie');
      expect(tallyVote(vote({ fullMembers: 24, excluded: 2, presentVoting: 16, yes: 12, no: 4 })).outcome).toBe('passed');
    });

    it.each([
      ['confirm', '预备党员转为正式党员的决议'],
      ['extend', '延长预备期的决议'],
      ['other', '该项决议'],
    ] as const)('names the %s resolution in the reasons', (motion, resolution) => {
      expect(tallyVote(vote({ motion })).reasons.at(-1)).toContain(resolution);
    });
  });

  describe('written opinions (R-VOTE-WRITTEN)', () => {
    it('passes when written yes votes take the yes count over half of 应到会', () => {
      expect(tallyVote(vote({ presentVoting: 14, yes: 9, no: 5, writtenYes: 2 })).outcome).toBe('passed');
    });

    it('says the written opinions decided the outcome', () => {
      expect(tallyVote(vote({ presentVoting: 14, yes: 9, no: 5, writtenYes: 2 })).reasons).toContain(
        '其中书面意见赞成2票：只计到会赞成票则不够半数，书面意见决定了结果。',
      );
    });

    it('makes a tie of one written yes vote short of a majority', () => {
      expect(tallyVote(vote({ presentVoting: 14, yes: 9, no: 5, writtenYes: 1 })).outcome).toBe('tie');
    });

    it('counts written no and abstain votes in the totals', () => {
      expect(tallyVote(vote({ presentVoting: 14, yes: 12, no: 2, writtenNo: 1, writtenAbstain: 2 })).reasons).toContain(
        '赞成12票，反对3票，弃权2票（含书面意见：赞成0票，反对1票，弃权2票）。',
      );
    });

    it('does not add a written-opinion note when the room alone passed the motion', () => {
      expect(tallyVote(vote({ presentVoting: 14, yes: 12, no: 2, writtenYes: 2 })).reasons.join('')).not.toContain('书面意见决定了结果');
    });
  });

  describe('numbers that cannot be right', () => {
    it('throws a VoteNumbersError, which is a RangeError listing the problems', () => {
      expect(() => tallyVote(vote({ yes: -1 }))).toThrow(VoteNumbersError);
      expect(() => tallyVote(vote({ yes: -1 }))).toThrow(RangeError);
    });

    it('refuses a negative count', () => {
      expect(refusal(vote({ no: -1 }))).toBe('到会反对票应为0或正整数，请重新填写');
    });

    it('refuses a fraction of a person', () => {
      expect(refusal(vote({ presentVoting: 15.5 }))).toBe('实到会有表决权的党员人数应为0或正整数，请重新填写');
    });

    it('refuses a count left empty', () => {
      expect(refusal(vote({ abstain: undefined as unknown as number }))).toBe('到会弃权票应为0或正整数，请重新填写');
    });

    it('refuses more exclusions than full members', () => {
      expect(refusal(vote({ fullMembers: 3, excluded: 4, presentVoting: 0, yes: 0, no: 0 }))).toBe('不计入应到会的有4人，多于有表决权的正式党员3人，请核对');
    });

    it('refuses more members present than expected', () => {
      expect(refusal(vote({ fullMembers: 20, excluded: 2, presentVoting: 19 }))).toContain('实到会有表决权的党员19人，多于应到会的18人');
    });

    it('accepts every expected member present', () => {
      expect(tallyVote(vote({ presentVoting: 20, yes: 20, no: 0 })).outcome).toBe('passed');
    });

    it('refuses a count that includes a probationary member’s hand', () => {
      expect(refusal(vote({ presentVoting: 16, yes: 16, no: 1 }))).toBe(
        '到会表决票共17票（赞成16、反对1、弃权0），多于实到会有表决权的党员16人。预备党员和受留党察看处分的党员没有表决权，他们的意见不计入表决票，请核对',
      );
    });

    it('accepts fewer votes than members present: someone may not vote', () => {
      expect(tallyVote(vote({ presentVoting: 16, yes: 12, no: 1 })).outcome).toBe('passed');
    });

    it('refuses more written opinions than absent voting members', () => {
      expect(refusal(vote({ presentVoting: 18, yes: 17, no: 1, writtenYes: 2, writtenNo: 1 }))).toContain('书面意见共3份，多于未到会的有表决权党员2人');
    });

    it('accepts one written opinion from every absent voting member', () => {
      expect(tallyVote(vote({ presentVoting: 18, yes: 17, no: 1, writtenYes: 1, writtenNo: 1 })).outcome).toBe('passed');
    });

    it('refuses more ballots returned than issued: the vote is void', () => {
      expect(refusal(vote({ ballotsIssued: 16, ballotsReturned: 17 }))).toBe('收回选票17张，多于发出的16张，这次投票无效，应当重新投票');
    });

    it('refuses more ballots issued than voting members present', () => {
      expect(refusal(vote({ ballotsIssued: 17, ballotsReturned: 16 }))).toContain('发出选票17张，多于实到会有表决权的党员16人');
    });

    it('refuses more votes counted than ballots returned', () => {
      expect(refusal(vote({ ballotsIssued: 16, ballotsReturned: 15 }))).toBe('到会表决票共16票，多于收回的选票15张，请核对计票');
    });

    it('accepts fewer ballots returned than issued', () => {
      expect(tallyVote(vote({ yes: 14, ballotsIssued: 16, ballotsReturned: 15 })).outcome).toBe('passed');
    });
  });
});

describe('checkVoteNumbers', () => {
  it('finds nothing wrong with consistent numbers', () => {
    expect(checkVoteNumbers(vote({ writtenYes: 2, ballotsIssued: 16, ballotsReturned: 16 }))).toEqual([]);
  });

  it('names the field each problem belongs to', () => {
    expect(checkVoteNumbers(vote({ presentVoting: 16, yes: 17, no: 0 })).map((p) => p.field)).toEqual(['yes']);
  });

  it('lists every problem at once', () => {
    expect(checkVoteNumbers(vote({ yes: 17, ballotsIssued: 10, ballotsReturned: 12 })).map((p) => p.field)).toEqual(['yes', 'ballotsReturned', 'ballotsReturned']);
  });

  it('reports each malformed count and stops before the sums', () => {
    expect(checkVoteNumbers(vote({ yes: -1, writtenNo: 0.5 }))).toEqual([
      { field: 'yes', message: '到会赞成票应为0或正整数，请重新填写' },
      { field: 'writtenNo', message: '书面意见反对票应为0或正整数，请重新填写' },
    ]);
  });

  it('asks for a motion it does not know', () => {
    expect(checkVoteNumbers(vote({ motion: 'cancel' as VoteInput['motion'] }))).toEqual([
      { field: 'motion', message: '请选择表决事项：接收预备党员、预备党员转正、延长预备期或其他事项' },
    ]);
  });
});

describe('canRecordPassed', () => {
  it('allows recording 通过 for a motion that passed', () => {
    expect(canRecordPassed(vote()).allowed).toBe(true);
  });

  it('refuses 通过 after a tie and gives the tally’s reasons', () => {
    expect(canRecordPassed(vote({ yes: 10, no: 6 }))).toEqual({ allowed: false, reasons: tallyVote(vote({ yes: 10, no: 6 })).reasons });
  });

  it('refuses 通过 without a quorum', () => {
    expect(canRecordPassed(vote({ presentVoting: 10, yes: 10, no: 0 })).allowed).toBe(false);
  });

  it('refuses 通过 for numbers that cannot be right, with the problems as reasons, without throwing', () => {
    expect(canRecordPassed(vote({ presentVoting: 16, yes: 17 }))).toEqual({ allowed: false, reasons: [expect.stringContaining('多于实到会有表决权的党员16人')] });
  });
});
