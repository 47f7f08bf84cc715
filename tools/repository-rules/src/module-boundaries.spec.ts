import { ESLint } from 'eslint';
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { repositoryRoot } from '../../repository-root.mjs';

/**
 * Lints one imagined file with the repository's real ESLint configuration and
 * returns each error as `rule: first line of its message`, so every boundary
 * of DESIGN.md is shown to bind by the very rule meant to bind it.
 */
async function problemsOf(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(repositoryRoot, file) });
  return (result?.messages ?? [])
    .filter((message) => message.severity === 2)
    .map((message) => `${message.ruleId}: ${message.message.split('\n')[0]}`);
}

/** An import of `name` from `from`, used so that no other rule has a word to say. */
function importing(name: string, from: string, options: { isTypeOnly?: boolean } = {}): string {
  return options.isTypeOnly
    ? `import type { ${name} } from '${from}';\nexport type Probe = typeof ${name};\n`
    : `import { ${name} } from '${from}';\nexport const probe = ${name};\n`;
}

const boundaries = '@nx/enforce-module-boundaries';
const dataAccessOnlyOnDomain = `${boundaries}: A project tagged with "type:data-access" can only depend on libs tagged with "type:domain"`;
const kyselyOnlyInStore =
  "no-restricted-imports: 'kysely' import is restricted from being used by a pattern. Only libs/persistence talks to the app database: use its repositories from `@koers/persistence` (the database type is `AppDatabase`).";
const duckdbOnlyInEngineAndStore =
  "no-restricted-imports: '@duckdb/node-api' import is restricted from being used by a pattern. Only libs/kpi (the engine) and libs/persistence (the store) open DuckDB: go through `@koers/kpi` or `@koers/persistence`.";

let eslint: ESLint;

beforeAll(() => {
  // The boundaries rule reads Nx's cached project graph; refresh it so projects
  // added since the last `nx` command are known.
  execFileSync('npx', ['nx', 'show', 'projects'], { cwd: repositoryRoot, env: { ...process.env, NX_DAEMON: 'false' } });
  eslint = new ESLint({ cwd: repositoryRoot });
});

describe('the direction of dependencies: apps → features → data access → domain', () => {
  it('refuses the domain importing the KPI engine: every lib depends on the domain, so that is a cycle', async () => {
    expect(await problemsOf('libs/domain/src/lib/boundary-probe.ts', importing('createKpiEngine', '@koers/kpi'))).toEqual([
      `${boundaries}: Circular dependency between "domain" and "kpi" detected: domain -> kpi -> domain`,
    ]);
  });

  it('refuses the domain importing any package but zod, and lets it import zod', async () => {
    expect(await problemsOf('libs/domain/src/lib/boundary-probe.ts', importing('parse', 'yaml'))).toEqual([
      `${boundaries}: A project tagged with "type:domain" is not allowed to import "yaml"`,
    ]);
    expect(await problemsOf('libs/domain/src/lib/boundary-probe.ts', importing('z', 'zod'))).toEqual([]);
  });

  it('refuses the KPI engine importing the API: data access may not reach up to features', async () => {
    expect(await problemsOf('libs/kpi/src/boundary-probe.ts', importing('appRouter', '@koers/api'))).toEqual([dataAccessOnlyOnDomain]);
  });

  it('refuses a data-access lib importing another: the engine and the store meet only in an app', async () => {
    expect(await problemsOf('libs/kpi/src/boundary-probe.ts', importing('openDatabase', '@koers/persistence'))).toEqual([dataAccessOnlyOnDomain]);
    expect(await problemsOf('libs/persistence/src/boundary-probe.ts', importing('loadWorkspace', '@koers/workspace'))).toEqual([dataAccessOnlyOnDomain]);
  });

  it('refuses an app importing another app', async () => {
    expect(await problemsOf('apps/server/src/boundary-probe.ts', importing('parseCommandLine', '../../cli/src/cli-args'))).toEqual([
      `${boundaries}: Projects cannot be imported by a relative or absolute path, and must begin with a npm scope`,
    ]);
  });

  it('lets an app import the data-access libs it composes', async () => {
    // The server, not the CLI: the CLI imports its libs lazily (for a fast --help), and Nx then forbids static imports of them there.
    expect(await problemsOf('apps/server/src/boundary-probe.ts', importing('openDatabase', '@koers/persistence'))).toEqual([]);
  });
});

describe('the databases: kysely in the store alone, DuckDB in the engine and the store', () => {
  it('refuses kysely outside libs/persistence, even for types: the server names the database AppDatabase', async () => {
    expect(await problemsOf('apps/server/src/boundary-probe.ts', importing('Kysely', 'kysely', { isTypeOnly: true }))).toEqual([kyselyOnlyInStore]);
    expect(await problemsOf('libs/kpi/src/boundary-probe.ts', importing('sql', 'kysely'))).toEqual([kyselyOnlyInStore]);
    expect(await problemsOf('apps/server/src/boundary-probe.spec.ts', importing('sql', 'kysely'))).toEqual([kyselyOnlyInStore]);
  });

  it('refuses DuckDB outside the engine and the store', async () => {
    expect(await problemsOf('apps/server/src/boundary-probe.ts', importing('DuckDBInstance', '@duckdb/node-api'))).toEqual([duckdbOnlyInEngineAndStore]);
    expect(await problemsOf('libs/workspace/src/lib/boundary-probe.ts', importing('DuckDBInstance', '@duckdb/node-api'))).toEqual([
      duckdbOnlyInEngineAndStore,
    ]);
  });

  it('lets the store use both, and the engine DuckDB', async () => {
    expect(await problemsOf('libs/persistence/src/lib/boundary-probe.ts', importing('sql', 'kysely'))).toEqual([]);
    expect(await problemsOf('libs/persistence/src/lib/boundary-probe.ts', importing('DuckDBInstance', '@duckdb/node-api'))).toEqual([]);
    expect(await problemsOf('libs/kpi/src/boundary-probe.ts', importing('DuckDBInstance', '@duckdb/node-api'))).toEqual([]);
  });

  it('lets the independent references use DuckDB, never kysely: the listed exceptions of eslint.config.mjs', async () => {
    expect(await problemsOf('tools/contract-tests/src/reference/boundary-probe.ts', importing('DuckDBInstance', '@duckdb/node-api'))).toEqual([]);
    expect(await problemsOf('tools/bench/src/hand-written/boundary-probe.ts', importing('DuckDBInstance', '@duckdb/node-api'))).toEqual([]);
    expect(await problemsOf('apps/cli/src/boundary-probe.spec.ts', importing('DuckDBInstance', '@duckdb/node-api'))).toEqual([]);
    expect(await problemsOf('tools/contract-tests/src/reference/boundary-probe.ts', importing('sql', 'kysely'))).toEqual([kyselyOnlyInStore]);
  });
});

describe('the web: no server-only package, the API for its types alone', () => {
  it('refuses the dashboard importing DuckDB, by both rules', async () => {
    expect(await problemsOf('apps/dashboard/src/app/boundary-probe.ts', importing('DuckDBInstance', '@duckdb/node-api'))).toEqual([
      `${boundaries}: A project tagged with "platform:web" is not allowed to import "@duckdb/node-api"`,
      duckdbOnlyInEngineAndStore,
    ]);
  });

  it('refuses the dashboard importing persistence', async () => {
    expect(await problemsOf('apps/dashboard/src/app/boundary-probe.ts', importing('openDatabase', '@koers/persistence'))).toEqual([
      `${boundaries}: A project tagged with "platform:web" can only depend on libs tagged with "platform:web", "platform:shared", "role:api-contract"`,
    ]);
  });

  it("refuses the dashboard importing the API as a value, and lets it import the API's types", async () => {
    expect(await problemsOf('apps/dashboard/src/app/boundary-probe.ts', importing('appRouter', '@koers/api'))).toEqual([
      "@typescript-eslint/no-restricted-imports: '@koers/api' import is restricted from being used. The dashboard imports only the API's types: write `import type { ... } from '@koers/api'`.",
    ]);
    expect(await problemsOf('apps/dashboard/src/app/boundary-probe.ts', importing('AppRouter', '@koers/api', { isTypeOnly: true }))).toEqual([]);
  });
});
