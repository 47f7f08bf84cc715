import type { Grain, IndicatorDefinition } from '@koers/domain';
import { quoteIdentifier, quoteString, sourceTableName } from '@koers/kpi';
import { handWrittenDenominators, handWrittenMeasures } from './hand-written-measures';

/** Period start, length and label of each grain, as an analyst writes them. */
const grains: Readonly<Record<Grain, { readonly length: string; readonly label: (start: string) => string }>> = {
  year: { length: 'INTERVAL 1 YEAR', label: (start) => `strftime(${start}, '%Y')` },
  quarter: {
    length: 'INTERVAL 3 MONTH',
    label: (start) => `strftime(${start}, '%Y') || '-Q' || CAST(quarter(${start}) AS VARCHAR)`,
  },
  month: { length: 'INTERVAL 1 MONTH', label: (start) => `strftime(${start}, '%Y-%m')` },
};

/** Stands in for the null member in the as-of join, whose equality never matches NULL. */
const nullMemberKey = 'chr(0)';

/**
 * How the hand-written query groups: `per-part` is one plain GROUP BY for the
 * total and one per dimension (each its own scan, UNION ALL), the way most
 * people write it; `one-scan` groups the total and every dimension in one
 * scan with GROUPING SETS, the way a DuckDB expert writes it.
 */
export type HandWrittenStyle = 'per-part' | 'one-scan';

/**
 * The benchmark's hand-written query for one indicator (WORKSPACE-FORMAT.md,
 * "What is computed"), independent of the engine's compiler: a GROUP BY for
 * the total and one per dimension (see {@link HandWrittenStyle}), the filter inside
 * the aggregate, and with `per` an ASOF LEFT JOIN on the denominator's
 * snapshots (`snapshot < period start + grain`, i.e. on or before the period's
 * last day), member matched to member. Returns rows `dimension`, `member`,
 * `period`, `value` (DOUBLE), in no particular order.
 *
 * @throws Error when the indicator's measure or denominator has no hand-written form.
 */
export function handWrittenSql(indicator: IndicatorDefinition, style: HandWrittenStyle = 'per-part'): string {
  const aggregate = handWrittenMeasures[indicator.measure];
  if (aggregate === undefined) {
    throw new Error(
      `indicator "${indicator.id}": no hand-written SQL for measure "${indicator.measure}": add it to hand-written-measures.ts`,
    );
  }
  const grain = grains[indicator.grain];
  const table = quoteIdentifier(sourceTableName(indicator.source));
  const time = quoteIdentifier(indicator.time);
  const start = `date_trunc('${indicator.grain}', ${time})`;
  const measure = aggregate(indicator.filter);
  const parts: Array<{ name: string; column?: string }> = [
    { name: 'total' },
    ...indicator.dimensions.map((column, index) => ({ name: `by_${index}`, column })),
  ];

  const ctes =
    style === 'one-scan' && indicator.dimensions.length > 0
      ? oneScanCtes(parts, start, measure, table, time)
      : parts.map(({ name, column }) =>
          column === undefined
            ? `${name} AS (SELECT ${start} AS p, ${measure} AS v FROM ${table} WHERE ${time} IS NOT NULL GROUP BY p)`
            : `${name} AS (SELECT ${start} AS p, CAST(${quoteIdentifier(column)} AS VARCHAR) AS m, ${measure} AS v FROM ${table} WHERE ${time} IS NOT NULL GROUP BY p, m)`,
        );
  const per = indicator.per;
  if (per !== undefined) {
    const denominator = handWrittenDenominators[per.measure];
    if (denominator === undefined) {
      throw new Error(
        `indicator "${indicator.id}": no hand-written SQL for per.measure "${per.measure}": add it to hand-written-measures.ts`,
      );
    }
    const perTable = quoteIdentifier(sourceTableName(per.source));
    const perTime = quoteIdentifier(per.time);
    for (const { name, column } of parts) {
      ctes.push(
        column === undefined
          ? `${name}_den AS (SELECT ${perTime} AS s, CAST(${denominator} AS DOUBLE) AS d FROM ${perTable} WHERE ${perTime} IS NOT NULL GROUP BY s)`
          : `${name}_den AS (SELECT ${perTime} AS s, coalesce(CAST(${quoteIdentifier(column)} AS VARCHAR), ${nullMemberKey}) AS k, CAST(${denominator} AS DOUBLE) AS d ` +
              `FROM ${perTable} WHERE ${perTime} IS NOT NULL GROUP BY s, k)`,
      );
    }
  }

  const selects = parts.map(({ name, column }) => {
    const dimension = column === undefined ? 'CAST(NULL AS VARCHAR)' : quoteString(column);
    const member = column === undefined ? 'CAST(NULL AS VARCHAR)' : 'n.m';
    const head = `SELECT ${dimension} AS dimension, ${member} AS member, ${grain.label('n.p')} AS period`;
    if (per === undefined) return `${head}, CAST(n.v AS DOUBLE) AS value FROM ${name} AS n`;
    const sameMember = column === undefined ? '' : `coalesce(n.m, ${nullMemberKey}) = d.k AND `;
    return (
      `${head}, CAST(n.v AS DOUBLE) / nullif(d.d, 0) * ${per.scale} AS value FROM ${name} AS n ` +
      `ASOF LEFT JOIN ${name}_den AS d ON ${sameMember}n.p + ${grain.length} > d.s`
    );
  });
  return `WITH ${ctes.join(',\n')}\n${selects.join('\nUNION ALL\n')}`;
}

/** One GROUPING SETS scan (`all`), then the total and each dimension's part picked from it by GROUPING(). */
function oneScanCtes(
  parts: ReadonlyArray<{ name: string; column?: string }>,
  start: string,
  measure: string,
  table: string,
  time: string,
): string[] {
  const columns = parts.flatMap(({ column }) => (column === undefined ? [] : [quoteIdentifier(column)]));
  const keys = columns.map(
    (column, index) => `CAST(${column} AS VARCHAR) AS m${index}, GROUPING(${column}) AS g${index}`,
  );
  const sets = ['(p)', ...columns.map((column) => `(p, ${column})`)].join(', ');
  const all = `all_parts AS (SELECT ${start} AS p, ${keys.join(', ')}, ${measure} AS v FROM ${table} WHERE ${time} IS NOT NULL GROUP BY GROUPING SETS (${sets}))`;
  const picked = parts.map(({ name, column }, index) =>
    column === undefined
      ? `${name} AS (SELECT p, v FROM all_parts WHERE ${columns.map((_, i) => `g${i} = 1`).join(' AND ')})`
      : `${name} AS (SELECT p, m${index - 1} AS m, v FROM all_parts WHERE g${index - 1} = 0)`,
  );
  return [all, ...picked];
}
