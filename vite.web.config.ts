import { defineConfig } from 'vite';
import { rendererConfig } from './vite.shared.ts';

/** Web mode: the same renderer, served to any Chromium (`npm run web`). */
export default defineConfig({
  ...rendererConfig('dist-web'),
  server: { port: 5173, strictPort: false },
  preview: { port: 4173, strictPort: false },
});
