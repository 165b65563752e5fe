import { defineConfig } from 'vitest/config';
import { schemaValidators } from './build/schema-validators.ts';
import { alias, define } from './vite.shared.ts';

export default defineConfig({
  plugins: [schemaValidators()],
  resolve: { alias },
  define,
  test: {
    include: ['shared/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}', 'electron/**/*.test.ts', 'server/**/*.test.ts', 'test/integration/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    // RxDB (open source) allows 13 open collections per process: one database at a time.
    fileParallelism: false,
  },
});
