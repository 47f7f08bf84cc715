import { defineConfig } from 'vitest/config';
import { workspaceAliases } from '../../vitest.shared';

export default defineConfig({
  resolve: { alias: workspaceAliases },
  // The tests run the real `bin/koers.mjs` in child processes; each starts DuckDB.
  test: { include: ['src/**/*.spec.ts'], environment: 'node', testTimeout: 60_000 },
});
