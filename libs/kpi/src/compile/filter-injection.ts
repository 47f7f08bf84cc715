import { type SqlToken, tokenizeSql } from '../guard';

/**
 * Aggregates whose result over the rows that pass a filter equals the result
 * of `aggregate(column) FILTER (WHERE filter)` over all rows.
 */
const aggregates: ReadonlySet<string> = new Set([
  'count', 'sum', 'avg', 'mean', 'min', 'max', 'median', 'mode', 'stddev', 'stddev_samp', 'stddev_pop',
  'variance', 'var_samp', 'var_pop', 'bool_and', 'bool_or', 'product', 'approx_count_distinct', 'any_value',
  'first', 'last', 'fsum', 'favg', 'sumkahan', 'kahan_sum', 'count_if',
]);

/** Scalar functions and keywords that may stand before `(` outside an aggregate (they act on aggregate results). */
const scalarsOutside: ReadonlySet<string> = new Set([
  'nullif', 'coalesce', 'round', 'abs', 'greatest', 'least', 'ceil', 'ceiling', 'floor', 'sqrt', 'ln', 'log',
  'log10', 'exp', 'power', 'pow', 'sign', 'cast', 'try_cast', 'and', 'or', 'not', 'when', 'then', 'else', 'in',
]);

/** Words that change how aggregates are evaluated: with any of them, no rewriting. */
const blockingWords: ReadonlySet<string> = new Set(['filter', 'over', 'within', 'order', 'distinct', 'qualify']);

/**
 * Rewrites `measure` so that every aggregate carries `FILTER (WHERE filter)`,
 * letting one grouping pass find the periods (all rows) and the value (the
 * passing rows) at once. Only done where it is provably the same as
 * evaluating the measure over the passing rows: every function is a known
 * aggregate over `*` or one bare column (an argument that cannot fail on a row
 * the filter excludes, since DuckDB evaluates FILTER arguments on all rows),
 * or a known scalar outside the aggregates.
 *
 * @returns the rewritten measure, or null when the measure is outside that
 *   safe subset (the caller then filters in a separate pass).
 * @example
 * injectFilter('sum(x) / nullif(count(*), 0)', "soort = 'a'");
 * // "sum(x) FILTER (WHERE (\nsoort = 'a'\n)) / nullif(count(*) FILTER (WHERE (\nsoort = 'a'\n)), 0)"
 */
export function injectFilter(measure: string, filter: string): string | null {
  const tokenized = tokenizeSql(measure);
  if (!tokenized.ok) return null;
  const tokens = tokenized.tokens.filter((token) => token.kind !== 'comment');
  const insertAt: number[] = [];
  let index = 0;
  while (index < tokens.length) {
    const token = tokens[index] as SqlToken;
    const isCall = (token.kind === 'identifier' || token.kind === 'quoted-identifier') && tokens[index + 1]?.text === '(';
    const name = token.value.toLowerCase();
    if (token.kind === 'identifier' && blockingWords.has(name)) return null;
    if (isCall && aggregates.has(name)) {
      // `x.sum()` is sum(x) with the argument outside the parentheses: not rewritten.
      if (tokens[index - 1]?.text === '.') return null;
      const close = closingParenthesis(tokens, index + 1);
      if (close === -1 || !isPlainArgument(tokens.slice(index + 2, close))) return null;
      const closing = tokens[close] as SqlToken;
      insertAt.push(closing.start + 1);
      index = close + 1;
    } else if (isCall && !(token.kind === 'identifier' && scalarsOutside.has(name))) {
      return null;
    } else {
      index += 1;
    }
  }
  if (insertAt.length === 0) return null;
  const clause = ` FILTER (WHERE (\n${filter}\n))`;
  let rewritten = '';
  let from = 0;
  for (const position of insertAt) {
    rewritten += measure.slice(from, position) + clause;
    from = position;
  }
  return rewritten + measure.slice(from);
}

/** `*`, or one column name (optionally qualified, optionally DISTINCT): arguments that cannot fail on any row. */
function isPlainArgument(tokens: readonly SqlToken[]): boolean {
  const isDistinct = tokens[0]?.kind === 'identifier' && tokens[0].value.toLowerCase() === 'distinct';
  const argument = isDistinct ? tokens.slice(1) : tokens;
  if (argument.length === 1 && argument[0]?.text === '*' && argument[0].kind === 'operator') return true;
  if (argument.length === 0 || argument.length % 2 === 0) return false;
  return argument.every((token, position) =>
    position % 2 === 1
      ? token.text === '.' && token.kind === 'punctuation'
      : token.kind === 'quoted-identifier' || (token.kind === 'identifier' && !blockingWords.has(token.value.toLowerCase())),
  );
}

function closingParenthesis(tokens: readonly SqlToken[], open: number): number {
  let depth = 0;
  for (let index = open; index < tokens.length; index += 1) {
    const token = tokens[index] as SqlToken;
    if (token.kind !== 'punctuation') continue;
    if (token.text === '(') depth += 1;
    if (token.text === ')') depth -= 1;
    if (depth === 0) return index;
  }
  return -1;
}
