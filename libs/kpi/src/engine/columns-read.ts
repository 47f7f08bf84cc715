import type { IndicatorDefinition } from '@koers/domain';
import { tokenizeSql } from '../guard/index';

/** A column of a source that an indicator reads, and the field that reads it (`filter`, `dimensions[0]`, `per.measure`). */
export interface ColumnRead {
  readonly indicatorId: string;
  readonly column: string;
  readonly field: string;
}

/**
 * Which of `columns` (a source's column names) the indicator reads from
 * source `sourceId`, field by field: `time` and `dimensions` name columns
 * outright; `measure` and `filter` (and `per.measure`) are read as SQL, where
 * every identifier that names a column counts (unquoted ones regardless of
 * case, as DuckDB binds them). With `per.source` the dimensions are read from
 * the denominator source too (the same column name there). Pure: no database.
 *
 * @example
 * columnsReadBy(winkeldiefstallen, 'misdrijven', ['pleegdatum', 'soort', 'wijk']);
 * // [{ column: 'pleegdatum', field: 'time' }, { column: 'soort', field: 'filter' }, { column: 'wijk', field: 'dimensions[0]' }]
 */
export function columnsReadBy(indicator: IndicatorDefinition, sourceId: string, columns: readonly string[]): ColumnRead[] {
  const reads: ColumnRead[] = [];
  const add = (column: string | undefined, field: string) => {
    if (column !== undefined && !reads.some((read) => read.column === column && read.field === field)) reads.push({ indicatorId: indicator.id, column, field });
  };
  const named = (name: string, isQuoted: boolean) => columns.find((column) => (isQuoted ? column === name : column.toLowerCase() === name.toLowerCase()));
  const fromExpression = (text: string | undefined, field: string) => {
    if (text === undefined) return;
    const tokens = tokenizeSql(text);
    if (!tokens.ok) return;
    for (const token of tokens.tokens) {
      if (token.kind === 'identifier' || token.kind === 'quoted-identifier') add(named(token.value, token.kind === 'quoted-identifier'), field);
    }
  };
  if (indicator.source === sourceId) {
    add(named(indicator.time, true), 'time');
    fromExpression(indicator.measure, 'measure');
    fromExpression(indicator.filter, 'filter');
    indicator.dimensions?.forEach((dimension, index) => add(named(dimension, true), `dimensions[${index}]`));
  }
  if (indicator.per?.source === sourceId) {
    add(named(indicator.per.time, true), 'per.time');
    fromExpression(indicator.per.measure, 'per.measure');
    indicator.dimensions?.forEach((dimension, index) => add(named(dimension, true), `dimensions[${index}]`));
  }
  return reads;
}
