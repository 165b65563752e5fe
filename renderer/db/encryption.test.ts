/** Encrypted fields: readable with the right key only, and tampering is detected. */
import { describe, expect, it } from 'vitest';
import { decryptValue, encryptValue, keyFor } from './encryption';

const identifiers = { idNumber: '11010519491231002X', phone: '13900000000', address: '解放路12号3单元301室' };

describe('field encryption', () => {
  it('gives back exactly what was encrypted', async () => {
    const key = await keyFor('device-key-0123456789');
    expect(await decryptValue(await encryptValue(identifiers, key), key)).toEqual(identifiers);
  });

  it('hides the content: no identifier appears in the stored text, and each encryption differs', async () => {
    const key = await keyFor('device-key-0123456789');
    const a = await encryptValue(identifiers, key);
    const b = await encryptValue(identifiers, key);
    expect(a).toMatch(/^g1:[A-Za-z0-9+/=]+$/);
    expect(a).not.toContain('1101051949');
    expect(a).not.toBe(b);
  });

  it('refuses to decrypt with another key', async () => {
    const sealed = await encryptValue(identifiers, await keyFor('device-key-0123456789'));
    await expect(decryptValue(sealed, await keyFor('another-key-987654321'))).rejects.toThrow();
  });

  it('detects a changed ciphertext instead of returning garbage', async () => {
    const key = await keyFor('device-key-0123456789');
    const sealed = await encryptValue(identifiers, key);
    const flipped = sealed.slice(0, 20) + (sealed[20] === 'A' ? 'B' : 'A') + sealed.slice(21);
    await expect(decryptValue(flipped, key)).rejects.toThrow();
  });

  it('refuses a value that is not in the stored form', async () => {
    await expect(decryptValue({ idNumber: 'plain' }, await keyFor('device-key-0123456789'))).rejects.toThrow('expected form');
  });
});
