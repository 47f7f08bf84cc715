import type { IndicatorDefinition } from '@koers/domain';
import { type ExpressionField, guardExpression } from '../guard';
import { type DimensionSet, groupingSql } from './grouping-sql';
import { grainSql } from './period-grain';
import { quoteIdentifier, quoteString } from './sql-quoting';

/** SQL name of the table that holds a source's rows, already quoted, e.g. '"src_misdrijven"'. */
export type TableOf = (sourceId: string) => string;

/** An indicator's expressions, each accepted by the guard. */
export interface CheckedExpressions {
  readonly measure: string;
  readonly filter: string | undefined;
  readonly denominator: string | undefined;
}

/** Guards measure, filter and per.measure; throws an Error naming file, indicator and field on a refusal. */
export function checkExpressions(indicator: IndicatorDefinition): CheckedExpressions {
  return {
    measure: checked(indicator, 'measure', indicator.measure),
    filter: indicator.filter === undefined ? undefined : checked(indicator, 'filter', indicator.filter),
    denominator: indicator.per === undefined ? undefined : checked(indicator, 'per.measure', indicator.per.measure),
  };
}

function checked(indicator: IndicatorDefinition, field: ExpressionField, text: string): string {
  const refusal = guardExpression(text, field);
  if (refusal !== null) {
    const where = indicator.file === undefined ? `indicator "${indicator.id}"` : `${indicator.file} (indicator "${indicator.id}")`;
    throw new Error(`${where}: ${refusal}`);
  }
  return text;
}

/** The expression cast to DOUBLE, on lines of its own so a trailing `--` comment ends there. */
export function asDouble(expression: string): string {
  return `CAST((\n${expression}\n) AS DOUBLE)`;
}

/**
 * The period start of the indicator's time column. For periods of a day or
 * longer the date decides the period; a DATE cast is free on a DATE column
 * (a TIMESTAMP cast costs a quarter of the scan) and takes TIMESTAMP and ISO text too.
 */
export function periodStartSql(indicator: IndicatorDefinition): string {
  return grainSql[indicator.grain].start(`CAST(${quoteIdentifier(indicator.time)} AS DATE)`);
}

/** The SELECT, FROM, WHERE and GROUP BY of one aggregation pass over the indicator's source. */
export function aggregationPass(
  indicator: IndicatorDefinition,
  tableOf: TableOf,
  dimensions: readonly DimensionSet[],
  values: readonly string[],
  condition?: string,
): string {
  const start = periodStartSql(indicator);
  const grouping = groupingSql(start, dimensions);
  const time = quoteIdentifier(indicator.time);
  const where = condition === undefined ? `${time} IS NOT NULL` : `${time} IS NOT NULL AND (\n${condition}\n)`;
  const items = [`${start} AS koers_start`, grouping.keys, ...values].join(', ');
  return `  SELECT ${items}\n  FROM ${tableOf(indicator.source)}\n  WHERE ${where}\n  GROUP BY ${grouping.groupBy}`;
}

/** The CTEs and final SELECT (no ORDER BY) that turn `valuesCte` into the result rows. */
export interface IndicatorTail {
  readonly ctes: readonly string[];
  readonly select: string;
}

/**
 * From a CTE of (koers_start, koers_set, koers_member, koers_value) to the
 * result columns dimension, member, period, value; with `per`, the as-of
 * denominator. `prefix` keeps CTE names apart when several indicators share a query.
 */
export function indicatorTail(
  indicator: IndicatorDefinition,
  tableOf: TableOf,
  expressions: CheckedExpressions,
  dimensions: readonly DimensionSet[],
  valuesCte: string,
  prefix: string,
): IndicatorTail {
  const grain = grainSql[indicator.grain];
  const dimension = dimensionNameSql(dimensions);
  const label = grain.label('n.koers_start');
  if (indicator.per === undefined || expressions.denominator === undefined) {
    return {
      ctes: [],
      select: `SELECT ${dimension} AS dimension, n.koers_member AS member, ${label} AS period, n.koers_value AS value\nFROM ${valuesCte} AS n`,
    };
  }
  const per = indicator.per;
  const perTime = quoteIdentifier(per.time);
  const snapshot = `CAST(${perTime} AS TIMESTAMP)`;
  const perGrouping = groupingSql(snapshot, dimensions);
  const ctes = [
    `${prefix}snapshots AS (\n  SELECT ${snapshot} AS koers_snapshot, ${perGrouping.keys}, ${asDouble(expressions.denominator)} AS koers_denominator\n` +
      `  FROM ${tableOf(per.source)}\n  WHERE ${perTime} IS NOT NULL\n  GROUP BY ${perGrouping.groupBy}\n)`,
    `${prefix}snapshot_keys AS (\n  SELECT *, ${memberKeysSql} FROM ${prefix}snapshots\n)`,
    `${prefix}numerators AS (\n  SELECT *, ${grain.end('koers_start')} AS koers_end, ${memberKeysSql} FROM ${valuesCte}\n)`,
  ];
  // ASOF equality cannot match NULL members, so members are matched on (is null, text or '').
  const select =
    `SELECT ${dimension} AS dimension, n.koers_member AS member, ${label} AS period,\n` +
    `  n.koers_value / nullif(s.koers_denominator, 0) * ${scaleSql(indicator, per.scale)} AS value\n` +
    `FROM ${prefix}numerators AS n\nASOF LEFT JOIN ${prefix}snapshot_keys AS s\n` +
    `  ON s.koers_set = n.koers_set AND s.koers_member_is_null = n.koers_member_is_null` +
    ` AND s.koers_member_key = n.koers_member_key AND n.koers_end > s.koers_snapshot`;
  return { ctes, select };
}

const memberKeysSql = "koers_member IS NULL AS koers_member_is_null, coalesce(koers_member, '') AS koers_member_key";

function dimensionNameSql(dimensions: readonly DimensionSet[]): string {
  if (dimensions.length === 0) return 'CAST(NULL AS VARCHAR)';
  const cases = dimensions.map(({ name, set }) => `WHEN ${set} THEN ${quoteString(name)}`).join(' ');
  return `CASE n.koers_set ${cases} END`;
}

function scaleSql(indicator: IndicatorDefinition, scale: number): string {
  if (!Number.isFinite(scale) || scale <= 0) {
    throw new Error(`indicator "${indicator.id}": per.scale must be a positive number (for example 1000), not ${scale}`);
  }
  return `CAST(${String(scale)} AS DOUBLE)`;
}

/** The sources an indicator's query reads, each once. */
export function sourceIdsOf(indicator: IndicatorDefinition): string[] {
  return [...new Set([indicator.source, ...(indicator.per ? [indicator.per.source] : [])])];
}
