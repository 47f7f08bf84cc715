import { defineConfig } from 'vitest/config';
import { workspaceAliases } from '../../vitest.shared';

export default defineConfig({
  resolve: { alias: workspaceAliases },
  // Generating a benchmark workspace runs DuckDB; give it room on a shared 2-core machine.
  test: { include: ['src/**/*.spec.ts'], environment: 'node', testTimeout: 60_000 },
});
