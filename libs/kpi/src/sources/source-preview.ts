import type { DuckDBConnection } from '@duckdb/node-api';
import { suggestColumnType, type PreviewValue, type SourceDefinition, type SourcePreview, type SourceProblem } from '@koers/domain';
import { normalize, relative } from 'node:path';
import { quoteIdentifier } from '../compile/sql-quoting';
import type { LoaderInstance, RejectsTables } from './loader-instance';
import { defaultSourceLimits, formatBytes, type SourceLimits } from './source-limits';
import { findFiles, firstLine, formatFromPath } from './source-loader';
import { describeRead, dropRejects, firstBadValue, firstCsvReject, rowsQuery, type BadValue, type DescribedColumn, type ReadRequest } from './source-reader';
import { isGlob } from './source-files';
import { findOversizedFile } from './source-size';

/** Options of {@link previewSource}. */
export interface PreviewOptions {
  /** How many of the first rows to return (default 20, at most 1 000). */
  readonly rowLimit?: number;
  /** Size after decompression, columns and time the read may take (default {@link defaultSourceLimits}). */
  readonly limits?: SourceLimits;
}

/** The most rows a preview returns: it is for reading, not for copying data. */
export const maxPreviewRows = 1_000;

/**
 * Reads a source's file the way {@link loadSource} would, without storing
 * anything: the columns DuckDB detects (its sniffer, before declared types
 * apply) beside the declared ones, the first rows with the declared types
 * applied, the row count, and the first problem, with file, line and column
 * where there are. Every value is read and checked (the whole file streams
 * through DuckDB, in constant memory); a file whose preview has a problem
 * would not load. Runs on a locked loader instance: only files below its
 * root are read. Throws only for what is not about the file (DuckDB stopped).
 */
export async function previewSource(loader: LoaderInstance, source: SourceDefinition, options: PreviewOptions = {}): Promise<SourcePreview> {
  const limits = options.limits ?? defaultSourceLimits;
  const rowLimit = Math.max(0, Math.min(options.rowLimit ?? 20, maxPreviewRows));
  const budget = new AbortController();
  const timer = setTimeout(() => {
    budget.abort();
    loader.connection.interrupt();
  }, limits.timeoutMs);
  const format = source.format ?? formatFromPath(source.path) ?? 'csv';
  const shownFile = isGlob(source.path) ? (source.file ?? `sources/${source.id}.yaml`) : normalize(source.path);
  const empty = { format, columns: [], missingColumns: [], rows: [], rowCount: null } as const;
  try {
    return await previewWith(loader, source, rowLimit, limits, budget.signal);
  } catch (error) {
    if (budget.signal.aborted) {
      const message = `reading took longer than ${limits.timeoutMs} ms, the limit for one source, and was stopped: make the file smaller, or raise the limit`;
      return { ...empty, problem: { file: shownFile, message } };
    }
    if (error instanceof PreviewProblem) return { ...empty, ...error.partial, problem: error.problem };
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The columns of a source's file as DuckDB detects them (names and types,
 * no declared types applied), without reading its rows: to compare a new
 * version's columns with the serving one's.
 */
export async function describeSource(loader: LoaderInstance, source: SourceDefinition): Promise<DescribedColumn[]> {
  const files = await findFiles(loader.connection, loader.realRoot, source.path);
  const format = source.format ?? formatFromPath(source.path);
  if (!format) throw new Error(`cannot tell the format of "${source.path}": add "format:" (csv, parquet or json)`);
  const rejects = loader.nextRejectsTables();
  try {
    return await describeRead(loader.connection, rowsQuery({ format, files, columns: {} }, rejects));
  } finally {
    if (format === 'csv') await dropRejects(loader.connection, rejects).catch(() => undefined);
  }
}

/** A problem found while previewing, with what was found before it. */
class PreviewProblem extends Error {
  constructor(
    readonly problem: SourceProblem,
    readonly partial: Partial<Pick<SourcePreview, 'columns' | 'missingColumns' | 'rows'>> = {},
  ) {
    super(problem.message);
  }
}

async function previewWith(loader: LoaderInstance, source: SourceDefinition, rowLimit: number, limits: SourceLimits, signal: AbortSignal): Promise<SourcePreview> {
  const { connection, realRoot } = loader;
  const definitionFile = source.file ?? `sources/${source.id}.yaml`;
  const problemIn = (file: string, message: string, partial?: PreviewProblem['partial']) => new PreviewProblem({ file, message }, partial);
  const files = await findFiles(connection, realRoot, source.path).catch((error: unknown) => {
    throw problemIn(definitionFile, `path: ${firstLine(error)}`);
  });
  const format = source.format ?? formatFromPath(source.path);
  if (!format) throw problemIn(definitionFile, `path: cannot tell the format of "${source.path}": add "format:" (csv, parquet or json)`);
  const relativeFiles = files.map((file) => relative(realRoot, file));
  const wholeFile = relativeFiles.length === 1 ? (relativeFiles[0] ?? definitionFile) : definitionFile;

  const oversized = await findOversizedFile(connection, format, files, limits.maxBytes, signal).catch((error: unknown) => {
    throw problemIn(wholeFile, `cannot read as ${format}: ${firstLine(error)}`);
  });
  if (oversized) {
    throw problemIn(
      relative(realRoot, oversized),
      `the source is more than ${formatBytes(limits.maxBytes)} after decompression, the limit for one source: split or filter the data, or raise the limit`,
    );
  }
  signal.throwIfAborted();

  const declared = source.columns ?? {};
  const detected = await withRejects(loader, format, (rejects) => describeRead(connection, rowsQuery({ format, files, columns: {} }, rejects))).catch(
    (error: unknown) => {
      if (error instanceof PreviewProblem) throw error;
      throw problemIn(wholeFile, `cannot read as ${format}: ${firstLine(error)}`);
    },
  );
  const columns = detected.map(({ name, type }) => ({ name, detectedType: type, suggestedType: suggestColumnType(type), declaredType: declared[name] ?? null }));
  if (columns.length > limits.maxColumns) {
    throw problemIn(wholeFile, `the file has ${columns.length} columns, more than ${limits.maxColumns}, the limit for one source: keep the columns the indicators need, or raise the limit`, { columns });
  }
  const names = new Set(detected.map(({ name }) => name));
  const missingColumns = Object.keys(declared).filter((name) => !names.has(name));
  // The columns that are there still read in their declared types, so the rows show what would load.
  const request: ReadRequest = { format, files, columns: Object.fromEntries(Object.entries(declared).filter(([name]) => names.has(name))) };
  const readRows = (what: ReadRequest) => withRejects(loader, format, (rejects) => firstRows(connection, `${rowsQuery(what, rejects)} LIMIT ${rowLimit}`));
  // Parquet and JSON cast after the read: a value that does not cast is found first, so the problem names its row or line.
  const bad = await firstBadValue(connection, request);
  if (bad) {
    const rows = await readRows({ ...request, columns: {} }).catch(() => []);
    throw badValueProblem(realRoot, bad, { columns, missingColumns, rows });
  }
  const rows = await readRows(request).catch((error: unknown) => {
    throw problemIn(wholeFile, `cannot read as ${format}: ${firstLine(error)}`, { columns, missingColumns });
  });
  if (missingColumns.length > 0) {
    const list = missingColumns.map((name) => `column "${name}"`).join(', ');
    throw problemIn(
      wholeFile,
      `${list} declared in ${definitionFile} ${missingColumns.length === 1 ? 'is' : 'are'} missing from the file (its columns: ${[...names].join(', ')})`,
      { columns, missingColumns, rows },
    );
  }
  signal.throwIfAborted();

  // Every column is counted, so every value is read and cast (a bare count(*) would skip them).
  const everyColumn = detected.map(({ name }) => `count(${quoteIdentifier(name)})`).join(', ');
  const counted = await withRejects(loader, format, async (rejects) => {
    const reader = await connection.runAndReadAll(`SELECT count(*)${everyColumn === '' ? '' : `, ${everyColumn}`} FROM (${rowsQuery(request, rejects)})`);
    const reject = format === 'csv' ? await firstCsvReject(connection, rejects) : undefined;
    return { rowCount: Number(reader.getRowsJS()[0]?.[0] ?? 0), reject };
  }).catch((error: unknown) => {
    throw problemIn(wholeFile, `cannot load: ${firstLine(error)}`, { columns, missingColumns, rows });
  });
  if (counted.reject) throw badValueProblem(realRoot, counted.reject, { columns, missingColumns, rows });
  return { format, columns, missingColumns, rows, rowCount: counted.rowCount, problem: null };
}

/** Runs a read with fresh rejects tables (a CSV read records its rejected lines there) and drops them after. */
async function withRejects<T>(loader: LoaderInstance, format: string, read: (rejects: RejectsTables) => Promise<T>): Promise<T> {
  const rejects = loader.nextRejectsTables();
  try {
    return await read(rejects);
  } finally {
    if (format === 'csv') await dropRejects(loader.connection, rejects).catch(() => undefined);
  }
}

/** The rows of `select`, JSON-safe: DuckDB's JSON conversion (dates and big integers as text), nested values as JSON text. */
async function firstRows(connection: DuckDBConnection, select: string): Promise<PreviewValue[][]> {
  const reader = await connection.runAndReadAll(select);
  return reader.getRowsJson().map((row) => row.map((value) => (value !== null && typeof value === 'object' ? JSON.stringify(value) : value)));
}

function badValueProblem(realRoot: string, bad: BadValue, partial: PreviewProblem['partial']): PreviewProblem {
  const where = bad.lineKind === 'row' && bad.line !== undefined ? `row ${bad.line}: ` : '';
  const column = bad.column ? `column "${bad.column}": ` : '';
  return new PreviewProblem(
    {
      file: relative(realRoot, bad.file),
      message: `${where}${column}${firstLine(bad.message)}`,
      ...(bad.lineKind === 'line' && bad.line !== undefined ? { line: bad.line } : {}),
      ...(bad.column ? { column: bad.column } : {}),
    },
    partial,
  );
}
