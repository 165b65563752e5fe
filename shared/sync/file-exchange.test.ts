import { describe, expect, it } from 'vitest';
import { checkpointAfter, planReply, rowsToSend, withSent, type FileSyncEntry } from './file-exchange';
import type { WireDoc } from './protocol';

/** A person of the branch, as the committee's server last stored her unless told otherwise. */
function doc(id: string, fields: Record<string, unknown> = {}): WireDoc {
  return {
    id,
    orgId: 'B1',
    createdAt: '2026-03-01T08:00:00.000Z',
    updatedAt: '2026-03-01T08:00:00.000Z',
    updatedBy: '书记',
    name: '王秀英',
    phone: '13900000001',
    _deleted: false,
    ...fields,
  } as unknown as WireDoc;
}

const masters = (...entries: [string, number, WireDoc][]) => new Map<string, FileSyncEntry>(entries.map(([id, seq, d]) => [id, { master: { seq, doc: d }, sent: [] }]));
const byId = (...docs: WireDoc[]) => new Map(docs.map((d) => [d.id, d]));

describe('rowsToSend', () => {
  it('sends what the server has not acknowledged, with the master it was based on', () => {
    const same = doc('A');
    const edited = doc('B', { phone: '13900000002', updatedAt: '2026-12-01T00:00:00.000Z' });
    const created = doc('C');
    const removed = doc('D', { _deleted: true });
    const { rows, entries } = rowsToSend([same, edited, created, removed], masters(['A', 5, doc('A')], ['B', 6, doc('B')], ['D', 7, doc('D')]));
    expect(rows).toEqual([
      { newDocumentState: edited, assumedMasterState: doc('B') },
      { newDocumentState: created },
      { newDocumentState: removed, assumedMasterState: doc('D') },
    ]);
    // each sent state is remembered until a reply acknowledges it
    expect(entries.get('C')).toEqual({ sent: [created] });
    expect(entries.get('B')?.sent).toEqual([edited]);
    expect(entries.has('A')).toBe(false);
  });

  it('carries the states sent in earlier files that no reply acknowledged yet', () => {
    const v2 = doc('A', { phone: '2' });
    const v3 = doc('A', { phone: '3' });
    const first = rowsToSend([v2], masters(['A', 3, doc('A')]));
    const second = rowsToSend([v3], new Map([...masters(['A', 3, doc('A')]), ...first.entries]));
    expect(second.rows).toEqual([{ newDocumentState: v3, assumedMasterState: doc('A'), sentBefore: [v2] }]);
    expect(second.entries.get('A')?.sent).toEqual([v2, v3]);
    // exporting the same state again does not list it twice
    expect(rowsToSend([v3], second.entries).rows).toEqual([{ newDocumentState: v3, assumedMasterState: doc('A'), sentBefore: [v2] }]);
  });

  it('sends nothing when every document is acknowledged', () => {
    expect(rowsToSend([doc('A')], masters(['A', 1, doc('A')])).rows).toEqual([]);
  });
});

describe('withSent', () => {
  it('remembers a state sent, once, on top of a master that a reply brought meanwhile', () => {
    const v2 = doc('A', { phone: '2' });
    const entry = { master: { seq: 9, doc: doc('A', { phone: 'server' }) }, sent: [] };
    expect(withSent(entry, v2)).toEqual({ master: entry.master, sent: [v2] });
    expect(withSent(withSent(entry, v2), v2).sent).toEqual([v2]);
  });
  it('remembers nothing when the master already is that state', () => {
    const entry = { master: { seq: 9, doc: doc('A') }, sent: [] };
    expect(withSent(entry, doc('A'))).toBe(entry);
  });
});

describe('planReply', () => {
  it('acknowledges documents the server stored as they are here', () => {
    const plan = planReply({ local: byId(doc('A')), entries: new Map(), incoming: [{ seq: 10, doc: doc('A') }] });
    expect(plan.acknowledged.map((d) => d.id)).toEqual(['A']);
    expect(plan.writes).toEqual([]);
    expect(plan.entries.get('A')).toEqual({ master: { seq: 10, doc: doc('A') }, sent: [] });
  });

  it('takes new documents (the committee’s approvals) and changes not made here', () => {
    const approval = doc('AP1', { name: '发展对象备案' });
    const fromServer = doc('B', { phone: '13900000009' });
    const plan = planReply({
      local: byId(doc('B')),
      entries: masters(['B', 3, doc('B')]),
      incoming: [
        { seq: 11, doc: approval },
        { seq: 12, doc: fromServer },
      ],
    });
    expect(plan.writes).toEqual([approval, fromServer]);
    expect(plan.conflicts).toEqual([]);
  });

  it('does not bring back a document it never had that is deleted', () => {
    const plan = planReply({ local: new Map(), entries: new Map(), incoming: [{ seq: 4, doc: doc('X', { _deleted: true }) }] });
    expect(plan.writes).toEqual([]);
    expect(plan.entries.get('X')?.master?.seq).toBe(4);
  });

  it('removes a document deleted on the server that was not changed here', () => {
    const plan = planReply({ local: byId(doc('A')), entries: masters(['A', 3, doc('A')]), incoming: [{ seq: 9, doc: doc('A', { _deleted: true }) }] });
    expect(plan.writes).toEqual([doc('A', { _deleted: true })]);
  });

  it('keeps an edit made here after the file was exported: no conflict, it goes in the next file', () => {
    // Exported with phone 2; then changed here to phone 3; the reply brings phone 2 back.
    const exported = doc('A', { phone: '2' });
    const now = doc('A', { phone: '3' });
    const afterExport = rowsToSend([exported], masters(['A', 3, doc('A')])).entries;
    const plan = planReply({ local: byId(now), entries: new Map([...masters(['A', 3, doc('A')]), ...afterExport]), incoming: [{ seq: 8, doc: exported }] });
    expect(plan.writes).toEqual([]);
    expect(plan.acknowledged).toEqual([]);
    expect(plan.conflicts).toEqual([]);
    expect(plan.entries.get('A')).toEqual({ master: { seq: 8, doc: exported }, sent: [] });
    expect(rowsToSend([now], plan.entries).rows).toEqual([{ newDocumentState: now, assumedMasterState: exported }]);
  });

  it('forgets the sent states up to the one acknowledged, keeps the later ones', () => {
    const [v2, v3, v4] = ['2', '3', '4'].map((phone) => doc('A', { phone }));
    const entries = new Map([['A', { master: { seq: 3, doc: doc('A') }, sent: [v2!, v3!] }]]);
    const plan = planReply({ local: byId(v4!), entries, incoming: [{ seq: 8, doc: v2! }] });
    expect(plan.entries.get('A')).toEqual({ master: { seq: 8, doc: v2 }, sent: [v3] });
  });

  it('merges field by field where both sides changed the document, keeping the local value visible', () => {
    const base = doc('A');
    const mine = doc('A', { phone: 'mine', name: '王秀英（改）' });
    const theirs = doc('A', { phone: 'theirs' });
    const plan = planReply({ local: byId(mine), entries: masters(['A', 3, base]), incoming: [{ seq: 9, doc: theirs }] });
    expect(plan.writes).toHaveLength(1);
    expect(plan.writes[0]).toMatchObject({ phone: 'theirs', name: '王秀英（改）' });
    expect(plan.conflicts).toEqual([{ docId: 'A', conflicts: [expect.objectContaining({ path: ['phone'], localValue: 'mine', masterValue: 'theirs' })] }]);
  });

  it('changes nothing when the same reply is imported twice', () => {
    const incoming = [{ seq: 12, doc: doc('B', { phone: 'x' }) }];
    const first = planReply({ local: byId(doc('B')), entries: masters(['B', 3, doc('B')]), incoming });
    const second = planReply({ local: byId(...first.writes), entries: first.entries, incoming });
    expect(second.writes).toEqual([]);
    expect(second.skipped).toBe(1);
  });

  it('takes nothing from an older reply imported after a newer one', () => {
    const newer = planReply({ local: byId(doc('B')), entries: masters(['B', 3, doc('B')]), incoming: [{ seq: 20, doc: doc('B', { phone: 'new' }) }] });
    const older = planReply({ local: byId(...newer.writes), entries: newer.entries, incoming: [{ seq: 12, doc: doc('B', { phone: 'old' }) }] });
    expect(older.writes).toEqual([]);
    expect(older.skipped).toBe(1);
  });

  it('takes the latest of several versions of one document in a reply, whatever their order', () => {
    const plan = planReply({
      local: new Map(),
      entries: new Map(),
      incoming: [
        { seq: 30, doc: doc('N', { phone: 'latest' }) },
        { seq: 25, doc: doc('N', { phone: 'earlier' }) },
      ],
    });
    expect(plan.entries.get('N')?.master).toEqual({ seq: 30, doc: doc('N', { phone: 'latest' }) });
    expect(plan.writes).toEqual([doc('N', { phone: 'latest' })]);
  });
});

describe('checkpointAfter', () => {
  it('moves on to the end of a reply that starts where this computer is or before', () => {
    expect(checkpointAfter(10, { from: 10, to: 25 })).toBe(25);
    expect(checkpointAfter(10, { from: 0, to: 25 })).toBe(25);
  });
  it('never goes back (an older reply imported later)', () => {
    expect(checkpointAfter(25, { from: 0, to: 12 })).toBe(25);
  });
  it('does not jump over a gap', () => {
    expect(checkpointAfter(5, { from: 10, to: 25 })).toBe(5);
  });
});
