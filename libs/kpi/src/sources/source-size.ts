import type { DuckDBConnection } from '@duckdb/node-api';
import type { SourceFormat } from '@koers/domain';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Transform } from 'node:stream';
import * as zlib from 'node:zlib';
import { quoteStringList } from '../compile/sql-quoting';

const readBytes = 1024 ** 2;

/**
 * The file at which the source's size after decompression passes
 * `maxBytes`, counting file by file in order; undefined when the whole source
 * stays within it. A `.gz` file is inflated and counted (stopping as soon as
 * the count passes the limit, so a gzip bomb costs only the limit); `.zst`
 * likewise where this Node has zstd (22.15 and later; before that its size is
 * bounded only by the load's time and the engine's memory); a Parquet file
 * counts the uncompressed size of its pages from its footer; any other file
 * its size on disk.
 */
export async function findOversizedFile(
  connection: DuckDBConnection,
  format: SourceFormat,
  files: readonly string[],
  maxBytes: number,
  signal?: AbortSignal,
): Promise<string | undefined> {
  let total = 0;
  for (const file of files) {
    total += await sizeOf(connection, format, file, maxBytes - total + 1, signal);
    if (total > maxBytes) return file;
  }
  return undefined;
}

async function sizeOf(connection: DuckDBConnection, format: SourceFormat, file: string, budget: number, signal?: AbortSignal): Promise<number> {
  const name = file.toLowerCase();
  if (name.endsWith('.gz')) return inflatedBytes(file, zlib.createGunzip(), budget, signal);
  if (name.endsWith('.zst')) {
    const zstd = zstdDecompressor();
    if (zstd !== undefined) return inflatedBytes(file, zstd, budget, signal);
  }
  if (format === 'parquet') {
    const reader = await connection.runAndReadAll(`SELECT coalesce(sum(total_uncompressed_size), 0) FROM parquet_metadata(${quoteStringList([file])})`);
    return Number(reader.getRowsJS()[0]?.[0] ?? 0);
  }
  return (await stat(file)).size;
}

/** Counts the bytes `decompressor` makes of `file`, stopping once past `budget`. */
async function inflatedBytes(file: string, decompressor: Transform, budget: number, signal?: AbortSignal): Promise<number> {
  const compressed = createReadStream(file, { highWaterMark: readBytes, ...(signal && { signal }) });
  compressed.on('error', (error) => decompressor.destroy(error));
  const inflated = compressed.pipe(decompressor);
  let total = 0;
  try {
    for await (const chunk of inflated) {
      total += (chunk as Buffer).length;
      if (total > budget) break;
    }
  } finally {
    compressed.destroy();
    inflated.destroy();
  }
  return total;
}

/** Node's zstd decompressor where this Node has one (22.15 and later), else undefined. */
function zstdDecompressor(): Transform | undefined {
  const create = (zlib as unknown as Record<string, unknown>)['createZstdDecompress'];
  return typeof create === 'function' ? (create as () => Transform)() : undefined;
}
