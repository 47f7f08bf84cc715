import type { IndicatorProblem, IndicatorReport, PeriodStatus, WorkspaceProblem } from '@koers/domain';
import { createKpiEngine, type EngineError, type SourceLimits } from '@koers/kpi';
import { resolve } from 'node:path';
import { loadWorkspaceWithChanges, parseWorkspace, type WorkspaceChange, type WorkspaceFile } from '@koers/workspace';
import { problemOf, statusesOf } from './indicator-outcome';

/** The bounds of a dry run or a check: its engine is in memory and its own, within these. */
export interface TrialBounds {
  /** The engine process's memory bound, for example `512MB`. */
  readonly memoryLimit: string;
  /** Each definition query is interrupted after this. */
  readonly queryTimeoutMs: number;
  readonly threads?: number;
  /** Limits of one source's load (size, columns, time). */
  readonly sourceLimits?: Partial<SourceLimits>;
}

/** A dry run: one indicator's definition, as it would be saved, against the municipality's data. */
export interface DryRunRequest extends TrialBounds {
  readonly workspaceRoot: string;
  /** The files as they would be: the indicator's own file with the draft's text. */
  readonly changes: readonly WorkspaceChange[];
  /** The file of the indicator tried (`indicators/<id>.yaml`). */
  readonly file: string;
}

/** What a dry run found: the problems of the definition, or its report; nothing is stored. */
export interface DryRunOutcome {
  readonly problems: readonly IndicatorProblem[];
  readonly report: IndicatorReport | null;
  readonly statuses: readonly PeriodStatus[];
}

/**
 * A check of a workspace with other definitions, as `koers check` checks a
 * folder: every definition file as it would be (`koers.yaml`, `sources/`,
 * `indicators/`, `programs/`; those on disk are not read), over the data
 * files under the workspace root.
 */
export interface CheckRequest extends TrialBounds {
  readonly workspaceRoot: string;
  readonly files: readonly WorkspaceFile[];
}

/**
 * Computes one indicator as it would be saved, storing nothing: the
 * workspace is read with the draft's file in place (so the loader judges it
 * exactly as it will judge the file), then only the sources it reads load
 * into an engine of its own in memory (the municipality's persisted engine
 * database is never opened, so a running computation is not disturbed), and
 * the indicator is checked (guard, parser, binding: each problem with its
 * field) and computed. Runs in a worker process, bounded in time and memory.
 */
export async function dryRunIndicator(request: DryRunRequest): Promise<DryRunOutcome> {
  const refused = (problems: readonly IndicatorProblem[]): DryRunOutcome => ({ problems, report: null, statuses: [] });
  const { workspace, problems } = await loadWorkspaceWithChanges(request.workspaceRoot, request.changes);
  const own = problems.filter((problem) => problem.file === request.file);
  const indicator = workspace.indicators.find((candidate) => candidate.file === request.file);
  if (indicator === undefined || own.length > 0) {
    return refused(own.length > 0 ? own : [{ file: request.file, message: 'the indicator was left out of the workspace: check its fields' }]);
  }
  const sourceIds = [indicator.source, ...(indicator.per === undefined ? [] : [indicator.per.source])];
  const engine = await createKpiEngine({
    workspace: { ...workspace, indicators: [indicator], sources: workspace.sources.filter((source) => sourceIds.includes(source.id)) },
    databasePath: ':memory:',
    ...bounds(request),
  });
  try {
    const load = await engine.loadSources();
    if (load.errors.length > 0) {
      return refused(load.errors.map((error) => ({ ...problemOf(error), field: error.sourceId === indicator.source ? 'source' : 'per.source' })));
    }
    const checked = await engine.check();
    if (checked.length > 0) return refused(checked.map(problemOf));
    const { errors } = await engine.computeAll();
    const report = engine.reports().find((candidate) => candidate.id === indicator.id);
    if (errors.length > 0 || report === undefined) return refused(errors.length > 0 ? errors.map(problemOf) : [{ file: request.file, message: 'was not computed' }]);
    return { problems: [], report, statuses: statusesOf(report, indicator) };
  } finally {
    await engine.close();
  }
}

/**
 * What `koers check` would say of the workspace with the request's
 * definitions: the loader's problems, the sources that do not load and the
 * indicators that do not bind, from an engine of its own in memory. Nothing
 * is written.
 */
export async function checkWorkspaceDefinitions(request: CheckRequest): Promise<WorkspaceProblem[]> {
  const { workspace, problems } = parseWorkspace(resolve(request.workspaceRoot), request.files);
  const engine = await createKpiEngine({ workspace, databasePath: ':memory:', ...bounds(request) });
  try {
    const load = await engine.loadSources();
    const checked: readonly EngineError[] = await engine.check();
    return [...problems, ...load.errors.map(problemOf), ...checked.map(problemOf)];
  } finally {
    await engine.close();
  }
}

function bounds(request: TrialBounds) {
  return {
    memoryLimit: request.memoryLimit,
    queryTimeoutMs: request.queryTimeoutMs,
    ...(request.threads === undefined ? {} : { threads: request.threads }),
    ...(request.sourceLimits === undefined ? {} : { sourceLimits: request.sourceLimits }),
  };
}
