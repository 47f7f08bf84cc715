import type { IndicatorStatus } from '../indicator-result';
import type { Municipality } from '../municipality.schema';
import type { ActionStanding } from '../read-models/actions-board';
import type { Motion } from './motion';
import type { ExceptionKind, PublishedVersion, ReportStatus } from './report';
import type { QuestionItemKind, ReportQuestion } from './report-question';
import type { ReportSnapshot } from './report-snapshot';

/** What the signed-in user may do with a report, after the access table. */
export interface ReportAbilities {
  /** Write explanations, approve, withdraw the approval, publish, correct. */
  readonly mayManage: boolean;
  readonly mayAsk: boolean;
  readonly mayAnswer: boolean;
}

/** One report in the list of a municipality's reports. */
export interface ReportSummary {
  readonly quarter: string;
  readonly status: ReportStatus;
  /** The version under way or, once published, the latest. */
  readonly version: number;
  readonly correctionReason: string | null;
  /** Whether the latest published version can be read by everyone (the municipality publishes publicly). */
  readonly isPublic: boolean;
  readonly latestPublished: PublishedVersion | null;
}

/** A municipality's reports as the user may see them, and which quarters the college may open. */
export interface ReportList {
  readonly municipality: Municipality;
  /** Newest quarter first; for the council, only the published ones. */
  readonly reports: readonly ReportSummary[];
  /** Ended quarters without a report, newest first (for the college; empty for others). */
  readonly openQuarters: readonly string[];
  readonly isPublic: boolean;
  readonly abilities: ReportAbilities & { readonly maySetPublic: boolean };
}

/** One exception of a report: an effect at risk or off track, or a delayed action, and whether its three fields are written. */
export interface ReportException {
  readonly kind: ExceptionKind;
  readonly id: string;
  readonly title: string;
  readonly programId: string;
  readonly programTitle: string;
  /** Why it is an exception: the statuses of the effect's indicators, or the action's progress. */
  readonly reason: string;
  readonly isExplained: boolean;
}

/** An indicator whose status moved between two quarters. */
export interface IndicatorMove {
  readonly id: string;
  readonly title: string;
  readonly from: IndicatorStatus | null;
  readonly to: IndicatorStatus;
  readonly valueFrom: number | null;
  readonly valueTo: number | null;
  readonly unit: string;
  readonly decimals: number | null;
}

/** An action that slipped since the quarter before: it became delayed, or its due date moved later. */
export interface SlippedAction {
  readonly id: string;
  readonly title: string;
  readonly programId: string;
  readonly programTitle: string;
  readonly from: ActionStanding | null;
  readonly to: ActionStanding;
  readonly dueFrom: string | null;
  readonly dueTo: string | null;
}

/** What changed since the previous quarter's published report. */
export interface ReportComparison {
  readonly previousQuarter: string;
  /** The version of the previous quarter's report compared with; null when that quarter has no published report. */
  readonly previousVersion: number | null;
  readonly indicatorMoves: readonly IndicatorMove[];
  readonly unchangedIndicators: number;
  readonly slippedActions: readonly SlippedAction[];
}

/** One difference between two versions of a report. */
export interface ReportChange {
  readonly itemKind: 'indicator' | 'effect' | 'action' | 'motion';
  readonly itemId: string;
  readonly title: string;
  /** What changed, in Dutch: `waarde 2025-Q3`, `status`, `oorzaak`, `punt 2`. */
  readonly field: string;
  readonly before: string | null;
  readonly after: string | null;
}

/**
 * A quarter's report as the dashboard shows it: the snapshot (frozen when
 * published; built from the live data while a draft), its exceptions, the
 * comparison with the previous quarter, the changes against the version
 * before, and the council's questions.
 */
export interface ReportView {
  readonly municipality: Municipality;
  readonly quarter: string;
  readonly status: ReportStatus;
  /** The version shown. */
  readonly version: number;
  /** The version under way or the latest published. */
  readonly currentVersion: number;
  /** True for a draft or approved version: built from today's data, not frozen. */
  readonly isLive: boolean;
  readonly isPublic: boolean;
  readonly approvedBy: string | null;
  readonly approvedAt: string | null;
  readonly correctionReason: string | null;
  readonly publishedVersions: readonly PublishedVersion[];
  readonly snapshot: ReportSnapshot;
  /** Exceptions first, in program order. */
  readonly exceptions: readonly ReportException[];
  readonly comparison: ReportComparison;
  /** Against the version before the one shown; null for a first version. */
  readonly changes: { readonly againstVersion: number; readonly items: readonly ReportChange[] } | null;
  readonly questions: readonly ReportQuestion[];
  readonly abilities: ReportAbilities;
}

/** Something in a published report that matches a search. */
export interface ReportSearchHit {
  readonly quarter: string;
  readonly version: number;
  readonly itemKind: QuestionItemKind | 'explanation' | 'commentary' | 'question';
  readonly itemId: string;
  readonly title: string;
  /** The matching text, cut around the match. */
  readonly excerpt: string;
}

/** The motions of a municipality, for the motions page. */
export interface MotionList {
  readonly municipality: Municipality;
  readonly motions: readonly Motion[];
  /** The quarter the college responds for now: the last that ended. */
  readonly responseQuarter: string;
  readonly mayManage: boolean;
  /** The programs, their tasks and actions a point may link to. */
  readonly programs: readonly {
    readonly id: string;
    readonly title: string;
    readonly tasks: readonly { readonly id: string; readonly title: string; readonly actions: readonly { readonly id: string; readonly title: string }[] }[];
  }[];
}
