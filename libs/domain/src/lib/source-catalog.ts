import type { Viewer } from './role';
import type { ColumnType, SourceFormat } from './source.schema';
import type { SourcePreview, SourceProblem } from './source-preview';

/** What a source job does: a new version of a source, a new source, or a rollback to a kept version. */
export const sourceJobKinds = ['upload', 'new_source', 'rollback'] as const;
export type SourceJobKind = (typeof sourceJobKinds)[number];

/**
 * The steps of a source job, in order: the file is `received` (on disk, with
 * its sha256 and size); `previewing` reads it whole in the engine's process;
 * `previewed` waits for the data team to confirm (the dashboard; a script's
 * upload goes straight on); `loading` puts the file in place in the workspace
 * and waits for the engine's computation to take it; `computing` is that
 * computation running (it loads the new version, then computes the
 * indicators); then `done`, or `failed` with the problem (the previous
 * version keeps serving).
 */
export const sourceJobStates = ['received', 'previewing', 'previewed', 'loading', 'computing', 'done', 'failed'] as const;
export type SourceJobState = (typeof sourceJobStates)[number];

/** One step a job passed, and when (ISO 8601). */
export interface SourceJobStep {
  readonly state: SourceJobState;
  readonly at: string;
}

/** One upload, new source or rollback, as its steps went: what the dashboard polls. */
export interface SourceJob {
  readonly id: string;
  readonly municipalityId: string;
  /** The source; null for a new source's upload until it is declared. */
  readonly sourceId: string | null;
  readonly kind: SourceJobKind;
  readonly state: SourceJobState;
  readonly format: SourceFormat | null;
  readonly sizeBytes: number | null;
  /** sha256 of the file's bytes, hex. */
  readonly sha256: string | null;
  readonly preview: SourcePreview | null;
  /** The version it made, or rolls back to. */
  readonly version: number | null;
  /** The rows the engine loaded, once done. */
  readonly rowCount: number | null;
  /** Why it failed; null otherwise. */
  readonly problem: SourceProblem | null;
  readonly steps: readonly SourceJobStep[];
  readonly createdBy: string;
  /** ISO 8601. */
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** One kept version of a source: who brought it, when, its sha256, rows and size. */
export interface SourceVersionRecord {
  readonly municipalityId: string;
  readonly sourceId: string;
  /** 1 for the first kept version, one more for each after. */
  readonly version: number;
  readonly sha256: string;
  readonly rowCount: number | null;
  readonly sizeBytes: number;
  readonly format: SourceFormat;
  /** E-mail of the person (or `werkmap`: the file as it was in the workspace before the first upload). */
  readonly uploadedBy: string;
  /** ISO 8601. */
  readonly uploadedAt: string;
  /** Whether this is the version the stored results were computed from. */
  readonly isServing: boolean;
}

/** An indicator that reads a source, and how: as its `source`, its `per.source`, or both. */
export interface SourceUse {
  readonly indicatorId: string;
  readonly title: string;
  readonly as: readonly ('source' | 'per.source')[];
}

/** The version of a source the latest computation read (its lineage), with the kept version it is, where there is one. */
export interface ServingSource {
  readonly sha256: string;
  readonly rowCount: number;
  /** ISO 8601: when the engine loaded it. */
  readonly loadedAt: string;
  /** The kept version with this sha256; null when the file never came through Koers. */
  readonly version: number | null;
}

/** A source of a municipality as its page lists it: the definition, who reads it, what serves. */
export interface SourceSummary {
  readonly id: string;
  readonly title: string;
  /** Workspace-relative path of the data file (or glob). */
  readonly path: string;
  readonly format: SourceFormat | null;
  readonly owner: string | null;
  readonly description: string | null;
  /** The declared columns and their types. */
  readonly columns: Readonly<Record<string, ColumnType>>;
  readonly usedBy: readonly SourceUse[];
  readonly serving: ServingSource | null;
  /** Whether a new version can be uploaded: the source reads one file (not a glob). */
  readonly canUpload: boolean;
  /** The latest job of this source, for "refresh failed". */
  readonly lastJob: Pick<SourceJob, 'id' | 'kind' | 'state' | 'problem' | 'updatedAt'> | null;
}

/** One source with its kept versions (newest first) and its latest jobs. */
export interface SourceDetail extends SourceSummary {
  readonly versions: readonly SourceVersionRecord[];
  readonly jobs: readonly SourceJob[];
}

/**
 * How the API reads sources: the workspace's definitions with who reads them
 * and what serves, the kept versions, the jobs. The server implements it
 * (definitions from the workspace folder, versions and jobs from the app
 * database); a test uses the API's in-memory one.
 */
export interface SourceCatalog {
  /** The sources of a municipality, by id. */
  listSources(municipalityId: string): Promise<readonly SourceSummary[]>;
  /** One source, or null when the workspace has no source by that id. */
  getSource(municipalityId: string, sourceId: string): Promise<SourceDetail | null>;
  /** One job of the municipality, or null. */
  getJob(municipalityId: string, jobId: string): Promise<SourceJob | null>;
}

/** A new source, declared from a previewed upload. */
export interface NewSourceInput {
  readonly sourceId: string;
  readonly title: string;
  readonly owner?: string;
  readonly description?: string;
  /** The columns to declare, with their types (from the preview's suggestions, or changed). */
  readonly columns: Readonly<Record<string, ColumnType>>;
  /** The previewed upload (a job of kind `new_source` in state `previewed`). */
  readonly jobId: string;
}

/**
 * What the API may change of sources, each recorded in the audit trail. The
 * server implements it; every command that changes what serves returns the
 * job to poll. A refusal throws {@link SourceCommandRefused}.
 */
export interface SourceCommands {
  /** Puts a previewed upload in place as the source's new version and computes again. */
  publishUpload(municipalityId: string, jobId: string, by: Viewer): Promise<SourceJob>;
  /** Writes `sources/<id>.yaml` and its data file from a previewed upload, and computes again. */
  createSource(municipalityId: string, input: NewSourceInput, by: Viewer): Promise<SourceJob>;
  /** Puts a kept version's file back in place and computes again. */
  rollback(municipalityId: string, sourceId: string, version: number, by: Viewer): Promise<SourceJob>;
  /** Removes a source no indicator reads (its kept versions stay). */
  deleteSource(municipalityId: string, sourceId: string, by: Viewer): Promise<void>;
  /** Throws away a previewed upload that will not be used. */
  discardUpload(municipalityId: string, jobId: string, by: Viewer): Promise<void>;
}

/** Why a source command was refused: nothing by that id, a conflict with what is there, or input to fix (with its field). */
export class SourceCommandRefused extends Error {
  constructor(
    readonly reason: 'not_found' | 'conflict' | 'invalid',
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'SourceCommandRefused';
  }
}
