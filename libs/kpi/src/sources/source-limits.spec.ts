import { DuckDBInstance } from '@duckdb/node-api';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SandboxDatabase } from '../sandbox/sandbox-database';
import { SourceLoadError } from './source-load.error';
import { defaultSourceLimits, formatBytes, sourceLimitsOf, type SourceLimits } from './source-limits';
import { loadSource } from './source-loader';
import { SourceStore } from './source-store';
import { writeTempWorkspace } from './temp-workspace.testing';

/** A gzip file of `members` copies of one compressed member: `members` × `text` bytes once inflated, a few KiB on disk. */
function gzipBomb(text: string, members: number): Buffer {
  const member = gzipSync(text);
  return Buffer.concat(Array.from({ length: members }, () => member));
}

const line = `2025-01-01,${'a'.repeat(1000)}\n`;
const mebibyteOfLines = `pleegdatum,soort\n${line.repeat(1024)}`;

describe('source limits', () => {
  let database: SandboxDatabase;
  let store: SourceStore;

  beforeEach(async () => {
    database = await SandboxDatabase.openForLoading();
    store = new SourceStore(await database.connect());
    await store.prepare();
  });
  afterEach(() => database.close());

  async function failure(root: string, path: string, limits: Partial<SourceLimits>): Promise<SourceLoadError> {
    const error = await loadSource(store, root, { id: 'bron', title: 'Bron', path, file: 'sources/bron.yaml' }, { limits: sourceLimitsOf(limits) }).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(SourceLoadError);
    return error as SourceLoadError;
  }

  it('has defaults, each replaced only where given', () => {
    expect(sourceLimitsOf()).toEqual(defaultSourceLimits);
    expect(sourceLimitsOf({ maxColumns: 3, timeoutMs: undefined })).toEqual({ ...defaultSourceLimits, maxColumns: 3 });
    expect(formatBytes(2 * 1024 ** 3)).toBe('2 GiB');
    expect(formatBytes(1536)).toBe('1.5 KiB');
  });

  it('refuses a gzip bomb by its size after decompression, having inflated no more than the limit', async () => {
    const bomb = gzipBomb(mebibyteOfLines, 512); // 512 MiB inflated, ~1 MiB on disk
    const root = await writeTempWorkspace({ 'data/bom.csv.gz': bomb });
    const started = Date.now();
    const error = await failure(root, 'data/bom.csv.gz', { maxBytes: 4 * 1024 ** 2 });
    expect(error.file).toBe('data/bom.csv.gz');
    expect(error.message).toMatch(/more than 4 MiB after decompression, the limit for one source/);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await store.currentVersions()).toEqual([]);
  });

  it('counts plain files by their size and Parquet by its pages uncompressed', async () => {
    const root = await writeTempWorkspace({ 'data/groot.csv': mebibyteOfLines });
    expect((await failure(root, 'data/groot.csv', { maxBytes: 512 * 1024 })).file).toBe('data/groot.csv');
    const writer = await (await DuckDBInstance.create(':memory:')).connect();
    await writer.run(`COPY (SELECT i, repeat(md5(i::VARCHAR), 30) AS tekst FROM range(2000) t(i)) TO '${join(root, 'data/groot.parquet')}'`);
    writer.closeSync();
    const parquet = await failure(root, 'data/groot.parquet', { maxBytes: 256 * 1024 });
    expect(parquet).toMatchObject({ file: 'data/groot.parquet', message: expect.stringContaining('more than 256 KiB after decompression') });
    const loaded = await loadSource(store, root, { id: 'bron', title: 'Bron', path: 'data/groot.parquet' }, { limits: sourceLimitsOf({ maxBytes: 64 * 1024 ** 2 }) });
    expect(loaded.rowCount).toBe(2000);
  });

  it('refuses more columns than the limit, naming the file, in CSV and JSON alike', async () => {
    const root = await writeTempWorkspace({
      'data/breed.csv': 'a,b,c,d,e\n1,2,3,4,5\n',
      'data/breed.ndjson': '{"a":1,"b":2,"c":3,"d":4,"e":5}\n',
    });
    for (const path of ['data/breed.csv', 'data/breed.ndjson']) {
      const error = await failure(root, path, { maxColumns: 4 });
      expect(error.file).toBe(path);
      expect(error.message).toContain('the file has 5 columns, more than 4, the limit for one source');
    }
  });

  it('refuses JSON nested deeper than any municipal data needs, before DuckDB spends minutes on it', async () => {
    const root = await writeTempWorkspace({ 'data/diep.json': `${'['.repeat(20_000)}${']'.repeat(20_000)}\n` });
    const started = Date.now();
    const error = await failure(root, 'data/diep.json', {});
    expect(error).toMatchObject({ file: 'data/diep.json', message: expect.stringMatching(/nested \d+ levels deep, more than 64/) });
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('stops a load that takes longer than its time limit, and the previous version serves on', async () => {
    const root = await writeTempWorkspace({ 'data/bom.csv.gz': gzipBomb(mebibyteOfLines, 1) });
    const first = await loadSource(store, root, { id: 'bron', title: 'Bron', path: 'data/bom.csv.gz' });
    // 1 GiB once inflated: counting it alone takes longer than 200 ms.
    await writeFile(join(root, 'data/bom.csv.gz'), gzipBomb(mebibyteOfLines, 1024));
    const error = await failure(root, 'data/bom.csv.gz', { timeoutMs: 200, maxBytes: 4 * 1024 ** 3 });
    expect(error.file).toBe('data/bom.csv.gz');
    expect(error.message).toMatch(/^loading took longer than 200 ms, the limit for one source, and was stopped/);
    expect(await store.currentVersions()).toEqual([first]);
  });
});
