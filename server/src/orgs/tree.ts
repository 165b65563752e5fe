/** Questions about the org tree (党委 → 党总支 → 党支部) that access checks and the committee view ask. */
import { sql, type Kysely } from 'kysely';
import type { Database, OrgRow } from '../db/schema';

/** Every org below `rootId` (not the root itself), parents before children. */
export async function descendants(db: Kysely<Database>, rootId: string): Promise<OrgRow[]> {
  const { rows } = await sql<OrgRow & { depth: number }>`
    with recursive below as (
      select o.*, 1 as depth from orgs o where o.parent_id = ${rootId}
      union all
      select o.*, b.depth + 1 from orgs o join below b on o.parent_id = b.id
    )
    select * from below order by depth, name`.execute(db);
  return rows.map(({ depth: _depth, ...org }) => org);
}

/** The data org ids of the branches below a committee: whose documents it may read and approve. */
export async function branchDataIdsBelow(db: Kysely<Database>, rootId: string): Promise<string[]> {
  const orgs = await descendants(db, rootId);
  return orgs.flatMap((org) => (org.kind === 'branch' && org.data_org_id ? [org.data_org_id] : []));
}

/** The server ids of the committees above the branch whose documents carry `dataOrgId`: who may see them. */
export async function committeesAbove(db: Kysely<Database>, dataOrgId: string): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`
    with recursive above as (
      select o.parent_id as id from orgs o where o.data_org_id = ${dataOrgId} and o.kind = 'branch'
      union all
      select o.parent_id from orgs o join above a on o.id = a.id
    )
    select id from above where id is not null`.execute(db);
  return rows.map((row) => row.id);
}
