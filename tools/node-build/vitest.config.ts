import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The bundle tests run esbuild and the programs it wrote.
  test: { include: ['src/**/*.spec.ts'], environment: 'node', testTimeout: 60_000 },
});
