import { type SourceDefinition, type SourceFormat, type WorkspaceProblem } from '@koers/domain';
import { posix } from 'node:path';
import type { YamlFile } from './yaml-file';

/** File extensions (after an optional compression suffix) and the format they mean. */
const formatsByExtension: Readonly<Record<string, SourceFormat>> = {
  csv: 'csv',
  parquet: 'parquet',
  json: 'json',
  ndjson: 'json',
  jsonl: 'json',
};

/** Compression suffixes DuckDB reads through: `misdrijven.csv.gz` is a csv. */
const compressionSuffixes = ['.gz', '.zst'];

/**
 * Checks what can be checked of a source without reading data: its `path` stays
 * inside the workspace (nothing outside it may be read), and its format is known.
 * Returns the source with `format` filled in from the extension when left out,
 * or undefined when it is refused.
 */
export function checkSource(
  source: SourceDefinition & { readonly file: string },
  yaml: YamlFile,
): { readonly source?: SourceDefinition; readonly problems: readonly WorkspaceProblem[] } {
  const at = { file: source.file, line: yaml.lineOf(['path']), field: 'path' };
  const path = source.path.replace(/\\/g, '/');
  if (path.startsWith('/') || /^[a-zA-Z]:/.test(path) || path.startsWith('~')) {
    return {
      problems: [
        { ...at, message: `"${source.path}" is an absolute path, and nothing outside the workspace may be read: use a path relative to the workspace (for example data/misdrijven.csv) and copy the file into the workspace` },
      ],
    };
  }
  const normalized = posix.normalize(path);
  if (normalized === '..' || normalized.startsWith('../')) {
    return {
      problems: [
        { ...at, message: `"${source.path}" points outside the workspace (".."), and nothing outside it may be read: copy the file into the workspace (for example into data/) and point there` },
      ],
    };
  }
  if (source.format !== undefined) return { source, problems: [] };

  const format = formatOf(normalized);
  if (format === undefined) {
    return {
      problems: [
        { ...at, message: `cannot tell the format of "${source.path}" from its extension: add "format:" (csv, parquet or json)` },
      ],
    };
  }
  return { source: { ...source, format }, problems: [] };
}

function formatOf(path: string): SourceFormat | undefined {
  let name = path.toLowerCase();
  const suffix = compressionSuffixes.find((candidate) => name.endsWith(candidate));
  if (suffix) name = name.slice(0, -suffix.length);
  const dot = name.lastIndexOf('.');
  if (dot < 0 || name.lastIndexOf('/') > dot) return undefined;
  return formatsByExtension[name.slice(dot + 1)];
}
