import type { Account, AccountRole } from '../../../shared/sync/protocol';

/** Who is calling: read fresh from the database on every request (a revoked device stops at once). */
export interface Principal {
  userId: string;
  username: string;
  displayName: string;
  deviceId: string;
  role: AccountRole;
  /** Server org id. */
  orgId: string;
  orgName: string;
  /** The `orgId` a branch's documents carry; null only for a branch not bound yet (cannot sync). */
  dataOrgId: string | null;
  /** When the access token expires (ms since epoch): a live event stream ends then. */
  expiresAt: number;
}

export function accountOf(principal: Omit<Principal, 'deviceId' | 'expiresAt'>): Account {
  return {
    userId: principal.userId,
    username: principal.username,
    displayName: principal.displayName,
    role: principal.role,
    orgId: principal.orgId,
    dataOrgId: principal.role === 'committee' ? principal.orgId : (principal.dataOrgId ?? principal.orgId),
    orgName: principal.orgName,
  };
}
