import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { databaseKinds, openTestDatabase, type TestDatabase } from '../../testing/index';
import {
  beatComputation,
  claimNextComputation,
  ComputationSlotBusyError,
  enqueueComputation,
  holdComputationSlot,
  listBusyMunicipalities,
  recoverStaleComputations,
} from './computation-queue.repository';
import { computationHistory, failComputation, storeComputation } from './computation.repository';
import { readDataVersion } from './data-version.repository';

describe.each(databaseKinds)('computations as jobs on %s', (kind) => {
  let testDatabase: TestDatabase;
  beforeEach(async () => {
    testDatabase = await openTestDatabase(kind, inject('postgresUrl'));
  });
  afterEach(() => testDatabase.remove());

  const at = (seconds: number) => new Date(Date.UTC(2026, 10, 30, 10, 0, seconds));

  it('queues one computation per municipality at a time, and says which municipalities are busy', async () => {
    const { db } = testDatabase;
    const first = await enqueueComputation(db, { municipalityId: 'uithoorn', trigger: 'start', requestedAt: at(0) });
    expect(first).toMatchObject({ status: 'queued', trigger: 'start', requestedAt: at(0).toISOString() });
    expect(await enqueueComputation(db, { municipalityId: 'uithoorn', trigger: 'change', requestedAt: at(1) })).toBeNull();
    await enqueueComputation(db, { municipalityId: 'diemen', trigger: 'start', requestedAt: at(2) });
    expect(await listBusyMunicipalities(db)).toEqual(['diemen', 'uithoorn']);
    expect((await computationHistory(db, 'uithoorn')).latest?.status).toBe('queued');
  });

  it('lets two instances claim different municipalities, never the same one twice', async () => {
    const { db } = testDatabase;
    await enqueueComputation(db, { municipalityId: 'uithoorn', trigger: 'start', requestedAt: at(0) });
    await enqueueComputation(db, { municipalityId: 'diemen', trigger: 'start', requestedAt: at(1) });
    const [a, b] = await Promise.all([claimNextComputation(db, { owner: 'a', now: at(3) }), claimNextComputation(db, { owner: 'b', now: at(3) })]);
    const claimed = [a, b].filter((record) => record !== null);
    expect(claimed.map((record) => record?.municipalityId).sort()).toEqual(['diemen', 'uithoorn']);
    expect(claimed.every((record) => record?.status === 'running')).toBe(true);

    // A new request for Uithoorn waits while Uithoorn computes.
    await enqueueComputation(db, { municipalityId: 'uithoorn', trigger: 'change', requestedAt: at(4) });
    expect(await claimNextComputation(db, { owner: 'b', now: at(5) })).toBeNull();
    const uithoorn = claimed.find((record) => record?.municipalityId === 'uithoorn');
    await failComputation(db, uithoorn?.id ?? '', 'test');
    expect(await claimNextComputation(db, { owner: 'b', now: at(6) })).toMatchObject({ municipalityId: 'uithoorn', trigger: 'change', status: 'running' });
  });

  it('takes over a computation whose instance stopped beating, and refuses to store what that instance finishes later', async () => {
    const { db } = testDatabase;
    await enqueueComputation(db, { municipalityId: 'uithoorn', trigger: 'start', requestedAt: at(0) });
    const running = await claimNextComputation(db, { owner: 'killed', now: at(1) });
    expect(await beatComputation(db, running?.id ?? '', 'killed', at(5))).toBe(true);
    expect(await recoverStaleComputations(db, at(4), at(20))).toEqual([]);
    expect(await recoverStaleComputations(db, at(10), at(20))).toEqual(['uithoorn']);
    expect(await beatComputation(db, running?.id ?? '', 'killed', at(21))).toBe(false);

    const history = await computationHistory(db, 'uithoorn');
    expect(history.latest).toMatchObject({ status: 'queued', trigger: 'recovery' });
    expect(history.lastFinished).toMatchObject({ id: running?.id, status: 'failed', error: expect.stringContaining('reageert niet meer') });
    const taken = await claimNextComputation(db, { owner: 'survivor', now: at(22) });
    expect(taken).toMatchObject({ municipalityId: 'uithoorn', status: 'running' });

    await expect(
      storeComputation(db, {
        computationId: running?.id ?? '',
        municipalityId: 'uithoorn',
        finishedAt: at(30).toISOString(),
        workspace: null,
        inputs: { sources: [], definitions: [] },
        problems: [],
        indicators: [],
      }),
    ).rejects.toThrow(/another instance took it over/);
  });

  it('merges a request for some indicators into one waiting: the union of the two, or everything', async () => {
    const { db } = testDatabase;
    const first = await enqueueComputation(db, { municipalityId: 'uithoorn', trigger: 'change', requestedAt: at(0), indicatorIds: ['vernielingen'] });
    expect(first).toMatchObject({ indicatorIds: ['vernielingen'] });
    expect(await enqueueComputation(db, { municipalityId: 'uithoorn', trigger: 'change', requestedAt: at(1), indicatorIds: ['banen', 'vernielingen'] })).toBeNull();
    expect((await computationHistory(db, 'uithoorn')).latest?.indicatorIds).toEqual(['banen', 'vernielingen']);
    expect(await enqueueComputation(db, { municipalityId: 'uithoorn', trigger: 'change', requestedAt: at(2) })).toBeNull();
    expect((await computationHistory(db, 'uithoorn')).latest).toMatchObject({ id: first?.id, indicatorIds: null });
    // A whole computation waiting covers any subset.
    expect(await enqueueComputation(db, { municipalityId: 'uithoorn', trigger: 'change', requestedAt: at(3), indicatorIds: ['banen'] })).toBeNull();
    expect((await computationHistory(db, 'uithoorn')).latest?.indicatorIds).toBeNull();

    // One running is not widened: the request waits behind it with its own scope.
    const running = await claimNextComputation(db, { owner: 'a', now: at(4) });
    const next = await enqueueComputation(db, { municipalityId: 'uithoorn', trigger: 'change', requestedAt: at(5), indicatorIds: ['banen'] });
    expect(next).toMatchObject({ status: 'queued', indicatorIds: ['banen'] });
    expect(running?.indicatorIds).toBeNull();
  });

  it('takes over a stopped computation of some indicators with the same indicators', async () => {
    const { db } = testDatabase;
    await enqueueComputation(db, { municipalityId: 'uithoorn', trigger: 'change', requestedAt: at(0), indicatorIds: ['vernielingen'] });
    await claimNextComputation(db, { owner: 'killed', now: at(1) });
    expect(await recoverStaleComputations(db, at(10), at(20))).toEqual(['uithoorn']);
    expect((await computationHistory(db, 'uithoorn')).latest).toMatchObject({ status: 'queued', trigger: 'recovery', indicatorIds: ['vernielingen'] });
  });

  it('holds the slot for a change of several files: no computation is claimed meanwhile, and it waits for one running', async () => {
    const { db } = testDatabase;
    await enqueueComputation(db, { municipalityId: 'uithoorn', trigger: 'start', requestedAt: at(0) });
    const running = await claimNextComputation(db, { owner: 'a', now: at(1) });
    await expect(holdComputationSlot(db, { municipalityId: 'uithoorn', owner: 'editor', waitMs: 300 }, async () => 'x')).rejects.toBeInstanceOf(ComputationSlotBusyError);
    await failComputation(db, running?.id ?? '', 'test');

    await enqueueComputation(db, { municipalityId: 'uithoorn', trigger: 'change', requestedAt: at(2) });
    const during = await holdComputationSlot(db, { municipalityId: 'uithoorn', owner: 'editor', waitMs: 1_000 }, () => claimNextComputation(db, { owner: 'b', now: at(3) }));
    expect(during).toBeNull();
    expect(await claimNextComputation(db, { owner: 'b', now: at(4) })).toMatchObject({ status: 'running', trigger: 'change' });
  });

  it('counts every change the API reads', async () => {
    const { db } = testDatabase;
    const before = await readDataVersion(db);
    await enqueueComputation(db, { municipalityId: 'uithoorn', trigger: 'start' });
    const claimed = await claimNextComputation(db, { owner: 'a' });
    await failComputation(db, claimed?.id ?? '', 'test');
    expect(await readDataVersion(db)).toBe(before + 3);
  });
});
