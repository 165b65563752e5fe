/**
 * A branch's documents carry the id of the `orgs` document its computer created before it had an
 * account. The first login, or the first file the committee imports, binds the server org to that id
 * (a login from a computer with no data binds it to the server org id, which the computer then adopts
 * by pulling). After that, data of another branch is refused: its documents would land under the
 * wrong branch. Login and file import say so in their own words.
 */
import type { Transaction } from 'kysely';
import { recordAudit, type AuditEntry } from '../audit';
import type { Database, OrgRow } from '../db/schema';
import { HttpError } from '../errors';

export interface DataOrgBinding {
  /** The branch's data id the computer or file brings; undefined when it brings none. */
  dataOrgId: string | undefined;
  /** The refusal when the branch is bound to other data already. */
  otherData: (org: OrgRow) => string;
  /** The refusal when another branch holds that data id. */
  heldBy: (holderName: string, org: OrgRow) => string;
  /** What the audit records when it binds now. */
  audit: Pick<AuditEntry, 'action' | 'userId' | 'detail'>;
}

/**
 * The branch's data org id, binding it first when the branch has none. `org` must have been read in
 * `trx` with a row lock (`forUpdate`): two first logins or imports at once must not bind two ids.
 */
export async function bindDataOrg(trx: Transaction<Database>, org: OrgRow, binding: DataOrgBinding): Promise<string> {
  if (org.data_org_id) {
    if (binding.dataOrgId !== undefined && binding.dataOrgId !== org.data_org_id) throw new HttpError(409, 'org-mismatch', binding.otherData(org));
    return org.data_org_id;
  }
  const dataOrgId = binding.dataOrgId ?? org.id;
  const holder = await trx.selectFrom('orgs').select(['id', 'name']).where('data_org_id', '=', dataOrgId).executeTakeFirst();
  if (holder) throw new HttpError(409, 'org-mismatch', binding.heldBy(holder.name, org));
  await trx.updateTable('orgs').set({ data_org_id: dataOrgId }).where('id', '=', org.id).execute();
  await recordAudit(trx, [{ ...binding.audit, orgId: org.id, detail: { dataOrgId, ...binding.audit.detail } }]);
  return dataOrgId;
}
