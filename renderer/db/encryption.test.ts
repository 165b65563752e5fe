/** Encrypted fields and attachments: readable with the right key only, and tampering is detected. */
import { indexedDB, IDBKeyRange } from 'fake-indexeddb';
import { addRxPlugin, createRxDatabase, hasEncryption, type RxCollection, type RxDatabase, type RxJsonSchema, type RxStorageInstance } from 'rxdb';
import { RxDBAttachmentsPlugin } from 'rxdb/plugins/attachments';
import { getRxStorageDexie, type RxStorageInstanceDexie } from 'rxdb/plugins/storage-dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { decryptBlob, decryptValue, encryptBlob, encryptValue, keyFor, wrappedWebCryptoEncryptionStorage } from './encryption';

const identifiers = { idNumber: '11010519491231002X', phone: '13900000000', address: '解放路12号3单元301室' };

describe('field encryption', () => {
  it('gives back exactly what was encrypted', async () => {
    const key = await keyFor('device-key-0123456789');
    expect(await decryptValue(await encryptValue(identifiers, key), key)).toEqual(identifiers);
  });

  it('hides the content: no identifier appears in the stored text, and each encryption differs', async () => {
    const key = await keyFor('device-key-0123456789');
    const a = await encryptValue(identifiers, key);
    const b = await encryptValue(identifiers, key);
    expect(a).toMatch(/^g1:[A-Za-z0-9+/=]+$/);
    expect(a).not.toContain('1101051949');
    expect(a).not.toBe(b);
  });

  it('refuses to decrypt with another key', async () => {
    const sealed = await encryptValue(identifiers, await keyFor('device-key-0123456789'));
    await expect(decryptValue(sealed, await keyFor('another-key-987654321'))).rejects.toThrow();
  });

  it('detects a changed ciphertext instead of returning garbage', async () => {
    const key = await keyFor('device-key-0123456789');
    const sealed = await encryptValue(identifiers, key);
    const flipped = sealed.slice(0, 20) + (sealed[20] === 'A' ? 'B' : 'A') + sealed.slice(21);
    await expect(decryptValue(flipped, key)).rejects.toThrow();
  });

  it('refuses a value that is not in the stored form', async () => {
    await expect(decryptValue({ idNumber: 'plain' }, await keyFor('device-key-0123456789'))).rejects.toThrow('expected form');
  });
});

addRxPlugin(RxDBAttachmentsPlugin);

const PASSWORD = 'device-key-0123456789';
const MARKER = 'PLAIN-SCAN-MARKER-0123456789';
const markerBytes = () => new TextEncoder().encode(MARKER);

interface ScanDoc { id: string; title: string; idNumber?: string }
/** Attachments-only encryption: no `encrypted` fields, so only `attachments.encrypted` sends it through the wrapper. */
const scanSchema: RxJsonSchema<ScanDoc> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: { id: { type: 'string', maxLength: 32 }, title: { type: 'string' }, idNumber: { type: 'string' } },
  required: ['id', 'title'],
  attachments: { encrypted: true },
};
const withFieldSchema: RxJsonSchema<ScanDoc> = { ...scanSchema, encrypted: ['idNumber'] };

let counter = 0;
const open: RxDatabase[] = [];

async function openScans(schema = scanSchema, name = `encryption-test-${Date.now()}-${counter++}`): Promise<RxCollection<ScanDoc>> {
  const db = await createRxDatabase({
    name,
    storage: wrappedWebCryptoEncryptionStorage({ storage: getRxStorageDexie({ indexedDB, IDBKeyRange }) }),
    multiInstance: false,
    password: PASSWORD,
  });
  open.push(db);
  const { scans } = await db.addCollections({ scans: { schema } });
  return scans as RxCollection<ScanDoc>;
}

/** The Dexie instance under the encryption wrapper: what is really written to IndexedDB. */
function inner(scans: RxCollection<ScanDoc>): RxStorageInstanceDexie<ScanDoc> {
  return (scans.internalStorageInstance as RxStorageInstance<ScanDoc, unknown, unknown> & { originalStorageInstance: RxStorageInstanceDexie<ScanDoc> }).originalStorageInstance;
}

async function storedBytes(scans: RxCollection<ScanDoc>, docId: string, attachmentId: string): Promise<Blob> {
  const digest = (await scans.findOne(docId).exec())!.getAttachment(attachmentId)!.digest;
  return inner(scans).getAttachmentData(docId, attachmentId, digest);
}

function contains(haystack: Uint8Array, needle: Uint8Array): boolean {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

afterEach(async () => {
  // Open-source RxDB allows 13 open collections: every test closes what it opened.
  await Promise.all(open.splice(0).map((db) => db.remove()));
});

describe('attachment encryption', () => {
  it('sends a schema with encrypted attachments but no encrypted fields through the wrapper', () => {
    expect(hasEncryption(scanSchema as never)).toBe(true);
  });

  it('gives back exactly the bytes and type that were attached', async () => {
    const scans = await openScans();
    const doc = await scans.insert({ id: 'a', title: '入党申请书' });
    const bytes = new Uint8Array([0, 1, 2, 255, 254, ...markerBytes()]);
    await doc.putAttachment({ id: 'scan.png', data: new Blob([bytes], { type: 'image/png' }), type: 'image/png' });
    const attachment = (await scans.findOne('a').exec())!.getAttachment('scan.png')!;
    expect(attachment.length).toBe(bytes.length);
    const data = await attachment.getData();
    expect(data.type).toBe('image/png');
    expect(new Uint8Array(await data.arrayBuffer())).toEqual(bytes);
    // The wrapper itself restores the type, not only RxDB's getData().
    const decrypted = await scans.internalStorageInstance.getAttachmentData('a', 'scan.png', attachment.digest);
    expect(decrypted.type).toBe('image/png');
  });

  it('stores no plain byte: the inner storage holds IV + ciphertext with tag, of the same type', async () => {
    const scans = await openScans();
    const doc = await scans.insert({ id: 'a', title: '入党申请书' });
    await doc.putAttachment({ id: 'scan.txt', data: new Blob([MARKER], { type: 'text/plain' }), type: 'text/plain' });
    const raw = await storedBytes(scans, 'a', 'scan.txt');
    expect(raw.type).toBe('text/plain');
    expect(raw.size).toBe(12 + MARKER.length + 16);
    const rawBytes = new Uint8Array(await raw.arrayBuffer());
    expect(contains(rawBytes, markerBytes())).toBe(false);
    expect(contains(rawBytes, markerBytes().subarray(0, 8))).toBe(false);
  });

  it('uses a fresh IV for every attachment and document', async () => {
    const scans = await openScans();
    const [a, b] = await Promise.all([scans.insert({ id: 'a', title: '一' }), scans.insert({ id: 'b', title: '二' })]);
    const data = () => new Blob([MARKER], { type: 'text/plain' });
    await a.putAttachment({ id: 'one', data: data(), type: 'text/plain' });
    await (await scans.findOne('a').exec())!.putAttachment({ id: 'two', data: data(), type: 'text/plain' });
    await b.putAttachment({ id: 'one', data: data(), type: 'text/plain' });
    const ivs = await Promise.all([storedBytes(scans, 'a', 'one'), storedBytes(scans, 'a', 'two'), storedBytes(scans, 'b', 'one')].map(async (raw) => Array.from(new Uint8Array(await (await raw).arrayBuffer()).subarray(0, 12)).join()));
    expect(new Set(ivs).size).toBe(3);
  });

  it('reports the plain length and keeps the data through later writes and reopening', async () => {
    const name = `encryption-test-${Date.now()}-${counter++}`;
    const first = await openScans(scanSchema, name);
    await (await first.insert({ id: 'a', title: '入党申请书' })).putAttachment({ id: 'scan.txt', data: new Blob([MARKER], { type: 'text/plain' }), type: 'text/plain' });
    // A write without new data passes the attachment on as a stub.
    await (await first.findOne('a').exec())!.patch({ title: '入党申请书（修订）' });
    await first.database.close();
    const again = await openScans(scanSchema, name);
    await (await again.findOne('a').exec())!.patch({ title: '入党申请书（定稿）' });
    const found = (await again.findOne('a').exec())!;
    expect(found.title).toBe('入党申请书（定稿）');
    expect(found.getAttachment('scan.txt')!.length).toBe(MARKER.length);
    expect(await found.getAttachment('scan.txt')!.getStringData()).toBe(MARKER);
    const [stored] = await inner(again).findDocumentsById(['a'], false);
    expect(stored!._attachments['scan.txt']!.length).toBe(12 + MARKER.length + 16);
  });

  it('removes an attachment', async () => {
    const scans = await openScans();
    const doc = await scans.insert({ id: 'a', title: '入党申请书' });
    await doc.putAttachment({ id: 'keep', data: new Blob(['keep'], { type: 'text/plain' }), type: 'text/plain' });
    await (await scans.findOne('a').exec())!.putAttachment({ id: 'drop', data: new Blob(['drop'], { type: 'text/plain' }), type: 'text/plain' });
    await (await scans.findOne('a').exec())!.getAttachment('drop')!.remove();
    const found = (await scans.findOne('a').exec())!;
    expect(found.allAttachments().map((a) => a.id)).toEqual(['keep']);
    expect(await found.getAttachment('keep')!.getStringData()).toBe('keep');
    await expect(inner(scans).getAttachmentData('a', 'drop', '')).rejects.toThrow('attachment missing');
  });

  it('refuses changed stored bytes with a clear error instead of returning garbage', async () => {
    const scans = await openScans();
    const doc = await scans.insert({ id: 'a', title: '入党申请书' });
    await doc.putAttachment({ id: 'scan.txt', data: new Blob([MARKER], { type: 'text/plain' }), type: 'text/plain' });
    const bytes = new Uint8Array(await (await storedBytes(scans, 'a', 'scan.txt')).arrayBuffer());
    bytes[20]! ^= 1;
    const { dexieAttachmentsTable } = await inner(scans).internals;
    await dexieAttachmentsTable.put({ id: 'a||scan.txt', data: new Blob([bytes], { type: 'text/plain' }) });
    await expect((await scans.findOne('a').exec())!.getAttachment('scan.txt')!.getData()).rejects.toThrow('encrypted attachment cannot be decrypted');
  });

  it('refuses another key', async () => {
    const sealed = await encryptBlob(new Blob([MARKER]), await keyFor(PASSWORD));
    await expect(decryptBlob(sealed, await keyFor('another-key-987654321'))).rejects.toThrow('wrong key or changed data');
  });

  it('encrypts fields and attachments of the same collection', async () => {
    const scans = await openScans(withFieldSchema);
    const doc = await scans.insert({ id: 'a', title: '入党申请书', idNumber: '11010519491231002X' });
    await doc.putAttachment({ id: 'scan.txt', data: new Blob([MARKER], { type: 'text/plain' }), type: 'text/plain' });
    const found = (await scans.findOne('a').exec())!;
    expect(found.idNumber).toBe('11010519491231002X');
    expect(await found.getAttachment('scan.txt')!.getStringData()).toBe(MARKER);
    const [stored] = await inner(scans).findDocumentsById(['a'], false);
    expect(stored!.idNumber).toMatch(/^g1:/);
    expect(stored!._attachments['scan.txt']).toMatchObject({ digest: found.getAttachment('scan.txt')!.digest, type: 'text/plain' });
  });
});
