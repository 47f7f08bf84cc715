import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node } from 'yaml';

/** Why a document's aliases cannot be expanded safely, and the offset of the alias that shows it. */
export interface AliasRefusal {
  readonly offset: number;
  readonly message: string;
}

/**
 * Measures what the aliases (`*name`) of a parsed document add when expanded,
 * without expanding them: each node's size is computed once (the characters
 * of a scalar's value, at least 1; a collection's children plus 1), and an
 * alias adds the size of its anchor. Linear in the document, so an alias bomb
 * costs no more to measure than its own few lines.
 *
 * @returns null when the expansion stays within `maxExpansion`; otherwise the
 *   first alias past it, an alias with no anchor before it, or an alias inside
 *   its own anchor (a loop), each with what to do instead.
 */
export function checkAliases(document: Document.Parsed, maxExpansion: number): AliasRefusal | null {
  // The anchor an alias means is the last one of that name before it, in document order (YAML 1.2).
  const anchors = new Map<string, Node>();
  // Sizes of anchored nodes only: those are what aliases repeat.
  const sizes = new Map<Node, number>();
  const open = new Set<Node>();
  let added = 0;
  let refusal: AliasRefusal | null = null;

  const sizeOf = (node: unknown): number => {
    if (refusal !== null || node === null || node === undefined) return 0;
    if (isAlias(node)) {
      const anchor = anchors.get(node.source);
      const offset = node.range?.[0] ?? 0;
      if (anchor === undefined) {
        refusal = { offset, message: `the alias *${node.source} has no anchor &${node.source} before it: define the anchor first, or write the value out` };
        return 0;
      }
      if (open.has(anchor)) {
        refusal = { offset, message: `the alias *${node.source} is inside its own anchor &${node.source}, which makes an endless value: write the value out` };
        return 0;
      }
      const size = sizes.get(anchor) ?? 0;
      added += size;
      if (added > maxExpansion) {
        refusal = {
          offset,
          message:
            `the aliases in this file repeat more than ${maxExpansion.toLocaleString('en-US')} characters of values ` +
            `(an alias bomb, or a very large anchor reused many times); Koers refuses such a file: ` +
            `write the values out, or reuse smaller anchors fewer times`,
        };
      }
      return size;
    }
    if (isPair(node)) return sizeOf(node.key) + sizeOf(node.value);
    if (!isMap(node) && !isSeq(node) && !isScalar(node)) return 1;
    const anchor = typeof node.anchor === 'string' ? node.anchor : undefined;
    if (anchor !== undefined) anchors.set(anchor, node);
    let size: number;
    if (isScalar(node)) {
      size = Math.max(1, typeof node.value === 'string' ? node.value.length : 1);
    } else {
      open.add(node);
      size = 1;
      for (const item of node.items) size += sizeOf(item);
      open.delete(node);
    }
    if (anchor !== undefined) sizes.set(node, size);
    return size;
  };

  sizeOf(document.contents);
  return refusal;
}
