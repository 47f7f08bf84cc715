import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';

/** Names of the tables in which DuckDB stores the rejected lines of one CSV read. */
export interface RejectsTables {
  readonly table: string;
  readonly scan: string;
}

/**
 * A short-lived DuckDB instance that reads a workspace's source files and
 * nothing else: external access is off except for the workspace root
 * (`allowed_directories`), extensions are neither installed nor loaded on
 * demand, and the configuration is locked before the first read. It runs only
 * SQL the loader writes itself; its rows reach the sandboxed database through
 * an appender. One instance serves all sources of one `loadSources()` (opening
 * one costs ~50–170 ms); {@link close} it when done.
 */
export class LoaderInstance {
  private reads = 0;

  private constructor(
    private readonly instance: DuckDBInstance,
    readonly connection: DuckDBConnection,
    /** The workspace root after following symlinks: the only folder this instance may read. */
    readonly realRoot: string,
  ) {}

  /** Opens a locked instance that may read only below `realRoot` (already resolved with `realpath`). */
  static async open(realRoot: string): Promise<LoaderInstance> {
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
      await connection.run(`SET allowed_directories = ['${directory.replace(/'/g, "''")}']`);
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

  /** Closes the connection and the instance. */
  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}
