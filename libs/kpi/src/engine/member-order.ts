import type { SandboxSession } from '../sandbox/sandbox-session';

/** DuckDB type names whose values sort as numbers, not as the text they print as. */
const numericType = /^(U?(TINY|SMALL|BIG|HUGE)?INT(EGER)?|DOUBLE|FLOAT|REAL|DECIMAL(\(.*\))?|NUMERIC(\(.*\))?)$/i;

/** Which columns of which source table are numeric: `table name → column names`. */
export type NumericColumns = ReadonlyMap<string, ReadonlySet<string>>;

/**
 * Reads the numeric columns of every table in the sandboxed database. Breakdown
 * members leave the query as text, and an analyst expects wijk code 2 before
 * 10, as `ORDER BY` on the typed column gives; this tells the result builder
 * which dimensions to order as numbers.
 */
export async function readNumericColumns(sandbox: SandboxSession): Promise<NumericColumns> {
  const rows = await sandbox.select("SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = 'main'");
  const byTable = new Map<string, Set<string>>();
  for (const [table, column, type] of rows) {
    if (!numericType.test(String(type))) continue;
    const columns = byTable.get(String(table)) ?? new Set<string>();
    columns.add(String(column));
    byTable.set(String(table), columns);
  }
  return byTable;
}

/** Orders members ascending in their column's type (numbers as numbers, text as DuckDB does), the null member last. */
export function memberComparator(isNumeric: boolean): (a: string | null, b: string | null) => number {
  return (a, b) => {
    if (a === b) return 0;
    if (a === null) return 1;
    if (b === null) return -1;
    if (isNumeric) {
      const difference = Number(a) - Number(b);
      if (difference !== 0 && !Number.isNaN(difference)) return difference;
    }
    return a < b ? -1 : a > b ? 1 : 0;
  };
}
