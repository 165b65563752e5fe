/**
 * Values electron.vite.config.ts writes into the main bundle at build time (`define`).
 * Vitest has no such build step: a test that loads the main process sets them with `vi.stubGlobal`.
 */
declare const __CONTENT_SECURITY_POLICY__: string;
declare const __UPDATE_URL__: string;

/** The renderer's Content-Security-Policy: the same text as the <meta> tag of the built page. */
export const contentSecurityPolicy = (): string => __CONTENT_SECURITY_POLICY__;

/** Where a packaged app looks for updates: BRANCH_DESK_UPDATE_URL at build time, '' when it was not set. */
export const updateUrl = (): string => __UPDATE_URL__;
