import type { SourceDefinition } from '@koers/domain';
import { DuckDBInstance } from '@duckdb/node-api';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openSandbox } from '../engine/kpi-engine';
import type { SandboxSession } from '../sandbox/sandbox-session';
import { loadSource, openLoader } from './source-loader';
import { describeSource, previewSource } from './source-preview';
import { SandboxDatabase } from '../sandbox/sandbox-database';
import { SourceStore } from './source-store';
import { writeTempWorkspace } from './temp-workspace.testing';
import { SourceLoadError } from './source-load.error';

const misdrijven = 'pleegdatum,soort,wijk,aantal\n2025-01-03,winkeldiefstal,Centrum,2\n2025-02-10,inbraak,Noord,1\n2025-04-01,winkeldiefstal,,3\n';
const declared: SourceDefinition = {
  id: 'misdrijven',
  title: 'Misdrijven',
  path: 'data/misdrijven.csv',
  file: 'sources/misdrijven.yaml',
  columns: { pleegdatum: 'date', soort: 'varchar', aantal: 'integer' },
};

async function writeParquet(root: string, path: string, select: string): Promise<void> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  await connection.run(`COPY (${select}) TO '${join(root, path)}' (FORMAT parquet)`);
  connection.closeSync();
  instance.closeSync();
}

async function preview(root: string, source: SourceDefinition, rowLimit = 20) {
  const loader = await openLoader(root);
  try {
    return await previewSource(loader, source, { rowLimit });
  } finally {
    loader.close();
  }
}

describe('previewSource', () => {
  it('shows the detected columns beside the declared ones, the first rows in their declared types, and the row count', async () => {
    const root = await writeTempWorkspace({ 'data/misdrijven.csv': misdrijven });
    expect(await preview(root, declared, 2)).toEqual({
      format: 'csv',
      columns: [
        { name: 'pleegdatum', detectedType: 'DATE', suggestedType: 'date', declaredType: 'date' },
        { name: 'soort', detectedType: 'VARCHAR', suggestedType: 'varchar', declaredType: 'varchar' },
        { name: 'wijk', detectedType: 'VARCHAR', suggestedType: 'varchar', declaredType: null },
        { name: 'aantal', detectedType: 'BIGINT', suggestedType: 'bigint', declaredType: 'integer' },
      ],
      missingColumns: [],
      rows: [
        ['2025-01-03', 'winkeldiefstal', 'Centrum', 2],
        ['2025-02-10', 'inbraak', 'Noord', 1],
      ],
      rowCount: 3,
      problem: null,
    });
  });

  it('agrees with the load: the same row count, and a file the preview passes loads', async () => {
    const root = await writeTempWorkspace({ 'data/misdrijven.csv': misdrijven });
    const database = await SandboxDatabase.open();
    try {
      const store = new SourceStore(await database.connect());
      await store.prepare();
      const version = await loadSource(store, root, declared);
      expect((await preview(root, declared)).rowCount).toBe(version.rowCount);
    } finally {
      database.close();
    }
  });

  it('names the file and the line of a malformed CSV line, as the load does', async () => {
    const broken = 'pleegdatum,soort,wijk,aantal\n2025-01-03,winkeldiefstal,Centrum,2\n2025-02-10,inbraak,Noord,1,extra\n';
    const root = await writeTempWorkspace({ 'data/misdrijven.csv': broken });
    const result = await preview(root, declared);
    expect(result.rowCount).toBeNull();
    expect(result.problem).toEqual({ file: 'data/misdrijven.csv', line: 3, message: expect.stringMatching(/Expected Number of Columns: 4 Found: 5/) });
    expect(result.rows).toEqual([['2025-01-03', 'winkeldiefstal', 'Centrum', 2]]);
  });

  it('names the file, line and column of a value that does not fit its declared type', async () => {
    const root = await writeTempWorkspace({ 'data/misdrijven.csv': `${misdrijven}2025-05-01,inbraak,Zuid,twee\n` });
    const source = { ...declared, columns: { ...declared.columns, aantal: 'integer' as const } };
    const result = await preview(root, source);
    expect(result.problem).toMatchObject({ file: 'data/misdrijven.csv', line: 5, column: 'aantal', message: expect.stringMatching(/^column "aantal": .*twee/) });
    await expect(loadInto(root, source)).rejects.toMatchObject({ file: 'data/misdrijven.csv', line: 5 });
  });

  it('lists a declared column the file lacks, and still shows the rows it has', async () => {
    const root = await writeTempWorkspace({ 'data/misdrijven.csv': 'pleegdatum,wijk\n2025-01-03,Centrum\n' });
    const result = await preview(root, declared);
    expect(result.missingColumns).toEqual(['soort', 'aantal']);
    expect(result.problem?.message).toBe('column "soort", column "aantal" declared in sources/misdrijven.yaml are missing from the file (its columns: pleegdatum, wijk)');
    expect(result.rows).toEqual([['2025-01-03', 'Centrum']]);
    expect(result.rowCount).toBeNull();
  });

  it('says a Parquet file cannot be read as CSV', async () => {
    const root = await writeTempWorkspace({});
    await writeParquet(root, 'misdrijven.csv', `SELECT DATE '2025-01-01' AS pleegdatum, 'inbraak' AS soort`);
    const result = await preview(root, { id: 'misdrijven', title: 'M', path: 'misdrijven.csv' });
    expect(result.problem).toEqual({ file: 'misdrijven.csv', message: expect.stringMatching(/^cannot read as csv: /) });
  });

  it('reads Parquet and names the row of a value that does not fit', async () => {
    const root = await writeTempWorkspace({});
    await writeParquet(root, 'bevolking.parquet', `SELECT DATE '2025-01-01' AS peildatum, x::VARCHAR AS inwoners FROM (VALUES ('10'), ('11'), ('veel')) t(x)`);
    const source: SourceDefinition = { id: 'bevolking', title: 'B', path: 'bevolking.parquet' };
    expect(await preview(root, source)).toMatchObject({ format: 'parquet', rowCount: 3, problem: null, rows: [['2025-01-01', '10'], ['2025-01-01', '11'], ['2025-01-01', 'veel']] });
    const result = await preview(root, { ...source, columns: { inwoners: 'integer' } });
    expect(result.problem).toEqual({ file: 'bevolking.parquet', column: 'inwoners', message: 'row 3: column "inwoners": value veel does not fit type integer' });
  });

  it('reads NDJSON and names the line of a value that does not fit', async () => {
    const root = await writeTempWorkspace({ 'data/b.ndjson': '{"peildatum":"2025-01-01","inwoners":10}\n{"peildatum":"2025-01-02","inwoners":"veel"}\n' });
    const result = await preview(root, { id: 'b', title: 'B', path: 'data/b.ndjson', columns: { inwoners: 'integer' } });
    expect(result).toMatchObject({ format: 'json', problem: { file: 'data/b.ndjson', line: 2, column: 'inwoners' } });
  });

  it('refuses a source past its size limit before reading it', async () => {
    const root = await writeTempWorkspace({ 'data/misdrijven.csv': misdrijven });
    const loader = await openLoader(root);
    try {
      const result = await previewSource(loader, declared, { limits: { maxBytes: 10, maxColumns: 1_000, timeoutMs: 10_000 } });
      expect(result.problem).toEqual({ file: 'data/misdrijven.csv', message: expect.stringMatching(/^the source is more than 10 bytes after decompression/) });
    } finally {
      loader.close();
    }
  });

  it('refuses a path outside its root', async () => {
    const root = await writeTempWorkspace({ 'data/misdrijven.csv': misdrijven, 'buiten.csv': misdrijven });
    const result = await preview(join(root, 'data'), { ...declared, path: '../buiten.csv' });
    expect(result.problem).toEqual({ file: 'sources/misdrijven.yaml', message: expect.stringMatching(/^path: .*points outside the workspace/) });
  });

  it('describes the columns of a file without reading its rows', async () => {
    const root = await writeTempWorkspace({ 'data/misdrijven.csv': misdrijven });
    const loader = await openLoader(root);
    try {
      expect((await describeSource(loader, declared)).map((column) => `${column.name} ${column.type}`)).toEqual(['pleegdatum DATE', 'soort VARCHAR', 'wijk VARCHAR', 'aantal BIGINT']);
    } finally {
      loader.close();
    }
  });
});

describe("previewSource in the engine's process", () => {
  let root: string;
  let session: SandboxSession | undefined;
  beforeAll(async () => {
    root = await writeTempWorkspace({ 'data/misdrijven.csv': misdrijven });
  });
  afterEach(async () => {
    await session?.close();
    session = undefined;
  });
  afterAll(() => undefined);

  it('previews and describes through openSandbox, the database untouched', async () => {
    session = await openSandbox({ root });
    expect(await session.previewSource(declared, 1)).toMatchObject({ rowCount: 3, rows: [['2025-01-03', 'winkeldiefstal', 'Centrum', 2]] });
    expect((await session.describeSource(declared)).map((column) => column.name)).toEqual(['pleegdatum', 'soort', 'wijk', 'aantal']);
    expect(await session.versions()).toEqual([]);
  });

  it('stops a preview at the source time limit and says so', async () => {
    const big = await writeTempWorkspace({});
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    await connection.run(`COPY (SELECT range AS n, md5(range::VARCHAR) AS h FROM range(2500000)) TO '${join(big, 'groot.csv')}' (HEADER)`);
    connection.closeSync();
    instance.closeSync();
    session = await openSandbox({ root: big, sourceLimits: { timeoutMs: 200 }, threads: 1 });
    const result = await session.previewSource({ id: 'groot', title: 'G', path: 'groot.csv', columns: { n: 'bigint' } }, 5);
    expect(result.problem).toEqual({ file: 'groot.csv', message: expect.stringMatching(/^reading took longer than 200 ms/) });
  });
});

async function loadInto(root: string, source: SourceDefinition) {
  const database = await SandboxDatabase.open();
  try {
    const store = new SourceStore(await database.connect());
    await store.prepare();
    return await loadSource(store, root, source);
  } catch (error) {
    expect(error).toBeInstanceOf(SourceLoadError);
    throw error;
  } finally {
    database.close();
  }
}
