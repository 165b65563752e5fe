/**
 * The Chinese words for stored codes, as they are printed on forms and written in Excel sheets.
 * One table per code set; `codeOf` reads a word back (for imports), accepting common variants.
 */
import type { ArchiveReason, EducationLevel, Gender, PartyStatus, PersonCategory } from '../model';

export const GENDER_LABELS: Record<Gender, string> = { male: '男', female: '女' };

export const STATUS_LABELS: Record<PartyStatus, string> = {
  full: '正式党员',
  probationary: '预备党员',
  candidate: '发展对象',
  activist: '入党积极分子',
  applicant: '入党申请人',
};

export const CATEGORY_LABELS: Record<PersonCategory, string> = {
  employed: '在职',
  retired: '离退休',
  mobile: '流动党员',
  'lost-contact': '失联',
  farmer: '农民',
  student: '学生',
  unemployed: '下岗失业',
  other: '其他',
};

export const EDUCATION_LABELS: Record<EducationLevel, string> = {
  postgraduate: '研究生',
  bachelor: '本科',
  college: '大专',
  secondary: '中专/高中',
  'junior-or-below': '初中及以下',
};

export const ARCHIVE_REASON_LABELS: Record<ArchiveReason, string> = {
  deceased: '去世',
  'transferred-out': '转出',
  removed: '除名',
  withdrew: '退党',
};

/** Words people write for the same thing in existing rosters. */
const VARIANTS: Record<string, string> = {
  '男性': '男', '女性': '女',
  '正式': '正式党员', '预备': '预备党员', '积极分子': '入党积极分子', '申请人': '入党申请人',
  '中共党员': '正式党员', '党员': '正式党员', '中共正式党员': '正式党员', '中共预备党员': '预备党员', '离休干部': '离退休', '退休干部': '离退休',
  '离休': '离退休', '退休': '离退休', '离退休干部': '离退休', '在岗': '在职', '流动': '流动党员',
  '硕士': '研究生', '博士': '研究生', '硕士研究生': '研究生', '博士研究生': '研究生', '大学': '本科', '大学本科': '本科',
  '专科': '大专', '大学专科': '大专', '高中': '中专/高中', '中专': '中专/高中', '中技': '中专/高中', '技校': '中专/高中', '职高': '中专/高中',
  '初中': '初中及以下', '小学': '初中及以下', '文盲': '初中及以下', '半文盲': '初中及以下',
};

/** The code for a word in a label table, or undefined. Spaces and common variants are accepted. */
export function codeOf<C extends string>(labels: Record<C, string>, word: string): C | undefined {
  const cleaned = word.replace(/\s+/g, '');
  const canonical = VARIANTS[cleaned] ?? cleaned;
  return (Object.keys(labels) as C[]).find((code) => labels[code] === canonical);
}
