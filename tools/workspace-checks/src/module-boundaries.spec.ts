import { ESLint } from 'eslint';
import { execFileSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const workspaceRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/**
 * Lints one imagined file with the workspace's real ESLint configuration, so the
 * boundaries of DESIGN.md are shown to bind, not just written down.
 */
async function problemsOf(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(workspaceRoot, file) });
  return (result?.messages ?? [])
    .filter((message) => message.severity === 2)
    .map((message) => `${message.ruleId}: ${message.message}`);
}

let eslint: ESLint;

beforeAll(() => {
  // The boundaries rule reads Nx's cached project graph; refresh it so projects
  // added since the last `nx` command are known.
  execFileSync('npx', ['nx', 'show', 'projects'], { cwd: workspaceRoot, env: { ...process.env, NX_DAEMON: 'false' } });
  eslint = new ESLint({ cwd: workspaceRoot });
});

describe('module boundaries', () => {
  it('refuses the domain importing the KPI engine', async () => {
    const problems = await problemsOf(
      'libs/domain/src/lib/boundary-probe.ts',
      "import { createKpiEngine } from '@koers/kpi';\nexport const probe = createKpiEngine;\n",
    );
    // Every lib depends on the domain, so the rule names the cycle or the tag
    // constraint, whichever it meets first: either way lint fails.
    expect(problems.join('\n')).toMatch(/enforce-module-boundaries: (Circular dependency between "domain" and "kpi"|.*type:domain)/);
  });

  it('refuses the domain importing any package but zod', async () => {
    const problems = await problemsOf(
      'libs/domain/src/lib/boundary-probe.ts',
      "import { parse } from 'yaml';\nexport const probe = parse;\n",
    );
    expect(problems.join('\n')).toMatch(/enforce-module-boundaries.*yaml/);
  });

  it('lets the domain import zod', async () => {
    const problems = await problemsOf(
      'libs/domain/src/lib/boundary-probe.ts',
      "import { z } from 'zod';\nexport const probe = z.string();\n",
    );
    expect(problems).toEqual([]);
  });

  it('refuses the KPI engine importing the API (data access may not reach up to features)', async () => {
    const problems = await problemsOf(
      'libs/kpi/src/boundary-probe.ts',
      "import { appRouter } from '@koers/api';\nexport const probe = appRouter;\n",
    );
    expect(problems.join('\n')).toMatch(/enforce-module-boundaries/);
  });

  it('refuses the dashboard importing DuckDB', async () => {
    const problems = await problemsOf(
      'apps/dashboard/src/app/boundary-probe.ts',
      "import { DuckDBInstance } from '@duckdb/node-api';\nexport const probe = DuckDBInstance;\n",
    );
    expect(problems.join('\n')).toMatch(/enforce-module-boundaries.*@duckdb\/node-api/);
  });

  it('refuses the dashboard importing persistence', async () => {
    const problems = await problemsOf(
      'apps/dashboard/src/app/boundary-probe.ts',
      "import { openDatabase } from '@koers/persistence';\nexport const probe = openDatabase;\n",
    );
    expect(problems.join('\n')).toMatch(/enforce-module-boundaries/);
  });

  it('refuses the dashboard importing the API as a value', async () => {
    const problems = await problemsOf(
      'apps/dashboard/src/app/boundary-probe.ts',
      "import { appRouter } from '@koers/api';\nexport const probe = appRouter;\n",
    );
    expect(problems.join('\n')).toMatch(/no-restricted-imports.*import type/);
  });

  it("lets the dashboard import the API's types", async () => {
    const problems = await problemsOf(
      'apps/dashboard/src/app/boundary-probe.ts',
      "import type { AppRouter } from '@koers/api';\nexport type Probe = AppRouter;\n",
    );
    expect(problems).toEqual([]);
  });
});
