import { readFileSync } from 'node:fs';

/** The app's version from package.json: server and app are released together. */
export const SERVER_VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
