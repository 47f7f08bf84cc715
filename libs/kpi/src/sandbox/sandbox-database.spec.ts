import { DuckDBInstance } from '@duckdb/node-api';
import { existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SourceStore } from '../sources/source-store';
import { loadSource } from '../sources/source-loader';
import { writeTempWorkspace } from '../sources/temp-workspace.testing';
import { QueryTimeoutError } from './query-timeout';
import { defaultMemoryLimit, SandboxDatabase } from './sandbox-database';

describe('SandboxDatabase', () => {
  let root: string;
  let outside: string;
  let database: SandboxDatabase;

  beforeEach(async () => {
    root = await writeTempWorkspace({ 'data/misdrijven.csv': 'pleegdatum,soort\n2025-01-03,inbraak\n', 'sources/misdrijven.yaml': 'title: M\n' });
    outside = await writeTempWorkspace({ 'geheim.csv': 'wachtwoord\nhunter2\n' });
    database = await SandboxDatabase.open({ queryTimeoutMs: 500, memoryLimit: '512MB', threads: 2 });
    const store = new SourceStore(await database.connect());
    await store.prepare();
    await loadSource(store, root, { id: 'misdrijven', title: 'M', path: 'data/misdrijven.csv' });
  });
  afterEach(() => database.close());

  // These go straight to the connection with run(), as if every guard had been bypassed.
  const attacks = () => {
    const target = join(tmpdir(), `koers-escape-${process.pid}-${Date.now()}.csv`);
    return {
      target,
      statements: [
        `SELECT * FROM read_csv('/etc/passwd')`,
        `SELECT * FROM read_csv('${join(outside, 'geheim.csv')}')`,
        `SELECT * FROM read_csv('${join(root, 'sources/misdrijven.yaml')}')`,
        `SELECT * FROM read_text('/etc/passwd')`,
        `SELECT * FROM glob('/etc/*')`,
        `COPY (SELECT 42) TO '${target}'`,
        `COPY source_misdrijven TO '${join(root, 'data/uit.csv')}'`,
        `ATTACH '${join(outside, 'x.duckdb')}' AS x`,
        `INSTALL httpfs`,
        `LOAD httpfs`,
        `SET enable_external_access = true`,
        `SET lock_configuration = false`,
        `SET memory_limit = '100GB'`,
      ],
    };
  };

  it('cannot read or write any file, attach, install or change its settings, even through run()', async () => {
    const { target, statements } = attacks();
    for (const sql of statements) {
      await expect(database.connection.run(sql), sql).rejects.toThrow(/disabled|locked|Permission|not allowed/i);
    }
    expect(existsSync(target)).toBe(false);
    expect(existsSync(join(root, 'data/uit.csv'))).toBe(false);
    expect(existsSync(join(outside, 'x.duckdb'))).toBe(false);
    const settings = await database.select(
      `SELECT name, value FROM duckdb_settings() WHERE name IN ('enable_external_access', 'lock_configuration', 'autoload_known_extensions', 'autoinstall_known_extensions', 'memory_limit') ORDER BY name`,
    );
    expect(settings.getRowsJS()).toEqual([
      ['autoinstall_known_extensions', 'false'],
      ['autoload_known_extensions', 'false'],
      ['enable_external_access', 'false'],
      ['lock_configuration', 'true'],
      ['memory_limit', '488.2 MiB'],
    ]);
    // The loaded data is still there to compute with.
    expect((await database.select('SELECT count(*) FROM source_misdrijven')).getRowsJS()).toEqual([[1n]]);
  });

  it('opened for loading, reads sources in place until it locks, runs no definition before, and after is as closed as ever', async () => {
    const loading = await SandboxDatabase.openForLoading({ queryTimeoutMs: 500 });
    try {
      const store = new SourceStore(await loading.connect());
      await store.prepare();
      await loadSource(store, root, { id: 'misdrijven', title: 'M', path: 'data/misdrijven.csv' });
      await expect(loading.select('SELECT 1')).rejects.toThrow('runs no definition before it is locked');
      await expect(loading.describe('SELECT 1')).rejects.toThrow('runs no definition before it is locked');
      await loading.lock();
      const { target, statements } = attacks();
      for (const sql of statements) {
        await expect(loading.connection.run(sql), sql).rejects.toThrow(/disabled|locked|Permission|not allowed/i);
      }
      expect(existsSync(target)).toBe(false);
      expect((await loading.select('SELECT count(*) FROM source_misdrijven')).getRowsJS()).toEqual([[1n]]);
      expect(await loading.describe('SELECT pleegdatum FROM source_misdrijven')).toBe('DATE');
    } finally {
      loading.close();
    }
  });

  it('in memory, writes no file at all: work past the memory limit fails rather than spill into the working folder', async () => {
    const cwd = process.cwd();
    const folder = await writeTempWorkspace({});
    process.chdir(folder);
    const small = await SandboxDatabase.open({ memoryLimit: '64MiB', threads: 1 });
    try {
      await expect(small.select(`SELECT count(*) FROM (SELECT i, repeat('x', 100) AS s FROM range(3000000) t(i) ORDER BY s, i DESC)`)).rejects.toThrow(/Out of Memory/);
      expect(readdirSync(folder)).toEqual([]);
    } finally {
      small.close();
      process.chdir(cwd);
    }
  });

  it('sets a memory limit even when none is given: half the memory, at most 8 GiB', async () => {
    expect(defaultMemoryLimit(24 * 1024 ** 3)).toBe('8192MiB');
    expect(defaultMemoryLimit(4 * 1024 ** 3)).toBe('2048MiB');
    const memoryLimitOf = async (database: SandboxDatabase) => {
      const reader = await database.select("SELECT value FROM duckdb_settings() WHERE name = 'memory_limit'");
      return String(reader.getRowsJS()[0]?.[0]);
    };
    const byDefault = await SandboxDatabase.open();
    const explicit = await SandboxDatabase.open({ memoryLimit: defaultMemoryLimit() });
    const duckdbOwn = await DuckDBInstance.create(':memory:');
    try {
      const own = (await (await duckdbOwn.connect()).runAndReadAll("SELECT current_setting('memory_limit')")).getRowsJS();
      expect(await memoryLimitOf(byDefault)).toBe(await memoryLimitOf(explicit));
      expect(await memoryLimitOf(byDefault)).not.toBe(String(own[0]?.[0]));
    } finally {
      byDefault.close();
      explicit.close();
      duckdbOwn.closeSync();
    }
  });

  it('runs exactly one SELECT and refuses anything else before it runs', async () => {
    await expect(database.select('SELECT 1; DROP TABLE source_misdrijven')).rejects.toThrow('exactly one SQL statement, found 2');
    await expect(database.select('DROP TABLE source_misdrijven')).rejects.toThrow('only a SELECT');
    await expect(database.select('CREATE TABLE x AS SELECT 1')).rejects.toThrow('only a SELECT');
    expect((await database.select('SELECT count(*) FROM source_misdrijven')).getRowsJS()).toEqual([[1n]]);
  });

  it('interrupts a query that runs past its budget with a clear error', async () => {
    const started = Date.now();
    const error = await database.select('SELECT count(*) FROM range(100000000) a, range(100000) b WHERE a.range + b.range = -1').catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(QueryTimeoutError);
    expect((error as Error).message).toMatch(/^query timed out after 500 ms/);
    expect(Date.now() - started).toBeLessThan(5_000);
    // The connection serves the next query.
    expect((await database.select('SELECT 42')).getRowsJS()).toEqual([[42]]);
  });
});
