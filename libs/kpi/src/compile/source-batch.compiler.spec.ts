import { type IndicatorDefinition, indicatorSchema } from '@koers/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InMemoryIndicatorDatabase } from './in-memory-indicator-database.testing';
import { compileIndicatorsForSource } from './source-batch.compiler';

function indicator(id: string, fields: Record<string, unknown>): IndicatorDefinition {
  const base = { title: 'T', unit: 'u', direction: 'lower_is_better', grain: 'quarter', source: 'meldingen', time: 'datum' };
  return { ...indicatorSchema.parse({ ...base, ...fields }), id };
}

const indicators = [
  indicator('aantal', { measure: 'count(*)' }),
  indicator('opgelost', { measure: 'count(*)', filter: 'opgelost', dimensions: ['wijk'] }),
  indicator('gemiddeld', { measure: 'sum(dagen) / nullif(count(*), 0)', filter: "wijk <> 'Noord'", dimensions: ['prioriteit', 'wijk'] }),
  indicator('per-inwoner', { measure: 'count(*)', dimensions: ['wijk'], per: { source: 'bevolking', time: 'peildatum', measure: 'sum(inwoners)', scale: 1000 } }),
  indicator('twee-passen', { measure: 'sum(CAST(code AS INTEGER))', filter: "code <> 'x'" }),
  indicator('per-jaar', { grain: 'year', measure: 'max(dagen)', filter: 'opgelost' }),
  indicator('kapot', { measure: "count(*) FROM read_csv('x')" }),
];

describe('compileIndicatorsForSource', () => {
  let database: InMemoryIndicatorDatabase;

  beforeAll(async () => {
    database = await InMemoryIndicatorDatabase.open();
    await database.run(`CREATE TABLE src_meldingen AS SELECT * FROM (VALUES
      (DATE '2025-01-10', 'Centrum', 1, true, 10.0, '1'),
      (DATE '2025-01-11', 'Centrum', 1, false, 20.0, 'x'),
      (DATE '2025-02-12', 'Noord', 2, true, 30.0, '2'),
      (DATE '2025-03-13', NULL, NULL, true, 5.0, '3'),
      (DATE '2025-04-10', 'Noord', 1, false, 40.0, 'x'),
      (NULL, 'Noord', 1, true, 40.0, '4')
    ) AS t(datum, wijk, prioriteit, opgelost, dagen, code)`);
    await database.run(`CREATE TABLE src_bevolking AS SELECT * FROM (VALUES
      (DATE '2025-01-01', 'Centrum', 1000), (DATE '2025-01-01', 'Noord', 3000), (DATE '2025-04-01', 'Noord', 2000)
    ) AS t(peildatum, wijk, inwoners)`);
  });

  afterAll(() => database.close());

  it('shares one pass between indicators of one source, time and grain', () => {
    const { batches } = compileIndicatorsForSource(indicators, InMemoryIndicatorDatabase.tableOf);
    expect(batches.map((batch) => batch.indicatorIds)).toEqual([['twee-passen'], ['aantal', 'opgelost', 'gemiddeld', 'per-inwoner'], ['per-jaar']]);
    expect(batches[1]?.sql).toContain('koers_pass AS MATERIALIZED (');
    expect(batches[1]?.sourceIds).toEqual(['meldingen', 'bevolking']);
  });

  it('reports a broken indicator and compiles the others', () => {
    const { errors } = compileIndicatorsForSource(indicators, InMemoryIndicatorDatabase.tableOf);
    expect(errors).toEqual([{ indicatorId: 'kapot', message: expect.stringMatching(/^indicator "kapot": measure: "FROM" is not allowed/) }]);
  });

  it('gives each indicator exactly the rows its own query gives', async () => {
    const { batches } = compileIndicatorsForSource(indicators, InMemoryIndicatorDatabase.tableOf);
    const batched: Record<string, unknown[]> = {};
    for (const batch of batches) {
      const rows = (await database.connection.runAndReadAll(batch.sql)).getRowObjects();
      for (const { indicator: id, ...row } of rows) (batched[String(id)] ??= []).push(row);
    }
    const alone: Record<string, unknown[]> = {};
    for (const definition of indicators.filter(({ id }) => id !== 'kapot')) {
      alone[definition.id] = await database.compute(definition);
    }
    expect(batched).toEqual(alone);
    expect(batched['gemiddeld']).toContainEqual({ dimension: 'wijk', member: 'Noord', period: '2025-Q1', value: null });
  });
});
