/** Drafts survive a crash, encrypted: the stored entry holds no ID number in clear; a foreign key reads nothing. */
import { describe, expect, it } from 'vitest';
import { dropDraft, readDraft, writeDraft, type DraftStore } from './drafts';

function memoryStore(): DraftStore & { raw: Map<string, string> } {
  const raw = new Map<string, string>();
  return { raw, getItem: (k) => raw.get(k) ?? null, setItem: (k, v) => void raw.set(k, v), removeItem: (k) => void raw.delete(k) };
}

const values = { name: '张建华', idNumber: '110105195003150019', phone: '13900000000' };

describe('form drafts', () => {
  it('come back as typed after the app was closed unexpectedly', async () => {
    const store = memoryStore();
    await writeDraft('person:new', values, 'device-key', store);
    expect((await readDraft('person:new', 'device-key', store))?.values).toEqual(values);
  });

  it('are stored encrypted: no ID number or phone in clear', async () => {
    const store = memoryStore();
    await writeDraft('person:new', values, 'device-key', store);
    const stored = [...store.raw.values()].join();
    expect(stored).not.toContain(values.idNumber);
    expect(stored).not.toContain(values.phone);
    expect(stored).not.toContain('张建华');
  });

  it('are dropped, not shown, when they cannot be read with this computer’s key', async () => {
    const store = memoryStore();
    await writeDraft('person:new', values, 'old-key', store);
    expect(await readDraft('person:new', 'new-key', store)).toBeNull();
    expect(store.raw.size).toBe(0);
  });

  it('are gone once the form is saved or cancelled', async () => {
    const store = memoryStore();
    await writeDraft('care:new', { note: '水果一篮' }, 'device-key', store);
    dropDraft('care:new', store);
    expect(await readDraft('care:new', 'device-key', store)).toBeNull();
  });
});
