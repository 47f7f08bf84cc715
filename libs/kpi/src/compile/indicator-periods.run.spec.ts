import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InMemoryIndicatorDatabase } from './in-memory-indicator-database.testing';

describe.each(['auto', 'two-pass'] as const)('compiled indicator (%s filter shape): periods and values', (filterShape) => {
  let database: InMemoryIndicatorDatabase;

  beforeEach(async () => {
    database = await InMemoryIndicatorDatabase.open({ filterShape });
    await database.run(`CREATE TABLE src_misdrijven AS SELECT * FROM (VALUES
      (DATE '2024-12-31', 'winkeldiefstal', 10),
      (DATE '2025-01-05', 'winkeldiefstal', 3),
      (DATE '2025-02-10', 'winkeldiefstal', 4),
      (DATE '2025-03-31', 'inbraak', 7),
      (DATE '2025-05-01', 'inbraak', 8),
      (DATE '2025-08-15', 'winkeldiefstal', NULL),
      (NULL, 'winkeldiefstal', 100)
    ) AS t(pleegdatum, soort, schade)`);
  });

  afterEach(() => database.close());

  const shoplifting = { source: 'misdrijven', time: 'pleegdatum', filter: "soort = 'winkeldiefstal'" };

  it('labels quarters and counts the rows that pass the filter', async () => {
    expect(await database.totals({ ...shoplifting, measure: 'count(*)' })).toEqual({
      '2024-Q4': 1,
      '2025-Q1': 2,
      '2025-Q2': 0, // rows, but none pass the filter: count over an empty set
      '2025-Q3': 1,
    });
  });

  it('gives sum NULL for a period whose rows all fail the filter', async () => {
    expect(await database.totals({ ...shoplifting, measure: 'sum(schade)' })).toEqual({
      '2024-Q4': 10,
      '2025-Q1': 7,
      '2025-Q2': null,
      '2025-Q3': null, // one passing row whose schade is NULL
    });
  });

  it('evaluates any measure over the empty set, not a fixed 0 or NULL', async () => {
    const totals = await database.totals({ ...shoplifting, measure: 'coalesce(sum(schade), -1) + count(*) * 100' });
    expect(totals['2025-Q2']).toBe(-1);
    expect(totals['2025-Q1']).toBe(207);
  });

  it('counts distinct values among the passing rows only', async () => {
    const totals = await database.totals({ source: 'misdrijven', time: 'pleegdatum', grain: 'year', measure: 'count(DISTINCT soort)', filter: 'schade < 8' });
    expect(totals).toEqual({ '2024': 0, '2025': 2 });
  });

  it('keeps a measure that returns NULL over passing rows NULL', async () => {
    // nullif(count(*), 1) is NULL for one passing row but 0 over no rows: the two must not be confused.
    const totals = await database.totals({ ...shoplifting, measure: 'nullif(count(*), 1)' });
    expect(totals).toEqual({ '2024-Q4': null, '2025-Q1': 2, '2025-Q2': 0, '2025-Q3': null });
  });

  it('labels months and years', async () => {
    expect(await database.totals({ ...shoplifting, grain: 'month', measure: 'count(*)' })).toEqual({
      '2024-12': 1,
      '2025-01': 1,
      '2025-02': 1,
      '2025-03': 0,
      '2025-05': 0,
      '2025-08': 1,
    });
    expect(await database.totals({ ...shoplifting, grain: 'year', measure: 'count(*)' })).toEqual({ '2024': 1, '2025': 3 });
  });

  it('puts rows without a time in no period, also without a filter', async () => {
    expect(await database.totals({ source: 'misdrijven', time: 'pleegdatum', grain: 'year', measure: 'sum(schade)' })).toEqual({
      '2024': 10,
      '2025': 22,
    });
  });

  it('reads a TIMESTAMP and an ISO text time column', async () => {
    await database.run(`CREATE TABLE src_meldingen AS SELECT * FROM (VALUES
      (TIMESTAMP '2025-03-31 23:59:59', '2025-03-31T23:59:59'),
      (TIMESTAMP '2025-04-01 00:00:00', '2025-04-01')
    ) AS t(gemeld, gemeld_tekst)`);
    const expected = { '2025-Q1': 1, '2025-Q2': 1 };
    expect(await database.totals({ source: 'meldingen', time: 'gemeld', measure: 'count(*)' })).toEqual(expected);
    expect(await database.totals({ source: 'meldingen', time: 'gemeld_tekst', measure: 'count(*)' })).toEqual(expected);
  });

  it('quotes column names with a space, a quote or a $', async () => {
    await database.run(`CREATE TABLE src_vreemd AS SELECT * FROM (VALUES
      (DATE '2025-01-02', 'a', 1), (DATE '2025-04-02', 'b', 2)
    ) AS t("datum van melding", "wijk ""oud""", "bedrag$eur")`);
    const rows = await database.compute({
      source: 'vreemd',
      time: 'datum van melding',
      measure: 'sum("bedrag$eur")',
      dimensions: ['wijk "oud"'],
    });
    expect(rows).toEqual([
      { dimension: null, member: null, period: '2025-Q1', value: 1 },
      { dimension: null, member: null, period: '2025-Q2', value: 2 },
      { dimension: 'wijk "oud"', member: 'a', period: '2025-Q1', value: 1 },
      { dimension: 'wijk "oud"', member: 'b', period: '2025-Q2', value: 2 },
    ]);
  });

  it('survives a measure that ends in a line comment', async () => {
    const totals = await database.totals({ ...shoplifting, grain: 'year', measure: 'count(*) -- aantal', filter: 'true -- alle' });
    expect(totals).toEqual({ '2024': 1, '2025': 5 });
  });

  it('returns DOUBLE values in the documented columns and order', async () => {
    const reader = await database.connection.runAndReadAll(
      `SELECT column_name, column_type FROM (DESCRIBE ${database.compile({ ...shoplifting, measure: 'count(*)' })})`,
    );
    expect(reader.getRowObjectsJson()).toEqual([
      { column_name: 'dimension', column_type: 'VARCHAR' },
      { column_name: 'member', column_type: 'VARCHAR' },
      { column_name: 'period', column_type: 'VARCHAR' },
      { column_name: 'value', column_type: 'DOUBLE' },
    ]);
  });
});

describe('compiled indicator: a measure that fails on rows the filter excludes', () => {
  it('is evaluated only over the passing rows', async () => {
    const database = await InMemoryIndicatorDatabase.open();
    try {
      await database.run(`CREATE TABLE src_telling AS SELECT * FROM (VALUES
        (DATE '2025-01-01', '12'), (DATE '2025-01-02', 'n.v.t.'), (DATE '2025-04-01', 'n.v.t.')
      ) AS t(datum, aantal)`);
      const totals = await database.totals({ source: 'telling', time: 'datum', measure: 'sum(CAST(aantal AS INTEGER))', filter: "aantal <> 'n.v.t.'" });
      expect(totals).toEqual({ '2025-Q1': 12, '2025-Q2': null });
    } finally {
      database.close();
    }
  });
});
