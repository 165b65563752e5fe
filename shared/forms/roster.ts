/**
 * The roster's columns (花名册): the order and words of the Excel template, the import mapping,
 * the export and the printed roster. One definition, so the four never disagree.
 */
import type { PersonDoc } from '../model';
import { CATEGORY_LABELS, EDUCATION_LABELS, GENDER_LABELS, STATUS_LABELS } from './labels';

export type RosterField =
  | 'name' | 'gender' | 'ethnicity' | 'birthDate' | 'idNumber' | 'nativePlace' | 'education' | 'workUnit' | 'position'
  | 'category' | 'status' | 'joinedOn' | 'confirmedOn' | 'group' | 'phone' | 'address' | 'emergencyContact'
  | 'limitedMobility' | 'bedridden' | 'duesBase' | 'note';

export interface RosterColumn {
  field: RosterField;
  label: string;
  /** Other headers existing rosters use for the same column (for the import's automatic mapping). */
  aliases: string[];
  required: boolean;
  /** Drop-down choices in the Excel template. */
  choices?: string[];
  width: number;
  example: string;
  /** The longest text the people schema stores for this column. */
  maxLength: number;
}

const yesNo = ['是', '否'];

export const ROSTER_COLUMNS: RosterColumn[] = [
  { field: 'name', label: '姓名', aliases: ['党员姓名'], required: true, width: 10, example: '张三', maxLength: 40 },
  { field: 'gender', label: '性别', aliases: [], required: true, choices: Object.values(GENDER_LABELS), width: 6, example: '男', maxLength: 2 },
  { field: 'ethnicity', label: '民族', aliases: [], required: false, width: 8, example: '汉族', maxLength: 20 },
  { field: 'birthDate', label: '出生日期', aliases: ['出生年月', '生日'], required: true, width: 12, example: '1950-03-15', maxLength: 20 },
  { field: 'idNumber', label: '公民身份号码', aliases: ['身份证号', '身份证号码', '身份证'], required: false, width: 21, example: '110105195003150019', maxLength: 18 },
  { field: 'nativePlace', label: '籍贯', aliases: [], required: false, width: 10, example: '河北保定', maxLength: 100 },
  { field: 'education', label: '学历', aliases: ['文化程度'], required: false, choices: Object.values(EDUCATION_LABELS), width: 11, example: '大专', maxLength: 10 },
  { field: 'workUnit', label: '工作单位', aliases: ['单位', '原单位', '工作单位及职务'], required: false, width: 20, example: '市水利局', maxLength: 200 },
  { field: 'position', label: '职务', aliases: ['原职务'], required: false, width: 10, example: '原科长', maxLength: 100 },
  { field: 'category', label: '人员类别', aliases: ['类别', '党员类别'], required: true, choices: Object.values(CATEGORY_LABELS), width: 10, example: '离退休', maxLength: 10 },
  { field: 'status', label: '党籍状态', aliases: ['党员状态', '政治面貌'], required: true, choices: Object.values(STATUS_LABELS), width: 12, example: '正式党员', maxLength: 10 },
  { field: 'joinedOn', label: '入党日期', aliases: ['入党时间'], required: false, width: 12, example: '1975-07-01', maxLength: 20 },
  { field: 'confirmedOn', label: '转正日期', aliases: ['转正时间'], required: false, width: 12, example: '1976-07-01', maxLength: 20 },
  { field: 'group', label: '党小组', aliases: ['所在党小组'], required: false, width: 16, example: '第一党小组', maxLength: 100 },
  { field: 'phone', label: '联系电话', aliases: ['电话', '手机', '手机号'], required: false, width: 14, example: '13900000000', maxLength: 40 },
  { field: 'address', label: '居住地址', aliases: ['住址', '家庭住址', '现住址'], required: false, width: 24, example: '解放路12号3单元301室', maxLength: 200 },
  { field: 'emergencyContact', label: '紧急联系人', aliases: [], required: false, width: 18, example: '张小明 13800000000', maxLength: 100 },
  { field: 'limitedMobility', label: '行动不便', aliases: [], required: false, choices: yesNo, width: 9, example: '否', maxLength: 2 },
  { field: 'bedridden', label: '长期卧床', aliases: [], required: false, choices: yesNo, width: 9, example: '否', maxLength: 2 },
  { field: 'duesBase', label: '党费基数（元）', aliases: ['党费基数', '工资基数', '基本养老金'], required: false, width: 12, example: '4500.00', maxLength: 20 },
  { field: 'note', label: '备注', aliases: [], required: false, width: 20, example: '', maxLength: 2000 },
];

export function columnOf(field: RosterField): RosterColumn {
  return ROSTER_COLUMNS.find((c) => c.field === field)!;
}

/** A person's value in a roster column, as printed and exported. */
export function rosterCell(person: PersonDoc, field: RosterField, groupName: (groupId: string) => string = () => ''): string {
  switch (field) {
    case 'gender':
      return GENDER_LABELS[person.gender];
    case 'education':
      return person.education ? EDUCATION_LABELS[person.education] : '';
    case 'category':
      return CATEGORY_LABELS[person.category];
    case 'status':
      return STATUS_LABELS[person.status];
    case 'group':
      return person.groupId ? groupName(person.groupId) : '';
    case 'idNumber':
    case 'phone':
    case 'address':
    case 'emergencyContact':
      return person.private?.[field] ?? '';
    case 'limitedMobility':
    case 'bedridden':
      return person[field] ? '是' : '否';
    case 'duesBase':
      return person.duesBaseFen === undefined ? '' : (person.duesBaseFen / 100).toFixed(2);
    default:
      return person[field] ?? '';
  }
}
