/**
 * A small SQL tokenizer that splits text the way DuckDB's scanner (a PostgreSQL
 * descendant) does where it matters for safety: where string literals, quoted
 * identifiers, dollar-quoted strings and comments begin and end. Everything the
 * guard decides rests on that boundary being the same as DuckDB's, so any form
 * whose boundary we cannot be sure of (escape strings `E'...'`, nested block
 * comments, unterminated literals) is a tokenize error rather than a guess.
 */

/** The kinds of token the guard distinguishes. */
export type SqlTokenKind =
  | 'identifier'
  | 'quoted-identifier'
  | 'string'
  | 'number'
  | 'comment'
  | 'punctuation'
  | 'operator';

/** One token; `value` is the identifier name (unquoted, `""` undone) or the raw text. */
export interface SqlToken {
  readonly kind: SqlTokenKind;
  readonly text: string;
  readonly value: string;
  /** Offset of the first character in the input. */
  readonly start: number;
}

/** Either the tokens, or why the text cannot be split safely (with the offset). */
export type TokenizeResult =
  | { readonly ok: true; readonly tokens: readonly SqlToken[] }
  | { readonly ok: false; readonly message: string; readonly offset: number };

const whitespace = /[ \t\n\r\f\v]/;
const punctuation = new Set(['(', ')', '[', ']', '{', '}', ',', ';', '.']);

function isIdentifierStart(char: string): boolean {
  // Like PostgreSQL, any non-ASCII character may be part of an identifier.
  return /[A-Za-z_]/.test(char) || char.charCodeAt(0) >= 0x80;
}

function isIdentifierPart(char: string): boolean {
  // `$` continues an identifier (`foo$$` is one name), so it never opens a dollar quote there.
  return /[A-Za-z0-9_$]/.test(char) || char.charCodeAt(0) >= 0x80;
}

const dollarDelimiter = /^\$(?:[A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/;
const numberPattern = /^(?:\d[\d_]*(?:\.[\d_]*)?|\.\d[\d_]*)(?:[eE][+-]?\d+)?/;

/** Splits `text` into tokens, or says why it cannot be split safely. */
export function tokenizeSql(text: string): TokenizeResult {
  const tokens: SqlToken[] = [];
  let index = 0;
  const fail = (message: string, offset: number): TokenizeResult => ({ ok: false, message, offset });

  while (index < text.length) {
    const char = text.charAt(index);
    const next = text.charAt(index + 1);
    const start = index;

    if (whitespace.test(char)) {
      index += 1;
    } else if (char === '-' && next === '-') {
      const end = text.slice(index).search(/[\n\r]/);
      index = end === -1 ? text.length : index + end;
      tokens.push({ kind: 'comment', text: text.slice(start, index), value: '', start });
    } else if (char === '/' && next === '*') {
      const end = text.indexOf('*/', index + 2);
      if (end === -1) return fail('the block comment /* is never closed with */', start);
      // DuckDB nests block comments; refusing them keeps our idea of where a comment ends equal to DuckDB's.
      if (text.slice(index + 2, end).includes('/*')) return fail('a block comment contains another /*', start);
      index = end + 2;
      tokens.push({ kind: 'comment', text: text.slice(start, index), value: '', start });
    } else if (char === "'") {
      const previous = tokens.at(-1);
      if (previous && previous.start + previous.text.length === start) {
        const prefix = previous.text.toLowerCase();
        if (previous.kind === 'identifier' && ['e', 'b', 'x', 'n'].includes(prefix)) {
          return fail(`prefixed string literals like ${previous.text}'...' are not allowed (write a plain '...' literal)`, previous.start);
        }
        if (prefix === '&' && isUnicodePrefix(tokens)) return fail("unicode escape strings U&'...' are not allowed", start - 2);
      }
      const end = closingQuote(text, index, "'");
      if (end === -1) return fail("the string literal ' is never closed", start);
      index = end + 1;
      const body = text.slice(start + 1, end).replaceAll("''", "'");
      tokens.push({ kind: 'string', text: text.slice(start, index), value: body, start });
    } else if (char === '"') {
      const previous = tokens.at(-1);
      if (previous?.text === '&' && previous.start + 1 === start && isUnicodePrefix(tokens)) {
        return fail('unicode escape identifiers U&"..." are not allowed', start - 2);
      }
      const end = closingQuote(text, index, '"');
      if (end === -1) return fail('the quoted identifier " is never closed', start);
      index = end + 1;
      const name = text.slice(start + 1, end).replaceAll('""', '"');
      tokens.push({ kind: 'quoted-identifier', text: text.slice(start, index), value: name, start });
    } else if (char === '$') {
      const delimiter = dollarDelimiter.exec(text.slice(index))?.[0];
      if (delimiter === undefined) return fail('parameters ($1, $name) are not allowed in an expression', start);
      const end = text.indexOf(delimiter, index + delimiter.length);
      if (end === -1) return fail(`the dollar-quoted string ${delimiter} is never closed`, start);
      index = end + delimiter.length;
      const body = text.slice(start + delimiter.length, end);
      tokens.push({ kind: 'string', text: text.slice(start, index), value: body, start });
    } else if (/\d/.test(char) || (char === '.' && /\d/.test(next))) {
      const number = numberPattern.exec(text.slice(index))?.[0] ?? char;
      index += number.length;
      tokens.push({ kind: 'number', text: number, value: number, start });
    } else if (isIdentifierStart(char)) {
      index += 1;
      while (index < text.length && isIdentifierPart(text.charAt(index))) index += 1;
      const word = text.slice(start, index);
      tokens.push({ kind: 'identifier', text: word, value: word, start });
    } else {
      index += 1;
      tokens.push({ kind: punctuation.has(char) ? 'punctuation' : 'operator', text: char, value: char, start });
    }
  }
  return { ok: true, tokens };
}

/** Index of the quote that closes the literal opened at `open`, skipping doubled quotes; -1 if none. */
function closingQuote(text: string, open: number, quote: string): number {
  let index = open + 1;
  for (;;) {
    const end = text.indexOf(quote, index);
    if (end === -1) return -1;
    if (text.charAt(end + 1) !== quote) return end;
    index = end + 2;
  }
}

/** True when the last two tokens are `u` `&` written together (the U& prefix). */
function isUnicodePrefix(tokens: readonly SqlToken[]): boolean {
  const ampersand = tokens.at(-1);
  const letter = tokens.at(-2);
  return (
    letter !== undefined &&
    ampersand !== undefined &&
    letter.kind === 'identifier' &&
    letter.text.toLowerCase() === 'u' &&
    letter.start + 1 === ampersand.start
  );
}
