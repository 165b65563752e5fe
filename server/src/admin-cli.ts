/**
 * `npm run server -- admin …`: the administrator's commands, printed in Chinese.
 *   create-committee --name 某某党委
 *   create-org --parent <id> --kind branch|general-branch --name …
 *   create-user --org <id> --username … --name … [--password …]
 *   reset-password --username … [--password …]
 *   file-code --org <id>      (a new 离线同步码 for a branch that syncs by file)
 *   list
 */
import { parseArgs } from 'node:util';
import type { Db } from './db/connect';
import { issueFileCode } from './sync/file-sync';
import { AdminError, createCommittee, createOrg, createUser, KIND_LABELS, listTree, resetPassword, type CreatedUser, type OrgTreeNode } from './orgs/admin';

export const ADMIN_USAGE = `用法：npm run server -- admin <命令> [参数]
  create-committee --name <党委名称>
  create-org --parent <上级组织编号> --kind branch|general-branch --name <名称>
  create-user --org <组织编号> --username <用户名> --name <姓名> [--password <密码>]
  reset-password --username <用户名> [--password <密码>]
  file-code --org <支部编号>        生成离线同步码（没有网络、用文件同步的支部）
  list`;

const OPTIONS = {
  name: { type: 'string' },
  parent: { type: 'string' },
  kind: { type: 'string' },
  org: { type: 'string' },
  username: { type: 'string' },
  password: { type: 'string' },
} as const;

/** Runs one admin command; returns the exit code. Refusals are printed to `fail`, never thrown. */
export async function runAdminCommand(db: Db, args: string[], print: (line: string) => void, fail: (line: string) => void): Promise<number> {
  const [command, ...rest] = args;
  let values: Partial<Record<keyof typeof OPTIONS, string>>;
  try {
    ({ values } = parseArgs({ args: rest, options: OPTIONS, strict: true, allowPositionals: false }));
  } catch (error) {
    fail(`参数有误：${(error as Error).message}\n${ADMIN_USAGE}`);
    return 2;
  }
  const need = (key: keyof typeof OPTIONS): string => {
    const value = values[key];
    if (!value) throw new AdminError(`缺少参数 --${key}。\n${ADMIN_USAGE}`);
    return value;
  };
  try {
    switch (command) {
      case 'create-committee': {
        const org = await createCommittee(db, { name: need('name') });
        print(`已创建党委「${org.name}」，编号 ${org.id}`);
        return 0;
      }
      case 'create-org': {
        const org = await createOrg(db, { parentId: need('parent'), kind: need('kind'), name: need('name') });
        print(`已创建${KIND_LABELS[org.kind]}「${org.name}」，编号 ${org.id}`);
        return 0;
      }
      case 'create-user': {
        const user = await createUser(db, { orgId: need('org'), username: need('username'), displayName: need('name'), password: values.password });
        printAccount(print, '已创建账号', user);
        return 0;
      }
      case 'reset-password': {
        const user = await resetPassword(db, { username: need('username'), password: values.password });
        printAccount(print, '已重设密码，该账号的所有电脑均已退出登录', user);
        return 0;
      }
      case 'file-code': {
        const { code, org } = await issueFileCode(db, null, need('org'));
        print(`「${org.name}」的离线同步码：${code}\n请抄在纸上交给该支部书记，在「同步 → 用文件同步」里输入。以前的同步码从现在起作废。`);
        return 0;
      }
      case 'list': {
        const roots = await listTree(db);
        if (roots.length === 0) print('还没有任何组织。先用 admin create-committee --name <党委名称> 创建党委。');
        for (const root of roots) printNode(print, root, '');
        return 0;
      }
      default:
        fail(command ? `没有「${command}」这个管理命令。\n${ADMIN_USAGE}` : ADMIN_USAGE);
        return 2;
    }
  } catch (error) {
    if (error instanceof AdminError) {
      fail(error.message);
      return 1;
    }
    throw error;
  }
}

function printAccount(print: (line: string) => void, what: string, user: CreatedUser): void {
  print(`${what}：用户名 ${user.username}`);
  if (user.generated) print(`初始密码：${user.password}\n（只显示这一次，请妥善转交本人。）`);
}

function printNode(print: (line: string) => void, node: OrgTreeNode, indent: string): void {
  const { org } = node;
  const data = org.kind === 'branch' ? (org.data_org_id ? `  数据编号 ${org.data_org_id}` : '  （尚未登录同步）') : '';
  print(`${indent}${org.name}（${KIND_LABELS[org.kind]}）  编号 ${org.id}${data}`);
  for (const user of node.users) print(`${indent}    · 账号 ${user.username}  ${user.displayName}${user.disabled ? '  （已停用）' : ''}`);
  for (const child of node.children) printNode(print, child, `${indent}    `);
}
