/**
 * The typed IPC contract between the Electron main process and the renderer.
 * One map channel → { request schema, response type }; channels are named `<area>:<verb>`.
 * Main parses every request with the schema here before acting; the preload exposes exactly
 * one method per channel (checked with `satisfies` against `BridgeApi`).
 */
import { z } from 'zod';

const fileFilter = z.object({
  name: z.string().min(1).max(100),
  extensions: z.array(z.string().regex(/^[a-z0-9]{1,10}$/i)).min(1).max(20),
});

/** File names only, never paths: the user picks the folder in the dialog. */
const suggestedName = z
  .string()
  .min(1)
  .max(200)
  .refine((s) => !/[\\/:*?"<>|]/.test(s) && ![...s].some((c) => c.charCodeAt(0) < 32), '文件名不能含有 \\ / : * ? " < > | 等字符');

export const ipcRequests = {
  'app:info': z.undefined(),
  'file:save': z.object({
    suggestedName,
    filters: z.array(fileFilter).max(10).default([]),
    /** Text is written as UTF-8; bytes as they are. At most 200 MB. */
    data: z.union([z.string().max(200 * 1024 * 1024), z.instanceof(Uint8Array).refine((b) => b.byteLength <= 200 * 1024 * 1024)]),
  }),
  'file:open': z.object({
    filters: z.array(fileFilter).max(10).default([]),
    maxBytes: z.number().int().positive().max(200 * 1024 * 1024).default(50 * 1024 * 1024),
  }),
  'print:pdf': z.object({
    suggestedName,
    landscape: z.boolean().default(false),
  }),
  'print:printer': z.object({}).strict().default({}),
  /** A backup or sync file the system asked the app to open (double-click), once; null when none. */
  'file:pending': z.undefined(),
  /** The key ring (set when a password protects the data key) and the data key kept on this computer, if any. */
  'key:load': z.undefined(),
  /** Replaces both; null removes. The remembered key is kept in the OS key store where there is one. */
  'key:save': z.object({
    ring: z.string().max(20_000).nullable(),
    remembered: z.string().regex(/^[0-9a-f]{64}$/).nullable(),
  }),
  /** A desktop notification (the reminders once at start); a click brings the window up at `path`. */
  'app:notify': z.object({
    title: z.string().min(1).max(100),
    body: z.string().max(500),
    path: z.string().regex(/^\/[a-z/-]*$/).max(100),
  }),
} as const;

export type IpcChannel = keyof typeof ipcRequests;
export type IpcRequest<C extends IpcChannel> = z.input<(typeof ipcRequests)[C]>;
export type IpcParsedRequest<C extends IpcChannel> = z.output<(typeof ipcRequests)[C]>;

export interface AppInfo {
  name: string;
  version: string;
  shell: 'electron' | 'web';
  /** `npm run demo` asks the app to load a demo data set on first open. */
  demo: DemoKind | null;
}
export type DemoKind = 'branch' | 'scale';

export interface SavedFile {
  saved: boolean;
  /** Where it went, to show the user; absent when cancelled. */
  path?: string;
}
export interface OpenedFile {
  name: string;
  data: Uint8Array;
}

export interface IpcResponses {
  'app:info': AppInfo;
  'file:save': SavedFile;
  'file:open': OpenedFile | null;
  'print:pdf': SavedFile;
  'print:printer': { printed: boolean };
  'file:pending': OpenedFile | null;
  /** `keystore`: whether the OS key store (safeStorage) is there to keep a data key safely. */
  'key:load': { ring: string | null; remembered: string | null; keystore: boolean };
  'key:save': { protectedBy: 'os-keystore' | 'file' | null };
  /** False where the system shows no notifications. */
  'app:notify': { shown: boolean };
}

/** What every handler answers: never a thrown object. */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; code: IpcErrorCode; message: string };
export type IpcErrorCode = 'invalid-input' | 'io-error' | 'cancelled' | 'internal' | 'forbidden';

/** Events main → renderer. */
export interface IpcEvents {
  /** A menu item asks the UI to go to a section, e.g. '/settings'. */
  'menu:navigate': string;
  /** 视图 → 大字模式 toggled from the menu. */
  'menu:toggle-large-type': null;
  /** A backup or sync file was double-clicked while the app runs: ask for it with file:pending. */
  'file:opened': null;
}
export type IpcEventName = keyof IpcEvents;

/** The object the preload puts on `window.branchDesk`: one method per channel, nothing else. */
export type BridgeApi = {
  [C in IpcChannel]: (request: IpcRequest<C>) => Promise<IpcResult<IpcResponses[C]>>;
} & {
  on<E extends IpcEventName>(event: E, listener: (payload: IpcEvents[E]) => void): () => void;
};

