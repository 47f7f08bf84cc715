import type { SourceDefinition, SourcePreview } from '@koers/domain';
import type { ExpressionField } from '../guard/index';
import type { DescribedColumn } from '../sources/source-reader';
import type { SourceVersion } from '../sources/source-version';

/** Rows of one query as `getRowsJS()` gives them (BIGINT as `bigint`). */
export type QueryRows = unknown[][];

/** What binding one SELECT without running it tells: the type of its first column, or why it does not bind. */
export type DescribeOutcome = { readonly type: string } | { readonly error: string };

/** One expression for DuckDB's parser (the text travels only as a parameter). */
export interface ParseItem {
  readonly text: string;
  readonly field: ExpressionField;
}

/**
 * Everything the engine asks of its DuckDB: the database that holds the
 * sources and runs definitions. Two kinds: {@link LocalSandboxSession} in this
 * process, and `ProcessSandboxSession`, the same in a child process that is
 * ended past a limit or when DuckDB crashes, so the caller survives.
 *
 * The database is unlocked until the first method that runs definition text
 * ({@link parseExpressions}, {@link select}, {@link describe}); from then on it
 * is locked, and sources load through a separate, locked reader.
 */
export interface SandboxSession {
  /** The serving version of every loaded source, or of one. */
  versions(sourceId?: string): Promise<SourceVersion[]>;
  /**
   * Loads one source atomically (see `loadSource`); returns `serving` itself
   * when its files are unchanged. Throws a `SourceLoadError` that names the file.
   */
  loadSource(source: SourceDefinition, serving?: SourceVersion): Promise<SourceVersion>;
  /**
   * Reads a source's file as a load would, storing nothing: detected and
   * declared columns, the first `rowLimit` rows, the row count, the first
   * problem (see `previewSource`). Runs on a separate, locked reader, within
   * the source limits; the database itself is not touched.
   */
  previewSource(source: SourceDefinition, rowLimit: number): Promise<SourcePreview>;
  /** The columns DuckDB detects in a source's file (names and types), without reading its rows. */
  describeSource(source: SourceDefinition): Promise<DescribedColumn[]>;
  /** DuckDB's parser on each expression: null when accepted, else why not (see `checkExpressionsWithParser`). */
  parseExpressions(items: readonly ParseItem[]): Promise<(string | null)[]>;
  /** Runs exactly one SELECT, within the query time limit, planning included. */
  select(sql: string): Promise<QueryRows>;
  /** Binds each SELECT without running it, within the query time limit each; DuckDB's errors come back per statement. */
  describe(sqls: readonly string[]): Promise<DescribeOutcome[]>;
  /** Closes the database; resolves once it is closed (a database file is then free for the next opener). */
  close(): Promise<void>;
}
