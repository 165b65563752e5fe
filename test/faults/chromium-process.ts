/**
 * Chromium as a child process of our own, so it can be killed like a power cut kills it: the whole process
 * group (browser, storage service, renderers) with SIGKILL, no chance to flush or shut down.
 * Playwright attaches over the DevTools protocol only to drive the page.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, readdirSync, readFileSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium.ts';

export interface ChromiumProcess {
  child: ChildProcess;
  browser: Browser;
  /** SIGKILL to every process of the group; resolves once the browser process is gone and no process of the group is left. */
  killGroup(): Promise<void>;
}

/** Pids of live processes in a process group (from /proc: field 5 of stat is the group). */
export function processGroupMembers(pgid: number): number[] {
  const members: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name (field 2) is in parentheses and may hold spaces: fields are counted after it.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) === pgid && fields[0] !== 'Z') members.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return members;
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `logFile`: Chromium's own log (--enable-logging) is appended there, for diagnosing a failed run. */
export async function launchChromium(profileDir: string, logFile?: string): Promise<ChromiumProcess> {
  const logging = logFile ? ['--enable-logging=stderr', '--v=0'] : [];
  const child = spawn(CHROMIUM_PATH, [...CHROMIUM_ARGS, ...logging, '--headless', `--user-data-dir=${profileDir}`, '--remote-debugging-port=0', 'about:blank'], {
    // Its own process group, so one kill reaches every Chromium process and nothing else.
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const endpoint = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`Chromium printed no DevTools address in 30 s:\n${output}`)), 30_000);
    child.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`Chromium exited (${code ?? signal}) before it listened:\n${output}`));
    });
  });
  // Keep draining stderr: a full pipe would block Chromium.
  if (logFile) child.stderr!.on('data', (chunk: Buffer) => appendFileSync(logFile, chunk));
  child.stderr!.resume();
  const pgid = child.pid!;
  const killGroup = async () => {
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      // Already gone.
    }
    await exited;
    for (let i = 0; i < 100 && processGroupMembers(pgid).length > 0; i++) await delay(20);
    const left = processGroupMembers(pgid);
    if (left.length > 0) throw new Error(`Chromium processes still alive after SIGKILL: ${left.join(', ')}`);
  };
  try {
    const browser = await chromium.connectOverCDP(endpoint);
    return { child, browser, killGroup };
  } catch (error) {
    await killGroup();
    throw error;
  }
}
