/** The lint rule that keeps DESIGN.md's dependency direction refuses each forbidden import. */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd(), ignore: false });

async function importErrors(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: file });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('dependency direction', () => {
  it.each([
    ['shared/model/x.ts', "import { App } from '../../renderer/app/App';"],
    ['shared/rules/x.ts', "import { register } from '../../electron/main/ipc';"],
    ['shared/x.ts', "import { buildApp } from '../server/src/app';"],
    ['shared/x.ts', "import { readFile } from 'node:fs/promises';"],
    ['shared/x.ts', "import { app } from 'electron';"],
    ['shared/x.ts', "import { Button } from 'antd';"],
    ['renderer/app/x.ts', "import { register } from '../../electron/main/ipc';"],
    ['renderer/app/x.ts', "import { buildApp } from '../../server/src/app';"],
    ['renderer/app/x.ts', "import { readFileSync } from 'fs';"],
    ['renderer/app/x.ts', "import { ipcRenderer } from 'electron';"],
    ['electron/main/x.ts', "import { App } from '../../renderer/app/App';"],
    ['electron/main/x.ts', "import { buildApp } from '../../server/src/app';"],
    ['server/src/x.ts', "import { platform } from '../../renderer/platform';"],
    ['server/src/x.ts', "import { register } from '../../electron/main/ipc';"],
  ])('%s may not contain: %s', async (file, source) => {
    expect(await importErrors(file, `${source}\nexport {};\n`)).toHaveLength(1);
  });

  it.each([
    ['renderer/app/x.ts', "import { collections } from '@shared/model';"],
    ['electron/main/x.ts', "import { ipcRequests } from '@shared/ipc';"],
    ['electron/main/x.ts', "import { app } from 'electron';"],
    ['server/src/x.ts', "import { collections } from '../../shared/model';"],
    ['shared/rules/x.ts', "import { collections } from '../model';"],
    ['shared/rules/x.ts', "import dayjs from 'dayjs';"],
  ])('%s may contain: %s', async (file, source) => {
    expect(await importErrors(file, `${source}\nexport {};\n`)).toEqual([]);
  });
});
