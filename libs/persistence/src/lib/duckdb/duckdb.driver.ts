import { type DuckDBConnection, type DuckDBInstance, type DuckDBValue, ResultReturnType } from '@duckdb/node-api';
import { CompiledQuery, type DatabaseConnection, type Driver, type QueryResult } from 'kysely';
import { toDuckDBParameter, toRowObjects } from './duckdb.values';
import { isWrite, WriteGate } from './write-gate';

/**
 * Kysely's driver for one DuckDB database: a small pool of connections to one
 * instance. Connections are in-process and cheap, so the pool creates one
 * whenever none is idle instead of making callers wait; idle ones are reused.
 * Transactions, and writes outside them, take turns ({@link WriteGate}); reads
 * outside a transaction run at once.
 */
export class DuckDBDriver implements Driver {
  readonly #openInstance: () => Promise<DuckDBInstance>;
  #instance: DuckDBInstance | undefined;
  readonly #idle: DuckDBKyselyConnection[] = [];
  readonly #gate = new WriteGate();

  constructor(openInstance: () => Promise<DuckDBInstance>) {
    this.#openInstance = openInstance;
  }

  async init(): Promise<void> {
    this.#instance = await this.#openInstance();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const idle = this.#idle.pop();
    if (idle) return idle;
    if (!this.#instance) throw new Error('The DuckDB driver is closed (or was never initialised): open the database again.');
    return new DuckDBKyselyConnection(await this.#instance.connect(), this.#gate);
  }

  // DuckDB transactions are always snapshot-isolated, so the isolation level
  // a caller asks for (read committed, repeatable read) is met or exceeded.
  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    const duckdbConnection = connection as DuckDBKyselyConnection;
    duckdbConnection.leaveGate = await this.#gate.enter();
    try {
      await connection.executeQuery(CompiledQuery.raw('begin transaction'));
    } catch (error) {
      duckdbConnection.openGate();
      throw error;
    }
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    try {
      await connection.executeQuery(CompiledQuery.raw('commit'));
    } finally {
      (connection as DuckDBKyselyConnection).openGate();
    }
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    try {
      await connection.executeQuery(CompiledQuery.raw('rollback'));
    } catch (error) {
      // A connection whose transaction state is unknown must not serve the next caller.
      (connection as DuckDBKyselyConnection).close();
      throw error;
    } finally {
      (connection as DuckDBKyselyConnection).openGate();
    }
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    const duckdbConnection = connection as DuckDBKyselyConnection;
    if (duckdbConnection.isOpen) this.#idle.push(duckdbConnection);
  }

  async destroy(): Promise<void> {
    for (const connection of this.#idle.splice(0)) connection.close();
    // Closing the instance checkpoints the write-ahead log into the file.
    this.#instance?.closeSync();
    this.#instance = undefined;
  }
}

/** One DuckDB connection as kysely sees it. */
class DuckDBKyselyConnection implements DatabaseConnection {
  readonly #connection: DuckDBConnection;
  readonly #gate: WriteGate;
  #isOpen = true;
  /** Set while this connection's transaction holds the gate. */
  leaveGate: (() => void) | undefined;

  constructor(connection: DuckDBConnection, gate: WriteGate) {
    this.#connection = connection;
    this.#gate = gate;
  }

  /** Lets the next writer in, once this connection's transaction has ended. */
  openGate(): void {
    this.leaveGate?.();
    this.leaveGate = undefined;
  }

  async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    // A write outside a transaction takes its turn too; inside one, the transaction holds the gate already.
    if (this.leaveGate === undefined && isWrite(compiledQuery.sql)) {
      const leave = await this.#gate.enter();
      try {
        return await this.#run<R>(compiledQuery);
      } finally {
        leave();
      }
    }
    return this.#run<R>(compiledQuery);
  }

  async #run<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    const parameters: DuckDBValue[] = compiledQuery.parameters.map(toDuckDBParameter);
    const reader = await this.#connection.runAndReadAll(compiledQuery.sql, parameters);
    if (reader.returnType === ResultReturnType.CHANGED_ROWS) {
      // INSERT, UPDATE and DELETE without RETURNING answer one "Count" row; kysely wants the count.
      return { rows: [], numAffectedRows: BigInt(reader.rowsChanged) };
    }
    return { rows: toRowObjects(reader) as R[] };
  }

  // eslint-disable-next-line require-yield -- kysely asks every connection for a stream; DuckDB results here are read whole.
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('Streaming is not supported by the DuckDB dialect of @koers/persistence: use execute() instead.');
  }

  get isOpen(): boolean {
    return this.#isOpen;
  }

  close(): void {
    this.#isOpen = false;
    this.#connection.closeSync();
  }
}
