import { DuckDBTypeId, type DuckDBResultReader, type DuckDBValue, type JS } from '@duckdb/node-api';

/**
 * A kysely parameter as DuckDB binds it. Dates travel as ISO strings (DuckDB
 * casts them to the column's DATE or TIMESTAMP), so callers pass the same
 * values they would pass to PostgreSQL.
 */
export function toDuckDBParameter(value: unknown, index: number): DuckDBValue {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'bigint':
      return value;
    default:
      throw new TypeError(
        `Parameter $${index + 1} is a ${value.constructor.name}, which the DuckDB dialect cannot bind: ` +
          'pass a string, number, boolean, bigint, Date or null (serialise objects with JSON.stringify).',
      );
  }
}

/** A value as it leaves the database: JSON-safe, the same shape on every dialect. */
export type RowValue = string | number | boolean | null | readonly RowValue[] | { readonly [key: string]: RowValue };

/**
 * The rows of a result as plain objects that survive JSON: BIGINT (which
 * `count(*)` returns) becomes a number where that is exact and a decimal
 * string where it is not; a DATE becomes `YYYY-MM-DD` and a timestamp an ISO
 * 8601 string in UTC.
 */
export function toRowObjects(reader: DuckDBResultReader): Record<string, RowValue>[] {
  const names = reader.columnNames();
  const isDateColumn = reader.columnTypes().map((type) => type.typeId === DuckDBTypeId.DATE);
  return reader.getRowsJS().map((values) => {
    const row: Record<string, RowValue> = {};
    values.forEach((value, column) => {
      const converted = toRowValue(value);
      row[names[column] ?? `column${column}`] =
        isDateColumn[column] && typeof converted === 'string' ? converted.slice(0, 10) : converted;
    });
    return row;
  });
}

function toRowValue(value: JS): RowValue {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return value;
  }
  if (typeof value === 'bigint') {
    return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER)
      ? Number(value)
      : value.toString();
  }
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(toRowValue);
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  return Object.fromEntries(Object.entries(value).map(([key, member]) => [key, toRowValue(member)]));
}
