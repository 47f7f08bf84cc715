import {
  type ActionProgress,
  type ComputationHistory,
  type IndicatorStatus,
  type IndicatorStatusCounts,
  type IndicatorSummary,
  indicatorStatuses,
  type Municipality,
  type MunicipalityOverview,
  periodEnd,
  type ProgramOverview,
  quarterOf,
  quarterOfPeriod,
  shiftQuarter,
  type StatusChange,
  type StoredIndicator,
} from '@koers/domain';
import { countActionStandings } from './action-standing';
import { computationViewOf } from './computation-view.builder';
import { summarizeIndicator } from './indicator-summary.builder';
import { statusAsOf } from './status-as-of';

/** What the overview is built from: everything stored of one municipality. */
export interface OverviewInputs {
  readonly municipality: Municipality;
  readonly programs: readonly ProgramOverview[];
  readonly indicators: readonly StoredIndicator[];
  readonly progress: readonly ActionProgress[];
  readonly history: ComputationHistory;
  readonly now: Date;
}

/**
 * A municipality *in één oogopslag*: per program its effects with their
 * indicators' status and trend, how its actions stand this quarter, and which
 * indicators changed status since the end of the quarter before the newest data.
 */
export function buildMunicipalityOverview(inputs: OverviewInputs): MunicipalityOverview {
  const storedById = new Map(inputs.indicators.map((stored) => [stored.indicatorId, stored]));
  const summaryById = new Map(inputs.indicators.map((stored) => [stored.indicatorId, summarizeIndicator(stored)]));
  const progress = new Map(inputs.progress.map((update) => [update.actionId, update]));
  const progressQuarter = quarterOf(inputs.now);
  const dataQuarter = dataQuarterOf(inputs.indicators);

  const seen = new Set<string>();
  const changes: StatusChange[] = [];
  const programs = inputs.programs.map((program) => {
    const effects = program.effects.map((effect) => ({
      id: effect.id,
      title: effect.title,
      indicators: effect.indicators.flatMap((id) => summaryById.get(id) ?? []),
    }));
    const indicatorIds = unique(program.effects.flatMap((effect) => effect.indicators)).filter((id) => summaryById.has(id));
    for (const id of indicatorIds) {
      if (seen.has(id) || dataQuarter === null) continue;
      seen.add(id);
      const change = changeOf(storedById.get(id), summaryById.get(id), dataQuarter.previous, program);
      if (change !== null) changes.push(change);
    }
    const actionIds = program.tasks.flatMap((task) => task.actions.map((action) => action.id));
    return {
      id: program.id,
      title: program.title,
      portfolioHolders: program.portfolioHolders,
      effects,
      taskCount: program.tasks.length,
      actionCount: actionIds.length,
      actionStatus: countActionStandings(actionIds, progress, progressQuarter),
      indicatorStatus: countStatuses(indicatorIds.flatMap((id) => summaryById.get(id) ?? [])),
    };
  });

  const linked = [...new Set(programs.flatMap((program) => program.effects.flatMap((effect) => effect.indicators.map((summary) => summary.id))))];
  return {
    municipality: inputs.municipality,
    computation: computationViewOf(inputs.history, inputs.indicators.some((stored) => stored.report !== null)),
    dataQuarter,
    progressQuarter,
    indicatorStatus: countStatuses(linked.flatMap((id) => summaryById.get(id) ?? [])),
    changes,
    programs,
  };
}

/** The quarter of the newest value of any indicator, and the one before it. */
function dataQuarterOf(indicators: readonly StoredIndicator[]): MunicipalityOverview['dataQuarter'] {
  const latestEnds = indicators.flatMap((stored) => (stored.report?.latest ? [periodEnd(stored.report.latest.period)] : []));
  if (latestEnds.length === 0) return null;
  const current = quarterOfPeriod(latestEnds.reduce((max, end) => (end > max ? end : max)).slice(0, 7));
  return { current, previous: shiftQuarter(current, -1) };
}

function changeOf(
  stored: StoredIndicator | undefined,
  summary: IndicatorSummary | undefined,
  previousQuarter: string,
  program: ProgramOverview,
): StatusChange | null {
  if (stored === undefined || summary === undefined || summary.latest === null) return null;
  const from = statusAsOf(stored, periodEnd(previousQuarter));
  if (from === summary.status) return null;
  return { indicatorId: summary.id, title: summary.title, programId: program.id, programTitle: program.title, from, to: summary.status };
}

function countStatuses(summaries: readonly IndicatorSummary[]): IndicatorStatusCounts {
  const counts = Object.fromEntries(indicatorStatuses.map((status) => [status, 0])) as Record<IndicatorStatus, number>;
  for (const summary of summaries) counts[summary.status] += 1;
  return counts;
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}
