import type { DuckDBConnection } from '@duckdb/node-api';
import type { SourceDefinition, SourceFormat } from '@koers/domain';
import { access, realpath } from 'node:fs/promises';
import { relative } from 'node:path';
import { hashFiles, isGlob, isInside, realFilesInside, resolvePattern } from './source-files';
import { SourceLoadError } from './source-load.error';
import { LoaderInstance } from './loader-instance';
import { columnsOf, dropRejects, firstBadValue, firstCsvReject, streamRows, type BadValue } from './source-reader';
import { stringLiteral } from './sql-text';
import type { SourceStore } from './source-store';
import type { SourceVersion } from './source-version';

/** Options of {@link loadSource}. */
export interface LoadSourceOptions {
  /**
   * A loader instance to read with (opened on the same workspace root), shared
   * by the sources of one `loadSources()`; without it one is opened and closed.
   */
  readonly loader?: LoaderInstance;
  /**
   * The version serving now: when the files are the same (names and sha256 of
   * their bytes), nothing is read or recorded and this version is returned as it is.
   */
  readonly serving?: SourceVersion;
}

/**
 * Loads one source into the sandboxed database, atomically: the files are
 * found (a glob is expanded, nothing outside the workspace is followed), hashed,
 * read by a locked loader instance into a staging table, checked, and only then
 * swapped in with a new version row. Any failure throws a {@link SourceLoadError}
 * naming the file (and column and line where there are) and leaves the previous
 * version serving. A CSV file is sniffed once (a glob's files are each
 * described first, so a missing column names its file).
 */
export async function loadSource(store: SourceStore, root: string, source: SourceDefinition, options: LoadSourceOptions = {}): Promise<SourceVersion> {
  const definitionFile = source.file ?? `sources/${source.id}.yaml`;
  const fail = (message: string, file = definitionFile, line?: number) => new SourceLoadError(source.id, file, message, line);
  const loader = options.loader ?? (await openLoader(root, fail));
  try {
    return await loadWith(loader, store, source, options.serving, fail);
  } finally {
    if (options.loader === undefined) loader.close();
  }
}

/**
 * Opens a loader instance for the workspace at `root` (resolved with
 * `realpath`). Throws a {@link SourceLoadError} made by `fail` when the folder does not exist.
 */
export async function openLoader(root: string, fail = (message: string) => new Error(message)): Promise<LoaderInstance> {
  const realRoot = await realpath(root).catch(() => {
    throw fail(`the workspace folder ${root} does not exist`);
  });
  return LoaderInstance.open(realRoot);
}

type Fail = (message: string, file?: string, line?: number) => SourceLoadError;

async function loadWith(loader: LoaderInstance, store: SourceStore, source: SourceDefinition, serving: SourceVersion | undefined, fail: Fail) {
  const { connection, realRoot } = loader;
  const definitionFile = source.file ?? `sources/${source.id}.yaml`;
  const files = await findFiles(connection, realRoot, source.path).catch((error: unknown) => {
    throw fail(`path: ${messageOf(error)}`);
  });
  const format = source.format ?? formatFromPath(source.path);
  if (!format) throw fail(`path: cannot tell the format of "${source.path}": add "format:" (csv, parquet or json)`);
  const relativeFiles = files.map((file) => relative(realRoot, file));
  const fileHash = await hashFiles(files);
  if (serving !== undefined && serving.fileHash === fileHash && serving.files.join('\n') === relativeFiles.join('\n')) return serving;
  const request = { format, files, columns: source.columns ?? {} };

  const checkColumns = async (names: Array<{ file: string; found: () => Promise<string[]> }>) => {
    for (const { file, found: read } of names) {
      const found = await read().catch((error: unknown) => {
        throw fail(`cannot read as ${format}: ${firstLine(error)}`, relative(realRoot, file));
      });
      const missing = Object.keys(request.columns).filter((name) => !found.includes(name));
      if (missing.length > 0) {
        throw fail(
          `${missing.map((name) => `column "${name}"`).join(', ')} declared in ${definitionFile} ${missing.length === 1 ? 'is' : 'are'} missing from the file (its columns: ${found.join(', ')})`,
          relative(realRoot, file),
        );
      }
    }
  };
  const describeEach = () => checkColumns(files.map((file) => ({ file, found: () => columnsOf(connection, request, file) })));
  // One CSV file is sniffed once, by the read itself: its columns are the stream's.
  // Several files, or Parquet/JSON (whose checks below name declared columns), are described first.
  const isSniffedOnce = format === 'csv' && files.length === 1;
  if (!isSniffedOnce) await describeEach();

  const bad = await firstBadValue(connection, request);
  if (bad) throw badValueError(source.id, realRoot, bad);

  const loadedAt = new Date().toISOString();
  const rejects = loader.nextRejectsTables();
  let rowCount: number;
  try {
    const rows = await streamRows(connection, request, rejects).catch(async (error: unknown) => {
      // The read failed before a row: describing the file says why where it can (which file, which column).
      if (isSniffedOnce) await describeEach();
      throw error;
    });
    if (isSniffedOnce) await checkColumns(files.map((file) => ({ file, found: () => Promise.resolve(rows.columnNames()) })));
    rowCount = await store.stage(source.id, rows);
    const reject = format === 'csv' ? await firstCsvReject(connection, rejects) : undefined;
    if (reject) throw badValueError(source.id, realRoot, reject);
  } catch (error) {
    await store.discard(source.id);
    if (error instanceof SourceLoadError) throw error;
    throw fail(`cannot load: ${firstLine(error)}`, relativeFiles.length === 1 ? relativeFiles[0] : definitionFile);
  } finally {
    if (format === 'csv') await dropRejects(connection, rejects).catch(() => undefined);
  }
  return await store.swapIn({ sourceId: source.id, rowCount, fileHash, loadedAt, files: relativeFiles });
}

/** The real paths of the files a source path names, in order; a glob without match is an error. */
async function findFiles(connection: DuckDBConnection, realRoot: string, path: string): Promise<string[]> {
  const pattern = resolvePattern(realRoot, path);
  if (!isGlob(path)) {
    await access(pattern).catch(() => {
      throw new Error(`file "${path}" not found in the workspace: check the path, or add the file`);
    });
    return realFilesInside(realRoot, [pattern]);
  }
  await checkGlobFolder(realRoot, pattern, path);
  // DuckDB expands the glob as it would when reading; the loader instance can
  // only list inside the workspace, and every match is checked again after
  // symlinks are followed.
  const reader = await connection.runAndReadAll(`SELECT file FROM glob(${stringLiteral(pattern)}) ORDER BY file`);
  const matches = reader.getRowsJS().map((row) => String(row[0]));
  if (matches.length === 0) {
    throw new Error(`no file matches the pattern "${path}": check the pattern, or add the files`);
  }
  return realFilesInside(realRoot, matches);
}

/** The folder a glob starts from must, after following symlinks, lie in the workspace. */
async function checkGlobFolder(realRoot: string, pattern: string, path: string): Promise<void> {
  const staticPart = pattern.split(/[*?[{]/)[0] ?? pattern;
  const folder = staticPart.slice(0, staticPart.lastIndexOf('/')) || '/';
  const realFolder = await realpath(folder).catch(() => undefined);
  if (realFolder === undefined) {
    throw new Error(`no file matches the pattern "${path}": its folder does not exist`);
  }
  if (!isInside(realRoot, realFolder)) {
    throw new Error(`"${path}" goes through a link to a folder outside the workspace: copy the files into the workspace instead`);
  }
}

function badValueError(sourceId: string, realRoot: string, bad: BadValue): SourceLoadError {
  const file = relative(realRoot, bad.file);
  const where = bad.lineKind === 'row' && bad.line !== undefined ? `row ${bad.line}: ` : '';
  const column = bad.column ? `column "${bad.column}": ` : '';
  const line = bad.lineKind === 'line' ? bad.line : undefined;
  return new SourceLoadError(sourceId, file, `${where}${column}${firstLine(bad.message)}`, line);
}

function formatFromPath(path: string): SourceFormat | undefined {
  const name = path.toLowerCase().replace(/\.(gz|zst)$/, '');
  if (name.endsWith('.csv')) return 'csv';
  if (name.endsWith('.parquet')) return 'parquet';
  if (/\.(json|ndjson|jsonl)$/.test(name)) return 'json';
  return undefined;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** DuckDB messages carry the query after a blank line; the reader needs the first line. */
function firstLine(error: unknown): string {
  return messageOf(error).split('\n')[0] ?? '';
}
