import { describe, expect, it } from 'vitest';
import { personName } from '../demo/names';
import { SeededRandom } from '../demo/random';
import { MAX_SEARCH_KEY_LENGTH, MAX_SEARCH_KEYS, matchesName, searchKeys } from './pinyin-search';

describe('searchKeys', () => {
  it('reads 张三 as the syllables zhang san', () => {
    expect(searchKeys('张三')).toEqual(['zhang san']);
  });

  it('gives no keys for an empty name', () => {
    expect(searchKeys('')).toEqual([]);
  });

  it.each([
    ['单田芳', 'shan tian fang'],
    ['曾国藩', 'zeng guo fan'],
    ['解缙', 'xie jin'],
    ['仇英', 'qiu ying'],
    ['朴槿惠', 'piao jin hui'],
    ['区志航', 'ou zhi hang'],
    ['查良镛', 'zha liang yong'],
  ])('reads the surname of %s as a surname first: %s', (name, key) => {
    expect(searchKeys(name)[0]).toBe(key);
  });

  it.each([
    ['尉迟恭', 'yu chi gong'],
    ['万俟卨', 'mo qi xie'],
    ['长孙无忌', 'zhang sun wu ji'],
    ['欧阳修', 'ou yang xiu'],
  ])('reads the compound surname of %s as a surname: %s', (name, key) => {
    expect(searchKeys(name)[0]).toBe(key);
  });

  it('keeps the ordinary reading of a surname too, after the surname reading (单 read dan by mistake)', () => {
    expect(searchKeys('单田芳')).toEqual(['shan tian fang', 'dan tian fang']);
  });

  it('never mixes the two readings of a compound surname (万俟 is moqi or wansi, not moqi…wan)', () => {
    expect(searchKeys('万俟卨')).toEqual(['mo qi xie', 'wan si xie']);
  });

  it('adds the other reading of a 多音字 in the given name (乐 le or yue, 长 chang or zhang)', () => {
    expect(searchKeys('王长乐')).toEqual(expect.arrayContaining(['wang chang le', 'wang chang yue', 'wang zhang le']));
  });

  it('puts the reading in context first for a 多音字 in the given name', () => {
    expect(searchKeys('张重庆')[0]).toBe('zhang zhong qing');
  });

  it('writes ü as v, as a pinyin keyboard does', () => {
    expect(searchKeys('吕布')).toEqual(['lv bu']);
  });

  it('leaves out the separator dot of a minority name', () => {
    expect(searchKeys('阿依古丽·买买提')[0]).toBe('a yi gu li mai mai ti');
  });

  it(`keeps at most ${MAX_SEARCH_KEYS} keys for a name full of 多音字, the likely reading first`, () => {
    const keys = searchKeys('乐长重行朝传都还');
    expect(keys).toHaveLength(MAX_SEARCH_KEYS);
    expect(keys[0]).toBe('yue chang zhong xing chao chuan dou hai');
    expect(new Set(keys).size).toBe(keys.length);
  });

  it(`keeps every key within ${MAX_SEARCH_KEY_LENGTH} characters, cut at a syllable`, () => {
    const longName = '阿卜杜热合曼·买买提明·艾合买提江·阿不都热依木·吐尔逊';
    for (const key of searchKeys(longName)) {
      expect(key.length).toBeLessThanOrEqual(MAX_SEARCH_KEY_LENGTH);
      expect(key.endsWith(' ')).toBe(false);
    }
    expect(searchKeys(longName)[0]).toMatch(/^a bu du re he man mai mai ti ming/);
  });

  it('keeps a character pinyin-pro does not know as itself', () => {
    expect(searchKeys('𠮷野')).toEqual(['𠮷 ye']);
  });
});

describe('matchesName', () => {
  it.each(['', '   '])('finds everyone with the empty query %j', (query) => {
    expect(matchesName(query, '张三')).toBe(true);
  });

  it('finds 张三 by its initials zs', () => {
    expect(matchesName('zs', '张三')).toBe(true);
  });

  it('finds 张三 by its full pinyin zhangsan', () => {
    expect(matchesName('zhangsan', '张三')).toBe(true);
  });

  it('finds 张三 by a prefix of its full pinyin, zhangs', () => {
    expect(matchesName('zhangs', '张三')).toBe(true);
  });

  it('ignores case', () => {
    expect(matchesName('ZhangSan', '张三')).toBe(true);
  });

  it('ignores spaces in the query', () => {
    expect(matchesName('zhang s', '张三')).toBe(true);
  });

  it('reads full-width letters typed by a Chinese keyboard', () => {
    expect(matchesName('ＺＳ', '张三')).toBe(true);
  });

  it('finds a name by part of it in characters', () => {
    expect(matchesName('田芳', '单田芳')).toBe(true);
  });

  it('finds a name by the pinyin of its given name alone', () => {
    expect(matchesName('tianfang', '单田芳')).toBe(true);
  });

  it('finds 张三丰 by full pinyin of the surname and initials of the given name', () => {
    expect(matchesName('zhangsf', '张三丰')).toBe(true);
  });

  it('finds 王安娜 by w + an + na, though wan also begins wang', () => {
    expect(matchesName('wanna', '王安娜')).toBe(true);
  });

  it('finds 张三 by a character followed by pinyin, 张s', () => {
    expect(matchesName('张s', '张三')).toBe(true);
  });

  it('finds 张三 by pinyin followed by a character, zhang三', () => {
    expect(matchesName('zhang三', '张三')).toBe(true);
  });

  it('finds 张三丰 by a mix of characters and initials, 张sf', () => {
    expect(matchesName('张sf', '张三丰')).toBe(true);
  });

  it.each([
    ['shantianfang', '单田芳'],
    ['stf', '单田芳'],
    ['zgf', '曾国藩'],
    ['zengguofan', '曾国藩'],
    ['xiejin', '解缙'],
    ['qiuying', '仇英'],
    ['piaojinhui', '朴槿惠'],
    ['ouzhihang', '区志航'],
    ['zhaliangyong', '查良镛'],
    ['yuchigong', '尉迟恭'],
    ['ycg', '尉迟恭'],
    ['moqixie', '万俟卨'],
    ['zhangsunwuji', '长孙无忌'],
  ])('finds a 多音字 surname read as a surname: %s finds %s', (query, name) => {
    expect(matchesName(query, name)).toBe(true);
  });

  it('finds 王长乐 by either reading of the 多音字 乐 in the given name', () => {
    expect(matchesName('wangchangle', '王长乐')).toBe(true);
    expect(matchesName('wangchangyue', '王长乐')).toBe(true);
  });

  it('accepts ü for the v of 吕', () => {
    expect(matchesName('lü', '吕布')).toBe(true);
    expect(matchesName('lvbu', '吕布')).toBe(true);
  });

  it('finds a minority name typed without its separator dot', () => {
    expect(matchesName('古丽买买提', '阿依古丽·买买提')).toBe(true);
  });

  it('does not find 张三 by the initials of someone else, ls', () => {
    expect(matchesName('ls', '张三')).toBe(false);
  });

  it('does not find 张三 by initials in the wrong order, sz', () => {
    expect(matchesName('sz', '张三')).toBe(false);
  });

  it('does not find 张三 by pinyin longer than the name, zhangsana', () => {
    expect(matchesName('zhangsana', '张三')).toBe(false);
  });

  it('does not start a match inside a syllable: hangsan does not find 张三', () => {
    expect(matchesName('hangsan', '张三')).toBe(false);
  });

  it('tells san from shan: zhangsan does not find 章山', () => {
    expect(matchesName('zhangsan', '章山')).toBe(false);
  });

  it('does not find 张三 by a character not in the name', () => {
    expect(matchesName('李', '张三')).toBe(false);
  });

  it('does not find 张三 by a character in the right place followed by wrong pinyin, 张l', () => {
    expect(matchesName('张l', '张三')).toBe(false);
  });

  it('does not find 张三丰 by characters that are not next to each other, 张丰', () => {
    expect(matchesName('张丰', '张三丰')).toBe(false);
  });

  it('does not find 曾国藩 by the initials of another surname, lgf', () => {
    expect(matchesName('lgf', '曾国藩')).toBe(false);
  });

  it('matches against the keys it is given instead of reading the name again', () => {
    expect(matchesName('abc', '张三', ['a b c'])).toBe(true);
    expect(matchesName('zs', '张三', ['a b c'])).toBe(false);
  });

  it('gives the same answers with stored keys as without them', () => {
    const names = ['张三', '单田芳', '王长乐', '尉迟恭', '阿依古丽·买买提'];
    const queries = ['zs', 'shan', 'dtf', 'wcy', 'yuchi', '古丽m', 'zz', '王'];
    for (const name of names) {
      const keys = searchKeys(name);
      for (const query of queries) expect(matchesName(query, name, keys), `${query} / ${name}`).toBe(matchesName(query, name));
    }
  });

  it('searches a roster of 10,000 names with stored keys', () => {
    const random = new SeededRandom(20260701);
    const names = Array.from({ length: 10_000 }, (_, i) => personName(random, i % 2 === 0 ? 'male' : 'female', 1930 + (i % 75)));
    const keys = names.map(searchKeys);
    const found = (query: string) => names.filter((name, i) => matchesName(query, name, keys[i]));

    expect(found('王建')).toEqual(names.filter((name) => name.includes('王建')));
    const wjg = found('wjg');
    expect(wjg).toEqual(expect.arrayContaining(names.filter((name) => name.startsWith('王建国'))));
    expect(wjg.length).toBeGreaterThan(0);
    expect(found('zhang')).toEqual(expect.arrayContaining(names.filter((name) => name.startsWith('张'))));
    expect(found('qqqq')).toEqual([]);
  });
});
