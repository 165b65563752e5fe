import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { alias, define, rendererConfig } from './vite.shared.ts';

const here = import.meta.dirname;

export default defineConfig({
  main: {
    resolve: { alias },
    define,
    build: { outDir: 'out/main', rollupOptions: { input: { index: resolve(here, 'electron/main/index.ts') } } },
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
