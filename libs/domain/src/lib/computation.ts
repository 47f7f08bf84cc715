import type { IndicatorReport, LineageSource } from './indicator-report';
import type { DefinitionSnapshot, IndicatorProblem, PeriodStatus } from './stored-indicator';
import type { Workspace } from './workspace';

/**
 * Why a computation ran: the server's start, a changed source or definition, a
 * person asking, or a computation whose server instance stopped mid-way.
 */
export const computationTriggers = ['start', 'change', 'request', 'recovery'] as const;
export type ComputationTrigger = (typeof computationTriggers)[number];

/** `queued` until a server instance takes it, then `running`, then `succeeded` or `failed`. */
export const computationStatuses = ['queued', 'running', 'succeeded', 'failed'] as const;
export type ComputationStatus = (typeof computationStatuses)[number];

/** A definition file a computation read, by its hash, so a later reader can tell which text it used. */
export interface DefinitionFileHash {
  /** Workspace-relative path, `indicators/winkeldiefstallen.yaml`. */
  readonly file: string;
  /** sha256 of the file's bytes, hex. */
  readonly sha256: string;
}

/** A column of a loaded source table, as DuckDB typed it (`DATE`, `VARCHAR`, `DECIMAL(38,10)`). */
export interface SourceColumn {
  readonly name: string;
  readonly type: string;
}

/** What a computation used: the serving version of every source, and every definition file. */
export interface ComputationInputs {
  readonly sources: readonly LineageSource[];
  readonly definitions: readonly DefinitionFileHash[];
  /**
   * The columns of each source's serving table, by source id: what the
   * indicator editor offers to pick from. Left out by computations stored
   * before it was kept.
   */
  readonly sourceColumns?: Readonly<Record<string, readonly SourceColumn[]>>;
}

/**
 * One run of the KPI engine over a municipality's workspace. `succeeded`
 * means the run finished and stored what it computed; single indicators may
 * still have failed (`failedCount`), and they keep their previous values.
 */
export interface ComputationRecord {
  readonly id: string;
  readonly municipalityId: string;
  readonly trigger: ComputationTrigger;
  /** ISO 8601, UTC: when it was asked for. */
  readonly requestedAt: string;
  /** ISO 8601, UTC: when it started running (while queued: when it was asked for). */
  readonly startedAt: string;
  readonly finishedAt: string | null;
  readonly status: ComputationStatus;
  /** Why the whole run failed (the worker crashed, ran out of time); null otherwise. */
  readonly error: string | null;
  readonly inputs: ComputationInputs | null;
  /**
   * What the run could not use: problems in the workspace's files (that item
   * was left out) and sources that did not load (their dependents kept their
   * previous values). Problems of single indicators are kept with the indicator.
   */
  readonly problems: readonly IndicatorProblem[];
  readonly indicatorCount: number;
  readonly failedCount: number;
  /** The indicators it covers (a definition saved through the web); null or left out: all of them. */
  readonly indicatorIds?: readonly string[] | null;
}

/** An indicator a computation computed: its report and the status of each of its values. */
export interface ComputedIndicator {
  readonly definition: DefinitionSnapshot;
  readonly report: IndicatorReport;
  readonly statuses: readonly PeriodStatus[];
}

/** An indicator a computation could not compute; its previous report (if any) keeps serving. */
export interface FailedIndicator {
  readonly definition: DefinitionSnapshot;
  readonly problem: IndicatorProblem;
}

/**
 * What one computation found, to be stored in one transaction: every
 * indicator of the workspace in its order, computed or failed, the inputs,
 * and the problems of the run as a whole. `workspace` is the workspace read
 * for it, to import its programs when they changed; null when a program file
 * had a problem (the stored programs then stay as they are rather than lose
 * the broken one).
 */
export interface ComputationOutcome {
  readonly computationId: string;
  /**
   * The indicators it was asked to compute; null or left out: all of them.
   * With a list, `indicators` holds only those, and every other stored
   * indicator stays exactly as it is.
   */
  readonly indicatorIds?: readonly string[] | null;
  readonly municipalityId: string;
  /** ISO 8601. */
  readonly finishedAt: string;
  readonly workspace: Workspace | null;
  readonly inputs: ComputationInputs;
  readonly problems: readonly IndicatorProblem[];
  readonly indicators: readonly (ComputedIndicator | FailedIndicator)[];
}
