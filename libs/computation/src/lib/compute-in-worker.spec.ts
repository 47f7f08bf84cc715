import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ComputationFailedError, computeInWorker } from './compute-in-worker';
import type { ComputationRequest } from './computation-request';
import { createComputationFolder } from './testing/computation-workspace.fixture';

const repositoryRoot = resolve(import.meta.dirname, '../../../..');
const workerPath = join(import.meta.dirname, 'testing/compute.worker.testing.ts');

describe('computeInWorker', () => {
  let folder: Awaited<ReturnType<typeof createComputationFolder>>;
  let request: ComputationRequest;

  beforeEach(async () => {
    folder = await createComputationFolder();
    request = {
      computationId: 'c1',
      municipalityId: 'proefdorp',
      workspaceRoot: folder.root,
      engineDatabasePath: join(folder.path, 'engine.duckdb'),
      memoryLimit: '512MB',
      queryTimeoutMs: 10_000,
    };
  });
  afterEach(() => folder.remove());

  it('computes in a child process and hands the outcome over whole', async () => {
    const outcome = await computeInWorker(request, { workerPath, timeoutMs: 60_000, cwd: repositoryRoot });
    expect(outcome.computationId).toBe('c1');
    expect(outcome.indicators.map((item) => ('report' in item ? item.report.latest : null))).toEqual([
      { period: '2025', value: 2100 },
      { period: '2025-Q2', value: (2 / 2100) * 1000 },
    ]);
  });

  it('says why when the worker fails to compute', async () => {
    const failure = await computeInWorker({ ...request, workspaceRoot: join(folder.path, 'weg') }, { workerPath, timeoutMs: 60_000, cwd: repositoryRoot }).catch(
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(ComputationFailedError);
    expect((failure as Error).message).toMatch(/does not exist/);
  });

  it('survives a worker that crashes natively, and says so', async () => {
    process.env['KOERS_TEST_WORKER_CRASH'] = 'abort';
    try {
      await expect(computeInWorker(request, { workerPath, timeoutMs: 60_000, cwd: repositoryRoot })).rejects.toThrow(
        'de berekening stopte onverwacht (signaal SIGABRT)',
      );
    } finally {
      delete process.env['KOERS_TEST_WORKER_CRASH'];
    }
  });

  it('kills a worker that runs past its time', async () => {
    await expect(computeInWorker(request, { workerPath, timeoutMs: 50, cwd: repositoryRoot })).rejects.toThrow(
      'de berekening duurde langer dan 50 ms en is gestopt',
    );
  });

  it('kills the worker when the caller aborts', async () => {
    const controller = new AbortController();
    const running = computeInWorker(request, { workerPath, timeoutMs: 60_000, cwd: repositoryRoot, signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    await expect(running).rejects.toThrow('de berekening is afgebroken omdat de server stopte');
  });
});
