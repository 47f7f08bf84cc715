import type { EffectCommentary } from '../commentary';

/** The commentary of one effect: this quarter's, the earlier quarters', and whether the user may write. */
export interface EffectCommentaryView {
  readonly effectId: string;
  readonly effectTitle: string;
  readonly programId: string;
  readonly programTitle: string;
  /** The current text for the quarter asked, or null when none is written. */
  readonly current: EffectCommentary | null;
  /** The current texts of earlier quarters, newest first. */
  readonly earlier: readonly EffectCommentary[];
  /** Whether the signed-in user may write this effect's commentary for the quarter. */
  readonly mayWrite: boolean;
}

/** The commentary on a set of effects (a program's, or those that use one indicator) for one quarter. */
export interface CommentaryBoard {
  readonly quarter: string;
  /** The quarters the college may write for now: the current one and the one before. */
  readonly writableQuarters: readonly string[];
  readonly effects: readonly EffectCommentaryView[];
}
