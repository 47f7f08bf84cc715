/**
 * SQL literals and names for the statements the loader writes itself. Paths
 * and column names come from the file system and the files' headers, so they
 * are quoted here, never pasted.
 */

/** A SQL string literal: `'it''s'`. */
export function stringLiteral(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** A quoted SQL identifier: `"wijk naam"`, `"a""b"`. */
export function quoteName(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** A list of files as a DuckDB list literal: `['/a.csv', '/b.csv']`. */
export function fileList(files: readonly string[]): string {
  return `[${files.map(stringLiteral).join(', ')}]`;
}
