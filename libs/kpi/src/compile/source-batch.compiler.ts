import type { IndicatorDefinition } from '@koers/domain';
import { injectFilter } from './filter-injection';
import { numberDimensions } from './grouping-sql';
import { compileIndicator } from './indicator.compiler';
import { aggregationPass, asDouble, checkExpressions, type CheckedExpressions, indicatorTail, sourceIdsOf, type TableOf } from './indicator-query.parts';
import { quoteString } from './sql-quoting';

/** Several indicators as one query. */
export interface CompiledBatch {
  readonly indicatorIds: readonly string[];
  /**
   * One SELECT returning `indicator` VARCHAR (the indicator's id), then the
   * columns of {@link compileIndicator} (dimension, member, period, value), ordered
   * by indicator, dimension NULLS FIRST, member NULLS FIRST, period. Each
   * indicator's rows are exactly what its own compiled query returns.
   */
  readonly sql: string;
  readonly sourceIds: readonly string[];
}

/** The batches, and the indicators that could not be compiled (the others are not held back). */
export interface CompiledBatches {
  readonly batches: readonly CompiledBatch[];
  readonly errors: readonly { readonly indicatorId: string; readonly message: string }[];
}

interface Member {
  readonly indicator: IndicatorDefinition;
  readonly expressions: CheckedExpressions;
  /** The measure as one pass computes it: with the filter on each aggregate where there is one. */
  readonly value: string;
}

/**
 * Compiles indicators so that those reading the same source with the same time
 * column and grain share one scan: one GROUP BY computes all their measures
 * (each with its own filter as FILTER (WHERE ...)) over the union of their
 * dimensions, and each indicator then takes its own grouping sets and
 * denominator. An indicator that needs two passes (see `injectFilter`) gets a
 * batch of its own. Measured on 10 million rows, three indicators of one
 * source (one with dimensions and a denominator): half the CPU and wall time
 * of three separate queries (955 against 1938 ms CPU).
 *
 * @example
 * const { batches, errors } = compileIndicatorsForSource(indicators, (id) => quoteIdentifier(`src_${id}`));
 */
export function compileIndicatorsForSource(indicators: readonly IndicatorDefinition[], tableOf: TableOf): CompiledBatches {
  const errors: { indicatorId: string; message: string }[] = [];
  const groups = new Map<string, Member[]>();
  const batches: CompiledBatch[] = [];
  for (const indicator of indicators) {
    try {
      const expressions = checkExpressions(indicator);
      const value = expressions.filter === undefined ? expressions.measure : injectFilter(expressions.measure, expressions.filter);
      if (value === null) {
        batches.push(single(indicator, tableOf));
        continue;
      }
      const key = JSON.stringify([indicator.source, indicator.time, indicator.grain]);
      groups.set(key, [...(groups.get(key) ?? []), { indicator, expressions, value }]);
    } catch (error) {
      errors.push({ indicatorId: indicator.id, message: error instanceof Error ? error.message : String(error) });
    }
  }
  for (const members of groups.values()) {
    try {
      batches.push(members.length === 1 && members[0] ? single(members[0].indicator, tableOf) : shared(members, tableOf));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      errors.push(...members.map(({ indicator }) => ({ indicatorId: indicator.id, message })));
    }
  }
  return { batches, errors };
}

const order = 'ORDER BY indicator, dimension NULLS FIRST, member NULLS FIRST, period';

function single(indicator: IndicatorDefinition, tableOf: TableOf): CompiledBatch {
  const compiled = compileIndicator(indicator, tableOf);
  const sql = `SELECT ${quoteString(indicator.id)} AS indicator, * FROM (\n${compiled.sql}\n)\n${order}`;
  return { indicatorIds: [indicator.id], sql, sourceIds: compiled.sourceIds };
}

function shared(members: readonly Member[], tableOf: TableOf): CompiledBatch {
  const [first] = members;
  if (first === undefined) throw new Error('compileIndicatorsForSource: an empty group (a bug in the grouping)');
  const dimensions = numberDimensions(members.flatMap(({ indicator }) => indicator.dimensions));
  const values = members.map(({ value }, index) => `${asDouble(value)} AS koers_value_${index + 1}`);
  // MATERIALIZED: every indicator reads this CTE, and the source must be scanned once, not once per reader.
  const ctes = [`koers_pass AS MATERIALIZED (\n${aggregationPass(first.indicator, tableOf, dimensions, values)}\n)`];
  const selects: string[] = [];
  members.forEach(({ indicator, expressions }, index) => {
    const own = dimensions.filter(({ name }) => indicator.dimensions.includes(name));
    const sets = [0, ...own.map(({ set }) => set)].join(', ');
    const prefix = `koers_${index + 1}_`;
    ctes.push(
      `${prefix}values AS (\n  SELECT koers_start, koers_set, koers_member, koers_value_${index + 1} AS koers_value\n` +
        `  FROM koers_pass\n  WHERE koers_set IN (${sets})\n)`,
    );
    const tail = indicatorTail(indicator, tableOf, expressions, own, `${prefix}values`, prefix);
    ctes.push(...tail.ctes);
    selects.push(`SELECT ${quoteString(indicator.id)} AS indicator, dimension, member, period, value FROM (\n${tail.select}\n)`);
  });
  return {
    indicatorIds: members.map(({ indicator }) => indicator.id),
    sql: `WITH ${ctes.join(',\n')}\n${selects.join('\nUNION ALL\n')}\n${order}`,
    sourceIds: [...new Set(members.flatMap(({ indicator }) => sourceIdsOf(indicator)))],
  };
}
