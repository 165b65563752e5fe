/**
 * Sync by file end to end (issue 6 item 6, DESIGN.md §5 "No link"): a branch that is never online and
 * its committee exchange `.bdsync` files. The branch computer is the app's own code (renderer/sync/
 * file-sync.ts) on an RxDB database like the app's (the encryption wrapper, local documents, the
 * attachments plugin); the committee is the real server (Fastify + PGlite) through its endpoints.
 *
 * Shown: the first file puts exactly the branch's documents on the server and its reply acknowledges
 * them; an approval comes back in a reply made without a new file and moves the dossier on; files and
 * replies imported twice or in any order change nothing more; edits made while a file is on its way
 * are kept and go in the next one; changed files and files of another code are refused with nothing
 * changed; a dossier's scans stay on the computer when a reply brings the dossier back.
 *
 * Devices use RxDB's memory storage with four collections each (open-source RxDB allows 13 open
 * collections in the process); every database is closed after its test.
 */
import type { FastifyInstance } from 'fastify';
import { addRxPlugin, createRxDatabase, getChangedDocumentsSince, type RxCollection, type RxDatabase } from 'rxdb';
import { RxDBAttachmentsPlugin } from 'rxdb/plugins/attachments';
import { RxDBLocalDocumentsPlugin } from 'rxdb/plugins/local-documents';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { addDays } from '../../shared/dates';
import { generateDemoBranch } from '../../shared/demo';
import { collections, type ApprovalDoc, type CollectionName, type DossierDoc, type PersonDoc } from '../../shared/model';
import { committeeRequests } from '../../shared/rules/approvals';
import { recordStep } from '../../shared/rules/dossier';
import { openSyncFile, readEnvelope, syncFileKeys, type BranchFilePayload } from '../../shared/sync/file-format';
import { API_PATHS, fileSyncReplyPath, type ErrorBody, type FileCodeResponse, type FileImportResponse, type FileReplyResponse, type WireDoc } from '../../shared/sync/protocol';
import type { Db } from '../../server/src/db/connect';
import { createCommittee, createOrg, createUser } from '../../server/src/orgs/admin';
import { toWire } from '../../server/src/sync/wire';
import { approval, bearer, login, openTestDb, PASSWORD, pushUrl, START_TIMEOUT, storedState, testServer } from '../../server/src/testing/support';
import { keyFor, wrappedWebCryptoEncryptionStorage } from '../../renderer/db/encryption';
import { applyApprovalsAsTheyArrive } from '../../renderer/sync/apply-approvals';
import { exportBranchFile, fileSyncStatus, importReplyFile, setFileCode, SyncFileError, type FileSyncHooks, type ImportSummary } from '../../renderer/sync/file-sync';

addRxPlugin(RxDBMigrationSchemaPlugin);
addRxPlugin(RxDBAttachmentsPlugin);
addRxPlugin(RxDBLocalDocumentsPlugin);

const COLLECTIONS: CollectionName[] = ['orgs', 'people', 'dossiers', 'approvals'];
const TODAY = '2026-11-23';
const TAMPERED = '同步文件已损坏或被改动过，不能导入。请让对方重新导出一份。';

let db: Db;
let app: FastifyInstance;
let counter = 0;
const opened: RxDatabase[] = [];

beforeAll(async () => {
  db = await openTestDb();
  app = await testServer(db);
}, START_TIMEOUT);
afterEach(async () => {
  await Promise.all(opened.splice(0).map((rx) => rx.close()));
});
afterAll(async () => {
  await app?.close();
  await db?.destroy();
});

// ---------------------------------------------------------------------------------------------
// The committee: its server, reached through the file-sync endpoints.

/** A committee and one of its branches on the server, the branch's 离线同步码, and the branch's own data. */
async function freshUnit() {
  const n = counter++;
  const committee = await createCommittee(db, { name: `中共测试第${n}委员会` });
  const branch = await createOrg(db, { parentId: committee.id, kind: 'branch', name: `离退休干部第${n}党支部` });
  await createUser(db, { orgId: committee.id, username: `committee-${n}`, displayName: '组织委员', password: PASSWORD });
  await createUser(db, { orgId: branch.id, username: `branch-${n}`, displayName: '书记', password: PASSWORD });
  const token = (await login(app, `committee-${n}`)).accessToken;
  const code = await issueCode(token, branch.id);
  const demo = generateDemoBranch({ today: TODAY, seed: 600 + n });
  return { committee, branch, token, code, demo, branchUser: `branch-${n}` };
}
type Unit = Awaited<ReturnType<typeof freshUnit>>;

async function issueCode(token: string, orgId: string): Promise<string> {
  const response = await app.inject({ method: 'POST', url: API_PATHS.fileSyncCode, headers: bearer(token), payload: { orgId } });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<FileCodeResponse>().code;
}

/** The committee imports a branch file as it came on the USB stick. */
function upload(unit: Unit, file: string) {
  return app.inject({ method: 'POST', url: API_PATHS.fileSyncImport, headers: { ...bearer(unit.token), 'content-type': 'application/json' }, payload: file });
}

async function committeeImports(unit: Unit, file: string): Promise<FileImportResponse> {
  const response = await upload(unit, file);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<FileImportResponse>();
}

/** A reply made without a new file from the branch (after approving something). */
async function replyWithoutFile(unit: Unit): Promise<string> {
  const response = await app.inject({ method: 'GET', url: fileSyncReplyPath(unit.branch.id), headers: bearer(unit.token) });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<FileReplyResponse>().reply;
}

/** The committee approves: its `approvals` document, through the normal push. */
async function committeeApproves(unit: Unit, decision: WireDoc<'approvals'>): Promise<void> {
  const response = await app.inject({ method: 'POST', url: pushUrl('approvals'), headers: bearer(unit.token), payload: { rows: [{ newDocumentState: decision }] } });
  expect(response.statusCode, response.body).toBe(200);
  expect(response.json<{ conflicts: unknown[] }>().conflicts).toEqual([]);
}

/** Everything the server holds of the branch's data, tombstones included, keyed `collection/id`. */
async function serverDocs(unit: Unit): Promise<Map<string, WireDoc>> {
  const rows = await db.selectFrom('docs').select(['collection', 'id', 'data', 'deleted']).where('org_id', '=', unit.demo.org.id).execute();
  return new Map(rows.map((row) => [`${row.collection}/${row.id}`, toWire(row)]));
}

async function serverDoc<C extends CollectionName>(unit: Unit, collection: C, id: string): Promise<WireDoc<C>> {
  const doc = (await serverDocs(unit)).get(`${collection}/${id}`);
  if (!doc) throw new Error(`${collection}/${id} is not on the server`);
  return doc as unknown as WireDoc<C>;
}

// ---------------------------------------------------------------------------------------------
// The branch computer: the app's file sync on a database like the app's.

interface Computer {
  rx: RxDatabase;
  sealKey: CryptoKey;
  col<T>(name: CollectionName): RxCollection<T>;
}

/** The branch's computer with its demo data (as `prepare` leaves it) and the 离线同步码 typed in. */
async function branchComputer(unit: Unit, prepare?: (computer: Computer) => Promise<void>): Promise<Computer> {
  const password = `device-key-${counter}-0123456789abcdef`;
  const rx = await createRxDatabase({
    name: `sync-file-${counter++}`,
    storage: wrappedWebCryptoEncryptionStorage({ storage: getRxStorageMemory() }),
    password,
    multiInstance: false,
    localDocuments: true,
  });
  opened.push(rx);
  await rx.addCollections(Object.fromEntries(COLLECTIONS.map((c) => [c, collections[c]])));
  const computer: Computer = { rx, sealKey: await keyFor(password), col: <T,>(c: CollectionName) => rx[c] as unknown as RxCollection<T> };
  await computer.col('orgs').insert(unit.demo.org);
  await computer.col('people').bulkInsert(unit.demo.people);
  await computer.col('dossiers').bulkInsert(unit.demo.dossiers);
  await prepare?.(computer);
  // The secretary types the code from the committee's paper: lower case, groups apart.
  await setFileCode(rx, computer.sealKey, unit.code.toLowerCase().replaceAll('-', ' '));
  return computer;
}

/** 导出同步文件, saved to the stick. */
async function exportFile(computer: Computer): Promise<string> {
  const file = await exportBranchFile(computer.rx, computer.sealKey);
  await file.commit();
  return file.text;
}

const importReply = (computer: Computer, reply: string, hooks?: FileSyncHooks): Promise<ImportSummary> => importReplyFile(computer.rx, computer.sealKey, reply, hooks);

/** Everything the computer holds (tombstones included) as the wire carries it, keyed `collection/id`. */
async function localDocs(computer: Computer): Promise<Map<string, WireDoc>> {
  const out = new Map<string, WireDoc>();
  for (const name of COLLECTIONS) {
    const { documents } = await getChangedDocumentsSince(computer.col<{ id: string }>(name).storageInstance, 100_000);
    for (const { _rev: _r, _meta: _m, _attachments: _a, ...wire } of documents) out.set(`${name}/${wire.id}`, wire as unknown as WireDoc);
  }
  return out;
}

const sorted = (docs: Map<string, WireDoc>) => [...docs].sort(([a], [b]) => a.localeCompare(b));

async function person(computer: Computer, id: string): Promise<PersonDoc> {
  return (await computer.col<PersonDoc>('people').findOne(id).exec())!.toJSON() as PersonDoc;
}

/** The secretary changes a person's phone number (an encrypted field) at `at`. */
async function changePhone(computer: Computer, id: string, phone: string, at: string): Promise<void> {
  const doc = await computer.col<PersonDoc>('people').findOne(id).exec();
  await doc!.incrementalModify((p) => ({ ...p, private: { ...p.private, phone }, updatedAt: at, updatedBy: '书记' }));
}

/** The payload of a branch file, as the committee's server reads it. */
async function branchPayload(unit: Unit, file: string): Promise<BranchFilePayload> {
  return openSyncFile(readEnvelope(file), await syncFileKeys(unit.code), 'branch');
}

/** The first exchange: the branch's file imported, its reply imported at the branch. */
async function firstExchange(unit: Unit, computer: Computer): Promise<void> {
  const { reply } = await committeeImports(unit, await exportFile(computer));
  expect((await importReply(computer, reply)).unacknowledged).toBe(0);
}

/** Document writes to the computer's collections while `action` runs. */
async function writesDuring(computer: Computer, action: () => Promise<unknown>): Promise<number> {
  let writes = 0;
  const subscriptions = COLLECTIONS.map((name) => computer.col(name).$.subscribe(() => writes++));
  try {
    await action();
  } finally {
    for (const s of subscriptions) s.unsubscribe();
  }
  return writes;
}

/** A change of a file's encrypted data by one character, as a damaged stick or a meddler would make it. */
function tamper(file: string): string {
  const envelope = JSON.parse(file) as { data: string };
  const at = Math.floor(envelope.data.length / 2);
  const swapped = envelope.data[at] === 'A' ? 'B' : 'A';
  return JSON.stringify({ ...envelope, data: envelope.data.slice(0, at) + swapped + envelope.data.slice(at + 1) });
}

// ---------------------------------------------------------------------------------------------

describe('the first file of a branch that is never online', () => {
  it('puts exactly the branch’s documents on the server, and its reply acknowledges every one', async () => {
    const unit = await freshUnit();
    const [edited, removed] = unit.demo.people as [PersonDoc, PersonDoc];
    const computer = await branchComputer(unit, async (c) => {
      // Offline work before the first file: an edit of an encrypted field and a person entered by mistake removed.
      await changePhone(c, edited.id, '13912345678', '2026-11-24T01:00:00.000Z');
      await (await c.col('people').findOne(removed.id).exec())!.incrementalRemove();
    });
    const total = 1 + unit.demo.people.length + unit.demo.dossiers.length;
    expect(await fileSyncStatus(computer.rx, computer.sealKey)).toMatchObject({ configured: true, unacknowledged: total, lastImport: null });

    const file = await exportBranchFile(computer.rx, computer.sealKey, new Date('2026-11-24T10:30:00+08:00'));
    expect(file.rows).toBe(total);
    expect(file.name).toMatch(/\.bdsync$/);
    await file.commit();

    const imported = await committeeImports(unit, file.text);
    expect(imported).toMatchObject({ orgId: unit.branch.id, accepted: total, unchanged: 0, conflicts: 0, seenBefore: false });
    const onServer = await serverDocs(unit);
    expect(sorted(onServer)).toEqual(sorted(await localDocs(computer)));
    expect(onServer.get(`people/${removed.id}`)?._deleted).toBe(true);
    expect((onServer.get(`people/${edited.id}`) as WireDoc<'people'>).private?.phone).toBe('13912345678');

    const acknowledged: string[] = [];
    const summary = await importReply(computer, imported.reply, { onAcknowledged: (collection, id) => acknowledged.push(`${collection}/${id}`) });
    expect(summary).toMatchObject({ received: 0, approvals: 0, acknowledged: total, conflicts: 0, seenBefore: false, unacknowledged: 0 });
    expect(summary.imported).toEqual({ accepted: total, unchanged: 0, conflicts: 0 });
    expect(acknowledged.sort()).toEqual([...onServer.keys()].sort());
    const status = await fileSyncStatus(computer.rx, computer.sealKey);
    expect(status.unacknowledged).toBe(0);
    expect(status.lastImport).toMatchObject({ committeeName: unit.committee.name, acknowledged: total });
    expect((await exportBranchFile(computer.rx, computer.sealKey)).rows).toBe(0);
  });
});

describe('an approval by reply', () => {
  it('reaches the branch in a reply made without a new file, fills the dossier’s step, and the step goes back in the next file', async () => {
    const unit = await freshUnit();
    // The dossier that waits for 预审: the branch records steps 10 to 12 offline.
    const dossier = unit.demo.dossiers.find((d) => Math.max(...d.events.map((e) => e.step)) === 9)!;
    const computer = await branchComputer(unit, async (c) => {
      let next = dossier;
      let date = dossier.events.at(-1)!.date;
      for (const step of [10, 11, 12]) {
        date = addDays(date, 10);
        next = recordStep(next, { step, date, ...(step === 10 ? { conclusion: '政治审查合格' } : {}) }, { now: `${date}T09:00:00.000+08:00`, by: '书记' }).dossier;
      }
      await (await c.col<DossierDoc>('dossiers').findOne(dossier.id).exec())!.incrementalModify(() => next);
    });
    await firstExchange(unit, computer);
    const stopApplying = applyApprovalsAsTheyArrive(computer.rx as never);
    try {
      // The committee sees the request for 预审 on the dossier it received, and approves it.
      const received = await serverDoc(unit, 'dossiers', dossier.id);
      expect(committeeRequests(received, [], TODAY).map((r) => r.step)).toEqual([13]);
      const decision = approval(unit.demo.org.id, unit.committee.id, dossier.id);
      await committeeApproves(unit, decision);

      const summary = await importReply(computer, await replyWithoutFile(unit));
      expect(summary).toMatchObject({ received: 1, approvals: 1, acknowledged: 0, conflicts: 0, imported: null });
      const arrived = await computer.col<ApprovalDoc>('approvals').findOne(decision.id).exec();
      expect({ ...arrived!.toJSON(), _deleted: false }).toEqual(decision);
      await vi.waitFor(async () => {
        const doc = (await computer.col<DossierDoc>('dossiers').findOne(dossier.id).exec())!.toJSON() as DossierDoc;
        expect(doc.events.find((e) => e.step === 13)).toEqual({ step: 13, date: TODAY, outcome: '预审同意', note: decision.comment });
      });

      // The dossier, moved on at the branch, is the one thing the next file carries.
      expect((await fileSyncStatus(computer.rx, computer.sealKey)).unacknowledged).toBe(1);
      const next = await committeeImports(unit, await exportFile(computer));
      expect(next).toMatchObject({ accepted: 1, unchanged: 0, conflicts: 0 });
      expect((await serverDoc(unit, 'dossiers', dossier.id)).events.map((e) => e.step)).toContain(13);
      expect(committeeRequests(await serverDoc(unit, 'dossiers', dossier.id), [decision], TODAY)).toEqual([]);
      expect(await importReply(computer, next.reply)).toMatchObject({ acknowledged: 1, unacknowledged: 0 });
    } finally {
      stopApplying();
    }
  });
});

describe('files and replies twice and in any order', () => {
  it('stores nothing more when the committee imports the same branch file twice', async () => {
    const unit = await freshUnit();
    const computer = await branchComputer(unit);
    const file = await exportFile(computer);
    const first = await committeeImports(unit, file);
    const before = await storedState(db);
    const again = await committeeImports(unit, file);
    expect(again).toMatchObject({ accepted: 0, unchanged: first.accepted, conflicts: 0, seenBefore: true });
    expect(await storedState(db)).toEqual(before);
  });

  it('changes nothing at the branch when the same reply is imported twice', async () => {
    const unit = await freshUnit();
    const computer = await branchComputer(unit);
    const { reply } = await committeeImports(unit, await exportFile(computer));
    await importReply(computer, reply);
    const docs = await localDocs(computer);
    const status = await fileSyncStatus(computer.rx, computer.sealKey);

    const called = vi.fn();
    let summary: ImportSummary | undefined;
    const writes = await writesDuring(computer, async () => {
      summary = await importReply(computer, reply, { onAcknowledged: called, onConflicts: called });
    });
    expect(summary).toMatchObject({ seenBefore: true, received: 0, acknowledged: 0, conflicts: 0, unacknowledged: 0 });
    expect(writes).toBe(0);
    expect(called).not.toHaveBeenCalled();
    expect(await localDocs(computer)).toEqual(docs);
    expect(await fileSyncStatus(computer.rx, computer.sealKey)).toEqual(status);
  });

  it('ends in the same state whichever order two replies are imported in', async () => {
    const unit = await freshUnit();
    const p = unit.demo.people[3]!;
    // Two computers in the same state: each saved a file, then the same edit, then a second file.
    const computers: Computer[] = [];
    const files: string[] = [];
    for (let i = 0; i < 2; i++) {
      const computer = await branchComputer(unit);
      files.push(await exportFile(computer));
      await changePhone(computer, p.id, '13800001111', '2026-11-25T01:00:00.000Z');
      files.push(await exportFile(computer));
      computers.push(computer);
    }
    // The committee has the first computer's files: a reply to each, an approval in between.
    const reply1 = (await committeeImports(unit, files[0]!)).reply;
    await committeeApproves(unit, approval(unit.demo.org.id, unit.committee.id, unit.demo.dossiers[0]!.id));
    const reply2 = (await committeeImports(unit, files[1]!)).reply;

    const [inOrder, reversed] = computers as [Computer, Computer];
    for (const reply of [reply1, reply2]) await importReply(inOrder, reply);
    for (const reply of [reply2, reply1]) await importReply(reversed, reply);
    expect(sorted(await localDocs(reversed))).toEqual(sorted(await localDocs(inOrder)));
    expect((await person(reversed, p.id)).private?.phone).toBe('13800001111');
    expect(await reversed.col('approvals').count().exec()).toBe(1);
    for (const computer of computers) expect((await fileSyncStatus(computer.rx, computer.sealKey)).unacknowledged).toBe(0);
    // Both ask the committee from the same point next time.
    const [a, b] = await Promise.all(computers.map(async (c) => branchPayload(unit, (await exportBranchFile(c.rx, c.sealKey)).text)));
    expect(b!.checkpoint).toBe(a!.checkpoint);
    expect(a!.checkpoint).toBe(Number((await storedState(db)).maxSeq));
    expect(a!.rows).toEqual({});
    expect(b!.rows).toEqual({});
  });

  it.each([
    ['in the order they were made', 'in the order they were made', false, false],
    ['in the order they were made', 'in reverse order', false, true],
    ['in reverse order', 'in the order they were made', true, false],
    ['in reverse order', 'in reverse order', true, true],
  ])('keeps the latest edit of a person sent in two files, the committee importing them %s and the branch the replies %s', async (_f, _r, filesReversed, repliesReversed) => {
    const unit = await freshUnit();
    const p = unit.demo.people[2]!;
    const computer = await branchComputer(unit, (c) => changePhone(c, p.id, '13600000001', '2026-11-24T01:00:00.000Z'));
    const first = await exportFile(computer);
    // The secretary corrects the number again before any reply came back.
    await changePhone(computer, p.id, '13600000002', '2026-11-25T01:00:00.000Z');
    const second = await exportFile(computer);
    const total = 1 + unit.demo.people.length + unit.demo.dossiers.length;

    // The replies, in the order the committee made them.
    const replies: string[] = [];
    const imports = async (file: string) => {
      const imported = await committeeImports(unit, file);
      replies.push(imported.reply);
      return imported;
    };
    if (filesReversed) {
      expect(await imports(second)).toMatchObject({ accepted: total, conflicts: 0 });
      // The older file's row of that person conflicts: the server keeps the later state.
      expect(await imports(first)).toMatchObject({ accepted: 0, unchanged: total - 1, conflicts: 1 });
    } else {
      expect(await imports(first)).toMatchObject({ accepted: total, conflicts: 0 });
      // The second file replaces the first one's state of that person: this computer's own, not someone else's.
      expect(await imports(second)).toMatchObject({ accepted: 1, unchanged: total - 1, conflicts: 0 });
    }
    expect((await serverDoc(unit, 'people', p.id)).private?.phone).toBe('13600000002');

    const conflicts = vi.fn();
    for (const reply of repliesReversed ? replies.reverse() : replies) expect((await importReply(computer, reply, { onConflicts: conflicts })).conflicts).toBe(0);
    expect(conflicts).not.toHaveBeenCalled();
    expect((await person(computer, p.id)).private?.phone).toBe('13600000002');
    expect((await fileSyncStatus(computer.rx, computer.sealKey)).unacknowledged).toBe(0);
  });
});

describe('work going on while a file is on its way', () => {
  it('keeps edits made between the export and the reply, and sends them in the next file without a conflict', async () => {
    const unit = await freshUnit();
    const computer = await branchComputer(unit);
    await firstExchange(unit, computer);
    const [p, q] = [unit.demo.people[5]!, unit.demo.people[6]!];
    await changePhone(computer, p.id, '13700000001', '2026-11-25T01:00:00.000Z');
    const file = await exportFile(computer);
    // While the stick is at the committee the secretary goes on: the same person again, and another one.
    await changePhone(computer, p.id, '13700000002', '2026-11-26T01:00:00.000Z');
    await (await computer.col<PersonDoc>('people').findOne(q.id).exec())!.incrementalPatch({ note: '行动不便，需送学上门', updatedAt: '2026-11-26T02:00:00.000Z' });
    const [pNow, qNow] = [await person(computer, p.id), await person(computer, q.id)];

    const { reply } = await committeeImports(unit, file);
    const conflicts = vi.fn();
    const summary = await importReply(computer, reply, { onConflicts: conflicts });
    expect(summary).toMatchObject({ received: 0, acknowledged: 0, conflicts: 0, unacknowledged: 2 });
    expect(conflicts).not.toHaveBeenCalled();
    expect(await person(computer, p.id)).toEqual(pNow);
    expect(await person(computer, q.id)).toEqual(qNow);

    // The next file carries both, the person based on what the committee now holds.
    const next = await exportFile(computer);
    const rows = (await branchPayload(unit, next)).rows.people ?? [];
    expect(rows.map((r) => r.newDocumentState.id).sort()).toEqual([p.id, q.id].sort());
    expect((rows.find((r) => r.newDocumentState.id === p.id)?.assumedMasterState as WireDoc<'people'>).private?.phone).toBe('13700000001');
    const imported = await committeeImports(unit, next);
    expect(imported).toMatchObject({ accepted: 2, conflicts: 0 });
    expect((await serverDoc(unit, 'people', p.id)).private?.phone).toBe('13700000002');
    expect((await serverDoc(unit, 'people', q.id)).note).toBe('行动不便，需送学上门');
    expect(await importReply(computer, imported.reply, { onConflicts: conflicts })).toMatchObject({ acknowledged: 2, conflicts: 0, unacknowledged: 0 });
    expect(conflicts).not.toHaveBeenCalled();
  });

  it('records both a file being saved and a reply imported at that moment', async () => {
    const unit = await freshUnit();
    const computer = await branchComputer(unit);
    await firstExchange(unit, computer);
    const [p, q] = [unit.demo.people[7]!, unit.demo.people[8]!];
    // A first file carries q; its reply (acknowledging q) comes back while the next file, with p, is being saved.
    await changePhone(computer, q.id, '13700000021', '2026-11-24T01:00:00.000Z');
    const { reply: replyForQ } = await committeeImports(unit, await exportFile(computer));
    await changePhone(computer, p.id, '13700000011', '2026-11-25T01:00:00.000Z');
    const file = await exportBranchFile(computer.rx, computer.sealKey);
    // The save dialog closes (commit) in the middle of the import, after it has read the bookkeeping.
    let committed: Promise<void> | undefined;
    const summary = await importReply(computer, replyForQ, { onAcknowledged: () => void (committed ??= file.commit()) });
    await committed;
    expect(summary).toMatchObject({ acknowledged: 1 });

    // The secretary goes on with p. Both are recorded: q is acknowledged (a file made now carries p
    // alone), and p's state in the saved file is known as sent (the row names it).
    await changePhone(computer, p.id, '13700000012', '2026-11-26T01:00:00.000Z');
    const now = (await branchPayload(unit, (await exportBranchFile(computer.rx, computer.sealKey)).text)).rows.people ?? [];
    expect(now.map((r) => [r.newDocumentState.id, r.sentBefore?.map((d) => (d as WireDoc<'people'>).private?.phone)])).toEqual([[p.id, ['13700000011']]]);

    // The reply to the saved file does not bring p's sent state back as a conflict.
    const { reply } = await committeeImports(unit, file.text);
    const conflicts = vi.fn();
    expect(await importReply(computer, reply, { onConflicts: conflicts })).toMatchObject({ conflicts: 0, unacknowledged: 1 });
    expect(conflicts).not.toHaveBeenCalled();
    expect((await person(computer, p.id)).private?.phone).toBe('13700000012');
  });
});

describe('files that are refused', () => {
  it('refuses a branch file changed after it was made, and stores nothing of it', async () => {
    const unit = await freshUnit();
    const computer = await branchComputer(unit);
    const file = await exportFile(computer);
    const before = await storedState(db);
    const renamed = JSON.stringify({ ...(JSON.parse(file) as object), orgName: '另一个党支部' });
    for (const changed of [tamper(file), renamed]) {
      const response = await upload(unit, changed);
      expect(response.statusCode).toBe(400);
      expect(response.json<ErrorBody>().message).toBe(TAMPERED);
    }
    expect(await storedState(db)).toEqual(before);
    expect((await serverDocs(unit)).size).toBe(0);
    // Nothing is lost at the branch: everything still waits, and the file itself goes through.
    const total = 1 + unit.demo.people.length + unit.demo.dossiers.length;
    expect((await fileSyncStatus(computer.rx, computer.sealKey)).unacknowledged).toBe(total);
    expect(await committeeImports(unit, file)).toMatchObject({ accepted: total });
  });

  it('refuses a reply changed after it was made, and changes nothing at the branch', async () => {
    const unit = await freshUnit();
    const computer = await branchComputer(unit);
    const { reply } = await committeeImports(unit, await exportFile(computer));
    const docs = await localDocs(computer);
    const status = await fileSyncStatus(computer.rx, computer.sealKey);

    const writes = await writesDuring(computer, async () => {
      await expect(importReply(computer, tamper(reply))).rejects.toMatchObject({ name: 'SyncFileError', problem: 'tampered', message: TAMPERED });
    });
    expect(writes).toBe(0);
    expect(await localDocs(computer)).toEqual(docs);
    expect(await fileSyncStatus(computer.rx, computer.sealKey)).toEqual(status);
    expect((await importReply(computer, reply)).unacknowledged).toBe(0);
  });

  it('refuses the files of a replaced code on both sides, and takes them again once the branch has the new code', async () => {
    const unit = await freshUnit();
    const computer = await branchComputer(unit);
    await firstExchange(unit, computer);
    const p = unit.demo.people[7]!;
    await changePhone(computer, p.id, '13500000001', '2026-11-25T01:00:00.000Z');
    const file = await exportFile(computer);
    // The paper with the code was lost: the committee makes a new one.
    const newCode = await issueCode(unit.token, unit.branch.id);

    const before = await storedState(db);
    const refused = await upload(unit, file);
    expect(refused.statusCode).toBe(400);
    expect(refused.json<ErrorBody>().message).toBe(
      `服务器上没有「${unit.demo.org.name}」这个文件所用的离线同步码：可能已经换了新码。请把新的离线同步码交给该支部，让它重新导出同步文件。`,
    );
    expect(await storedState(db)).toEqual(before);

    const reply = await replyWithoutFile(unit);
    const docs = await localDocs(computer);
    const status = await fileSyncStatus(computer.rx, computer.sealKey);
    const attempt = importReply(computer, reply);
    await expect(attempt).rejects.toBeInstanceOf(SyncFileError);
    await expect(attempt).rejects.toMatchObject({
      problem: 'wrong-code',
      message: '这个文件不是用本支部的离线同步码做的：可能是别的支部的文件，或者上级已经换了新的同步码。',
    });
    expect(await localDocs(computer)).toEqual(docs);
    expect(await fileSyncStatus(computer.rx, computer.sealKey)).toEqual(status);

    // The secretary types the new code: the edit that waited goes through.
    await setFileCode(computer.rx, computer.sealKey, newCode);
    const imported = await committeeImports(unit, await exportFile(computer));
    expect(imported).toMatchObject({ accepted: 1, conflicts: 0 });
    expect((await serverDoc(unit, 'people', p.id)).private?.phone).toBe('13500000001');
    expect(await importReply(computer, imported.reply)).toMatchObject({ acknowledged: 1, unacknowledged: 0 });
  });
});

describe('scans', () => {
  it.each([
    ['unchanged here', false],
    ['changed here too (merged)', true],
  ])('stay on the branch computer when a reply brings their dossier back changed elsewhere, %s', async (_, editedHere) => {
    const unit = await freshUnit();
    const dossier = unit.demo.dossiers[0]!;
    const scan = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]);
    const computer = await branchComputer(unit, async (c) => {
      const doc = (await c.col<DossierDoc>('dossiers').findOne(dossier.id).exec())!;
      await doc.putAttachment({ id: 'application.jpg', data: new Blob([scan], { type: 'image/jpeg' }), type: 'image/jpeg' });
      await doc.getLatest().incrementalPatch({ scans: [{ id: 'application.jpg', title: '入党申请书', step: 1, addedAt: '2026-11-24T01:00:00.000Z' }] });
    });
    await firstExchange(unit, computer);
    const stored = await serverDoc(unit, 'dossiers', dossier.id);
    expect(stored.scans?.map((s) => s.id)).toEqual(['application.jpg']);
    expect(stored).not.toHaveProperty('_attachments');

    // The branch's office computer, online, records the 志愿书 number on the server.
    const online = await login(app, unit.branchUser, { deviceName: '办公室电脑' });
    const elsewhere = { ...stored, volunteerBookNo: 'ZY2026-017', updatedAt: '2026-11-25T03:00:00.000Z' };
    const pushed = await app.inject({
      method: 'POST',
      url: pushUrl('dossiers'),
      headers: bearer(online.accessToken),
      payload: { rows: [{ newDocumentState: elsewhere, assumedMasterState: stored }] },
    });
    expect(pushed.statusCode, pushed.body).toBe(200);
    expect(pushed.json<{ conflicts: unknown[] }>().conflicts).toEqual([]);
    if (editedHere) {
      await (await computer.col<DossierDoc>('dossiers').findOne(dossier.id).exec())!.incrementalPatch({ note: '申请人已补交自传', updatedAt: '2026-11-25T04:00:00.000Z' });
    }

    const summary = await importReply(computer, await replyWithoutFile(unit));
    expect(summary).toMatchObject({ received: 1, conflicts: 0, unacknowledged: editedHere ? 1 : 0 });
    const after = (await computer.col<DossierDoc>('dossiers').findOne(dossier.id).exec())!;
    expect(after.volunteerBookNo).toBe('ZY2026-017');
    expect(after.note).toBe(editedHere ? '申请人已补交自传' : dossier.note);
    expect(after.allAttachments().map((a) => a.id)).toEqual(['application.jpg']);
    const data = await after.getAttachment('application.jpg')!.getData();
    expect(new Uint8Array(await data.arrayBuffer())).toEqual(scan);
  });
});
