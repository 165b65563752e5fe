/**
 * Which app this computer (or browser) runs: a branch's own records (the default), or the committee's
 * review of its branches (上级党委). Kept on this computer; the two never share a database.
 */
const MODE_ITEM = 'branchdesk.mode';
export const COMMITTEE_DB_NAME = 'branchdesk-committee';

export type AppMode = 'branch' | 'committee';

export function appMode(): AppMode {
  return localStorage.getItem(MODE_ITEM) === 'committee' ? 'committee' : 'branch';
}

export function setAppMode(mode: AppMode): void {
  if (mode === 'committee') localStorage.setItem(MODE_ITEM, 'committee');
  else localStorage.removeItem(MODE_ITEM);
}
