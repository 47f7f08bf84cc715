import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { quoteStringList } from '../compile/sql-quoting';
import { duckdbModule } from '../sandbox/duckdb-module';

/** Names of the tables in which DuckDB stores the rejected lines of one CSV read. */
export interface RejectsTables {
  readonly table: string;
  readonly scan: string;
}

/**
 * What reads a workspace's source files: SQL the loader writes itself, never a
 * definition. Two kinds:
 *
 * - {@link onSandbox}: the sandboxed database itself, before it locks. Its
 *   reads land in tables with one `CREATE TABLE AS` (the fast way in: no rows
 *   cross into JavaScript). Only files whose real path lies in the workspace
 *   are named in its SQL (see `source-files.ts`).
 * - {@link open}: a short-lived DuckDB instance that may read only below the
 *   workspace root (`allowed_directories`), extensions neither installed nor
 *   loaded on demand, its configuration locked before the first read. Its rows
 *   reach the (already locked) sandboxed database through an appender; a
 *   refresh after the first computation comes in this way. One instance serves
 *   all sources of one load (opening one costs ~50–170 ms); {@link close} it when done.
 */
export class LoaderInstance {
  private reads = 0;

  private constructor(
    private readonly instance: DuckDBInstance | undefined,
    readonly connection: DuckDBConnection,
    /** The workspace root after following symlinks: the only folder this instance may read. */
    readonly realRoot: string,
  ) {}

  /** Whether reads land in tables of this connection's own database (`CREATE TABLE AS`), rather than being copied. */
  get isSandbox(): boolean {
    return this.instance === undefined;
  }

  /** Reads with `connection`, a connection of the sandboxed database before it locks; {@link close} leaves it open. */
  static onSandbox(connection: DuckDBConnection, realRoot: string): LoaderInstance {
    return new LoaderInstance(undefined, connection, realRoot);
  }

  /** Opens a locked instance that may read only below `realRoot` (already resolved with `realpath`). */
  static async open(realRoot: string): Promise<LoaderInstance> {
    const { DuckDBInstance } = await duckdbModule();
    const instance = await DuckDBInstance.create(':memory:', {
      autoinstall_known_extensions: 'false',
      autoload_known_extensions: 'false',
      threads: '2',
    });
    const connection = await instance.connect();
    try {
      const directory = realRoot.endsWith('/') ? realRoot : `${realRoot}/`;
      // allowed_directories cannot be passed at creation (the C API refuses a list),
      // and must be set before external access goes off; then everything is locked.
      await connection.run(`SET allowed_directories = ${quoteStringList([directory])}`);
      await connection.run('SET enable_external_access = false');
      await connection.run('SET lock_configuration = true');
    } catch (error) {
      connection.closeSync();
      instance.closeSync();
      throw error;
    }
    return new LoaderInstance(instance, connection, realRoot);
  }

  /**
   * Fresh names for the rejects tables of the next CSV read: DuckDB appends to
   * an existing rejects table, so reads sharing the instance must not share names.
   */
  nextRejectsTables(): RejectsTables {
    this.reads += 1;
    return { table: `koers_rejects_${this.reads}`, scan: `koers_rejects_scan_${this.reads}` };
  }

  /** Closes the connection and the instance it opened (a sandbox's connection stays open). */
  close(): void {
    if (this.instance === undefined) return;
    this.connection.closeSync();
    this.instance.closeSync();
  }
}
