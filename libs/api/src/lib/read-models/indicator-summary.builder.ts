import type { IndicatorProblemView, IndicatorSummary, Movement, StoredIndicator, Trend } from '@koers/domain';

/** How many of the last values a summary carries, for a sparkline. */
const recentCount = 8;

/** An indicator at a glance, from what is stored of it: the last good values and, if any, the latest problem. */
export function summarizeIndicator(stored: StoredIndicator): IndicatorSummary {
  const { indicator } = stored.definition;
  const report = stored.report;
  const previous = report?.latestTrend?.previous ?? null;
  return {
    id: stored.indicatorId,
    title: report?.title ?? indicator.title,
    unit: report?.unit ?? indicator.unit,
    decimals: report?.decimals ?? indicator.decimals ?? null,
    direction: indicator.direction,
    grain: report?.grain ?? indicator.grain,
    isBbv: indicator.bbv,
    status: report?.status ?? 'no_data',
    latest: report?.latest ?? null,
    target: report?.target ?? null,
    previous,
    movement: movementOf(previous, indicator.direction),
    recent: report === null ? [] : report.values.filter((value) => value.value !== null).slice(-recentCount),
    computedAt: report?.lineage.computedAt ?? null,
    problem: problemViewOf(stored),
  };
}

/** Better or worse by the indicator's direction; unchanged when the value did not move. */
export function movementOf(previous: Trend | null, direction: StoredIndicator['definition']['indicator']['direction']): Movement | null {
  if (previous === null) return null;
  if (previous.delta === 0) return 'unchanged';
  const isUp = previous.delta > 0;
  return isUp === (direction === 'higher_is_better') ? 'better' : 'worse';
}

function problemViewOf(stored: StoredIndicator): IndicatorProblemView | null {
  const { problem } = stored;
  if (problem === null) return null;
  return {
    message: problem.message,
    file: problem.file,
    line: problem.line ?? null,
    field: problem.field ?? null,
    failedAt: problem.at,
    valuesComputedAt: stored.report?.lineage.computedAt ?? null,
  };
}
