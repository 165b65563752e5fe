import type { OrgDoc } from '@shared/model';
import type { BranchDatabase } from '../../db/database';
import { LOCAL_AUTHOR } from '../../db/writes';

/** Changes the branch document; refuses when it changed since the screen read it. */
export async function updateOrg(db: BranchDatabase, before: OrgDoc, patch: Partial<OrgDoc>): Promise<void> {
  const doc = await db.orgs.findOne(before.id).exec();
  if (!doc) throw new Error('找不到支部记录');
  if (doc.updatedAt !== before.updatedAt) throw new Error('支部信息刚被修改过，请重新打开后再改');
  await doc.incrementalPatch({ ...patch, updatedAt: new Date().toISOString(), updatedBy: LOCAL_AUTHOR });
}
