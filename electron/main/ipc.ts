/**
 * One helper registers every IPC channel: it parses the input with the shared schema and
 * answers `{ ok: true, value }` or `{ ok: false, code, message }`, never a thrown object.
 */
import type { IpcMainInvokeEvent } from 'electron';
import { ipcRequests, type IpcChannel, type IpcErrorCode, type IpcParsedRequest, type IpcResponses, type IpcResult } from '@shared/ipc';
import { isAppUrl } from './security';

export type Handler<C extends IpcChannel> = (request: IpcParsedRequest<C>, event: IpcMainInvokeEvent) => Promise<IpcResponses[C]> | IpcResponses[C];

/** A refusal with a message for the user (Chinese) and a code for the program. */
export class HandlerError extends Error {
  constructor(
    readonly code: IpcErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export interface IpcRegistrar {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown): void;
}

/** Which page may call the handlers: set once by main to the app's own entry URL. */
let trustedEntry: string | null = null;
export function trustOnly(appEntry: string): void {
  trustedEntry = appEntry;
}

export function wrapHandler<C extends IpcChannel>(channel: C, handler: Handler<C>) {
  return async (event: IpcMainInvokeEvent, input: unknown): Promise<IpcResult<IpcResponses[C]>> => {
    // Only the app's own page may ask: never a frame or page that got in some other way.
    const sender = event.senderFrame?.url ?? '';
    if (trustedEntry !== null && !isAppUrl(sender, trustedEntry)) {
      console.error(`[ipc ${channel}] refused a request from ${sender}`);
      return { ok: false, code: 'forbidden', message: '请求来源不是支部工作台本身，已拒绝' };
    }
    const parsed = ipcRequests[channel].safeParse(input);
    if (!parsed.success) {
      const detail = parsed.error.issues.map((i) => `${i.path.join('.') || '输入'}: ${i.message}`).join('；');
      return { ok: false, code: 'invalid-input', message: `请求内容不正确（${detail}）` };
    }
    try {
      return { ok: true, value: await handler(parsed.data as IpcParsedRequest<C>, event) };
    } catch (error) {
      if (error instanceof HandlerError) return { ok: false, code: error.code, message: error.message };
      console.error(`[ipc ${channel}]`, error);
      return { ok: false, code: 'internal', message: '操作没有完成，请重试；如仍不行，请联系技术支持。' };
    }
  };
}

export function register<C extends IpcChannel>(ipc: IpcRegistrar, channel: C, handler: Handler<C>): void {
  ipc.handle(channel, wrapHandler(channel, handler));
}
