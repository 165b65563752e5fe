/** file:save and file:open: the user picks the place in the system dialog; main reads or writes. */
import { BrowserWindow, dialog } from 'electron';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { writeFileAtomic } from '../atomic-write';
import { HandlerError, register, type IpcRegistrar } from '../ipc';

export function registerFileHandlers(ipc: IpcRegistrar): void {
  register(ipc, 'file:save', async (request, event) => {
    const window = BrowserWindow.fromWebContents(event.sender);
    const options = { defaultPath: request.suggestedName, filters: request.filters };
    const choice = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
    if (choice.canceled || !choice.filePath) return { saved: false };
    try {
      await writeFileAtomic(choice.filePath, request.data);
    } catch (error) {
      console.error('[file:save]', error);
      throw new HandlerError('io-error', `无法保存到 ${choice.filePath}：请检查U盘是否插好、是否有写入权限。`);
    }
    return { saved: true, path: choice.filePath };
  });

  register(ipc, 'file:open', async (request, event) => {
    const window = BrowserWindow.fromWebContents(event.sender);
    const options = { properties: ['openFile' as const], filters: request.filters };
    const choice = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
    const path = choice.filePaths[0];
    if (choice.canceled || !path) return null;
    const info = await stat(path);
    if (info.size > request.maxBytes) {
      throw new HandlerError('invalid-input', `文件太大（${Math.ceil(info.size / 1048576)} MB），最多 ${Math.floor(request.maxBytes / 1048576)} MB`);
    }
    return { name: basename(path), data: new Uint8Array(await readFile(path)) };
  });
}
