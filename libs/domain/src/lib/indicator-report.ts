import type { IndicatorResult, PeriodValue } from './indicator-result';

/** A change of a value against an earlier period. */
export interface Trend {
  /** The earlier period compared with. */
  readonly period: string;
  readonly value: number;
  /** This value minus the earlier one. */
  readonly delta: number;
  /** The delta as a percentage of the earlier value; null when that is 0. */
  readonly percent: number | null;
}

/** One value of an indicator with its trends; null trends where the earlier period has no value. */
export interface ReportedValue extends PeriodValue {
  readonly previous: Trend | null;
  readonly yearAgo: Trend | null;
}

/** The source version one value was computed from. */
export interface LineageSource {
  readonly sourceId: string;
  /** The source's title, where the one who stored the report knew it. */
  readonly title?: string;
  readonly version: number;
  readonly fileHash: string;
  readonly rowCount: number;
  readonly loadedAt: string;
  readonly files: readonly string[];
}

/** Where every value of a report came from: the source versions and the SQL text that produced it. */
export interface Lineage {
  readonly sources: readonly LineageSource[];
  /** The query that produced the values: the indicator's own, or a batch shared with indicators of the same source. */
  readonly sql: string;
  /**
   * For a batch: the value of its first column, `indicator`, on this
   * indicator's rows (the indicator's id); null when `sql` is the indicator's own query.
   */
  readonly indicatorColumn: string | null;
  /** ISO 8601, UTC. */
  readonly computedAt: string;
}

/**
 * An indicator for the dashboard: the contract's result plus baseline, trends
 * (previous period and the same period a year earlier) and lineage. Every
 * value in `values` and `breakdown` was produced by `lineage.sql` from
 * `lineage.sources`.
 */
export interface IndicatorReport extends IndicatorResult {
  readonly title: string;
  readonly unit: string;
  readonly direction: 'lower_is_better' | 'higher_is_better';
  readonly grain: 'month' | 'quarter' | 'year';
  readonly decimals: number | null;
  readonly baseline: PeriodValue | null;
  /** The values of `values`, each with its trends. */
  readonly trend: readonly ReportedValue[];
  /** The latest value's trends (the last element of `trend` with a value), or null. */
  readonly latestTrend: ReportedValue | null;
  readonly lineage: Lineage;
}
