import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guardExpression } from './expression.guard';
import { checkExpressionsWithParser } from './parse-check';

/** Both layers' verdicts on each text, token guard first (as the engine runs them). */
async function verdicts(connection: DuckDBConnection, texts: readonly string[]): Promise<Array<string | null>> {
  const parsed = await checkExpressionsWithParser(connection, texts.map((text) => ({ text, field: 'measure' as const })));
  return texts.map((text, index) => guardExpression(text, 'measure') ?? parsed[index] ?? null);
}

// The lists in misleading-functions.ts follow DuckDB's catalogue: these tests
// fail when a DuckDB upgrade adds a function the guard does not know.
describe('misleading functions: complete against DuckDB', () => {
  let instance: DuckDBInstance;
  let connection: DuckDBConnection;
  const names = async (sql: string): Promise<string[]> =>
    (await connection.runAndReadAll(sql)).getRowObjectsJson().map((row) => String(row['function_name']));

  beforeAll(async () => {
    instance = await DuckDBInstance.create(':memory:');
    connection = await instance.connect();
  });
  afterAll(() => {
    connection.closeSync();
    instance.closeSync();
  });

  it('refuses every function DuckDB marks volatile or fixed only within a query (except error), as a call and on both layers', async () => {
    const unstable = await names(
      "SELECT DISTINCT function_name FROM duckdb_functions() WHERE stability IN ('VOLATILE', 'CONSISTENT_WITHIN_QUERY') AND function_name <> 'error' ORDER BY 1",
    );
    expect(unstable).toEqual(expect.arrayContaining(['random', 'uuid', 'now', 'current_date', 'today']));
    const calls = unstable.map((name) => `sum(x) + length(CAST(${name}() AS VARCHAR))`);
    const tokenVerdicts = calls.map((text) => guardExpression(text, 'measure'));
    const parserVerdicts = await checkExpressionsWithParser(connection, calls.map((text) => ({ text, field: 'measure' as const })));
    for (const [index, name] of unstable.entries()) {
      expect(tokenVerdicts[index], name).toMatch(/^measure: /);
      expect(parserVerdicts[index], name).toMatch(/^measure: /);
    }
  });

  it('refuses every built-in macro that is built on a refused function or the clock', async () => {
    const macros = await names(
      `SELECT DISTINCT function_name FROM duckdb_functions()
       WHERE function_type = 'macro' AND regexp_matches(macro_definition,
         '(current_timestamp|current_date|now\\(|random\\(|uuid|unnest\\(|generate_series\\(|current_query|current_database|current_schema)')
       ORDER BY 1`,
    );
    expect(macros).toEqual(expect.arrayContaining(['ago', 'generate_subscripts', 'regexp_split_to_table']));
    const parserVerdicts = await checkExpressionsWithParser(connection, macros.map((name) => ({ text: `${name}(x)`, field: 'measure' as const })));
    for (const [index, name] of macros.entries()) {
      expect(guardExpression(`${name}(x)`, 'measure'), name).toMatch(/^measure: /);
      expect(parserVerdicts[index], name).toMatch(/^measure: /);
    }
  });

  it('refuses every table function that is also a plain function (a series in disguise), bar repeat and histogram', async () => {
    const both = await names(
      `SELECT DISTINCT function_name FROM duckdb_functions() WHERE function_type = 'table'
       AND function_name IN (SELECT function_name FROM duckdb_functions() WHERE function_type IN ('scalar', 'aggregate', 'macro'))
       AND function_name NOT IN ('repeat', 'histogram') ORDER BY 1`,
    );
    expect(both).toEqual(expect.arrayContaining(['generate_series', 'range']));
    for (const name of both) expect(guardExpression(`count(${name}(1, 3))`, 'measure'), name).toMatch(/^measure: /);
  });

  describe('by name, however it is written', () => {
    it.each([
      ['sum(sum(x)) OVER ()', /sum\(\.\.\.\) OVER \(\.\.\.\) is a window function.*define a second indicator/],
      ['count(*) OVER (PARTITION BY wijk)', /count\(\.\.\.\) OVER/],
      ['sum(x) FILTER (WHERE y > 0) OVER (ORDER BY d)', /sum\(\.\.\.\) OVER/],
      ['row_number() over(order by d)', /row_number\(\.\.\.\) OVER/],
      ['(sum(x) OVER ())', /sum\(\.\.\.\) OVER/],
      ['random()', /random\(\.\.\.\) gives a different value on every run/],
      ['RANDOM ( )', /random\(\.\.\.\) gives a different value/i],
      ['main.random()', /random\(\.\.\.\) gives a different value/],
      ['system.main.random()', /random/],
      ['"random"()', /random\(\.\.\.\) gives a different value/],
      ['"main"."RANDOM"()', /random\(\.\.\.\)/i],
      ['random/* tussen */()', /random/],
      ['random\n()', /random/],
      ['uuid()', /uuid\(\.\.\.\) gives a different value/],
      ['gen_random_uuid()', /gen_random_uuid/],
      ['now()', /now is the moment the indicator is computed/],
      ['today()', /today is the moment/],
      ['current_date', /current_date is the moment.*rename it in the data/],
      ['CURRENT_TIMESTAMP', /current_timestamp is the moment/i],
      ['"current_date"', /current_date is the moment/],
      ["count(*) FILTER (WHERE d > current_date - INTERVAL 1 YEAR)", /current_date/],
      ["ago(INTERVAL '1 day')", /ago is the moment/],
      ['generate_series(1, 10)', /generate_series\(\.\.\.\) makes several values out of one/],
      ['sum(unnest([1, 2]))', /unnest\(\.\.\.\) makes several values/],
      ['len(range(x))', /range\(\.\.\.\) makes several values/],
      ['"range"(3)', /range\(\.\.\.\)/],
      ['generate_subscripts(l, 1)', /generate_subscripts/],
      ['current_query()', /describes the database session/],
      ['reservoir_quantile(x, 0.5)', /approximation.*quantile_cont/],
      ['approx_quantile(x, 0.5)', /approximation/],
    ])('refuses %j on both layers', async (text, message) => {
      expect(guardExpression(text, 'measure') ?? '', 'token layer').toMatch(message);
      const [parsed] = await checkExpressionsWithParser(connection, [{ text, field: 'measure' }]);
      // OVER (ORDER BY ...) also holds ORDER BY, which DuckDB's parser knows as part of the window.
      expect(parsed ?? '', 'parser layer').toMatch(message);
    });

    it('refuses a named window on the token layer (DuckDB could only say the window does not exist)', () => {
      expect(guardExpression('count(*) FILTER (WHERE y) OVER w', 'filter')).toMatch(/^filter: count\(\.\.\.\) OVER \(\.\.\.\) is a window function/);
    });

    it.each([
      ['first(x)', /first\(\.\.\.\) without ORDER BY takes whichever row comes first.*first\(x ORDER BY a column\)/],
      ['any_value(x)', /any_value/],
      ['arbitrary(x)', /arbitrary/],
      ['"LAST"(x)', /last\(\.\.\.\) without ORDER BY/i],
    ])('refuses %j, an aggregate that depends on the order of the rows, on the parser layer', async (text, message) => {
      expect(await verdicts(connection, [text])).toEqual([expect.stringMatching(message)]);
    });

    it.each([
      'sum(range)',
      'range + 1',
      'max("range")',
      'now',
      'sum(now)',
      '"now" > 3',
      'count(*) FILTER (WHERE "over" > 1)',
      'sum(over)',
      'over + 1',
      'count(*) FILTER (WHERE over IS NOT NULL)',
      'over IN (1, 2)',
      'first(x ORDER BY d)',
      'last(x ORDER BY d DESC)',
      'approx_count_distinct(x)',
      'median(x)',
      'quantile_cont(x, 0.5)',
      "soort = 'random()'",
      "repeat('a', 3) = soort",
      's.current_date = 1',
    ])('accepts %j (a column or a deterministic function)', async (text) => {
      expect(await verdicts(connection, [text])).toEqual([null]);
    });
  });
});
