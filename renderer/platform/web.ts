import type { DemoKind } from '@shared/ipc';
import { PlatformError, type FileFilter, type Platform } from './index';

declare const __APP_VERSION__: string;

const DATA_KEY_ITEM = 'branchdesk.dataKey';
const KEY_RING_ITEM = 'branchdesk.keyRing';

function demoFromUrl(location: Location): DemoKind | null {
  const demo = new URLSearchParams(location.search).get('demo');
  return demo === 'branch' || demo === 'scale' ? demo : null;
}

function acceptAttribute(filters: FileFilter[] | undefined): string {
  return (filters ?? []).flatMap((f) => f.extensions.map((ext) => `.${ext}`)).join(',');
}

export function createWebPlatform(win: Window): Platform {
  const doc = win.document;
  return {
    shell: 'web',
    appInfo: async () => ({ name: '支部工作台', version: __APP_VERSION__, shell: 'web', demo: demoFromUrl(win.location) }),
    saveFile: async ({ suggestedName, data }) => {
      const blob = new Blob([typeof data === 'string' ? data : new Uint8Array(data)], {
        type: typeof data === 'string' ? 'text/plain;charset=utf-8' : 'application/octet-stream',
      });
      const url = URL.createObjectURL(blob);
      const link = doc.createElement('a');
      link.href = url;
      link.download = suggestedName;
      doc.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      return { saved: true, path: `下载文件夹/${suggestedName}` };
    },
    openFile: ({ filters, maxBytes = 50 * 1024 * 1024 }) =>
      new Promise((resolve, reject) => {
        const input = doc.createElement('input');
        input.type = 'file';
        input.accept = acceptAttribute(filters);
        input.addEventListener('change', () => {
          const file = input.files?.[0];
          if (!file) return resolve(null);
          if (file.size > maxBytes) {
            return reject(new PlatformError('invalid-input', `文件太大（${Math.ceil(file.size / 1048576)} MB），最多 ${Math.floor(maxBytes / 1048576)} MB`));
          }
          file.arrayBuffer().then((buffer) => resolve({ name: file.name, data: new Uint8Array(buffer) }), reject);
        });
        input.addEventListener('cancel', () => resolve(null));
        input.click();
      }),
    printToPdf: async () => {
      // The browser's print dialog offers 另存为PDF; it does not tell whether the user saved.
      win.print();
      return { saved: false };
    },
    print: async () => {
      win.print();
    },
    notify: async ({ title, body, path }) => {
      // The browser asks the user once; without permission the 首页's list is the reminder.
      const api = (win as Window & { Notification?: typeof Notification }).Notification;
      if (!api) return false;
      const permission = api.permission === 'default' ? await api.requestPermission() : api.permission;
      if (permission !== 'granted') return false;
      const notification = new api(title, { body });
      notification.onclick = () => {
        win.focus();
        win.location.hash = `#${path}`;
      };
      return true;
    },
    // The web has no key store: without a password the key is kept beside the data (it keeps identifiers
    // out of plain view in the database files); with one, only the ring is kept and the password is asked.
    // A browser opens files only when the user picks them (从备份文件恢复).
    pendingFile: async () => null,
    loadKeys: async () => ({ ring: win.localStorage.getItem(KEY_RING_ITEM), remembered: win.localStorage.getItem(DATA_KEY_ITEM), keystore: false }),
    saveKeys: async ({ ring, remembered }) => {
      if (remembered !== null) win.localStorage.setItem(DATA_KEY_ITEM, remembered);
      if (ring === null) win.localStorage.removeItem(KEY_RING_ITEM);
      else win.localStorage.setItem(KEY_RING_ITEM, ring);
      if (remembered === null) win.localStorage.removeItem(DATA_KEY_ITEM);
    },
    on: () => () => undefined,
  };
}
