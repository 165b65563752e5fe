import { describe, expect, it } from 'vitest';
import { checkElectionNumbers, countBallots, ElectionNumbersError, tallyElection, type ElectionBallot, type ElectionCandidateVotes, type ElectionInput } from './elections';

/** The 换届 of a branch with 25 electors choosing 5 committee members among 6 candidates. */
function election(overrides: Partial<ElectionInput> = {}): ElectionInput {
  return {
    office: 'committee',
    electorsExpected: 25,
    electorsPresent: 23,
    seats: 5,
    ballotsIssued: 23,
    ballotsReturned: 23,
    invalidBallots: 1,
    candidates: votes({ 王建国: 21, 李秀英: 20, 张伟: 18, 刘芳: 15, 陈静: 13, 杨洋: 9 }),
    ...overrides,
  };
}

/** Candidates in list order with their votes. */
function votes(byName: Record<string, number>): ElectionCandidateVotes[] {
  return Object.entries(byName).map(([name, count]) => ({ name, votes: count }));
}

function resultOf(input: ElectionInput, name: string): string | undefined {
  return tallyElection(input).candidates.find((c) => c.name === name)?.result;
}

function refusal(input: ElectionInput): string {
  try {
    tallyElection(input);
  } catch (error) {
    if (error instanceof RangeError) return error.message;
    throw error;
  }
  throw new Error('tallyElection accepted numbers it should refuse');
}

describe('tallyElection', () => {
  it('elects the five candidates with more than half of the electors present', () => {
    expect(tallyElection(election())).toMatchObject({ outcome: 'filled', elected: ['王建国', '李秀英', '张伟', '刘芳', '陈静'], vacantSeats: 0, furtherVote: null });
  });

  it('says who was elected, with how many votes, to which office', () => {
    expect(tallyElection(election()).reasons).toContain('王建国得21票，超过实到会选举人的半数（至少需12票），当选为支部委员会委员。');
  });

  it('says who was not elected and why', () => {
    expect(tallyElection(election()).reasons).toContain('杨洋得9票，未超过实到会选举人的半数（至少需12票），未当选。');
  });

  it('lists every candidate with the most votes first, equal votes in list order', () => {
    const tally = tallyElection(election({ candidates: votes({ 杨洋: 9, 王建国: 21, 陈静: 13, 刘芳: 13, 张伟: 18, 李秀英: 20 }), seats: 6 }));
    expect(tally.candidates.map((c) => c.name)).toEqual(['王建国', '李秀英', '张伟', '陈静', '刘芳', '杨洋']);
  });

  it('reports the ballots: issued, returned, valid and invalid', () => {
    const tally = tallyElection(election());
    expect(tally.validBallots).toBe(22);
    expect(tally.reasons).toContain('发出选票23张，收回23张，其中有效票22张，无效票1张。');
  });

  describe('quorum (R-ELECT-QUORUM)', () => {
    it('does not count with exactly four fifths of the electors present', () => {
      const input = election({ electorsPresent: 20, ballotsIssued: 20, ballotsReturned: 20, invalidBallots: 0, candidates: votes({ 王建国: 18 }) });
      expect(tallyElection(input)).toMatchObject({ quorum: false, outcome: 'no-quorum', elected: [], vacantSeats: 5 });
    });

    it('counts with one elector more than four fifths', () => {
      const input = election({ electorsPresent: 21, ballotsIssued: 21, ballotsReturned: 21, invalidBallots: 0, candidates: votes({ 王建国: 18 }) });
      expect(tallyElection(input).quorum).toBe(true);
    });

    it('needs 10 of 12 electors: 9 is less than four fifths (9.6)', () => {
      const input = (present: number) =>
        election({ electorsExpected: 12, electorsPresent: present, seats: 3, ballotsIssued: present, ballotsReturned: present, invalidBallots: 0, candidates: votes({ 王建国: 8 }) });
      expect(tallyElection(input(9)).quorum).toBe(false);
      expect(tallyElection(input(10)).quorum).toBe(true);
    });

    it('says how many electors must come', () => {
      const input = election({ electorsPresent: 20, ballotsIssued: 20, ballotsReturned: 20, invalidBallots: 0, candidates: votes({ 王建国: 18 }) });
      expect(tallyElection(input).reasons).toEqual(['应到会选举人25人，实到会20人，未超过应到会人数的五分之四（至少需21人到会），选举无效，须另行召开会议选举。']);
    });

    it('elects nobody without a quorum, whatever the votes', () => {
      const input = election({ electorsPresent: 20, ballotsIssued: 20, ballotsReturned: 20, invalidBallots: 0, candidates: votes({ 王建国: 20 }) });
      expect(tallyElection(input).candidates).toEqual([{ name: '王建国', votes: 20, writeIn: false, majority: true, result: 'not-elected' }]);
    });
  });

  describe('ballots (R-ELECT-BALLOTS)', () => {
    it('voids the election when more ballots come back than were issued', () => {
      expect(tallyElection(election({ ballotsIssued: 22, ballotsReturned: 23 }))).toMatchObject({ void: true, outcome: 'void', elected: [], vacantSeats: 5 });
    });

    it('says why a void election is held again', () => {
      expect(tallyElection(election({ ballotsIssued: 22, ballotsReturned: 23 })).reasons).toContain('收回选票23张，多于发出的22张，本次选举无效，应当重新投票。');
    });

    it('counts with fewer ballots back than issued', () => {
      expect(tallyElection(election({ ballotsIssued: 23, ballotsReturned: 22 }))).toMatchObject({ void: false, outcome: 'filled', validBallots: 21 });
    });
  });

  describe('majority (R-ELECT-MAJORITY)', () => {
    it('does not elect with exactly half of the electors present', () => {
      expect(resultOf(election({ electorsPresent: 22, ballotsIssued: 22, ballotsReturned: 22, candidates: votes({ 王建国: 12, 李秀英: 11 }) }), '李秀英')).toBe('not-elected');
    });

    it('elects with one vote more than half', () => {
      expect(resultOf(election({ electorsPresent: 22, ballotsIssued: 22, ballotsReturned: 22, candidates: votes({ 王建国: 12, 李秀英: 11 }) }), '王建国')).toBe('elected');
    });

    it('counts the half of the electors present, not of the valid ballots', () => {
      const input = election({ invalidBallots: 7, candidates: votes({ 王建国: 11 }) });
      expect(tallyElection(input)).toMatchObject({ validBallots: 16, votesNeeded: 12, elected: [] });
    });

    it('gives the seats to the most votes when more candidates have a majority than there are seats', () => {
      const tally = tallyElection(election({ seats: 3, candidates: votes({ 王建国: 20, 李秀英: 17, 张伟: 14, 刘芳: 13, 陈静: 2 }) }));
      expect(tally).toMatchObject({ outcome: 'filled', elected: ['王建国', '李秀英', '张伟'] });
      expect(tally.candidates.map((c) => c.result)).toEqual(['elected', 'elected', 'elected', 'over-seats', 'not-elected']);
    });

    it('says a candidate with a majority lost the seat to more votes', () => {
      const tally = tallyElection(election({ seats: 3, candidates: votes({ 王建国: 20, 李秀英: 17, 张伟: 14, 刘芳: 13, 陈静: 2 }) }));
      expect(tally.reasons).toContain('刘芳得13票，虽超过半数，但名额已由得票更多的人当选，未当选。');
    });

    /** Three seats; 李秀英, 张伟 and 刘芳 tie for the last two; 陈静 has a majority but fewer votes. */
    const tiedForLastSeats = () => election({ seats: 3, candidates: votes({ 王建国: 14, 李秀英: 13, 张伟: 13, 刘芳: 13, 陈静: 12 }) });

    it('puts candidates tied for the last seats to a further vote', () => {
      expect(tallyElection(tiedForLastSeats())).toMatchObject({ outcome: 'further-vote', elected: ['王建国'], furtherVote: { names: ['李秀英', '张伟', '刘芳'], seats: 2 }, vacantSeats: 0 });
    });

    it('says the tied candidates vote again for the seats left', () => {
      expect(tallyElection(tiedForLastSeats()).reasons).toContain('李秀英、张伟、刘芳得票相等，争2个名额，应当对他们再次投票，得票多的当选。');
    });

    it('leaves a candidate with fewer votes out of the further vote', () => {
      expect(resultOf(tiedForLastSeats(), '陈静')).toBe('over-seats');
    });

    it('elects candidates tied for the last seats when there is a seat for each', () => {
      const tally = tallyElection(election({ seats: 3, candidates: votes({ 王建国: 21, 张伟: 15, 刘芳: 15, 陈静: 9 }) }));
      expect(tally).toMatchObject({ outcome: 'filled', elected: ['王建国', '张伟', '刘芳'] });
    });

    it('leaves seats vacant when too few candidates have a majority', () => {
      const tally = tallyElection(election({ candidates: votes({ 王建国: 21, 李秀英: 20, 张伟: 18, 刘芳: 11, 陈静: 10, 杨洋: 9 }) }));
      expect(tally).toMatchObject({ outcome: 'seats-left', elected: ['王建国', '李秀英', '张伟'], vacantSeats: 2 });
    });

    it('says vacant seats may be elected separately', () => {
      const tally = tallyElection(election({ candidates: votes({ 王建国: 21, 李秀英: 20, 张伟: 18, 刘芳: 11, 陈静: 10, 杨洋: 9 }) }));
      expect(tally.reasons).toContain('当选3名，少于应选名额5名，不足的2个名额可以另行选举。');
    });

    it('elects a write-in candidate like any other and marks the name', () => {
      const input = election({ seats: 1, office: 'secretary', candidates: [{ name: '王建国', votes: 9 }, { name: '赵敏', votes: 13, writeIn: true }] });
      expect(tallyElection(input).reasons).toContain('赵敏（另选他人）得13票，超过实到会选举人的半数（至少需12票），当选为书记。');
    });
  });

  describe('contested or not (a note, never an error)', () => {
    it('calls six candidates for five seats contested', () => {
      const tally = tallyElection(election());
      expect(tally.contested).toBe(true);
      expect(tally.notes).toContain('候选人6名，应选5名，候选人多于应选名额20%以上，为差额选举。');
    });

    it('notes when seven candidates for six seats are fewer than 20 % more', () => {
      const tally = tallyElection(election({ seats: 6, candidates: votes({ 王建国: 21, 李秀英: 20, 张伟: 18, 刘芳: 15, 陈静: 13, 杨洋: 9, 赵敏: 5 }) }));
      expect(tally.contested).toBe(false);
      expect(tally.notes[0]).toContain('差额不足应选名额的20%');
    });

    it('reminds that committee elections are usually contested when there are as many candidates as seats', () => {
      const tally = tallyElection(election({ candidates: votes({ 王建国: 21, 李秀英: 20, 张伟: 18, 刘芳: 15, 陈静: 13 }) }));
      expect(tally.notes).toEqual(['候选人5名，等于应选名额，为等额选举；选举支部委员会委员按通常做法实行差额选举。']);
    });

    it('notes an uncontested 书记 election without the committee remark', () => {
      const tally = tallyElection(election({ office: 'secretary', seats: 1, candidates: votes({ 王建国: 22 }) }));
      expect(tally.notes).toEqual(['候选人1名，等于应选名额，为等额选举。']);
    });

    it('does not count write-ins as candidates', () => {
      const candidates = [...votes({ 王建国: 21, 李秀英: 20, 张伟: 18, 刘芳: 15, 陈静: 13 }), { name: '赵敏', votes: 2, writeIn: true }];
      expect(tallyElection(election({ candidates })).contested).toBe(false);
    });

    it('names the write-ins in a note', () => {
      const candidates = [...votes({ 王建国: 21 }), { name: '赵敏', votes: 2, writeIn: true }];
      expect(tallyElection(election({ candidates })).notes).toContain('另选他人：赵敏，其得票与候选人一样计算。');
    });
  });

  describe('numbers that cannot be right', () => {
    it('throws an ElectionNumbersError, which is a RangeError', () => {
      expect(() => tallyElection(election({ seats: -1 }))).toThrow(ElectionNumbersError);
      expect(() => tallyElection(election({ seats: -1 }))).toThrow(RangeError);
    });

    it('refuses a negative count', () => {
      expect(refusal(election({ invalidBallots: -1 }))).toBe('无效票数应为0或正整数，请重新填写');
    });

    it('refuses a fraction of a vote', () => {
      expect(refusal(election({ candidates: votes({ 王建国: 20.5 }) }))).toBe('王建国的得票应为0或正整数，请重新填写');
    });

    it('refuses no seats', () => {
      expect(refusal(election({ seats: 0 }))).toBe('应选名额至少为1名');
    });

    it('refuses two seats for the 书记', () => {
      expect(refusal(election({ office: 'secretary', seats: 2, candidates: votes({ 王建国: 20 }) }))).toBe('书记只选一名，应选名额应为1');
    });

    it('refuses more electors present than expected', () => {
      expect(refusal(election({ electorsPresent: 26 }))).toContain('实到会选举人26人，多于应到会的25人');
    });

    it('refuses more ballots issued than electors present', () => {
      expect(refusal(election({ ballotsIssued: 24 }))).toContain('发出选票24张，多于实到会选举人23人');
    });

    it('refuses more invalid ballots than ballots returned', () => {
      expect(refusal(election({ invalidBallots: 24 }))).toBe('无效票24张，多于收回的选票23张，请核对');
    });

    it('refuses a candidate with more votes than valid ballots', () => {
      expect(refusal(election({ candidates: votes({ 王建国: 23 }) }))).toBe('王建国得23票，多于有效选票22张：每张选票对一人只能投一票，请核对');
    });

    it('refuses more votes in all than the valid ballots could carry', () => {
      expect(refusal(election({ seats: 2, candidates: votes({ 王建国: 22, 李秀英: 22, 张伟: 1 }) }))).toContain('各人得票合计45票，多于有效选票22张乘应选名额2名（44票）');
    });

    it('accepts every valid ballot naming as many people as there are seats', () => {
      expect(tallyElection(election({ seats: 2, candidates: votes({ 王建国: 22, 李秀英: 22 }) })).elected).toEqual(['王建国', '李秀英']);
    });

    it('refuses the same candidate entered twice', () => {
      expect(refusal(election({ candidates: votes({ 王建国: 20 }).concat({ name: ' 王建国', votes: 1 }) }))).toBe('候选人“王建国”填写了两次，每人只填一行');
    });

    it('refuses a candidate without a name', () => {
      expect(refusal(election({ candidates: [{ name: ' ', votes: 3 }] }))).toBe('第1位候选人请填写姓名');
    });

    it('refuses an election without candidates', () => {
      expect(refusal(election({ candidates: [] }))).toBe('请填写候选人及其得票');
    });
  });
});

describe('checkElectionNumbers', () => {
  it('finds nothing wrong with consistent numbers', () => {
    expect(checkElectionNumbers(election())).toEqual([]);
  });

  it('points at the candidate a problem belongs to', () => {
    expect(checkElectionNumbers(election({ candidates: votes({ 王建国: 20, 李秀英: 30 }) }))).toEqual([
      { field: 'candidates', candidateIndex: 1, message: '李秀英得30票，多于有效选票22张：每张选票对一人只能投一票，请核对' },
    ]);
  });

  it('lists every problem at once', () => {
    expect(checkElectionNumbers(election({ electorsPresent: 26, ballotsIssued: 27, ballotsReturned: 27 })).map((p) => p.field)).toEqual(['electorsPresent', 'ballotsIssued']);
  });
});

describe('countBallots', () => {
  const candidates = ['王建国', '李秀英', '张伟'];
  const ballot = (...names: string[]): ElectionBallot => ({ names });

  it('adds up the votes of each candidate', () => {
    expect(countBallots(candidates, 2, [ballot('王建国', '李秀英'), ballot('王建国', '张伟'), ballot('王建国')]).candidates).toEqual(votes({ 王建国: 3, 李秀英: 1, 张伟: 1 }));
  });

  it('finds a ballot naming more people than seats invalid and counts none of its votes', () => {
    expect(countBallots(candidates, 2, [ballot('王建国', '李秀英', '张伟'), ballot('王建国')])).toEqual({ ballotsReturned: 2, invalidBallots: 1, candidates: votes({ 王建国: 1, 李秀英: 0, 张伟: 0 }) });
  });

  it('counts a blank ballot as returned and valid', () => {
    expect(countBallots(candidates, 2, [ballot()])).toMatchObject({ ballotsReturned: 1, invalidBallots: 0 });
  });

  it('finds a ballot the 监票人 could not read invalid', () => {
    expect(countBallots(candidates, 2, [{ names: ['王建国'], unreadable: true }])).toMatchObject({ invalidBallots: 1, candidates: votes({ 王建国: 0, 李秀英: 0, 张伟: 0 }) });
  });

  it('counts a write-in after the listed candidates and marks it', () => {
    expect(countBallots(candidates, 2, [ballot('赵敏', '王建国')]).candidates).toEqual([...votes({ 王建国: 1, 李秀英: 0, 张伟: 0 }), { name: '赵敏', votes: 1, writeIn: true }]);
  });

  it('counts a name written twice on one ballot once', () => {
    expect(countBallots(candidates, 2, [ballot('王建国', ' 王建国')])).toMatchObject({ invalidBallots: 0, candidates: votes({ 王建国: 1, 李秀英: 0, 张伟: 0 }) });
  });

  it('feeds tallyElection', () => {
    const counted = countBallots(['王建国', '李秀英'], 1, [ballot('王建国'), ballot('王建国'), ballot('李秀英'), ballot('王建国', '李秀英')]);
    const tally = tallyElection({ office: 'secretary', electorsExpected: 4, electorsPresent: 4, seats: 1, ballotsIssued: 4, ...counted });
    expect(tally).toMatchObject({ validBallots: 3, votesNeeded: 3, outcome: 'seats-left', elected: [] });
  });
});
