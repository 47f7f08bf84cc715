import type { Municipality } from '../municipality.schema';
import type { ProgramOverview } from '../koers-catalog';
import type { ProgressStatus } from '../progress-update.schema';
import type { ComputationView } from './computation-state';
import type { IndicatorSummary } from './indicator-summary';

/** The latest progress a team lead reported on an action. */
export interface ActionProgress {
  readonly actionId: string;
  readonly quarter: string;
  readonly status: ProgressStatus;
  readonly percent: number;
  readonly comment: string;
  /** ISO 8601. */
  readonly recordedAt: string;
}

/**
 * One program with everything the program page shows: vision, portfolio
 * holders, department and policy documents; its effects with indicator cards;
 * its tasks with their actions and each action's latest progress.
 */
export interface ProgramDetail {
  readonly municipality: Municipality;
  readonly computation: ComputationView;
  readonly program: ProgramOverview;
  /** Every indicator an effect of the program lists, in the order of first mention. */
  readonly indicators: readonly IndicatorSummary[];
  /** The latest progress per action id; an action without an update is absent. */
  readonly progress: Readonly<Record<string, ActionProgress>>;
  /** Today's quarter: an action whose latest update is older has not reported yet. */
  readonly progressQuarter: string;
}
