import { type IndicatorStatus, periodEnd, type StoredIndicator } from '@koers/domain';

/**
 * The status an indicator had on `date` (`YYYY-MM-DD`): that of its last
 * value whose period had ended by then, against the target of that value's
 * year; null when it had no value yet.
 */
export function statusAsOf(stored: StoredIndicator, date: string): IndicatorStatus | null {
  return stored.statuses.findLast((entry) => periodEnd(entry.period) <= date)?.status ?? null;
}
