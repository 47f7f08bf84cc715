import { type IndicatorDefinition, type IndicatorResult, withTrends } from '@koers/domain';
import type { IndicatorReport, Lineage } from './engine.types';

/** The dashboard's report of one computed indicator: baseline, trends and lineage added. */
export function buildIndicatorReport(indicator: IndicatorDefinition, result: IndicatorResult, lineage: Lineage): IndicatorReport {
  const trend = withTrends(result.values, indicator.grain);
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
