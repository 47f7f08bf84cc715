import { forbiddenFunctionReason, forbiddenKeywords, isForbiddenFunction } from './forbidden-names';
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
 * Checks that `text` is one SQL expression and nothing more, without running anything.
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
    if (isName && tokens[position + 1]?.text === '(' && isForbiddenFunction(token.value)) {
      return refuse(`calling ${forbiddenFunctionReason(token.value)}`);
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
