import { commentaryTextSchema, holdsPortfolioOf, identifierSchema, quarterSchema } from '@koers/domain';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { nowOf, readThrough, requireMunicipality } from '../read-through';
import { municipalityProcedure, router } from '../trpc';
import { buildCommentaryBoard } from '../work/commentary-board.builder';
import { quarterName, requirePort, signedInViewer, writableCommentaryQuarters } from '../work/work-ports';

/** The college's commentary per effect per quarter (*toelichting*): everyone who reads the program reads it. */
export const commentaryRouter = router({
  /** The commentary on a program's effects, or on the effects that list an indicator, for a quarter (today's when left out). */
  board: municipalityProcedure
    .input(z.object({ programId: identifierSchema.optional(), indicatorId: identifierSchema.optional(), quarter: quarterSchema.optional() }))
    .query(async ({ ctx, input }) => {
      const municipality = await requireMunicipality(ctx, input.municipalityId);
      const work = requirePort(ctx, 'work');
      const [programs, commentary] = await Promise.all([
        readThrough(ctx, `programs:${municipality.id}`, () => ctx.catalog.listPrograms(municipality.id)),
        readThrough(ctx, `commentary:${municipality.id}`, () => work.listCommentary(municipality.id)),
      ]);
      if (input.programId !== undefined && !programs.some((program) => program.id === input.programId)) {
        throw new TRPCError({ code: 'NOT_FOUND', message: `Programma "${input.programId}" bestaat niet in de begroting van ${municipality.name}.` });
      }
      return buildCommentaryBoard({
        municipalityId: municipality.id,
        programs,
        commentary,
        viewer: ctx.viewer,
        now: nowOf(ctx),
        ...(input.programId === undefined ? {} : { programId: input.programId }),
        ...(input.indicatorId === undefined ? {} : { indicatorId: input.indicatorId }),
        ...(input.quarter === undefined ? {} : { quarter: input.quarter }),
      });
    }),

  /** Every version of one effect's commentary for one quarter, newest first: who wrote what, when. */
  history: municipalityProcedure.input(z.object({ effectId: identifierSchema, quarter: quarterSchema })).query(async ({ ctx, input }) => {
    const municipality = await requireMunicipality(ctx, input.municipalityId);
    return requirePort(ctx, 'work').commentaryHistory(municipality.id, input.effectId, input.quarter);
  }),

  /**
   * A college member writes the commentary on an effect of a program in their
   * portfolio, for the current quarter or the one before; each save is a new
   * version and the earlier ones stay.
   */
  save: municipalityProcedure
    .input(z.object({ effectId: identifierSchema, quarter: quarterSchema, text: commentaryTextSchema }))
    .mutation(async ({ ctx, input }) => {
      const municipality = await requireMunicipality(ctx, input.municipalityId);
      const commands = requirePort(ctx, 'workCommands');
      const programs = await readThrough(ctx, `programs:${municipality.id}`, () => ctx.catalog.listPrograms(municipality.id));
      const program = programs.find((candidate) => candidate.effects.some((effect) => effect.id === input.effectId));
      if (program === undefined) {
        throw new TRPCError({ code: 'NOT_FOUND', message: `Effect "${input.effectId}" bestaat niet in de begroting van ${municipality.name}.` });
      }
      if (!holdsPortfolioOf(ctx.viewer, municipality.id, program.portfolioHolders)) {
        throw new TRPCError({
          code: 'FORBIDDEN',
          message: `Programma "${program.title}" (${program.portfolioHolders.join(', ') || 'zonder portefeuillehouder'}) valt buiten uw portefeuille: u licht alleen de programma's van uw eigen portefeuille toe.`,
        });
      }
      const writable = writableCommentaryQuarters(nowOf(ctx));
      if (!writable.includes(input.quarter)) {
        throw new TRPCError({
          code: 'BAD_REQUEST',
          message: `quarter: een toelichting schrijft u over het ${quarterName(writable[0] ?? '')} of het ${quarterName(writable[1] ?? '')}, niet over het ${quarterName(input.quarter)}.`,
        });
      }
      return commands.saveCommentary(municipality.id, { effectId: input.effectId, quarter: input.quarter, text: input.text }, signedInViewer(ctx));
    }),
});
