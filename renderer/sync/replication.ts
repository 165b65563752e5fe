/**
 * Replication of the local database with the committee server: one RxDB replication per collection
 * (replicateRxCollection), pull by the server's sequence, push with the assumed master state, live
 * changes from the event stream, and a full check every few minutes in case an event was missed.
 *
 * Who writes what (DESIGN.md §3): a branch pushes every collection but `approvals`, which it only pulls;
 * a committee pulls its branches' documents and pushes only `approvals`.
 * After errors the handlers wait longer each time (2 s doubling to 2 min); a slow or lossy link only
 * slows things down: every batch is small and a failed one is sent again from the same checkpoint.
 */
import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import { Subject, filter, map } from 'rxjs';
import type { RxCollection } from 'rxdb';
import { COLLECTION_NAMES, type CollectionName } from '@shared/model';
import { MAX_PULL_LIMIT, MAX_PUSH_ROWS, type AccountRole, type PushRow, type SyncCheckpoint, type WireDoc } from '@shared/sync/protocol';
import type { BranchDatabase } from '../db/database';
import { SyncError, type SyncApi } from './http';

export interface SyncProgress {
  /** Documents received and sent since the replication started. */
  received: number;
  sent: number;
  /** Collections still running their first full pass. */
  initialPending: number;
}

export interface SyncStatusEvent {
  kind: 'active' | 'idle' | 'error' | 'progress' | 'stream';
  error?: SyncError;
  connected?: boolean;
  progress?: SyncProgress;
}

export interface SyncController {
  /** Pulls and pushes everything now; resolves when in sync (or rejects with the error that stopped it). */
  syncNow(): Promise<void>;
  /** Resolves when every collection has finished its first pass. */
  initialDone(): Promise<void>;
  stop(): Promise<void>;
}

/** Which collections a role pulls and which it pushes. */
export function directions(role: AccountRole, collection: CollectionName): { pull: boolean; push: boolean } {
  if (role === 'branch') return { pull: true, push: collection !== 'approvals' };
  return { pull: true, push: collection === 'approvals' };
}

const FULL_CHECK_MS = 5 * 60_000;

function hasAttachments(collection: RxCollection<WireDoc>): boolean {
  return Boolean((collection.schema.jsonSchema as { attachments?: unknown }).attachments);
}

/**
 * Exponential backoff shared by the handlers: 2 s after the first failure, doubling, at most 2 min.
 * 立即同步 ends the waiting at once: the secretary saw the line come back and should not wait 2 min.
 */
class Backoff {
  private failures = 0;
  private readonly waiting = new Set<() => void>();
  async wait(): Promise<void> {
    if (this.failures === 0) return;
    const ms = Math.min(120_000, 2000 * 2 ** (this.failures - 1));
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiting.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.waiting.add(done);
    });
  }
  failed(): void {
    this.failures = Math.min(this.failures + 1, 10);
  }
  succeeded(): void {
    this.failures = 0;
  }
  /** Stops every wait now and starts counting failures afresh. */
  reset(): void {
    this.failures = 0;
    for (const done of [...this.waiting]) done();
  }
}

export function startReplication(options: {
  db: BranchDatabase;
  api: SyncApi;
  role: AccountRole;
  /** Distinguishes the replication state of different servers or accounts on one computer. */
  identifier: string;
  onStatus: (event: SyncStatusEvent) => void;
  /** The server has this version of a document (it was pushed without conflict, or pulled). */
  onConfirmed?: (collection: CollectionName, id: string, updatedAt: string) => void;
  /** Only these collections (tests); all by default. */
  only?: readonly CollectionName[];
}): SyncController {
  const { db, api, role, onStatus } = options;
  const backoff = new Backoff();
  const resync$ = new Subject<CollectionName>();
  const progress: SyncProgress = { received: 0, sent: 0, initialPending: 0 };
  const confirm = (collection: CollectionName, doc: WireDoc) => options.onConfirmed?.(collection, doc.id, doc.updatedAt);

  const guarded = async <T>(work: () => Promise<T>): Promise<T> => {
    await backoff.wait();
    try {
      const result = await work();
      backoff.succeeded();
      return result;
    } catch (error) {
      backoff.failed();
      const syncError = error instanceof SyncError ? error : new SyncError('internal', `同步出错：${(error as Error).message}`);
      onStatus({ kind: 'error', error: syncError });
      throw syncError;
    }
  };

  const states: RxReplicationState<WireDoc, SyncCheckpoint>[] = [];
  for (const name of options.only ?? COLLECTION_NAMES) {
    const collection = db[name] as unknown as RxCollection<WireDoc>;
    const { push } = directions(role, name);
    const state = replicateRxCollection<WireDoc, SyncCheckpoint>({
      collection,
      replicationIdentifier: `branchdesk-sync-${options.identifier}-${name}`,
      live: true,
      retryTime: 5000,
      waitForLeadership: false,
      autoStart: true,
      pull: {
        batchSize: Math.min(200, MAX_PULL_LIMIT),
        handler: (checkpoint, batchSize) =>
          guarded(async () => {
            const answer = await api.pull(name, checkpoint?.seq ?? 0, batchSize);
            for (const doc of answer.documents) confirm(name, doc);
            progress.received += answer.documents.length;
            onStatus({ kind: 'progress', progress: { ...progress } });
            return { documents: answer.documents, checkpoint: answer.checkpoint };
          }),
        // The server has no scans (see the push modifier): a record pulled keeps the scans this computer has.
        ...(hasAttachments(collection)
          ? {
              modifier: async (doc: WireDoc) => {
                const [local] = await collection.storageInstance.findDocumentsById([doc.id], true);
                return { ...doc, _attachments: local?._attachments ?? {} };
              },
            }
          : {}),
        stream$: resync$.pipe(
          filter((c) => c === name),
          map(() => 'RESYNC' as const),
        ),
      },
      ...(push
        ? {
            push: {
              batchSize: Math.min(100, MAX_PUSH_ROWS),
              // Scans and photos (dossier attachments) stay on the computer: the wire carries the record only.
              modifier: (doc: WireDoc) => {
                const { _attachments: _dropped, ...record } = doc as WireDoc & { _attachments?: unknown };
                return record;
              },
              handler: (rows: PushRow[]) =>
                guarded(async () => {
                  const answer = await api.push(name, rows);
                  const conflicting = new Set(answer.conflicts.map((d) => d.id));
                  for (const row of rows) if (!conflicting.has(row.newDocumentState.id)) confirm(name, row.newDocumentState);
                  progress.sent += rows.length - answer.conflicts.length;
                  onStatus({ kind: 'progress', progress: { ...progress } });
                  return answer.conflicts;
                }),
            },
          }
        : {}),
    });
    state.active$.subscribe((active) => onStatus({ kind: active ? 'active' : 'idle' }));
    states.push(state);
  }

  const stopStream = api.stream(
    (event) => resync$.next(event.collection),
    (connected) => onStatus({ kind: 'stream', connected }),
  );
  // Events can be lost (a dropped link, a sleeping laptop): a full pass now and then catches up.
  const fullCheck = setInterval(() => {
    for (const state of states) state.reSync();
  }, FULL_CHECK_MS);
  progress.initialPending = states.length;
  const initial = Promise.all(
    states.map((s) =>
      s.awaitInitialReplication().then(() => {
        progress.initialPending--;
        onStatus({ kind: 'progress', progress: { ...progress } });
      }),
    ),
  ).then(() => undefined);

  return {
    async syncNow() {
      backoff.reset();
      for (const state of states) state.reSync();
      await Promise.all(states.map((s) => s.awaitInSync()));
    },
    initialDone: () => initial,
    async stop() {
      clearInterval(fullCheck);
      stopStream();
      await Promise.all(states.map((s) => s.cancel()));
    },
  };
}
