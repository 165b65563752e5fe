/**
 * Runs the first screen's queries once, before React mounts, so the live queries the screens
 * subscribe to find their results in RxDB's query cache instead of waiting for the database.
 */
import { firstValueFrom } from 'rxjs';
import type { BranchDatabase } from './database';
import { branchQuery, homeCounts$ } from './queries';

export async function prefetchFirstScreen(db: BranchDatabase): Promise<void> {
  const branch = await branchQuery(db).exec();
  if (branch) await firstValueFrom(homeCounts$(db, branch.id));
}
