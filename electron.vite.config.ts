import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { alias, CONTENT_SECURITY_POLICY, define, rendererConfig } from './vite.shared.ts';

const here = import.meta.dirname;

export default defineConfig({
  main: {
    resolve: { alias },
    // Read by electron/main/build-constants.ts. The update address is the one electron-builder.yml
    // publishes to: one variable, BRANCH_DESK_UPDATE_URL, for both.
    define: {
      ...define,
      __CONTENT_SECURITY_POLICY__: JSON.stringify(CONTENT_SECURITY_POLICY),
      __UPDATE_URL__: JSON.stringify(process.env.BRANCH_DESK_UPDATE_URL ?? ''),
    },
    // Self-contained, like the preload: the installer ships out/ and no node_modules.
    build: { outDir: 'out/main', externalizeDeps: false, rollupOptions: { input: { index: resolve(here, 'electron/main/index.ts') } } },
  },
  preload: {
    resolve: { alias },
    // A sandboxed preload must be one self-contained CommonJS file.
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rollupOptions: { input: { index: resolve(here, 'electron/preload/index.ts') }, output: { format: 'cjs', entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    ...rendererConfig('out/renderer'),
    build: { ...rendererConfig('out/renderer').build, rollupOptions: { input: { index: resolve(here, 'renderer/index.html') } } },
  },
});
