import type { FastifyInstance } from 'fastify';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collections, type CollectionName } from '../../../shared/model';
import {
  openSyncFile,
  readEnvelope,
  sealSyncFile,
  syncFileKeys,
  type BranchFilePayload,
  type FileRow,
  type ReplyFilePayload,
} from '../../../shared/sync/file-format';
import type { CommitteeBranchesResponse, ErrorBody, FileCodeResponse, FileImportResponse, FileReplyResponse, WireDoc } from '../../../shared/sync/protocol';
import type { Db } from '../db/connect';
import { approval, bearer, branchDocs, login, openTestDb, pushUrl, seedTree, START_TIMEOUT, storedState, testServer, USERS, type Tree } from '../testing/support';

let db: Db;
let app: FastifyInstance;
let tree: Tree;
let committee: string;
let codeA: string;
const a = branchDocs(1);
const people = a.docs.people.slice(0, 5);

beforeAll(async () => {
  db = await openTestDb();
  tree = await seedTree(db);
  app = await testServer(db);
  committee = (await login(app, USERS.committee)).accessToken;
  codeA = (await issue(committee, tree.a.id)).json<FileCodeResponse>().code;
}, START_TIMEOUT);
afterAll(async () => {
  await app.close();
  await db.destroy();
});

const issue = (token: string, orgId: string) => app.inject({ method: 'POST', url: '/api/file-sync/code', headers: bearer(token), payload: { orgId } });
const upload = (token: string, file: string) =>
  app.inject({ method: 'POST', url: '/api/file-sync/import', headers: { ...bearer(token), 'content-type': 'application/json' }, payload: file });

const schemaVersions = Object.fromEntries(Object.entries(collections).map(([name, c]) => [name, c.schema.version]));

/** A file of branch A with these rows, as its computer would make it. */
async function branchFile(rows: Partial<Record<CollectionName, FileRow[]>>, options: { checkpoint?: number; code?: string; orgId?: string } = {}): Promise<string> {
  const payload: BranchFilePayload = { kind: 'branch', orgId: options.orgId ?? a.orgId, orgName: '离退休干部党支部', checkpoint: options.checkpoint ?? 0, schemaVersions, rows };
  return sealSyncFile(payload, await syncFileKeys(options.code ?? codeA), { fileId: ulid(), createdAt: new Date().toISOString(), orgName: '离退休干部党支部' });
}

async function openReply(text: string, code = codeA): Promise<ReplyFilePayload> {
  return openSyncFile(readEnvelope(text), await syncFileKeys(code), 'reply');
}

const fresh = (docs: WireDoc[]): FileRow[] => docs.map((newDocumentState) => ({ newDocumentState }));

async function refusedWithNothingStored(token: string, file: string, status: number, message: RegExp): Promise<void> {
  const before = await storedState(db);
  const response = await upload(token, file);
  expect(response.statusCode, response.body).toBe(status);
  expect(response.json<ErrorBody>().message).toMatch(message);
  expect(await storedState(db)).toEqual(before);
}

describe('离线同步码', () => {
  it('is given by a committee for a branch of its own subtree only', async () => {
    expect(codeA).toMatch(/^([0-9A-Z]{5}-){4}[0-9A-Z]{5}$/);
    expect((await issue(committee, tree.c.id)).statusCode).toBe(403); // another committee's branch
    expect((await issue(committee, tree.general.id)).json<ErrorBody>().message).toContain('不是党支部');
    const branch = (await login(app, USERS.b)).accessToken;
    expect((await issue(branch, tree.b.id)).statusCode).toBe(403);
  });
});

describe('a branch file imported by the committee', () => {
  let first: FileImportResponse;
  let file: string;

  beforeAll(async () => {
    file = await branchFile({ orgs: fresh(a.docs.orgs), people: fresh(people) });
    const response = await upload(committee, file);
    expect(response.statusCode, response.body).toBe(200);
    first = response.json<FileImportResponse>();
  });

  it('stores every document and binds the branch to its data at the first file', async () => {
    expect(first).toMatchObject({ orgId: tree.a.id, orgName: '离退休干部党支部', accepted: 6, unchanged: 0, conflicts: 0, seenBefore: false });
    const org = await db.selectFrom('orgs').select('data_org_id').where('id', '=', tree.a.id).executeTakeFirstOrThrow();
    expect(org.data_org_id).toBe(a.orgId);
    const stored = await db.selectFrom('docs').select('id').where('org_id', '=', a.orgId).execute();
    expect(stored).toHaveLength(6);
  });

  it('answers with a reply that carries the stored documents back, with their sequence', async () => {
    expect(first.replyName).toMatch(/^离退休干部党支部-上级回复-\d{8}-\d{4}\.bdsync$/);
    const reply = await openReply(first.reply);
    expect(reply.replyTo).toBe(readEnvelope(file).fileId);
    expect(reply.from).toBe(0);
    expect(reply.imported).toEqual({ accepted: 6, unchanged: 0, conflicts: 0 });
    expect(reply.committeeName).toBe('中共市水利局机关委员会');
    expect(reply.docs.people?.map((d) => d.doc)).toEqual(people);
    expect(reply.docs.people?.every((d) => d.seq > 0 && d.seq <= reply.to)).toBe(true);
  });

  it('shows on the committee overview as a branch that syncs by file, with the time it arrived', async () => {
    const { branches } = (await app.inject({ method: 'GET', url: '/api/committee/branches', headers: bearer(committee) })).json<CommitteeBranchesResponse>();
    const branch = branches.find((b) => b.id === tree.a.id);
    expect(branch).toMatchObject({ fileSync: true, docCounts: { people: 5, orgs: 1 } });
    expect(branch?.lastSyncAt).not.toBeNull();
    expect(branches.find((b) => b.id === tree.b.id)?.fileSync).toBe(false);
  });

  it('stores nothing more when the same file is imported again', async () => {
    const before = await storedState(db);
    const again = (await upload(committee, file)).json<FileImportResponse>();
    expect(again).toMatchObject({ accepted: 0, unchanged: 6, conflicts: 0, seenBefore: true });
    expect(await storedState(db)).toEqual(before);
  });

  it('brings the committee’s approval back in the next reply, from where the branch left off', async () => {
    const reply = await openReply(first.reply);
    const decision = approval(a.orgId, tree.committee.id);
    const pushed = await app.inject({ method: 'POST', url: pushUrl('approvals'), headers: bearer(committee), payload: { rows: [{ newDocumentState: decision }] } });
    expect(pushed.statusCode).toBe(200);
    // the branch's next file says how far it got
    const next = (await upload(committee, await branchFile({}, { checkpoint: reply.to }))).json<FileImportResponse>();
    const answer = await openReply(next.reply);
    expect(answer.from).toBe(reply.to);
    expect(answer.docs.approvals?.map((d) => d.doc)).toEqual([decision]);
    expect(answer.docs.people).toBeUndefined();
    // and a reply made without a new file starts there too
    const later = (await app.inject({ method: 'GET', url: `/api/file-sync/reply/${tree.a.id}`, headers: bearer(committee) })).json<FileReplyResponse>();
    expect((await openReply(later.reply)).docs.approvals?.map((d) => d.doc.id)).toEqual([decision.id]);
  });

  it('takes a later state over the branch’s own earlier one still on its way, in either order', async () => {
    const [v1] = a.docs.people.slice(5, 6) as [WireDoc<'people'>];
    const v2 = { ...v1, name: `${v1.name}（二）` };
    const v3 = { ...v1, name: `${v1.name}（三）` };
    await upload(committee, await branchFile({ people: fresh([v1]) }));
    const file2 = await branchFile({ people: [{ newDocumentState: v2, assumedMasterState: v1 }] });
    const file3 = await branchFile({ people: [{ newDocumentState: v3, assumedMasterState: v1, sentBefore: [v2] }] });
    const stored = async () => (await db.selectFrom('docs').select('data').where('id', '=', v1.id).executeTakeFirstOrThrow()).data.name;

    expect((await upload(committee, file2)).json<FileImportResponse>().accepted).toBe(1);
    expect((await upload(committee, file3)).json<FileImportResponse>()).toMatchObject({ accepted: 1, conflicts: 0 });
    expect(await stored()).toBe(v3.name);
    // the older file arriving late changes nothing: its row conflicts, and the reply carries the current state
    const late = (await upload(committee, file2)).json<FileImportResponse>();
    expect(late).toMatchObject({ accepted: 0, conflicts: 1 });
    const current = (await openReply(late.reply)).docs.people?.find((d) => d.doc.id === v1.id)?.doc as WireDoc<'people'> | undefined;
    expect(current?.name).toBe(v3.name);
    expect(await stored()).toBe(v3.name);
  });
});

describe('refused branch files: nothing of them is stored', () => {
  it('a file changed after it was made', async () => {
    const envelope = JSON.parse(await branchFile({ people: fresh(a.docs.people.slice(10, 12)) }));
    const tampered = JSON.stringify({ ...envelope, orgName: '别的支部' });
    await refusedWithNothingStored(committee, tampered, 400, /已损坏或被改动过/);
  });

  it('a file made with an old code after a new one was issued, or with an unknown code', async () => {
    const code = (await issue(committee, tree.b.id)).json<FileCodeResponse>().code;
    const oldFile = await branchFile({}, { code, orgId: branchDocs(2).orgId });
    await issue(committee, tree.b.id);
    await refusedWithNothingStored(committee, oldFile, 400, /没有.*离线同步码.*换了新码/);
  });

  it('a file of a branch outside the committee’s subtree', async () => {
    const codeC = (await issue((await login(app, USERS.other)).accessToken, tree.c.id)).json<FileCodeResponse>().code;
    await refusedWithNothingStored(committee, await branchFile({ people: fresh(branchDocs(3).docs.people.slice(0, 2)) }, { code: codeC, orgId: branchDocs(3).orgId }), 403, /不在本党委管辖范围/);
  });

  it('a file imported by a branch account', async () => {
    const branch = (await login(app, USERS.b)).accessToken;
    await refusedWithNothingStored(branch, await branchFile({ people: fresh(a.docs.people.slice(12, 13)) }), 403, /只有上级党委/);
  });

  it('a file with one invalid document among valid ones', async () => {
    const bad = { ...a.docs.people[13]!, gender: 'unknown' } as unknown as WireDoc;
    await refusedWithNothingStored(committee, await branchFile({ people: fresh([a.docs.people[14]!, bad]) }), 400, /不符合格式.*文件没有导入/);
  });

  it('a file with another branch’s document, or with approvals', async () => {
    const foreign = branchDocs(2).docs.people[0]!;
    await refusedWithNothingStored(committee, await branchFile({ people: fresh([a.docs.people[15]!, foreign]) }), 403, /不属于本支部/);
    await refusedWithNothingStored(committee, await branchFile({ approvals: fresh([approval(a.orgId, tree.committee.id)]) }), 403, /审批结果由上级党委填写/);
  });

  it('a file whose last document has an id another branch already holds on the server', async () => {
    // branch B signed in before with no data of its own: its documents carry its server org id
    const bToken = (await login(app, USERS.b)).accessToken;
    const theirs = { ...branchDocs(2).docs.people[0]!, orgId: tree.b.id };
    expect((await app.inject({ method: 'POST', url: pushUrl('people'), headers: bearer(bToken), payload: { rows: [{ newDocumentState: theirs }] } })).statusCode).toBe(200);
    // 600 rows: applied in two transactions, the foreign id in the second
    const many = Array.from({ length: 599 }, (_, i) => ({ ...a.docs.people[0]!, id: ulid(), name: `测试${i}` }));
    const hijack = { ...theirs, orgId: a.orgId };
    await refusedWithNothingStored(committee, await branchFile({ people: fresh([...many, hijack]) }), 403, /属于其他组织.*文件没有导入/);
  });

  it('a file of other data than the branch already has on the server', async () => {
    await refusedWithNothingStored(committee, await branchFile({ people: fresh(branchDocs(4).docs.people.slice(0, 1)) }, { orgId: branchDocs(4).orgId }), 409, /另一套支部数据/);
  });

  it('a file of an older app version, a reply file, and something that is not a sync file', async () => {
    const payload = { kind: 'branch', orgId: a.orgId, orgName: 'x', checkpoint: 0, schemaVersions: { ...schemaVersions, people: -1 }, rows: { people: fresh(a.docs.people.slice(16, 17)) } } as BranchFilePayload;
    const old = await sealSyncFile(payload, await syncFileKeys(codeA), { fileId: ulid(), createdAt: '', orgName: 'x' });
    await refusedWithNothingStored(committee, old, 409, /版本较旧/);
    const reply = (await upload(committee, await branchFile({}))).json<FileImportResponse>().reply;
    await refusedWithNothingStored(committee, reply, 400, /回复文件.*支部的电脑上导入/);
    await refusedWithNothingStored(committee, JSON.stringify({ rows: [] }), 400, /不是支部工作台的同步文件/);
  });
});
