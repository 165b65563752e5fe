/**
 * 离线同步码交接单: printed by the committee when it makes a branch's 离线同步码 (sync by file), and
 * handed to the branch's secretary in person. It carries the code in large type, the steps to type it
 * in and use it, and how to keep it: whoever holds the code can read and forge the branch's files.
 */
import { cnDate, type FormDocument } from './document';

export interface FileCodeSheetContext {
  committeeName: string;
  branchName: string;
  /** The code, as made (five groups of five). */
  code: string;
  /** The day it was made, 'YYYY-MM-DD'. */
  date: string;
}

export function fileCodeSheet({ committeeName, branchName, code, date }: FileCodeSheetContext): FormDocument {
  return {
    kind: 'file-code-sheet',
    title: '支部工作台离线同步码交接单',
    subtitle: branchName,
    layout: 'letter',
    blocks: [
      { kind: 'heading', text: '一、离线同步码' },
      // On a line of its own in the heading type, groups spaced: it is read off paper and typed in.
      { kind: 'heading', text: code.split('-').join(' - ') },
      {
        kind: 'fields',
        rows: [
          [{ label: '支部', value: branchName, span: 3 }],
          [{ label: '生成日期', value: cnDate(date), span: 3 }],
          [{ label: '交付人', value: '' }, { label: '接收人', value: '' }, { label: '交接日期', value: '' }],
        ],
      },
      { kind: 'heading', text: '二、怎样使用' },
      {
        kind: 'text',
        paragraphs: [
          '1. 在支部的电脑上打开支部工作台，点左边的「同步」，在「没有网络的支部：用同步文件」里输入本单上的离线同步码（字母不分大小写，横线和空格可以不输），点「保存同步码」。只需输入一次。',
          '2. 需要向上级报送时，点「导出同步文件」，保存到U盘，把U盘交给上级党委。',
          `3. ${committeeName}导入后会给一个回复文件（里面有审批结果），拿回来点「导入上级的回复文件」即可。`,
        ],
      },
      { kind: 'heading', text: '三、怎样保管' },
      {
        kind: 'text',
        paragraphs: [
          '同步文件是用这个码加密的：拿到本单的人能打开本支部的同步文件。请把本单和支部印章一样锁好，不要拍照发送。',
          '本单丢失或泄露时，请告诉上级党委重新生成离线同步码：旧码马上作废，本单随之作废，请销毁。',
        ],
      },
      { kind: 'sign', lines: [committeeName, cnDate(date)] },
    ],
  };
}
