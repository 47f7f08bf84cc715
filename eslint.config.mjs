// Lint for the whole workspace. The module boundaries here are the architecture
// of DESIGN.md made binding: apps → feature libs → data access → domain, data
// access libs never import each other (the engine and the store meet only in an
// app, so data flows one way: sources → engine → store), only the store and the
// engine open a database, web code never touches server-only packages, and the
// dashboard imports only the API's *types*. tools/repository-rules/ shows each
// rule firing.
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
  'yauzl',
  'yazl',
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
      // No lateral imports: kpi, workspace and persistence each depend on the domain alone.
      { sourceTag: 'type:data-access', onlyDependOnLibsWithTags: ['type:domain'] },
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

/**
 * The database packages, and the only places that may import them. kysely is
 * the store's (libs/persistence, the app's database); DuckDB is the engine's
 * (libs/kpi, the sources) and the store's (its kysely dialect). Everyone else
 * goes through `@koers/persistence` or `@koers/kpi`. A string pattern is a
 * regular expression on the import.
 */
const kysely = {
  regex: '^kysely($|[/-])',
  message: 'Only libs/persistence talks to the app database: use its repositories from `@koers/persistence` (the database type is `AppDatabase`).',
};
const duckdb = {
  regex: '^@duckdb/',
  message: 'Only libs/kpi (the engine) and libs/persistence (the store) open DuckDB: go through `@koers/kpi` or `@koers/persistence`.',
};
const storeFiles = ['libs/persistence/**'];
const duckdbFiles = [
  'libs/kpi/**',
  // Deliberate exceptions, each independent of the engine on purpose; none may use kysely:
  // the contract tests' reference engine, plain DuckDB SQL written from the contract alone (and its fixtures' COPY);
  'tools/contract-tests/**',
  // the benchmark's hand-written SQL, what the engine is timed and checked against;
  'tools/bench/**',
  // the demo-data generator, which writes the benchmark's parquet files with DuckDB's COPY;
  'tools/demo-data/**',
  // and a test that checks a result against a hand-written DuckDB query (DESIGN.md: numbers agree with one).
  '**/*.spec.ts',
];
const codeFiles = ['**/*.ts', '**/*.js', '**/*.mjs'];

export default [
  { ignores: ['**/dist', '**/node_modules', '**/.angular', '**/.nx', 'tmp/**', 'data/**', '**/vitest.config.*.timestamp*'] },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    files: codeFiles,
    rules: {
      '@nx/enforce-module-boundaries': ['error', boundaries(['zod'])],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: codeFiles,
    ignores: [...storeFiles, ...duckdbFiles],
    rules: { 'no-restricted-imports': ['error', { patterns: [kysely, duckdb] }] },
  },
  {
    files: duckdbFiles,
    ignores: storeFiles,
    rules: { 'no-restricted-imports': ['error', { patterns: [kysely] }] },
  },
  {
    // Tests and their configuration may also use the test runner.
    files: ['**/*.spec.ts', '**/vitest.config.ts'],
    rules: { '@nx/enforce-module-boundaries': ['error', boundaries(['zod', 'vitest', 'vitest/*'])] },
  },
  { files: ['vitest.shared.ts', 'eslint.config.mjs'], rules: { '@nx/enforce-module-boundaries': 'off' } },
  {
    // The dashboard sees the API only through `import type`; its specs run the real router in memory.
    files: ['apps/dashboard/**/*.ts'],
    ignores: ['apps/dashboard/**/*.spec.ts', 'apps/dashboard/src/app/testing/**'],
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
