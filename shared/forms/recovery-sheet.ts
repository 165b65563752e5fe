/**
 * 数据恢复单: printed when the password is set (and again when a new recovery code is made). With the code
 * on it the data on this computer can be opened if the password is forgotten; whoever holds it can open
 * the data, so it says to keep it locked away like the branch's seal.
 */
import { cnDate, type FormDocument } from './document';

export interface RecoverySheetContext {
  branchName: string;
  /** The recovery code, as made (five groups of five). */
  code: string;
  /** The day it was made, 'YYYY-MM-DD'. */
  date: string;
}

export function recoverySheet({ branchName, code, date }: RecoverySheetContext): FormDocument {
  return {
    kind: 'recovery-sheet',
    title: '支部工作台数据恢复单',
    subtitle: branchName,
    layout: 'letter',
    blocks: [
      { kind: 'heading', text: '一、恢复码' },
      // On a line of its own in the heading type (黑体, larger), its groups spaced: it is read off paper and typed back.
      { kind: 'heading', text: code.split('-').join(' - ') },
      { kind: 'fields', rows: [[{ label: '生成日期', value: cnDate(date), span: 3 }], [{ label: '保管人', value: '' }, { label: '存放处', value: '', span: 2 }]] },
      { kind: 'heading', text: '二、什么时候用' },
      {
        kind: 'text',
        paragraphs: [
          '忘记了支部工作台的开机密码时，在输入密码的画面点「忘记密码？用恢复码」，照本单输入恢复码（字母不分大小写，横线可以不输），再设置一个新密码，本机的支部数据即可照常打开。',
          '恢复码只能打开生成它的这台电脑上的数据。修改密码后本单仍然有效；在「设置 → 密码与锁定」里重新生成恢复码后，本单作废，请销毁。',
        ],
      },
      { kind: 'heading', text: '三、怎样保管' },
      {
        kind: 'text',
        paragraphs: [
          '拿到本单的人可以打开本机保存的党员个人信息。请像保管支部印章一样，把本单锁在柜子里，不要夹在电脑包里，不要拍照发送。',
        ],
      },
      { kind: 'sign', lines: [branchName, cnDate(date)] },
    ],
  };
}
