import type { IndicatorResult } from '@koers/domain';
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

// The dashboard's read models live in the domain, so persistence, API and dashboard share them.
export type { IndicatorReport, Lineage, LineageSource, ReportedValue, Trend } from '@koers/domain';
