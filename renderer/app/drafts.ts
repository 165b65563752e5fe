/**
 * Drafts of open forms: what is typed is kept (encrypted with the data key, since forms hold ID
 * numbers and phones) a moment after each change, so after a crash or a power cut the form opens
 * again with it. Saving the form or cancelling it removes the draft.
 */
import { useEffect, useRef, useState } from 'react';
import type { FormInstance } from 'antd';
import { decryptValue, encryptValue, keyFor } from '../db/encryption';
import { dataKey } from '../security/session';

const PREFIX = 'branchdesk.draft.';
const SAVE_DELAY_MS = 400;

export interface DraftStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export async function writeDraft(id: string, values: unknown, dataKey: string, store: DraftStore = localStorage): Promise<void> {
  store.setItem(PREFIX + id, JSON.stringify({ savedAt: new Date().toISOString(), sealed: await encryptValue(values, await keyFor(dataKey)) }));
}

/** The draft, or null when there is none or it cannot be read (another key, a damaged entry: dropped). */
export async function readDraft<T>(id: string, dataKey: string, store: DraftStore = localStorage): Promise<{ values: T; savedAt: string } | null> {
  const raw = store.getItem(PREFIX + id);
  if (!raw) return null;
  try {
    const { savedAt, sealed } = JSON.parse(raw) as { savedAt: string; sealed: string };
    return { values: (await decryptValue(sealed, await keyFor(dataKey))) as T, savedAt };
  } catch {
    store.removeItem(PREFIX + id);
    return null;
  }
}

export function dropDraft(id: string, store: DraftStore = localStorage): void {
  store.removeItem(PREFIX + id);
}

/**
 * Keeps an antd form's values as a draft under `id`; restores a draft left by a crash when the form
 * opens. Returns when the restored draft was saved (to tell the user) and `clear` for save/cancel.
 */
export function useFormDraft(form: FormInstance, id: string): { restoredAt: string | null; onValuesChange: () => void; clear: () => void } {
  const [restoredAt, setRestoredAt] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const cleared = useRef(false);
  useEffect(() => {
    let live = true;
    void Promise.resolve()
      .then(() => readDraft<Record<string, unknown>>(id, dataKey()))
      .then((draft) => {
        if (!live || !draft) return;
        form.setFieldsValue(draft.values);
        setRestoredAt(draft.savedAt);
      });
    return () => {
      live = false;
      if (timer.current) clearTimeout(timer.current);
    };
  }, [form, id]);
  const onValuesChange = () => {
    cleared.current = false;
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      if (cleared.current) return;
      void Promise.resolve()
        .then(() => writeDraft(id, form.getFieldsValue(true), dataKey()))
        .catch((error: unknown) => console.error('draft', error));
    }, SAVE_DELAY_MS);
  };
  const clear = () => {
    cleared.current = true;
    if (timer.current) clearTimeout(timer.current);
    dropDraft(id);
  };
  return { restoredAt, onValuesChange, clear };
}
