import type { IndicatorStatus } from '../indicator-result';
import type { Municipality } from '../municipality.schema';
import type { ProgressStatus } from '../progress-update.schema';
import type { ComputationView } from './computation-state';
import type { IndicatorSummary } from './indicator-summary';

/** How many actions stand where; `not_reported` counts actions without an update for the quarter. */
export type ActionStatusCounts = Readonly<Record<ProgressStatus | 'not_reported', number>>;

/** How many indicators have each status. */
export type IndicatorStatusCounts = Readonly<Record<IndicatorStatus, number>>;

/** An effect with its indicators at a glance. */
export interface EffectSummary {
  readonly id: string;
  readonly title: string;
  readonly indicators: readonly IndicatorSummary[];
}

/** A program at a glance: its effects with their indicators, and how its actions stand. */
export interface ProgramSummary {
  readonly id: string;
  readonly title: string;
  readonly portfolioHolders: readonly string[];
  readonly effects: readonly EffectSummary[];
  readonly taskCount: number;
  readonly actionCount: number;
  readonly actionStatus: ActionStatusCounts;
  readonly indicatorStatus: IndicatorStatusCounts;
}

/** An indicator whose status differs from the one it had at the end of the previous quarter. */
export interface StatusChange {
  readonly indicatorId: string;
  readonly title: string;
  readonly programId: string;
  readonly programTitle: string;
  /** The status at the end of the previous quarter; null when it had no value then. */
  readonly from: IndicatorStatus | null;
  readonly to: IndicatorStatus;
}

/**
 * A municipality *in één oogopslag*: per program its effects with the status
 * of their indicators, what changed since the previous quarter, and how the
 * actions stand in the current quarter.
 */
export interface MunicipalityOverview {
  readonly municipality: Municipality;
  readonly computation: ComputationView;
  /** The quarter of the newest value, and the one before it that changes are measured against; null without values. */
  readonly dataQuarter: { readonly current: string; readonly previous: string } | null;
  /** The quarter whose action progress is counted (today's quarter). */
  readonly progressQuarter: string;
  readonly indicatorStatus: IndicatorStatusCounts;
  readonly changes: readonly StatusChange[];
  readonly programs: readonly ProgramSummary[];
}
