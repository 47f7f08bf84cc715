// One place that turns the path aliases of tsconfig.base.json into Vite aliases,
// so every project's vitest resolves `@koers/*` exactly as TypeScript does.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { repositoryRoot } from './tools/repository-root.mjs';

interface TsConfig {
  compilerOptions: { paths: Record<string, string[]> };
}

const tsconfig = JSON.parse(readFileSync(resolve(repositoryRoot, 'tsconfig.base.json'), 'utf8')) as TsConfig;

/**
 * `[{ find: /^@koers\/domain$/, replacement: '/abs/libs/domain/src/index.ts' }, ...]`: exact
 * matches, so `@koers/api` does not swallow `@koers/api/testing`.
 */
export const workspaceAliases: { find: RegExp; replacement: string }[] = Object.entries(tsconfig.compilerOptions.paths).map(
  ([alias, [target]]) => ({ find: new RegExp(`^${alias.replace(/[/.]/g, '\\$&')}$`), replacement: resolve(repositoryRoot, target ?? '') }),
);
