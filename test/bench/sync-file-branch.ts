/**
 * The two ends of sync by file for the benchmark (sync-file.ts), in Node: the branch computer running
 * the app's renderer/sync/file-sync.ts, and the committee's app talking to its server over HTTP.
 *
 * The branch computer is a database like the app's: all nine collections under the encryption wrapper,
 * local documents (where file sync keeps its bookkeeping) and attachments; RxDB's memory storage and the
 * ajv validator instead of Dexie and the build-time compiled one, as in sync-device.ts.
 *
 * renderer/ imports '@shared/…', a path alias: load this module through tsx's API with the tsconfig
 * that declares it (see sync-file.ts).
 */
import { addRxPlugin, createRxDatabase, type RxDatabase } from 'rxdb';
import { RxDBAttachmentsPlugin } from 'rxdb/plugins/attachments';
import { RxDBLocalDocumentsPlugin } from 'rxdb/plugins/local-documents';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import { collections, COLLECTION_NAMES } from '../../shared/model/index.ts';
import type { FileCodeResponse, FileImportResponse } from '../../shared/sync/protocol.ts';
import type { DemoDataSet } from '../../shared/demo/index.ts';
import type { BranchDatabase } from '../../renderer/db/database.ts';
import { insertDemoSet } from '../../renderer/db/writes.ts';
import { keyFor, wrappedWebCryptoEncryptionStorage } from '../../renderer/db/encryption.ts';
import { createHttpApi, login } from '../../renderer/sync/http.ts';
import { exportBranchFile, importReplyFile, setFileCode, type ExportedFile, type ImportSummary } from '../../renderer/sync/file-sync.ts';

export type { ExportedFile, ImportSummary };

addRxPlugin(RxDBMigrationSchemaPlugin);
addRxPlugin(RxDBAttachmentsPlugin);
addRxPlugin(RxDBLocalDocumentsPlugin);

export interface BranchComputer {
  db: BranchDatabase;
  /** 导出同步文件: the file, not yet recorded as sent. */
  exportFile(): Promise<ExportedFile>;
  /** 导入回复文件. */
  importReply(text: string): Promise<ImportSummary>;
  close(): Promise<void>;
}

let counter = 0;

/** The branch's computer: its data written, then the 离线同步码 typed in. */
export async function openBranchComputer(code: string, data: DemoDataSet): Promise<BranchComputer> {
  const password = `device-key-file-${counter}-0123456789abcdef`;
  const rx = (await createRxDatabase({
    name: `bench-file-${counter++}`,
    storage: wrappedValidateAjvStorage({ storage: wrappedWebCryptoEncryptionStorage({ storage: getRxStorageMemory() }) }),
    password,
    multiInstance: false,
    eventReduce: true,
    localDocuments: true,
  })) as RxDatabase;
  try {
    await rx.addCollections(Object.fromEntries(COLLECTION_NAMES.map((c) => [c, collections[c]])));
    const db = rx as unknown as BranchDatabase;
    await insertDemoSet(db, data);
    // The app seals its file-sync bookkeeping with the key of the database's password (FileSyncCard).
    const sealKey = await keyFor(password);
    await setFileCode(rx, sealKey, code);
    return {
      db,
      exportFile: () => exportBranchFile(rx, sealKey),
      importReply: (text) => importReplyFile(rx, sealKey, text),
      close: async () => {
        await rx.close();
      },
    };
  } catch (error) {
    await rx.close();
    throw error;
  }
}

export interface CommitteeApp {
  fileCode(orgId: string): Promise<FileCodeResponse>;
  importBranchFile(text: string): Promise<FileImportResponse>;
}

/** The committee's app signed in to its server: what its 文件同步 tab calls. */
export async function committeeApp(baseUrl: string, username: string, password: string): Promise<CommitteeApp> {
  const answer = await login(fetch, baseUrl, { username, password, deviceName: '基准测试 党委' });
  const api = createHttpApi({
    fetch,
    session: { baseUrl, account: answer.account, refreshToken: answer.refreshToken },
    accessToken: answer.accessToken,
    onTokens: () => undefined,
    onSignedOut: (error) => {
      throw error;
    },
  });
  return { fileCode: (orgId) => api.fileCode(orgId), importBranchFile: (text) => api.importBranchFile(text) };
}
