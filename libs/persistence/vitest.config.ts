import { defineConfig } from 'vitest/config';
import { workspaceAliases } from '../../vitest.shared';

export default defineConfig({
  resolve: { alias: workspaceAliases },
  test: {
    include: ['src/**/*.spec.ts'],
    environment: 'node',
    // Every repository test runs on DuckDB and on a real PostgreSQL server, started once per run.
    globalSetup: ['src/testing/postgres.global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
