/** Bytes per unit of a memory size, as DuckDB reads them (`GB` is 1000³, `GiB` 1024³). */
const bytesPerUnit: Readonly<Record<string, number>> = {
  '': 1,
  b: 1,
  bytes: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  tb: 1e12,
  kib: 1024,
  mib: 1024 ** 2,
  gib: 1024 ** 3,
  tib: 1024 ** 4,
};

/**
 * The bytes of a memory size written as DuckDB takes it: `2GB`, `512MiB`, `8192 MiB`.
 *
 * @throws Error that says how to write one, for anything else.
 * @example
 * parseMemorySize('2GB'); // 2_000_000_000
 * parseMemorySize('512MiB'); // 536_870_912
 */
export function parseMemorySize(text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(text);
  const factor = bytesPerUnit[(match?.[2] ?? '?').toLowerCase()];
  if (match === null || factor === undefined || Number(match[1]) <= 0) {
    throw new Error(`memory limit "${text}" is not a size: write it as DuckDB does, for example 2GB or 512MiB`);
  }
  return Math.floor(Number(match[1]) * factor);
}

/**
 * DuckDB's own `memory_limit` inside an engine process bounded at
 * `processBytes`: what is left after room for Node, DuckDB's code and the
 * allocations DuckDB does not count (a quarter, at least 256 MiB, at most
 * 1 GiB), and never less than half. DuckDB then fails a query with its own
 * out-of-memory error first; the process bound ends what it does not count.
 *
 * @example
 * duckdbMemoryLimitWithin(8 * 1024 ** 3); // '7168MiB'
 */
export function duckdbMemoryLimitWithin(processBytes: number): string {
  const headroom = Math.min(Math.max(processBytes / 4, 256 * 1024 ** 2), 1024 ** 3);
  const mebibytes = Math.floor(Math.max(processBytes - headroom, processBytes / 2) / 1024 ** 2);
  return `${Math.max(mebibytes, 16)}MiB`;
}
