/**
 * The backup file (.bdbackup): everything the branch keeps, compressed and encrypted, with a readable
 * header that says what is inside (branch, dates, counts) so a restore can be previewed first.
 *
 *   'BDBACKUP' (8 bytes) · header length (4 bytes, big-endian) · header (UTF-8 JSON) · payload
 *
 * The payload is gzip(JSON) sealed with AES-256-GCM under a random file key; the header is the GCM's
 * additional data, so a changed header fails like a changed payload. The file key is kept in the
 * header wrapped (AES-GCM) once per way of opening it ("slots"):
 * - 'device': a key derived (HKDF) from this computer's data key: automatic backups open here without
 *   asking anything;
 * - 'password': a key derived (PBKDF2-SHA-256, 600,000 rounds) from a password the secretary chose
 *   for this backup: a copy on a USB stick opens on another computer after the laptop died.
 * A file that is not ours, cut short, or changed is refused with a message that says which.
 */
import { fromBase64, toBase64 } from '@shared/bytes';
import { randomBytes } from '../db/random';

const MAGIC = new TextEncoder().encode('BDBACKUP');
const FORMAT = 1;
const PBKDF2_ROUNDS = 600_000;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

export type SlotKind = 'device' | 'password';

interface Slot {
  kind: SlotKind;
  /** base64: the salt of the derivation, the IV and the wrapped file key. */
  salt: string;
  iv: string;
  wrapped: string;
  rounds?: number;
}

/** What a backup says about itself, readable without any key. */
export interface BackupSummary {
  createdAt: string;
  appVersion: string;
  /** Why it was made: 'manual', 'daily', 'before-import', 'before-restore'… */
  reason: string;
  branch: { id: string; name: string } | null;
  /** Documents per collection. */
  counts: Record<string, number>;
  /** The stored schema version of each collection: a newer one than the app knows is refused. */
  schemaVersions: Record<string, number>;
  /** The earliest and latest dates recorded (meetings, dues, care…), for the preview. */
  dates: { from: string; to: string } | null;
}

interface Header extends BackupSummary {
  format: number;
  iv: string;
  slots: Slot[];
}

/** A refusal with a message for the secretary. */
export class BackupError extends Error {
  override readonly name = 'BackupError';
  constructor(
    readonly code: 'foreign' | 'damaged' | 'newer' | 'locked' | 'wrong-password',
    message: string,
  ) {
    super(message);
  }
}


async function gzip(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await new Response(new Blob([bytes]).stream().pipeThrough(new CompressionStream('gzip'))).arrayBuffer());
}
async function gunzip(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer());
}

/** The key that wraps the file key for a slot. */
async function slotKey(kind: SlotKind, secret: string, salt: Uint8Array<ArrayBuffer>, rounds: number): Promise<CryptoKey> {
  if (kind === 'device') {
    const base = await crypto.subtle.importKey('raw', encoder.encode(secret), 'HKDF', false, ['deriveKey']);
    return crypto.subtle.deriveKey({ name: 'HKDF', hash: 'SHA-256', salt, info: encoder.encode('branchdesk backup v1') }, base, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  }
  const base = await crypto.subtle.importKey('raw', encoder.encode(secret.normalize('NFC')), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations: rounds }, base, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

export interface Secrets {
  /** This computer's data key. */
  device?: string;
  /** A password for this backup (USB copies to open elsewhere). */
  password?: string;
}

/** Seals the content (any JSON) into a backup file. */
export async function sealBackup(content: unknown, summary: BackupSummary, secrets: Secrets): Promise<Uint8Array<ArrayBuffer>> {
  const fileKeyRaw = randomBytes(32);
  const fileKey = await crypto.subtle.importKey('raw', fileKeyRaw, 'AES-GCM', false, ['encrypt']);
  const slots: Slot[] = [];
  for (const kind of ['device', 'password'] as const) {
    const secret = secrets[kind];
    if (!secret) continue;
    const salt = randomBytes(16);
    const iv = randomBytes(12);
    const rounds = kind === 'password' ? PBKDF2_ROUNDS : 0;
    const wrapKey = await slotKey(kind, secret, salt, rounds);
    const wrapped = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, wrapKey, fileKeyRaw));
    slots.push({ kind, salt: toBase64(salt), iv: toBase64(iv), wrapped: toBase64(wrapped), ...(rounds ? { rounds } : {}) });
  }
  if (slots.length === 0) throw new Error('a backup needs at least one way to open it');
  const iv = randomBytes(12);
  const header: Header = { format: FORMAT, ...summary, iv: toBase64(iv), slots };
  const headerBytes = encoder.encode(JSON.stringify(header));
  const payload = new Uint8Array(
    await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: headerBytes }, fileKey, await gzip(encoder.encode(JSON.stringify(content)))),
  );
  const out = new Uint8Array(MAGIC.length + 4 + headerBytes.length + payload.length);
  out.set(MAGIC);
  new DataView(out.buffer).setUint32(MAGIC.length, headerBytes.length);
  out.set(headerBytes, MAGIC.length + 4);
  out.set(payload, MAGIC.length + 4 + headerBytes.length);
  return out;
}

interface Parsed {
  header: Header;
  headerBytes: Uint8Array<ArrayBuffer>;
  payload: Uint8Array<ArrayBuffer>;
}

const DAMAGED = '备份文件不完整或已损坏（可能没有复制完，或U盘出了问题），不能用来恢复。请换一个备份文件。';

function parse(bytes: Uint8Array<ArrayBuffer>): Parsed {
  const magicOk = bytes.length >= MAGIC.length && MAGIC.every((b, i) => bytes[i] === b);
  if (!magicOk) throw new BackupError('foreign', '这不是支部工作台的备份文件，请选择以 .bdbackup 结尾的备份文件。');
  if (bytes.length < MAGIC.length + 4) throw new BackupError('damaged', DAMAGED);
  const length = new DataView(bytes.buffer, bytes.byteOffset).getUint32(MAGIC.length);
  const start = MAGIC.length + 4;
  // A GCM payload holds at least its 16-byte tag.
  if (bytes.length < start + length + 16) throw new BackupError('damaged', DAMAGED);
  const headerBytes = bytes.slice(start, start + length);
  let header: Header;
  try {
    header = JSON.parse(decoder.decode(headerBytes)) as Header;
  } catch {
    throw new BackupError('damaged', DAMAGED);
  }
  if (typeof header !== 'object' || header === null || !Array.isArray(header.slots) || typeof header.iv !== 'string') throw new BackupError('damaged', DAMAGED);
  if (header.format > FORMAT) throw new BackupError('newer', '这个备份是用更新版本的支部工作台做的，请先安装最新版本再恢复。');
  return { header, headerBytes, payload: bytes.slice(start + length) };
}

/** What a backup holds, for the preview; refuses a file that is not ours or is cut short. */
export function readBackupSummary(bytes: Uint8Array<ArrayBuffer>): BackupSummary & { slots: SlotKind[] } {
  const { header } = parse(bytes);
  const { format: _f, iv: _i, slots, ...summary } = header;
  return { ...summary, slots: slots.map((s) => s.kind) };
}

/** Opens a backup with whatever secrets are at hand; refuses a wrong password or a changed file. */
export async function openBackup<T>(bytes: Uint8Array<ArrayBuffer>, secrets: Secrets): Promise<T> {
  const { header, headerBytes, payload } = parse(bytes);
  let fileKeyRaw: ArrayBuffer | null = null;
  let triedPassword = false;
  for (const slot of header.slots) {
    const secret = secrets[slot.kind];
    if (!secret) continue;
    if (slot.kind === 'password') triedPassword = true;
    try {
      const wrapKey = await slotKey(slot.kind, secret, fromBase64(slot.salt), slot.rounds ?? PBKDF2_ROUNDS);
      fileKeyRaw = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: fromBase64(slot.iv) }, wrapKey, fromBase64(slot.wrapped));
      break;
    } catch {
      // Not this slot's secret; try the next.
    }
  }
  if (!fileKeyRaw) {
    if (triedPassword) throw new BackupError('wrong-password', '备份密码不对，请再试一次（注意大小写）。');
    const needsPassword = header.slots.some((s) => s.kind === 'password');
    throw new BackupError(
      'locked',
      needsPassword ? '这个备份是在别的电脑上做的，请输入做备份时设的备份密码。' : '这个备份是在别的电脑上自动生成的，没有设备份密码，只能在原来那台电脑上恢复。',
    );
  }
  const fileKey = await crypto.subtle.importKey('raw', fileKeyRaw, 'AES-GCM', false, ['decrypt']);
  let plain: Uint8Array<ArrayBuffer>;
  try {
    plain = new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv: fromBase64(header.iv), additionalData: headerBytes }, fileKey, payload));
  } catch {
    throw new BackupError('damaged', DAMAGED);
  }
  try {
    return JSON.parse(decoder.decode(await gunzip(plain))) as T;
  } catch {
    throw new BackupError('damaged', DAMAGED);
  }
}
