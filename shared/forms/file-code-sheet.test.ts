import { describe, expect, it } from 'vitest';
import { formText } from './document';
import { fileCodeSheet } from './file-code-sheet';

describe('离线同步码交接单', () => {
  const sheet = fileCodeSheet({ committeeName: '中共市水利局机关委员会', branchName: '市水利局离退休干部党支部', code: '7K2QD-M4X9A-PB3WR-C8N5T-FH6JZ', date: '2026-12-06' });
  const text = formText(sheet);

  it('carries the code in its groups, the branch, the committee and the date in Chinese', () => {
    expect(sheet.title).toBe('支部工作台离线同步码交接单');
    expect(text).toContain('7K2QD - M4X9A - PB3WR - C8N5T - FH6JZ');
    expect(text).toContain('市水利局离退休干部党支部');
    expect(text).toContain('中共市水利局机关委员会导入后会给一个回复文件');
    expect(text).toContain('2026年12月6日');
  });

  it('names the buttons the secretary will press, and says how to keep it', () => {
    for (const words of ['「同步」', '「保存同步码」', '「导出同步文件」', '「导入上级的回复文件」', '交付人', '接收人', '旧码马上作废']) expect(text).toContain(words);
  });
});
