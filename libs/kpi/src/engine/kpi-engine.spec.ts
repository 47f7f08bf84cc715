import { DuckDBInstance } from '@duckdb/node-api';
import type { IndicatorDefinition, SourceDefinition, Workspace } from '@koers/domain';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeTempWorkspace } from '../sources/temp-workspace.testing';
import { createKpiEngine, type KpiEngine } from './kpi-engine';

const misdrijvenCsv = [
  'pleegdatum,soort,wijk',
  '2024-02-01,winkeldiefstal,Centrum',
  '2024-05-01,winkeldiefstal,Noord',
  '2025-01-10,winkeldiefstal,Centrum',
  '2025-02-11,inbraak,Noord',
  '2025-04-02,winkeldiefstal,',
  '2025-05-03,winkeldiefstal,Centrum',
  '2025-06-04,inbraak,Centrum',
].join('\n');
const bevolkingCsv = 'peildatum,wijk,inwoners\n2024-01-01,Centrum,1000\n2024-01-01,Noord,900\n2025-01-01,Centrum,1100\n2025-01-01,Noord,1000\n';

const sources: SourceDefinition[] = [
  { id: 'misdrijven', title: 'Misdrijven', path: 'data/misdrijven.csv', file: 'sources/misdrijven.yaml' },
  { id: 'bevolking', title: 'Bevolking', path: 'data/bevolking.csv', file: 'sources/bevolking.yaml' },
];

function indicator(overrides: Partial<IndicatorDefinition> & { id: string }): IndicatorDefinition {
  return {
    title: overrides.id,
    unit: 'aantal',
    direction: 'lower_is_better',
    grain: 'quarter',
    source: 'misdrijven',
    time: 'pleegdatum',
    measure: 'count(*)',
    dimensions: [],
    targets: {},
    tolerance: 0.1,
    bbv: false,
    file: `indicators/${overrides.id}.yaml`,
    ...overrides,
  };
}

const winkeldiefstallen = indicator({
  id: 'winkeldiefstallen',
  filter: "soort = 'winkeldiefstal'",
  per: { source: 'bevolking', time: 'peildatum', measure: 'sum(inwoners)', scale: 1000 },
  targets: { '2025': 0.9 },
});
const perWijk = indicator({ id: 'per-wijk', dimensions: ['wijk'], grain: 'year' });
const inwoners = indicator({ id: 'inwoners', source: 'bevolking', time: 'peildatum', measure: 'sum(inwoners)', grain: 'year', direction: 'higher_is_better' });

async function engineFor(indicators: IndicatorDefinition[]) {
  const root = await writeTempWorkspace({ 'data/misdrijven.csv': misdrijvenCsv, 'data/bevolking.csv': bevolkingCsv });
  const workspace: Workspace = { root, municipality: 'Test', sources, indicators, programs: [] };
  return { root, engine: await createKpiEngine({ workspace, queryTimeoutMs: 10_000 }) };
}

describe('KpiEngine', () => {
  let engine: KpiEngine | undefined;
  afterEach(() => engine?.close());

  it('computes the contract result, equal to a hand-written DuckDB query', async () => {
    const setup = await engineFor([winkeldiefstallen, perWijk]);
    engine = setup.engine;
    expect((await engine.loadSources()).errors).toEqual([]);
    const { indicators, errors } = await engine.computeAll();
    expect(errors).toEqual([]);

    // The same numbers, written by hand against the raw files.
    const hand = await (await DuckDBInstance.create(':memory:')).connect();
    const expected = await hand.runAndReadAll(`
      WITH m AS (SELECT * FROM read_csv('${join(setup.root, 'data/misdrijven.csv')}')),
           b AS (SELECT peildatum, sum(inwoners) AS inwoners FROM read_csv('${join(setup.root, 'data/bevolking.csv')}') GROUP BY 1),
           q AS (SELECT date_trunc('quarter', pleegdatum) AS start, count(*) FILTER (WHERE soort = 'winkeldiefstal') AS n FROM m GROUP BY 1)
      SELECT strftime(start, '%Y') || '-Q' || quarter(start) AS period,
             n / (SELECT inwoners FROM b WHERE peildatum < start + INTERVAL 3 MONTH ORDER BY peildatum DESC LIMIT 1) * 1000 AS value
      FROM q ORDER BY period`);
    hand.closeSync();
    const result = indicators.find((candidate) => candidate.id === 'winkeldiefstallen');
    expect(result?.values).toEqual(expected.getRowObjectsJS());
    expect(result?.values.map((value) => value.period)).toEqual(['2024-Q1', '2024-Q2', '2025-Q1', '2025-Q2']);
    // 2025-Q2: two shoplifting reports over 2 100 inhabitants (the 2025 snapshot).
    expect(result?.latest).toEqual({ period: '2025-Q2', value: (2 / 2100) * 1000 });
    expect(result).toMatchObject({ status: 'at_risk', target: 0.9, breakdown: {} });

    const byWijk = indicators.find((candidate) => candidate.id === 'per-wijk');
    expect(byWijk?.breakdown['wijk']).toEqual([
      { member: 'Centrum', period: '2024', value: 1 },
      { member: 'Centrum', period: '2025', value: 3 },
      { member: 'Noord', period: '2024', value: 1 },
      { member: 'Noord', period: '2025', value: 1 },
      { member: null, period: '2025', value: 1 },
    ]);
  });

  it('reports baseline, trends and lineage for the dashboard', async () => {
    const setup = await engineFor([{ ...perWijk, baseline: { period: '2024', value: 2 } }]);
    engine = setup.engine;
    await engine.loadSources();
    await engine.computeAll();
    const [report] = engine.reports();
    expect(report?.baseline).toEqual({ period: '2024', value: 2 });
    expect(report?.latestTrend).toMatchObject({ period: '2025', value: 5, previous: { period: '2024', value: 2, delta: 3, percent: 150 } });
    expect(report?.latestTrend?.yearAgo).toEqual(report?.latestTrend?.previous);
    expect(report?.lineage.sql).toContain('"source_misdrijven"');
    expect(report?.lineage.sources).toEqual([
      expect.objectContaining({ sourceId: 'misdrijven', version: 1, rowCount: 7, files: ['data/misdrijven.csv'] }),
    ]);
  });

  it('recomputes only the indicators that depend on a refreshed source', async () => {
    const setup = await engineFor([winkeldiefstallen, perWijk, inwoners]);
    engine = setup.engine;
    await engine.loadSources();
    await engine.computeAll();
    await writeFile(join(setup.root, 'data/bevolking.csv'), `${bevolkingCsv}2026-01-01,Centrum,1200\n`);
    const refresh = await engine.refreshSource('bevolking');
    expect(refresh.version.version).toBe(2);
    expect(refresh.unchanged).toBe(false);
    expect(refresh.recomputed).toEqual(['winkeldiefstallen', 'inwoners']);
    const computedAt = engine.reports().map((candidate) => candidate.lineage.computedAt);
    const again = await engine.refreshSource('bevolking');
    expect(again).toEqual({ version: refresh.version, unchanged: true, recomputed: [], errors: [] });
    expect(engine.reports().map((candidate) => candidate.lineage.computedAt)).toEqual(computedAt);
    const report = engine.reports().find((candidate) => candidate.id === 'inwoners');
    expect(report?.latest).toEqual({ period: '2026', value: 1200 });
    expect(report?.lineage.sources[0]?.version).toBe(2);
  });

  it('keeps serving the previous version when a refresh fails', async () => {
    const setup = await engineFor([inwoners]);
    engine = setup.engine;
    await engine.loadSources();
    await rm(join(setup.root, 'data/bevolking.csv'));
    await expect(engine.refreshSource('bevolking')).rejects.toThrow(/not found/);
    const { indicators, errors } = await engine.computeAll();
    expect(errors).toEqual([]);
    expect(indicators[0]?.latest).toEqual({ period: '2025', value: 2100 });
  });

  it('lists a broken indicator or source under errors and computes the rest', async () => {
    const setup = await engineFor([
      perWijk,
      indicator({ id: 'onbekende-kolom', measure: 'sum(bestaat_niet)' }),
      indicator({ id: 'leest-bestand', measure: "(SELECT count(*) FROM read_csv('/etc/passwd'))" }),
      indicator({ id: 'tweede-statement', measure: 'count(*); DROP TABLE source_misdrijven' }),
      indicator({ id: 'kapotte-bron', source: 'kapot', time: 'd' }),
    ]);
    engine = setup.engine;
    (engine as unknown as { workspace: Workspace }).workspace = {
      ...(engine as unknown as { workspace: Workspace }).workspace,
      sources: [...sources, { id: 'kapot', title: 'Kapot', path: 'data/bestaat-niet.csv', file: 'sources/kapot.yaml' }],
    };
    const load = await engine.loadSources();
    expect(load.errors).toEqual([expect.objectContaining({ file: 'sources/kapot.yaml', message: expect.stringContaining('not found') })]);
    const { indicators, errors } = await engine.computeAll();
    expect(indicators.map((result) => result.id)).toEqual(['per-wijk']);
    const byFile = Object.fromEntries(errors.map((error) => [error.file, error.message]));
    expect(byFile['indicators/onbekende-kolom.yaml']).toMatch(/^measure: .*bestaat_niet/);
    expect(byFile['indicators/leest-bestand.yaml']).toMatch(/^measure: /);
    expect(byFile['indicators/tweede-statement.yaml']).toMatch(/^measure: .*;/);
    expect(byFile['indicators/kapotte-bron.yaml']).toContain('source "kapot" did not load');
    expect(byFile['sources/kapot.yaml']).toContain('data/bestaat-niet.csv');
    expect(await engine.sandbox.select('SELECT count(*) FROM source_misdrijven')).toEqual([[7n]]);
  });

  it('shares one scan per source, time and grain, and a failing batch still computes its sound indicators', async () => {
    const alle = indicator({ id: 'alle' });
    const perSoort = indicator({ id: 'per-soort', dimensions: ['soort', 'wijk'], filter: "wijk <> 'Noord'" });
    const kapot = indicator({ id: 'kapot', measure: 'sum(bestaat_niet)' });
    const setup = await engineFor([alle, perSoort, winkeldiefstallen]);
    engine = setup.engine;
    await engine.loadSources();
    const batched = await engine.computeAll();
    const lineage = engine.reports().map((report) => [report.id, report.lineage.indicatorColumn, report.lineage.sql.includes('koers_pass')]);
    expect(lineage).toEqual([
      ['alle', 'alle', true],
      ['per-soort', 'per-soort', true],
      ['winkeldiefstallen', 'winkeldiefstallen', true],
    ]);
    expect(new Set(engine.reports().map((report) => report.lineage.sql)).size).toBe(1);
    expect(engine.reports()[2]?.lineage.sources.map((source) => source.sourceId)).toEqual(['misdrijven', 'bevolking']);

    // The same indicators one by one (each alone in its workspace) give the very same results.
    for (const single of [alle, perSoort, winkeldiefstallen]) {
      const alone = await engineFor([single]);
      await alone.engine.loadSources();
      const { indicators } = await alone.engine.computeAll();
      expect(alone.engine.reports()[0]?.lineage.indicatorColumn).toBeNull();
      alone.engine.close();
      expect(indicators).toEqual(batched.indicators.filter((result) => result.id === single.id));
    }

    const broken = await engineFor([alle, kapot, perSoort]);
    engine.close();
    engine = broken.engine;
    await engine.loadSources();
    const { indicators, errors } = await engine.computeAll();
    expect(indicators).toEqual(batched.indicators.filter((result) => result.id !== 'winkeldiefstallen'));
    expect(errors).toEqual([expect.objectContaining({ file: 'indicators/kapot.yaml', field: 'measure', message: expect.stringMatching(/bestaat_niet/) })]);
    expect(engine.reports().map((report) => report.lineage.indicatorColumn)).toEqual([null, null]);
  });

  it('syncSources on a persisted database loads only what changed, and keeps a failing source serving', async () => {
    const setup = await engineFor([winkeldiefstallen, inwoners]);
    setup.engine.close();
    const workspace: Workspace = { root: setup.root, municipality: 'Test', sources, indicators: [winkeldiefstallen, inwoners], programs: [] };
    const databasePath = join(setup.root, 'engine.duckdb');
    const first = await createKpiEngine({ workspace, databasePath });
    const initial = await first.syncSources();
    first.close();
    expect(initial.changed).toEqual(['misdrijven', 'bevolking']);

    await writeFile(join(setup.root, 'data/bevolking.csv'), `${bevolkingCsv}2026-01-01,Centrum,1200\n`);
    engine = await createKpiEngine({ workspace, databasePath });
    const second = await engine.syncSources();
    expect(second.changed).toEqual(['bevolking']);
    expect(second.versions.map((version) => [version.sourceId, version.version])).toEqual([['misdrijven', 1], ['bevolking', 2]]);

    await rm(join(setup.root, 'data/bevolking.csv'));
    const broken = await engine.syncSources();
    expect(broken.changed).toEqual([]);
    expect(broken.errors).toEqual([expect.objectContaining({ sourceId: 'bevolking', file: 'sources/bevolking.yaml' })]);
    expect(broken.versions.map((version) => [version.sourceId, version.version])).toEqual([['misdrijven', 1], ['bevolking', 2]]);
    const { indicators } = await engine.computeAll();
    expect(indicators.find((result) => result.id === 'inwoners')?.latest).toEqual({ period: '2026', value: 1200 });
  });

  it('check reports an unknown column on the field that names it, without computing', async () => {
    const setup = await engineFor([
      perWijk,
      indicator({ id: 'filter-fout', filter: "sort = 'x'" }),
      indicator({ id: 'dimensie-fout', dimensions: ['buurt'] }),
      indicator({ id: 'tijd-fout', time: 'soort' }),
    ]);
    engine = setup.engine;
    await engine.loadSources();
    const problems = await engine.check();
    expect(problems.map((problem) => [problem.file, problem.field])).toEqual([
      ['indicators/filter-fout.yaml', 'filter'],
      ['indicators/dimensie-fout.yaml', 'dimensions[0]'],
      ['indicators/tijd-fout.yaml', 'time'],
    ]);
    expect(problems[0]?.message).toMatch(/"sort"/);
    expect(problems[2]?.message).toContain('not a date or timestamp');
  });
});
