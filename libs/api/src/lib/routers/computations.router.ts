import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { requireMunicipality } from '../read-through';
import { municipalityProcedure, router } from '../trpc';

/** The computations of a municipality's indicators: their records, and a new one on request. */
export const computationsRouter = router({
  /** The latest computations, newest first: when, why, what they used, how they ended. */
  list: municipalityProcedure
    .input(z.object({ limit: z.number().int().min(1).max(100).default(20) }))
    .query(async ({ ctx, input }) => {
      await requireMunicipality(ctx, input.municipalityId);
      return ctx.catalog.listComputations(input.municipalityId, input.limit);
    }),

  /** Computes the municipality's indicators again now (recorded in the audit trail). */
  run: municipalityProcedure.mutation(async ({ ctx, input }) => {
    await requireMunicipality(ctx, input.municipalityId);
    if (ctx.commands === undefined) throw new TRPCError({ code: 'METHOD_NOT_SUPPORTED', message: 'Deze installatie kan niets wijzigen.' });
    await ctx.commands.requestComputation(input.municipalityId, ctx.viewer);
    return { isQueued: true };
  }),
});
