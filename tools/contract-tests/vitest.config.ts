import { defineConfig } from 'vitest/config';
import { workspaceAliases } from '../../vitest.shared';

export default defineConfig({
  resolve: { alias: workspaceAliases },
  // Each spec runs the real `koers` command (tsx start-up, DuckDB) on 2 shared cores: give it time.
  test: { include: ['src/**/*.spec.ts'], environment: 'node', testTimeout: 120_000, hookTimeout: 120_000 },
});
