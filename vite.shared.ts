/** Build settings shared by the web build, electron-vite and Vitest: one renderer, two shells. */
import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin, UserConfig } from 'vite';
import { schemaValidators } from './build/schema-validators.ts';

const here = import.meta.dirname;
const pkg = JSON.parse(readFileSync(resolve(here, 'package.json'), 'utf8')) as { version: string };

export const alias = { '@shared': resolve(here, 'shared') };
export const define = { __APP_VERSION__: JSON.stringify(pkg.version) };

/**
 * The Content-Security-Policy of built pages. antd writes its styles at run time, hence
 * 'unsafe-inline' for styles only; no inline or remote scripts, no frames, no plugins.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  // The committee's sync server, at whatever address the secretary signs in to (an intranet one may be plain http).
  "connect-src 'self' https: http:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'branchdesk-csp',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' },
    ],
  };
}

export function rendererConfig(outDir: string): UserConfig {
  return {
    root: resolve(here, 'renderer'),
    base: './',
    plugins: [react(), contentSecurityPolicy(), schemaValidators()],
    resolve: { alias },
    define,
    build: {
      outDir: resolve(here, outDir),
      emptyOutDir: true,
      target: 'chrome130',
      chunkSizeWarningLimit: 4000,
      minify: true,
    },
  };
}
