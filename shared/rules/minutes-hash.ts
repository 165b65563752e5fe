/**
 * What finalizing a meeting record locks (domain reference §2: a finalized minute is corrected by
 * amendments, never overwritten). `meetingContent` is the canonical text of that content and
 * `meetingContentHash` its SHA-256, stored as `contentHash` when the record is finalized; a record
 * whose content no longer matches its hash was edited after finalizing.
 *
 * Locked: every field a printed minute shows (kind, date, times, place, topic, host, recorder, group,
 * attendance, guests, agenda, votes, decisions, note) and any field added to the schema later.
 * Not locked: the bookkeeping of the record itself (ids, timestamps, who saved last, the status and
 * hash of finalizing) and the amendments, which are the lawful way to add to a final record. Keys
 * starting with `_` (RxDB's `_rev`, `_meta`, `_deleted`, `_attachments`) are storage bookkeeping too.
 *
 * The text is JSON with object keys sorted at every depth, so a record read back from storage in
 * another key order hashes the same. Array order is content: the order of agenda items, speeches
 * and votes is the order of the minutes.
 */
import type { MeetingDoc } from '../model';

/** Fields of a meeting record that finalizing does not lock. */
const NOT_LOCKED: ReadonlySet<string> = new Set(['id', 'orgId', 'createdAt', 'updatedAt', 'updatedBy', 'status', 'finalizedAt', 'contentHash', 'amendments']);

/** The canonical text of what finalizing locks. */
export function meetingContent(meeting: MeetingDoc): string {
  const locked = Object.fromEntries(Object.entries(meeting).filter(([key]) => !NOT_LOCKED.has(key) && !key.startsWith('_')));
  return JSON.stringify(sortedKeys(locked));
}

/** SHA-256 of `meetingContent`, 64 lowercase hex digits. */
export async function meetingContentHash(meeting: MeetingDoc): Promise<string> {
  const digest = await webCrypto().subtle.digest('SHA-256', utf8(meetingContent(meeting)));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * Whether a final record still holds the content it was finalized with. False for a draft and for a
 * final record without a stored hash: there is nothing to check it against.
 */
export async function isUnchangedSinceFinal(meeting: MeetingDoc): Promise<boolean> {
  if (meeting.status !== 'final' || !meeting.contentHash) return false;
  return (await meetingContentHash(meeting)) === meeting.contentHash.trim().toLowerCase();
}

function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value !== null && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(object)
        .sort()
        .map((key) => [key, sortedKeys(object[key])]),
    );
  }
  return value;
}

// shared/ compiles without DOM or Node types: the two Web APIs used here, as browsers and Node 20 have them.
interface WebCrypto {
  subtle: { digest(algorithm: 'SHA-256', data: Uint8Array): Promise<ArrayBuffer> };
}
interface WebGlobals {
  crypto?: WebCrypto;
  TextEncoder?: new () => { encode(text: string): Uint8Array };
}

function webCrypto(): WebCrypto {
  const crypto = (globalThis as WebGlobals).crypto;
  if (!crypto?.subtle) throw new Error('此环境不支持 Web Crypto（crypto.subtle），无法计算会议记录校验码');
  return crypto;
}

function utf8(text: string): Uint8Array {
  const Encoder = (globalThis as WebGlobals).TextEncoder;
  if (!Encoder) throw new Error('此环境不支持 TextEncoder，无法计算会议记录校验码');
  return new Encoder().encode(text);
}
