import type { Municipality } from '../municipality.schema';
import type { Lineage, ReportedValue } from '../indicator-report';
import type { PeriodValue } from '../indicator-result';
import type { ComputationView } from './computation-state';
import type { IndicatorSummary } from './indicator-summary';

/** The values of one dimension's members in one period. */
export interface DimensionBreakdown {
  readonly dimension: string;
  readonly members: readonly { readonly member: string | null; readonly value: number | null }[];
}

/** Where an indicator is used: the effects (and their programs) that list it. */
export interface IndicatorUse {
  readonly programId: string;
  readonly programTitle: string;
  readonly effectId: string;
  readonly effectTitle: string;
}

/** How the indicator is defined, as the definition file says. */
export interface IndicatorDefinitionView {
  /** Workspace-relative path, or null when unknown. */
  readonly file: string | null;
  /** The definition file's YAML text, or null when it could not be read. */
  readonly text: string | null;
  readonly description: string | null;
  readonly sourceId: string;
  readonly denominatorSourceId: string | null;
  readonly dimensions: readonly string[];
  readonly tolerance: number;
}

/**
 * Everything the indicator page shows: the series with trends, the targets per
 * year and the baseline, the breakdown per member for one period, and how the
 * values were computed.
 */
export interface IndicatorDetail {
  readonly municipality: Municipality;
  readonly computation: ComputationView;
  readonly summary: IndicatorSummary;
  readonly definition: IndicatorDefinitionView;
  /** Every value ascending by period, each with its trends against the previous period and a year earlier. */
  readonly series: readonly ReportedValue[];
  readonly targets: readonly { readonly year: string; readonly value: number }[];
  readonly baseline: PeriodValue | null;
  /** The periods a breakdown can be shown for, ascending; empty without dimensions. */
  readonly breakdownPeriods: readonly string[];
  /** The period the breakdown is for (the one asked, else the latest), or null without dimensions. */
  readonly breakdownPeriod: string | null;
  readonly breakdown: readonly DimensionBreakdown[];
  /** Source versions (with titles) and the SQL; null when the indicator never computed. */
  readonly lineage: Lineage | null;
  readonly usedBy: readonly IndicatorUse[];
}
