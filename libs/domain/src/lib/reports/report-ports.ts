import type { ActionProgress } from '../read-models/program-detail';
import type { Viewer } from '../role';
import type { Motion, MotionInput, MotionResponseInput } from './motion';
import type { ExceptionKind, ExplanationFields, ReportExplanation, ReportRecord, ReportSettings } from './report';
import type { QuestionItem, ReportQuestion } from './report-question';
import type { ReportSnapshot } from './report-snapshot';

/**
 * What the API reads of the quarterly reports, the motions and the council's
 * questions: a port of its own beside `KoersCatalog`, which persistence
 * implements. A procedure that needs it answers METHOD_NOT_SUPPORTED where the
 * server gives none.
 */
export interface ReportCatalog {
  /** Every report of the municipality, newest quarter first. */
  listReports(municipalityId: string): Promise<readonly ReportRecord[]>;
  findReport(municipalityId: string, quarter: string): Promise<ReportRecord | null>;
  /** A published version, exactly as it was frozen; null when there is no such version. */
  readSnapshot(municipalityId: string, quarter: string, version: number): Promise<ReportSnapshot | null>;
  /** The explanations written for one version of a report. */
  listExplanations(municipalityId: string, quarter: string, version: number): Promise<readonly ReportExplanation[]>;
  /** Per action, its latest progress update of `quarter` or an earlier one. */
  listProgressAsOf(municipalityId: string, quarter: string): Promise<readonly ActionProgress[]>;
  /** Every motion and commitment, by date adopted, with every response to its points. */
  listMotions(municipalityId: string): Promise<readonly Motion[]>;
  /** The council's questions on a quarter's report, oldest first. */
  listQuestions(municipalityId: string, quarter: string): Promise<readonly ReportQuestion[]>;
  readSettings(municipalityId: string): Promise<ReportSettings>;
}

/** Why a change to a report was refused: it no longer stands where the change expects (someone else moved it on). */
export type ReportChangeResult<T> = { readonly status: 'done'; readonly value: T } | { readonly status: 'refused'; readonly message: string };

/**
 * What the API may change of reports, motions and questions, each stored with
 * its audit record in one transaction (the server implements it). A change
 * that does not fit where the report stands is refused, with why, and
 * nothing is stored.
 */
export interface ReportCommands {
  /** Starts the report of a quarter that has none: version 1, a draft. */
  open(municipalityId: string, quarter: string, by: Viewer): Promise<ReportChangeResult<ReportRecord>>;
  /** Writes the explanation of an exception in the draft. */
  saveExplanation(
    municipalityId: string,
    quarter: string,
    item: { readonly kind: ExceptionKind; readonly id: string },
    fields: ExplanationFields,
    by: Viewer,
  ): Promise<ReportChangeResult<ReportExplanation>>;
  /** Draft → approved by the college. */
  approve(municipalityId: string, quarter: string, by: Viewer): Promise<ReportChangeResult<ReportRecord>>;
  /** Approved → draft again. */
  withdrawApproval(municipalityId: string, quarter: string, by: Viewer): Promise<ReportChangeResult<ReportRecord>>;
  /** Approved → published: stores `snapshot` as the version, never to change again. */
  publish(municipalityId: string, quarter: string, snapshot: ReportSnapshot, by: Viewer): Promise<ReportChangeResult<ReportRecord>>;
  /** Published → a draft of the next version, with why; the explanations of the published version carry over. */
  startCorrection(municipalityId: string, quarter: string, reason: string, by: Viewer): Promise<ReportChangeResult<ReportRecord>>;
  /** Whether the municipality's published reports are public. */
  setPublic(municipalityId: string, isPublic: boolean, by: Viewer): Promise<ReportSettings>;
  /** Adds a motion or commitment, or replaces its text and points (responses to points that remain stay). */
  saveMotion(municipalityId: string, motion: MotionInput, by: Viewer): Promise<Motion>;
  /** The college's response to one point for one quarter; a second one for the same quarter replaces the first. */
  saveMotionResponse(municipalityId: string, response: MotionResponseInput, by: Viewer): Promise<ReportChangeResult<Motion>>;
  askQuestion(
    municipalityId: string,
    question: { readonly quarter: string; readonly item: QuestionItem; readonly itemTitle: string; readonly text: string },
    by: Viewer,
  ): Promise<ReportQuestion>;
  /** Answers a question, or replaces the answer. */
  answerQuestion(municipalityId: string, questionId: string, text: string, by: Viewer): Promise<ReportChangeResult<ReportQuestion>>;
}

/** The college's commentary on one effect for one quarter, as a report takes it over. */
export interface ReportCommentary {
  readonly effectId: string;
  readonly quarter: string;
  readonly text: string;
  readonly authorName: string;
  readonly writtenAt: string;
}

/**
 * Where a report reads the college's commentary per effect per quarter from.
 * The commentary itself is another part of Koers (issue 8); this port is the
 * one place a report meets it.
 */
export interface ReportCommentarySource {
  /** The current commentary of every effect of the municipality for `quarter`. */
  listCommentary(municipalityId: string, quarter: string): Promise<readonly ReportCommentary[]>;
}
