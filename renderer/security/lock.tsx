/**
 * The app lock: after some minutes without a key press or a click, and on demand (锁定 in the header),
 * the screen is covered by the password screen and the app under it cannot be reached (inert). Nothing
 * is closed: the database stays open and a half-filled form stays as it was. Only with a password set.
 */
import { create } from 'zustand';
import { useEffect, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { checkPassword, checkRecoveryCode, protection } from './session';
import { UnlockScreen } from './UnlockScreen';

const LOCK_MINUTES_ITEM = 'branchdesk.lockAfterMinutes';
export const DEFAULT_LOCK_MINUTES = 15;
export const LOCK_MINUTE_CHOICES = [5, 10, 15, 30, 60, 0] as const;

/** Minutes without use before the lock; 0 = never (a setting of this computer, not of the branch). */
export function lockAfterMinutes(): number {
  const stored = Number(localStorage.getItem(LOCK_MINUTES_ITEM));
  return localStorage.getItem(LOCK_MINUTES_ITEM) !== null && Number.isFinite(stored) && stored >= 0 ? stored : DEFAULT_LOCK_MINUTES;
}

export function setLockAfterMinutes(minutes: number): void {
  localStorage.setItem(LOCK_MINUTES_ITEM, String(minutes));
  useLockStore.setState({ minutes });
}

interface LockState {
  locked: boolean;
  minutes: number;
  /** Whether a password is set (the lock and its button exist only then); `refresh` after changing it. */
  hasPassword: boolean;
  lock(): void;
  unlock(): void;
  refresh(): void;
}

export const useLockStore = create<LockState>((set) => ({
  locked: false,
  hasPassword: false,
  refresh: () => set({ hasPassword: protection().hasPassword }),
  minutes: typeof localStorage === 'undefined' ? DEFAULT_LOCK_MINUTES : lockAfterMinutes(),
  // Without a password there is nothing to unlock with: locking would only shut the secretary out.
  lock: () => set({ locked: protection().hasPassword }),
  unlock: () => set({ locked: false }),
}));

const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

/** Locks after `minutes` without activity (checked every 15 s, so sleep and wake are caught too). */
function useIdleLock(minutes: number) {
  useEffect(() => {
    if (minutes <= 0) return;
    let last = Date.now();
    const touch = () => {
      last = Date.now();
    };
    for (const event of ACTIVITY_EVENTS) window.addEventListener(event, touch, { passive: true, capture: true });
    const timer = setInterval(() => {
      if (!useLockStore.getState().locked && Date.now() - last >= minutes * 60_000) useLockStore.getState().lock();
    }, 15_000);
    return () => {
      clearInterval(timer);
      for (const event of ACTIVITY_EVENTS) window.removeEventListener(event, touch, { capture: true });
    };
  }, [minutes]);
}

/**
 * While locked, everything else on the page is inert: the app, and the dialogs antd puts straight under
 * <body> (a form open in a dialog must not take typing behind the password screen).
 */
function useInertPage(locked: boolean, keep: HTMLElement) {
  useEffect(() => {
    if (!locked) return;
    const others = [...document.body.children].filter((el): el is HTMLElement => el instanceof HTMLElement && el !== keep && !el.inert);
    for (const el of others) el.inert = true;
    return () => {
      for (const el of others) el.inert = false;
    };
  }, [locked, keep]);
}

/** Wraps the app: the idle timer, and the password screen over an unreachable app while locked. */
export function LockGate({ branchName, children }: { branchName?: string; children: ReactNode }) {
  const locked = useLockStore((s) => s.locked);
  const minutes = useLockStore((s) => s.minutes);
  const unlock = useLockStore((s) => s.unlock);
  const [layer] = useState(() => {
    const div = document.createElement('div');
    div.className = 'unlock-layer';
    return div;
  });
  useEffect(() => {
    document.body.append(layer);
    return () => layer.remove();
  }, [layer]);
  const hasPassword = useLockStore((s) => s.hasPassword);
  useEffect(() => useLockStore.getState().refresh(), []);
  useIdleLock(hasPassword ? minutes : 0);
  useInertPage(locked, layer);
  return (
    <>
      {children}
      {locked &&
        createPortal(
          <UnlockScreen
            mode="lock"
            branchName={branchName}
            tryOpen={(secret, by) => (by === 'password' ? checkPassword(secret) : checkRecoveryCode(secret))}
            onOpen={unlock}
          />,
          layer,
        )}
    </>
  );
}
