import type * as DuckDB from '@duckdb/node-api';

/**
 * DuckDB's module, imported on first use: a process that only talks to the
 * engine's process (the `koers` command, the server) never loads DuckDB's
 * native library, and starts that process sooner.
 */
export function duckdbModule(): Promise<typeof DuckDB> {
  return import('@duckdb/node-api');
}
