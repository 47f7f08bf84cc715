/** How many characters of a value from a file a message shows. */
const previewLength = 60;

/**
 * A text from a file, quoted for a message and cut to its first 60
 * characters, with the full length after a longer one. A message names what
 * it found, but never repeats a whole file (a link to /etc/passwd read as one
 * YAML value would otherwise be printed entire).
 *
 * @example
 * quotePreview('week'); // '"week"'
 */
export function quotePreview(text: string): string {
  if (text.length <= previewLength) return JSON.stringify(text);
  return `${JSON.stringify(`${text.slice(0, previewLength)}…`)} (${text.length} characters)`;
}

/** How a value found in the file reads in a message: `an empty value`, `a list`, `"week"`, `3`. */
export function describeValue(value: unknown): string {
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return quotePreview(value);
  return quotePreview(String(value)).slice(1, -1);
}
