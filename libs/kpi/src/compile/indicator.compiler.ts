import type { IndicatorDefinition } from '@koers/domain';
import { injectFilter } from './filter-injection';
import { numberDimensions } from './grouping-sql';
import { aggregationPass, asDouble, checkExpressions, indicatorTail, sourceIdsOf, type TableOf } from './indicator-query.parts';

export type { TableOf } from './indicator-query.parts';

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
  const expressions = checkExpressions(indicator);
  const { measure, filter } = expressions;
  const dimensions = numberDimensions(indicator.dimensions);
  const pass = (values: readonly string[], condition?: string): string =>
    aggregationPass(indicator, tableOf, dimensions, values, condition);

  const ctes: string[] = [];
  const filtered = filter === undefined || options.filterShape === 'two-pass' ? null : injectFilter(measure, filter);
  if (filter === undefined || filtered !== null) {
    // One pass gives periods and values: without a filter every period's rows pass; with one,
    // each aggregate carries it as FILTER (WHERE ...), which over no passing rows gives what SQL gives.
    ctes.push(`koers_values AS (\n${pass([`${asDouble(filtered ?? measure)} AS koers_value`])}\n)`);
  } else {
    const value = asDouble(measure);
    ctes.push(
      `koers_periods AS (\n${pass([])}\n)`,
      `koers_passing AS (\n${pass([`${value} AS koers_value`], filter)}\n)`,
      // A period with rows but none passing gets the measure over an empty set, as SQL defines it.
      `koers_values AS (\n  SELECT p.koers_start, p.koers_set, p.koers_member,\n` +
        `    CASE WHEN v.koers_set IS NULL THEN (SELECT ${value} FROM ${tableOf(indicator.source)} WHERE false) ELSE v.koers_value END AS koers_value\n` +
        `  FROM koers_periods AS p\n  LEFT JOIN koers_passing AS v\n` +
        `    ON v.koers_set = p.koers_set AND v.koers_start = p.koers_start AND v.koers_member IS NOT DISTINCT FROM p.koers_member\n)`,
    );
  }
  const tail = indicatorTail(indicator, tableOf, expressions, dimensions, 'koers_values', 'koers_');
  const sql = `WITH ${[...ctes, ...tail.ctes].join(',\n')}\n${tail.select}\nORDER BY dimension NULLS FIRST, member NULLS FIRST, period`;
  return { indicatorId: indicator.id, sql, sourceIds: sourceIdsOf(indicator) };
}
