/**
 * Quotes a column or table name for DuckDB, doubling any `"` inside it, so
 * that names with spaces, quotes, `$` or keyword spelling work as written.
 *
 * @example
 * quoteIdentifier('a b'); // '"a b"'
 * quoteIdentifier('say "hi"'); // '"say ""hi"""'
 */
export function quoteIdentifier(name: string): string {
  if (name.length === 0) throw new Error('quoteIdentifier: a column name cannot be empty; name a column of the source');
  return `"${name.replaceAll('"', '""')}"`;
}

/** Quotes text as an SQL string literal, doubling any `'` inside it. */
export function quoteString(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}
