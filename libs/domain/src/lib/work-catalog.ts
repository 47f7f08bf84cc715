import type { EffectCommentary } from './commentary';
import type { ActionProgress } from './read-models/program-detail';

/** A progress update as stored: with who reported it (their e-mail address). */
export interface ProgressRecord extends ActionProgress {
  readonly author: string;
}

/** Someone who leads a team in a municipality, and so reports on that team's actions. */
export interface TeamLead {
  readonly name: string;
  readonly email: string;
  /** The owner name the team's actions carry. */
  readonly team: string;
}

/**
 * What the API reads of the work people do in Koers: the team leads'
 * progress, the college's commentary and who leads which team. A port of its
 * own beside `KoersCatalog` (persistence implements it); a procedure that
 * needs it answers METHOD_NOT_SUPPORTED where the server gives none.
 */
export interface WorkCatalog {
  /** Every progress update of the municipality, every quarter, by action and quarter. */
  listProgressUpdates(municipalityId: string): Promise<readonly ProgressRecord[]>;
  /** The current text of every commentary of the municipality (the newest version per effect and quarter). */
  listCommentary(municipalityId: string): Promise<readonly EffectCommentary[]>;
  /** Every version of one effect's commentary for one quarter, newest first. */
  commentaryHistory(municipalityId: string, effectId: string, quarter: string): Promise<readonly EffectCommentary[]>;
  /** Everyone with a team-lead grant and a team in the municipality, by team and name. */
  listTeamLeads(municipalityId: string): Promise<readonly TeamLead[]>;
}
