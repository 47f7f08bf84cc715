import type { IndicatorDefinition, IndicatorResult, SourceDefinition, Workspace } from '@koers/domain';
import { compileIndicator, quoteIdentifier, type CompiledIndicator } from '../compile/index';
import { SandboxDatabase, messageOf, type SandboxOptions } from '../sandbox/sandbox-database';
import { SourceLoadError } from '../sources/source-load.error';
import { loadSource } from '../sources/source-loader';
import { SourceStore } from '../sources/source-store';
import { sourceTableName, type SourceVersion } from '../sources/source-version';
import type { ComputeOutcome, EngineError, IndicatorReport, LoadOutcome, RefreshOutcome } from './engine.types';
import { bindIndicatorFields, duckdbMessage, guardIndicator, indicatorError } from './indicator.checks';
import { buildIndicatorReport } from './indicator-report.builder';
import { buildIndicatorResult } from './indicator-result.builder';

/** Options of {@link createKpiEngine}; everything but `workspace` is optional. */
export interface KpiEngineOptions extends SandboxOptions {
  /** The workspace as `@koers/workspace`'s `loadWorkspace` returns it. */
  readonly workspace: Workspace;
  /** Called with a line of progress while sources load (the CLI prints it on a terminal). */
  readonly onProgress?: (message: string) => void;
}

/** One indicator's last computation. */
interface Computed {
  readonly report?: IndicatorReport;
  readonly errors: readonly EngineError[];
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
  const sandbox = await SandboxDatabase.open(options);
  const store = new SourceStore(await sandbox.connect());
  await store.prepare();
  return new KpiEngine(options, sandbox, store);
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
  private readonly workspace: Workspace;

  /** @internal use {@link createKpiEngine}. */
  constructor(
    private readonly options: KpiEngineOptions,
    /** The locked database that holds the sources and runs definitions. */
    readonly sandbox: SandboxDatabase,
    private readonly store: SourceStore,
  ) {
    this.workspace = options.workspace;
  }

  /** Loads every source; a source that fails is reported and the others still load. */
  async loadSources(): Promise<LoadOutcome> {
    const versions: SourceVersion[] = [];
    const errors: EngineError[] = [];
    for (const [index, source] of this.workspace.sources.entries()) {
      this.options.onProgress?.(`loading source ${index + 1}/${this.workspace.sources.length}: ${source.id} (${source.path})`);
      try {
        versions.push(await this.loadOne(source));
      } catch (error) {
        errors.push(this.loadErrors.get(source.id) ?? { file: source.file ?? source.id, message: messageOf(error), sourceId: source.id });
      }
    }
    return { versions, errors };
  }

  /**
   * Reloads one source and recomputes only the indicators that read it (as
   * `source` or `per.source`). On failure it throws a `SourceLoadError` and
   * the previous version keeps serving, with the previous results.
   */
  async refreshSource(sourceId: string): Promise<RefreshOutcome> {
    const source = this.workspace.sources.find((candidate) => candidate.id === sourceId);
    if (!source) throw new Error(`unknown source "${sourceId}": the workspace has ${this.workspace.sources.map((s) => s.id).join(', ') || 'no sources'}`);
    const version = await this.loadOne(source);
    const dependents = this.dependentsOf(sourceId);
    const errors: EngineError[] = [];
    for (const indicator of dependents) errors.push(...(await this.computeOne(indicator)).errors);
    return { version, recomputed: dependents.map((indicator) => indicator.id), errors };
  }

  /** The indicators that read `sourceId`, as `source` or as `per.source`. */
  dependentsOf(sourceId: string): IndicatorDefinition[] {
    return this.workspace.indicators.filter((indicator) => indicator.source === sourceId || indicator.per?.source === sourceId);
  }

  /** Computes every indicator; one that fails is listed under `errors`, the rest are computed. */
  async computeAll(): Promise<ComputeOutcome> {
    const indicators: IndicatorResult[] = [];
    const errors: EngineError[] = [...this.loadErrors.values()];
    for (const indicator of this.workspace.indicators) {
      const computed = await this.computeOne(indicator);
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
    for (const indicator of this.workspace.indicators) {
      const prepared = await this.prepareIndicator(indicator);
      if ('errors' in prepared) {
        errors.push(...prepared.errors);
        continue;
      }
      const fields = await bindIndicatorFields(this.sandbox, indicator, tableOf);
      if (fields.length > 0) {
        errors.push(...fields);
        continue;
      }
      try {
        await this.sandbox.bind(prepared.compiled.sql);
      } catch (error) {
        errors.push(indicatorError(indicator, duckdbMessage(error)));
      }
    }
    return errors;
  }

  /** The serving version of every loaded source. */
  versions(): Promise<SourceVersion[]> {
    return this.store.currentVersions();
  }

  /** Closes the database. */
  close(): void {
    this.sandbox.close();
  }

  private async loadOne(source: SourceDefinition): Promise<SourceVersion> {
    try {
      const version = await loadSource(this.store, this.workspace.root, source);
      this.loadErrors.delete(source.id);
      return version;
    } catch (error) {
      // A refresh that fails keeps the previous version: only a source that never loaded counts as failed.
      const current = await this.store.currentVersions(source.id);
      if (current.length === 0) this.loadErrors.set(source.id, loadError(source, error));
      throw error;
    }
  }

  /** Guards and compiles one indicator, or says why it cannot run. */
  private async prepareIndicator(
    indicator: IndicatorDefinition,
  ): Promise<{ compiled: CompiledIndicator } | { errors: EngineError[] }> {
    const refused = await guardIndicator(this.sandbox, indicator);
    if (refused.length > 0) return { errors: refused };
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

  private async computeOne(indicator: IndicatorDefinition): Promise<Computed> {
    const prepared = await this.prepareIndicator(indicator);
    let computed: Computed;
    if ('errors' in prepared) {
      computed = { errors: prepared.errors };
    } else {
      try {
        const reader = await this.sandbox.select(prepared.compiled.sql);
        const result = buildIndicatorResult(indicator, reader);
        const lineage = await this.lineageOf(prepared.compiled);
        computed = { report: buildIndicatorReport(indicator, result, lineage), errors: [] };
      } catch (error) {
        const fields = await bindIndicatorFields(this.sandbox, indicator, tableOf).catch(() => []);
        computed = { errors: fields.length > 0 ? fields : [indicatorError(indicator, duckdbMessage(error))] };
      }
    }
    this.computed.set(indicator.id, computed);
    return computed;
  }

  private async lineageOf(compiled: CompiledIndicator) {
    const versions = await this.store.currentVersions();
    const sources = compiled.sourceIds.flatMap((id) => {
      const version = versions.find((candidate) => candidate.sourceId === id);
      return version
        ? [{ sourceId: id, version: version.version, fileHash: version.fileHash, rowCount: version.rowCount, loadedAt: version.loadedAt, files: version.files }]
        : [];
    });
    return { sources, sql: compiled.sql, computedAt: new Date().toISOString() };
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
  return { file: source.file ?? `sources/${source.id}.yaml`, message: messageOf(error), sourceId: source.id };
}

/** The contract's part of a report, in the contract's key order. */
function resultOf(report: IndicatorReport): IndicatorResult {
  const { id, status, latest, target, values, breakdown } = report;
  return { id, status, latest, target, values, breakdown };
}
