import type { IndicatorDefinition, IndicatorStatus, PeriodValue } from '@koers/domain';
import { addDecimals, compareDecimals, exactDecimal, multiplyDecimals, negateDecimal } from './exact-decimal';

/**
 * The last period (in ascending period order) whose value is not null, or null
 * when there is none.
 *
 * @example
 * latestOf([{ period: '2025-Q1', value: 2 }, { period: '2025-Q2', value: null }]); // { period: '2025-Q1', value: 2 }
 */
export function latestOf(values: readonly PeriodValue[]): PeriodValue | null {
  const ascending = [...values].sort((left, right) => (left.period < right.period ? -1 : left.period > right.period ? 1 : 0));
  return ascending.findLast((value) => value.value !== null) ?? null;
}

/**
 * Status of the latest value against the target of its calendar year (the
 * period's first four characters), WORKSPACE-FORMAT.md "Status":
 * no value `no_data`; no target that year `no_target`; otherwise on_track,
 * at_risk (within `tolerance` of the target, bound included) or off_track, by
 * `direction`. Comparisons are exact on the numbers' decimal spelling, so a
 * value of exactly target × (1 ± tolerance) is at_risk, never off_track.
 *
 * @example
 * statusOf({ period: '2025-Q2', value: 2.2 }, { direction: 'lower_is_better', targets: { '2025': 2 }, tolerance: 0.1 });
 * // { status: 'at_risk', target: 2 }
 */
export function statusOf(
  latest: PeriodValue | null,
  indicator: Pick<IndicatorDefinition, 'direction' | 'targets' | 'tolerance'>,
): { status: IndicatorStatus; target: number | null } {
  if (latest === null || latest.value === null) return { status: 'no_data', target: null };
  const year = latest.period.slice(0, 4);
  const target = Object.hasOwn(indicator.targets, year) ? indicator.targets[year] : undefined;
  if (target === undefined) return { status: 'no_target', target: null };
  return { status: compareWithTarget(latest.value, target, indicator), target };
}

function compareWithTarget(
  value: number,
  target: number,
  indicator: Pick<IndicatorDefinition, 'direction' | 'tolerance'>,
): 'on_track' | 'at_risk' | 'off_track' {
  const isHigherBetter = indicator.direction === 'higher_is_better';
  if (![value, target, indicator.tolerance].every(Number.isFinite)) {
    // No decimal spelling (NaN, ±Infinity): plain comparisons, where NaN is never on track.
    const bound = target * (isHigherBetter ? 1 - indicator.tolerance : 1 + indicator.tolerance);
    const isOnTrack = isHigherBetter ? value >= target : value <= target;
    const isAtRisk = isHigherBetter ? value >= bound : value <= bound;
    return isOnTrack ? 'on_track' : isAtRisk ? 'at_risk' : 'off_track';
  }
  const exactValue = exactDecimal(value);
  const exactTarget = exactDecimal(target);
  const tolerance = exactDecimal(indicator.tolerance);
  const one = exactDecimal(1);
  const factor = addDecimals(one, isHigherBetter ? negateDecimal(tolerance) : tolerance);
  const bound = multiplyDecimals(exactTarget, factor);
  // For higher_is_better "at least", for lower_is_better "at most": flip the sign of the comparison.
  const sign = isHigherBetter ? 1 : -1;
  if (sign * compareDecimals(exactValue, exactTarget) >= 0) return 'on_track';
  if (sign * compareDecimals(exactValue, bound) >= 0) return 'at_risk';
  return 'off_track';
}
