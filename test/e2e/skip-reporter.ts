/** Prints why each skipped test was skipped, in one line (the list reporter shows only a dash). */
import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter';

export default class SkipReasonReporter implements Reporter {
  private readonly reasons = new Set<string>();

  onTestEnd(test: TestCase, result: TestResult): void {
    if (result.status !== 'skipped') return;
    const reason = test.annotations.find((a) => a.type === 'skip')?.description ?? '未说明原因';
    this.reasons.add(`[${test.parent.project()?.name ?? ''}] 跳过：${reason}`);
  }

  onEnd(): void {
    for (const line of this.reasons) console.log(line);
  }

  printsToStdio(): boolean {
    return true;
  }
}
