import type {
  ComputationOutcome,
  ComputedIndicator,
  FailedIndicator,
  IndicatorProblem,
  IndicatorReport,
  LineageSource,
  WorkspaceProblem,
} from '@koers/domain';
import { stat } from 'node:fs/promises';
import { createKpiEngine, type EngineError } from '@koers/kpi';
import { loadWorkspace } from '@koers/workspace';
import type { ComputationRequest } from './computation-request';
import { scopeWorkspace } from './computation-scope';
import { readDefinitionFiles } from './definition-files';
import { readSourceColumns } from './source-columns';
import { problemOf, statusesOf } from './indicator-outcome';

/**
 * One computation of one municipality, as a compute worker runs it: read the
 * workspace, bring the engine's persisted sources in line with the files
 * (loading only what changed), compute every indicator, and say per indicator
 * what to store. Nothing here writes the app database: the server stores the
 * outcome in one transaction.
 *
 * An indicator whose source failed to load keeps its previous values: it is
 * reported as failed with the source's problem, even when an older version of
 * that source still serves, so the dashboard shows the error and the age of
 * the values rather than silently older data.
 */
export async function computeMunicipality(request: ComputationRequest): Promise<ComputationOutcome> {
  // A workspace that is not there at all fails the computation as a whole, so nothing stored is removed.
  const root = await stat(request.workspaceRoot).catch(() => undefined);
  if (!root?.isDirectory()) throw new Error(`the workspace folder ${request.workspaceRoot} does not exist or is not a folder`);
  const { workspace: whole, problems: workspaceProblems } = await loadWorkspace(request.workspaceRoot);
  // A computation of some indicators brings only their sources in line and computes only them.
  const { workspace, indicatorIds } = scopeWorkspace(whole, request.indicatorIds);
  const definitions = await readDefinitionFiles(workspace);
  const engine = await createKpiEngine({
    workspace,
    databasePath: request.engineDatabasePath,
    memoryLimit: request.memoryLimit,
    queryTimeoutMs: request.queryTimeoutMs,
    ...(request.threads === undefined ? {} : { threads: request.threads }),
  });
  try {
    const sync = await engine.syncSources();
    const sourceProblems = new Map(sync.errors.flatMap((error) => (error.sourceId === undefined ? [] : [[error.sourceId, error] as const])));
    const { errors } = await engine.computeAll();
    const reports = new Map(engine.reports().map((report) => [report.id, report]));
    const errorsById = new Map<string, EngineError>();
    for (const error of errors) if (error.indicatorId !== undefined && !errorsById.has(error.indicatorId)) errorsById.set(error.indicatorId, error);
    const titles = new Map(workspace.sources.map((source) => [source.id, source.title]));

    const indicators = workspace.indicators.map((indicator): ComputedIndicator | FailedIndicator => {
      const definition = { indicator, text: definitions.indicatorTexts.get(indicator.id) ?? null };
      const failedSource = [indicator.source, indicator.per?.source].find((id) => id !== undefined && sourceProblems.has(id));
      const sourceError = failedSource === undefined ? undefined : sourceProblems.get(failedSource);
      if (sourceError !== undefined) return { definition, problem: sourceProblemFor(failedSource ?? '', sourceError) };
      const report = reports.get(indicator.id);
      const error = errorsById.get(indicator.id);
      if (report === undefined || error !== undefined) {
        return { definition, problem: problemOf(error ?? { file: indicator.file ?? `indicators/${indicator.id}.yaml`, message: 'was not computed' }) };
      }
      return { definition, report: withSourceTitles(report, titles), statuses: statusesOf(report, indicator) };
    });

    const sourceColumns = await readSourceColumns(engine, sync.versions);
    return {
      computationId: request.computationId,
      municipalityId: request.municipalityId,
      ...(indicatorIds === null ? {} : { indicatorIds }),
      finishedAt: new Date().toISOString(),
      workspace: touchesStructure(workspaceProblems) ? null : whole,
      inputs: {
        sources: sync.versions.map(({ sourceId, version, fileHash, rowCount, loadedAt, files }) => ({
          sourceId,
          ...(titles.has(sourceId) ? { title: titles.get(sourceId) } : {}),
          version,
          fileHash,
          rowCount,
          loadedAt,
          files,
        })),
        definitions: definitions.hashes,
        sourceColumns,
      },
      problems: [...workspaceProblems.map(problemOf), ...sync.errors.map(problemOf)],
      indicators,
    };
  } finally {
    await engine.close();
  }
}

function withSourceTitles(report: IndicatorReport, titles: ReadonlyMap<string, string>): IndicatorReport {
  const sources: LineageSource[] = report.lineage.sources.map((source) => {
    const title = titles.get(source.sourceId);
    return title === undefined ? source : { ...source, title };
  });
  return { ...report, lineage: { ...report.lineage, sources } };
}

function sourceProblemFor(sourceId: string, error: EngineError): IndicatorProblem {
  return { ...problemOf(error), message: `bron "${sourceId}" kon niet worden geladen: ${error.message}` };
}

/** Whether a problem concerns the programs or the workspace settings: the stored programs then stay as they are. */
function touchesStructure(problems: readonly WorkspaceProblem[]): boolean {
  return problems.some((problem) => problem.file.startsWith('programs/') || problem.file === 'koers.yaml' || problem.file === '.');
}
