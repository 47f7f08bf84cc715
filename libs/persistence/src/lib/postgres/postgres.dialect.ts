import { PostgresDialect } from 'kysely';
import pg from 'pg';

/** PostgreSQL's type ids whose text `pg` would turn into values that differ from what the DuckDB dialect returns. */
const typeIds = { int8: 20, date: 1082, timestamp: 1114, timestamptz: 1184 } as const;

/**
 * Values leave PostgreSQL in the same JSON-safe shape as they leave DuckDB
 * (see `duckdb.values.ts`): a BIGINT (what `count(*)` returns) as a number
 * where that is exact, a date as `YYYY-MM-DD`, a timestamp as an ISO 8601
 * string in UTC. Per pool, so nothing else in the process is affected.
 */
const types = {
  getTypeParser(id: number, format?: 'text' | 'binary') {
    switch (id) {
      case typeIds.int8:
        return (text: string) => {
          const value = BigInt(text);
          return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : text;
        };
      case typeIds.date:
        return (text: string) => text;
      case typeIds.timestamp:
      case typeIds.timestamptz: {
        const parse = pg.types.getTypeParser(id, 'text') as (text: string) => Date;
        return (text: string) => parse(text).toISOString();
      }
      default:
        return pg.types.getTypeParser(id, format ?? 'text');
    }
  },
};

/** Where the PostgreSQL app database is. */
export interface PostgresDialectConfig {
  /** `postgres://user:password@host:port/database` */
  readonly connectionString: string;
  /** Connections in the pool; 10 when left out. */
  readonly maxConnections?: number;
}

/** Kysely's own PostgreSQL dialect over a `pg` pool that returns values as the DuckDB dialect does. */
export function createPostgresDialect(config: PostgresDialectConfig): PostgresDialect {
  const pool = new pg.Pool({ connectionString: config.connectionString, max: config.maxConnections ?? 10, types });
  // An idle connection the server ends (a restart, a failover, an administrator) is an 'error' event on the pool,
  // which would end the process without a listener. The pool has already dropped that connection; the next query opens a new one.
  pool.on('error', () => undefined);
  return new PostgresDialect({ pool });
}
