import type { SourceDefinition } from '@koers/domain';
import { createHash } from 'node:crypto';
import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SandboxDatabase } from '../sandbox/sandbox-database';
import { SourceLoadError } from './source-load.error';
import { loadSource, openLoader } from './source-loader';
import { SourceStore } from './source-store';
import { writeTempWorkspace } from './temp-workspace.testing';

const misdrijven = 'pleegdatum,soort,wijk\n2025-01-03,winkeldiefstal,Centrum\n2025-02-10,inbraak,Noord\n2025-04-01,winkeldiefstal,\n';

function source(overrides: Partial<SourceDefinition> & { path: string }): SourceDefinition {
  return { id: 'misdrijven', title: 'Misdrijven', file: 'sources/misdrijven.yaml', ...overrides };
}

async function failureOf(promise: Promise<unknown>): Promise<SourceLoadError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(SourceLoadError);
  return error as SourceLoadError;
}

// Into an unlocked database, sources load with CREATE TABLE AS in the database itself (before the
// first definition runs); into a locked one, a locked loader instance reads them and an appender copies.
describe.each([
  ['unlocked, CREATE TABLE AS', SandboxDatabase.openForLoading],
  ['locked, copied through an appender', SandboxDatabase.open],
] as const)('loadSource (%s)', (_, openDatabase) => {
  let database: SandboxDatabase;
  let store: SourceStore;

  beforeEach(async () => {
    database = await openDatabase();
    store = new SourceStore(await database.connect());
    await store.prepare();
  });
  afterEach(() => database.close());

  // Read beside the definitions' connection, which runs nothing before the lock.
  async function rows(sql: string) {
    const connection = await database.connect();
    try {
      return (await connection.runAndReadAll(sql)).getRowsJS();
    } finally {
      connection.closeSync();
    }
  }

  it('loads a CSV with sniffed types and records the version, rows, hash and files', async () => {
    const root = await writeTempWorkspace({ 'data/misdrijven.csv': misdrijven });
    const version = await loadSource(store, root, source({ path: 'data/misdrijven.csv' }));
    expect(version).toMatchObject({ sourceId: 'misdrijven', version: 1, rowCount: 3, files: ['data/misdrijven.csv'] });
    expect(version.fileHash).toBe(createHash('sha256').update(misdrijven).digest('hex'));
    expect(Date.parse(version.loadedAt)).not.toBeNaN();
    expect(await rows(`SELECT typeof(pleegdatum), count(*) FROM "source_misdrijven" GROUP BY 1`)).toEqual([['DATE', 3n]]);
    expect(await store.currentVersions('misdrijven')).toEqual([version]);
  });

  it('loads Parquet and NDJSON', async () => {
    const root = await writeTempWorkspace({
      'data/a.ndjson': '{"peildatum":"2025-01-01","wijk":"Centrum","inwoners":1000}\n{"peildatum":"2025-01-01","wijk":"Noord","inwoners":500}\n',
    });
    await loadSource(store, root, { id: 'bevolking', title: 'B', path: 'data/a.ndjson', format: 'json' });
    expect(await rows('SELECT sum(inwoners) FROM source_bevolking')).toEqual([[1500n]]);
    // Parquet written by DuckDB itself (the sandbox cannot write files, a plain instance can).
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const writer = await (await DuckDBInstance.create(':memory:')).connect();
    await writer.run(`COPY (SELECT DATE '2025-01-01' + i::INTEGER AS d, i AS n FROM range(10) t(i)) TO '${join(root, 'data/p.parquet')}'`);
    writer.closeSync();
    const version = await loadSource(store, root, { id: 'p', title: 'P', path: 'data/p.parquet' });
    expect(version.rowCount).toBe(10);
    expect(await rows('SELECT sum(n), max(d)::VARCHAR FROM source_p')).toEqual([[45n, '2025-01-10']]);
  });

  it('reads every file a glob matches, in order, and hashes them in that order', async () => {
    const root = await writeTempWorkspace({
      'data/m-2025-02.csv': 'pleegdatum,soort\n2025-02-01,inbraak\n',
      'data/m-2025-01.csv': 'pleegdatum,soort\n2025-01-01,inbraak\n2025-01-02,inbraak\n',
      'data/other.csv': 'x\n1\n',
    });
    const version = await loadSource(store, root, source({ path: 'data/m-*.csv' }));
    expect(version.files).toEqual(['data/m-2025-01.csv', 'data/m-2025-02.csv']);
    expect(version.rowCount).toBe(3);
    const bytes = await Promise.all(version.files.map((file) => readFile(join(root, file))));
    expect(version.fileHash).toBe(createHash('sha256').update(Buffer.concat(bytes)).digest('hex'));
  });

  it('says which pattern matched nothing, and which file is missing', async () => {
    const root = await writeTempWorkspace({ 'data/x.csv': 'a\n1\n' });
    const glob = await failureOf(loadSource(store, root, source({ path: 'data/m-*.csv' })));
    expect(glob.message).toContain('no file matches the pattern "data/m-*.csv"');
    expect(glob.file).toBe('sources/misdrijven.yaml');
    const missing = await failureOf(loadSource(store, root, source({ path: 'data/misdrijven.csv' })));
    expect(missing.message).toContain('file "data/misdrijven.csv" not found');
  });

  it('applies declared types and names the file, column and line of a value that does not fit', async () => {
    const root = await writeTempWorkspace({
      'data/misdrijven.csv': 'pleegdatum,aantal\n2025-01-03,1\n2025-01-04,2\n2025-01-05,twee\n',
    });
    const error = await failureOf(
      loadSource(store, root, source({ path: 'data/misdrijven.csv', columns: { pleegdatum: 'date', aantal: 'integer' } })),
    );
    expect(error.file).toBe('data/misdrijven.csv');
    expect(error.line).toBe(4);
    expect(error.message).toContain('"aantal"');
    expect(error.location).toBe('data/misdrijven.csv:4');
  });

  it('overrides the sniffed type with the declared one', async () => {
    const root = await writeTempWorkspace({ 'data/misdrijven.csv': 'pleegdatum,code\n2025-01-03,0012\n' });
    await loadSource(store, root, source({ path: 'data/misdrijven.csv', columns: { code: 'varchar' } }));
    expect(await rows('SELECT code FROM source_misdrijven')).toEqual([['0012']]);
  });

  it('names the file and the column when a declared column is missing', async () => {
    const root = await writeTempWorkspace({ 'data/misdrijven.csv': misdrijven });
    const error = await failureOf(loadSource(store, root, source({ path: 'data/misdrijven.csv', columns: { buurt: 'varchar' } })));
    expect(error.file).toBe('data/misdrijven.csv');
    expect(error.message).toContain('column "buurt" declared in sources/misdrijven.yaml is missing');
  });

  it('names the row of a Parquet value that does not fit, and the line of a JSON one', async () => {
    const root = await writeTempWorkspace({ 'data/a.ndjson': '{"d":"2025-01-01","n":1}\n{"d":"2025-01-02","n":2}\n{"d":"nooit","n":3}\n' });
    const error = await failureOf(loadSource(store, root, { id: 'a', title: 'A', path: 'data/a.ndjson', columns: { d: 'date' } }));
    expect(error).toMatchObject({ file: 'data/a.ndjson', line: 3 });
    expect(error.message).toContain('column "d"');
  });

  it('keeps the previous version serving when a refresh fails', async () => {
    const root = await writeTempWorkspace({ 'data/misdrijven.csv': misdrijven });
    const definition = source({ path: 'data/misdrijven.csv', columns: { pleegdatum: 'date' } });
    const first = await loadSource(store, root, definition);
    await writeFile(join(root, 'data/misdrijven.csv'), 'pleegdatum,soort\n2025-01-03,a\nkapot,b\n');
    const error = await failureOf(loadSource(store, root, definition));
    expect(error.location).toBe('data/misdrijven.csv:3');
    expect(await rows('SELECT count(*) FROM source_misdrijven')).toEqual([[3n]]);
    expect(await store.currentVersions('misdrijven')).toEqual([first]);
    expect(await rows(`SELECT count(*) FROM duckdb_tables() WHERE table_name LIKE 'staging_%'`)).toEqual([[0n]]);

    await writeFile(join(root, 'data/misdrijven.csv'), 'pleegdatum,soort\n2025-01-03,a\n');
    const second = await loadSource(store, root, definition);
    expect(second.version).toBe(2);
    expect(await rows('SELECT count(*) FROM source_misdrijven')).toEqual([[1n]]);
  });

  it('loads several sources through one loader instance, each with its own rejected lines', async () => {
    const root = await writeTempWorkspace({
      'data/kapot.csv': 'pleegdatum,aantal\n2025-01-03,1\n2025-01-05,twee\n',
      'data/goed.csv': 'pleegdatum,aantal\n2025-01-03,1\n2025-01-04,2\n',
      'data/ook-kapot.csv': 'pleegdatum,aantal\n2025-01-03,1\n2025-01-04,2\n2025-01-06,drie\n',
    });
    const loader = await openLoader(root);
    try {
      const columns = { aantal: 'integer' } as const;
      const first = await failureOf(loadSource(store, root, { id: 'a', title: 'A', path: 'data/kapot.csv', columns }, { loader }));
      expect(first.location).toBe('data/kapot.csv:3');
      const good = await loadSource(store, root, { id: 'b', title: 'B', path: 'data/goed.csv', columns }, { loader });
      expect(good.rowCount).toBe(2);
      const missing = await failureOf(loadSource(store, root, { id: 'c', title: 'C', path: 'data/goed.csv', columns: { buurt: 'varchar' } }, { loader }));
      expect(missing.message).toContain('column "buurt" declared in sources/c.yaml is missing from the file (its columns: pleegdatum, aantal)');
      const third = await failureOf(loadSource(store, root, { id: 'd', title: 'D', path: 'data/ook-kapot.csv', columns }, { loader }));
      expect(third.location).toBe('data/ook-kapot.csv:4');
    } finally {
      loader.close();
    }
    expect(await rows('SELECT sum(aantal) FROM source_b')).toEqual([[3n]]);
  });

  it('records no new version when the files are those of the serving version', async () => {
    const root = await writeTempWorkspace({ 'data/misdrijven.csv': misdrijven });
    const definition = source({ path: 'data/misdrijven.csv' });
    const first = await loadSource(store, root, definition);
    expect(await loadSource(store, root, definition, { serving: first })).toBe(first);
    expect(await store.currentVersions('misdrijven')).toEqual([first]);
    await writeFile(join(root, 'data/misdrijven.csv'), `${misdrijven}2025-05-01,inbraak,Noord\n`);
    const second = await loadSource(store, root, definition, { serving: first });
    expect(second).toMatchObject({ version: 2, rowCount: 4 });
  });

  it('refuses paths, globs and symlinks that leave the workspace', async () => {
    const root = await writeTempWorkspace({ 'data/x.csv': 'a\n1\n' });
    const outside = await writeTempWorkspace({ 'secret.csv': 'geheim\n42\n' });
    await mkdir(join(root, 'links'));
    await symlink(join(outside, 'secret.csv'), join(root, 'links/secret.csv'));
    await symlink(outside, join(root, 'linked-folder'));
    for (const path of ['../secret.csv', '../*/secret.csv', '/etc/passwd', 'links/secret.csv', 'linked-folder/*.csv']) {
      const error = await failureOf(loadSource(store, root, source({ path })));
      expect(error.message, path).toMatch(/outside the workspace|absolute path/);
    }
    expect(await rows(`SELECT count(*) FROM duckdb_tables() WHERE table_name = 'source_misdrijven'`)).toEqual([[0n]]);
  });
});
