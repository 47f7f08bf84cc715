/** A value in a generated CSV cell. */
export type CsvValue = string | number | boolean | null;

/** Quotes a cell only where CSV needs it (a comma, a quote or a line break). */
function formatCell(value: CsvValue): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * Renders rows as CSV text with a header line and `\n` line ends. Columns come from
 * `columns`, in that order, so the bytes never depend on object key order.
 */
export function toCsv(columns: readonly string[], rows: readonly Record<string, CsvValue>[]): string {
  const lines = [columns.join(',')];
  for (const row of rows) lines.push(columns.map((column) => formatCell(row[column] ?? null)).join(','));
  return `${lines.join('\n')}\n`;
}
