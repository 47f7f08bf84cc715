import type { WorkspaceProblem } from '@koers/domain';
import { Composer, isMap, isScalar, isSeq, LineCounter, Parser, YAMLParseError, type CST, type Document, type Node } from 'yaml';
import { quotePreview } from './value-preview';
import { checkAliases } from './yaml-aliases';
import { deepestTokenOffset, maxNestingDepth, quickNestingOffset } from './yaml-depth';
import { defaultWorkspaceLimits, fileTooLargeMessage, type WorkspaceLimits } from './workspace-limits';

/** A YAML file whose top level is a mapping: its plain value, and the line of any field in it. */
export interface YamlFile {
  readonly file: string;
  readonly value: Readonly<Record<string, unknown>>;
  /**
   * The 1-based line of the field at `path` (the line of its key, or of the list
   * item). A path that does not exist in the file gives the line of the deepest
   * part that does; a missing top-level field has no line (undefined).
   */
  lineOf(path: readonly PropertyKey[]): number | undefined;
}

export type YamlReadResult =
  | { readonly isOk: true; readonly yaml: YamlFile }
  | { readonly isOk: false; readonly problems: readonly WorkspaceProblem[] };

/**
 * Parses one workspace file. Syntax errors, an empty file, a top level that
 * is not a mapping, a file past `limits.maxFileBytes` and aliases that expand
 * past `limits.maxAliasExpansion` (or have no anchor, or loop) are returned as
 * problems (every syntax error, not just the first), never thrown: whatever
 * the text, the result names the file. YAML 1.2 keeps `2021-01-01` a string,
 * as the schemas expect.
 */
export function readYamlFile(file: string, text: string, fieldsHint: string, limits: WorkspaceLimits = defaultWorkspaceLimits): YamlReadResult {
  // UTF-8 takes at most 3 bytes per UTF-16 unit: most files need no counting.
  const bytes = text.length * 3 <= limits.maxFileBytes ? 0 : new TextEncoder().encode(text).length;
  if (bytes > limits.maxFileBytes) return { isOk: false, problems: [{ file, message: fileTooLargeMessage(bytes, limits) }] };
  try {
    return parseYamlFile(file, text, fieldsHint, limits);
  } catch (error) {
    // The yaml library and the walks below recurse; a file nested thousands of levels deep ends here.
    const isTooDeep = error instanceof RangeError;
    const why = isTooDeep ? 'its values are nested too deeply' : `the YAML cannot be read (${error instanceof Error ? error.message : String(error)})`;
    return { isOk: false, problems: [{ file, message: `${why}: write the fields as plain "key: value" lines` }] };
  }
}

function parseYamlFile(file: string, text: string, fieldsHint: string, limits: WorkspaceLimits): YamlReadResult {
  const tooDeep = (offset: number): YamlReadResult => ({
    isOk: false,
    problems: [{ file, line: lineOfOffset(text, offset), message: `the values nest more than ${maxNestingDepth} levels deep (lists or mappings inside each other): a definition needs only a few levels; write the fields as plain "key: value" lines` }],
  });
  const quickOffset = quickNestingOffset(text, maxNestingDepth);
  if (quickOffset >= 0) return tooDeep(quickOffset);
  const lineCounter = new LineCounter();
  const tokens = Array.from(new Parser(lineCounter.addNewLine).parse(text));
  const deepOffset = deepestTokenOffset(tokens, maxNestingDepth);
  if (deepOffset >= 0) return tooDeep(deepOffset);
  const document = composeOne(tokens, text.length);
  const lineAt = (offset: number): number => lineCounter.linePos(offset).line;

  if (document.errors.length > 0) {
    return {
      isOk: false,
      problems: document.errors.map((error) => ({
        file,
        line: lineAt(error.pos[0]),
        message: `YAML syntax error: ${syntaxMessage(error.message)}. Fix the YAML here (check the indentation, a missing ":" or an unclosed quote)`,
      })),
    };
  }
  const contents = document.contents;
  if (contents === null) {
    return {
      isOk: false,
      problems: [{ file, message: `the file is empty: write its fields (${fieldsHint}) or delete the file` }],
    };
  }
  const aliasRefusal = checkAliases(document, limits.maxAliasExpansion);
  if (aliasRefusal !== null) return { isOk: false, problems: [{ file, line: lineAt(aliasRefusal.offset), message: aliasRefusal.message }] };
  if (!isMap(contents)) {
    // A preview only: a link to a system file, read as one long value, must not be printed whole.
    const found = isSeq(contents) ? 'a list' : isScalar(contents) ? `a single value (${quotePreview(String(contents.value))})` : 'a single value';
    return {
      isOk: false,
      problems: [
        {
          file,
          line: contents.range ? lineAt(contents.range[0]) : undefined,
          message: `the top level must be a mapping of fields ("key: value" lines, such as ${fieldsHint}), found ${found}`,
        },
      ],
    };
  }

  // The aliases are measured above; the library's own count (100) would refuse legitimate reuse.
  const value = document.toJS({ maxAliasCount: -1 }) as Record<string, unknown>;
  const lineOfNode = (node: unknown): number | undefined => {
    const range = (node as Node | null)?.range;
    return range ? lineAt(range[0]) : undefined;
  };
  const lineOf = (path: readonly PropertyKey[]): number | undefined => {
    let node: unknown = contents;
    let line: number | undefined;
    for (const segment of path) {
      if (isMap(node)) {
        const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
        if (!pair) break;
        line = lineOfNode(pair.key);
        node = pair.value;
      } else if (isSeq(node) && typeof segment === 'number') {
        const item = node.items[segment];
        if (item === undefined) break;
        line = lineOfNode(item) ?? line;
        node = item;
      } else {
        break;
      }
    }
    return line;
  };
  return { isOk: true, yaml: { file, value, lineOf } };
}

/** What `parseDocument` does, from tokens already checked: one document, a second one an error. */
function composeOne(tokens: readonly CST.Token[], length: number): Document.Parsed {
  const composer = new Composer({ prettyErrors: false, uniqueKeys: true });
  let document: Document.Parsed | undefined;
  for (const composed of composer.compose(tokens, true, length)) {
    if (document === undefined) {
      document = composed;
    } else {
      document.errors.push(new YAMLParseError([composed.range[0], composed.range[1]], 'MULTIPLE_DOCS', 'the file holds more than one YAML document (a "---" line); keep one'));
      break;
    }
  }
  // compose(…, true) always ends with a document, for an empty text too.
  return document as Document.Parsed;
}

/** The 1-based line of `offset`, counted directly (the line counter fills only while parsing). */
function lineOfOffset(text: string, offset: number): number {
  let line = 1;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) line++;
  return line;
}

/** The parser's message without the excerpt of the file some messages carry after a blank line. */
function syntaxMessage(message: string): string {
  const [first = message] = message.split(/\n\s*\n/);
  const flat = first.replace(/\s+/g, ' ').replace(/:$/, '').trim();
  return flat.length <= 200 ? flat : `${flat.slice(0, 200)}…`;
}
