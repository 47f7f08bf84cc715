// One place that turns the path aliases of tsconfig.base.json into Vite aliases,
// so every project's vitest resolves `@koers/*` exactly as TypeScript does.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const workspaceRoot = dirname(fileURLToPath(import.meta.url));

interface TsConfig {
  compilerOptions: { paths: Record<string, string[]> };
}

const tsconfig = JSON.parse(readFileSync(resolve(workspaceRoot, 'tsconfig.base.json'), 'utf8')) as TsConfig;

/** `{ '@koers/domain': '/abs/libs/domain/src/index.ts', ... }` */
export const workspaceAliases: Record<string, string> = Object.fromEntries(
  Object.entries(tsconfig.compilerOptions.paths).map(([alias, [target]]) => [alias, resolve(workspaceRoot, target ?? '')]),
);
