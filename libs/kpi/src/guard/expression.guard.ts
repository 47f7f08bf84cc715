import { forbiddenFunctionReason, forbiddenKeywords, isForbiddenFunction } from './forbidden-names';
import { clockReason, isClockKeyword, misleadingCallReason, windowReason } from './misleading-functions';
import { type SqlToken, tokenizeSql } from './sql-tokenizer';

/** The indicator fields that hold an SQL expression. */
export type ExpressionField = 'measure' | 'filter' | 'per.measure';

const examples: Readonly<Record<ExpressionField, string>> = {
  measure: `an aggregate over the source's columns, e.g. count(*) or sum("inwoners")`,
  filter: `a condition on the source's columns, e.g. soort = 'winkeldiefstal'`,
  'per.measure': `an aggregate over the denominator source's columns, e.g. sum("inwoners")`,
};

const closers: Readonly<Record<string, string>> = { '(': ')', '[': ']', '{': '}' };

/**
 * Checks that `text` is one SQL expression and nothing more, without running
 * anything, and that it cannot mislead: no window function (OVER), no
 * function that makes several values of one row, and none whose value
 * depends on the clock, chance or the session (misleading-functions.ts).
 *
 * @returns null when the expression is safe to paste into a query; otherwise a
 *   message that says what is wrong and what to write instead.
 * @example
 * guardExpression('count(*)', 'measure'); // null
 * guardExpression("count(*) FROM read_csv('x')", 'measure');
 * // 'measure: "FROM" is not allowed: ...'
 */
export function guardExpression(text: string, field: ExpressionField): string | null {
  const refuse = (why: string): string => `${field}: ${why}; write one SQL expression: ${examples[field]}`;
  // The misleading ones say themselves what to write instead.
  const refuseMisleading = (why: string): string => `${field}: ${why}`;
  const tokenized = tokenizeSql(text);
  if (!tokenized.ok) return refuse(`${tokenized.message} (at character ${tokenized.offset + 1})`);

  const tokens = tokenized.tokens.filter((token) => token.kind !== 'comment');
  if (tokens.length === 0) return refuse('the expression is empty');

  const open: SqlToken[] = [];
  for (const [position, token] of tokens.entries()) {
    if (token.text === ';' && token.kind === 'punctuation') {
      return refuse('";" would start a second statement, and only one expression is allowed');
    }
    if (token.kind === 'identifier' && forbiddenKeywords.has(token.value.toUpperCase())) {
      return refuse(
        `"${token.text}" is not allowed: statements and subqueries cannot appear in an expression` +
          ` (if it is a column name, quote it: "${token.value.toLowerCase()}")`,
      );
    }
    const isName = token.kind === 'identifier' || token.kind === 'quoted-identifier';
    const next = tokens[position + 1];
    const isCall = next?.kind === 'punctuation' && next.text === '(';
    if (isName && isCall && isForbiddenFunction(token.value)) {
      return refuse(`calling ${forbiddenFunctionReason(token.value)}`);
    }
    if (isName && isCall) {
      const reason = misleadingCallReason(token.value, true);
      if (reason !== null) return refuseMisleading(reason);
    }
    // current_date and its kind need no brackets; after a "." the name is a field of something else.
    if (isName && isClockKeyword(token.value) && tokens[position - 1]?.text !== '.') return refuseMisleading(clockReason(token.value));
    // OVER is a keyword only right after a call (or its FILTER) and before its window: "(" or a
    // window's name. A column named over stays a column (`over IS NULL`, `sum(over)`).
    const isAfterCall = tokens[position - 1]?.kind === 'punctuation' && tokens[position - 1]?.text === ')';
    const isBeforeWindow = isCall || next?.kind === 'identifier' || next?.kind === 'quoted-identifier';
    if (token.kind === 'identifier' && token.value.toLowerCase() === 'over' && isAfterCall && isBeforeWindow) {
      return refuseMisleading(windowReason(calledNameBefore(tokens, position) ?? 'a function'));
    }
    if (token.kind === 'punctuation' && closers[token.text] !== undefined) open.push(token);
    if (token.kind === 'punctuation' && Object.values(closers).includes(token.text)) {
      const opener = open.pop();
      if (opener === undefined || closers[opener.text] !== token.text) {
        return refuse(`"${token.text}" at character ${token.start + 1} closes nothing that is open (unbalanced parentheses)`);
      }
    }
  }
  const unclosed = open.at(-1);
  if (unclosed !== undefined) {
    return refuse(`"${unclosed.text}" at character ${unclosed.start + 1} is never closed (unbalanced parentheses)`);
  }
  return null;
}

/** The name of the function whose call ends just before `position` (`sum` in `sum(x) OVER`), skipping a FILTER (...). */
function calledNameBefore(tokens: readonly SqlToken[], position: number): string | undefined {
  let index = position - 1;
  for (;;) {
    if (tokens[index]?.text !== ')') return undefined;
    let depth = 0;
    for (; index >= 0; index--) {
      const text = tokens[index]?.text;
      if (text === ')') depth++;
      else if (text === '(' && --depth === 0) break;
    }
    const name = tokens[index - 1];
    if (name === undefined || (name.kind !== 'identifier' && name.kind !== 'quoted-identifier')) return undefined;
    if (name.kind === 'identifier' && name.value.toUpperCase() === 'FILTER') {
      index -= 2;
      continue;
    }
    return name.value;
  }
}
