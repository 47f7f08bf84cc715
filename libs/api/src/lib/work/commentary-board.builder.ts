import { type CommentaryBoard, type EffectCommentary, holdsPortfolioOf, type ProgramOverview, quarterOf, type Viewer } from '@koers/domain';
import { writableCommentaryQuarters } from './work-ports';

/** What a commentary board is built from. */
export interface CommentaryBoardInputs {
  readonly municipalityId: string;
  readonly programs: readonly ProgramOverview[];
  readonly commentary: readonly EffectCommentary[];
  readonly viewer: Viewer | null;
  readonly now: Date;
  /** Which effects: a program's, or those that list an indicator; every effect when neither is given. */
  readonly programId?: string;
  readonly indicatorId?: string;
  /** The quarter to show; today's when left out. */
  readonly quarter?: string;
}

/**
 * The commentary on the effects asked for, for one quarter: the text of that
 * quarter, those of earlier quarters, and whether the viewer may write (a
 * college member whose portfolio covers the effect's program, in a quarter
 * that can still be written).
 */
export function buildCommentaryBoard(inputs: CommentaryBoardInputs): CommentaryBoard {
  const quarter = inputs.quarter ?? quarterOf(inputs.now);
  const writableQuarters = writableCommentaryQuarters(inputs.now);
  const isWritable = writableQuarters.includes(quarter);
  const effects = inputs.programs
    .filter((program) => inputs.programId === undefined || program.id === inputs.programId)
    .flatMap((program) =>
      program.effects
        .filter((effect) => inputs.indicatorId === undefined || effect.indicators.includes(inputs.indicatorId))
        .map((effect) => {
          const texts = inputs.commentary.filter((entry) => entry.effectId === effect.id);
          return {
            effectId: effect.id,
            effectTitle: effect.title,
            programId: program.id,
            programTitle: program.title,
            current: texts.find((entry) => entry.quarter === quarter) ?? null,
            earlier: texts.filter((entry) => entry.quarter < quarter).sort((left, right) => (left.quarter < right.quarter ? 1 : -1)),
            mayWrite: isWritable && holdsPortfolioOf(inputs.viewer, inputs.municipalityId, program.portfolioHolders),
          };
        }),
    );
  return { quarter, writableQuarters, effects };
}
