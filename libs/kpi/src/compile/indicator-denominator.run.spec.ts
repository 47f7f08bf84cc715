import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InMemoryIndicatorDatabase } from './in-memory-indicator-database.testing';

describe.each(['auto', 'two-pass'] as const)('compiled indicator (%s filter shape): the denominator (per)', (filterShape) => {
  let database: InMemoryIndicatorDatabase;

  beforeEach(async () => {
    database = await InMemoryIndicatorDatabase.open({ filterShape });
    // One theft a month, January to December 2025, and one in December 2024.
    await database.run(`CREATE TABLE src_misdrijven AS
      SELECT DATE '2025-01-15' + INTERVAL (m) MONTH AS pleegdatum, 'winkeldiefstal' AS soort FROM range(12) AS r(m)
      UNION ALL SELECT DATE '2024-12-15', 'winkeldiefstal'`);
  });

  afterEach(() => database.close());

  const thefts = { source: 'misdrijven', time: 'pleegdatum', measure: 'count(*)' };

  it('divides by the latest snapshot on or before the period end, times the scale', async () => {
    await database.run(`CREATE TABLE src_bevolking AS SELECT * FROM (VALUES
      (DATE '2025-01-01', 6000), (DATE '2025-01-01', 4000),
      (DATE '2025-06-30', 2000), (DATE '2025-10-01', 1000)
    ) AS t(peildatum, inwoners)`);
    const totals = await database.totals({
      ...thefts,
      per: { source: 'bevolking', time: 'peildatum', measure: 'sum(inwoners)', scale: 1000 },
    });
    expect(totals).toEqual({
      '2024-Q4': null, // no snapshot yet: no denominator
      '2025-Q1': (3 / 10000) * 1000, // the 1 January count serves the whole quarter
      '2025-Q2': (3 / 2000) * 1000, // a snapshot on the last day of the quarter counts
      '2025-Q3': (3 / 2000) * 1000, // the earlier snapshot still serves
      '2025-Q4': (3 / 1000) * 1000,
    });
  });

  it('does not take a snapshot taken just after the period ends', async () => {
    await database.run(`CREATE TABLE src_bevolking AS SELECT * FROM (VALUES
      (TIMESTAMP '2024-10-01 00:00:00', 100), (TIMESTAMP '2025-04-01 00:00:00', 400)
    ) AS t(peilmoment, inwoners)`);
    const totals = await database.totals({ ...thefts, per: { source: 'bevolking', time: 'peilmoment', measure: 'sum(inwoners)' } });
    expect(totals['2025-Q1']).toBe(3 / 100);
    expect(totals['2025-Q2']).toBe(3 / 400);
  });

  it('gives NULL for a zero denominator and for a NULL one, without falling back to an older snapshot', async () => {
    await database.run(`CREATE TABLE src_bevolking AS SELECT * FROM (VALUES
      (DATE '2024-01-01', 500), (DATE '2025-01-01', 0), (DATE '2025-04-01', NULL), (DATE '2025-07-01', 300)
    ) AS t(peildatum, inwoners)`);
    const totals = await database.totals({ ...thefts, per: { source: 'bevolking', time: 'peildatum', measure: 'sum(inwoners)' } });
    expect(totals).toEqual({ '2024-Q4': 1 / 500, '2025-Q1': null, '2025-Q2': null, '2025-Q3': 3 / 300, '2025-Q4': 3 / 300 });
  });

  it('divides the empty-set value of a period whose rows all fail the filter', async () => {
    await database.run(`CREATE TABLE src_bevolking AS SELECT DATE '2024-01-01' AS peildatum, 50 AS inwoners`);
    const totals = await database.totals({
      ...thefts,
      grain: 'year',
      filter: "pleegdatum < DATE '2025-01-01'",
      per: { source: 'bevolking', time: 'peildatum', measure: 'sum(inwoners)', scale: 100 },
    });
    expect(totals).toEqual({ '2024': 2, '2025': 0 });
  });

  it('takes the denominator per member, as of that member\'s own latest snapshot', async () => {
    await database.run(`CREATE TABLE src_diefstal AS SELECT * FROM (VALUES
      (DATE '2025-02-01', 'Centrum'), (DATE '2025-02-02', 'Centrum'), (DATE '2025-02-03', 'Noord'),
      (DATE '2025-02-04', NULL), (DATE '2025-02-05', 'Zuid')
    ) AS t(pleegdatum, wijk)`);
    await database.run(`CREATE TABLE src_bevolking AS SELECT * FROM (VALUES
      (DATE '2024-01-01', 'Centrum', 100), (DATE '2025-01-01', 'Centrum', 200),
      (DATE '2024-01-01', 'Noord', 50),
      (DATE '2025-01-01', NULL, 10)
    ) AS t(peildatum, wijk, inwoners)`);
    const rows = await database.compute({
      source: 'diefstal',
      time: 'pleegdatum',
      measure: 'count(*)',
      dimensions: ['wijk'],
      per: { source: 'bevolking', time: 'peildatum', measure: 'sum(inwoners)' },
    });
    expect(rows).toEqual([
      // Total: the latest snapshot over all rows is 2025-01-01 (200 + 10), not each member's own.
      { dimension: null, member: null, period: '2025-Q1', value: 5 / 210 },
      { dimension: 'wijk', member: null, period: '2025-Q1', value: 1 / 10 },
      { dimension: 'wijk', member: 'Centrum', period: '2025-Q1', value: 2 / 200 },
      { dimension: 'wijk', member: 'Noord', period: '2025-Q1', value: 1 / 50 }, // Noord's own latest: 2024
      { dimension: 'wijk', member: 'Zuid', period: '2025-Q1', value: null }, // not in the denominator source
    ]);
  });

  it('matches members by text, so an integer member meets a text one', async () => {
    await database.run(`CREATE TABLE src_buurt AS SELECT * FROM (VALUES (DATE '2025-02-01', 7)) AS t(pleegdatum, buurt)`);
    await database.run(`CREATE TABLE src_bevolking AS SELECT * FROM (VALUES (DATE '2025-01-01', '7', 20)) AS t(peildatum, buurt, inwoners)`);
    const rows = await database.compute({
      source: 'buurt',
      time: 'pleegdatum',
      measure: 'count(*)',
      dimensions: ['buurt'],
      per: { source: 'bevolking', time: 'peildatum', measure: 'sum(inwoners)' },
    });
    expect(rows.map((row) => [row.member, row.value])).toEqual([
      [null, 1 / 20],
      ['7', 1 / 20],
    ]);
  });
});
