import type { ComputationOutcome, ComputedIndicator, FailedIndicator, IndicatorDefinition, IndicatorReport } from '@koers/domain';
import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import type { Database } from '../database';
import { databaseKinds, openTestDatabase, type TestDatabase } from '../../testing/index';
import { fixtureWorkspace, winkeldiefstallen } from '../testing/workspace.fixture';
import { listAudit } from './audit-log.repository';
import {
  computationHistory,
  failComputation,
  failInterruptedComputations,
  listComputations,
  startComputation,
  storeComputation,
} from './computation.repository';
import { listStoredIndicatorEverywhere, listStoredIndicators } from './indicator-results.repository';
import { listMunicipalityWorkspaces } from './municipality.repository';
import { importWorkspace } from './workspace-import.repository';

const vernielingen: IndicatorDefinition = { ...winkeldiefstallen, id: 'vernielingen', file: 'indicators/vernielingen.yaml', title: 'Vernielingen' };

function reportOf(indicator: IndicatorDefinition, values: readonly number[], computedAt: string): IndicatorReport {
  const series = values.map((value, index) => ({ period: `2025-Q${index + 1}`, value }));
  const latest = series.at(-1) ?? null;
  return {
    id: indicator.id,
    status: 'on_track',
    latest,
    target: 2,
    values: series,
    breakdown: { wijk: [{ member: 'Centrum', period: '2025-Q1', value: 0.1 + 0.2 }] },
    title: indicator.title,
    unit: indicator.unit,
    direction: indicator.direction,
    grain: indicator.grain,
    decimals: null,
    baseline: null,
    trend: series.map((value) => ({ ...value, previous: null, yearAgo: null })),
    latestTrend: null,
    lineage: { sources: [], sql: 'SELECT 1', indicatorColumn: null, computedAt },
  };
}

const computed = (indicator: IndicatorDefinition, values: readonly number[], computedAt: string): ComputedIndicator => ({
  definition: { indicator, text: `title: ${indicator.title}\n` },
  report: reportOf(indicator, values, computedAt),
  statuses: values.map((_, index) => ({ period: `2025-Q${index + 1}`, status: 'on_track' })),
});
const failed = (indicator: IndicatorDefinition, message: string): FailedIndicator => ({
  definition: { indicator, text: null },
  problem: { file: indicator.file ?? '', message, field: 'measure' },
});

describe.each(databaseKinds)('computations and stored indicators on %s', (kind) => {
  let testDatabase: TestDatabase;
  let db: Kysely<Database>;

  beforeEach(async () => {
    testDatabase = await openTestDatabase(kind, inject('postgresUrl'));
    db = testDatabase.db;
    await importWorkspace(db, 'uithoorn', fixtureWorkspace({ indicators: [winkeldiefstallen, vernielingen] }));
  });

  afterEach(async () => {
    await testDatabase.remove();
  });

  async function compute(indicators: ComputationOutcome['indicators'], overrides: Partial<ComputationOutcome> = {}) {
    const started = await startComputation(db, { municipalityId: 'uithoorn', trigger: 'start' });
    const finishedAt = new Date(Date.parse(started.startedAt) + 1000).toISOString();
    return storeComputation(db, {
      computationId: started.id,
      municipalityId: 'uithoorn',
      finishedAt,
      workspace: fixtureWorkspace({ indicators: [winkeldiefstallen, vernielingen] }),
      inputs: { sources: [], definitions: [{ file: 'indicators/winkeldiefstallen.yaml', sha256: 'b'.repeat(64) }] },
      problems: [],
      indicators,
      ...overrides,
    });
  }

  it('records a computation from running to succeeded, and stores every indicator in workspace order, numbers exact', async () => {
    const started = await startComputation(db, { municipalityId: 'uithoorn', trigger: 'start' });
    expect((await computationHistory(db, 'uithoorn')).latest).toMatchObject({ id: started.id, status: 'running', finishedAt: null });

    const record = await storeComputation(db, {
      computationId: started.id,
      municipalityId: 'uithoorn',
      finishedAt: '2026-11-30T10:00:00.000Z',
      workspace: null,
      inputs: { sources: [], definitions: [] },
      problems: [],
      indicators: [computed(winkeldiefstallen, [2.1, 1.93], '2026-11-30T10:00:00.000Z'), failed(vernielingen, 'measure: unknown column "x"')],
    });

    expect(record).toMatchObject({ status: 'succeeded', indicatorCount: 2, failedCount: 1, finishedAt: '2026-11-30T10:00:00.000Z' });
    const [first, second] = await listStoredIndicators(db, 'uithoorn');
    expect(first?.report?.values).toEqual([
      { period: '2025-Q1', value: 2.1 },
      { period: '2025-Q2', value: 1.93 },
    ]);
    expect(first?.report?.breakdown['wijk']?.[0]?.value).toBe(0.1 + 0.2);
    expect(first).toMatchObject({ computationId: started.id, problem: null, definition: { text: 'title: Winkeldiefstallen per 1.000 inwoners\n' } });
    expect(second).toMatchObject({ indicatorId: 'vernielingen', report: null, statuses: [] });
    expect(second?.problem).toEqual({
      file: 'indicators/vernielingen.yaml',
      message: 'measure: unknown column "x"',
      field: 'measure',
      computationId: started.id,
      at: '2026-11-30T10:00:00.000Z',
    });
  });

  it('keeps the last good values of an indicator a later computation fails on, with that problem', async () => {
    const first = await compute([computed(winkeldiefstallen, [2.1], '2026-11-30T10:00:00.000Z'), computed(vernielingen, [5], '2026-11-30T10:00:00.000Z')]);
    const second = await compute([computed(winkeldiefstallen, [2.1, 2.0], '2026-11-30T11:00:00.000Z'), failed(vernielingen, 'source "misdrijven" did not load')]);

    const stored = await listStoredIndicators(db, 'uithoorn');
    expect(stored[0]).toMatchObject({ computationId: second.id, problem: null });
    expect(stored[0]?.report?.values).toHaveLength(2);
    expect(stored[1]).toMatchObject({ computationId: first.id, problem: { message: 'source "misdrijven" did not load', computationId: second.id } });
    expect(stored[1]?.report?.values).toEqual([{ period: '2025-Q1', value: 5 }]);
    expect(stored[1]?.report?.lineage.computedAt).toBe('2026-11-30T10:00:00.000Z');
  });

  it('keeps an indicator whose definition file became unreadable, with the problem, and removes one that is gone', async () => {
    await compute([computed(winkeldiefstallen, [2.1], '2026-11-30T10:00:00.000Z'), computed(vernielingen, [5], '2026-11-30T10:00:00.000Z')]);
    await compute([], { problems: [{ file: 'indicators/winkeldiefstallen.yaml', line: 3, message: 'bad indentation of a mapping entry' }] });

    const stored = await listStoredIndicators(db, 'uithoorn');
    expect(stored.map((item) => item.indicatorId)).toEqual(['winkeldiefstallen']);
    expect(stored[0]?.report?.values).toEqual([{ period: '2025-Q1', value: 2.1 }]);
    expect(stored[0]?.problem).toMatchObject({ line: 3, message: 'bad indentation of a mapping entry' });
  });

  it('stores a computation of some indicators and leaves every other stored indicator as it was', async () => {
    const first = await compute([computed(winkeldiefstallen, [2.1], '2026-11-30T10:00:00.000Z'), computed(vernielingen, [5], '2026-11-30T10:00:00.000Z')]);
    const before = await listStoredIndicators(db, 'uithoorn');
    const started = await startComputation(db, { municipalityId: 'uithoorn', trigger: 'change', indicatorIds: ['vernielingen'] });
    expect(started.indicatorIds).toEqual(['vernielingen']);
    const record = await storeComputation(db, {
      computationId: started.id,
      municipalityId: 'uithoorn',
      indicatorIds: ['vernielingen'],
      finishedAt: '2026-11-30T11:00:00.000Z',
      workspace: fixtureWorkspace({ indicators: [winkeldiefstallen, vernielingen] }),
      inputs: { sources: [], definitions: [] },
      problems: [],
      indicators: [computed(vernielingen, [5, 6], '2026-11-30T11:00:00.000Z')],
    });

    expect(record).toMatchObject({ indicatorCount: 1, indicatorIds: ['vernielingen'] });
    const after = await listStoredIndicators(db, 'uithoorn');
    expect(after.map((item) => item.indicatorId)).toEqual(['winkeldiefstallen', 'vernielingen']);
    expect(after[0]).toEqual(before[0]);
    expect(after[0]?.computationId).toBe(first.id);
    expect(after[1]).toMatchObject({ computationId: started.id, problem: null });
    expect(after[1]?.report?.values).toHaveLength(2);
  });

  it('removes an indicator of a partial computation that is gone, and only that one', async () => {
    await compute([computed(winkeldiefstallen, [2.1], '2026-11-30T10:00:00.000Z'), computed(vernielingen, [5], '2026-11-30T10:00:00.000Z')]);
    const started = await startComputation(db, { municipalityId: 'uithoorn', trigger: 'change', indicatorIds: ['vernielingen'] });
    await storeComputation(db, {
      computationId: started.id,
      municipalityId: 'uithoorn',
      indicatorIds: ['vernielingen'],
      finishedAt: '2026-11-30T11:00:00.000Z',
      workspace: null,
      inputs: { sources: [], definitions: [] },
      problems: [],
      indicators: [],
    });
    expect((await listStoredIndicators(db, 'uithoorn')).map((item) => item.indicatorId)).toEqual(['winkeldiefstallen']);
  });

  it('imports the programs again only when they changed, in the same transaction', async () => {
    const imports = async () => (await listAudit(db, 'workspace', 'uithoorn')).filter((entry) => entry.action === 'import').length;
    expect(await imports()).toBe(1);
    await compute([computed(winkeldiefstallen, [2.1], '2026-11-30T10:00:00.000Z')]);
    expect(await imports()).toBe(1);

    const renamed = fixtureWorkspace({ indicators: [winkeldiefstallen, vernielingen], municipality: 'Gemeente Uithoorn' });
    await compute([computed(winkeldiefstallen, [2.1], '2026-11-30T10:00:00.000Z')], { workspace: renamed });
    expect(await imports()).toBe(2);
    expect(await listMunicipalityWorkspaces(db)).toEqual([{ id: 'uithoorn', name: 'Gemeente Uithoorn', workspaceRoot: '/tmp/uithoorn' }]);
  });

  it('stores nothing of a computation that cannot be stored whole', async () => {
    await compute([computed(winkeldiefstallen, [2.1], '2026-11-30T10:00:00.000Z')]);
    const duplicated = fixtureWorkspace({ indicators: [winkeldiefstallen, winkeldiefstallen] });
    await expect(compute([computed(winkeldiefstallen, [9], '2026-11-30T11:00:00.000Z')], { workspace: duplicated })).rejects.toThrow(
      /indicator id "winkeldiefstallen" is also used/,
    );

    const [stored] = await listStoredIndicators(db, 'uithoorn');
    expect(stored?.report?.values).toEqual([{ period: '2025-Q1', value: 2.1 }]);
    expect((await listComputations(db, 'uithoorn')).map((record) => record.status)).toEqual(['running', 'succeeded']);
  });

  it('fails a computation as a whole, and every computation a stopped server left running', async () => {
    const crashed = await startComputation(db, { municipalityId: 'uithoorn', trigger: 'change' });
    await failComputation(db, crashed.id, 'the computation stopped unexpectedly (signal SIGKILL)');
    const history = await computationHistory(db, 'uithoorn');
    expect(history.latest).toMatchObject({ status: 'failed', error: 'the computation stopped unexpectedly (signal SIGKILL)' });
    expect(history.lastFinished?.id).toBe(crashed.id);

    await startComputation(db, { municipalityId: 'uithoorn', trigger: 'start' });
    expect(await failInterruptedComputations(db, 'interrupted')).toBe(1);
    expect((await computationHistory(db, 'uithoorn')).latest).toMatchObject({ status: 'failed', error: 'interrupted' });
  });

  it('lists one indicator across municipalities by name', async () => {
    await importWorkspace(db, 'aalsmeer', fixtureWorkspace({ municipality: 'Aalsmeer' }));
    await compute([computed(winkeldiefstallen, [2.1], '2026-11-30T10:00:00.000Z')]);
    const started = await startComputation(db, { municipalityId: 'aalsmeer', trigger: 'start' });
    await storeComputation(db, {
      computationId: started.id,
      municipalityId: 'aalsmeer',
      finishedAt: '2026-11-30T10:00:00.000Z',
      workspace: null,
      inputs: { sources: [], definitions: [] },
      problems: [],
      indicators: [computed(winkeldiefstallen, [3.5], '2026-11-30T10:00:00.000Z')],
    });

    const everywhere = await listStoredIndicatorEverywhere(db, 'winkeldiefstallen');
    expect(everywhere.map((item) => [item.municipalityId, item.report?.latest?.value])).toEqual([
      ['aalsmeer', 3.5],
      ['uithoorn', 2.1],
    ]);
  });
});
