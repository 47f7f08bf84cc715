/**
 * How much one source may cost to load. A source past a limit is refused with
 * an error that names the file, the limit and how to raise it; the other
 * sources still load, and a previous version keeps serving.
 */
export interface SourceLimits {
  /** Bytes of all the source's files together after decompression (`.gz`, `.zst`, Parquet pages). */
  readonly maxBytes: number;
  /** Columns the source may have. */
  readonly maxColumns: number;
  /** Milliseconds loading one source may take, hashing and checks included. */
  readonly timeoutMs: number;
}

/**
 * 2 GiB, 1,000 columns, 2 minutes: far above a municipality's sources (the
 * 10-million-row benchmark source is ~0.3 GB as read), far below what takes a
 * server down.
 */
export const defaultSourceLimits: SourceLimits = { maxBytes: 2 * 1024 ** 3, maxColumns: 1_000, timeoutMs: 120_000 };

/** The limits given, each one not given (or undefined) at its default. */
export function sourceLimitsOf(given: Partial<SourceLimits> = {}): SourceLimits {
  return {
    maxBytes: given.maxBytes ?? defaultSourceLimits.maxBytes,
    maxColumns: given.maxColumns ?? defaultSourceLimits.maxColumns,
    timeoutMs: given.timeoutMs ?? defaultSourceLimits.timeoutMs,
  };
}

/** `1536` → `1.5 KiB`, `2147483648` → `2 GiB`: sizes as a reader of an error expects them. */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${Number(value.toFixed(1))} ${units[unit]}`;
}
