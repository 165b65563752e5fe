import { describe, expect, it } from 'vitest';
import { APPRAISAL_GRADES, appraisalSchema, type AppraisalGrade, type PersonDoc } from '../model';
import {
  APPRAISAL_GRADE_LABELS,
  APPRAISAL_STAGE_LABELS,
  APPRAISAL_STAGES,
  appraisalParticipants,
  appraisalStageNumber,
  appraisalStatistics,
  checkBallot,
  checkResults,
  excellentLimit,
  participationRate,
  shareText,
  tallyAppraisal,
  type AppraisalBallot,
  type AppraisalParticipant,
  type AppraisalPerson,
  type AppraisalResult,
} from './appraisal';

const GRADE_OF: Record<string, AppraisalGrade> = { 优秀: 'excellent', 合格: 'qualified', 基本合格: 'basically-qualified', 不合格: 'unqualified' };

/** A person of the roster of 市水利局离退休干部党支部, a full member on the roll unless told otherwise. */
function person(name: string, overrides: Partial<AppraisalPerson> = {}): AppraisalPerson {
  return { id: `P-${name}`, name, status: 'full', onRoll: true, joinedOn: '1985-07-01', ...overrides };
}

const idOf = (name: string): string => `P-${name}`;

/** Ten members: eight full, two probationary. */
const NAMES = ['张建华', '李秀英', '王德明', '赵丽华', '陈思远', '刘桂兰', '孙国强', '周淑珍', '吴海燕', '郑文斌'];
const MEMBERS: AppraisalParticipant[] = NAMES.map((name, i) => ({ id: idOf(name), name, status: i >= 8 ? 'probationary' : 'full' }));

/** A ballot as typed in from paper: name → grade, in Chinese. */
function ballot(grades: Record<string, string>): AppraisalBallot {
  return { grades: Object.entries(grades).map(([name, grade]) => ({ personId: idOf(name), grade: GRADE_OF[grade] ?? (grade as AppraisalGrade) })) };
}

/** A ballot grading every one of `members` the same. */
function allGraded(grade: string, members: readonly AppraisalParticipant[] = MEMBERS): AppraisalBallot {
  return ballot(Object.fromEntries(members.map((m) => [m.name, grade])));
}

const times = <T>(n: number, make: () => T): T[] => Array.from({ length: n }, make);

/** Three members, so each test of the suggestion reads one member's votes. */
const TRIO = MEMBERS.slice(0, 3);
/** `n` ballots grading 张建华 `grade` and the two others 合格. */
function forZhang(n: number, grade: string | null): AppraisalBallot[] {
  return times(n, () => ballot({ ...(grade ? { 张建华: grade } : {}), 李秀英: '合格', 王德明: '合格' }));
}
const zhang = (ballots: AppraisalBallot[]) => tallyAppraisal(ballots, TRIO).members[0]!;

function result(name: string, grade: string, note?: string): AppraisalResult {
  return { personId: idOf(name), grade: GRADE_OF[grade]!, ...(note ? { note } : {}) };
}

describe('APPRAISAL_GRADE_LABELS', () => {
  it('names the four grades of the model, best first', () => {
    expect(APPRAISAL_GRADES.map((g) => APPRAISAL_GRADE_LABELS[g])).toEqual(['优秀', '合格', '基本合格', '不合格']);
  });
});

describe('APPRAISAL_STAGES', () => {
  it('lists the stages of the model’s stage enum, in its order', () => {
    const stageEnum = (appraisalSchema.properties as unknown as { stage: { enum: string[] } }).stage.enum;
    expect(APPRAISAL_STAGES.map((s) => s.stage)).toEqual(stageEnum);
  });

  it('names them in Chinese, from 学习 to 备案', () => {
    expect(APPRAISAL_STAGES.map((s) => s.name)).toEqual(['学习', '个人自评', '党员互评', '民主测评', '组织评定', '结果通知', '备案']);
  });

  it('numbers them from 1 to 7', () => {
    expect(appraisalStageNumber('study')).toBe(1);
    expect(appraisalStageNumber('ballot')).toBe(4);
    expect(appraisalStageNumber('filed')).toBe(7);
  });

  it('gives the same name in the label table', () => {
    for (const s of APPRAISAL_STAGES) expect(APPRAISAL_STAGE_LABELS[s.stage]).toBe(s.name);
  });
});

describe('appraisalParticipants', () => {
  it('takes full and probationary members on the roll, in the order given', () => {
    const people = [person('张建华'), person('陈思远', { status: 'probationary', joinedOn: '2025-09-10' }), person('李秀英')];
    expect(appraisalParticipants(people, 2025).map((p) => p.name)).toEqual(['张建华', '陈思远', '李秀英']);
  });

  it.each([['candidate'], ['activist'], ['applicant']] as const)('leaves out a %s: not a member yet', (status) => {
    expect(appraisalParticipants([person('吴芳', { status, joinedOn: undefined })], 2025)).toEqual([]);
  });

  it('leaves out people off the roll', () => {
    expect(appraisalParticipants([person('王德明', { onRoll: false })], 2025)).toEqual([]);
  });

  it('leaves out an archived person even when the record still says on the roll', () => {
    expect(appraisalParticipants([person('赵丽华', { archived: { reason: 'deceased', on: '2025-03-02' } })], 2025)).toEqual([]);
  });

  it('leaves out someone admitted after the year, and keeps someone admitted on its last day', () => {
    const people = [
      person('陈思远', { status: 'probationary', joinedOn: '2025-12-31' }),
      person('郑文斌', { status: 'probationary', joinedOn: '2026-01-05' }),
    ];
    expect(appraisalParticipants(people, 2025).map((p) => p.name)).toEqual(['陈思远']);
    expect(appraisalParticipants(people, 2026).map((p) => p.name)).toEqual(['陈思远', '郑文斌']);
  });

  it('keeps a member whose date of admission is not recorded', () => {
    expect(appraisalParticipants([person('刘桂兰', { joinedOn: undefined })], 2025)).toHaveLength(1);
  });

  it('returns the people as given, with every field of the roster', () => {
    const full = { ...person('孙国强'), gender: 'male' } as AppraisalPerson & Pick<PersonDoc, 'gender'>;
    expect(appraisalParticipants([full], 2025)[0]).toBe(full);
  });
});

describe('checkBallot', () => {
  it('finds nothing wrong with a ballot grading every member once', () => {
    expect(checkBallot(allGraded('合格'), MEMBERS)).toEqual({ errors: [], warnings: [] });
  });

  it('refuses an empty ballot', () => {
    const check = checkBallot({ grades: [] }, MEMBERS);
    expect(check.errors).toEqual(['这张测评票没有评定任何党员的等次（空票）。请对照纸质票重新录入；纸质票确实是空白的，不要录入。']);
    expect(check.warnings).toEqual([]);
  });

  it('refuses a grade for someone not taking part, saying which entry', () => {
    const check = checkBallot(ballot({ 张建华: '优秀', 钱小明: '合格', 李秀英: '合格' }), TRIO);
    expect(check.errors).toEqual(['第2项评定的人员不在本次参评党员名单中（可能已转出、去世，或不是党员），请删去这一项。']);
  });

  it('refuses a member graded twice, naming the member and both grades', () => {
    const twice: AppraisalBallot = {
      grades: [
        { personId: idOf('张建华'), grade: 'excellent' },
        { personId: idOf('李秀英'), grade: 'qualified' },
        { personId: idOf('张建华'), grade: 'qualified' },
        { personId: idOf('王德明'), grade: 'qualified' },
      ],
    };
    const [error, ...more] = checkBallot(twice, TRIO).errors;
    expect(more).toEqual([]);
    expect(error).toContain('张建华在这张票上被评了2次（优秀、合格）');
    expect(error).toContain('按“未评”处理');
  });

  it('refuses a grade it does not know', () => {
    const odd: AppraisalBallot = { grades: [{ personId: idOf('张建华'), grade: '良好' as AppraisalGrade }] };
    expect(checkBallot(odd, TRIO).errors).toEqual(['张建华的等次无法识别，请在优秀、合格、基本合格、不合格中选一个。']);
  });

  it('allows a ballot leaving members ungraded, with a warning naming them', () => {
    const check = checkBallot(ballot({ 张建华: '优秀' }), TRIO);
    expect(check.errors).toEqual([]);
    expect(check.warnings).toEqual(['这张测评票没有评定2名党员的等次：李秀英、王德明。他们在这张票上按“未评”统计。']);
  });

  it('reports every problem of one ballot together', () => {
    const check = checkBallot(ballot({ 钱小明: '合格', 张建华: '不合格' }), TRIO);
    expect(check.errors).toHaveLength(1);
    expect(check.warnings).toHaveLength(1);
  });
});

describe('excellentLimit', () => {
  it('is a third of the participants by default, rounded down', () => {
    expect(excellentLimit(10)).toBe(3);
    expect(excellentLimit(11)).toBe(3);
    expect(excellentLimit(12)).toBe(4);
  });

  it('is exactly a third for every multiple of three', () => {
    for (let n = 3; n <= 300; n += 3) expect(excellentLimit(n)).toBe(n / 3);
  });

  it('is not lost to rounding: 29% of 100 members is 29, though 100 × 0.29 is 28.999999999999996 in floating point', () => {
    expect(excellentLimit(100, { excellentShare: 0.29 })).toBe(29);
  });

  it('is nought for a branch of two', () => {
    expect(excellentLimit(2)).toBe(0);
  });

  it('follows the configured share', () => {
    expect(excellentLimit(10, { excellentShare: 0.25 })).toBe(2);
    expect(excellentLimit(10, { excellentShare: 0.5 })).toBe(5);
  });

  it.each([[-0.1], [1.5], [Number.NaN]])('refuses a share of %s', (share) => {
    expect(() => excellentLimit(10, { excellentShare: share })).toThrow(RangeError);
    expect(() => excellentLimit(10, { excellentShare: share })).toThrow('优秀名额比例应在0到1之间');
  });
});

describe('shareText', () => {
  it.each([
    [1 / 3, '三分之一'],
    [0.25, '四分之一'],
    [2 / 3, '三分之二'],
    [0.5, '二分之一'],
    [0.3, '30%'],
    [0.35, '35%'],
    [0.2, '五分之一'],
    [0.1, '10%'],
  ])('writes %s as %s', (share, text) => {
    expect(shareText(share)).toBe(text);
  });
});

describe('participationRate', () => {
  it('is ballots over participants', () => {
    expect(participationRate(9, 10)).toBe(0.9);
  });
  it('is capped at 1 when more ballots than members came in', () => {
    expect(participationRate(12, 10)).toBe(1);
  });
  it('is null when nobody takes part', () => {
    expect(participationRate(0, 0)).toBeNull();
  });
});

describe('tallyAppraisal', () => {
  describe('counting', () => {
    it('counts each grade and 未评 per member', () => {
      const ballots = [ballot({ 张建华: '优秀', 李秀英: '合格', 王德明: '不合格' }), ballot({ 张建华: '优秀', 李秀英: '基本合格' }), ballot({ 张建华: '合格' })];
      const tally = tallyAppraisal(ballots, TRIO);
      expect(tally.members.map((m) => [m.name, m.votes])).toEqual([
        ['张建华', { excellent: 2, qualified: 1, 'basically-qualified': 0, unqualified: 0, ungraded: 0 }],
        ['李秀英', { excellent: 0, qualified: 1, 'basically-qualified': 1, unqualified: 0, ungraded: 1 }],
        ['王德明', { excellent: 0, qualified: 0, 'basically-qualified': 0, unqualified: 1, ungraded: 2 }],
      ]);
    });

    it('gives the share of 优秀 votes over all ballots', () => {
      const ballots = [...forZhang(3, '优秀'), ...forZhang(1, null)];
      expect(zhang(ballots).excellentShare).toBe(0.75);
    });

    it('counts a member graded twice on one ballot as 未评 on that ballot', () => {
      const twice: AppraisalBallot = {
        grades: [
          { personId: idOf('张建华'), grade: 'excellent' },
          { personId: idOf('张建华'), grade: 'excellent' },
        ],
      };
      expect(tallyAppraisal([twice], TRIO).members[0]!.votes).toMatchObject({ excellent: 0, ungraded: 1 });
    });

    it('leaves out grades for someone not taking part, and says the ballot has a problem', () => {
      const tally = tallyAppraisal([ballot({ 张建华: '合格', 李秀英: '合格', 王德明: '合格', 钱小明: '优秀' })], TRIO);
      expect(tally.members.map((m) => m.votes.excellent)).toEqual([0, 0, 0]);
      expect(tally.problemBallots).toBe(1);
      expect(tally.notes.join('\n')).toContain('有1张测评票存在录入问题');
    });

    it('counts an empty ballot as returned, with every member 未评 on it', () => {
      const tally = tallyAppraisal([{ grades: [] }], TRIO);
      expect(tally.ballots).toBe(1);
      expect(tally.members.every((m) => m.votes.ungraded === 1)).toBe(true);
    });

    it('has no problem ballots and no problem note when every ballot is right', () => {
      const tally = tallyAppraisal(times(3, () => allGraded('合格', TRIO)), TRIO);
      expect(tally.problemBallots).toBe(0);
      expect(tally.notes.join('\n')).not.toContain('录入问题');
    });
  });

  describe('the suggested grade', () => {
    it('is 优秀 with 优秀 votes from more than half of the ballots', () => {
      const m = zhang([...forZhang(6, '优秀'), ...forZhang(4, '合格')]);
      expect(m.suggested).toBe('excellent');
      expect(m.reasons[0]).toBe('优秀票6张，超过测评票10张的半数。');
    });

    it('is 合格 with 优秀 votes from exactly half: half is not more than half', () => {
      expect(zhang([...forZhang(5, '优秀'), ...forZhang(5, '合格')]).suggested).toBe('qualified');
    });

    it('is 合格, not 优秀, when 优秀 has most votes but not a majority', () => {
      const m = zhang([...forZhang(4, '优秀'), ...forZhang(3, '合格'), ...forZhang(3, '基本合格')]);
      expect(m.suggested).toBe('qualified');
      expect(m.reasons[0]).toBe('优秀票4张，基本合格和不合格票共3张，都没有超过测评票10张的半数。');
    });

    it('is 基本合格 when 基本合格 and 不合格 votes together are more than half', () => {
      const m = zhang([...forZhang(4, '基本合格'), ...forZhang(2, '不合格'), ...forZhang(4, '合格')]);
      expect(m.suggested).toBe('basically-qualified');
      expect(m.unqualifiedCandidate).toBe(false);
      expect(m.reasons[0]).toBe('基本合格和不合格票共6张，超过测评票10张的半数。');
    });

    it('is 合格 when 基本合格 and 不合格 votes are exactly half', () => {
      expect(zhang([...forZhang(3, '基本合格'), ...forZhang(2, '不合格'), ...forZhang(5, '合格')]).suggested).toBe('qualified');
    });

    it('is 不合格, flagged as a candidate, with 不合格 votes from more than half of the ballots', () => {
      const m = zhang([...forZhang(6, '不合格'), ...forZhang(4, '合格')]);
      expect(m).toMatchObject({ suggested: 'unqualified', unqualifiedCandidate: true });
      expect(m.reasons[0]).toBe('不合格票6张，超过测评票10张的半数，列为不合格党员考察对象，由支部委员会结合平时表现研究评定。');
    });

    it('does not flag 不合格 votes from exactly half of the ballots; with one 基本合格 they make 基本合格', () => {
      const m = zhang([...forZhang(5, '不合格'), ...forZhang(1, '基本合格'), ...forZhang(4, '合格')]);
      expect(m).toMatchObject({ suggested: 'basically-qualified', unqualifiedCandidate: false });
    });

    it('counts 未评 for neither side: 3 不合格 of 10 ballots with 6 未评 is no majority', () => {
      const m = zhang([...forZhang(3, '不合格'), ...forZhang(1, '合格'), ...forZhang(6, null)]);
      expect(m).toMatchObject({ suggested: 'qualified', unqualifiedCandidate: false });
      expect(m.reasons).toContain('有6张测评票未评该党员，超过半数，请支部委员会结合平时表现评定。');
    });

    it('makes no suggestion when no ballot grades the member', () => {
      const m = zhang(forZhang(4, null));
      expect(m.suggested).toBeUndefined();
      expect(m.reasons).toEqual(['没有测评票评定该党员的等次，请支部委员会根据平时表现评定。']);
    });

    it('makes no suggestion for anyone without ballots, and says none are entered', () => {
      const tally = tallyAppraisal([], TRIO);
      expect(tally.members.map((m) => m.suggested)).toEqual([undefined, undefined, undefined]);
      expect(tally.members.map((m) => m.excellentShare)).toEqual([null, null, null]);
      expect(tally.notes).toContain('还没有录入测评票。');
    });

    it('names the 不合格 candidates in the notes', () => {
      const tally = tallyAppraisal([...forZhang(6, '不合格'), ...forZhang(4, '合格')], TRIO);
      expect(tally.notes).toContain('张建华的不合格票超过测评票的半数，列为不合格党员考察对象，由支部委员会结合平时表现研究评定。');
    });
  });

  describe('the branch as a whole', () => {
    it('gives participants, ballots, participation rate and the 优秀 limit', () => {
      const tally = tallyAppraisal(times(9, () => allGraded('合格')), MEMBERS);
      expect(tally).toMatchObject({ participants: 10, ballots: 9, participationRate: 0.9, excellentLimit: 3 });
      expect(tally.members).toHaveLength(10);
      expect(tally.notes).toEqual([]);
    });

    it('caps the rate at 100% and explains when more ballots than members came in', () => {
      const tally = tallyAppraisal(times(12, () => allGraded('合格')), MEMBERS);
      expect(tally.participationRate).toBe(1);
      expect(tally.notes).toContain('录入测评票12张，多于参评党员10人，参评率按100%计。每名党员只投一张票，请核对是否多收或重复录入了测评票。');
    });

    it('has no rate and says why when nobody takes part', () => {
      const tally = tallyAppraisal([], []);
      expect(tally.participationRate).toBeNull();
      expect(tally.excellentLimit).toBe(0);
      expect(tally.notes[0]).toContain('没有参评党员');
    });

    it('says when the ballots suggest more 优秀 than the limit', () => {
      // Ten members, limit 3: the ballots make four of them 优秀.
      const four = Object.fromEntries(NAMES.map((n, i) => [n, i < 4 ? '优秀' : '合格']));
      const tally = tallyAppraisal(times(8, () => ballot(four)), MEMBERS);
      expect(tally.members.filter((m) => m.suggested === 'excellent')).toHaveLength(4);
      expect(tally.notes).toContain('按测评票建议评为优秀的有4人，超过优秀名额3人（参评党员10人的三分之一，小数部分不计）。请支部委员会结合平时表现确定。');
    });

    it('says nothing of the limit when the suggested 优秀 fit in it', () => {
      const three = Object.fromEntries(NAMES.map((n, i) => [n, i < 3 ? '优秀' : '合格']));
      expect(tallyAppraisal(times(8, () => ballot(three)), MEMBERS).notes).toEqual([]);
    });

    it('uses the configured share for the limit', () => {
      const four = Object.fromEntries(NAMES.map((n, i) => [n, i < 4 ? '优秀' : '合格']));
      const tally = tallyAppraisal(times(8, () => ballot(four)), MEMBERS, { excellentShare: 0.4 });
      expect(tally.excellentLimit).toBe(4);
      expect(tally.notes).toEqual([]);
    });
  });
});

describe('checkResults', () => {
  /** Every member graded: three 优秀, one 基本合格, the others 合格. */
  const complete = (): AppraisalResult[] =>
    NAMES.map((name, i) => result(name, i < 3 ? '优秀' : i === 3 ? '基本合格' : '合格'));

  it('finds nothing wrong with a grade for every member within the limit', () => {
    expect(checkResults(complete(), MEMBERS)).toEqual({ errors: [], warnings: [] });
  });

  it('names the members without a grade', () => {
    const results = complete().filter((r) => r.personId !== idOf('陈思远') && r.personId !== idOf('郑文斌'));
    expect(checkResults(results, MEMBERS).errors).toEqual(['还有2名党员没有评定等次：陈思远、郑文斌。请支部委员会评定后再通知本人。']);
  });

  it('refuses a grade for someone not taking part', () => {
    const results = [...complete(), result('钱小明', '合格')];
    expect(checkResults(results, MEMBERS).errors).toEqual(['第11条评定结果的人员不在本次参评党员名单中（可能已转出、去世，或不是党员），请删去这一条。']);
  });

  it('refuses two grades for one member', () => {
    const results = [...complete(), result('张建华', '合格')];
    expect(checkResults(results, MEMBERS).errors).toEqual(['张建华有2条评定结果（优秀、合格），每名党员只评定一个等次，请删去多余的。']);
  });

  it('refuses a 不合格 without a follow-up in its note', () => {
    const results = complete().map((r) => (r.personId === idOf('孙国强') ? result('孙国强', '不合格') : r));
    const [error] = checkResults(results, MEMBERS).errors;
    expect(error).toContain('孙国强评定为不合格，备注中还没有写明处置意见');
    expect(error).toContain('限期改正');
  });

  it('refuses a 不合格 whose note says something else than the follow-up', () => {
    const results = complete().map((r) => (r.personId === idOf('孙国强') ? result('孙国强', '不合格', '长期不参加组织生活') : r));
    expect(checkResults(results, MEMBERS).errors).toHaveLength(1);
  });

  it.each([['限期六个月整改，由支部书记谈话帮助'], ['限期改正，2026年6月底前向支部报告'], ['教育后仍无转变，劝其退党']])(
    'accepts a 不合格 with the follow-up “%s”',
    (note) => {
      const results = complete().map((r) => (r.personId === idOf('孙国强') ? result('孙国强', '不合格', note) : r));
      expect(checkResults(results, MEMBERS).errors).toEqual([]);
    },
  );

  it('warns of more 优秀 than the limit, without refusing', () => {
    const results = complete().map((r) => (r.personId === idOf('赵丽华') ? result('赵丽华', '优秀') : r));
    const check = checkResults(results, MEMBERS);
    expect(check.errors).toEqual([]);
    expect(check.warnings).toEqual(['评定为优秀的有4人，超过优秀名额3人（参评党员10人的三分之一，小数部分不计）。优秀等次一般不超过这个比例，请核减。']);
  });

  it('takes the limit from the configured share', () => {
    const results = complete().map((r) => (r.personId === idOf('赵丽华') ? result('赵丽华', '优秀') : r));
    expect(checkResults(results, MEMBERS, { excellentShare: 0.4 }).warnings).toEqual([]);
    expect(checkResults(complete(), MEMBERS, { excellentShare: 0.25 }).warnings[0]).toContain('超过优秀名额2人（参评党员10人的四分之一');
  });
});

describe('appraisalStatistics', () => {
  const results = NAMES.slice(0, 9).map((name, i) => result(name, i < 3 ? '优秀' : i === 3 ? '基本合格' : i === 4 ? '不合格' : '合格', '限期六个月整改'));
  const stats = appraisalStatistics({ ballots: times(9, () => allGraded('合格')), results }, MEMBERS);

  it('counts the members per grade and those not graded yet', () => {
    expect(stats.counts).toEqual({ excellent: 3, qualified: 4, 'basically-qualified': 1, unqualified: 1 });
    expect(stats.ungraded).toBe(1);
  });

  it('gives each grade’s share of the participants', () => {
    expect(stats.shares).toEqual({ excellent: 0.3, qualified: 0.4, 'basically-qualified': 0.1, unqualified: 0.1 });
  });

  it('gives participants by status, ballots and the participation rate', () => {
    expect(stats).toMatchObject({ participants: 10, full: 8, probationary: 2, ballots: 9, participationRate: 0.9 });
  });

  it('leaves out results for someone not taking part, and counts a member graded twice once', () => {
    const more = [...results, result('钱小明', '优秀'), result('张建华', '合格')];
    const s = appraisalStatistics({ ballots: [], results: more }, MEMBERS);
    expect(s.counts).toEqual({ excellent: 2, qualified: 5, 'basically-qualified': 1, unqualified: 1 });
    expect(s.ungraded).toBe(1);
  });

  it('has no rate and no shares when nobody takes part', () => {
    const s = appraisalStatistics({ ballots: [], results: [] }, []);
    expect(s.participationRate).toBeNull();
    expect(s.shares.excellent).toBeNull();
  });
});
