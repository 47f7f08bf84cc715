import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { identifierSchema } from '@koers/domain';
import { publicProcedure, router } from '../trpc';

/** The budget programs of a municipality. */
export const programsRouter = router({
  list: publicProcedure
    .input(z.object({ municipalityId: identifierSchema }))
    .query(async ({ ctx, input }) => {
      const municipalities = await ctx.catalog.listMunicipalities();
      if (!municipalities.some((municipality) => municipality.id === input.municipalityId)) {
        throw new TRPCError({
          code: 'NOT_FOUND',
          message: `Gemeente "${input.municipalityId}" bestaat niet in deze installatie.`,
        });
      }
      return ctx.catalog.listPrograms(input.municipalityId);
    }),
});
