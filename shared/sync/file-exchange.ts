/**
 * The branch's side of sync by file, as pure decisions (the files: ./file-format.ts).
 *
 * The branch keeps, for every document, the last master state a reply brought (with its server
 * sequence): the same bookkeeping RxDB's replication keeps for the network sync.
 * - Export: every document whose state differs from its master (or that has none) is a push row with
 *   that master as assumed state. So a file holds everything the committee has not acknowledged, and a
 *   lost file costs nothing: the next one carries the same changes.
 * - Unlike the network, an answer comes days later, and the secretary goes on working meanwhile. So
 *   the branch also remembers the states it sent that are not acknowledged yet, and a row carries them
 *   (`sentBefore`): the server may replace a master that is one of them (it is this computer's own
 *   earlier version, not someone else's edit), and a reply bringing one back is not taken for a change
 *   made elsewhere. Without that, every document edited between an export and its reply would come
 *   back as a conflict with the secretary's older value winning.
 * - Import of a reply: each document newer than the master kept becomes the master; the local document
 *   takes it where it was not changed since, is acknowledged where it equals it, and is merged field by
 *   field (./merge.ts) where both sides changed it. Older replies, or the same reply twice, change nothing.
 */
import { isSameDocument, mergeDocuments, type FieldConflict } from './merge';
import type { FileRow, ReplyDoc } from './file-format';
import type { WireDoc } from './protocol';

/** What this computer knows of one document's sync by file. */
export interface FileSyncEntry {
  /** The last state a reply brought, with its server sequence; absent until one did. */
  master?: { seq: number; doc: WireDoc };
  /** States of this computer sent in files since then, oldest first. */
  sent: WireDoc[];
}

/** At most this many unacknowledged states are remembered per document (older ones: merged as usual). */
export const MAX_SENT_STATES = 20;

/**
 * The push rows of one collection: every local document (tombstones too) its master does not equal;
 * and the entries as they are once the file is written (each sent state remembered).
 */
export function rowsToSend(local: readonly WireDoc[], entries: ReadonlyMap<string, FileSyncEntry>): { rows: FileRow[]; entries: Map<string, FileSyncEntry> } {
  const rows: FileRow[] = [];
  const changed = new Map<string, FileSyncEntry>();
  for (const doc of local) {
    const entry = entries.get(doc.id) ?? { sent: [] };
    if (entry.master && isSameDocument(entry.master.doc, doc)) continue;
    const earlier = entry.sent.filter((state) => !isSameDocument(state, doc));
    rows.push({
      newDocumentState: doc,
      ...(entry.master ? { assumedMasterState: entry.master.doc } : {}),
      ...(earlier.length > 0 ? { sentBefore: earlier } : {}),
    });
    changed.set(doc.id, withSent(entry, doc));
  }
  return { rows, entries: changed };
}

/** The entry once `doc` went out in a file (nothing to remember when its master already equals it). */
export function withSent(entry: FileSyncEntry, doc: WireDoc): FileSyncEntry {
  if (entry.master && isSameDocument(entry.master.doc, doc)) return entry;
  return { ...entry, sent: [...entry.sent.filter((state) => !isSameDocument(state, doc)), doc].slice(-MAX_SENT_STATES) };
}

export interface ReplyPlan {
  /** New local states to write (a `_deleted` one removes the document). */
  writes: WireDoc[];
  /** The entries after the reply (only those that changed). */
  entries: Map<string, FileSyncEntry>;
  /** Documents whose local state the server now holds: reached the committee. */
  acknowledged: WireDoc[];
  /** Fields both sides changed: the server's value was taken, the local one is kept here to show. */
  conflicts: { docId: string; conflicts: FieldConflict[] }[];
  /** Rows older than (or the same as) what this computer had: skipped. */
  skipped: number;
}

/** What the documents of one collection in a reply do to this computer. */
export function planReply(input: { local: ReadonlyMap<string, WireDoc>; entries: ReadonlyMap<string, FileSyncEntry>; incoming: readonly ReplyDoc[] }): ReplyPlan {
  const local = new Map(input.local);
  const entries = new Map<string, FileSyncEntry>();
  const written = new Map<string, WireDoc>();
  const acknowledged = new Map<string, WireDoc>();
  const conflicts = new Map<string, FieldConflict[]>();
  let skipped = 0;

  for (const { seq, doc } of [...input.incoming].sort((a, b) => a.seq - b.seq)) {
    const entry = entries.get(doc.id) ?? input.entries.get(doc.id) ?? { sent: [] };
    const known = entry.master;
    if (known && known.seq >= seq) {
      skipped++;
      continue;
    }
    const ownState = entry.sent.findIndex((state) => isSameDocument(state, doc));
    // What this computer sent up to the one now stored is settled; later states are still on their way.
    entries.set(doc.id, { master: { seq, doc }, sent: ownState >= 0 ? entry.sent.slice(ownState + 1) : entry.sent });
    const mine = local.get(doc.id);
    if (!mine) {
      if (doc._deleted) continue; // never had it, and it is gone: nothing to keep
      local.set(doc.id, doc);
      written.set(doc.id, doc);
    } else if (isSameDocument(mine, doc)) {
      acknowledged.set(doc.id, doc);
      entries.set(doc.id, { master: { seq, doc }, sent: [] });
    } else if (ownState >= 0) {
      // This computer's own earlier version came back; the later one here stays and goes in the next file.
    } else if (known && isSameDocument(mine, known.doc)) {
      // Not changed here since the last master: the server's state is the newer one.
      local.set(doc.id, doc);
      written.set(doc.id, doc);
    } else {
      const { merged, conflicts: found } = mergeDocuments({ local: mine, master: doc, ...(known ? { assumed: known.doc } : {}) });
      if (found.length > 0) conflicts.set(doc.id, found);
      if (!isSameDocument(merged, mine)) {
        local.set(doc.id, merged);
        written.set(doc.id, merged);
      }
      if (isSameDocument(merged, doc)) acknowledged.set(doc.id, doc);
    }
  }
  return {
    writes: [...written.values()],
    entries,
    acknowledged: [...acknowledged.values()],
    conflicts: [...conflicts].map(([docId, found]) => ({ docId, conflicts: found })),
    skipped,
  };
}

/**
 * The checkpoint after a reply covering (from, to]: it moves on only when the reply starts where this
 * computer's knowledge ends or before (a reply to a file made before a restored backup may leave a gap;
 * its documents are still taken, and the next file asks again from the old checkpoint).
 */
export function checkpointAfter(current: number, reply: { from: number; to: number }): number {
  return reply.from <= current ? Math.max(current, reply.to) : current;
}
