/**
 * Cells of a CSV file for Dutch Excel: `;` between cells, a decimal comma,
 * CRLF between rows and a UTF-8 byte order mark, so Excel in the Dutch locale
 * opens it with umlauts and numbers intact.
 */

/** Characters that make a spreadsheet read a text cell as a formula (or part of one). */
const formulaStart = /^[=+\-@\t\r]/;

/**
 * A text cell, neutralised: text that a spreadsheet would take for a formula
 * gets a leading apostrophe, so it shows as the text it is. Quoted when it
 * holds the separator, a quote or a line break.
 */
export function textCell(text: string): string {
  const safe = formulaStart.test(text) ? `'${text}` : text;
  return /[;"\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** A number cell with a decimal comma and no thousands separator, at full precision; empty for null. Negative numbers stay numbers. */
export function numberCell(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return '';
  const plain = Math.abs(value) >= 1e-6 || value === 0 ? String(value) : value.toFixed(20).replace(/0+$/, '');
  // Numbers past 1e21 print with an exponent; Excel reads "1,5e+21" as a number too.
  return plain.replace('.', ',');
}

/** The whole file: BOM, rows joined with CRLF, a final CRLF. */
export function csvFile(rows: readonly (readonly string[])[]): string {
  return `\uFEFF${rows.map((row) => row.join(';')).join('\r\n')}\r\n`;
}
