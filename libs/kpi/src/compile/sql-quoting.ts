/**
 * The one place where SQL text is quoted: every name and literal that reaches
 * DuckDB (column names from definitions and file headers, file paths, ids) is
 * quoted here, never pasted.
 */

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

/**
 * Quotes text as an SQL string literal, doubling any `'` inside it.
 *
 * @example
 * quoteString("it's"); // "'it''s'"
 */
export function quoteString(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/**
 * A DuckDB list of string literals, for example the files of one read.
 *
 * @example
 * quoteStringList(['/a.csv', "/b's.csv"]); // "['/a.csv', '/b''s.csv']"
 */
export function quoteStringList(texts: readonly string[]): string {
  return `[${texts.map(quoteString).join(', ')}]`;
}
