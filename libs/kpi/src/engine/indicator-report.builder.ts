import type { IndicatorDefinition, IndicatorResult, PeriodValue } from '@koers/domain';
import type { IndicatorReport, Lineage, ReportedValue, Trend } from './engine.types';
import { periodsPerYear, shiftPeriod } from './period-shift';

/** The dashboard's report of one computed indicator: baseline, trends and lineage added. */
export function buildIndicatorReport(indicator: IndicatorDefinition, result: IndicatorResult, lineage: Lineage): IndicatorReport {
  const byPeriod = new Map(result.values.map((value) => [value.period, value.value]));
  const trendAgainst = (current: PeriodValue, period: string): Trend | null => {
    const earlier = byPeriod.get(period);
    if (current.value === null || earlier === null || earlier === undefined) return null;
    const delta = current.value - earlier;
    return { period, value: earlier, delta, percent: earlier === 0 ? null : (delta / Math.abs(earlier)) * 100 };
  };
  const trend: ReportedValue[] = result.values.map((value) => ({
    ...value,
    previous: trendAgainst(value, shiftPeriod(value.period, indicator.grain, -1)),
    yearAgo: trendAgainst(value, shiftPeriod(value.period, indicator.grain, -periodsPerYear[indicator.grain])),
  }));
  const latestTrend = result.latest === null ? null : (trend.find((value) => value.period === result.latest?.period) ?? null);
  return {
    ...result,
    title: indicator.title,
    unit: indicator.unit,
    direction: indicator.direction,
    grain: indicator.grain,
    decimals: indicator.decimals ?? null,
    baseline: indicator.baseline ?? null,
    trend,
    latestTrend,
    lineage,
  };
}
