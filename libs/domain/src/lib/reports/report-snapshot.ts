import type { Direction, Grain } from '../indicator.schema';
import type { IndicatorStatus, PeriodValue } from '../indicator-result';
import type { Municipality } from '../municipality.schema';
import type { ActionKind, Priority } from '../program.schema';
import type { ProgressStatus } from '../progress-update.schema';
import type { ActionStanding } from '../read-models/actions-board';
import type { PeriodStatus } from '../stored-indicator';
import type { MotionKind, MotionLink, MotionPointStatus } from './motion';
import type { ExplanationFields } from './report';

/** The explanation of an exception as the report shows it. */
export interface SnapshotExplanation extends ExplanationFields {
  readonly authorName: string;
  readonly writtenAt: string;
}

/** The college's commentary on an effect for the quarter, where it wrote one. */
export interface SnapshotCommentary {
  readonly text: string;
  readonly authorName: string;
  readonly writtenAt: string;
}

/** An effect of a program in a report: its indicators' ids, whether it is an exception, and what the college says of it. */
export interface SnapshotEffect {
  readonly id: string;
  readonly title: string;
  readonly description: string | null;
  readonly indicatorIds: readonly string[];
  /** An indicator of the effect is at risk or off track. */
  readonly isException: boolean;
  readonly explanation: SnapshotExplanation | null;
  readonly commentary: SnapshotCommentary | null;
}

/** The progress of an action as reported for (or before) the report's quarter. */
export interface SnapshotProgress {
  readonly quarter: string;
  readonly status: ProgressStatus;
  readonly percent: number;
  readonly comment: string;
  readonly recordedAt: string;
}

/** An action in a report. */
export interface SnapshotAction {
  readonly id: string;
  readonly title: string;
  readonly owner: string | null;
  readonly kind: ActionKind;
  readonly priority: Priority;
  readonly start: string | null;
  readonly due: string | null;
  readonly standing: ActionStanding;
  /** The latest update up to the report's quarter; null when there is none. */
  readonly progress: SnapshotProgress | null;
  /** Delayed in the report's quarter. */
  readonly isException: boolean;
  readonly explanation: SnapshotExplanation | null;
}

export interface SnapshotTask {
  readonly id: string;
  readonly title: string;
  readonly actions: readonly SnapshotAction[];
}

export interface SnapshotProgram {
  readonly id: string;
  readonly title: string;
  readonly portfolioHolders: readonly string[];
  readonly department: string | null;
  readonly effects: readonly SnapshotEffect[];
  readonly tasks: readonly SnapshotTask[];
}

/** A source version one indicator's values came from. */
export interface SnapshotSource {
  readonly sourceId: string;
  readonly title: string | null;
  readonly version: number;
  readonly loadedAt: string;
  readonly fileHash: string;
  readonly rowCount: number;
  readonly files: readonly string[];
}

/** Where an indicator's values came from: source versions, the SQL, when it was computed, the definition file. */
export interface SnapshotLineage {
  readonly sources: readonly SnapshotSource[];
  readonly sql: string;
  readonly computedAt: string;
  readonly definitionFile: string | null;
}

/**
 * An indicator as a report freezes it: only the periods that had ended by the
 * quarter's end, the status of the latest of them against its year's target,
 * and the lineage of the values.
 */
export interface SnapshotIndicator {
  readonly id: string;
  readonly title: string;
  readonly unit: string;
  readonly decimals: number | null;
  readonly direction: Direction;
  readonly grain: Grain;
  readonly isBbv: boolean;
  readonly status: IndicatorStatus;
  /** The latest period with a value by the quarter's end; null when none. */
  readonly latest: PeriodValue | null;
  /** The target of the latest value's year; null when none. */
  readonly target: number | null;
  readonly baseline: PeriodValue | null;
  /** The targets per calendar year, for the chart. */
  readonly targets: Readonly<Record<string, number>>;
  /** Ascending; periods that ended by the quarter's end. */
  readonly values: readonly PeriodValue[];
  readonly statuses: readonly PeriodStatus[];
  readonly lineage: SnapshotLineage | null;
}

/** One numbered point of a motion, with the college's latest response up to the report's quarter. */
export interface SnapshotMotionPoint {
  readonly number: number;
  readonly text: string;
  readonly links: readonly MotionLink[];
  readonly status: MotionPointStatus;
  readonly response: string | null;
  /** The quarter of that response; null when the college has not responded yet. */
  readonly respondedIn: string | null;
}

/** A motion or commitment of the council as the report shows it. */
export interface SnapshotMotion {
  readonly id: string;
  readonly kind: MotionKind;
  readonly reference: string;
  readonly title: string;
  readonly adoptedOn: string;
  readonly text: string | null;
  readonly points: readonly SnapshotMotionPoint[];
}

/**
 * A quarter's report as published (frozen: data that changes later never
 * alters it) or, for a draft, as it would be published now. Everything the
 * council reads, the PDF prints, the workbook and the public JSON hold comes
 * from this one value.
 */
export interface ReportSnapshot {
  readonly municipality: Municipality;
  readonly quarter: string;
  /** The last day of the quarter, `YYYY-MM-DD`: periods ending later are left out. */
  readonly quarterEnd: string;
  readonly version: number;
  /** When it was published (ISO 8601, UTC); for a draft, when it was read. */
  readonly publishedAt: string;
  /** Who published it; null for a draft. */
  readonly publishedBy: string | null;
  readonly correctionReason: string | null;
  readonly programs: readonly SnapshotProgram[];
  /** Every indicator an effect of a program lists, in order of first mention. */
  readonly indicators: readonly SnapshotIndicator[];
  readonly motions: readonly SnapshotMotion[];
}
