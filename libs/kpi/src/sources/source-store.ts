import type { DuckDBConnection, DuckDBResult } from '@duckdb/node-api';
import { quoteIdentifier, quoteString } from '../compile/sql-quoting';
import { sourceTableName, type SourceVersion } from './source-version';

const versionsTable = 'koers_source_versions';

/**
 * The sandboxed database's side of loading: a staging table filled through an
 * appender, then swapped in for the serving table in one transaction, together
 * with the version row. A load that fails before the swap drops its staging
 * table and leaves the serving version untouched.
 */
export class SourceStore {
  constructor(
    /** The sandboxed database's connection that loading runs on. */
    readonly connection: DuckDBConnection,
  ) {}

  /** Whether the database can still read files (it is not locked yet): then sources load with `CREATE TABLE AS`. */
  async canReadFiles(): Promise<boolean> {
    const reader = await this.connection.runAndReadAll(`SELECT current_setting('enable_external_access')`);
    return reader.getRowsJS()[0]?.[0] === true;
  }

  /** Creates the versions table when the database is new. */
  async prepare(): Promise<void> {
    await this.connection.run(
      `CREATE TABLE IF NOT EXISTS ${versionsTable} (
         source_id VARCHAR NOT NULL, version INTEGER NOT NULL, row_count BIGINT NOT NULL,
         file_hash VARCHAR NOT NULL, loaded_at TIMESTAMP NOT NULL, files VARCHAR[] NOT NULL,
         table_name VARCHAR NOT NULL, PRIMARY KEY (source_id, version))`,
    );
  }

  /** Streams `rows` into a fresh staging table for `sourceId`; returns the row count. */
  async stage(sourceId: string, rows: DuckDBResult): Promise<number> {
    const staging = stagingName(sourceId);
    const names = rows.columnNames();
    const types = rows.columnTypes();
    const columns = names.map((name, index) => `${quoteIdentifier(name)} ${String(types[index])}`);
    await this.connection.run(`CREATE OR REPLACE TABLE ${quoteIdentifier(staging)} (${columns.join(', ')})`);
    const appender = await this.connection.createAppender(staging);
    let rowCount = 0;
    try {
      for (let chunk = await rows.fetchChunk(); chunk !== null && chunk.rowCount > 0; chunk = await rows.fetchChunk()) {
        appender.appendDataChunk(chunk);
        rowCount += chunk.rowCount;
      }
      appender.flushSync();
    } finally {
      appender.closeSync();
    }
    return rowCount;
  }

  /**
   * Fills a fresh staging table for `sourceId` with the rows of `select`, run
   * on this connection's own database (which must still be able to read the
   * files); returns the row count and the staged column names.
   */
  async stageQuery(sourceId: string, select: string): Promise<{ rowCount: number; columns: string[] }> {
    const staging = quoteIdentifier(stagingName(sourceId));
    await this.connection.run(`CREATE OR REPLACE TABLE ${staging} AS ${select}`);
    const reader = await this.connection.runAndReadAll(`SELECT count(*) FROM ${staging}`);
    const described = await this.connection.runAndReadAll(`DESCRIBE ${staging}`);
    return { rowCount: Number(reader.getRowsJS()[0]?.[0] ?? 0), columns: described.getRowsJS().map((row) => String(row[0])) };
  }

  /** Drops a staging table left by a failed load. */
  async discard(sourceId: string): Promise<void> {
    await this.connection.run(`DROP TABLE IF EXISTS ${quoteIdentifier(stagingName(sourceId))}`);
  }

  /** Swaps the staging table in and records the version, all or nothing. */
  async swapIn(version: Omit<SourceVersion, 'version' | 'tableName'>): Promise<SourceVersion> {
    const table = sourceTableName(version.sourceId);
    await this.connection.run('BEGIN TRANSACTION');
    try {
      const next = await this.connection.runAndReadAll(
        `SELECT coalesce(max(version), 0) + 1 FROM ${versionsTable} WHERE source_id = ${quoteString(version.sourceId)}`,
      );
      const number = Number(next.getRowsJS()[0]?.[0] ?? 1);
      await this.connection.run(`DROP TABLE IF EXISTS ${quoteIdentifier(table)}`);
      await this.connection.run(`ALTER TABLE ${quoteIdentifier(stagingName(version.sourceId))} RENAME TO ${quoteIdentifier(table)}`);
      await this.connection.run(
        `INSERT INTO ${versionsTable} VALUES (${quoteString(version.sourceId)}, ${number}, ${version.rowCount},
           ${quoteString(version.fileHash)}, ${quoteString(version.loadedAt)}::TIMESTAMP,
           [${version.files.map(quoteString).join(', ')}]::VARCHAR[], ${quoteString(table)})`,
      );
      await this.connection.run('COMMIT');
      return { ...version, version: number, tableName: table };
    } catch (error) {
      await this.connection.run('ROLLBACK');
      throw error;
    }
  }

  /** The serving version of each source, or of one. */
  async currentVersions(sourceId?: string): Promise<SourceVersion[]> {
    const where = sourceId === undefined ? '' : `WHERE source_id = ${quoteString(sourceId)}`;
    const reader = await this.connection.runAndReadAll(
      `SELECT source_id, version, row_count, file_hash, strftime(loaded_at, '%Y-%m-%dT%H:%M:%S.%gZ'), files, table_name
         FROM ${versionsTable} ${where} QUALIFY version = max(version) OVER (PARTITION BY source_id) ORDER BY source_id`,
    );
    return reader.getRowsJS().map((row) => ({
      sourceId: String(row[0]),
      version: Number(row[1]),
      rowCount: Number(row[2]),
      fileHash: String(row[3]),
      loadedAt: String(row[4]),
      files: (row[5] as unknown[]).map(String),
      tableName: String(row[6]),
    }));
  }
}

function stagingName(sourceId: string): string {
  return `staging_${sourceId}`;
}
