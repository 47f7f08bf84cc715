import { DuckDBInstance } from '@duckdb/node-api';
import { indicatorSchema, programSchema, sourceSchema, workspaceSettingsSchema } from '@koers/domain';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeBenchWorkspace } from './bench-workspace.writer';

const readYaml = async (path: string): Promise<unknown> => parse(await readFile(path, 'utf8'));

describe('benchmark workspace', () => {
  let out: string;

  beforeAll(async () => {
    out = await mkdtemp(join(tmpdir(), 'koers-bench-'));
    await writeBenchWorkspace({ out, rows: 10_000, indicators: 8, format: 'parquet' });
  });
  afterAll(() => rm(out, { recursive: true, force: true }));

  it('writes an event source with exactly the rows asked for, dated 2021..2025', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    try {
      const reader = await connection.runAndReadAll(
        `SELECT count(*)::INTEGER AS n, min(pleegdatum)::VARCHAR AS first, max(pleegdatum)::VARCHAR AS last,
                count(DISTINCT wijk)::INTEGER AS wijken, count(*) FILTER (WHERE wijk IS NULL)::INTEGER AS without_wijk
         FROM '${join(out, 'data/incidenten.parquet')}'`,
      );
      const [row] = reader.getRowObjectsJson();
      expect(row).toMatchObject({ n: 10_000, wijken: 20 });
      expect(String(row?.['first']) >= '2021-01-01' && String(row?.['last']) <= '2025-12-31').toBe(true);
      expect(Number(row?.['without_wijk'])).toBeGreaterThan(0);
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });

  it('writes sources, indicators and a program that fit the domain schemas', async () => {
    expect(workspaceSettingsSchema.safeParse(await readYaml(join(out, 'koers.yaml'))).success).toBe(true);
    const sources = await readdir(join(out, 'sources'));
    expect(sources.sort()).toEqual(['bevolking.yaml', 'incidenten.yaml']);
    for (const file of sources) expect(sourceSchema.safeParse(await readYaml(join(out, 'sources', file))).error).toBeUndefined();

    const files = await readdir(join(out, 'indicators'));
    expect(files).toHaveLength(8);
    const indicators = await Promise.all(files.map(async (file) => indicatorSchema.parse(await readYaml(join(out, 'indicators', file)))));
    expect(indicators.filter((indicator) => indicator.dimensions.length > 0).length).toBeGreaterThanOrEqual(3);
    expect(indicators.filter((indicator) => indicator.per?.source === 'bevolking').length).toBeGreaterThanOrEqual(2);
    expect(indicators.filter((indicator) => indicator.filter).length).toBeGreaterThanOrEqual(2);
    expect(new Set(indicators.map((indicator) => indicator.grain))).toEqual(new Set(['month', 'quarter', 'year']));

    const program = programSchema.parse(await readYaml(join(out, 'programs', 'benchmark.yaml')));
    expect(program.effects[0]?.indicators).toHaveLength(8);
  });

  it('makes the same event file on every run', async () => {
    const [first, second] = await Promise.all([mkdtemp(join(tmpdir(), 'koers-bench-')), mkdtemp(join(tmpdir(), 'koers-bench-'))]);
    try {
      for (const out of [first, second]) await writeBenchWorkspace({ out, rows: 10_000, indicators: 8, format: 'csv' });
      const [left, right] = await Promise.all([first, second].map((out) => readFile(join(out, 'data/incidenten.csv'), 'utf8')));
      expect(left?.split('\n')).toHaveLength(10_002);
      expect(left).toBe(right);
    } finally {
      await Promise.all([first, second].map((out) => rm(out, { recursive: true, force: true })));
    }
  });
});
