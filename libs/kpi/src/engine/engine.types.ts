import type { IndicatorResult, PeriodValue } from '@koers/domain';
import type { SourceVersion } from '../sources/source-version';

/** Something that could not be loaded or computed: the file to open, and what is wrong. */
export interface EngineError {
  /** Workspace-relative path (`indicators/broken.yaml`, `data/misdrijven.csv`). */
  readonly file: string;
  /** What is wrong, starting with the field where there is one (`measure: ...`); never with the line. */
  readonly message: string;
  /** The line in `file`, where there is one. */
  readonly line?: number;
  /** The field in `file` (`measure`, `per.measure`), where there is one. */
  readonly field?: string;
  readonly indicatorId?: string;
  readonly sourceId?: string;
}

/** What `computeAll` returns: the results it could compute, and why the others failed. */
export interface ComputeOutcome {
  readonly indicators: readonly IndicatorResult[];
  readonly errors: readonly EngineError[];
}

/** What `loadSources` returns. */
export interface LoadOutcome {
  readonly versions: readonly SourceVersion[];
  readonly errors: readonly EngineError[];
}

/** What `refreshSource` returns. */
export interface RefreshOutcome {
  /** The serving version: a new one, or when `unchanged` the one that was already serving. */
  readonly version: SourceVersion;
  /** True when the files were byte for byte those of the serving version: no new version, nothing recomputed. */
  readonly unchanged: boolean;
  /** Ids of the indicators recomputed: those whose source or `per.source` is the refreshed one. */
  readonly recomputed: readonly string[];
  /** Dependents that failed to compute after the refresh. */
  readonly errors: readonly EngineError[];
}

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
