/**
 * What an indicator expression may not name. Keywords that start a statement
 * or a subquery are refused outright, so no query can hide inside an
 * expression; functions that read files, reach outside the data or change
 * state are refused when called.
 */

/** Keywords that begin a statement or a subquery (compared in upper case). */
export const forbiddenKeywords: ReadonlySet<string> = new Set([
  'SELECT', 'FROM', 'WITH', 'VALUES', 'TABLE', 'COPY', 'ATTACH', 'DETACH', 'INSTALL', 'LOAD', 'SET', 'RESET',
  'PRAGMA', 'CREATE', 'DROP', 'INSERT', 'UPDATE', 'DELETE', 'ALTER', 'EXPORT', 'IMPORT', 'CALL', 'EXECUTE',
  'PREPARE', 'USE', 'VACUUM', 'CHECKPOINT', 'SUMMARIZE', 'DESCRIBE', 'SHOW', 'PIVOT', 'UNPIVOT', 'EXPLAIN',
]);

/** Function names refused by prefix: file readers, metadata and settings functions. */
const forbiddenFunctionPrefixes = ['read_', 'parquet_', 'sniff_', 'duckdb_', 'pragma_'] as const;

/** Function names refused by name (lower case). */
const forbiddenFunctionNames: ReadonlySet<string> = new Set([
  'glob', 'query', 'query_table', 'getenv', 'current_setting', 'which_secret', 'icu_calendar_names',
  'json_execute_serialized_sql', 'nextval', 'currval', 'setseed', 'sleep_ms', 'pg_sleep', 'write_log', 'columns',
]);

/** True when calling a function of this name (any case, quoted or not) is refused. */
export function isForbiddenFunction(name: string): boolean {
  const lower = name.toLowerCase();
  return forbiddenFunctionNames.has(lower) || forbiddenFunctionPrefixes.some((prefix) => lower.startsWith(prefix));
}

/** Why a refused function is refused, and what to write instead. */
export function forbiddenFunctionReason(name: string): string {
  const lower = name.toLowerCase();
  if (lower === 'columns') return `${name}(...) expands to several columns; name one column, e.g. sum("inwoners")`;
  if (forbiddenFunctionPrefixes.some((prefix) => lower.startsWith(prefix)) || ['glob', 'query', 'query_table'].includes(lower)) {
    return `${name}(...) reads a file or a table; an expression may only use the source's own columns (declare the file as a source instead)`;
  }
  return `${name}(...) reaches outside the source's rows or changes state; use only the source's columns, constants and ordinary functions`;
}
