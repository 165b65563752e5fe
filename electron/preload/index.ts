/**
 * The bridge: exactly one method per IPC channel, no generic send. Runs sandboxed, so it imports
 * nothing at run time but `electron`; the contract types check it.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { BridgeApi, IpcEventName, IpcEvents } from '@shared/ipc';

const EVENTS: readonly IpcEventName[] = ['menu:navigate', 'menu:toggle-large-type', 'file:opened'];

const bridge = {
  'app:info': (request) => ipcRenderer.invoke('app:info', request),
  'file:save': (request) => ipcRenderer.invoke('file:save', request),
  'file:open': (request) => ipcRenderer.invoke('file:open', request),
  'print:pdf': (request) => ipcRenderer.invoke('print:pdf', request),
  'print:printer': (request) => ipcRenderer.invoke('print:printer', request),
  'file:pending': (request) => ipcRenderer.invoke('file:pending', request),
  'key:load': (request) => ipcRenderer.invoke('key:load', request),
  'key:save': (request) => ipcRenderer.invoke('key:save', request),
  'app:notify': (request) => ipcRenderer.invoke('app:notify', request),
  on<E extends IpcEventName>(event: E, listener: (payload: IpcEvents[E]) => void) {
    if (!EVENTS.includes(event)) throw new Error(`unknown event ${event}`);
    const wrapped = (_: unknown, payload: IpcEvents[E]) => listener(payload);
    ipcRenderer.on(event, wrapped);
    return () => void ipcRenderer.removeListener(event, wrapped);
  },
} satisfies BridgeApi;

contextBridge.exposeInMainWorld('branchDesk', bridge);
