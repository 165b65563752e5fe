/**
 * The statistics tables a committee asks for, in one definition for the screen, the A4 print and
 * the Excel export: a title, a header row, and rows of label + numbers.
 */
import { EDUCATION_LEVELS, PERSON_CATEGORIES } from '../model';
import { AGE_BANDS, PARTY_AGE_BANDS, type GoldenMedalCandidate, type NewMembersStatistics, type RosterStatistics } from '../rules/statistics';
import { CATEGORY_LABELS, EDUCATION_LABELS } from './labels';

export interface StatTable {
  title: string;
  headers: string[];
  rows: (string | number)[][];
  /** Which column holds the count to draw as a bar on screen, if any. */
  barColumn?: number;
}

/** A share as printed in committee reports: one decimal, '—' when there is nothing to divide. */
export function percent(part: number, whole: number): string {
  return whole === 0 ? '—' : `${((part / whole) * 100).toFixed(1)}%`;
}

const AGE_LABELS: Record<(typeof AGE_BANDS)[number] | 'unknown', string> = {
  '0-30': '30岁及以下', '31-35': '31至35岁', '36-40': '36至40岁', '41-45': '41至45岁', '46-50': '46至50岁', '51-55': '51至55岁',
  '56-60': '56至60岁', '61-70': '61至70岁', '71-80': '71至80岁', '81-90': '81至90岁', '91+': '91岁及以上', unknown: '出生日期不详',
};
const PARTY_AGE_LABELS: Record<(typeof PARTY_AGE_BANDS)[number] | 'probationary' | 'unknown', string> = {
  '0-9': '不满10年', '10-19': '10至19年', '20-29': '20至29年', '30-39': '30至39年', '40-49': '40至49年', '50+': '50年及以上',
  probationary: '预备党员（未计党龄）', unknown: '转正日期不详',
};

function breakdown<K extends string>(title: string, first: string, keys: readonly K[], labels: Record<K, string>, counts: Record<K, number>, total: number, keepZero: (k: K) => boolean): StatTable {
  return {
    title,
    headers: [first, '人数', '占比'],
    rows: keys.filter((k) => counts[k] > 0 || keepZero(k)).map((k) => [labels[k], counts[k], percent(counts[k], total)]),
    barColumn: 1,
  };
}

export function statisticsTables(stats: RosterStatistics, newMembers: readonly NewMembersStatistics[], medals: readonly GoldenMedalCandidate[], nextQiYi: string): StatTable[] {
  const m = stats.members;
  const tables: StatTable[] = [
    {
      title: '党员基本情况',
      headers: ['项目', '人数', '占党员总数'],
      rows: [
        ['党员总数', m, percent(m, m)],
        ['正式党员', stats.full, percent(stats.full, m)],
        ['预备党员', stats.probationary, percent(stats.probationary, m)],
        ['女党员', stats.women, percent(stats.women, m)],
        ['少数民族党员', stats.ethnicity.minority, percent(stats.ethnicity.minority, m)],
        ['35岁及以下党员', stats.agedUpTo35, percent(stats.agedUpTo35, m)],
        ...(stats.ethnicity.unknown > 0 ? [['民族不详', stats.ethnicity.unknown, percent(stats.ethnicity.unknown, m)] as (string | number)[]] : []),
      ],
    },
    breakdown('按人员类别', '类别', PERSON_CATEGORIES, CATEGORY_LABELS, stats.categories, m, (k) => k === 'employed' || k === 'retired'),
    breakdown('按年龄', '年龄段', [...AGE_BANDS, 'unknown'] as const, AGE_LABELS, stats.ageBands, m, (k) => k !== 'unknown'),
    breakdown('按学历', '学历', [...EDUCATION_LEVELS, 'unknown'] as const, { ...EDUCATION_LABELS, unknown: '学历不详' }, stats.education, m, (k) => k !== 'unknown'),
    breakdown('按党龄', '党龄', [...PARTY_AGE_BANDS, 'probationary', 'unknown'] as const, PARTY_AGE_LABELS, stats.partyAge, m, (k) => k !== 'unknown' && k !== 'probationary'),
    {
      title: '发展党员情况',
      headers: ['年度', '发展党员', '其中女性', '35岁及以下', '大专及以上'],
      rows: newMembers.map((n) => [`${n.year}年`, n.total, n.women, n.agedUpTo35, n.collegeOrAbove]),
    },
    {
      title: `光荣在党50年（至${nextQiYi}党龄满50年）`,
      headers: ['姓名', '转正日期', '满50年日期'],
      rows: medals.length ? medals.map((c) => [c.name, c.confirmedOn, c.reachesOn]) : [['（无）', '', '']],
    },
  ];
  return tables;
}
