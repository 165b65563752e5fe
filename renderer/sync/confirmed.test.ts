/** 已送达上级: what the server confirmed is known per version, shown as it arrives, and kept per account. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { forgetConfirmed, isConfirmed, loadConfirmed, markConfirmed, useConfirmedStore, type ConfirmedStorage } from './confirmed';

function memoryStorage(): ConfirmedStorage & { raw: Map<string, string> } {
  const raw = new Map<string, string>();
  return { raw, getItem: (k) => raw.get(k) ?? null, setItem: (k, v) => void raw.set(k, v) };
}

const MEETING = '01KAMEETINGMEETINGMEETINGM';
const DOSSIER = '01KADOSSIERDOSSIERDOSSIERD';
const FIRST = '2026-11-23T02:00:00.000Z';
const AMENDED = '2026-11-24T09:30:00.000Z';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});
afterEach(() => {
  forgetConfirmed();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('confirmed versions', () => {
  it('know the version the server has, and not a later one written here', () => {
    loadConfirmed('branch-user', memoryStorage());
    markConfirmed('meetings', MEETING, FIRST);
    expect(isConfirmed('meetings', MEETING, FIRST)).toBe(true);
    expect(isConfirmed('meetings', MEETING, AMENDED)).toBe(false);
    expect(isConfirmed('dossiers', MEETING, FIRST)).toBe(false);
  });

  it('reach the screens once per sync batch, however many documents it confirmed', async () => {
    loadConfirmed('branch-user', memoryStorage());
    const seen = vi.fn();
    const stop = useConfirmedStore.subscribe(seen);
    for (let i = 0; i < 200; i++) markConfirmed('dues', `01KADUES${String(i).padStart(18, '0')}`, FIRST);
    markConfirmed('meetings', MEETING, FIRST);
    await Promise.resolve();
    stop();
    expect(seen).toHaveBeenCalledTimes(1);
    expect(useConfirmedStore.getState().versions[`meetings/${MEETING}`]).toBe(FIRST);
  });

  it('are kept on this computer a moment after the last confirmation, and read back at the next start', () => {
    const storage = memoryStorage();
    loadConfirmed('branch-user', storage);
    markConfirmed('dossiers', DOSSIER, FIRST);
    expect(storage.raw.size).toBe(0);
    vi.advanceTimersByTime(1000);
    expect(JSON.parse(storage.raw.get('branchdesk.sync.confirmed.branch-user')!)).toEqual({ [`dossiers/${DOSSIER}`]: FIRST });
    forgetConfirmed();
    expect(isConfirmed('dossiers', DOSSIER, FIRST)).toBe(false);
    loadConfirmed('branch-user', storage);
    expect(isConfirmed('dossiers', DOSSIER, FIRST)).toBe(true);
  });

  it('belong to one account: another account starts with nothing, and the first keeps what waited to be saved', () => {
    const storage = memoryStorage();
    loadConfirmed('branch-user', storage);
    markConfirmed('meetings', MEETING, FIRST);
    loadConfirmed('other-user', storage);
    expect(isConfirmed('meetings', MEETING, FIRST)).toBe(false);
    markConfirmed('meetings', MEETING, AMENDED);
    vi.advanceTimersByTime(1000);
    expect(JSON.parse(storage.raw.get('branchdesk.sync.confirmed.branch-user')!)).toEqual({ [`meetings/${MEETING}`]: FIRST });
    expect(JSON.parse(storage.raw.get('branchdesk.sync.confirmed.other-user')!)).toEqual({ [`meetings/${MEETING}`]: AMENDED });
  });

  it('start afresh from a damaged entry: the documents are then sent and confirmed again', () => {
    const storage = memoryStorage();
    storage.setItem('branchdesk.sync.confirmed.branch-user', '{not json');
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    loadConfirmed('branch-user', storage);
    expect(useConfirmedStore.getState().versions).toEqual({});
  });

  it('are known in memory when nothing was loaded, as a sync file may confirm before any sign-in', () => {
    markConfirmed('meetings', MEETING, FIRST);
    expect(isConfirmed('meetings', MEETING, FIRST)).toBe(true);
  });
});
