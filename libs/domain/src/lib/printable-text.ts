/**
 * Characters that must not reach a terminal or a log line as they are: C0
 * controls (newline, carriage return, ESC that starts an ANSI sequence), DEL,
 * C1 controls (0x9b starts a sequence on some terminals too), the Unicode line
 * and paragraph separators, and the bidirectional controls that reorder what a
 * reader sees ("Trojan Source"). A file name or a YAML key can hold any of them.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const unprintable = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const named: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * `text` with every control character written as an escape (`\n`, `\r`,
 * `\t`, `\x1b`, `\u202e`), so printing it cannot move the cursor, recolour
 * the terminal, start a new line that looks like another problem, or reorder
 * the text. Everything else, accents included, is kept as it is.
 *
 * @example
 * escapeControlCharacters('indicators/\u001b[31mrood.yaml'); // 'indicators/\\x1b[31mrood.yaml'
 */
export function escapeControlCharacters(text: string): string {
  return text.replace(unprintable, (char) => {
    const code = char.charCodeAt(0);
    return named[char] ?? (code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`);
  });
}
