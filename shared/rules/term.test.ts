import { describe, expect, it } from 'vitest';
import { termStatus } from './term';

const org = (terms: { electedOn: string; years: number }[]) => ({ terms });

describe('termStatus (R-TERM)', () => {
  it('has nothing to say when no election is recorded', () => {
    expect(termStatus(org([]), '2026-11-23')).toBeNull();
  });
  it('runs a 3-year term to the same day three years later', () => {
    expect(termStatus(org([{ electedOn: '2025-06-18', years: 3 }]), '2026-11-23')).toMatchObject({ endsOn: '2028-06-18', state: 'running' });
  });
  it('reminds from six months before the end, not a day earlier', () => {
    const term = org([{ electedOn: '2024-06-18', years: 3 }]);
    expect(termStatus(term, '2026-12-17')?.state).toBe('running');
    expect(termStatus(term, '2026-12-18')?.state).toBe('due-soon');
  });
  it('is overdue from the last day of the term', () => {
    expect(termStatus(org([{ electedOn: '2023-11-23', years: 3 }]), '2026-11-23')).toMatchObject({ state: 'overdue', message: expect.stringContaining('应及时换届') });
  });
  it('reads the latest election whatever order the terms were entered in', () => {
    const status = termStatus(org([{ electedOn: '2025-01-10', years: 5 }, { electedOn: '2019-01-10', years: 3 }]), '2026-11-23');
    expect(status).toMatchObject({ electedOn: '2025-01-10', endsOn: '2030-01-10' });
  });
  it('counts a term from 29 February to 28 February', () => {
    expect(termStatus(org([{ electedOn: '2024-02-29', years: 3 }]), '2026-11-23')?.endsOn).toBe('2027-02-28');
  });
});
