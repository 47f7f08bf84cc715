import { type IndicatorDefinition, indicatorSchema } from '@koers/domain';
import { describe, expect, it } from 'vitest';
import { compileIndicator } from './indicator.compiler';
import { quoteIdentifier, quoteString } from './sql-quoting';

function indicator(fields: Record<string, unknown>): IndicatorDefinition {
  const parsed = indicatorSchema.parse({ title: 'T', unit: 'u', direction: 'lower_is_better', grain: 'year', source: 'misdrijven', time: 'pleegdatum', measure: 'count(*)', ...fields });
  return { ...parsed, id: 'winkeldiefstallen', file: 'indicators/winkeldiefstallen.yaml' };
}

const tableOf = (id: string): string => quoteIdentifier(`src_${id}`);

describe('quoteIdentifier', () => {
  it('quotes a name and doubles the quotes inside it', () => {
    expect(quoteIdentifier('a b')).toBe('"a b"');
    expect(quoteIdentifier('wijk "oud"')).toBe('"wijk ""oud"""');
    expect(quoteIdentifier('bedrag$eur')).toBe('"bedrag$eur"');
  });

  it('refuses an empty name', () => {
    expect(() => quoteIdentifier('')).toThrow(/cannot be empty/);
  });

  it('quotes strings the same way with single quotes', () => {
    expect(quoteString("it's")).toBe("'it''s'");
  });
});

describe('compileIndicator', () => {
  it('compiles an indicator without filter into one grouping pass', () => {
    expect(compileIndicator(indicator({}), tableOf)).toEqual({
      indicatorId: 'winkeldiefstallen',
      sourceIds: ['misdrijven'],
      sql: [
        'WITH koers_values AS (',
        `  SELECT date_trunc('year', CAST("pleegdatum" AS DATE)) AS koers_start, 0 AS koers_set, CAST(NULL AS VARCHAR) AS koers_member, CAST((\ncount(*)\n) AS DOUBLE) AS koers_value`,
        '  FROM "src_misdrijven"',
        '  WHERE "pleegdatum" IS NOT NULL',
        `  GROUP BY date_trunc('year', CAST("pleegdatum" AS DATE))`,
        ')',
        `SELECT CAST(NULL AS VARCHAR) AS dimension, n.koers_member AS member, strftime(n.koers_start, '%Y') AS period, n.koers_value AS value`,
        'FROM koers_values AS n',
        'ORDER BY dimension NULLS FIRST, member NULLS FIRST, period',
      ].join('\n'),
    });
  });

  it('puts the filter on each aggregate where that gives the same result, in one pass', () => {
    const { sql } = compileIndicator(indicator({ measure: 'sum(x) / nullif(count(*), 0)', filter: "soort = 'a'" }), tableOf);
    expect(sql).toContain(`CAST((\nsum(x) FILTER (WHERE (\nsoort = 'a'\n)) / nullif(count(*) FILTER (WHERE (\nsoort = 'a'\n)), 0)\n) AS DOUBLE)`);
    expect(sql).not.toContain('koers_periods');
  });

  it('finds periods before the filter and values after it in two passes where the measure needs it', () => {
    const { sql } = compileIndicator(indicator({ measure: 'sum(CAST(w AS INTEGER))', filter: "w <> 'n.v.t.'" }), tableOf);
    expect(sql).toContain('koers_periods AS (\n  SELECT date_trunc(\'year\', CAST("pleegdatum" AS DATE)) AS koers_start');
    expect(sql).toContain(`WHERE "pleegdatum" IS NOT NULL AND (\nw <> 'n.v.t.'\n)`);
    expect(sql).toContain('(SELECT CAST((\nsum(CAST(w AS INTEGER))\n) AS DOUBLE) FROM "src_misdrijven" WHERE false)');
  });

  it('groups each dimension on its own with GROUPING SETS', () => {
    const { sql } = compileIndicator(indicator({ grain: 'month', dimensions: ['wijk', 'soort'] }), tableOf);
    const start = `date_trunc('month', CAST("pleegdatum" AS DATE))`;
    expect(sql).toContain(`GROUP BY GROUPING SETS ((${start}), (${start}, "wijk"), (${start}, "soort"))`);
    expect(sql).toContain(`CASE n.koers_set WHEN 1 THEN 'wijk' WHEN 2 THEN 'soort' END AS dimension`);
    expect(sql).toContain(`strftime(n.koers_start, '%Y-%m') AS period`);
  });

  it('joins the denominator as of the period end and names both sources', () => {
    const compiled = compileIndicator(
      indicator({ grain: 'quarter', per: { source: 'bevolking', time: 'peil datum', measure: 'sum(inwoners)', scale: 1000 } }),
      tableOf,
    );
    expect(compiled.sourceIds).toEqual(['misdrijven', 'bevolking']);
    expect(compiled.sql).toContain('FROM "src_bevolking"\n  WHERE "peil datum" IS NOT NULL');
    expect(compiled.sql).toContain('koers_start + INTERVAL 3 MONTH AS koers_end');
    expect(compiled.sql).toContain('ASOF LEFT JOIN koers_snapshot_keys AS s');
    expect(compiled.sql).toContain('n.koers_value / nullif(s.koers_denominator, 0) * CAST(1000 AS DOUBLE) AS value');
  });

  it('names the source once when it is also the denominator source', () => {
    const per = { source: 'misdrijven', time: 'pleegdatum', measure: 'count(*)' };
    expect(compileIndicator(indicator({ per }), tableOf).sourceIds).toEqual(['misdrijven']);
  });

  it.each([
    ['measure', { measure: "count(*) FROM read_csv('/etc/passwd')" }],
    ['filter', { filter: "soort = 'x'; DROP TABLE src_misdrijven" }],
    ['per.measure', { per: { source: 'bevolking', time: 'peildatum', measure: "getenv('HOME')" } }],
  ])('refuses an unsafe %s with the file, the indicator and the field', (field, fields) => {
    expect(() => compileIndicator(indicator(fields), tableOf)).toThrow(
      new RegExp(`^indicators/winkeldiefstallen\\.yaml \\(indicator "winkeldiefstallen"\\): ${field.replace('.', '\\.')}: `),
    );
  });

  it('refuses a scale that is not a positive number', () => {
    const broken = indicator({ per: { source: 'bevolking', time: 'peildatum', measure: 'sum(inwoners)', scale: 1 } });
    Object.assign(broken.per ?? {}, { scale: Number.NaN });
    expect(() => compileIndicator(broken, tableOf)).toThrow(/per\.scale must be a positive number/);
  });
});
