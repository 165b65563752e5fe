import { describe, expect, it } from 'vitest';
import { schemaFingerprint } from './fingerprint';

describe('schemaFingerprint', () => {
  it('does not depend on the order of keys', () => {
    expect(schemaFingerprint({ a: 1, b: { c: [1, 2], d: 'x' } })).toBe(schemaFingerprint({ b: { d: 'x', c: [1, 2] }, a: 1 }));
  });
  it('changes when a value changes or array items swap', () => {
    const base = schemaFingerprint({ version: 0, indexes: ['a', 'b'] });
    expect(schemaFingerprint({ version: 1, indexes: ['a', 'b'] })).not.toBe(base);
    expect(schemaFingerprint({ version: 0, indexes: ['b', 'a'] })).not.toBe(base);
  });
  it('is eight hex digits', () => {
    expect(schemaFingerprint({})).toMatch(/^[0-9a-f]{8}$/);
  });
});
