import { describe, expect, it } from 'vitest';
import ZSchema from 'z-schema';
import { collections, type BranchCategory } from '../model';
import { checkNewBranch, newBranchDoc, type DocStamp, type NewBranchInput } from './branch';

/** What a secretary of a retired cadres' branch types into the first-run wizard. */
function branchInput(overrides: Partial<NewBranchInput> = {}): NewBranchInput {
  return {
    name: '市水利局离退休干部党支部',
    category: 'retired',
    parentName: '中共市水利局机关委员会',
    secretaryName: '王建国',
    deputyName: '李秀英',
    foundedOn: '1992-07-01',
    ...overrides,
  };
}

function stamp(overrides: Partial<DocStamp> = {}): DocStamp {
  return { id: '01KAQ7Z3M0PV8D1T6W2XG5N9RB', now: '2026-11-23T09:30:00.000+08:00', by: '本机', ...overrides };
}

describe('checkNewBranch', () => {
  it('finds nothing wrong with a complete, well-written branch', () => {
    expect(checkNewBranch(branchInput())).toEqual({});
  });

  it('finds nothing wrong when the deputy and the founding date are left out', () => {
    expect(checkNewBranch(branchInput({ deputyName: undefined, foundedOn: undefined }))).toEqual({});
  });

  describe('branch name', () => {
    it('asks for the full name when it is empty', () => {
      expect(checkNewBranch(branchInput({ name: '' })).name).toBe('请填写支部全称，例如“市水利局离退休干部党支部”');
    });

    it('asks for the full name when only spaces were typed', () => {
      expect(checkNewBranch(branchInput({ name: '   ' })).name).toBe('请填写支部全称，例如“市水利局离退休干部党支部”');
    });

    it('says a name over 100 characters is too long', () => {
      expect(checkNewBranch(branchInput({ name: `${'水'.repeat(99)}支部` })).name).toBe('支部名称太长，请控制在100个字以内');
    });

    it('accepts a name of exactly 100 characters', () => {
      expect(checkNewBranch(branchInput({ name: `${'水'.repeat(98)}支部` })).name).toBeUndefined();
    });

    it('asks for “支部” in a name that does not say what kind of organization it is', () => {
      expect(checkNewBranch(branchInput({ name: '市水利局老干部活动中心' })).name).toBe('支部名称应含有“支部”二字，例如“××社区第一党支部”');
    });

    it('accepts a 党总支', () => {
      expect(checkNewBranch(branchInput({ name: '市水利局机关党总支' })).name).toBeUndefined();
    });

    it('accepts a 党委', () => {
      expect(checkNewBranch(branchInput({ name: '市水利局机关党委' })).name).toBeUndefined();
    });

    it('accepts a name with spaces around it', () => {
      expect(checkNewBranch(branchInput({ name: '  幸福社区第一党支部  ' })).name).toBeUndefined();
    });
  });

  it('asks to choose a category when the category is not one of 在职, 离退休, 混合', () => {
    expect(checkNewBranch(branchInput({ category: 'village' as BranchCategory })).category).toBe('请选择支部类别：在职、离退休或混合');
  });

  it.each<BranchCategory>(['active', 'retired', 'mixed'])('accepts the category %s', (category) => {
    expect(checkNewBranch(branchInput({ category })).category).toBeUndefined();
  });

  describe('higher organization', () => {
    it('asks for the name of the higher organization when it is empty', () => {
      expect(checkNewBranch(branchInput({ parentName: ' ' })).parentName).toBe('请填写上级党组织名称，例如“中共市水利局机关委员会”');
    });

    it('says a higher organization name over 100 characters is too long', () => {
      expect(checkNewBranch(branchInput({ parentName: '委'.repeat(101) })).parentName).toBe('上级党组织名称太长，请控制在100个字以内');
    });
  });

  describe('secretary', () => {
    const SECRETARY_MESSAGE = '请填写书记姓名（2至20个字，与身份证一致）';

    it('asks for the secretary’s name when it is empty', () => {
      expect(checkNewBranch(branchInput({ secretaryName: '' })).secretaryName).toBe(SECRETARY_MESSAGE);
    });

    it('refuses a one-character name', () => {
      expect(checkNewBranch(branchInput({ secretaryName: '王' })).secretaryName).toBe(SECRETARY_MESSAGE);
    });

    it('refuses a name with digits in it', () => {
      expect(checkNewBranch(branchInput({ secretaryName: '王建国2' })).secretaryName).toBe(SECRETARY_MESSAGE);
    });

    it('refuses a name of 21 characters', () => {
      expect(checkNewBranch(branchInput({ secretaryName: '王'.repeat(21) })).secretaryName).toBe(SECRETARY_MESSAGE);
    });

    it('accepts a name of 20 characters', () => {
      expect(checkNewBranch(branchInput({ secretaryName: '王'.repeat(20) })).secretaryName).toBeUndefined();
    });

    it('accepts a two-character name', () => {
      expect(checkNewBranch(branchInput({ secretaryName: '王浩' })).secretaryName).toBeUndefined();
    });

    it('accepts a minority name with the middle dot', () => {
      expect(checkNewBranch(branchInput({ secretaryName: '阿依古丽·买买提' })).secretaryName).toBeUndefined();
    });

    it('accepts a rare character outside the basic plane (𠇔)', () => {
      expect(checkNewBranch(branchInput({ secretaryName: '王𠇔' })).secretaryName).toBeUndefined();
    });

    it('accepts a name with spaces around it', () => {
      expect(checkNewBranch(branchInput({ secretaryName: ' 王建国 ' })).secretaryName).toBeUndefined();
    });
  });

  describe('deputy', () => {
    it('says what a deputy’s name should be when it is too short', () => {
      expect(checkNewBranch(branchInput({ deputyName: '李' })).deputyName).toBe('副书记姓名应为2至20个字；没有副书记可以不填');
    });

    it('lets the deputy be left blank with spaces only', () => {
      expect(checkNewBranch(branchInput({ deputyName: '  ' })).deputyName).toBeUndefined();
    });
  });

  describe('founding date', () => {
    const DATE_MESSAGE = '成立日期格式应为 年-月-日，例如 1992-07-01';

    it('asks for 年-月-日 when the date is written without leading zeros', () => {
      expect(checkNewBranch(branchInput({ foundedOn: '1992-7-1' })).foundedOn).toBe(DATE_MESSAGE);
    });

    it('refuses a date that does not exist', () => {
      expect(checkNewBranch(branchInput({ foundedOn: '2026-02-29' })).foundedOn).toBe(DATE_MESSAGE);
    });
  });

  it('reports every wrong field at once', () => {
    const errors = checkNewBranch({ name: '', category: 'x' as BranchCategory, parentName: '', secretaryName: '', deputyName: '1', foundedOn: '七一' });
    expect(Object.keys(errors).sort()).toEqual(['category', 'deputyName', 'foundedOn', 'name', 'parentName', 'secretaryName']);
  });
});

describe('newBranchDoc', () => {
  it('builds the complete branch document from the input and the stamp', () => {
    expect(newBranchDoc(branchInput(), stamp())).toEqual({
      id: '01KAQ7Z3M0PV8D1T6W2XG5N9RB',
      orgId: '01KAQ7Z3M0PV8D1T6W2XG5N9RB',
      createdAt: '2026-11-23T09:30:00.000+08:00',
      updatedAt: '2026-11-23T09:30:00.000+08:00',
      updatedBy: '本机',
      name: '市水利局离退休干部党支部',
      level: 'branch',
      category: 'retired',
      parentName: '中共市水利局机关委员会',
      foundedOn: '1992-07-01',
      committee: [
        { role: 'secretary', title: '书记', name: '王建国', since: '2026-11-23' },
        { role: 'deputy', title: '副书记', name: '李秀英', since: '2026-11-23' },
      ],
      terms: [],
      groups: [],
    });
  });

  it('makes the branch its own owner: orgId is its id', () => {
    const org = newBranchDoc(branchInput(), stamp({ id: '01KAQ80000000000000000000A' }));
    expect(org.orgId).toBe('01KAQ80000000000000000000A');
  });

  it('puts the secretary first in the committee, with the role secretary', () => {
    const org = newBranchDoc(branchInput({ secretaryName: '张淑珍' }), stamp());
    expect(org.committee[0]).toMatchObject({ role: 'secretary', title: '书记', name: '张淑珍' });
  });

  it('leaves the deputy out of the committee when none is given', () => {
    const org = newBranchDoc(branchInput({ deputyName: '' }), stamp());
    expect(org.committee.map((c) => c.role)).toEqual(['secretary']);
  });

  it('trims spaces from every name', () => {
    const org = newBranchDoc(
      branchInput({ name: ' 幸福社区第一党支部 ', parentName: ' 中共幸福街道工作委员会 ', secretaryName: ' 王建国 ', deputyName: ' 李秀英 ' }),
      stamp(),
    );
    expect([org.name, org.parentName, ...org.committee.map((c) => c.name)]).toEqual(['幸福社区第一党支部', '中共幸福街道工作委员会', '王建国', '李秀英']);
  });

  it('leaves foundedOn out when no founding date is given', () => {
    expect(newBranchDoc(branchInput({ foundedOn: undefined }), stamp())).not.toHaveProperty('foundedOn');
  });

  it('refuses invalid input with the message of the first wrong field', () => {
    expect(() => newBranchDoc(branchInput({ name: '', secretaryName: '' }), stamp())).toThrow('请填写支部全称，例如“市水利局离退休干部党支部”');
  });

  it('refuses a secretary name that is not a name', () => {
    expect(() => newBranchDoc(branchInput({ secretaryName: '书记123' }), stamp())).toThrow('请填写书记姓名（2至20个字，与身份证一致）');
  });

  it('builds a document the orgs collection schema accepts', () => {
    const result = ZSchema.create({ safe: true }).validate(newBranchDoc(branchInput(), stamp()), collections.orgs.schema as object);
    expect(result.err?.details ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });
});

describe('newBranchDoc dates', () => {
  it('dates the committee by the China calendar: 01:30 on 23 Nov in Beijing is still 22 Nov in UTC', () => {
    const org = newBranchDoc(branchInput(), stamp({ now: '2026-11-22T17:30:00.000Z' }));
    expect(org.committee.every((m) => m.since === '2026-11-23')).toBe(true);
  });
});
