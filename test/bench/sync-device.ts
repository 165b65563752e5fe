/**
 * A computer running the app's sync, in Node: an RxDB database on memory storage (STACK.md: fake
 * IndexedDB is too slow for sync volume) under the app's encryption wrapper, signed in to the server,
 * replicating with renderer/sync (startReplication, the field-by-field conflict handlers).
 *
 * Two differences from the app, both for Node: schema validation is RxDB's ajv validator instead of
 * the app's build-time compiled one (a Vite virtual module), and the live event stream is read by
 * `FetchEventSource` below (Node 20 has no EventSource).
 *
 * renderer/ imports '@shared/…', a path alias: load this module through tsx's API with the
 * tsconfig that declares it (see sync.ts).
 */
import { addRxPlugin, createRxDatabase, type RxDatabase } from 'rxdb';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import { collections, COLLECTION_NAMES, type CollectionName } from '../../shared/model/index.ts';
import type { AccountRole } from '../../shared/sync/protocol.ts';
import { wrappedWebCryptoEncryptionStorage } from '../../renderer/db/encryption.ts';
import type { DemoDataSet } from '../../shared/demo/index.ts';
import type { BranchDatabase } from '../../renderer/db/database.ts';
import { insertDemoSet } from '../../renderer/db/writes.ts';
import { conflictHandlerFor } from '../../renderer/sync/conflicts.ts';
import { createHttpApi, login, type FetchLike } from '../../renderer/sync/http.ts';
import { startReplication, type SyncController } from '../../renderer/sync/replication.ts';

addRxPlugin(RxDBMigrationSchemaPlugin);

export interface DeviceOptions {
  baseUrl: string;
  username: string;
  password: string;
  /** The id of the local `orgs` document, for a device that already holds the branch's data. */
  localOrgId?: string;
  /** Fewer collections than all nine: open-source RxDB opens at most 13 in a process. */
  only?: readonly CollectionName[];
  /** The device's own data, written before it signs in. */
  data?: DemoDataSet;
  /** Listen to the server's live event stream, as the app does. */
  live?: boolean;
  onConfirmed?: (collection: CollectionName, id: string) => void;
}

export interface Device {
  db: BranchDatabase;
  role: AccountRole;
  /** Starts the replication (the clock of a measurement starts here). */
  start(): SyncController;
  /** `work`, unless the server refuses something first: a refusal is not retried, so waiting would hang. */
  unlessRefused<T>(work: Promise<T>): Promise<T>;
  /** Bytes of response bodies received from the server so far. */
  bytesReceived(): number;
  /** Whether the live stream is connected. */
  streaming(): boolean;
  count(): Promise<number>;
  close(): Promise<void>;
}

let counter = 0;

/** Opens the database, writes its seed, signs in; the replication waits for `start()`. */
export async function openDevice(name: string, options: DeviceOptions): Promise<Device> {
  const names = options.only ?? COLLECTION_NAMES;
  const rx = (await createRxDatabase({
    name: `bench-${name}-${counter++}`,
    storage: wrappedValidateAjvStorage({ storage: wrappedWebCryptoEncryptionStorage({ storage: getRxStorageMemory() }) }),
    password: `device-key-${name}-0123456789abcdef`,
    multiInstance: false,
    eventReduce: true,
  })) as RxDatabase;
  await rx.addCollections(Object.fromEntries(names.map((c) => [c, { ...collections[c], conflictHandler: conflictHandlerFor(c) }])));
  const db = rx as unknown as BranchDatabase;
  if (options.data) await insertDemoSet(db, options.data);

  let received = 0;
  const counting: FetchLike = async (url, init) => {
    const response = await fetch(url, init);
    received += Number(response.headers.get('content-length') ?? 0);
    return response;
  };
  const answer = await login(counting, options.baseUrl, {
    username: options.username,
    password: options.password,
    deviceName: `基准测试 ${name}`,
    ...(options.localOrgId ? { localOrgId: options.localOrgId } : {}),
  });
  const api = createHttpApi({
    fetch: counting,
    session: { baseUrl: options.baseUrl, account: answer.account, refreshToken: answer.refreshToken },
    accessToken: answer.accessToken,
    onTokens: () => undefined,
    onSignedOut: (error) => {
      throw error;
    },
    ...(options.live ? { eventSource: FetchEventSource as unknown as typeof EventSource } : {}),
  });

  let sync: SyncController | null = null;
  let connected = false;
  let refuse: (error: Error) => void = () => undefined;
  const refused = new Promise<never>((_, reject) => (refuse = reject));
  refused.catch(() => undefined);
  return {
    db,
    role: answer.account.role,
    start() {
      sync = startReplication({
        db,
        api,
        role: answer.account.role,
        identifier: `${name}-${counter}`,
        only: names,
        onStatus: (event) => {
          if (event.kind === 'error' && event.error && !event.error.retryable) refuse(new Error(`[${name}] 服务器拒绝：${event.error.code} ${event.error.message}`));
          else if (event.kind === 'error') console.error(`  [${name}] 同步出错，稍后重试：${event.error?.code} ${event.error?.message}`);
          if (event.kind === 'stream') connected = event.connected ?? false;
        },
        ...(options.onConfirmed ? { onConfirmed: options.onConfirmed } : {}),
      });
      return sync;
    },
    unlessRefused: (work) => Promise.race([work, refused]),
    bytesReceived: () => received,
    streaming: () => connected,
    async count() {
      let total = 0;
      for (const c of names) total += await db[c].count().exec();
      return total;
    },
    async close() {
      await sync?.stop();
      await rx.close();
    },
  };
}

/**
 * The part of EventSource the app uses (open, named events, error, close) over fetch: one connection,
 * no reconnection of its own (the app's stream() reconnects after 'error').
 */
class FetchEventSource extends EventTarget {
  private readonly controller = new AbortController();

  constructor(url: string) {
    super();
    void this.read(url);
  }

  close(): void {
    this.controller.abort();
  }

  private async read(url: string): Promise<void> {
    try {
      const response = await fetch(url, { headers: { accept: 'text/event-stream' }, signal: this.controller.signal });
      if (!response.ok || !response.body) throw new Error(`event stream: HTTP ${response.status}`);
      this.dispatchEvent(new Event('open'));
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      let buffer = '';
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          this.dispatch(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
        }
      }
      throw new Error('event stream ended');
    } catch {
      if (!this.controller.signal.aborted) this.dispatchEvent(new Event('error'));
    }
  }

  /** One block of the text/event-stream format; comment lines (heartbeats) carry no data. */
  private dispatch(block: string): void {
    let type = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith('event:')) type = line.slice(6).trim();
      else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
    }
    if (data.length > 0) this.dispatchEvent(new MessageEvent(type, { data: data.join('\n') }));
  }
}
