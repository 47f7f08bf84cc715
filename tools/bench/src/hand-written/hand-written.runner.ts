import type { DuckDBConnection } from '@duckdb/node-api';
import type { IndicatorDefinition } from '@koers/domain';
import { type IndicatorValues, valueKey } from '../indicator-values';
import { type HandWrittenStyle, handWrittenSql } from './hand-written.sql';

/**
 * Runs the hand-written query of every indicator, one after the other, on
 * `connection`, and reads every row into JavaScript (as the engine does with
 * its results), so the two sides do the same work end to end.
 */
export async function runHandWritten(
  connection: DuckDBConnection,
  indicators: readonly IndicatorDefinition[],
  style: HandWrittenStyle = 'per-part',
): Promise<Map<string, IndicatorValues>> {
  const results = new Map<string, IndicatorValues>();
  for (const indicator of indicators) {
    results.set(indicator.id, await runRows(connection, handWrittenSql(indicator, style)));
  }
  return results;
}

/** Runs one query returning `dimension`, `member`, `period`, `value` and keys its rows. */
export async function runRows(connection: DuckDBConnection, sql: string): Promise<IndicatorValues> {
  const reader = await connection.runAndReadAll(sql);
  const values: IndicatorValues = new Map();
  for (const [dimension, member, period, value] of reader.getRowsJS()) {
    const key = valueKey(
      dimension === null ? null : String(dimension),
      member === null ? null : String(member),
      String(period),
    );
    values.set(key, value === null ? null : Number(value));
  }
  return values;
}
