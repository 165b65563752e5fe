/**
 * Encryption at rest of the fields a schema marks `encrypted` (personal identifiers), with the
 * browser's own AES-GCM (Web Crypto). RxDB's open-source crypto-js plugin spent about 0.2 ms a
 * document in JavaScript key derivation and random numbers, 2 s of a 10,000-person import; native
 * AES-GCM is authenticated too: a changed ciphertext fails to decrypt instead of reading as garbage.
 *
 * Stored form of an encrypted field: 'g1:' + base64(12-byte IV + ciphertext with tag).
 * Stored form of an encrypted attachment: a Blob of the same type holding the 12-byte IV + ciphertext
 * with tag of the bytes themselves (no base64: scans and photos would grow by a third).
 * The key: SHA-256 of the database password. The password is the device's random data key (see
 * platform.dataKey), so no slow password-stretching is needed here.
 */
import { fromBase64, toBase64 } from '@shared/bytes';
import { hasEncryption, newRxError, wrapRxStorageInstance, type RxStorage, type RxStorageInstanceCreationParams } from 'rxdb';
import { randomBytes } from './random';

const PREFIX = 'g1:';
const encoder = new TextEncoder();
const decoder = new TextDecoder();
const keys = new Map<string, Promise<CryptoKey>>();

export function keyFor(password: string): Promise<CryptoKey> {
  let key = keys.get(password);
  if (!key) {
    key = crypto.subtle.digest('SHA-256', encoder.encode(password)).then((raw) => crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']));
    keys.set(password, key);
  }
  return key;
}

export async function encryptValue(value: unknown, key: CryptoKey): Promise<string> {
  const iv = randomBytes(12);
  const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, encoder.encode(JSON.stringify(value))));
  const out = new Uint8Array(iv.length + sealed.length);
  out.set(iv);
  out.set(sealed, iv.length);
  return PREFIX + toBase64(out);
}

export async function decryptValue(stored: unknown, key: CryptoKey): Promise<unknown> {
  if (typeof stored !== 'string' || !stored.startsWith(PREFIX)) throw new Error('encrypted field is not in the expected form');
  const bytes = fromBase64(stored.slice(PREFIX.length));
  const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: bytes.subarray(0, 12) }, key, bytes.subarray(12));
  return JSON.parse(decoder.decode(plain));
}

export async function encryptBlob(data: Blob, key: CryptoKey): Promise<Blob> {
  const iv = randomBytes(12);
  const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, await data.arrayBuffer());
  return new Blob([iv, sealed], { type: data.type });
}

export async function decryptBlob(stored: Blob, key: CryptoKey): Promise<Blob> {
  const bytes = new Uint8Array(await stored.arrayBuffer());
  let plain: ArrayBuffer;
  try {
    plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: bytes.subarray(0, 12) }, key, bytes.subarray(12));
  } catch (cause) {
    // Web Crypto reports a bare OperationError; say what failed.
    throw new Error('encrypted attachment cannot be decrypted: wrong key or changed data', { cause });
  }
  return new Blob([plain], { type: stored.type });
}

/** What encryption adds to an attachment: the IV before the ciphertext and the tag after it. */
const SEALED_OVERHEAD = 12 + 16;

type Attachments = Record<string, { data?: Blob; length: number }>;

/**
 * An `_attachments` map on its way to the inner storage; the caller's objects stay untouched.
 * Entries with `data` are new or changed: the data is encrypted, digest, length and type stay those RxDB
 * computed on the plain bytes (the inner storage takes the length from the stored Blob anyway). Entries
 * without `data` carry the plain length: the stored one is larger by SEALED_OVERHEAD.
 */
async function sealAttachments(attachments: Attachments, key: CryptoKey): Promise<Attachments> {
  const out: Attachments = {};
  for (const [id, attachment] of Object.entries(attachments)) {
    out[id] = attachment.data ? { ...attachment, data: await encryptBlob(attachment.data, key) } : { ...attachment, length: attachment.length + SEALED_OVERHEAD };
  }
  return out;
}

/**
 * The reverse of sealAttachments: RxDB reports the length of the plain bytes. Entries with `data` come
 * back only in write errors, as the wrapper passed them down.
 */
async function openAttachments(attachments: Attachments, key: CryptoKey): Promise<Attachments> {
  const out: Attachments = {};
  for (const [id, attachment] of Object.entries(attachments)) {
    out[id] = attachment.data ? { ...attachment, data: await decryptBlob(attachment.data, key) } : { ...attachment, length: attachment.length - SEALED_OVERHEAD };
  }
  return out;
}

export function wrappedWebCryptoEncryptionStorage<Internals, Options>(args: { storage: RxStorage<Internals, Options> }): RxStorage<Internals, Options> {
  return {
    ...args.storage,
    async createStorageInstance<RxDocType>(params: RxStorageInstanceCreationParams<RxDocType, Options>) {
      if (!hasEncryption(params.schema)) return args.storage.createStorageInstance(params);
      if (!params.password || typeof params.password !== 'string' || params.password.length < 8) {
        throw newRxError('EN3', { database: params.databaseName, collection: params.collectionName, schema: params.schema });
      }
      const attachmentsEncrypted = params.schema.attachments?.encrypted === true;
      const paths = params.schema.encrypted ?? [];
      if (paths.some((p) => p.includes('.'))) throw new Error('only top-level fields can be encrypted');
      const key = await keyFor(params.password);
      const stored = structuredClone(params.schema) as unknown as { encrypted?: string[]; properties: Record<string, unknown>; attachments?: { encrypted?: boolean } };
      delete stored.encrypted;
      // The inner storage holds ciphertext as it is and must not try to encrypt it again.
      if (stored.attachments) stored.attachments.encrypted = false;
      for (const path of paths) stored.properties[path] = { type: 'string' };
      const instance = await args.storage.createStorageInstance({ ...params, schema: stored as never });

      const toStorage = async (doc: Record<string, unknown>) => {
        const out = { ...doc };
        for (const path of paths) if (out[path] !== undefined) out[path] = await encryptValue(out[path], key);
        if (attachmentsEncrypted && doc._attachments) out._attachments = await sealAttachments(doc._attachments as Attachments, key);
        return out;
      };
      const fromStorage = async (doc: Record<string, unknown>) => {
        const out = { ...doc };
        for (const path of paths) if (out[path] !== undefined) out[path] = await decryptValue(out[path], key);
        if (attachmentsEncrypted && doc._attachments) out._attachments = await openAttachments(doc._attachments as Attachments, key);
        return out;
      };
      const attachmentFromStorage = (data: Blob) => (attachmentsEncrypted ? decryptBlob(data, key) : data);
      return wrapRxStorageInstance(params.schema as never, instance as never, toStorage as never, fromStorage as never, attachmentFromStorage) as never;
    },
  };
}
