// The real appRouter over the real stored state, on both app databases: what
// the API answers is the same whether the installation runs on the embedded
// DuckDB file or on PostgreSQL.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appRouter, createCallerFactory } from '@koers/api';
import { computeMunicipality } from '@koers/computation';
import { type Viewer } from '@koers/domain';
import { createKoersCatalog, importWorkspace, startComputation, storeComputation } from '@koers/persistence';
import { databaseKinds, openTestDatabase, type TestDatabase } from '@koers/persistence/testing';
import { loadWorkspace } from '@koers/workspace';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { repositoryRoot } from './server.env';

const college: Viewer = { userId: 'c', name: 'College', email: 'c@uithoorn.nl', grants: [{ municipalityId: 'uithoorn', role: 'college' }] };

describe.each(databaseKinds)('the API over stored results on %s', (kind) => {
  let testDatabase: TestDatabase;
  let folder: string;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'koers-router-'));
    testDatabase = await openTestDatabase(kind, inject('postgresUrl'));
    const root = join(repositoryRoot, 'data/demo/uithoorn');
    await importWorkspace(testDatabase.db, 'uithoorn', (await loadWorkspace(root)).workspace, { actor: 'test' });
    const started = await startComputation(testDatabase.db, { municipalityId: 'uithoorn', trigger: 'start' });
    const outcome = await computeMunicipality({
      computationId: started.id,
      municipalityId: 'uithoorn',
      workspaceRoot: root,
      engineDatabasePath: join(folder, 'engine.duckdb'),
      memoryLimit: '1GB',
      queryTimeoutMs: 30_000,
    });
    await storeComputation(testDatabase.db, outcome);
  }, 120_000);

  afterAll(async () => {
    await testDatabase?.remove();
    await rm(folder, { recursive: true, force: true });
  });

  const caller = (viewer: Viewer | null) =>
    createCallerFactory(appRouter)({ catalog: createKoersCatalog(testDatabase.db), viewer, mode: 'demo', now: () => new Date('2026-11-30T12:00:00Z') });

  it('answers the overview, a program and an indicator from what is stored', async () => {
    const api = caller(college);
    const overview = await api.overview.get({ municipalityId: 'uithoorn' });
    expect(overview.computation).toMatchObject({ state: 'ready', hasResults: true });
    expect(overview.programs.length).toBeGreaterThanOrEqual(9);
    expect(Object.values(overview.indicatorStatus).reduce((sum, count) => sum + count, 0)).toBe(24);

    const program = await api.programs.get({ municipalityId: 'uithoorn', programId: 'veiligheid' });
    expect(program.indicators.map((indicator) => indicator.id)).toContain('winkeldiefstallen');

    const indicator = await api.indicators.get({ municipalityId: 'uithoorn', indicatorId: 'winkeldiefstallen' });
    expect(indicator.series.length).toBe(20);
    expect(indicator.breakdown[0]?.dimension).toBe('wijk');
    expect(indicator.lineage?.sources.map((source) => source.sourceId)).toEqual(['misdrijven', 'bevolking']);
  });

  it('refuses what the access table refuses, and reports a missing one as NOT_FOUND', async () => {
    await expect(caller(null).overview.get({ municipalityId: 'uithoorn' })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(caller(college).overview.get({ municipalityId: 'diemen' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(caller(college).indicators.get({ municipalityId: 'uithoorn', indicatorId: 'bestaat-niet' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(caller(college).audit.list({ municipalityId: 'uithoorn' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('lets an admin read the audit trail of the import, newest first, filtered by entity', async () => {
    const admin: Viewer = { ...college, grants: [{ municipalityId: 'uithoorn', role: 'admin' }] };
    const programs = await caller(admin).audit.list({ municipalityId: 'uithoorn', entity: 'program', limit: 5 });
    expect(programs).toHaveLength(5);
    expect(programs.every((entry) => entry.entity === 'program' && entry.action === 'create' && entry.actor === 'test')).toBe(true);
    const next = await caller(admin).audit.list({ municipalityId: 'uithoorn', entity: 'program', limit: 5, after: programs.at(-1) });
    expect(next.map((entry) => entry.id)).not.toContain(programs[0]?.id);
  });
});
