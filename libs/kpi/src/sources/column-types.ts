import type { ColumnType } from '@koers/domain';

/**
 * The DuckDB type a declared column type loads as. `decimal` keeps ten places
 * after the point (DuckDB's bare DECIMAL keeps three, which would round data).
 */
export const duckdbTypeOf: Readonly<Record<ColumnType, string>> = {
  varchar: 'VARCHAR',
  integer: 'INTEGER',
  bigint: 'BIGINT',
  double: 'DOUBLE',
  decimal: 'DECIMAL(38,10)',
  boolean: 'BOOLEAN',
  date: 'DATE',
  timestamp: 'TIMESTAMP',
};
