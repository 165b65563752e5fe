/** Every IPC input is parsed before use; every answer is a result object, never a thrown error. */
import type { IpcMainInvokeEvent } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { HandlerError, register, trustOnly, wrapHandler } from './ipc';

const APP = 'file:///opt/branchdesk/resources/app/out/renderer/index.html';
const event = { senderFrame: { url: `${APP}#/roster` } } as unknown as IpcMainInvokeEvent;
trustOnly(APP);

describe('wrapHandler', () => {
  it('passes the parsed request, with defaults filled in, to the handler', async () => {
    const handler = vi.fn(() => ({ saved: true, path: '/tmp/a.pdf' }));
    const result = await wrapHandler('print:pdf', handler)(event, { suggestedName: '花名册.pdf' });
    expect(handler).toHaveBeenCalledWith({ suggestedName: '花名册.pdf', landscape: false }, event);
    expect(result).toEqual({ ok: true, value: { saved: true, path: '/tmp/a.pdf' } });
  });

  it('refuses input that does not fit the contract without calling the handler', async () => {
    const handler = vi.fn();
    const result = await wrapHandler('file:save', handler)(event, { suggestedName: '../../etc/passwd', data: 'x' });
    expect(handler).not.toHaveBeenCalled();
    expect(result).toMatchObject({ ok: false, code: 'invalid-input', message: expect.stringContaining('文件名不能含有') });
  });

  it('refuses a request of the wrong shape', async () => {
    const result = await wrapHandler('file:open', vi.fn())(event, 'open everything');
    expect(result).toMatchObject({ ok: false, code: 'invalid-input' });
  });

  it('answers a refusal of the handler with its code and message', async () => {
    const result = await wrapHandler('file:open', () => {
      throw new HandlerError('io-error', '无法读取文件');
    })(event, {});
    expect(result).toEqual({ ok: false, code: 'io-error', message: '无法读取文件' });
  });

  it('answers an unexpected error with a plain message and logs the detail', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const result = await wrapHandler('app:info', () => {
      throw new TypeError('boom');
    })(event, undefined);
    expect(result).toMatchObject({ ok: false, code: 'internal', message: expect.stringContaining('请重试') });
    expect(log).toHaveBeenCalled();
    log.mockRestore();
  });

  it('registers a channel under its own name', () => {
    const handle = vi.fn();
    register({ handle }, 'app:info', () => ({ name: '支部工作台', version: '0.1.0', shell: 'electron', demo: null }));
    expect(handle).toHaveBeenCalledWith('app:info', expect.any(Function));
  });

  it('refuses a request from any page but the app itself, without calling the handler', async () => {
    const handler = vi.fn();
    const stranger = { senderFrame: { url: 'https://example.com/' } } as unknown as IpcMainInvokeEvent;
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await wrapHandler('app:info', handler)(stranger, undefined)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(handler).not.toHaveBeenCalled();
    log.mockRestore();
  });
});
