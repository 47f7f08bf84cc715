// The KPI benchmark (issue 3, item 7): `npm run bench:kpi [-- --help]`. See ../README.md.
import { compileIndicator, createKpiEngine, LocalSandboxSession, quoteIdentifier, sourceTableName } from '@koers/kpi';
import { loadWorkspace } from '@koers/workspace';
import { rm } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { parseBenchOptions, usage, type BenchOptions } from './bench-options';
import { generateBenchWorkspace } from './bench-workspace';
import { koersSide, runEndToEnd, scriptSide } from './end-to-end/end-to-end.runner';
import { runHandWritten, runRows } from './hand-written/hand-written.runner';
import { valuesOfResult } from './indicator-values';
import { bytes, duckDbMemory, peakRssBytes } from './memory';
import { rewritePopulation } from './population-refresh';
import { alternate, median, perSecond, seconds, timed } from './timing';
import { verifyAgreement } from './verification';

const say = (line: string) => console.log(line);
const load = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');

async function main(options: BenchOptions): Promise<void> {
  say(
    `KPI benchmark: ${options.rows.toLocaleString('en-US')} rows, ${options.indicators} indicators, ${options.runs} timed runs per side`,
  );
  say(
    `machine: ${cpus().length} cores, load average ${load()}; DuckDB threads ${options.threads}, memory_limit ${options.memoryLimit}`,
  );

  const generated = await generateBenchWorkspace(options.rows, options.indicators);
  say(`generate: ${seconds(generated.milliseconds)} (${generated.summary})`);
  try {
    const keyFigures = await benchmark(options, generated.dir);
    await endToEnd(options, generated.dir);
    for (const line of keyFigures) say(line);
  } finally {
    if (options.keep) say(`workspace kept in ${generated.dir}`);
    else await rm(generated.dir, { recursive: true, force: true });
  }
}

/**
 * `koers compute` and a hand-written DuckDB script, each as its own process,
 * start to exit, on the same workspace (after the in-process engine is closed).
 */
async function endToEnd(options: BenchOptions, dir: string): Promise<void> {
  const { workspace } = await loadWorkspace(dir);
  const { times, agreement } = await runEndToEnd(workspace, options.runs);
  const koers = times.get(koersSide) ?? [];
  const script = times.get(scriptSide) ?? [];
  say(
    `end to end, each its own process, start included: ${koersSide} ${seconds(median(koers))} median of ${koers.map((ms) => seconds(ms)).join(', ')}; ` +
      `${scriptSide} ${seconds(median(script))} median of ${script.map((ms) => seconds(ms)).join(', ')}; ` +
      `same ${agreement.values.toLocaleString('en-US')} values; koers/script ratio ${(median(koers) / median(script)).toFixed(2)}`,
  );
}

/** Runs the in-process phases and prints their lines; returns the key figures' lines, printed last. */
async function benchmark(options: BenchOptions, dir: string): Promise<string[]> {
  const { workspace, problems } = await loadWorkspace(dir);
  if (problems.length > 0)
    throw new Error(
      `the generated workspace has problems:\n${problems.map((p) => `${p.file}: ${p.message}`).join('\n')}`,
    );
  const indicators = workspace.indicators;
  const count = (test: (i: (typeof indicators)[number]) => boolean) => indicators.filter(test).length;
  say(
    `workspace: ${workspace.sources.length} sources, ${indicators.length} indicators (${count((i) => i.dimensions.length > 0)} with dimensions, ` +
      `${count((i) => i.per !== undefined)} with per, ${count((i) => i.filter !== undefined)} with a filter; ` +
      `grains ${['month', 'quarter', 'year'].map((g) => `${g} ${count((i) => i.grain === g)}`).join(', ')})`,
  );

  // In this process, so the hand-written side can share the engine's database (the end-to-end line runs the real thing).
  const engine = await createKpiEngine({
    workspace,
    memoryLimit: options.memoryLimit,
    threads: options.threads,
    queryTimeoutMs: 600_000,
    isolation: 'in-process',
  });
  if (!(engine.sandbox instanceof LocalSandboxSession)) throw new Error('the benchmark needs the engine in this process');
  // The hand-written side reads the engine's own tables through a second connection to the same
  // DuckDB instance: same data, same threads and memory_limit, same buffer pool.
  const hand = await engine.sandbox.database.connect();
  let duckDbPeak = 0;
  const sampleDuckDb = async () => {
    const memory = await duckDbMemory(hand);
    duckDbPeak = Math.max(duckDbPeak, memory.memoryBytes + memory.temporaryBytes);
    return memory;
  };
  try {
    const loaded = await timed(() => engine.loadSources());
    if (loaded.result.errors.length > 0)
      throw new Error(`sources failed to load: ${JSON.stringify(loaded.result.errors)}`);
    const rows = loaded.result.versions.reduce((total, version) => total + version.rowCount, 0);
    const afterLoad = await sampleDuckDb();
    say(
      `load: ${seconds(loaded.milliseconds)} for ${rows.toLocaleString('en-US')} rows, ${perSecond(rows, loaded.milliseconds, 'rows')} (DuckDB holds ${bytes(afterLoad.memoryBytes)})`,
    );

    const warmEngine = await timed(() => engine.computeAll());
    if (warmEngine.result.errors.length > 0)
      throw new Error(`the engine reported errors: ${JSON.stringify(warmEngine.result.errors)}`);
    const warmHand = await timed(() => runHandWritten(hand, indicators));
    const warmOneScan = await timed(() => runHandWritten(hand, indicators, 'one-scan'));
    const agreement = verifyAgreement(warmEngine.result.indicators, warmHand.result);
    verifyAgreement(warmEngine.result.indicators, warmOneScan.result);
    say(
      `warm-up: engine ${seconds(warmEngine.milliseconds)}, hand-written ${seconds(warmHand.milliseconds)}, ` +
        `hand-written one scan ${seconds(warmOneScan.milliseconds)}; load average ${load()}`,
    );
    say(
      `check: engine = hand-written = hand-written one scan for all ${agreement.indicators} indicators, ${agreement.values.toLocaleString('en-US')} values (relative 1e-9)`,
    );

    // The engine's own SQL run bare on the same connection as the hand-written: tells the SQL's share from the engine's own work.
    const compiled = indicators.map(
      (indicator) => compileIndicator(indicator, (id) => quoteIdentifier(sourceTableName(id))).sql,
    );
    const times = await alternate(
      [
        { name: 'engine', run: () => engine.computeAll() },
        { name: 'hand-written', run: () => runHandWritten(hand, indicators) },
        { name: 'hand-written one scan', run: () => runHandWritten(hand, indicators, 'one-scan') },
        {
          name: 'compiled SQL alone',
          run: async () => {
            for (const sql of compiled) await runRows(hand, sql);
          },
        },
      ],
      options.runs,
    );
    await sampleDuckDb();
    const medians = new Map([...times].map(([name, list]) => [name, median(list)]));
    const sourceRows =
      indicators.length * (loaded.result.versions.find((v) => v.sourceId === indicators[0]?.source)?.rowCount ?? rows);
    for (const [name, list] of times) {
      const middle = medians.get(name) ?? 0;
      say(
        `compute, ${name}: ${seconds(middle)} median of ${list.map((ms) => seconds(ms)).join(', ')}; ` +
          `${perSecond(rows, middle, 'rows')}, ${perSecond(sourceRows, middle, 'indicator-rows')}`,
      );
    }
    say(`load average after the timed runs: ${load()}`);

    await rewritePopulation(dir);
    const refreshed = await timed(() => engine.refreshSource('bevolking'));
    const expected = indicators
      .filter((i) => i.source === 'bevolking' || i.per?.source === 'bevolking')
      .map((i) => i.id);
    const recomputed = [...refreshed.result.recomputed];
    if (recomputed.length >= indicators.length || [...recomputed].sort().join() !== [...expected].sort().join()) {
      throw new Error(
        `refreshing bevolking recomputed ${recomputed.length} indicators (${recomputed.join(', ')}), expected only its ${expected.length} dependents (${expected.join(', ')})`,
      );
    }
    say(
      `refresh bevolking + recompute: ${seconds(refreshed.milliseconds)}, recomputed ${recomputed.length} of ${indicators.length} indicators (exactly its dependents): ${recomputed.join(', ')}`,
    );
    const dependents = indicators.filter((indicator) => recomputed.includes(indicator.id));
    const afterRefresh = verifyAgreement(
      engine.reports().filter((report) => recomputed.includes(report.id)),
      await runHandWritten(hand, dependents),
    );
    say(
      `check after refresh: engine = hand-written for the ${afterRefresh.indicators} recomputed indicators, ${afterRefresh.values.toLocaleString('en-US')} values`,
    );
    const unchanged = engine.reports().filter((report) => !recomputed.includes(report.id));
    const before = new Map(
      warmEngine.result.indicators.map((result) => [result.id, JSON.stringify([...valuesOfResult(result)])]),
    );
    if (unchanged.some((report) => JSON.stringify([...valuesOfResult(report)]) !== before.get(report.id))) {
      throw new Error('an indicator that does not read bevolking changed after refreshing bevolking');
    }

    const final = await sampleDuckDb();
    say(
      `memory: peak process RSS ${bytes(peakRssBytes())} (node + DuckDB, process.resourceUsage().maxRSS); ` +
        `DuckDB duckdb_memory() ${bytes(final.memoryBytes)} now, ${bytes(duckDbPeak)} the most sampled after a phase, ` +
        `spilled ${bytes(final.temporaryBytes)}; memory_limit ${final.limit}`,
    );
    const ratio = (medians.get('engine') ?? 0) / (medians.get('hand-written') ?? 1);
    const strict = (medians.get('engine') ?? 0) / (medians.get('hand-written one scan') ?? 1);
    const bare = (medians.get('compiled SQL alone') ?? 0) / (medians.get('hand-written') ?? 1);
    return [
      `compiled SQL alone/hand-written ratio: ${bare.toFixed(2)}; compute/hand-written one scan ratio: ${strict.toFixed(2)}`,
      `compute/hand-written ratio: ${ratio.toFixed(2)}`,
    ];
  } finally {
    hand.closeSync();
    await engine.close();
  }
}

let parsed: BenchOptions | 'help';
try {
  parsed = parseBenchOptions(process.argv.slice(2), process.env);
} catch (error) {
  console.error(`bench:kpi: ${error instanceof Error ? error.message : String(error)}\n\n${usage}`);
  process.exit(2);
}
if (parsed === 'help') console.log(usage);
else
  await main(parsed).catch((error: unknown) => {
    console.error(`bench:kpi FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exitCode = 1;
  });
