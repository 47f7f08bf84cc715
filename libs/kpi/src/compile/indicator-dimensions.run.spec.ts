import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InMemoryIndicatorDatabase } from './in-memory-indicator-database.testing';

describe.each(['auto', 'two-pass'] as const)('compiled indicator (%s filter shape): dimensions', (filterShape) => {
  let database: InMemoryIndicatorDatabase;

  beforeEach(async () => {
    database = await InMemoryIndicatorDatabase.open({ filterShape });
    await database.run(`CREATE TABLE src_meldingen AS SELECT * FROM (VALUES
      (DATE '2025-01-10', 'Centrum', 1, true, 10.0),
      (DATE '2025-01-11', 'Centrum', 1, false, 20.0),
      (DATE '2025-01-12', 'Centrum', 2, true, 30.0),
      (DATE '2025-01-13', 'Noord', 2, true, 90.0),
      (DATE '2025-01-14', NULL, NULL, true, 5.0),
      (DATE '2025-04-10', 'Noord', 1, false, 40.0)
    ) AS t(datum, wijk, prioriteit, opgelost, dagen)`);
  });

  afterEach(() => database.close());

  it('breaks down by each dimension on its own, with NULL as a member of its own', async () => {
    const rows = await database.compute({
      source: 'meldingen',
      time: 'datum',
      measure: 'count(*)',
      filter: 'opgelost',
      dimensions: ['wijk', 'prioriteit'],
    });
    expect(rows).toEqual([
      { dimension: null, member: null, period: '2025-Q1', value: 4 },
      { dimension: null, member: null, period: '2025-Q2', value: 0 },
      { dimension: 'prioriteit', member: null, period: '2025-Q1', value: 1 },
      { dimension: 'prioriteit', member: '1', period: '2025-Q1', value: 1 },
      { dimension: 'prioriteit', member: '1', period: '2025-Q2', value: 0 },
      { dimension: 'prioriteit', member: '2', period: '2025-Q1', value: 2 },
      { dimension: 'wijk', member: null, period: '2025-Q1', value: 1 },
      { dimension: 'wijk', member: 'Centrum', period: '2025-Q1', value: 2 },
      // Noord has a row in Q2 that fails the filter: the pair exists, with the empty-set count.
      { dimension: 'wijk', member: 'Noord', period: '2025-Q1', value: 1 },
      { dimension: 'wijk', member: 'Noord', period: '2025-Q2', value: 0 },
    ]);
  });

  it('computes the total over all rows, not as the sum of the members', async () => {
    const rows = await database.compute({
      source: 'meldingen',
      time: 'datum',
      grain: 'year',
      measure: 'sum(dagen) / nullif(count(*), 0)',
      dimensions: ['wijk'],
    });
    const total = rows.find((row) => row.dimension === null)?.value;
    const members = rows.filter((row) => row.dimension === 'wijk').map((row) => row.value ?? 0);
    expect(total).toBe(195 / 6);
    expect(members).toEqual([5, 20, 65]);
    expect(members.reduce((sum, value) => sum + value, 0)).not.toBe(total);
  });

  it('lists a dimension named twice once', async () => {
    const rows = await database.compute({ source: 'meldingen', time: 'datum', grain: 'year', measure: 'count(*)', dimensions: ['wijk', 'wijk'] });
    expect(rows.filter((row) => row.dimension === 'wijk')).toHaveLength(3);
  });

  it('casts a date member to its text', async () => {
    const rows = await database.compute({ source: 'meldingen', time: 'datum', grain: 'year', measure: 'count(*)', filter: "wijk = 'Noord'", dimensions: ['datum'] });
    expect(rows.filter((row) => row.dimension === 'datum').map((row) => [row.member, row.value])).toEqual([
      ['2025-01-10', 0],
      ['2025-01-11', 0],
      ['2025-01-12', 0],
      ['2025-01-13', 1],
      ['2025-01-14', 0],
      ['2025-04-10', 1],
    ]);
  });
});
