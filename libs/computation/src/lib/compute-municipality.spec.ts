import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { ComputedIndicator, FailedIndicator } from '@koers/domain';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ComputationRequest } from './computation-request';
import { computeMunicipality } from './compute-municipality';
import { createComputationFolder } from './testing/computation-workspace.fixture';

describe('computeMunicipality', () => {
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

  it('computes every indicator with the status of each value, source titles in the lineage, and what it used', async () => {
    const outcome = await computeMunicipality(request);

    expect(outcome.problems).toEqual([]);
    expect(outcome.workspace?.municipality).toBe('Proefdorp');
    const [inwoners, winkeldiefstallen] = outcome.indicators as ComputedIndicator[];
    expect(winkeldiefstallen?.report.values.map((value) => value.period)).toEqual(['2024-Q1', '2024-Q2', '2025-Q1', '2025-Q2']);
    // 2025-Q2: two shoplifting reports over 2 100 inhabitants, 0.95: above the target 0.9, within its 10%.
    expect(winkeldiefstallen?.report.latest).toEqual({ period: '2025-Q2', value: (2 / 2100) * 1000 });
    expect(winkeldiefstallen?.statuses).toEqual([
      { period: '2024-Q1', status: 'no_target' },
      { period: '2024-Q2', status: 'no_target' },
      { period: '2025-Q1', status: 'on_track' },
      { period: '2025-Q2', status: 'at_risk' },
    ]);
    expect(winkeldiefstallen?.report.lineage.sources.map((source) => [source.sourceId, source.title])).toEqual([
      ['misdrijven', 'Geregistreerde misdrijven'],
      ['bevolking', 'Bevolking per wijk'],
    ]);
    expect(winkeldiefstallen?.definition.text).toContain("filter: soort = 'winkeldiefstal'");
    expect(inwoners?.report.latest).toEqual({ period: '2025', value: 2100 });
    expect(outcome.inputs.sources.map((source) => [source.sourceId, source.version, source.rowCount])).toEqual([
      ['bevolking', 1, 4],
      ['misdrijven', 1, 6],
    ]);
    expect(outcome.inputs.definitions.map((definition) => definition.file)).toEqual([
      'indicators/inwoners.yaml',
      'indicators/winkeldiefstallen.yaml',
      'programs/veiligheid.yaml',
      'sources/bevolking.yaml',
      'sources/misdrijven.yaml',
    ]);
  });

  it('reports the dependents of a source that no longer loads as failed, naming the source, while the others compute', async () => {
    await computeMunicipality(request);
    await rm(join(folder.root, 'data/misdrijven.csv'));
    const outcome = await computeMunicipality({ ...request, computationId: 'c2' });

    const [inwoners, winkeldiefstallen] = outcome.indicators;
    expect((winkeldiefstallen as FailedIndicator).problem.message).toMatch(/^bron "misdrijven" kon niet worden geladen: /);
    expect((inwoners as ComputedIndicator).report.latest?.value).toBe(2100);
    expect(outcome.problems).toEqual([expect.objectContaining({ file: 'sources/misdrijven.yaml' })]);
    // The source that failed keeps serving its version in the engine's database.
    expect(outcome.inputs.sources.map((source) => [source.sourceId, source.version])).toEqual([
      ['bevolking', 1],
      ['misdrijven', 1],
    ]);
  });

  it('leaves the programs out of the outcome when a program file has a problem, and names it', async () => {
    await folder.write('programs/veiligheid.yaml', 'title: [Veiligheid\n');
    const outcome = await computeMunicipality(request);

    expect(outcome.workspace).toBeNull();
    expect(outcome.problems).toEqual([expect.objectContaining({ file: 'programs/veiligheid.yaml' })]);
    expect(outcome.indicators).toHaveLength(2);
  });

  it('fails as a whole for a workspace folder that is not there', async () => {
    await expect(computeMunicipality({ ...request, workspaceRoot: join(folder.path, 'weg') })).rejects.toThrow(/does not exist/);
  });
});
