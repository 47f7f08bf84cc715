import type { DuckDBConnection } from '@duckdb/node-api';

/** Peak resident set size of this process so far, in bytes (`process.resourceUsage().maxRSS` is in KiB). */
export function peakRssBytes(): number {
  return process.resourceUsage().maxRSS * 1024;
}

/** What DuckDB holds right now: its buffer memory and spilled temporary storage (`duckdb_memory()`), and its limit. */
export interface DuckDbMemory {
  readonly memoryBytes: number;
  readonly temporaryBytes: number;
  readonly limit: string;
}

/** Reads {@link DuckDbMemory} through `connection`; DuckDB keeps no peak, so callers sample after each phase. */
export async function duckDbMemory(connection: DuckDBConnection): Promise<DuckDbMemory> {
  const reader = await connection.runAndReadAll(
    `SELECT sum(memory_usage_bytes), sum(temporary_storage_bytes), current_setting('memory_limit') FROM duckdb_memory()`,
  );
  const [memory, temporary, limit] = reader.getRowsJS()[0] ?? [0, 0, '?'];
  return { memoryBytes: Number(memory), temporaryBytes: Number(temporary), limit: String(limit) };
}

/** Bytes in MiB or GiB, e.g. `812 MiB`, `1.52 GiB`. */
export function bytes(count: number): string {
  return count >= 1024 ** 3 ? `${(count / 1024 ** 3).toFixed(2)} GiB` : `${Math.round(count / 1024 ** 2)} MiB`;
}
