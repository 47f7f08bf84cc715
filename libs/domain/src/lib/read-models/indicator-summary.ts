import type { Direction, Grain } from '../indicator.schema';
import type { Trend } from '../indicator-report';
import type { IndicatorStatus, PeriodValue } from '../indicator-result';

/** Whether the latest value moved the right way against the previous period, by the indicator's direction. */
export const movements = ['better', 'worse', 'unchanged'] as const;
export type Movement = (typeof movements)[number];

/** The latest computation could not compute the indicator: why, where, and how old the values shown are. */
export interface IndicatorProblemView {
  readonly message: string;
  readonly file: string;
  readonly line: number | null;
  readonly field: string | null;
  /** When the failing computation ran (ISO 8601). */
  readonly failedAt: string;
  /** When the values still shown were computed (ISO 8601); null when there are none. */
  readonly valuesComputedAt: string | null;
}

/** An indicator at a glance: latest value, target, status, trend and a short series for a sparkline. */
export interface IndicatorSummary {
  readonly id: string;
  readonly title: string;
  readonly unit: string;
  readonly decimals: number | null;
  readonly direction: Direction;
  readonly grain: Grain;
  readonly isBbv: boolean;
  readonly status: IndicatorStatus;
  readonly latest: PeriodValue | null;
  /** The target of the latest value's year, or null. */
  readonly target: number | null;
  /** The latest value against the previous period; null when that has no value. */
  readonly previous: Trend | null;
  readonly movement: Movement | null;
  /** The last values (at most eight), ascending, for a sparkline. */
  readonly recent: readonly PeriodValue[];
  /** When the values were computed (ISO 8601); null when there are none. */
  readonly computedAt: string | null;
  readonly problem: IndicatorProblemView | null;
}
