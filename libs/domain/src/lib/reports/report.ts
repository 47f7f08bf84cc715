import { z } from 'zod';

/**
 * Where a quarter's report stands (*kwartaalrapportage*): the college drafts
 * it (`draft`), approves it (`approved`) and publishes it to the council
 * (`published`). A quarter without a report is open; a published report is
 * public besides where the municipality publishes its reports (Wet open
 * overheid). A correction drafts the next version of a published report.
 */
export const reportStatuses = ['draft', 'approved', 'published'] as const;
export type ReportStatus = (typeof reportStatuses)[number];

/** One published version of a report: frozen, and never changed afterwards. */
export interface PublishedVersion {
  readonly version: number;
  /** ISO 8601, UTC. */
  readonly publishedAt: string;
  readonly publishedBy: string;
  /** Why this version corrects the one before; null for the first. */
  readonly correctionReason: string | null;
}

/** A quarter's report as the college works on it: the version under way and every version published. */
export interface ReportRecord {
  readonly municipalityId: string;
  readonly quarter: string;
  readonly status: ReportStatus;
  /** The version being drafted or approved, or, once published, the latest published one. */
  readonly version: number;
  /** Why the version under way corrects the published one; null for a first version. */
  readonly correctionReason: string | null;
  readonly openedBy: string;
  readonly openedAt: string;
  readonly approvedBy: string | null;
  readonly approvedAt: string | null;
  /** Oldest first. */
  readonly publishedVersions: readonly PublishedVersion[];
}

/** What may need explaining by exception: an effect whose indicator is at risk or off track, or a delayed action. */
export const exceptionKinds = ['effect', 'action'] as const;
export type ExceptionKind = (typeof exceptionKinds)[number];

/** The longest text of one field of an explanation, a correction reason, a question or an answer. */
export const maxReportTextLength = 4000;

const reportText = (empty: string) =>
  z.string().trim().min(1, empty).max(maxReportTextLength, `mag hoogstens ${maxReportTextLength} tekens lang zijn`);

/** The three fields of an explanation by exception (*oorzaak, gevolg, bijsturing*); each may be left empty while drafting. */
export const explanationFieldsSchema = z
  .object({
    cause: z.string().trim().max(maxReportTextLength, `mag hoogstens ${maxReportTextLength} tekens lang zijn`),
    consequence: z.string().trim().max(maxReportTextLength, `mag hoogstens ${maxReportTextLength} tekens lang zijn`),
    correction: z.string().trim().max(maxReportTextLength, `mag hoogstens ${maxReportTextLength} tekens lang zijn`),
  })
  .strict();

export type ExplanationFields = z.infer<typeof explanationFieldsSchema>;

/** How the three fields read, in the order they are asked. */
export const explanationFieldLabels: Readonly<Record<keyof ExplanationFields, string>> = {
  cause: 'oorzaak',
  consequence: 'gevolg',
  correction: 'bijsturing',
};

/** Whether all three fields are written. */
export function isExplained(fields: ExplanationFields | null | undefined): boolean {
  return fields !== null && fields !== undefined && fields.cause !== '' && fields.consequence !== '' && fields.correction !== '';
}

/** The college's explanation of one exception in one version of a report. */
export interface ReportExplanation extends ExplanationFields {
  readonly itemKind: ExceptionKind;
  readonly itemId: string;
  readonly authorName: string;
  /** ISO 8601, UTC. */
  readonly writtenAt: string;
}

/** Why a published report is corrected: shown with the new version. */
export const correctionReasonSchema = reportText('schrijf de reden van de correctie (het veld is leeg)');

/** A question of a council member, or the college's answer to it. */
export const questionTextSchema = reportText('schrijf een vraag (het veld is leeg)');
export const answerTextSchema = reportText('schrijf een antwoord (het veld is leeg)');

/** Whether a municipality publishes its published reports for everyone (Wet open overheid). */
export interface ReportSettings {
  readonly isPublic: boolean;
}
