import type { DuckDBConnection, DuckDBInstance, DuckDBResultReader } from '@duckdb/node-api';
import { totalmem } from 'node:os';
import { quoteString } from '../compile/sql-quoting';
import { duckdbModule } from './duckdb-module';
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
  /**
   * Where DuckDB may spill work larger than its memory limit. Default: beside a
   * database file (DuckDB's own `<file>.tmp`); for `:memory:` nowhere, so an
   * in-memory database writes no file at all (work past the limit fails with
   * DuckDB's out-of-memory error instead of spilling into the working folder).
   */
  readonly temporaryDirectory?: string;
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
 * Locked, it runs with `enable_external_access=false` and
 * `lock_configuration=true`, so no statement run on it, whatever passed the
 * guard, can read or write a file, attach a database, install or load an
 * extension, or change a setting back (defence in depth after CVE-2024-9264).
 * {@link open} locks it at once; {@link openForLoading} leaves it open for the
 * loader's own `CREATE TABLE AS` reads of the source files (the fast way in),
 * and {@link lock} must run before any definition does.
 */
export class SandboxDatabase {
  private isLockedNow = false;

  private constructor(
    private readonly instance: DuckDBInstance,
    /** The connection that runs definitions; never hand it unvalidated text through `run()`. */
    readonly connection: DuckDBConnection,
    readonly queryTimeoutMs: number,
  ) {}

  /** Opens (or creates) the database with external access off and the configuration locked. */
  static async open(options: SandboxOptions = {}): Promise<SandboxDatabase> {
    const database = await SandboxDatabase.openForLoading(options);
    await database.lock();
    return database;
  }

  /**
   * Opens (or creates) the database still unlocked, for loading sources with
   * SQL the loader writes itself; extensions are never installed or loaded on
   * demand, and the memory limit holds from the first moment. Call
   * {@link lock} before anything of a definition runs.
   */
  static async openForLoading(options: SandboxOptions = {}): Promise<SandboxDatabase> {
    const config: Record<string, string> = {
      autoinstall_known_extensions: 'false',
      autoload_known_extensions: 'false',
      memory_limit: options.memoryLimit ?? defaultMemoryLimit(),
    };
    if (options.threads !== undefined) config['threads'] = String(options.threads);
    const path = options.databasePath ?? ':memory:';
    let instance: DuckDBInstance;
    try {
      instance = await createWhenFree(path, config);
    } catch (error) {
      throw new Error(`cannot open the DuckDB database ${path} (memory_limit ${config['memory_limit']}, threads ${options.threads ?? 'default'}): ${messageOf(error)}`);
    }
    const connection = await instance.connect();
    const temporaryDirectory = options.temporaryDirectory ?? (path === ':memory:' ? '' : undefined);
    try {
      // The C API refuses an empty temp_directory at creation; before the lock, SET takes it.
      if (temporaryDirectory !== undefined) await connection.run(`SET temp_directory = ${quoteString(temporaryDirectory)}`);
    } catch (error) {
      connection.closeSync();
      instance.closeSync();
      throw error;
    }
    return new SandboxDatabase(instance, connection, options.queryTimeoutMs ?? defaultQueryTimeoutMs);
  }

  /** Whether {@link lock} has run: no file can be read or written any more, and no setting changed. */
  get isLocked(): boolean {
    return this.isLockedNow;
  }

  /** Turns external access off and locks the configuration; from here on no file is reachable. Idempotent. */
  async lock(): Promise<void> {
    if (this.isLockedNow) return;
    await this.connection.run('SET enable_external_access = false');
    await this.connection.run('SET lock_configuration = true');
    this.isLockedNow = true;
  }

  /** A further connection to the same database (for loading, which must not wait on a running query). */
  connect(): Promise<DuckDBConnection> {
    return this.instance.connect();
  }

  /**
   * Runs exactly one SELECT statement, with the per-query timeout over planning
   * and running alike. More than one statement, or anything but a SELECT, is
   * refused before it runs: `run()` would execute every statement in the string.
   * Refused, too, before {@link lock}.
   */
  async select(sql: string, connection: DuckDBConnection = this.connection): Promise<DuckDBResultReader> {
    this.refuseUnlocked();
    return withTimeout(connection, this.queryTimeoutMs, async () => {
      const prepared = await prepareSingleSelect(connection, sql);
      try {
        return await prepared.runAndReadAll();
      } finally {
        prepared.destroySync();
      }
    });
  }

  /** Binds a SELECT without running it (within the per-query timeout): reports unknown columns, tables and type errors. */
  async bind(sql: string, connection: DuckDBConnection = this.connection): Promise<void> {
    await this.describe(sql, connection);
  }

  /** Binds a SELECT without running it and returns the type of its first column (`DATE`, `VARCHAR`, ...). */
  async describe(sql: string, connection: DuckDBConnection = this.connection): Promise<string> {
    this.refuseUnlocked();
    const { DuckDBTypeId } = await duckdbModule();
    return withTimeout(connection, this.queryTimeoutMs, async () => {
      const prepared = await prepareSingleSelect(connection, sql);
      try {
        return DuckDBTypeId[prepared.columnTypeId(0)] ?? 'UNKNOWN';
      } finally {
        prepared.destroySync();
      }
    });
  }

  private refuseUnlocked(): void {
    if (!this.isLockedNow) throw new Error('refused: the sandboxed database runs no definition before it is locked');
  }

  /** Closes the connection and the database. */
  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}

/** How long an opener waits for a database file that another process is still closing. */
const fileLockWaitMs = 10_000;

/**
 * Creates the instance; while another process still holds the database file
 * (an engine's process that is closing it), waits for it, up to 10 s.
 */
async function createWhenFree(path: string, config: Record<string, string>): Promise<DuckDBInstance> {
  const { DuckDBInstance } = await duckdbModule();
  const started = Date.now();
  for (;;) {
    try {
      return await DuckDBInstance.create(path, config);
    } catch (error) {
      if (!/Could not set lock on file/.test(messageOf(error)) || Date.now() - started > fileLockWaitMs) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** Prepares `sql` if, and only if, it is one SELECT statement. */
export async function prepareSingleSelect(connection: DuckDBConnection, sql: string) {
  const statements = await connection.extractStatements(sql);
  if (statements.count !== 1) {
    throw new Error(`refused: expected exactly one SQL statement, found ${statements.count}`);
  }
  const prepared = await statements.prepare(0);
  const { StatementType } = await duckdbModule();
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
