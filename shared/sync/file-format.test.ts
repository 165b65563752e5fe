import { describe, expect, it } from 'vitest';
import { newCode, normalizeCode } from './code';
import {
  openSyncFile,
  readEnvelope,
  sealSyncFile,
  syncFileKeys,
  syncFileName,
  SyncFileError,
  type BranchFilePayload,
  type ReplyFilePayload,
} from './file-format';

const CODE = '7K2QD-M4X9A-PB3WR-C8N5T-FH6JZ';

const branchPayload: BranchFilePayload = {
  kind: 'branch',
  orgId: '01JD00000000000000000000B1',
  orgName: '市水利局离退休干部党支部',
  checkpoint: 42,
  schemaVersions: { people: 0 },
  rows: {
    people: [
      {
        newDocumentState: { id: 'P1', orgId: '01JD00000000000000000000B1', name: '王秀英', _deleted: false } as never,
      },
    ],
  },
};

const seal = async (payload: BranchFilePayload | ReplyFilePayload, code = CODE) =>
  sealSyncFile(payload, await syncFileKeys(code), { fileId: 'F1', createdAt: '2026-12-05T08:00:00.000Z', orgName: payload.orgName });

async function refusal(work: Promise<unknown>): Promise<SyncFileError> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SyncFileError);
  return error as SyncFileError;
}

describe('离线同步码', () => {
  it('is 25 Crockford characters in five groups, different every time', () => {
    const a = newCode();
    expect(a).toMatch(/^([0-9A-HJKMNP-TV-Z]{5}-){4}[0-9A-HJKMNP-TV-Z]{5}$/);
    expect(newCode()).not.toBe(a);
  });

  it('is read back from lower case, spaces and the letters people mistype', () => {
    expect(normalizeCode('7k2qd m4x9a pb3wr c8n5t fh6jz')).toBe(CODE);
    expect(normalizeCode('7K2QDM4X9APB3WRC8N5TFH6JZ')).toBe(CODE);
    expect(normalizeCode('O0000-11111-IIIII-LLLLL-00000')).toBe('00000-11111-11111-11111-00000');
    expect(normalizeCode('7K2QD-M4X9A')).toBeNull();
    expect(normalizeCode('7K2QD-M4X9A-PB3WR-C8N5T-FH6JU')).toBeNull(); // U is not a Crockford digit
  });

  it('gives the same keys however it was typed, and a key id that is not the code', async () => {
    const a = await syncFileKeys(CODE);
    const b = await syncFileKeys('7k2qd m4x9a pb3wr c8n5t fh6jz');
    expect(a.keyId).toBe(b.keyId);
    expect(a.keyId).toMatch(/^[0-9a-f]{20}$/);
    expect(a.keyId).not.toContain('7k2qd');
    expect((await syncFileKeys(newCode())).keyId).not.toBe(a.keyId);
  });

  it('refuses what cannot be a code with a plain message', async () => {
    const error = await refusal(syncFileKeys('12345'));
    expect(error.problem).toBe('bad-code');
    expect(error.message).toContain('25 位');
  });
});

describe('sync file', () => {
  it('opens with the same code and gives back the payload', async () => {
    const text = await seal(branchPayload);
    const envelope = readEnvelope(text);
    expect(envelope).toMatchObject({ format: 'branchdesk-sync', version: 1, kind: 'branch', fileId: 'F1', orgName: '市水利局离退休干部党支部' });
    expect(await openSyncFile(envelope, await syncFileKeys(CODE), 'branch')).toEqual(branchPayload);
    // bytes as read from a disk work the same
    expect(readEnvelope(new TextEncoder().encode(text)).signature).toBe(envelope.signature);
  });

  it('does not show its content: names and ids are encrypted', async () => {
    const text = await seal(branchPayload);
    expect(text).not.toContain('王秀英');
    expect(text).not.toContain('01JD00000000000000000000B1');
  });

  it('is refused when made with another code', async () => {
    const envelope = readEnvelope(await seal(branchPayload));
    const error = await refusal(openSyncFile(envelope, await syncFileKeys(newCode()), 'branch'));
    expect(error.problem).toBe('wrong-code');
    expect(error.message).toContain('不是用本支部的离线同步码');
  });

  it('is refused when any part was changed after signing', async () => {
    const keys = await syncFileKeys(CODE);
    const envelope = readEnvelope(await seal(branchPayload));
    const flip = (text: string) => (text[5] === 'A' ? 'B' : 'A') + text.slice(1, 5) + text.slice(6);
    for (const changed of [
      { ...envelope, orgName: '别的支部' },
      { ...envelope, createdAt: '2030-01-01T00:00:00.000Z' },
      { ...envelope, fileId: 'F2' },
      { ...envelope, data: flip(envelope.data) },
      { ...envelope, iv: flip(envelope.iv) },
      { ...envelope, signature: flip(envelope.signature) },
    ]) {
      expect((await refusal(openSyncFile(changed, keys, 'branch'))).problem).toBe('tampered');
    }
  });

  it('cannot pass a branch file for a reply, or the other way round', async () => {
    const keys = await syncFileKeys(CODE);
    const envelope = readEnvelope(await seal(branchPayload));
    expect((await refusal(openSyncFile(envelope, keys, 'reply'))).message).toContain('应由上级党委导入');
    // relabelling the kind breaks the signature
    expect((await refusal(openSyncFile({ ...envelope, kind: 'reply' }, keys, 'reply'))).problem).toBe('tampered');
  });

  it('refuses files that are not sync files, and says when a newer version made one', () => {
    for (const text of ['', 'hello', '{"format":"branchdesk-backup"}', '[1,2]', '{"format":"branchdesk-sync","version":1,"kind":"branch"}']) {
      expect(() => readEnvelope(text)).toThrow(/不是支部工作台的同步文件/);
    }
    expect(() => readEnvelope('{"format":"branchdesk-sync","version":2}')).toThrow(/更新版本/);
  });

  it('names the file after the branch, the direction and the time', () => {
    const at = new Date(2026, 11, 5, 14, 32);
    expect(syncFileName('市水利局 离退休/干部党支部', 'branch', at)).toBe('市水利局离退休干部党支部-同步文件-20261205-1432.bdsync');
    expect(syncFileName('市水利局离退休干部党支部', 'reply', at)).toBe('市水利局离退休干部党支部-上级回复-20261205-1432.bdsync');
  });
});
