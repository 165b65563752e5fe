import { describe, expect, it } from 'vitest';
import { fromBase64, toBase64 } from './bytes';

describe('base64', () => {
  it('writes the standard alphabet with padding', () => {
    expect(toBase64(new TextEncoder().encode('支部'))).toBe('5pSv6YOo');
    expect(toBase64(Uint8Array.of(0xfb, 0xff))).toBe('+/8=');
  });

  it('reads back a value longer than one chunk', () => {
    const bytes = new Uint8Array(0x8000 * 2 + 7).map((_, i) => (i * 31 + 7) % 256);
    expect(fromBase64(toBase64(bytes))).toEqual(bytes);
  });

  it('reads back every byte value', () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect([...fromBase64(toBase64(bytes))]).toEqual([...bytes]);
  });

  it('handles the empty value', () => {
    expect(toBase64(new Uint8Array())).toBe('');
    expect(fromBase64('')).toHaveLength(0);
  });

  it('refuses text that is not base64', () => {
    expect(() => fromBase64('这不是base64')).toThrow();
  });
});
