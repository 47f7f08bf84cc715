import { DuckDBInstance } from '@duckdb/node-api';
import {
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  PostgresQueryCompiler,
  type QueryCompiler,
} from 'kysely';
import { DuckDBAdapter } from './duckdb.adapter';
import { DuckDBDriver } from './duckdb.driver';
import { DuckDBIntrospector } from './duckdb.introspector';

/** Where the DuckDB dialect keeps its data. */
export interface DuckDBDialectConfig {
  /** A database file (created when missing), or `:memory:`. */
  readonly path: string;
}

/**
 * Kysely on an embedded DuckDB database through `@duckdb/node-api`. DuckDB
 * speaks PostgreSQL's SQL closely enough (double-quoted identifiers, `$1`
 * parameters, `returning`, `on conflict`) that kysely's PostgreSQL compiler
 * serves it unchanged, which keeps queries portable to PostgreSQL.
 *
 * ```ts
 * const db = new Kysely<Database>({ dialect: new DuckDBDialect({ path: 'var/koers.duckdb' }) })
 * await db.selectFrom('programs').selectAll().execute()
 * // select * from "programs"
 * ```
 */
export class DuckDBDialect implements Dialect {
  readonly #config: DuckDBDialectConfig;

  constructor(config: DuckDBDialectConfig) {
    this.#config = config;
  }

  createDriver(): Driver {
    return new DuckDBDriver(() => DuckDBInstance.create(this.#config.path));
  }

  createQueryCompiler(): QueryCompiler {
    return new PostgresQueryCompiler();
  }

  createAdapter(): DialectAdapter {
    return new DuckDBAdapter();
  }

  createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new DuckDBIntrospector(db);
  }
}
