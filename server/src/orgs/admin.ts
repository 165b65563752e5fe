/**
 * What the administrator does from the command line (cli.ts): build the org tree, create accounts,
 * reset passwords, list everything. Refusals are AdminError with a message in Chinese.
 */
import type { Kysely } from 'kysely';
import { ulid } from 'ulid';
import type { AccountRole, ServerOrgKind } from '../../../shared/sync/protocol';
import { recordAudit } from '../audit';
import { generatePassword, hashPassword, passwordProblem } from '../auth/passwords';
import type { Database, OrgRow } from '../db/schema';

export class AdminError extends Error {
  override name = 'AdminError';
}

export const KIND_LABELS: Record<ServerOrgKind, string> = { committee: '党委', 'general-branch': '党总支', branch: '党支部' };

/** A 党总支 sits under a 党委; a 党支部 under a 党委 or a 党总支; nothing sits under a 党支部. */
const ALLOWED_PARENTS: Record<ServerOrgKind, readonly ServerOrgKind[]> = {
  committee: [],
  'general-branch': ['committee'],
  branch: ['committee', 'general-branch'],
};

/** Usernames compare without surrounding spaces and case, so "ZhangSan" and "zhangsan " are one account. */
export function normalizeUsername(username: string): string {
  return username.normalize('NFC').trim().toLowerCase();
}

function checkName(name: string | undefined, what: string): string {
  const trimmed = (name ?? '').trim();
  if (trimmed.length < 2 || trimmed.length > 100) throw new AdminError(`${what}需要 2 到 100 个字符。`);
  return trimmed;
}

export async function createCommittee(db: Kysely<Database>, input: { name: string }): Promise<OrgRow> {
  return insertOrg(db, { parentId: null, kind: 'committee', name: checkName(input.name, '党委名称') });
}

export async function createOrg(db: Kysely<Database>, input: { parentId: string; kind: string; name: string }): Promise<OrgRow> {
  if (input.kind !== 'branch' && input.kind !== 'general-branch') throw new AdminError('组织类型只能是 branch（党支部）或 general-branch（党总支）。');
  const kind: ServerOrgKind = input.kind;
  const name = checkName(input.name, '组织名称');
  const parent = await db.selectFrom('orgs').selectAll().where('id', '=', input.parentId).executeTakeFirst();
  if (!parent) throw new AdminError(`找不到上级组织 ${input.parentId}，请用 admin list 查看组织编号。`);
  if (!ALLOWED_PARENTS[kind].includes(parent.kind)) {
    throw new AdminError(`${KIND_LABELS[kind]}不能设在${KIND_LABELS[parent.kind]}「${parent.name}」之下。`);
  }
  return insertOrg(db, { parentId: parent.id, kind, name });
}

async function insertOrg(db: Kysely<Database>, org: { parentId: string | null; kind: ServerOrgKind; name: string }): Promise<OrgRow> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('orgs')
      .values({ id: ulid(), parent_id: org.parentId, kind: org.kind, name: org.name, data_org_id: null })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, [{ action: 'admin.create-org', orgId: row.id, detail: { kind: row.kind, name: row.name, parentId: row.parent_id } }]);
    return row;
  });
}

export interface CreatedUser {
  userId: string;
  username: string;
  /** The password to hand over: the given one, or a generated one. */
  password: string;
  generated: boolean;
}

export async function createUser(
  db: Kysely<Database>,
  input: { orgId: string; username: string; displayName: string; password?: string | undefined },
): Promise<CreatedUser> {
  const username = normalizeUsername(input.username);
  if (!/^[\p{L}\p{N}._-]{2,64}$/u.test(username)) throw new AdminError('用户名需要 2 到 64 个字符，只能用文字、数字、点、下划线和连字符。');
  const displayName = checkName(input.displayName, '姓名');
  const password = input.password ?? generatePassword();
  const problem = passwordProblem(password);
  if (problem) throw new AdminError(problem);
  const org = await db.selectFrom('orgs').selectAll().where('id', '=', input.orgId).executeTakeFirst();
  if (!org) throw new AdminError(`找不到组织 ${input.orgId}，请用 admin list 查看组织编号。`);
  const role: AccountRole = org.kind === 'branch' ? 'branch' : 'committee';
  const passwordHash = await hashPassword(password);
  return db.transaction().execute(async (trx) => {
    const taken = await trx.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
    if (taken) throw new AdminError(`用户名「${username}」已被使用，请换一个。`);
    const id = ulid();
    await trx.insertInto('users').values({ id, username, display_name: displayName, password_hash: passwordHash, org_id: org.id, role }).execute();
    await recordAudit(trx, [{ action: 'admin.create-user', userId: id, orgId: org.id, detail: { username, role } }]);
    return { userId: id, username, password, generated: input.password === undefined };
  });
}

/** Sets a new password and signs every device of the account out. */
export async function resetPassword(db: Kysely<Database>, input: { username: string; password?: string | undefined }): Promise<CreatedUser> {
  const username = normalizeUsername(input.username);
  const password = input.password ?? generatePassword();
  const problem = passwordProblem(password);
  if (problem) throw new AdminError(problem);
  const passwordHash = await hashPassword(password);
  return db.transaction().execute(async (trx) => {
    const user = await trx.updateTable('users').set({ password_hash: passwordHash }).where('username', '=', username).returning(['id', 'org_id']).executeTakeFirst();
    if (!user) throw new AdminError(`没有用户名为「${username}」的账号。`);
    await trx.updateTable('devices').set({ revoked: true }).where('user_id', '=', user.id).execute();
    await recordAudit(trx, [{ action: 'admin.reset-password', userId: user.id, orgId: user.org_id, detail: { username } }]);
    return { userId: user.id, username, password, generated: input.password === undefined };
  });
}

export interface OrgTreeNode {
  org: OrgRow;
  users: { id: string; username: string; displayName: string; role: AccountRole; disabled: boolean }[];
  children: OrgTreeNode[];
}

/** Every org as a forest (one tree per top-level 党委), with its accounts. */
export async function listTree(db: Kysely<Database>): Promise<OrgTreeNode[]> {
  const orgs = await db.selectFrom('orgs').selectAll().orderBy('created_at').orderBy('id').execute();
  const users = await db.selectFrom('users').select(['id', 'username', 'display_name', 'role', 'disabled', 'org_id']).orderBy('username').execute();
  const nodes = new Map<string, OrgTreeNode>(orgs.map((org) => [org.id, { org, users: [], children: [] }]));
  for (const user of users) {
    nodes.get(user.org_id)?.users.push({ id: user.id, username: user.username, displayName: user.display_name, role: user.role, disabled: user.disabled });
  }
  const roots: OrgTreeNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.org.parent_id ? nodes.get(node.org.parent_id) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}
