import { join, resolve } from 'node:path';
import type { ComputationRecord } from '@koers/domain';
import { type AppDatabase, computationHistory, importWorkspace, listComputations, listStoredIndicators, openDatabase } from '@koers/persistence';
import { loadWorkspace } from '@koers/workspace';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ComputationScheduler } from './computation-scheduler';
import { createComputationFolder } from './testing/computation-workspace.fixture';

const repositoryRoot = resolve(import.meta.dirname, '../../../..');
const workerPath = join(import.meta.dirname, 'testing/compute.worker.testing.ts');

describe('ComputationScheduler', () => {
  let folder: Awaited<ReturnType<typeof createComputationFolder>>;
  let db: AppDatabase;
  let finished: (ComputationRecord | { municipalityId: string; error: string })[];
  let scheduler: ComputationScheduler;

  beforeEach(async () => {
    folder = await createComputationFolder();
    db = await openDatabase({ kind: 'duckdb', path: join(folder.path, 'koers.duckdb') });
    await importWorkspace(db, 'proefdorp', (await loadWorkspace(folder.root)).workspace);
    finished = [];
    scheduler = new ComputationScheduler({
      db,
      worker: { workerPath, timeoutMs: 60_000, cwd: repositoryRoot },
      owner: 'test-instance',
      pollIntervalMs: 100,
      engineDirectory: join(folder.path, 'engines'),
      memoryBudgetBytes: 512 * 1024 * 1024,
      concurrency: 1,
      queryTimeoutMs: 10_000,
      onFinished: (record) => finished.push(record),
      log: { info: () => undefined, warn: () => undefined },
    });
  });

  afterEach(async () => {
    await scheduler.close();
    await db.destroy();
    await folder.remove();
  });

  it('computes in the background and stores the results with a record of the computation', async () => {
    scheduler.start();
    await scheduler.request('proefdorp', 'start');
    expect(await scheduler.busyMunicipalities()).toEqual(['proefdorp']);
    await scheduler.whenIdle();

    expect(finished).toEqual([expect.objectContaining({ municipalityId: 'proefdorp', status: 'succeeded', indicatorCount: 2, failedCount: 0 })]);
    const stored = await listStoredIndicators(db, 'proefdorp');
    expect(stored.map((item) => [item.indicatorId, item.report?.latest?.period])).toEqual([
      ['inwoners', '2025'],
      ['winkeldiefstallen', '2025-Q2'],
    ]);
    expect((await computationHistory(db, 'proefdorp')).latest?.inputs?.sources).toHaveLength(2);
  });

  it('merges a request into one already waiting, and runs once more for one made while computing', async () => {
    await scheduler.request('proefdorp', 'start');
    await scheduler.request('proefdorp', 'change');
    scheduler.start();
    await expect.poll(async () => (await listComputations(db, 'proefdorp')).map((record) => record.status)).toEqual(['running']);
    await scheduler.request('proefdorp', 'change');
    await scheduler.whenIdle();

    const records = await listComputations(db, 'proefdorp');
    expect(records.map((record) => [record.trigger, record.status])).toEqual([
      ['change', 'succeeded'],
      ['start', 'succeeded'],
    ]);
  });

  it('keeps the previous results serving when a source breaks, and puts the error on its dependents', async () => {
    scheduler.start();
    await scheduler.request('proefdorp', 'start');
    await scheduler.whenIdle();
    await folder.write('data/misdrijven.csv', 'pleegdatum,soort,wijk\nniet-een-datum,"kapot\n');
    await scheduler.request('proefdorp', 'change');
    await scheduler.whenIdle();

    const [inwoners, winkeldiefstallen] = await listStoredIndicators(db, 'proefdorp');
    expect(inwoners?.problem).toBeNull();
    expect(winkeldiefstallen?.report?.latest).toEqual({ period: '2025-Q2', value: (2 / 2100) * 1000 });
    expect(winkeldiefstallen?.problem?.message).toMatch(/^bron "misdrijven" kon niet worden geladen/);
    expect(winkeldiefstallen?.problem?.at).not.toBe(winkeldiefstallen?.report?.lineage.computedAt);
  });

  it('recomputes just the indicator whose definition changed, and leaves the others as they were stored', async () => {
    scheduler.start();
    await scheduler.request('proefdorp', 'start');
    await scheduler.whenIdle();
    const before = await listStoredIndicators(db, 'proefdorp');
    const firstId = (await computationHistory(db, 'proefdorp')).latest?.id;
    expect(before.map((item) => item.computationId)).toEqual([firstId, firstId]);

    await folder.write('indicators/inwoners.yaml', 'title: Inwoners\nunit: inwoners\ndirection: higher_is_better\ngrain: year\nsource: bevolking\ntime: peildatum\nmeasure: sum(inwoners) * 2\n');
    // A data file changed too, but the subset loads only the sources its indicators read: misdrijven is not touched.
    await folder.write('data/misdrijven.csv', 'pleegdatum,soort,wijk\n2025-01-10,winkeldiefstal,Centrum\n');
    await scheduler.request('proefdorp', 'change', ['inwoners']);
    await scheduler.whenIdle();

    const latest = (await computationHistory(db, 'proefdorp')).latest;
    expect(latest).toMatchObject({ status: 'succeeded', indicatorIds: ['inwoners'], indicatorCount: 1 });
    expect(latest?.inputs?.sources.map((source) => source.sourceId)).toEqual(['bevolking']);
    expect(latest?.inputs?.sourceColumns?.['bevolking']?.map((column) => column.name)).toEqual(['peildatum', 'wijk', 'inwoners']);
    const [inwoners, winkeldiefstallen] = await listStoredIndicators(db, 'proefdorp');
    expect(inwoners).toMatchObject({ computationId: latest?.id, report: { latest: { period: '2025', value: 4200 } } });
    expect(winkeldiefstallen).toEqual(before[1]);
  });

  it('records a computation that fails as a whole, and keeps what was stored', async () => {
    scheduler.start();
    await scheduler.request('proefdorp', 'start');
    await scheduler.whenIdle();
    await folder.remove();
    await scheduler.request('proefdorp', 'change');
    await scheduler.whenIdle();

    expect(finished.at(-1)).toEqual({ municipalityId: 'proefdorp', error: expect.stringMatching(/does not exist/) });
    expect((await computationHistory(db, 'proefdorp')).latest).toMatchObject({ status: 'failed', error: expect.stringMatching(/does not exist/) });
    expect(await listStoredIndicators(db, 'proefdorp')).toHaveLength(2);
  });
});
