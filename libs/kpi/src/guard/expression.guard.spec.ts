import { describe, expect, it } from 'vitest';
import { guardExpression } from './expression.guard';

describe('guardExpression', () => {
  it.each([
    'count(*)',
    'sum("inwoners")',
    'sum(x) / nullif(count(*), 0)',
    "soort = 'select * from x'",
    '"from" > 3',
    'count(DISTINCT wijk)',
    'avg(x) FILTER (WHERE y > 0)',
    'CASE WHEN a THEN 1 ELSE 0 END',
    'x::DOUBLE',
    "strftime(d, '%Y') = '2025'",
    "soort = 'it''s; drop table x'",
    '"read_csv" > 0',
    'sum($$a;b$$ = naam)',
    'sum(bedrag$eur)',
    "list_contains(['a', 'b'], soort) AND {'k': 1}.k = 1",
    'count(*) -- per wijk\n',
    'count(*) /* aantal */',
    "soort IN ('a', 'b') AND datum >= DATE '2024-01-01'",
  ])('accepts %s', (text) => {
    expect(guardExpression(text, 'measure')).toBeNull();
  });

  it.each([
    ['count(*); DROP TABLE x', /";" would start a second statement/],
    ['(SELECT max(x) FROM t)', /"SELECT" is not allowed/],
    ['x IN (FROM t)', /"FROM" is not allowed/],
    ['x IN (VALUES (1))', /"VALUES" is not allowed/],
    ['x IN (TABLE t)', /"TABLE" is not allowed/],
    ['copy', /"copy" is not allowed/],
    ['1 WITH', /"WITH" is not allowed/],
    ['attach', /"attach" is not allowed/],
    ['install', /"install" is not allowed/],
    ['set', /"set" is not allowed/],
    ['pragma', /"pragma" is not allowed/],
    ["read_csv('/etc/passwd')", /read_csv\(\.\.\.\) reads a file/],
    ["READ_PARQUET ('x.parquet')", /READ_PARQUET\(\.\.\.\) reads a file/],
    ['"read_text"(\'x\')', /read_text\(\.\.\.\) reads a file/],
    ["main.parquet_metadata('x')", /parquet_metadata/],
    ["sniff_csv('x')", /sniff_csv/],
    ['duckdb_settings()', /duckdb_settings/],
    ["pragma_table_info('t')", /pragma_table_info/],
    ["glob('*')", /glob\(\.\.\.\) reads a file/],
    ["query('select 1')", /query\(\.\.\.\)/],
    ["query_table('t')", /query_table/],
    ["getenv('HOME')", /getenv\(\.\.\.\) reaches outside/],
    ["current_setting('home_directory')", /current_setting/],
    ["'HOME'.getenv()", /getenv/],
    ["which_secret('s3://x', 's3')", /which_secret/],
    ['icu_calendar_names()', /icu_calendar_names/],
    ['sum(COLUMNS(*))', /expands to several columns/],
    ['count(*', /"\(" at character 6 is never closed/],
    ['count(*))', /"\)" at character 9 closes nothing/],
    ['list_value(1]', /closes nothing/],
    ['', /the expression is empty/],
    ['  -- only a comment', /the expression is empty/],
    ["soort = 'open", /string literal ' is never closed/],
    ['"open', /quoted identifier " is never closed/],
    ['$tag$ never closed', /dollar-quoted string \$tag\$ is never closed/],
    ['x = $1', /parameters/],
    ['/* unclosed', /block comment/],
    ['/* /* */ ; */ 1', /contains another/],
    ["E'\\' ; DROP TABLE x; --'", /prefixed string literals like E'...'/],
    ["U&'x'", /unicode escape strings/],
  ])('refuses %s', (text, message) => {
    const refusal = guardExpression(text, 'measure');
    expect(refusal).toMatch(message);
    expect(refusal).toMatch(/^measure: .*; write one SQL expression: an aggregate/);
  });

  it('names the field and suggests what fits it', () => {
    expect(guardExpression('x; y', 'filter')).toMatch(/^filter: .*soort = 'winkeldiefstal'/);
    expect(guardExpression('x; y', 'per.measure')).toMatch(/^per\.measure: .*sum\("inwoners"\)/);
  });

  it('does not let a dollar sign inside a name open a dollar quote', () => {
    // DuckDB reads `foo$$` as one identifier, so the ";" after it is real.
    expect(guardExpression('foo$$ + 1; DROP TABLE x; --$$', 'measure')).toMatch(/";"/);
  });
});
