/**
 * JSON kept in a `text` column, which both DuckDB and PostgreSQL store as is.
 * Only this lib writes these columns, from typed values, so reading them back
 * as the type they were written with is safe.
 */
export function toJsonColumn(value: unknown): string {
  return JSON.stringify(value);
}

/** The value a JSON column was written with; `fallback` for SQL null. */
export function fromJsonColumn<T>(text: string, fallback?: T): T;
export function fromJsonColumn<T>(text: string | null, fallback: T): T;
export function fromJsonColumn<T>(text: string | null, fallback?: T): T {
  return text === null ? (fallback as T) : (JSON.parse(text) as T);
}
