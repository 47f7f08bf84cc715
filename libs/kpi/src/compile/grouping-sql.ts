import { quoteIdentifier } from './sql-quoting';

/** A dimension column and the number of its grouping set (0 is the total). */
export interface DimensionSet {
  readonly name: string;
  readonly set: number;
}

/** Numbers dimension columns 1, 2, ... in order, each name once. */
export function numberDimensions(names: readonly string[]): DimensionSet[] {
  return [...new Set(names)].map((name, index) => ({ name, set: index + 1 }));
}

/**
 * The grouping of one aggregate pass: by period alone (the total, set 0) and by
 * period and each dimension column on its own (its set number).
 */
export interface GroupingSql {
  /** Select-list items `koers_set` (INTEGER) and `koers_member` (VARCHAR, NULL for the total and the null member). */
  readonly keys: string;
  /** The GROUP BY clause's body. */
  readonly groupBy: string;
}

/**
 * Builds the grouping for `key` (an SQL expression, the period start or the
 * snapshot time) and the given dimension columns. With dimensions this is one
 * pass with GROUPING SETS, so the total is aggregated over all rows and never
 * added up from the members.
 */
export function groupingSql(key: string, dimensions: readonly DimensionSet[]): GroupingSql {
  if (dimensions.length === 0) {
    return { keys: '0 AS koers_set, CAST(NULL AS VARCHAR) AS koers_member', groupBy: key };
  }
  const columns = dimensions.map(({ name, set }) => ({ column: quoteIdentifier(name), set }));
  const set = columns.map(({ column, set }) => `WHEN GROUPING(${column}) = 0 THEN ${set}`).join(' ');
  const member = columns.map(({ column }) => `WHEN GROUPING(${column}) = 0 THEN CAST(${column} AS VARCHAR)`).join(' ');
  const sets = [`(${key})`, ...columns.map(({ column }) => `(${key}, ${column})`)].join(', ');
  return {
    keys: `CASE ${set} ELSE 0 END AS koers_set, CASE ${member} END AS koers_member`,
    groupBy: `GROUPING SETS (${sets})`,
  };
}
