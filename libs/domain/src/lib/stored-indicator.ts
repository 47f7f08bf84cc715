import type { IndicatorDefinition } from './indicator.schema';
import type { IndicatorReport } from './indicator-report';
import type { IndicatorStatus } from './indicator-result';

/** Why an indicator could not be computed, and where to look: the file, and its line and field where known. */
export interface IndicatorProblem {
  /** Workspace-relative path of the file to open. */
  readonly file: string;
  readonly message: string;
  readonly line?: number;
  readonly field?: string;
}

/** The status a value had against the target of its own year. */
export interface PeriodStatus {
  readonly period: string;
  readonly status: IndicatorStatus;
}

/** An indicator's definition as a computation read it: the parsed fields and the file's text. */
export interface DefinitionSnapshot {
  readonly indicator: IndicatorDefinition;
  /** The YAML text of the definition file, as read; null when it could not be read. */
  readonly text: string | null;
}

/**
 * What the app database keeps of one indicator: its last good report (values,
 * breakdown, trends and lineage), the status of each of its values, the
 * definition it was computed from, and, when the latest computation failed on
 * it, that problem. A failed computation never replaces the last good report.
 */
export interface StoredIndicator {
  readonly municipalityId: string;
  readonly indicatorId: string;
  readonly definition: DefinitionSnapshot;
  /** The last good report; null when the indicator never computed. */
  readonly report: IndicatorReport | null;
  /** The status of every value of `report.values` against its year's target, ascending by period. */
  readonly statuses: readonly PeriodStatus[];
  /** The computation that produced `report`. */
  readonly computationId: string | null;
  /** Set when the latest computation could not compute this indicator. */
  readonly problem: (IndicatorProblem & { readonly computationId: string; readonly at: string }) | null;
}
