import { type DuckDBConnection, DuckDBInstance, StatementType, type DuckDBResultReader } from '@duckdb/node-api';
import { totalmem } from 'node:os';
import { withTimeout } from './query-timeout';

/** How the sandboxed database is opened. */
export interface SandboxOptions {
  /** A DuckDB file, or `:memory:` (the default). */
  readonly databasePath?: string;
  /** DuckDB `memory_limit`, for example `2GB` (default: {@link defaultMemoryLimit}). */
  readonly memoryLimit?: string;
  /** DuckDB `threads` (default: DuckDB's own, the number of cores). */
  readonly threads?: number;
  /** Every definition query is interrupted after this many milliseconds (default 30 000). */
  readonly queryTimeoutMs?: number;
}

/**
 * Half the machine's memory, at most 8 GiB: enough for tens of millions of rows
 * (DuckDB spills larger work to disk), and the server beside it keeps room.
 */
export function defaultMemoryLimit(totalBytes: number = totalmem()): string {
  const mebibytes = Math.min(Math.floor(totalBytes / 2 / 1024 ** 2), 8 * 1024);
  return `${Math.max(mebibytes, 256)}MiB`;
}

/** The default per-query budget: generous for 10 million rows on two cores. */
export const defaultQueryTimeoutMs = 30_000;

/**
 * The database that holds the loaded sources and runs indicator definitions.
 *
 * It is opened with `enable_external_access=false` and `lock_configuration=true`
 * from the very first moment, so no statement run on it, whatever passed the
 * guard, can read or write a file, attach a database, install or load an
 * extension, or change a setting back (defence in depth after CVE-2024-9264).
 * Sources reach it through {@link appendDataChunk}-style appenders fed by a
 * separate loader instance (see `sources/`), never through a file path.
 */
export class SandboxDatabase {
  private constructor(
    private readonly instance: DuckDBInstance,
    /** The connection that runs definitions; never hand it unvalidated text through `run()`. */
    readonly connection: DuckDBConnection,
    readonly queryTimeoutMs: number,
  ) {}

  /** Opens (or creates) the database with external access off and the configuration locked. */
  static async open(options: SandboxOptions = {}): Promise<SandboxDatabase> {
    const config: Record<string, string> = {
      enable_external_access: 'false',
      autoinstall_known_extensions: 'false',
      autoload_known_extensions: 'false',
      lock_configuration: 'true',
    };
    config['memory_limit'] = options.memoryLimit ?? defaultMemoryLimit();
    if (options.threads !== undefined) config['threads'] = String(options.threads);
    let instance: DuckDBInstance;
    try {
      instance = await DuckDBInstance.create(options.databasePath ?? ':memory:', config);
    } catch (error) {
      throw new Error(
        `cannot open the DuckDB database ${options.databasePath ?? ':memory:'} (memory_limit ${config['memory_limit']}, threads ${options.threads ?? 'default'}): ${messageOf(error)}`,
      );
    }
    const connection = await instance.connect();
    return new SandboxDatabase(instance, connection, options.queryTimeoutMs ?? defaultQueryTimeoutMs);
  }

  /** A further connection to the same database (for loading, which must not wait on a running query). */
  connect(): Promise<DuckDBConnection> {
    return this.instance.connect();
  }

  /**
   * Runs exactly one SELECT statement, with the per-query timeout. More than one
   * statement, or anything but a SELECT, is refused before it runs: `run()` would
   * execute every statement in the string.
   */
  async select(sql: string, connection: DuckDBConnection = this.connection): Promise<DuckDBResultReader> {
    const prepared = await prepareSingleSelect(connection, sql);
    try {
      return await withTimeout(connection, this.queryTimeoutMs, () => prepared.runAndReadAll());
    } finally {
      prepared.destroySync();
    }
  }

  /** Binds a SELECT without running it: reports unknown columns, tables and type errors. */
  async bind(sql: string, connection: DuckDBConnection = this.connection): Promise<void> {
    const prepared = await prepareSingleSelect(connection, sql);
    prepared.destroySync();
  }

  /** Closes the connection and the database. */
  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}

/** Prepares `sql` if, and only if, it is one SELECT statement. */
export async function prepareSingleSelect(connection: DuckDBConnection, sql: string) {
  const statements = await connection.extractStatements(sql);
  if (statements.count !== 1) {
    throw new Error(`refused: expected exactly one SQL statement, found ${statements.count}`);
  }
  const prepared = await statements.prepare(0);
  if (prepared.statementType !== StatementType.SELECT) {
    prepared.destroySync();
    throw new Error('refused: only a SELECT statement may run on the definitions connection');
  }
  return prepared;
}

/** The message of anything thrown. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
