import type { DuckDBConnection } from '@duckdb/node-api';
import type { SourceDefinition, SourceFormat } from '@koers/domain';
import { access, realpath } from 'node:fs/promises';
import { normalize, relative } from 'node:path';
import { quoteString } from '../compile/sql-quoting';
import { LoaderInstance } from './loader-instance';
import { hashFiles, isGlob, isInside, realFilesInside, resolvePattern } from './source-files';
import { defaultSourceLimits, formatBytes, type SourceLimits } from './source-limits';
import { SourceLoadError } from './source-load.error';
import { columnsOf, dropRejects, firstBadValue, firstCsvReject, rowsQuery, streamRows, type BadValue } from './source-reader';
import { findOversizedFile } from './source-size';
import type { SourceStore } from './source-store';
import type { SourceVersion } from './source-version';

/** Options of {@link loadSource}. */
export interface LoadSourceOptions {
  /**
   * What reads the files (on the same workspace root); without it, the
   * store's own database when it can still read files (`CREATE TABLE AS`, the
   * fast way), else a locked loader instance opened and closed for this source.
   */
  readonly loader?: LoaderInstance;
  /**
   * The version serving now: when the files are the same (names and sha256 of
   * their bytes), nothing is read or recorded and this version is returned as it is.
   */
  readonly serving?: SourceVersion;
  /** Size after decompression, columns and time this source may take (default {@link defaultSourceLimits}). */
  readonly limits?: SourceLimits;
}

/**
 * Loads one source into the sandboxed database, atomically: the files are
 * found (a glob is expanded, nothing outside the workspace is followed), their
 * size after decompression checked, hashed, read into a staging table, checked,
 * and only then swapped in with a new version row. Any failure, or a limit
 * passed, throws a {@link SourceLoadError} naming the file (and column and line
 * where there are) and leaves the previous version serving. A CSV file is
 * sniffed once (a glob's files are each described first, so a missing column
 * names its file).
 */
export async function loadSource(store: SourceStore, root: string, source: SourceDefinition, options: LoadSourceOptions = {}): Promise<SourceVersion> {
  const definitionFile = source.file ?? `sources/${source.id}.yaml`;
  const fail = (message: string, file = definitionFile, line?: number) => new SourceLoadError(source.id, file, message, line);
  const limits = options.limits ?? defaultSourceLimits;
  const loader = options.loader ?? (await openLoaderFor(store, root, fail));
  const budget = new AbortController();
  const timer = setTimeout(() => {
    budget.abort();
    loader.connection.interrupt();
  }, limits.timeoutMs);
  try {
    return await loadWith({ loader, store, source, serving: options.serving, limits, signal: budget.signal, fail });
  } catch (error) {
    if (!budget.signal.aborted) throw error;
    await store.discard(source.id).catch(() => undefined);
    throw fail(
      `loading took longer than ${limits.timeoutMs} ms, the limit for one source, and was stopped: make the file smaller, or raise the limit`,
      isGlob(source.path) ? definitionFile : normalize(source.path),
    );
  } finally {
    clearTimeout(timer);
    if (options.loader === undefined) loader.close();
  }
}

/**
 * Opens a loader instance for the workspace at `root` (resolved with
 * `realpath`). Throws a {@link SourceLoadError} made by `fail` when the folder does not exist.
 */
export async function openLoader(root: string, fail = (message: string) => new Error(message)): Promise<LoaderInstance> {
  return LoaderInstance.open(await realRootOf(root, fail));
}

/** The store's own database while it can still read files, else a locked loader instance. */
async function openLoaderFor(store: SourceStore, root: string, fail: (message: string) => Error): Promise<LoaderInstance> {
  const realRoot = await realRootOf(root, fail);
  return (await store.canReadFiles()) ? LoaderInstance.onSandbox(store.connection, realRoot) : LoaderInstance.open(realRoot);
}

function realRootOf(root: string, fail: (message: string) => Error): Promise<string> {
  return realpath(root).catch(() => {
    throw fail(`the workspace folder ${root} does not exist`);
  });
}

type Fail = (message: string, file?: string, line?: number) => SourceLoadError;

interface LoadContext {
  readonly loader: LoaderInstance;
  readonly store: SourceStore;
  readonly source: SourceDefinition;
  readonly serving: SourceVersion | undefined;
  readonly limits: SourceLimits;
  readonly signal: AbortSignal;
  readonly fail: Fail;
}

async function loadWith({ loader, store, source, serving, limits, signal, fail }: LoadContext): Promise<SourceVersion> {
  const { connection, realRoot } = loader;
  const definitionFile = source.file ?? `sources/${source.id}.yaml`;
  const files = await findFiles(connection, realRoot, source.path).catch((error: unknown) => {
    throw fail(`path: ${messageOf(error)}`);
  });
  const format = source.format ?? formatFromPath(source.path);
  if (!format) throw fail(`path: cannot tell the format of "${source.path}": add "format:" (csv, parquet or json)`);
  const relativeFiles = files.map((file) => relative(realRoot, file));
  const isSameFiles = (version: SourceVersion, fileHash: string) => version.fileHash === fileHash && version.files.join('\n') === relativeFiles.join('\n');
  // The hash reads the files while DuckDB does; only a sync against a serving version waits for it first.
  const hashing = hashFiles(files, signal);
  hashing.catch(() => undefined);
  if (serving !== undefined && isSameFiles(serving, await hashing)) return serving;
  const oversized = await findOversizedFile(connection, format, files, limits.maxBytes, signal).catch((error: unknown) => {
    throw fail(`cannot read as ${format}: ${firstLine(error)}`, relativeFiles.length === 1 ? relativeFiles[0] : definitionFile);
  });
  if (oversized) {
    throw fail(
      `the source is more than ${formatBytes(limits.maxBytes)} after decompression, the limit for one source (passed in this file): split or filter the data, or raise the limit`,
      relative(realRoot, oversized),
    );
  }
  signal.throwIfAborted();
  const request = { format, files, columns: source.columns ?? {} };

  const checkColumns = async (names: Array<{ file: string; found: () => Promise<string[]> }>) => {
    for (const { file, found: read } of names) {
      const found = await read().catch((error: unknown) => {
        throw fail(`cannot read as ${format}: ${firstLine(error)}`, relative(realRoot, file));
      });
      if (found.length > limits.maxColumns) {
        throw fail(`the file has ${found.length} columns, more than ${limits.maxColumns}, the limit for one source: keep the columns the indicators need, or raise the limit`, relative(realRoot, file));
      }
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
  signal.throwIfAborted();

  const bad = await firstBadValue(connection, request);
  if (bad) throw badValueError(source.id, realRoot, bad);
  signal.throwIfAborted();

  const loadedAt = new Date().toISOString();
  const rejects = loader.nextRejectsTables();
  let rowCount: number;
  try {
    // The read failed before a row: describing the file says why where it can (which file, which column).
    const describeWhy = async (error: unknown): Promise<never> => {
      if (isSniffedOnce) await describeEach();
      throw error;
    };
    const sniffed = (columns: string[]) => files.map((file) => ({ file, found: () => Promise.resolve(columns) }));
    if (loader.isSandbox) {
      const staged = await store.stageQuery(source.id, rowsQuery(request, rejects)).catch(describeWhy);
      if (isSniffedOnce) await checkColumns(sniffed(staged.columns));
      rowCount = staged.rowCount;
    } else {
      const rows = await streamRows(connection, request, rejects).catch(describeWhy);
      if (isSniffedOnce) await checkColumns(sniffed(rows.columnNames()));
      rowCount = await store.stage(source.id, rows);
    }
    signal.throwIfAborted();
    const reject = format === 'csv' ? await firstCsvReject(connection, rejects) : undefined;
    if (reject) throw badValueError(source.id, realRoot, reject);
    return await store.swapIn({ sourceId: source.id, rowCount, fileHash: await hashing, loadedAt, files: relativeFiles });
  } catch (error) {
    await store.discard(source.id);
    if (error instanceof SourceLoadError) throw error;
    throw fail(`cannot load: ${firstLine(error)}`, relativeFiles.length === 1 ? relativeFiles[0] : definitionFile);
  } finally {
    if (format === 'csv') await dropRejects(connection, rejects).catch(() => undefined);
  }
}

/** The real paths of the files a source path names, in order; a glob without match is an error. */
export async function findFiles(connection: DuckDBConnection, realRoot: string, path: string): Promise<string[]> {
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
  const reader = await connection.runAndReadAll(`SELECT file FROM glob(${quoteString(pattern)}) ORDER BY file`);
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

/** The error for a value that does not fit its type: the file, and the line (or `row N:`) and column. */
export function badValueError(sourceId: string, realRoot: string, bad: BadValue): SourceLoadError {
  const file = relative(realRoot, bad.file);
  const where = bad.lineKind === 'row' && bad.line !== undefined ? `row ${bad.line}: ` : '';
  const column = bad.column ? `column "${bad.column}": ` : '';
  const line = bad.lineKind === 'line' ? bad.line : undefined;
  return new SourceLoadError(sourceId, file, `${where}${column}${firstLine(bad.message)}`, line);
}

/** The format a source path's extension says (`.csv`, `.parquet`, `.json`, `.ndjson`, `.jsonl`, optionally `.gz`/`.zst`). */
export function formatFromPath(path: string): SourceFormat | undefined {
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
export function firstLine(error: unknown): string {
  return messageOf(error).split('\n')[0] ?? '';
}
