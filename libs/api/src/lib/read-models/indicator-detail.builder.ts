import type {
  ComputationHistory,
  DimensionBreakdown,
  IndicatorDetail,
  IndicatorUse,
  Municipality,
  ProgramOverview,
  StoredIndicator,
} from '@koers/domain';
import { computationViewOf } from './computation-view.builder';
import { summarizeIndicator } from './indicator-summary.builder';

/** What an indicator page is built from. */
export interface IndicatorDetailInputs {
  readonly municipality: Municipality;
  readonly stored: StoredIndicator;
  readonly programs: readonly ProgramOverview[];
  readonly history: ComputationHistory;
  /** Whether any indicator of the municipality has values (for "still calculating"). */
  readonly hasResults: boolean;
  /** The period to break down; the latest with a breakdown when left out or not among them. */
  readonly period?: string;
}

/** Everything the indicator page shows, from what is stored. */
export function buildIndicatorDetail(inputs: IndicatorDetailInputs): IndicatorDetail {
  const { stored } = inputs;
  const { indicator, text } = stored.definition;
  const report = stored.report;
  const breakdownLists = Object.entries(report?.breakdown ?? {});
  const breakdownPeriods = [...new Set(breakdownLists.flatMap(([, values]) => values.map((value) => value.period)))].sort();
  const breakdownPeriod = chooseBreakdownPeriod(breakdownPeriods, inputs.period, report?.latest?.period);
  const breakdown: DimensionBreakdown[] =
    breakdownPeriod === null
      ? []
      : breakdownLists.map(([dimension, values]) => ({
          dimension,
          members: values.filter((value) => value.period === breakdownPeriod).map(({ member, value }) => ({ member, value })),
        }));
  return {
    municipality: inputs.municipality,
    computation: computationViewOf(inputs.history, inputs.hasResults),
    summary: summarizeIndicator(stored),
    definition: {
      file: indicator.file ?? null,
      text,
      description: indicator.description ?? null,
      sourceId: indicator.source,
      denominatorSourceId: indicator.per?.source ?? null,
      dimensions: indicator.dimensions,
      tolerance: indicator.tolerance,
    },
    series: report?.trend ?? [],
    targets: Object.entries(indicator.targets)
      .map(([year, value]) => ({ year, value }))
      .sort((left, right) => left.year.localeCompare(right.year)),
    baseline: indicator.baseline ?? null,
    breakdownPeriods,
    breakdownPeriod,
    breakdown,
    lineage: report?.lineage ?? null,
    usedBy: usesOf(stored.indicatorId, inputs.programs),
  };
}

function chooseBreakdownPeriod(periods: readonly string[], asked: string | undefined, latest: string | undefined): string | null {
  if (asked !== undefined && periods.includes(asked)) return asked;
  if (latest !== undefined && periods.includes(latest)) return latest;
  return periods.at(-1) ?? null;
}

function usesOf(indicatorId: string, programs: readonly ProgramOverview[]): IndicatorUse[] {
  return programs.flatMap((program) =>
    program.effects
      .filter((effect) => effect.indicators.includes(indicatorId))
      .map((effect) => ({ programId: program.id, programTitle: program.title, effectId: effect.id, effectTitle: effect.title })),
  );
}
