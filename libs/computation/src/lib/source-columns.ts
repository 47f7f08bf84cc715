import type { SourceColumn } from '@koers/domain';
import type { KpiEngine, SourceVersion } from '@koers/kpi';

/**
 * The columns of each serving source table, by source id, in table order, as
 * DuckDB typed them: what the indicator editor offers to pick from. Read from
 * the sandbox's catalogue in one query; nothing of a definition runs.
 */
export async function readSourceColumns(engine: KpiEngine, versions: readonly SourceVersion[]): Promise<Record<string, SourceColumn[]>> {
  const sourceOfTable = new Map(versions.map((version) => [version.tableName, version.sourceId]));
  const columns: Record<string, SourceColumn[]> = {};
  if (sourceOfTable.size === 0) return columns;
  const rows = await engine.sandbox.select(
    "SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = 'main' ORDER BY table_name, ordinal_position",
  );
  for (const [table, name, type] of rows) {
    const sourceId = sourceOfTable.get(String(table));
    if (sourceId === undefined) continue;
    (columns[sourceId] ??= []).push({ name: String(name), type: String(type) });
  }
  return columns;
}
