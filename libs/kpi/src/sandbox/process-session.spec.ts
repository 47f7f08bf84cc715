import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeTempWorkspace } from '../sources/temp-workspace.testing';
import { killGraceMs } from './engine-child';
import { EngineStoppedError } from './engine-stopped.error';
import { ProcessSandboxSession } from './process-session';
import { QueryTimeoutError } from './query-timeout';

const misdrijven = 'pleegdatum,soort,x\n2025-01-03,winkeldiefstal,1\n2025-02-10,inbraak,2\n2025-04-01,winkeldiefstal,3\n';
const source = { id: 'misdrijven', title: 'Misdrijven', path: 'data/misdrijven.csv', file: 'sources/misdrijven.yaml' };
const count = 'SELECT count(*) FROM source_misdrijven';

async function stoppedBy(promise: Promise<unknown>): Promise<EngineStoppedError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(EngineStoppedError);
  return error as EngineStoppedError;
}

describe('ProcessSandboxSession', () => {
  let session: ProcessSandboxSession | undefined;
  afterEach(async () => {
    await session?.close();
    session = undefined;
  });

  it('ends a query that DuckDB cannot interrupt (planning included) past its time limit, and serves the next from a fresh process', async () => {
    const root = await writeTempWorkspace({ 'data/misdrijven.csv': misdrijven });
    session = await ProcessSandboxSession.open({ root, queryTimeoutMs: 1_000 });
    await session.loadSource(source);
    const started = Date.now();
    // A constant: DuckDB folds it while planning, where its interrupt is not looked at (58 s unbounded).
    const error = await stoppedBy(session.select(`SELECT count(*) + levenshtein(repeat('a', 60000), repeat('b', 60000)) FROM source_misdrijven`));
    expect(error.reason).toBe('timeout');
    expect(error.message).toMatch(/^stopped after 1000 ms, its time limit/);
    expect(Date.now() - started).toBeLessThan(1_000 + killGraceMs(1_000) + 3_000);
    // The in-memory database is rebuilt: the source loaded again in the fresh process.
    expect(await session.select(count)).toEqual([[3n]]);
    // What DuckDB's interrupt can stop stays an ordinary timeout, in the same process.
    await expect(session.select('SELECT count(*) FROM range(100000000) a, range(100000) b WHERE a.range + b.range = -1')).rejects.toBeInstanceOf(QueryTimeoutError);
    expect(await session.versions()).toEqual([expect.objectContaining({ sourceId: 'misdrijven', version: 1 })]);
  });

  it('ends a query past its memory limit, counting what DuckDB does not', async () => {
    const root = await writeTempWorkspace({ 'data/misdrijven.csv': misdrijven });
    session = await ProcessSandboxSession.open({ root, memoryLimit: '768MiB', queryTimeoutMs: 60_000 });
    await session.loadSource(source);
    const error = await stoppedBy(session.select('SELECT sum(len(generate_series(1, 1000000000 + x))) FROM source_misdrijven'));
    expect(error.reason).toBe('memory');
    expect(error.message).toMatch(/of its memory limit of 768 MiB and was ended/);
    // What DuckDB counts itself, it refuses itself, within the limit.
    await expect(session.select(`SELECT length(string_agg(repeat(soort, 100000000), '')) FROM source_misdrijven`)).rejects.toThrow(/Out of Memory/);
    expect(await session.select(count)).toEqual([[3n]]);
  });

  it('a crash while loading costs that source: the sources loaded before it, and those after, are served', async () => {
    const root = await writeTempWorkspace({
      'data/misdrijven.csv': misdrijven,
      // Deep enough to overflow DuckDB's stack while it sniffs the file's type.
      'data/diep.json': `${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}\n`,
      'data/bevolking.csv': 'peildatum,inwoners\n2025-01-01,1000\n',
    });
    session = await ProcessSandboxSession.open({ root });
    await session.loadSource(source);
    const error = await stoppedBy(session.loadSource({ id: 'diep', title: 'Diep', path: 'data/diep.json' }));
    expect(error).toMatchObject({ reason: 'crash', message: expect.stringMatching(/^stopped: DuckDB crashed on it \(SIGSEGV\)/) });
    await session.loadSource({ id: 'bevolking', title: 'Bevolking', path: 'data/bevolking.csv' });
    expect((await session.versions()).map((version) => version.sourceId)).toEqual(['bevolking', 'misdrijven']);
    expect(await session.select(count)).toEqual([[3n]]);
  });

  it('keeps a database file: after a stop the fresh process reopens it, and close frees it for the next opener at once', async () => {
    const root = await writeTempWorkspace({ 'data/misdrijven.csv': misdrijven });
    const databasePath = join(root, 'engine.duckdb');
    session = await ProcessSandboxSession.open({ root, databasePath, queryTimeoutMs: 1_000 });
    const loaded = await session.loadSource(source);
    await stoppedBy(session.select(`SELECT levenshtein(repeat('a', 60000), repeat('b', 60000))`));
    expect(await session.versions()).toEqual([loaded]);
    await session.close();
    session = await ProcessSandboxSession.open({ root, databasePath });
    expect(await session.versions()).toEqual([loaded]);
    expect(await session.select(count)).toEqual([[3n]]);
  });

  it('says why when its process cannot start', async () => {
    const root = await writeTempWorkspace({});
    await expect(ProcessSandboxSession.open({ root, databasePath: join(root, 'geen-map', 'engine.duckdb') })).rejects.toThrow(/cannot open the DuckDB database/);
  });
});
