import type { DuckDBConnection, DuckDBResult } from '@duckdb/node-api';
import type { ColumnType, SourceFormat } from '@koers/domain';
import { readFile } from 'node:fs/promises';
import { duckdbTypeOf } from './column-types';
import type { RejectsTables } from './loader-instance';
import { quoteIdentifier, quoteString, quoteStringList } from '../compile/sql-quoting';

/** A value that does not fit its declared type, and where it is. */
export interface BadValue {
  readonly file: string;
  readonly column: string;
  /** The line in the file (CSV, NDJSON) or the row (Parquet, JSON), 1-based. */
  readonly line?: number;
  readonly lineKind: 'line' | 'row';
  readonly message: string;
}

/** What to read: the real paths of the files, in order, and the declared columns. */
export interface ReadRequest {
  readonly format: SourceFormat;
  readonly files: readonly string[];
  readonly columns: Readonly<Record<string, ColumnType>>;
}

/** The table function that reads the files, with its options. */
function scanOf(request: ReadRequest, files: readonly string[], extra: readonly string[] = []): string {
  const options = [...extra];
  // CSV cannot combine union_by_name with a rejects table: its files share the
  // first file's columns (DuckDB says which file differs).
  if (files.length > 1 && request.format !== 'csv') options.push('union_by_name = true');
  const list = quoteStringList(files);
  const tail = options.length > 0 ? `, ${options.join(', ')}` : '';
  switch (request.format) {
    case 'csv':
      return `read_csv(${list}, auto_detect = true${tail})`;
    case 'parquet':
      return `read_parquet(${list}${tail})`;
    case 'json':
      return `read_json_auto(${list}${tail})`;
  }
}

/** Drops the rejects tables of a CSV read (they live as long as the loader instance). */
export async function dropRejects(connection: DuckDBConnection, rejects: RejectsTables): Promise<void> {
  await connection.run(`DROP TABLE IF EXISTS ${quoteIdentifier(rejects.table)}; DROP TABLE IF EXISTS ${quoteIdentifier(rejects.scan)}`);
}

/**
 * Lists and structs nested deeper than this are refused: no municipal data
 * needs it, and DuckDB spends minutes and gigabytes on such JSON (20,000
 * levels in a 40 KB file), or crashes.
 */
export const maxColumnNesting = 64;

/** A column as DuckDB describes a read: its name and its type (`BIGINT`, `DATE`, `STRUCT(...)`). */
export interface DescribedColumn {
  readonly name: string;
  readonly type: string;
}

/**
 * The columns DuckDB describes for `select` (a read of source files);
 * throws when a column's type is nested deeper than {@link maxColumnNesting}.
 */
export async function describeRead(connection: DuckDBConnection, select: string): Promise<DescribedColumn[]> {
  const reader = await connection.runAndReadAll(`DESCRIBE ${select}`);
  const columns = reader.getRowsJS().map(([name, type]) => ({ name: String(name), type: String(type) }));
  for (const { name, type } of columns) {
    const depth = type.split('').filter((character) => character === '[' || character === '(').length;
    if (depth > maxColumnNesting) {
      throw new Error(`column "${name}" is nested ${depth} levels deep, more than ${maxColumnNesting}: flatten the data into plain columns`);
    }
  }
  return columns;
}

/** The sniffed column names of one file; throws when a column's type is nested deeper than {@link maxColumnNesting}. */
export async function columnsOf(connection: DuckDBConnection, request: ReadRequest, file: string): Promise<string[]> {
  return (await describeRead(connection, `SELECT * FROM ${scanOf(request, [file])}`)).map(({ name }) => name);
}

/**
 * The SELECT that reads the rows of the source, declared columns in their
 * declared types. CSV reads with the declared types and `store_rejects`, so
 * DuckDB itself records every line that does not fit (see {@link firstCsvReject});
 * the other formats cast, after {@link firstBadValue} found no value that would fail.
 */
export function rowsQuery(request: ReadRequest, rejects: RejectsTables): string {
  const declared = Object.entries(request.columns);
  if (request.format === 'csv') {
    const extra = [`store_rejects = true`, `rejects_table = ${quoteString(rejects.table)}`, `rejects_scan = ${quoteString(rejects.scan)}`];
    if (declared.length > 0) {
      extra.push(`types = {${declared.map(([name, type]) => `${quoteString(name)}: ${quoteString(duckdbTypeOf[type])}`).join(', ')}}`);
    }
    return `SELECT * FROM ${scanOf(request, request.files, extra)}`;
  }
  const replace = declared.map(([name, type]) => `CAST(${quoteIdentifier(name)} AS ${duckdbTypeOf[type]}) AS ${quoteIdentifier(name)}`);
  const select = replace.length > 0 ? `* REPLACE (${replace.join(', ')})` : '*';
  return `SELECT ${select} FROM ${scanOf(request, request.files)}`;
}

/** Starts streaming the rows of {@link rowsQuery}, for copying into another database. */
export function streamRows(connection: DuckDBConnection, request: ReadRequest, rejects: RejectsTables): Promise<DuckDBResult> {
  return connection.stream(rowsQuery(request, rejects));
}

/** The first line DuckDB rejected while reading a CSV, if any. */
export async function firstCsvReject(connection: DuckDBConnection, rejects: RejectsTables): Promise<BadValue | undefined> {
  const reader = await connection.runAndReadAll(
    `SELECT s.file_path, r.line, r.column_name, r.error_message
       FROM ${quoteIdentifier(rejects.table)} r JOIN ${quoteIdentifier(rejects.scan)} s USING (scan_id, file_id)
      ORDER BY s.file_path, r.line LIMIT 1`,
  );
  const row = reader.getRowsJS()[0];
  if (!row) return undefined;
  return {
    file: String(row[0]),
    line: Number(row[1]),
    lineKind: 'line',
    column: row[2] === null ? '' : String(row[2]),
    message: String(row[3]),
  };
}

/**
 * For Parquet and JSON: the first value of a declared column that does not
 * cast to its type. Parquet reports the row; JSON the line, found in the file.
 */
export async function firstBadValue(connection: DuckDBConnection, request: ReadRequest): Promise<BadValue | undefined> {
  const declared = Object.entries(request.columns);
  if (declared.length === 0 || request.format === 'csv') return undefined;
  const isBad = ([name, type]: [string, ColumnType]) =>
    `(${quoteIdentifier(name)} IS NOT NULL AND TRY_CAST(${quoteIdentifier(name)} AS ${duckdbTypeOf[type]}) IS NULL)`;
  const whichColumn = `CASE ${declared.map((entry) => `WHEN ${isBad(entry)} THEN ${quoteString(entry[0])}`).join(' ')} END`;
  const valueOf = `CASE ${declared.map((entry) => `WHEN ${isBad(entry)} THEN CAST(${quoteIdentifier(entry[0])} AS VARCHAR)`).join(' ')} END`;
  const rowNumber = request.format === 'parquet' ? 'file_row_number' : 'NULL';
  const extra = request.format === 'parquet' ? ['filename = true', 'file_row_number = true'] : ['filename = true'];
  const reader = await connection.runAndReadAll(
    `SELECT filename, ${rowNumber}, ${whichColumn}, ${valueOf} FROM ${scanOf(request, request.files, extra)}
      WHERE ${declared.map(isBad).join(' OR ')} LIMIT 1`,
  );
  const row = reader.getRowsJS()[0];
  if (!row) return undefined;
  const [file, rowIndex, column, value] = [String(row[0]), row[1], String(row[2]), String(row[3])];
  const type = request.columns[column] ?? 'varchar';
  const message = `value ${value} does not fit type ${type}`;
  if (request.format === 'parquet') {
    return { file, column, line: Number(rowIndex) + 1, lineKind: 'row', message };
  }
  return { file, column, line: await jsonLineOf(file, column, value), lineKind: 'line', message };
}

/** The 1-based line of a JSON file on which `column` has `value` (best effort: first match). */
async function jsonLineOf(file: string, column: string, value: string): Promise<number | undefined> {
  const lines = (await readFile(file, 'utf8')).split('\n');
  const bare = value.replace(/^"(.*)"$/, '$1');
  const index = lines.findIndex((line) => line.includes(JSON.stringify(column)) && line.includes(bare));
  const fallback = lines.findIndex((line) => line.includes(bare));
  const found = index >= 0 ? index : fallback;
  return found >= 0 ? found + 1 : undefined;
}
