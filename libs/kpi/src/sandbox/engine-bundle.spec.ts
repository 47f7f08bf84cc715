import type { IndicatorDefinition, Workspace } from '@koers/domain';
import { build } from 'esbuild';
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { writeTempWorkspace } from '../sources/temp-workspace.testing';

// A bundle must resolve DuckDB (left external: it is native) from the repository's node_modules, so it lives in its cache.
const nodeModules = createRequire(import.meta.url).resolve('@duckdb/node-api').replace(/node_modules[/\\].*$/, 'node_modules');
const libraryIndex = fileURLToPath(new URL('../index.ts', import.meta.url));

/** An entry as a server's compute worker writes it: the one hook line first, then its own work. */
const entry = `
import { createKpiEngine, isEngineHostProcess, serveEngineHost } from ${JSON.stringify(libraryIndex)};
if (isEngineHostProcess()) await serveEngineHost();
else {
  const engine = await createKpiEngine({ workspace: JSON.parse(process.argv[2]), queryTimeoutMs: 1000 });
  await engine.syncSources();
  const outcome = await engine.computeAll();
  await engine.close();
  process.stdout.write(JSON.stringify(outcome));
}
`;

describe('the engine in a bundle made by esbuild', () => {
  let folder: string | undefined;
  afterEach(async () => {
    if (folder !== undefined) await rm(folder, { recursive: true, force: true });
  });

  it('starts its process by running the bundle again, which hands over at its first line; a stop still costs one indicator', async () => {
    await mkdir(join(nodeModules, '.cache'), { recursive: true });
    folder = await mkdtemp(join(nodeModules, '.cache', 'koers-kpi-bundle-'));
    await writeFile(join(folder, 'entry.ts'), entry);
    await build({
      entryPoints: [join(folder, 'entry.ts')],
      outfile: join(folder, 'worker.mjs'),
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      external: ['@duckdb/node-api'],
      logLevel: 'silent',
    });
    const root = await writeTempWorkspace({ 'data/m.csv': 'd,n\n2025-01-03,1\n2025-04-03,2\n' });
    const indicator: Omit<IndicatorDefinition, 'id' | 'measure'> = {
      title: 'T',
      unit: 'aantal',
      direction: 'higher_is_better',
      grain: 'quarter',
      source: 'm',
      time: 'd',
      dimensions: [],
      targets: {},
      tolerance: 0.1,
      bbv: false,
    };
    const workspace: Workspace = {
      root,
      municipality: 'Bundeldorp',
      sources: [{ id: 'm', title: 'M', path: 'data/m.csv' }],
      indicators: [
        { ...indicator, id: 'som', measure: 'sum(n)' },
        { ...indicator, id: 'traag', measure: `sum(n) + levenshtein(repeat('a', 60000), repeat('b', 60000))` },
      ],
      programs: [],
    };
    const { stdout } = await promisify(execFile)(process.execPath, [join(folder, 'worker.mjs'), JSON.stringify(workspace)], { timeout: 60_000 });
    const outcome = JSON.parse(stdout) as { indicators: Array<{ id: string; values: unknown[] }>; errors: Array<{ indicatorId: string; message: string }> };
    expect(outcome.indicators).toEqual([expect.objectContaining({ id: 'som', values: [{ period: '2025-Q1', value: 1 }, { period: '2025-Q2', value: 2 }] })]);
    expect(outcome.errors).toEqual([expect.objectContaining({ indicatorId: 'traag', message: expect.stringMatching(/^stopped after 1000 ms/) })]);
  });
});
