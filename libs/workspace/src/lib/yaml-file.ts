import type { WorkspaceProblem } from '@koers/domain';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';

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
 * Parses one workspace file. Syntax errors, an empty file and a top level that
 * is not a mapping are returned as problems (every syntax error, not just the
 * first), never thrown. YAML 1.2 keeps `2021-01-01` a string, as the schemas expect.
 */
export function readYamlFile(file: string, text: string, fieldsHint: string): YamlReadResult {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const lineAt = (offset: number): number => lineCounter.linePos(offset).line;

  if (document.errors.length > 0) {
    return {
      isOk: false,
      problems: document.errors.map((error) => ({
        file,
        line: lineAt(error.pos[0]),
        message: `YAML syntax error: ${error.message.replace(/\s+/g, ' ').trim()}. Fix the YAML here (check the indentation, a missing ":" or an unclosed quote)`,
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
  if (!isMap(contents)) {
    const found = isSeq(contents) ? 'a list' : `a single value (${JSON.stringify(document.toJS())})`;
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

  const value = document.toJS() as Record<string, unknown>;
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
