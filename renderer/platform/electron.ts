import type { BridgeApi, IpcResult } from '@shared/ipc';
import { PlatformError, type Platform } from './index';

function unwrap<T>(result: IpcResult<T>): T {
  if (result.ok) return result.value;
  throw new PlatformError(result.code, result.message);
}

export function createElectronPlatform(bridge: BridgeApi): Platform {
  return {
    shell: 'electron',
    appInfo: async () => unwrap(await bridge['app:info'](undefined)),
    saveFile: async (request) => unwrap(await bridge['file:save'](request)),
    openFile: async (request) => unwrap(await bridge['file:open'](request)),
    printToPdf: async (request) => unwrap(await bridge['print:pdf'](request)),
    print: async () => {
      unwrap(await bridge['print:printer']({}));
    },
    notify: async (request) => unwrap(await bridge['app:notify'](request)).shown,
    pendingFile: async () => unwrap(await bridge['file:pending'](undefined)),
    loadKeys: async () => unwrap(await bridge['key:load'](undefined)),
    saveKeys: async (keys) => {
      unwrap(await bridge['key:save'](keys));
    },
    on: (event, listener) => bridge.on(event, listener),
  };
}
