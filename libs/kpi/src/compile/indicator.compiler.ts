import type { IndicatorDefinition } from '@koers/domain';
import { type ExpressionField, guardExpression } from '../guard';
import { injectFilter } from './filter-injection';
import { groupingSql } from './grouping-sql';
import { grainSql } from './period-grain';
import { quoteIdentifier, quoteString } from './quote-identifier';

/** SQL name of the table that holds a source's rows, already quoted, e.g. '"src_misdrijven"'. */
export type TableOf = (sourceId: string) => string;

/** One indicator as SQL, with the sources its query reads. */
export interface CompiledIndicator {
  readonly indicatorId: string;
  /**
   * One SELECT returning `dimension` VARCHAR (NULL for the total), `member`
   * VARCHAR (NULL for the total and for the null member), `period` VARCHAR and
   * `value` DOUBLE, ordered by dimension NULLS FIRST, member NULLS FIRST, period.
   */
  readonly sql: string;
  readonly sourceIds: readonly string[];
}

/** How to compile; the defaults are what the engine uses. */
export interface CompileOptions {
  /**
   * `auto` (default): with a filter, put it on each aggregate (`FILTER (WHERE ...)`, one pass) when
   * the measure allows that without changing its result, else two passes. `two-pass`: always two
   * passes (periods over all rows, the measure over the passing rows); for tests and benchmarks.
   */
  readonly filterShape?: 'auto' | 'two-pass';
}

/**
 * Compiles an indicator into one query (WORKSPACE-FORMAT.md, "What is computed").
 *
 * - Periods are the grain's periods with at least one source row before the
 *   filter (rows with a NULL time belong to none); the value is the measure over
 *   the rows that pass the filter, and, where none pass, the measure evaluated
 *   over no rows at all (count 0, sum NULL, whatever SQL gives). One grouping
 *   pass with the filter on each aggregate (`FILTER (WHERE ...)`) where that is
 *   provably the same ({@link injectFilter}), else two passes (all rows, passing rows).
 * - With `per`, value = measure / denominator * scale, the denominator being
 *   `per.measure` at the latest `per.time` before the next period starts (an
 *   ASOF join on a small table of snapshots); a missing, NULL or zero
 *   denominator gives NULL.
 * - Each dimension column is grouped on its own (GROUPING SETS, one pass), with
 *   its own as-of denominator per member; NULL is a member of its own.
 *
 * `measure`, `filter` and `per.measure` are pasted as written, after
 * {@link guardExpression} accepts them; every column name the definition gives
 * (time, dimensions, per.time) is quoted with {@link quoteIdentifier}.
 *
 * @throws Error naming the indicator and field when an expression is refused.
 * @example
 * compileIndicator(indicator, (id) => quoteIdentifier(`src_${id}`)).sql;
 * // WITH koers_values AS (SELECT date_trunc('quarter', CAST("pleegdatum" AS DATE)) AS koers_start, ...
 */
export function compileIndicator(indicator: IndicatorDefinition, tableOf: TableOf, options: CompileOptions = {}): CompiledIndicator {
  const measure = checked(indicator, 'measure', indicator.measure);
  const filter = indicator.filter === undefined ? undefined : checked(indicator, 'filter', indicator.filter);
  const dimensions = [...new Set(indicator.dimensions)];
  const grain = grainSql[indicator.grain];
  const source = tableOf(indicator.source);
  const time = quoteIdentifier(indicator.time);
  // Periods of a day or longer: a DATE cast is free on a DATE column and also takes TIMESTAMP and ISO text.
  const start = grain.start(`CAST(${time} AS DATE)`);
  const grouping = groupingSql(start, dimensions);

  const ctes: string[] = [];
  const filtered = filter === undefined || options.filterShape === 'two-pass' ? null : injectFilter(measure, filter);
  if (filter === undefined || filtered !== null) {
    // One pass gives periods and values: without a filter every period's rows pass; with one,
    // each aggregate carries it as FILTER (WHERE ...), which over no passing rows gives what SQL gives.
    ctes.push(
      `koers_values AS (\n  SELECT ${start} AS koers_start, ${grouping.keys}, ${asDouble(filtered ?? measure)} AS koers_value\n` +
        `  FROM ${source}\n  WHERE ${time} IS NOT NULL\n  GROUP BY ${grouping.groupBy}\n)`,
    );
  } else {
    const value = asDouble(measure);
    ctes.push(
      `koers_periods AS (\n  SELECT ${start} AS koers_start, ${grouping.keys}\n` +
        `  FROM ${source}\n  WHERE ${time} IS NOT NULL\n  GROUP BY ${grouping.groupBy}\n)`,
      `koers_passing AS (\n  SELECT ${start} AS koers_start, ${grouping.keys}, ${value} AS koers_value\n` +
        `  FROM ${source}\n  WHERE ${time} IS NOT NULL AND (\n${filter}\n)\n  GROUP BY ${grouping.groupBy}\n)`,
      // A period with rows but none passing gets the measure over an empty set, as SQL defines it.
      `koers_values AS (\n  SELECT p.koers_start, p.koers_set, p.koers_member,\n` +
        `    CASE WHEN v.koers_set IS NULL THEN (SELECT ${value} FROM ${source} WHERE false) ELSE v.koers_value END AS koers_value\n` +
        `  FROM koers_periods AS p\n  LEFT JOIN koers_passing AS v\n` +
        `    ON v.koers_set = p.koers_set AND v.koers_start = p.koers_start AND v.koers_member IS NOT DISTINCT FROM p.koers_member\n)`,
    );
  }

  const dimension = dimensionNameSql(dimensions);
  const label = grain.label('n.koers_start');
  const order = 'ORDER BY dimension NULLS FIRST, member NULLS FIRST, period';
  let select: string;
  if (indicator.per === undefined) {
    select = `SELECT ${dimension} AS dimension, n.koers_member AS member, ${label} AS period, n.koers_value AS value\nFROM koers_values AS n\n${order}`;
  } else {
    const per = indicator.per;
    const denominatorMeasure = checked(indicator, 'per.measure', per.measure);
    const perTime = quoteIdentifier(per.time);
    const snapshot = `CAST(${perTime} AS TIMESTAMP)`;
    const perGrouping = groupingSql(snapshot, dimensions);
    ctes.push(
      `koers_snapshots AS (\n  SELECT ${snapshot} AS koers_snapshot, ${perGrouping.keys},` +
        ` ${asDouble(denominatorMeasure)} AS koers_denominator\n` +
        `  FROM ${tableOf(per.source)}\n  WHERE ${perTime} IS NOT NULL\n  GROUP BY ${perGrouping.groupBy}\n)`,
      `koers_snapshot_keys AS (\n  SELECT *, ${memberKeysSql} FROM koers_snapshots\n)`,
      `koers_numerators AS (\n  SELECT *, ${grain.end('koers_start')} AS koers_end, ${memberKeysSql} FROM koers_values\n)`,
    );
    // ASOF equality cannot match NULL members, so members are matched on (is null, text or '').
    select =
      `SELECT ${dimension} AS dimension, n.koers_member AS member, ${label} AS period,\n` +
      `  n.koers_value / nullif(s.koers_denominator, 0) * ${scaleSql(indicator, per.scale)} AS value\n` +
      `FROM koers_numerators AS n\nASOF LEFT JOIN koers_snapshot_keys AS s\n` +
      `  ON s.koers_set = n.koers_set AND s.koers_member_is_null = n.koers_member_is_null` +
      ` AND s.koers_member_key = n.koers_member_key AND n.koers_end > s.koers_snapshot\n${order}`;
  }

  const sourceIds = [...new Set([indicator.source, ...(indicator.per ? [indicator.per.source] : [])])];
  return { indicatorId: indicator.id, sql: `WITH ${ctes.join(',\n')}\n${select}`, sourceIds };
}

const memberKeysSql = "koers_member IS NULL AS koers_member_is_null, coalesce(koers_member, '') AS koers_member_key";

/** The expression as written, once the guard accepts it. */
function checked(indicator: IndicatorDefinition, field: ExpressionField, text: string): string {
  const refusal = guardExpression(text, field);
  if (refusal !== null) {
    const where = indicator.file === undefined ? `indicator "${indicator.id}"` : `${indicator.file} (indicator "${indicator.id}")`;
    throw new Error(`${where}: ${refusal}`);
  }
  return text;
}

/** The expression cast to DOUBLE, on lines of its own so a trailing `--` comment ends there. */
function asDouble(expression: string): string {
  return `CAST((\n${expression}\n) AS DOUBLE)`;
}

function dimensionNameSql(dimensions: readonly string[]): string {
  if (dimensions.length === 0) return 'CAST(NULL AS VARCHAR)';
  const cases = dimensions.map((name, index) => `WHEN ${index + 1} THEN ${quoteString(name)}`).join(' ');
  return `CASE n.koers_set ${cases} END`;
}

function scaleSql(indicator: IndicatorDefinition, scale: number): string {
  if (!Number.isFinite(scale) || scale <= 0) {
    throw new Error(`indicator "${indicator.id}": per.scale must be a positive number (for example 1000), not ${scale}`);
  }
  return `CAST(${String(scale)} AS DOUBLE)`;
}
