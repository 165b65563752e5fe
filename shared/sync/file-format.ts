/**
 * The sync file (`.bdsync`, DESIGN.md §5 "No link"): how a branch that is never online and its
 * committee exchange the same pull/push rows as the network sync, on a USB stick.
 *
 * - `branch` files go from the branch to the committee: push rows of everything the server has not
 *   acknowledged, and the server sequence the branch has received up to (its checkpoint).
 * - `reply` files go back: every document of the branch's scope the server changed after that checkpoint
 *   (the branch's own documents as stored, which acknowledges them, and the committee's approvals).
 *
 * Protection. The committee gives the branch a 离线同步码 (shared/sync/code.ts, 125 random bits) on
 * paper; both sides derive three things from it with HKDF-SHA-256: an AES-256-GCM key that encrypts the
 * gzipped payload, an HMAC-SHA-256 key that signs the whole file, and a key id that names the code
 * without revealing it (the server finds the branch by it). The signature is a shared-key signature: it
 * proves the file was made by a holder of the code (the branch or its committee's server) and not
 * changed since; the kind is signed too, so a branch file cannot pass for a reply.
 *
 * Web Crypto and CompressionStream only: the same code runs in the app and in the server (Node ≥ 18).
 */
import { fromBase64, toBase64 } from '../bytes';
import type { CollectionName } from '../model';
import { normalizeCode } from './code';
import type { PushRow, WireDoc } from './protocol';

export const SYNC_FILE_EXTENSION = 'bdsync';
/** The file dialogs' filter for sync files, on both sides. */
export const SYNC_FILE_FILTERS = [{ name: '支部工作台同步文件', extensions: [SYNC_FILE_EXTENSION] }];
export const SYNC_FILE_FORMAT = 'branchdesk-sync';
export const SYNC_FILE_VERSION = 1;
/** Larger files are refused before anything is decrypted (a 10,000-member branch's first file is ~10 MB). */
export const MAX_SYNC_FILE_BYTES = 64 * 1024 * 1024;

export type SyncFileKind = 'branch' | 'reply';

/** The file as stored: JSON, readable headers, the payload encrypted. */
export interface SyncFileEnvelope {
  format: typeof SYNC_FILE_FORMAT;
  version: typeof SYNC_FILE_VERSION;
  kind: SyncFileKind;
  /** Names the 离线同步码 the file is protected with (derived from it; does not reveal it). */
  keyId: string;
  /** A new id for every file: replies name the branch file they answer. */
  fileId: string;
  /** The maker's clock, for people reading the file only; nothing is ordered by it. */
  createdAt: string;
  /** Whose file it is, shown before it is imported. */
  orgName: string;
  /** Base64: the AES-GCM nonce. */
  iv: string;
  /** Base64: AES-256-GCM of the gzipped JSON payload. */
  data: string;
  /** Base64: HMAC-SHA-256 over everything above. */
  signature: string;
}

/**
 * A push row of a file: the network's row, plus the states this branch computer sent in earlier files
 * that were not acknowledged yet (shared/sync/file-exchange.ts). The server takes the new state when its
 * master is the assumed one or one of these (this computer's own earlier version).
 */
export interface FileRow<C extends CollectionName = CollectionName> extends PushRow<C> {
  sentBefore?: WireDoc<C>[];
}

/** Branch → committee. */
export interface BranchFilePayload {
  kind: 'branch';
  /** The data org id (the `orgId` the branch's documents carry). */
  orgId: string;
  orgName: string;
  /** The server sequence up to which the branch has every change of its scope (from imported replies). */
  checkpoint: number;
  /** The schema version of every collection in the file: both sides must run the same. */
  schemaVersions: Partial<Record<CollectionName, number>>;
  rows: Partial<Record<CollectionName, FileRow[]>>;
}

/** A document of a reply with the server sequence it was stored under. */
export interface ReplyDoc<C extends CollectionName = CollectionName> {
  seq: number;
  doc: WireDoc<C>;
}

/** Committee → branch. */
export interface ReplyFilePayload {
  kind: 'reply';
  orgId: string;
  orgName: string;
  committeeName: string;
  /** The branch file this answers; null for a reply made without one (after approving later). */
  replyTo: string | null;
  /** Every change of the branch's scope with from < seq ≤ to is in `docs` (plus conflicting masters). */
  from: number;
  to: number;
  schemaVersions: Partial<Record<CollectionName, number>>;
  docs: Partial<Record<CollectionName, ReplyDoc[]>>;
  /** What the import of `replyTo` did on the server; null without one. */
  imported: { accepted: number; unchanged: number; conflicts: number } | null;
}

export type SyncFilePayload = BranchFilePayload | ReplyFilePayload;

export type SyncFileProblem = 'not-a-sync-file' | 'newer-format' | 'wrong-kind' | 'wrong-code' | 'tampered' | 'bad-code' | 'too-large';

/** A file refused, with a message for the secretary. */
export class SyncFileError extends Error {
  override readonly name = 'SyncFileError';
  constructor(
    readonly problem: SyncFileProblem,
    message: string,
  ) {
    super(message);
  }
}

// ---------------------------------------------------------------------------------------------
// Keys

/** Web Crypto's key type, named the same way in the app (DOM) and in the server (Node). */
type WebCryptoKey = Awaited<ReturnType<typeof globalThis.crypto.subtle.importKey>>;

export interface SyncFileKeys {
  keyId: string;
  encrypt: WebCryptoKey;
  sign: WebCryptoKey;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const SALT = encoder.encode('branchdesk-sync-file/v1');

/** The keys of a 离线同步码 as typed (any case, spaces, dashes); a SyncFileError when it cannot be one. */
export async function syncFileKeys(typedCode: string): Promise<SyncFileKeys> {
  const code = normalizeCode(typedCode);
  if (!code) throw new SyncFileError('bad-code', '离线同步码应为 25 位字母和数字（可带短横线），请对照上级给的纸条再输入一次。');
  const subtle = globalThis.crypto.subtle;
  const base = await subtle.importKey('raw', encoder.encode(code.replaceAll('-', '')), 'HKDF', false, ['deriveKey', 'deriveBits']);
  const hkdf = (info: string) => ({ name: 'HKDF', hash: 'SHA-256', salt: SALT, info: encoder.encode(info) });
  const [encrypt, sign, idBits] = await Promise.all([
    subtle.deriveKey(hkdf('encrypt'), base, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']),
    subtle.deriveKey(hkdf('sign'), base, { name: 'HMAC', hash: 'SHA-256', length: 256 }, false, ['sign', 'verify']),
    subtle.deriveBits(hkdf('key-id'), base, 80),
  ]);
  return { keyId: toHex(new Uint8Array(idBits)), encrypt, sign };
}

// ---------------------------------------------------------------------------------------------
// Writing and reading

export interface SealOptions {
  fileId: string;
  createdAt: string;
  orgName: string;
}

/** The file's text: the payload gzipped, encrypted and signed. */
export async function sealSyncFile(payload: SyncFilePayload, keys: SyncFileKeys, options: SealOptions): Promise<string> {
  const subtle = globalThis.crypto.subtle;
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(12));
  const header = {
    format: SYNC_FILE_FORMAT,
    version: SYNC_FILE_VERSION,
    kind: payload.kind,
    keyId: keys.keyId,
    fileId: options.fileId,
    createdAt: options.createdAt,
    orgName: options.orgName,
  } as const;
  const ivText = toBase64(iv);
  const aad = encoder.encode(JSON.stringify(headerFields(header)));
  const compressed = await gzip(encoder.encode(JSON.stringify(payload)));
  const data = toBase64(new Uint8Array(await subtle.encrypt({ name: 'AES-GCM', iv, additionalData: aad }, keys.encrypt, compressed)));
  const unsigned = { ...header, iv: ivText, data };
  const signature = toBase64(new Uint8Array(await subtle.sign('HMAC', keys.sign, encoder.encode(signedText(unsigned)))));
  return JSON.stringify({ ...unsigned, signature } satisfies SyncFileEnvelope);
}

/** The envelope of a file's bytes or text, checked for form only (nothing is verified yet). */
export function readEnvelope(file: string | Uint8Array): SyncFileEnvelope {
  const size = typeof file === 'string' ? file.length : file.byteLength;
  if (size > MAX_SYNC_FILE_BYTES) throw new SyncFileError('too-large', `同步文件超过 ${MAX_SYNC_FILE_BYTES / 1024 / 1024} MB，不是本软件导出的文件。`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(typeof file === 'string' ? file : decoder.decode(file));
  } catch {
    throw notASyncFile();
  }
  return envelopeOf(parsed);
}

/** The envelope of an already parsed JSON value (a request body). */
export function envelopeOf(value: unknown): SyncFileEnvelope {
  if (!isObject(value) || value.format !== SYNC_FILE_FORMAT) throw notASyncFile();
  if (typeof value.version !== 'number' || value.version > SYNC_FILE_VERSION) {
    throw new SyncFileError('newer-format', '这个同步文件是更新版本的支部工作台做的，请先把本机软件升级到最新版本再导入。');
  }
  const fields = ['kind', 'keyId', 'fileId', 'createdAt', 'orgName', 'iv', 'data', 'signature'] as const;
  if (fields.some((field) => typeof value[field] !== 'string') || (value.kind !== 'branch' && value.kind !== 'reply')) throw notASyncFile();
  return value as unknown as SyncFileEnvelope;
}

/**
 * The payload of a file protected with `keys`, after its signature was checked: a SyncFileError when
 * the file is of another kind, made with another code, or changed since it was signed.
 */
export async function openSyncFile<K extends SyncFileKind>(
  envelope: SyncFileEnvelope,
  keys: SyncFileKeys,
  kind: K,
): Promise<Extract<SyncFilePayload, { kind: K }>> {
  if (envelope.kind !== kind) {
    throw new SyncFileError(
      'wrong-kind',
      kind === 'reply' ? '这是支部导出的同步文件，应由上级党委导入；支部这里要导入的是上级给的回复文件。' : '这是上级党委的回复文件，应由支部导入。',
    );
  }
  if (envelope.keyId !== keys.keyId) throw new SyncFileError('wrong-code', '这个文件不是用本支部的离线同步码做的：可能是别的支部的文件，或者上级已经换了新的同步码。');
  const subtle = globalThis.crypto.subtle;
  const signed = await subtle.verify('HMAC', keys.sign, readBase64(envelope.signature), encoder.encode(signedText(envelope)));
  if (!signed) throw tampered();
  let payload: unknown;
  try {
    const aad = encoder.encode(JSON.stringify(headerFields(envelope)));
    const plain = await subtle.decrypt({ name: 'AES-GCM', iv: readBase64(envelope.iv), additionalData: aad }, keys.encrypt, readBase64(envelope.data));
    payload = JSON.parse(decoder.decode(await gunzip(new Uint8Array(plain))));
  } catch {
    throw tampered();
  }
  if (!isObject(payload) || payload.kind !== kind) throw tampered();
  return payload as unknown as Extract<SyncFilePayload, { kind: K }>;
}

/** The file name offered when saving, e.g. `某某党支部-同步文件-20261205-1432.bdsync`. */
export function syncFileName(orgName: string, kind: SyncFileKind, at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp = `${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}-${pad(at.getHours())}${pad(at.getMinutes())}`;
  const safe = orgName.replace(/[\\/:*?"<>|\s]+/g, '') || '支部';
  return `${safe}-${kind === 'branch' ? '同步文件' : '上级回复'}-${stamp}.${SYNC_FILE_EXTENSION}`;
}

// ---------------------------------------------------------------------------------------------

function headerFields(h: Pick<SyncFileEnvelope, 'format' | 'version' | 'kind' | 'keyId' | 'fileId' | 'createdAt' | 'orgName'>): unknown[] {
  return [h.format, h.version, h.kind, h.keyId, h.fileId, h.createdAt, h.orgName];
}

function signedText(e: Omit<SyncFileEnvelope, 'signature'>): string {
  return JSON.stringify([...headerFields(e), e.iv, e.data]);
}

const notASyncFile = () => new SyncFileError('not-a-sync-file', '这不是支部工作台的同步文件（.bdsync）。请选择从支部工作台导出的同步文件。');
const tampered = () => new SyncFileError('tampered', '同步文件已损坏或被改动过，不能导入。请让对方重新导出一份。');

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

async function gzip(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await new Response(new Blob([bytes]).stream().pipeThrough(new CompressionStream('gzip'))).arrayBuffer());
}

async function gunzip(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer());
}

function toHex(bytes: Uint8Array): string {
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The file's base64 fields; text that is not base64 is a changed file. */
function readBase64(text: string): Uint8Array<ArrayBuffer> {
  try {
    return fromBase64(text);
  } catch {
    throw tampered();
  }
}
