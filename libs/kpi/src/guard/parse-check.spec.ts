import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkExpressionsWithParser, checkExpressionWithParser } from './parse-check';

describe('checkExpressionWithParser', () => {
  let instance: DuckDBInstance;
  let connection: DuckDBConnection;

  beforeAll(async () => {
    instance = await DuckDBInstance.create(':memory:');
    connection = await instance.connect();
  });

  afterAll(() => {
    connection.closeSync();
    instance.closeSync();
  });

  it.each([
    'count(*)',
    'sum("inwoners")',
    'sum(x) / nullif(count(*), 0)',
    "soort = 'select * from x'",
    'avg(x) FILTER (WHERE y > 0)',
    'CASE WHEN a THEN 1 ELSE 0 END',
    "strftime(d, '%Y') = '2025'",
  ])('accepts %s', async (text) => {
    expect(await checkExpressionWithParser(connection, text, 'measure')).toBeNull();
  });

  it.each([
    ['count(*', /^measure: DuckDB cannot parse the expression: syntax error/],
    ['1; SELECT 2', /more than one statement/],
    ['1; DROP TABLE x', /DuckDB cannot parse the expression/],
    ['1, 2', /several expressions/],
    ['x FROM t', /FROM clause/],
    ["x FROM read_csv('/etc/passwd')", /FROM clause/],
    ['1 WHERE true', /WHERE clause/],
    ['sum(x) GROUP BY y', /GROUP BY/],
    ['1 ORDER BY 1', /ORDER BY/],
    ['x AS y', /alias/],
    ['1 UNION SELECT 2', /set operation/],
    ['x IN (SELECT 1)', /subquery/],
    ['EXISTS (FROM t)', /subquery/],
    ["getenv('HOME')", /getenv/],
    ["\"read_text\"('x')", /read_text/],
    ['sum(COLUMNS(*))', /several columns/],
    ['*', /all columns/],
  ])('refuses %s', async (text, message) => {
    expect(await checkExpressionWithParser(connection, text, 'measure')).toMatch(message);
  });

  it('never runs the text it checks', async () => {
    await connection.run('CREATE TABLE kept (x INTEGER)');
    expect(await checkExpressionWithParser(connection, "1; DROP TABLE kept; SELECT '", 'filter')).toMatch(/^filter: /);
    const tables = await connection.runAndReadAll("SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = 'kept'");
    expect(tables.getRowObjectsJson()).toEqual([{ n: '1' }]);
  });

  it('checks many expressions in one round trip with the same verdicts, in order', async () => {
    const items = [
      { text: 'count(*)', field: 'measure' as const },
      { text: "1; DROP TABLE kept; SELECT '", field: 'filter' as const },
      { text: "(SELECT count(*) FROM read_csv('/etc/passwd'))", field: 'per.measure' as const },
      { text: 'sum(x) / nullif(count(*), 0)', field: 'measure' as const },
    ];
    const alone = await Promise.all(items.map(({ text, field }) => checkExpressionWithParser(connection, text, field)));
    const together = await checkExpressionsWithParser(connection, items);
    expect(together).toEqual(alone);
    expect(together.map((verdict) => verdict === null)).toEqual([true, false, false, true]);
    expect(await checkExpressionsWithParser(connection, [])).toEqual([]);
  });
});
