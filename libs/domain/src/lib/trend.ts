import type { Grain } from './indicator.schema';
import type { ReportedValue, Trend } from './indicator-report';
import type { PeriodValue } from './indicator-result';
import { periodsPerYear, shiftPeriod } from './period';

/**
 * Every value with its trends: against the previous period and against the
 * same period a year earlier, each null where that period has no value, and
 * the percentage null where the earlier value is 0.
 *
 * @example
 * withTrends([{ period: '2025-Q1', value: 2 }, { period: '2025-Q2', value: 3 }], 'quarter')[1]?.previous;
 * // { period: '2025-Q1', value: 2, delta: 1, percent: 50 }
 */
export function withTrends(values: readonly PeriodValue[], grain: Grain): ReportedValue[] {
  const byPeriod = new Map(values.map((value) => [value.period, value.value]));
  const trendAgainst = (current: PeriodValue, period: string): Trend | null => {
    const earlier = byPeriod.get(period);
    if (current.value === null || earlier === null || earlier === undefined) return null;
    const delta = current.value - earlier;
    return { period, value: earlier, delta, percent: earlier === 0 ? null : (delta / Math.abs(earlier)) * 100 };
  };
  return values.map((value) => ({
    ...value,
    previous: trendAgainst(value, shiftPeriod(value.period, grain, -1)),
    yearAgo: trendAgainst(value, shiftPeriod(value.period, grain, -periodsPerYear[grain])),
  }));
}
