import type { IndicatorDefinition, IndicatorResult, SourceDefinition, Workspace } from '@koers/domain';
import { isGlob } from '../sources/source-files';
import { compileIndicator, compileIndicatorsForSource, quoteIdentifier, type CompiledIndicator } from '../compile/index';
import { isStopped } from '../sandbox/engine-stopped.error';
import { LocalSandboxSession, type SessionOptions } from '../sandbox/local-session';
import { ProcessSandboxSession } from '../sandbox/process-session';
import { messageOf, type SandboxOptions } from '../sandbox/sandbox-database';
import type { SandboxSession } from '../sandbox/sandbox-session';
import type { SourceLimits } from '../sources/source-limits';
import { SourceLoadError } from '../sources/source-load.error';
import { sourceTableName, type SourceVersion } from '../sources/source-version';
import { lineageOf, runBatch, type ResultRows } from './batch.runner';
import type { ComputeOutcome, EngineError, IndicatorReport, Lineage, LoadOutcome, RefreshOutcome } from './engine.types';
import { bindIndicatorFields, duckdbMessage, guardIndicator, guardIndicators, indicatorError } from './indicator-sql.checks';
import { buildIndicatorReport } from './indicator-report.builder';
import { buildIndicatorResult } from './indicator-result.builder';
import { type NumericColumns, readNumericColumns } from './member-order';

/** Options of {@link createKpiEngine}; everything but `workspace` is optional. */
export interface KpiEngineOptions extends SandboxOptions {
  /** The workspace as `@koers/workspace`'s `loadWorkspace` returns it. */
  readonly workspace: Workspace;
  /** Called with a line of progress while sources load (the CLI prints it on a terminal). */
  readonly onProgress?: (message: string) => void;
  /** Limits of one source's load: size after decompression, columns, time (see `defaultSourceLimits`). */
  readonly sourceLimits?: Partial<SourceLimits>;
  /**
   * `process` (the default): DuckDB runs in a child process that is ended past
   * a time or memory limit, and whose crash costs one source or indicator.
   * `in-process`: DuckDB runs here, bounded only by its own interrupt and
   * memory_limit; for tools that need the database itself (`tools/bench`).
   */
  readonly isolation?: 'process' | 'in-process';
  /**
   * A sandbox opened already with {@link openSandbox} (on this workspace's
   * root), for a caller that starts the engine's process while it reads the
   * workspace; the database options and `isolation` here are then not used.
   */
  readonly sandbox?: SandboxSession;
}

/** What {@link openSandbox} needs: the workspace root, the database and its limits, and where DuckDB runs. */
export type OpenSandboxOptions = SessionOptions & Pick<KpiEngineOptions, 'isolation'>;

/** One indicator's last computation. */
interface Computed {
  readonly report?: IndicatorReport;
  readonly errors: readonly EngineError[];
}

/** An indicator that passed the guard and compiled, ready to run. */
interface Ready {
  readonly indicator: IndicatorDefinition;
  readonly compiled: CompiledIndicator;
}

/**
 * Opens the sandboxed database and returns an engine for `workspace`.
 *
 * @example
 * const { workspace } = await loadWorkspace('data/demo');
 * const engine = await createKpiEngine({ workspace, queryTimeoutMs: 10_000 });
 * try {
 *   await engine.loadSources();
 *   const { indicators, errors } = await engine.computeAll();
 * } finally {
 *   engine.close();
 * }
 */
export async function createKpiEngine(options: KpiEngineOptions): Promise<KpiEngine> {
  const { databasePath, memoryLimit, threads, queryTimeoutMs, temporaryDirectory, sourceLimits, isolation } = options;
  const sandbox =
    options.sandbox ??
    (await openSandbox({ root: options.workspace.root, databasePath, memoryLimit, threads, queryTimeoutMs, temporaryDirectory, sourceLimits, isolation }));
  return new KpiEngine(options, sandbox);
}

/**
 * Opens the database side of an engine: by default in its own process (see
 * `ProcessSandboxSession`), which starts at once. Hand it to
 * {@link createKpiEngine} as `sandbox`.
 *
 * @example
 * const sandbox = openSandbox({ root: resolve(dir), queryTimeoutMs: 10_000 }); // starts DuckDB's process now
 * const { workspace } = await loadWorkspace(dir); // meanwhile
 * const engine = await createKpiEngine({ workspace, sandbox: await sandbox });
 */
export async function openSandbox(options: OpenSandboxOptions): Promise<SandboxSession> {
  // Only what the database needs: these options cross into the engine's process.
  const { root, databasePath, memoryLimit, threads, queryTimeoutMs, temporaryDirectory, sourceLimits } = options;
  const session: SessionOptions = { root, databasePath, memoryLimit, threads, queryTimeoutMs, temporaryDirectory, sourceLimits };
  return options.isolation === 'in-process' ? LocalSandboxSession.open(session) : ProcessSandboxSession.open(session);
}

/**
 * Loads a workspace's sources and computes its indicators in DuckDB. Sources
 * load atomically (a failed refresh keeps the previous version serving);
 * indicator definitions are guarded and run on a connection that can reach no
 * file; results are kept so a refresh recomputes only the indicators that
 * depend on the refreshed source.
 */
export class KpiEngine {
  private readonly computed = new Map<string, Computed>();
  private readonly loadErrors = new Map<string, EngineError>();
  /** The numeric columns of the source tables, read once per computation, for the order of breakdown members. */
  private numericColumns: NumericColumns = new Map();
  private readonly workspace: Workspace;

  /** @internal use {@link createKpiEngine}. */
  constructor(
    private readonly options: KpiEngineOptions,
    /** The database that holds the sources and runs definitions, here or in the engine's child process. */
    readonly sandbox: SandboxSession,
  ) {
    this.workspace = options.workspace;
  }

  /**
   * Loads every source, one after the other; a source that fails is reported
   * and the others still load. Before the first computation they load the
   * fast way (`CREATE TABLE AS` in the still unlocked database).
   */
  async loadSources(): Promise<LoadOutcome> {
    const versions: SourceVersion[] = [];
    const errors: EngineError[] = [];
    for (const [index, source] of this.workspace.sources.entries()) {
      this.options.onProgress?.(`loading source ${index + 1}/${this.workspace.sources.length}: ${source.id} (${source.path})`);
      try {
        versions.push(await this.loadOne(source));
      } catch (error) {
        errors.push(this.loadErrors.get(source.id) ?? loadError(source, error));
      }
    }
    return { versions, errors };
  }

  /**
   * Brings a persisted database in line with the workspace's files: each
   * source whose files differ from its serving version (or that has none) is
   * loaded as a new version; a source whose files are byte for byte those of
   * its serving version is left as it is, unread. `changed` lists the ids of
   * the sources that got a new version. One failing source does not stop the
   * others; a source that fails but has a serving version keeps serving it.
   */
  async syncSources(): Promise<LoadOutcome & { readonly changed: readonly string[] }> {
    const versions: SourceVersion[] = [];
    const errors: EngineError[] = [];
    const changed: string[] = [];
    const serving = new Map((await this.sandbox.versions()).map((version) => [version.sourceId, version]));
    for (const [index, source] of this.workspace.sources.entries()) {
      this.options.onProgress?.(`checking source ${index + 1}/${this.workspace.sources.length}: ${source.id} (${source.path})`);
      const current = serving.get(source.id);
      try {
        const version = await this.loadOne(source, current);
        versions.push(version);
        if (!isSameVersion(version, current)) changed.push(source.id);
      } catch (error) {
        errors.push(this.loadErrors.get(source.id) ?? loadError(source, error));
        if (current !== undefined) versions.push(current);
      }
    }
    return { versions, errors, changed };
  }

  /**
   * Reloads one source and recomputes only the indicators that read it (as
   * `source` or `per.source`). When its files are byte for byte those of the
   * serving version, nothing is loaded, recorded or recomputed (`unchanged`).
   * On failure it throws a `SourceLoadError` and the previous version keeps
   * serving, with the previous results.
   */
  async refreshSource(sourceId: string): Promise<RefreshOutcome> {
    const source = this.workspace.sources.find((candidate) => candidate.id === sourceId);
    if (!source) throw new Error(`unknown source "${sourceId}": the workspace has ${this.workspace.sources.map((s) => s.id).join(', ') || 'no sources'}`);
    const [serving] = await this.sandbox.versions(sourceId);
    const version = await this.loadOne(source, serving);
    if (serving !== undefined && isSameVersion(version, serving)) return { version: serving, unchanged: true, recomputed: [], errors: [] };
    const dependents = this.dependentsOf(sourceId);
    const computed = await this.computeMany(dependents);
    const errors = dependents.flatMap((indicator) => computed.get(indicator.id)?.errors ?? []);
    return { version, unchanged: false, recomputed: dependents.map((indicator) => indicator.id), errors };
  }

  /** The indicators that read `sourceId`, as `source` or as `per.source`. */
  dependentsOf(sourceId: string): IndicatorDefinition[] {
    return this.workspace.indicators.filter((indicator) => indicator.source === sourceId || indicator.per?.source === sourceId);
  }

  /** Computes every indicator; one that fails is listed under `errors`, the rest are computed. */
  async computeAll(): Promise<ComputeOutcome> {
    const indicators: IndicatorResult[] = [];
    const errors: EngineError[] = [...this.loadErrors.values()];
    const computedById = await this.computeMany(this.workspace.indicators);
    for (const indicator of this.workspace.indicators) {
      const computed = computedById.get(indicator.id) ?? { errors: [] };
      if (computed.report) indicators.push(resultOf(computed.report));
      errors.push(...computed.errors);
    }
    return { indicators, errors };
  }

  /** The dashboard's reports of the indicators computed so far (run `computeAll` first). */
  reports(): IndicatorReport[] {
    return this.workspace.indicators.flatMap((indicator) => this.computed.get(indicator.id)?.report ?? []);
  }

  /**
   * Checks every indicator without computing it: its expressions pass the
   * guard and DuckDB's parser, its sources loaded, and each field and the
   * compiled query bind against the loaded tables (unknown columns, types).
   * Run `loadSources` first.
   */
  async check(): Promise<EngineError[]> {
    const errors: EngineError[] = [];
    const guarded = await guardIndicators(this.sandbox, this.workspace.indicators);
    for (const indicator of this.workspace.indicators) {
      const prepared = await this.prepareIndicator(indicator, guarded);
      if ('errors' in prepared) {
        errors.push(...prepared.errors);
        continue;
      }
      const bound = await bindIndicatorFields(this.sandbox, indicator, tableOf, prepared.compiled.sql).catch((error: unknown) => [
        indicatorError(indicator, messageOf(error)),
      ]);
      errors.push(...bound);
    }
    return errors;
  }

  /** The serving version of every loaded source. */
  versions(): Promise<SourceVersion[]> {
    return this.sandbox.versions();
  }

  /**
   * Closes the database (and ends the engine's process); resolves once it is
   * closed, so a database file is free for the next engine at once.
   */
  close(): Promise<void> {
    return this.sandbox.close();
  }

  private async loadOne(source: SourceDefinition, serving?: SourceVersion): Promise<SourceVersion> {
    try {
      const version = await this.sandbox.loadSource(source, serving);
      this.loadErrors.delete(source.id);
      return version;
    } catch (error) {
      // A refresh that fails keeps the previous version: only a source that never loaded counts as failed.
      const current = await this.sandbox.versions(source.id);
      if (current.length === 0) this.loadErrors.set(source.id, loadError(source, error));
      throw error;
    }
  }

  /** Guards and compiles one indicator, or says why it cannot run. */
  private async prepareIndicator(
    indicator: IndicatorDefinition,
    guarded?: ReadonlyMap<string, readonly EngineError[]>,
  ): Promise<{ compiled: CompiledIndicator } | { errors: EngineError[] }> {
    const refused = guarded?.get(indicator.id) ?? (await guardIndicator(this.sandbox, indicator));
    if (refused.length > 0) return { errors: [...refused] };
    const missing = [indicator.source, indicator.per?.source]
      .filter((id): id is string => id !== undefined)
      .filter((id, index, all) => all.indexOf(id) === index && this.loadErrors.has(id));
    if (missing.length > 0) {
      const files = missing.map((id) => this.workspace.sources.find((source) => source.id === id)?.file ?? id);
      return { errors: [indicatorError(indicator, `cannot be computed: source ${missing.map((id) => `"${id}"`).join(', ')} did not load (see ${files.join(', ')})`)] };
    }
    try {
      return { compiled: compileIndicator(indicator, tableOf) };
    } catch (error) {
      return { errors: [indicatorError(indicator, messageOf(error))] };
    }
  }

  /**
   * Computes `indicators` with shared scans: those that pass the guard and
   * compile are grouped by `compileIndicatorsForSource` (one query per source,
   * time column and grain). A batch that fails is run again indicator by
   * indicator, so the error lands on the indicator that caused it and the
   * others are still computed. The source versions are read once.
   */
  private async computeMany(indicators: readonly IndicatorDefinition[]): Promise<Map<string, Computed>> {
    const computed = new Map<string, Computed>();
    const ready = new Map<string, Ready>();
    const guarded = await guardIndicators(this.sandbox, indicators);
    for (const indicator of indicators) {
      const prepared = await this.prepareIndicator(indicator, guarded);
      if ('errors' in prepared) computed.set(indicator.id, { errors: prepared.errors });
      else ready.set(indicator.id, { indicator, compiled: prepared.compiled });
    }
    const versions = await this.sandbox.versions();
    this.numericColumns = await readNumericColumns(this.sandbox);
    const { batches, errors } = compileIndicatorsForSource([...ready.values()].map(({ indicator }) => indicator), tableOf);
    // compileIndicator accepted these, so the batch compiler should too; if not, they run alone.
    const alone = errors.map(({ indicatorId }) => indicatorId);
    for (const batch of batches) {
      if (batch.indicatorIds.length === 1) {
        alone.push(...batch.indicatorIds);
        continue;
      }
      const rowsOf = await runBatch(this.sandbox, batch).catch(() => undefined);
      for (const id of batch.indicatorIds) {
        const item = ready.get(id);
        const rows = rowsOf?.get(id);
        if (item === undefined) continue;
        if (rows === undefined) alone.push(id);
        else computed.set(id, this.reportOf(item, rows, lineageOf(item.compiled.sourceIds, versions, batch.sql, id)));
      }
    }
    for (const id of alone) {
      const item = ready.get(id);
      if (item !== undefined) computed.set(id, await this.computeAlone(item, versions));
    }
    for (const [id, result] of computed) this.computed.set(id, result);
    return computed;
  }

  /** Runs one indicator's own query; on failure, says which field is wrong where binding tells. */
  private async computeAlone({ indicator, compiled }: Ready, versions: readonly SourceVersion[]): Promise<Computed> {
    try {
      const rows = await this.sandbox.select(compiled.sql);
      return this.reportOf({ indicator, compiled }, rows, lineageOf(compiled.sourceIds, versions, compiled.sql, null));
    } catch (error) {
      // Past a limit or in a crash, binding would only run into it again.
      if (isStopped(error)) return { errors: [indicatorError(indicator, error.message)] };
      const fields = await bindIndicatorFields(this.sandbox, indicator, tableOf).catch(() => []);
      return { errors: fields.length > 0 ? fields : [indicatorError(indicator, duckdbMessage(error))] };
    }
  }

  private reportOf({ indicator }: Ready, rows: ResultRows, lineage: Lineage): Computed {
    const numeric = this.numericColumns.get(sourceTableName(indicator.source));
    const result = buildIndicatorResult(indicator, rows, (name) => numeric?.has(name) ?? false);
    return { report: buildIndicatorReport(indicator, result, lineage), errors: [] };
  }
}

/** The quoted table of a source in the sandboxed database. */
function tableOf(sourceId: string): string {
  return quoteIdentifier(sourceTableName(sourceId));
}

function loadError(source: SourceDefinition, error: unknown): EngineError {
  if (error instanceof SourceLoadError) {
    return {
      file: error.file,
      message: error.message,
      ...(error.line === undefined ? {} : { line: error.line }),
      sourceId: source.id,
    };
  }
  const definitionFile = source.file ?? `sources/${source.id}.yaml`;
  if (isStopped(error)) {
    // The loader never said which file it read: a single file's path names it, a glob's source its definition.
    const file = isGlob(source.path) ? definitionFile : source.path.replace(/^\.\//, '');
    return { file, message: `loading ${error.message}`, sourceId: source.id };
  }
  return { file: definitionFile, message: messageOf(error), sourceId: source.id };
}

/** Whether two versions are one (across a process boundary they are equal, not identical). */
function isSameVersion(version: SourceVersion, other: SourceVersion | undefined): boolean {
  return other !== undefined && version.sourceId === other.sourceId && version.version === other.version;
}

/** The contract's part of a report, in the contract's key order. */
function resultOf(report: IndicatorReport): IndicatorResult {
  const { id, status, latest, target, values, breakdown } = report;
  return { id, status, latest, target, values, breakdown };
}
