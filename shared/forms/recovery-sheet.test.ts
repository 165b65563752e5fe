import { describe, expect, it } from 'vitest';
import { formText } from './document';
import { recoverySheet } from './recovery-sheet';

describe('数据恢复单', () => {
  it('carries the branch, the code as made, the date in Chinese and how to keep it', () => {
    const sheet = recoverySheet({ branchName: '东风社区第一党支部', code: '7K2QM-A1B2C-D3E4F-G5H6J-K7M8N', date: '2026-11-23' });
    const text = formText(sheet);
    expect(sheet.title).toBe('支部工作台数据恢复单');
    expect(text).toContain('东风社区第一党支部');
    expect(text).toContain('7K2QM - A1B2C - D3E4F - G5H6J - K7M8N');
    expect(text).toContain('2026年11月23日');
    expect(text).toContain('忘记密码？用恢复码');
    expect(text).toContain('像保管支部印章一样');
  });
});
