import { z } from 'zod';

/** The longest commentary the college writes on one effect in one quarter. */
export const maxCommentaryLength = 4000;

/** The text of a commentary: not empty, at most {@link maxCommentaryLength} characters. */
export const commentaryTextSchema = z
  .string()
  .trim()
  .min(1, 'schrijf een toelichting (het veld is leeg)')
  .max(maxCommentaryLength, `mag hoogstens ${maxCommentaryLength} tekens lang zijn`);

/**
 * The college's commentary on one effect for one quarter (*toelichting*): why
 * the figures stand where they stand. Each save is a new version; the history
 * keeps the earlier ones.
 */
export interface EffectCommentary {
  readonly effectId: string;
  readonly quarter: string;
  readonly text: string;
  /** 1 for the first text of this effect and quarter, one more for each later save. */
  readonly version: number;
  readonly authorName: string;
  readonly authorEmail: string;
  /** ISO 8601, UTC. */
  readonly writtenAt: string;
}
