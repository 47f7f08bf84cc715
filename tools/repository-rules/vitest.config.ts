import { defineConfig } from 'vitest/config';

export default defineConfig({
  // ESLint builds the Nx project graph on first use: give it time on a cold machine.
  test: { include: ['src/**/*.spec.ts'], environment: 'node', testTimeout: 120_000 },
});
