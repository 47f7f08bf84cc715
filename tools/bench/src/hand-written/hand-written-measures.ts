/**
 * The aggregates of the benchmark's indicators, written by hand the way an
 * analyst who knows the contract writes them: the filter goes into the
 * aggregate's own `FILTER (WHERE ...)` clause, so every period with rows keeps
 * its row and an empty set gives what SQL gives (`count` 0, `sum`/`avg` NULL).
 *
 * Keyed by the measure text of the indicator definitions that
 * `tools/demo-data` writes (`src/bench/bench-indicators.ts`). A measure not in
 * this table has no hand-written SQL: the bench stops and says so.
 */
export const handWrittenMeasures: Readonly<Record<string, (filter: string | undefined) => string>> = {
  'count(*)': (filter) => `count(*)${filterClause(filter)}`,
  'sum(schade_euro)': (filter) => `sum(schade_euro)${filterClause(filter)}`,
  'avg(schade_euro)': (filter) => `avg(schade_euro)${filterClause(filter)}`,
  '100.0 * avg(CASE WHEN afgehandeld THEN 1 ELSE 0 END)': (filter) =>
    `100.0 * avg(CASE WHEN afgehandeld THEN 1 ELSE 0 END)${filterClause(filter)}`,
};

/** The denominators (`per.measure`) of the benchmark's indicators, by hand. */
export const handWrittenDenominators: Readonly<Record<string, string>> = {
  'sum(inwoners)': 'sum(inwoners)',
  'sum(jongeren)': 'sum(jongeren)',
};

function filterClause(filter: string | undefined): string {
  return filter === undefined ? '' : ` FILTER (WHERE ${filter})`;
}
