/**
 * Refusals the server answers with `{ error, message }` (protocol ErrorBody): a stable code for the
 * client's code and a message in Chinese for the person in front of it. Technical detail goes to
 * the log, not to the message.
 */
import type { SyncErrorCode } from '../../shared/sync/protocol';

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: SyncErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const badRequest = (message: string) => new HttpError(400, 'bad-request', message);
export const forbidden = (message: string) => new HttpError(403, 'forbidden', message);
export const unauthenticated = (message = '请先登录。') => new HttpError(401, 'unauthenticated', message);
