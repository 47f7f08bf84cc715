// One place that turns the path aliases of tsconfig.base.json into Vite aliases,
// so every project's vitest resolves `@koers/*` exactly as TypeScript does.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { repositoryRoot } from './tools/repository-root.mjs';

interface TsConfig {
  compilerOptions: { paths: Record<string, string[]> };
}

const tsconfig = JSON.parse(readFileSync(resolve(repositoryRoot, 'tsconfig.base.json'), 'utf8')) as TsConfig;

/** `{ '@koers/domain': '/abs/libs/domain/src/index.ts', ... }` */
export const workspaceAliases: Record<string, string> = Object.fromEntries(
  Object.entries(tsconfig.compilerOptions.paths).map(([alias, [target]]) => [alias, resolve(repositoryRoot, target ?? '')]),
);
