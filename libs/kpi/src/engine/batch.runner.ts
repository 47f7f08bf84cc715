import type { CompiledBatch } from '../compile/index';
import type { SandboxSession } from '../sandbox/sandbox-session';
import type { SourceVersion } from '../sources/source-version';
import type { Lineage } from './engine.types';

/** Rows of one compiled query as `getRowsJS()` gives them: dimension, member, period, value. */
export type ResultRows = readonly (readonly unknown[])[];

/**
 * Runs one batch (one SELECT, with the sandbox's per-query timeout) and splits
 * its rows by the leading `indicator` column. Every indicator of the batch gets
 * an entry, empty when it has no rows. Throws what DuckDB throws: the caller
 * then runs the batch's indicators one by one, so an error lands on the
 * indicator that caused it.
 */
export async function runBatch(sandbox: SandboxSession, batch: CompiledBatch): Promise<Map<string, ResultRows>> {
  const rows = await sandbox.select(batch.sql);
  const rowsOf = new Map<string, unknown[][]>(batch.indicatorIds.map((id) => [id, []]));
  for (const [indicatorId, ...row] of rows) {
    const indicatorRows = rowsOf.get(String(indicatorId));
    // A row for an indicator the batch does not list would be a compiler bug: refuse the batch rather than drop it.
    if (indicatorRows === undefined) throw new Error(`batch query returned rows for "${String(indicatorId)}", which it does not compute`);
    indicatorRows.push(row);
  }
  return rowsOf;
}

/**
 * Lineage of one indicator: the serving versions of its sources (read once per
 * computation, not per indicator), the SQL that produced its rows, and the value
 * of that SQL's `indicator` column that selects them (null for the indicator's own query).
 */
export function lineageOf(sourceIds: readonly string[], versions: readonly SourceVersion[], sql: string, indicatorColumn: string | null): Lineage {
  const sources = sourceIds.flatMap((id) => {
    const version = versions.find((candidate) => candidate.sourceId === id);
    return version
      ? [{ sourceId: id, version: version.version, fileHash: version.fileHash, rowCount: version.rowCount, loadedAt: version.loadedAt, files: version.files }]
      : [];
  });
  return { sources, sql, indicatorColumn, computedAt: new Date().toISOString() };
}
