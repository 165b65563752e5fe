import { useState } from 'react';

/**
 * A dialog's 保存: shows the button busy while saving, closes the dialog only when the save says
 * it succeeded, and otherwise keeps what was typed (the save itself shows why it failed).
 */
export function useSaving(close: () => void): { busy: boolean; save: (attempt: () => Promise<boolean>) => Promise<void> } {
  const [busy, setBusy] = useState(false);
  const save = async (attempt: () => Promise<boolean>) => {
    setBusy(true);
    const saved = await attempt().finally(() => setBusy(false));
    if (saved) close();
  };
  return { busy, save };
}
