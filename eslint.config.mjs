// Lint for the whole workspace. The module boundaries here are the architecture
// of DESIGN.md made binding: apps → feature libs → data access → domain, web
// code never touches server-only packages, and the dashboard imports only the
// API's *types*.
import nx from '@nx/eslint-plugin';
import angular from 'angular-eslint';
import prettier from 'eslint-config-prettier';

/** Packages that only run in Node: banned from every web project. */
const serverOnlyPackages = [
  '@duckdb/*',
  'kysely',
  'kysely-*',
  'pg',
  'pg-*',
  'yaml',
  'tsx',
  'playwright-core',
  '@trpc/server',
  '@trpc/server/*',
  'node:*',
  'fs',
  'path',
  'child_process',
  'os',
  'http',
];

/** The module boundaries; `domainExternals` are the packages the domain may use. */
function boundaries(domainExternals) {
  return {
    enforceBuildableLibDependency: true,
    // Two files outside every project, shared by all (a string here is a regular expression).
    allow: ['../../vitest.shared', '^(\\.\\./)+(tools/)?repository-root\\.mjs$'],
    depConstraints: [
      // type: the direction of dependencies.
      { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain'], allowedExternalImports: domainExternals },
      { sourceTag: 'type:data-access', onlyDependOnLibsWithTags: ['type:data-access', 'type:domain'] },
      { sourceTag: 'type:feature', onlyDependOnLibsWithTags: ['type:feature', 'type:data-access', 'type:domain'] },
      { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:feature', 'type:data-access', 'type:domain'] },
      { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:feature', 'type:data-access', 'type:domain'] },
      { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:domain'] },
      // platform: what may run where.
      {
        sourceTag: 'platform:web',
        // The API lib is platform:node; the web may reach it for types only,
        // which no-restricted-imports below enforces.
        onlyDependOnLibsWithTags: ['platform:web', 'platform:shared', 'role:api-contract'],
        bannedExternalImports: serverOnlyPackages,
      },
      { sourceTag: 'platform:shared', onlyDependOnLibsWithTags: ['platform:shared'] },
      { sourceTag: 'platform:node', onlyDependOnLibsWithTags: ['platform:node', 'platform:shared'] },
    ],
  };
}

export default [
  { ignores: ['**/dist', '**/node_modules', '**/.angular', '**/.nx', 'tmp/**', 'data/**', '**/vitest.config.*.timestamp*'] },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    files: ['**/*.ts', '**/*.js', '**/*.mjs'],
    rules: {
      '@nx/enforce-module-boundaries': ['error', boundaries(['zod'])],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    // Tests and their configuration may also use the test runner.
    files: ['**/*.spec.ts', '**/vitest.config.ts'],
    rules: { '@nx/enforce-module-boundaries': ['error', boundaries(['zod', 'vitest', 'vitest/*'])] },
  },
  { files: ['vitest.shared.ts', 'eslint.config.mjs'], rules: { '@nx/enforce-module-boundaries': 'off' } },
  {
    // The dashboard sees the API only through `import type`.
    files: ['apps/dashboard/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@koers/api',
              allowTypeImports: true,
              message: 'The dashboard imports only the API\'s types: write `import type { ... } from \'@koers/api\'`.',
            },
          ],
        },
      ],
    },
  },
  ...angular.configs.tsRecommended.map((config) => ({ ...config, files: ['apps/dashboard/**/*.ts'] })),
  {
    files: ['apps/dashboard/**/*.ts'],
    processor: angular.processInlineTemplates,
    rules: {
      '@angular-eslint/component-selector': ['error', { type: 'element', prefix: 'koers', style: 'kebab-case' }],
      '@angular-eslint/directive-selector': ['error', { type: 'attribute', prefix: 'koers', style: 'camelCase' }],
      '@angular-eslint/prefer-on-push-component-change-detection': 'error',
    },
  },
  ...angular.configs.templateRecommended.map((config) => ({ ...config, files: ['apps/dashboard/**/*.html'] })),
  ...angular.configs.templateAccessibility.map((config) => ({ ...config, files: ['apps/dashboard/**/*.html'] })),
  prettier,
];
