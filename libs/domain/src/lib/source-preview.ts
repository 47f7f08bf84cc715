import type { ColumnType, SourceFormat } from './source.schema';

/** One value of a preview row, JSON-safe: dates and large integers as text, nested values as JSON text. */
export type PreviewValue = string | number | boolean | null;

/** Why a source file does not load, and where: the file, and the line and column where there are. */
export interface SourceProblem {
  /** The file to open: workspace-relative, or the uploaded file's name as Koers shows it. */
  readonly file: string;
  readonly message: string;
  /** The line in the file (CSV, NDJSON) or the row (Parquet), 1-based, where there is one. */
  readonly line?: number;
  /** The column the problem is in, where there is one. */
  readonly column?: string;
}

/** A column of a source file: what DuckDB detected, what fits the workspace format, and what the source declares. */
export interface PreviewColumn {
  readonly name: string;
  /** DuckDB's type as detected in the file (`BIGINT`, `DATE`, `VARCHAR`, ...), before declared types apply. */
  readonly detectedType: string;
  /** The workspace format's type closest to the detected one: what a new source would declare. */
  readonly suggestedType: ColumnType;
  /** The type the source declares for this column; null when it declares none. */
  readonly declaredType: ColumnType | null;
}

/**
 * What a file would load as, read before it serves: the detected columns
 * against the declared ones, the first rows (with the declared types
 * applied), the row count, and the first problem (a value that does not fit
 * its type, a declared column that is missing, a limit passed). A file with a
 * problem does not load.
 */
export interface SourcePreview {
  readonly format: SourceFormat;
  readonly columns: readonly PreviewColumn[];
  /** Columns the source declares that the file does not have. */
  readonly missingColumns: readonly string[];
  readonly rows: readonly (readonly PreviewValue[])[];
  /** Rows the file loads as; null when it does not load. */
  readonly rowCount: number | null;
  readonly problem: SourceProblem | null;
}

/**
 * The workspace format's column type for a DuckDB type: integers up to 32
 * bits `integer`, wider ones `bigint`, floating point `double`, decimals
 * `decimal`, `date`, timestamps `timestamp`, `boolean`; anything else `varchar`.
 *
 * @example
 * suggestColumnType('BIGINT'); // 'bigint'
 * suggestColumnType('DECIMAL(18,3)'); // 'decimal'
 * suggestColumnType('STRUCT(a INTEGER)'); // 'varchar'
 */
export function suggestColumnType(duckdbType: string): ColumnType {
  const type = duckdbType.trim().toUpperCase();
  if (['TINYINT', 'SMALLINT', 'INTEGER', 'UTINYINT', 'USMALLINT'].includes(type)) return 'integer';
  if (['BIGINT', 'UINTEGER', 'UBIGINT', 'HUGEINT'].includes(type)) return 'bigint';
  if (['FLOAT', 'DOUBLE', 'REAL'].includes(type)) return 'double';
  if (type.startsWith('DECIMAL') || type.startsWith('NUMERIC')) return 'decimal';
  if (type === 'BOOLEAN') return 'boolean';
  if (type === 'DATE') return 'date';
  if (type.startsWith('TIMESTAMP')) return 'timestamp';
  return 'varchar';
}
