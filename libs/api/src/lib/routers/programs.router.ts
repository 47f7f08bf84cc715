import { identifierSchema } from '@koers/domain';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { buildProgramDetail } from '../read-models/program-detail.builder';
import { nowOf, readThrough, requireMunicipality } from '../read-through';
import { municipalityProcedure, router } from '../trpc';

/** The budget programs of a municipality. */
export const programsRouter = router({
  /** Every program in budget order, with its effects, tasks and actions. */
  list: municipalityProcedure.query(async ({ ctx, input }) => {
    const municipality = await requireMunicipality(ctx, input.municipalityId);
    return readThrough(ctx, `programs:${municipality.id}`, () => ctx.catalog.listPrograms(municipality.id));
  }),

  /** One program with its indicator cards and the latest progress of its actions. */
  get: municipalityProcedure
    .input(z.object({ programId: identifierSchema }))
    .query(async ({ ctx, input }) => {
      const municipality = await requireMunicipality(ctx, input.municipalityId);
      const now = nowOf(ctx);
      return readThrough(ctx, `program:${municipality.id}:${input.programId}:${now.getUTCFullYear()}-${now.getUTCMonth()}`, async () => {
        const [programs, indicators, progress, history] = await Promise.all([
          ctx.catalog.listPrograms(municipality.id),
          ctx.catalog.listIndicators(municipality.id),
          ctx.catalog.listLatestProgress(municipality.id),
          ctx.catalog.computationHistory(municipality.id),
        ]);
        const program = programs.find((candidate) => candidate.id === input.programId);
        if (program === undefined) {
          throw new TRPCError({
            code: 'NOT_FOUND',
            message: `Programma "${input.programId}" bestaat niet in de begroting van ${municipality.name}.`,
          });
        }
        return buildProgramDetail({ municipality, program, indicators, progress, history, now });
      });
    }),
});
