import { describe, expect, it } from 'vitest';
import { newId, randomBytes } from './random';

describe('pooled randomness', () => {
  it('gives fresh bytes on every call, across pool refills', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 20_000; i++) seen.add(randomBytes(12).join(','));
    expect(seen.size).toBe(20_000);
  });

  it('makes ULIDs: 26 Crockford characters, unique, ordered by time', () => {
    const ids = Array.from({ length: 5000 }, () => newId(1_800_000_000_000));
    expect(new Set(ids).size).toBe(5000);
    for (const id of ids) expect(id).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(newId(1_700_000_000_000) < newId(1_800_000_000_000)).toBe(true);
  });
});
