import type { ActionKind, Priority } from '../program.schema';
import type { Municipality } from '../municipality.schema';
import type { ProgressStatus } from '../progress-update.schema';
import type { ProgressRecord } from '../work-catalog';

/** Where an action stands in a quarter: its status, or `not_reported` when its team has not reported yet. */
export type ActionStanding = ProgressStatus | 'not_reported';

/** One action on the actions board, as it stands in the board's quarter. */
export interface BoardAction {
  readonly id: string;
  readonly title: string;
  readonly programId: string;
  readonly programTitle: string;
  readonly taskId: string;
  readonly taskTitle: string;
  readonly kind: ActionKind;
  readonly priority: Priority;
  /** The owner team, as the program file names it; null when none is named. */
  readonly owner: string | null;
  readonly start: string | null;
  readonly due: string | null;
  /** The team's report of the board's quarter, or null. */
  readonly report: ProgressRecord | null;
  /** The latest report up to and including the board's quarter, or null. */
  readonly latest: ProgressRecord | null;
  readonly standing: ActionStanding;
  /** Past its due date (by the end of the quarter, or today in the current one) and neither done nor cancelled. */
  readonly isOverdue: boolean;
  /** No report for the quarter although the action is still open. */
  readonly isAwaitingReport: boolean;
  /** Whether the signed-in user may report on it now: their team owns it and the quarter is the current one. */
  readonly mayReport: boolean;
}

/** How far a team is with its reports of the quarter. */
export interface TeamReporting {
  readonly team: string;
  readonly actionCount: number;
  /** Open actions without a report for the quarter. */
  readonly awaitingCount: number;
  /** Who leads the team (names), for the college to ask. */
  readonly teamLeads: readonly string[];
}

/**
 * The actions board of a municipality for one quarter: every action with its
 * standing, the teams that own actions, and, for the college and admins, per
 * team how many actions still await a report.
 */
export interface ActionsBoard {
  readonly municipality: Municipality;
  readonly quarter: string;
  /** Today's quarter: only its reports can be written. */
  readonly currentQuarter: string;
  /** Today, `YYYY-MM-DD`, against which due dates count. */
  readonly today: string;
  readonly actions: readonly BoardAction[];
  /** Every owner team named by an action, sorted. */
  readonly teams: readonly string[];
  /** The team the signed-in user leads here, or null. */
  readonly viewerTeam: string | null;
  /** Per team, those still to report first; null unless the user is an admin or college member here. */
  readonly reporting: readonly TeamReporting[] | null;
}
