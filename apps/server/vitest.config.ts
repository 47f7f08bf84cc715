import { defineConfig } from 'vitest/config';
import { workspaceAliases } from '../../vitest.shared';

export default defineConfig({
  resolve: { alias: workspaceAliases },
  test: {
    include: ['src/**/*.spec.ts'],
    environment: 'node',
    // The server's tests that run on both app databases get a throwaway PostgreSQL server, started once per run.
    globalSetup: ['../../libs/persistence/src/testing/postgres.global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
