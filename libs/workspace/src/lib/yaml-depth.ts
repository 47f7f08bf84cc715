import type { CST } from 'yaml';

/**
 * How deep values may nest in a definition file. A program is the deepest
 * definition (program → tasks → task → actions → action → field: 6 levels);
 * past 100 the file is refused before the YAML library composes it, because
 * composing recurses once per level, and deep enough it runs out of stack,
 * which can end the whole process rather than throw.
 */
export const maxNestingDepth = 100;

/**
 * A quick look at the raw text, before any parsing: the offset where `[`/`{`
 * nest (outside quotes and comments) or a chain of `- ` on one line runs
 * deeper than `max`, or -1. It can only under-count (a quote in a plain
 * value hides what follows), never over-count in a file a person would
 * write, so {@link deepestTokenOffset} still decides; this only spares the
 * parser seconds on a file made of brackets.
 */
export function quickNestingOffset(text: string, max: number): number {
  let depth = 0;
  let isLineStart = true;
  for (let index = 0; index < text.length; index++) {
    const char = text.charAt(index);
    if (isLineStart) {
      isLineStart = false;
      let chain = 0;
      let at = index;
      while (text.charAt(at) === ' ') at++;
      while (text.charAt(at) === '-' && (text.charAt(at + 1) === ' ' || text.charAt(at + 1) === '\t')) {
        chain++;
        if (chain > max) return at;
        at += 2;
        while (text.charAt(at) === ' ') at++;
      }
    }
    if (char === '\n') {
      isLineStart = true;
    } else if (char === '#' && (index === 0 || /\s/.test(text.charAt(index - 1)))) {
      const end = text.indexOf('\n', index);
      index = (end === -1 ? text.length : end) - 1;
    } else if (char === '"' || char === "'") {
      index = closingQuote(text, index, char);
    } else if (char === '[' || char === '{') {
      depth++;
      if (depth > max) return index;
    } else if (char === ']' || char === '}') {
      depth = Math.max(0, depth - 1);
    }
  }
  return -1;
}

/** The offset of the first value nested deeper than `max` in the parser's tokens, or -1; no recursion. */
export function deepestTokenOffset(tokens: readonly CST.Token[], max: number): number {
  const pending: Array<{ readonly token: CST.Token; readonly depth: number }> = tokens.map((token) => ({ token, depth: 0 }));
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { token, depth } = next;
    if (depth > max) return token.offset;
    if (token.type === 'document' && token.value) pending.push({ token: token.value, depth });
    if (token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection') {
      for (const item of token.items) {
        if (item.key) pending.push({ token: item.key, depth: depth + 1 });
        if (item.value) pending.push({ token: item.value, depth: depth + 1 });
      }
    }
  }
  return -1;
}

/**
 * The index of the quote closing the one at `open` (`\"` escapes in double
 * quotes, `''` in single), or of the end of its line: a quote inside a plain
 * value ("it's") has no partner, and must not hide the rest of the file.
 */
function closingQuote(text: string, open: number, quote: string): number {
  for (let index = open + 1; index < text.length; index++) {
    const char = text.charAt(index);
    if (quote === '"' && char === '\\') index++;
    else if (char === quote) {
      if (quote === "'" && text.charAt(index + 1) === "'") index++;
      else return index;
    } else if (char === '\n') {
      return index - 1;
    }
  }
  return text.length;
}
