// What `npm run dist` decides and says, as plain functions (tested in test/integration/dist.test.ts).

/** The configuration without auto-update, for builds that set no update address. */
export const NO_UPDATES_CONFIG = 'build/electron-builder.no-updates.yml';

/**
 * The electron-builder arguments for this build, and one line to print before packaging (or null).
 * An update address must be https: updates are not code-signed on Linux.
 */
export function packagingPlan(env, args) {
  const url = env.BRANCH_DESK_UPDATE_URL ?? '';
  if (url === '') {
    return { args: ['--config', NO_UPDATES_CONFIG, ...args], notice: '未设置 BRANCH_DESK_UPDATE_URL：打出的安装包不带自动更新。', error: null };
  }
  if (!url.startsWith('https://')) {
    return { args: [], notice: null, error: `BRANCH_DESK_UPDATE_URL 必须以 https:// 开头（现在是 ${url}），否则更新包可能在传输中被人替换；安装包未生成。` };
  }
  return { args: [...args], notice: `安装包将从 ${url} 自动更新。`, error: null };
}

const UNREACHABLE = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|getaddrinfo|socket hang up|certificate|HTTPError|Response code \d{3}|checksum/i;

/** The last step electron-builder logged (`  • packaging  platform=linux …`) and its fields. */
function lastStep(output) {
  const steps = [...output.matchAll(/^\s*•\s+(\S+)\s*(.*)$/gm)];
  const last = steps.at(-1);
  if (!last) return null;
  const fields = Object.fromEntries([...last[2].matchAll(/(\w+)=(\S+)/g)].map((m) => [m[1], m[2]]));
  return { name: last[1], fields };
}

/** electron-builder's own error line, without its key=value tail. */
function failureReason(output) {
  const line = /^\s*⨯\s+(.*)$/m.exec(output)?.[1] ?? '';
  return line.replace(/\s+\w+=.*$/, '').trim() || '无法下载';
}

/**
 * One line saying why electron-builder failed, when the cause is something this machine lacks
 * (Electron or the packaging tools, fetched from GitHub); null for any other failure.
 */
export function explainPackagingFailure(output) {
  if (/Cannot compute electron version/i.test(output)) {
    return '打包需要 node_modules 里的 electron 包（用来确定 Electron 版本），请先运行 npm install；安装包未生成。';
  }
  const step = lastStep(output);
  const electronDistMissing = /electronDist does not exist|electronDist is neither/i.test(output);
  if (!UNREACHABLE.test(output) && !electronDistMissing) return null;
  const reason = failureReason(output);
  // Electron is fetched while packaging each platform and arch; the tools (NSIS, fpm, AppImage) after.
  if (electronDistMissing || step?.name === 'packaging') {
    const { electron: version = '', platform = '<系统>', arch = '<架构>' } = step?.fields ?? {};
    const zip = version ? `electron-v${version}-${platform}-${arch}.zip` : 'Electron 程序包';
    return `打包需要 Electron 程序包 ${zip}，本机取不到（${reason}），安装包未生成：请在能访问 GitHub 的机器上运行 npm run dist，或把 ${zip} 放进一个文件夹后运行 npm run dist -- -c.electronDist=那个文件夹。`;
  }
  return `打包还要从 GitHub 下载打包工具（NSIS、fpm、AppImage），本机取不到（${reason}），安装包未生成；out/ 已构建，请在能访问 GitHub 的机器上运行 npm run dist。`;
}
