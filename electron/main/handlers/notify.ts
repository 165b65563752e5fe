/** app:notify: one desktop notification; clicking it brings the window to the front at the given section. */
import { BrowserWindow, Notification } from 'electron';
import { register, type IpcRegistrar } from '../ipc';

export function registerNotifyHandler(ipc: IpcRegistrar): void {
  register(ipc, 'app:notify', (request, event) => {
    if (!Notification.isSupported()) return { shown: false };
    const notification = new Notification({ title: request.title, body: request.body });
    notification.on('click', () => {
      const window = BrowserWindow.fromWebContents(event.sender);
      if (!window || window.isDestroyed()) return;
      if (window.isMinimized()) window.restore();
      window.focus();
      event.sender.send('menu:navigate', request.path);
    });
    notification.show();
    return { shown: true };
  });
}
