/**
 * Name parts for plausible demo people. Given names follow the fashions of each generation:
 * members born 1930–1966 carry names like 建国, 秀英, 桂兰; younger candidates names like 晓东, 婷.
 */
import type { SeededRandom } from './random';

/** Common surnames, roughly weighted by frequency. */
const SURNAMES: readonly (readonly [string, number])[] = [
  ['王', 72], ['李', 71], ['张', 68], ['刘', 55], ['陈', 46], ['杨', 32], ['黄', 25], ['赵', 21], ['吴', 20], ['周', 19],
  ['徐', 15], ['孙', 15], ['马', 14], ['朱', 13], ['胡', 12], ['郭', 11], ['何', 11], ['高', 10], ['林', 10], ['罗', 9],
  ['郑', 9], ['梁', 8], ['谢', 7], ['宋', 7], ['唐', 7], ['许', 6], ['韩', 6], ['冯', 6], ['邓', 6], ['曹', 5],
  ['彭', 5], ['曾', 5], ['萧', 4], ['田', 4], ['董', 4], ['潘', 3], ['袁', 3], ['蔡', 3], ['蒋', 3], ['余', 3],
  ['于', 3], ['杜', 3], ['叶', 3], ['程', 3], ['魏', 3], ['苏', 3], ['吕', 3], ['丁', 2], ['任', 2], ['卢', 2],
  ['姚', 2], ['沈', 2], ['钟', 2], ['姜', 2], ['崔', 2], ['谭', 2], ['陆', 2], ['范', 2], ['汪', 2], ['廖', 2],
  ['石', 2], ['金', 2], ['贾', 2], ['夏', 2], ['韦', 2], ['付', 2], ['方', 2], ['邹', 2], ['熊', 2], ['白', 2],
  ['孟', 2], ['秦', 2], ['邱', 2], ['侯', 2], ['江', 2], ['尹', 2], ['薛', 2], ['闫', 2], ['段', 2], ['雷', 2],
  ['欧阳', 1], ['司马', 1],
];

const OLDER_MALE = [
  '建国', '建华', '国庆', '国华', '志强', '志明', '德明', '德胜', '文华', '文斌', '振华', '振国', '卫国', '卫东', '红军',
  '解放', '胜利', '援朝', '保国', '永康', '永生', '福生', '长春', '金海', '玉山', '树林', '宝山', '连生', '广才', '正清',
  '立新', '向东', '跃进', '世昌', '兆林', '庆林', '汉章', '守仁', '克勤', '明远',
] as const;
const OLDER_FEMALE = [
  '秀英', '桂英', '玉兰', '淑珍', '桂兰', '秀兰', '凤英', '淑英', '玉珍', '秀珍', '素珍', '丽华', '美华', '桂芳', '玉梅',
  '红梅', '冬梅', '爱华', '爱民', '彩霞', '翠兰', '金凤', '银花', '月娥', '惠芳', '淑兰', '秀云', '春兰', '巧云', '素英',
] as const;
const YOUNGER_MALE = ['晓东', '海涛', '浩', '磊', '鹏', '俊杰', '子豪', '宇航', '志远', '嘉伟', '博文', '昊天', '文轩', '振宇'] as const;
const YOUNGER_FEMALE = ['婷', '静怡', '晓雯', '丽娜', '佳琪', '雨欣', '思琪', '梦瑶', '欣怡', '雪', '晶晶', '慧敏', '若曦', '诗涵'] as const;

export function personName(random: SeededRandom, gender: 'male' | 'female', birthYear: number): string {
  const surname = random.weighted(SURNAMES);
  const older = birthYear < 1975;
  const given =
    gender === 'male' ? random.pick(older ? OLDER_MALE : YOUNGER_MALE) : random.pick(older ? OLDER_FEMALE : YOUNGER_FEMALE);
  return surname + given;
}

/** A name not already in `taken`; adds it there. */
export function uniqueName(random: SeededRandom, gender: 'male' | 'female', birthYear: number, taken: Set<string>): string {
  for (let attempt = 0; attempt < 50; attempt++) {
    const name = personName(random, gender, birthYear);
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
  // Large data sets run out of distinct two-part names: add a single-character given name suffix.
  for (let n = 2; ; n++) {
    const name = `${personName(random, gender, birthYear)}${'甲乙丙丁戊己庚辛壬癸'[n % 10]}`;
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
}

export const ETHNICITIES: readonly (readonly [string, number])[] = [
  ['汉族', 92], ['回族', 2], ['满族', 2], ['蒙古族', 1], ['壮族', 1], ['朝鲜族', 1], ['土家族', 1],
];

export const NATIVE_PLACES = [
  '河北保定', '山东济南', '山东潍坊', '河南开封', '山西太原', '江苏南京', '江苏徐州', '浙江绍兴', '安徽合肥', '湖北武汉',
  '湖南长沙', '四川成都', '辽宁沈阳', '吉林长春', '黑龙江哈尔滨', '陕西西安', '江西南昌', '福建福州', '广东广州', '天津',
] as const;

export const STREETS = ['解放路', '人民路', '建设路', '和平街', '光明路', '胜利路', '文化路', '新华路', '长江路', '黄河路'] as const;
