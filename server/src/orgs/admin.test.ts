import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAdminCommand } from '../admin-cli';
import { verifyPassword } from '../auth/passwords';
import type { Db } from '../db/connect';
import { openTestDb, START_TIMEOUT } from '../testing/support';
import { createCommittee, createOrg, createUser, listTree, resetPassword } from './admin';
import { branchDataIdsBelow, committeesAbove, descendants } from './tree';

let db: Db;
beforeAll(async () => {
  db = await openTestDb();
}, START_TIMEOUT);
afterAll(() => db.destroy());

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runAdminCommand(db, args, (line) => out.push(line), (line) => err.push(line));
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('admin functions', () => {
  it('build a tree of 党委, 党总支 and 党支部 and list it with its accounts', async () => {
    const committee = await createCommittee(db, { name: '中共市林业局委员会' });
    const general = await createOrg(db, { parentId: committee.id, kind: 'general-branch', name: '林场党总支' });
    const branch = await createOrg(db, { parentId: general.id, kind: 'branch', name: '第一林场党支部' });
    await createUser(db, { orgId: branch.id, username: 'LinChang1', displayName: '王书记', password: 'lin-chang-2026' });

    const [root] = (await listTree(db)).filter((node) => node.org.id === committee.id);
    expect(root?.children[0]?.org.name).toBe('林场党总支');
    expect(root?.children[0]?.children[0]?.users).toEqual([expect.objectContaining({ username: 'linchang1', displayName: '王书记', role: 'branch' })]);
    expect((await descendants(db, committee.id)).map((org) => org.id)).toEqual([general.id, branch.id]);
  });

  it('give accounts of a 党委 or 党总支 the committee role, of a 党支部 the branch role', async () => {
    const committee = await createCommittee(db, { name: '中共市园林局委员会' });
    const general = await createOrg(db, { parentId: committee.id, kind: 'general-branch', name: '园林处党总支' });
    await createUser(db, { orgId: general.id, username: 'yuanlin-zongzhi', displayName: '李委员' });
    const user = await db.selectFrom('users').selectAll().where('username', '=', 'yuanlin-zongzhi').executeTakeFirstOrThrow();
    expect(user.role).toBe('committee');
    expect(user.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('refuse a 党支部 under a 党支部 and a 党总支 under a 党总支', async () => {
    const committee = await createCommittee(db, { name: '中共市气象局委员会' });
    const general = await createOrg(db, { parentId: committee.id, kind: 'general-branch', name: '气象台党总支' });
    const branch = await createOrg(db, { parentId: committee.id, kind: 'branch', name: '气象台党支部' });
    await expect(createOrg(db, { parentId: branch.id, kind: 'branch', name: '下级支部' })).rejects.toThrow('党支部不能设在党支部「气象台党支部」之下');
    await expect(createOrg(db, { parentId: general.id, kind: 'general-branch', name: '再下一级' })).rejects.toThrow('党总支不能设在党总支');
  });

  it('refuse a username already taken, whatever its case', async () => {
    const committee = await createCommittee(db, { name: '中共市统计局委员会' });
    await createUser(db, { orgId: committee.id, username: 'tongji', displayName: '赵部长' });
    await expect(createUser(db, { orgId: committee.id, username: ' TongJi ', displayName: '钱部长' })).rejects.toThrow('用户名「tongji」已被使用');
  });

  it('reset a password and sign every device of the account out', async () => {
    const committee = await createCommittee(db, { name: '中共市档案局委员会' });
    const { userId } = await createUser(db, { orgId: committee.id, username: 'dangan', displayName: '孙部长', password: 'old-password-1' });
    await db.insertInto('devices').values({ id: '01J00000000000000000000001', user_id: userId, org_id: committee.id, name: '办公室电脑', refresh_hash: 'x', refresh_expires_at: new Date(), last_seen_at: new Date() }).execute();
    const reset = await resetPassword(db, { username: 'dangan' });
    expect(reset.generated).toBe(true);
    const user = await db.selectFrom('users').select('password_hash').where('id', '=', userId).executeTakeFirstOrThrow();
    expect(await verifyPassword(user.password_hash, reset.password)).toBe(true);
    expect(await verifyPassword(user.password_hash, 'old-password-1')).toBe(false);
    const device = await db.selectFrom('devices').select('revoked').where('user_id', '=', userId).executeTakeFirstOrThrow();
    expect(device.revoked).toBe(true);
  });

  it('record every admin action in the audit log', async () => {
    const committee = await createCommittee(db, { name: '中共市商务局委员会' });
    const { userId } = await createUser(db, { orgId: committee.id, username: 'shangwu', displayName: '吴部长' });
    await resetPassword(db, { username: 'shangwu' });
    const entries = await db.selectFrom('audit').select(['action', 'org_id']).where('org_id', '=', committee.id).orderBy('id').execute();
    expect(entries.map((entry) => entry.action)).toEqual(['admin.create-org', 'admin.create-user', 'admin.reset-password']);
    const forUser = await db.selectFrom('audit').select('action').where('user_id', '=', userId).execute();
    expect(forUser).toHaveLength(2);
  });

  it('find the branches below a committee and the committees above a branch by its data org id', async () => {
    const committee = await createCommittee(db, { name: '中共市审计局委员会' });
    const general = await createOrg(db, { parentId: committee.id, kind: 'general-branch', name: '审计一处党总支' });
    const branch = await createOrg(db, { parentId: general.id, kind: 'branch', name: '审计一科党支部' });
    await db.updateTable('orgs').set({ data_org_id: 'LOCAL-DATA-ID-OF-THE-BRANCH' }).where('id', '=', branch.id).execute();
    expect(await branchDataIdsBelow(db, committee.id)).toEqual(['LOCAL-DATA-ID-OF-THE-BRANCH']);
    expect(await branchDataIdsBelow(db, general.id)).toEqual(['LOCAL-DATA-ID-OF-THE-BRANCH']);
    expect((await committeesAbove(db, 'LOCAL-DATA-ID-OF-THE-BRANCH')).sort()).toEqual([committee.id, general.id].sort());
  });
});

describe('admin command line', () => {
  it('creates a committee, an org and a user with a generated password, and lists them', async () => {
    const committee = await run('create-committee', '--name', '中共市水务局委员会');
    expect(committee.code).toBe(0);
    const committeeId = /编号 (\w{26})/.exec(committee.out)![1]!;
    const branch = await run('create-org', '--parent', committeeId, '--kind', 'branch', '--name', '水厂党支部');
    expect(branch.out).toMatch(/^已创建党支部「水厂党支部」，编号 \w{26}$/);
    const branchId = /编号 (\w{26})/.exec(branch.out)![1]!;
    const user = await run('create-user', '--org', branchId, '--username', 'shuichang', '--name', '周书记');
    expect(user.out).toMatch(/初始密码：[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}/);
    const list = await run('list');
    expect(list.out).toContain('中共市水务局委员会（党委）');
    expect(list.out).toContain('水厂党支部（党支部）');
    expect(list.out).toContain('账号 shuichang  周书记');
  });

  it('exits non-zero with a message in Chinese on bad input', async () => {
    expect(await run('create-org', '--parent', 'NOPE', '--kind', 'branch', '--name', '某支部')).toMatchObject({ code: 1, err: expect.stringContaining('找不到上级组织 NOPE') });
    expect(await run('create-org', '--kind', 'branch', '--name', '某支部')).toMatchObject({ code: 1, err: expect.stringContaining('缺少参数 --parent') });
    expect(await run('create-user', '--org', 'x', '--username', 'u1', '--name', '某人', '--password', 'short')).toMatchObject({ code: 1, err: '密码至少需要 8 个字符。' });
    expect(await run('launch-rockets')).toMatchObject({ code: 2, err: expect.stringContaining('没有「launch-rockets」这个管理命令') });
    expect(await run('list', '--verbose')).toMatchObject({ code: 2, err: expect.stringContaining('参数有误') });
  });
});
