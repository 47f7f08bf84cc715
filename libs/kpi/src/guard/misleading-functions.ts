/**
 * Functions that would let an indicator mislead: the same data must give the
 * same number, every period on its own. Refused by both layers of the guard
 * (by name when called, whatever the quoting, case, spacing or schema
 * prefix), each with what to write instead. The lists follow DuckDB's own
 * `duckdb_functions()`: every function it marks VOLATILE or
 * CONSISTENT_WITHIN_QUERY (except `error`, which depends on the data only),
 * and the built-in macros built on them (`misleading-functions.spec.ts`
 * checks that none is missing).
 */

/** Functions that make several values out of one row: they silently change counts and sums. */
const setReturning: ReadonlySet<string> = new Set(['unnest', 'generate_series', 'range', 'generate_subscripts', 'regexp_split_to_table']);

/** The clock: the moment of computing, not the data. */
const clock: ReadonlySet<string> = new Set([
  'now', 'today', 'current_date', 'current_time', 'current_timestamp', 'localtime', 'localtimestamp',
  'get_current_time', 'get_current_timestamp', 'transaction_timestamp', 'ago', 'pg_conf_load_time', 'pg_postmaster_start_time',
]);

/** Chance: a new value on every call. */
const chance: ReadonlySet<string> = new Set(['random', 'uuid', 'uuidv4', 'uuidv7', 'gen_random_uuid']);

/** The session or the storage, not the data. */
const session: ReadonlySet<string> = new Set([
  'current_query', 'current_query_id', 'current_connection_id', 'current_transaction_id', 'txid_current',
  'current_database', 'current_catalog', 'current_schema', 'current_schemas', 'in_search_path', 'stats',
]);

/** Approximations whose result may depend on how the rows were read (in parallel, in another order). */
const approximate: ReadonlySet<string> = new Set(['approx_quantile', 'reservoir_quantile']);

/** Aggregates that take whichever row comes first, unless an ORDER BY says which. */
const orderDependent: ReadonlySet<string> = new Set(['first', 'last', 'any_value', 'arbitrary']);

/**
 * Names DuckDB reads as the clock even without brackets (`current_date`),
 * when the source has no column of that name: a typo or a missing column
 * would silently become today's date.
 */
const clockKeywords: ReadonlySet<string> = new Set(['current_date', 'current_time', 'current_timestamp', 'localtime', 'localtimestamp']);

/** What to write instead of a window function (OVER). */
export function windowReason(name: string): string {
  return (
    `${name}(...) OVER (...) is a window function: it mixes the rows of other periods into each period's value ` +
    `(sum(sum(x)) OVER () gives the all-period total in every period), so an indicator cannot use OVER: ` +
    `compute per period with an aggregate (e.g. sum("bedrag")), or define a second indicator for the other figure`
  );
}

/**
 * Why calling `name` is refused in an indicator, and what to write instead;
 * null when it is not one of these. `hasOrderBy` tells whether the call has
 * an ORDER BY inside its brackets (only the parse tree knows; the token layer
 * passes true, leaving order-dependent aggregates to DuckDB's parser).
 */
export function misleadingCallReason(name: string, hasOrderBy: boolean): string | null {
  const lower = name.toLowerCase();
  if (setReturning.has(lower)) {
    return (
      `${name}(...) makes several values out of one (a series, a list or a set of rows), which silently changes counts and sums: ` +
      `use the source's own values, one per row (e.g. count(*), sum("bedrag")); to count the items of a list column use len(...)`
    );
  }
  if (clock.has(lower)) return clockReason(name);
  if (chance.has(lower)) {
    return `${name}(...) gives a different value on every run, and an indicator must give the same number from the same data: remove it (to take part of the rows, filter on a column)`;
  }
  if (session.has(lower)) {
    return `${name}(...) describes the database session, not the data, and an indicator must give the same number from the same data: remove it`;
  }
  if (approximate.has(lower)) {
    return `${name}(...) is an approximation that can differ between runs over the same data: use an exact one, quantile_cont(x, 0.5) or median(x)`;
  }
  if (orderDependent.has(lower) && !hasOrderBy) {
    return `${name}(...) without ORDER BY takes whichever row comes first, which can differ between runs: write ${name}(x ORDER BY a column), or min(x) or max(x)`;
  }
  return null;
}

/** True for a bare name that DuckDB may read as the clock (`current_date`), quoted or not. */
export function isClockKeyword(name: string): boolean {
  return clockKeywords.has(name.toLowerCase());
}

/** Why a clock function or keyword is refused, and what to write instead. */
export function clockReason(name: string): string {
  return (
    `${name} is the moment the indicator is computed, so the same data would give another number tomorrow, ` +
    `and an indicator must give the same number from the same data: compare with a date column of the source, ` +
    `or a fixed date such as DATE '2025-01-01' (the periods come from the indicator's time column)` +
    (isClockKeyword(name) ? `; a column named ${name.toLowerCase()} cannot be used (DuckDB reads the name as the clock when the column is missing): rename it in the data` : '')
  );
}
