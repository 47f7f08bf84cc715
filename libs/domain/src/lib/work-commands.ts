import type { EffectCommentary } from './commentary';
import type { ProgressStatus } from './progress-update.schema';
import type { Viewer } from './role';
import type { ProgressRecord } from './work-catalog';

/** What a team lead reports on one action for one quarter. */
export interface ProgressReport {
  readonly actionId: string;
  readonly quarter: string;
  readonly status: ProgressStatus;
  readonly percent: number;
  readonly comment: string;
}

/** What the college writes on one effect for one quarter. */
export interface CommentaryEntry {
  readonly effectId: string;
  readonly quarter: string;
  readonly text: string;
}

/**
 * The changes people make to their work in Koers, each stored with an audit
 * record (before and after) and a bump of the data version in one
 * transaction. The API checks who may make them first; the server implements
 * the port.
 */
export interface WorkCommands {
  /** Stores a progress report, replacing that action's report of the same quarter. */
  saveProgress(municipalityId: string, report: ProgressReport, by: Viewer): Promise<ProgressRecord>;
  /** Stores a new version of an effect's commentary for a quarter; earlier versions stay in its history. */
  saveCommentary(municipalityId: string, entry: CommentaryEntry, by: Viewer): Promise<EffectCommentary>;
}
