import type { DuckDBConnection, DuckDBMaterializedResult } from '@duckdb/node-api';

/** Raised when a query ran longer than its budget and was interrupted. */
export class QueryTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(
      `query timed out after ${timeoutMs} ms and was interrupted: simplify the measure or filter, or raise queryTimeoutMs`,
    );
    this.name = 'QueryTimeoutError';
  }
}

/**
 * Runs `work` on `connection`, interrupting the connection when it takes longer
 * than `timeoutMs`. DuckDB checks for an interrupt between vectors, so even a
 * runaway cross join stops within milliseconds of the deadline.
 */
export async function withTimeout<T>(
  connection: DuckDBConnection,
  timeoutMs: number,
  work: () => Promise<T>,
): Promise<T> {
  let isTimedOut = false;
  const timer = setTimeout(() => {
    isTimedOut = true;
    connection.interrupt();
  }, timeoutMs);
  try {
    return await work();
  } catch (error) {
    if (isTimedOut) throw new QueryTimeoutError(timeoutMs);
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/** The result type of a sandboxed query. */
export type QueryResult = DuckDBMaterializedResult;
