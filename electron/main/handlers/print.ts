/** print:pdf and print:printer: A4, the page's own @page margins (GB/T 9704). */
import { BrowserWindow, dialog } from 'electron';
import { HandlerError, register, type IpcRegistrar } from '../ipc';
import { writeFileAtomic } from '../atomic-write';

export function registerPrintHandlers(ipc: IpcRegistrar): void {
  register(ipc, 'print:pdf', async (request, event) => {
    const window = BrowserWindow.fromWebContents(event.sender);
    if (!window) throw new HandlerError('internal', '找不到要打印的窗口');
    const pdf = await event.sender.printToPDF({ pageSize: 'A4', landscape: request.landscape, printBackground: true, preferCSSPageSize: true });
    const choice = await dialog.showSaveDialog(window, { defaultPath: request.suggestedName, filters: [{ name: 'PDF 文件', extensions: ['pdf'] }] });
    if (choice.canceled || !choice.filePath) return { saved: false };
    await writeFileAtomic(choice.filePath, pdf);
    return { saved: true, path: choice.filePath };
  });

  register(ipc, 'print:printer', (_request, event) =>
    new Promise((resolve, reject) => {
      event.sender.print({ silent: false, printBackground: true, pageSize: 'A4' }, (printed, failureReason) => {
        if (printed || failureReason === 'cancelled') resolve({ printed });
        else reject(new HandlerError('io-error', `打印没有完成：${failureReason}。请检查打印机是否开机、是否缺纸。`));
      });
    }),
  );
}
