import { identifierSchema, periodPattern } from '@koers/domain';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { buildIndicatorComparison, listComparableIndicators } from '../read-models/indicator-comparison.builder';
import { buildIndicatorDetail } from '../read-models/indicator-detail.builder';
import { readThrough, requireMunicipality } from '../read-through';
import { municipalityProcedure, ownMunicipalitiesProcedure, router } from '../trpc';

const periodInput = z.string().regex(periodPattern, 'must be a period: 2025, 2025-Q1 or 2025-03');

/** Effect indicators: one in full, and one across the municipalities. */
export const indicatorsRouter = router({
  /** Series, targets, baseline, breakdown for a period (the latest when left out), trends and lineage. */
  get: municipalityProcedure
    .input(z.object({ indicatorId: identifierSchema, period: periodInput.optional() }))
    .query(async ({ ctx, input }) => {
      const municipality = await requireMunicipality(ctx, input.municipalityId);
      const key = `indicator:${municipality.id}:${input.indicatorId}:${input.period ?? ''}`;
      return readThrough(ctx, key, async () => {
        const [programs, indicators, history] = await Promise.all([
          ctx.catalog.listPrograms(municipality.id),
          ctx.catalog.listIndicators(municipality.id),
          ctx.catalog.computationHistory(municipality.id),
        ]);
        const stored = indicators.find((candidate) => candidate.indicatorId === input.indicatorId);
        if (stored === undefined) {
          throw new TRPCError({
            code: 'NOT_FOUND',
            message: `Indicator "${input.indicatorId}" bestaat niet in ${municipality.name}.`,
          });
        }
        const hasResults = indicators.some((candidate) => candidate.report !== null);
        return buildIndicatorDetail({ municipality, stored, programs, history, hasResults, ...(input.period && { period: input.period }) });
      });
    }),

  /** One indicator side by side across the municipalities that define it. */
  compare: ownMunicipalitiesProcedure.input(z.object({ indicatorId: identifierSchema })).query(({ ctx, input }) =>
    readThrough(ctx, `compare:${input.indicatorId}:${keyOf(ctx.permittedMunicipalities)}`, async () => {
      const [stored, municipalities] = await Promise.all([
        ctx.catalog.listIndicatorEverywhere(input.indicatorId),
        ctx.catalog.listMunicipalities(),
      ]);
      const permitted = municipalities.filter((municipality) => ctx.permittedMunicipalities.has(municipality.id));
      const comparison = buildIndicatorComparison(input.indicatorId, stored, permitted);
      if (comparison === null) {
        throw new TRPCError({ code: 'NOT_FOUND', message: `Geen gemeente in deze installatie heeft indicator "${input.indicatorId}".` });
      }
      return comparison;
    }),
  ),

  /** The indicators two or more of the user's municipalities define: what can be compared. */
  comparable: ownMunicipalitiesProcedure.query(({ ctx }) =>
    readThrough(ctx, `comparable:${keyOf(ctx.permittedMunicipalities)}`, async () => {
      const municipalities = (await ctx.catalog.listMunicipalities()).filter((municipality) => ctx.permittedMunicipalities.has(municipality.id));
      return listComparableIndicators(await Promise.all(municipalities.map((municipality) => ctx.catalog.listIndicators(municipality.id))));
    }),
  ),
});

/** A cache key part for a set of municipalities: the same set, the same key. */
function keyOf(municipalities: ReadonlySet<string>): string {
  return [...municipalities].sort().join(',');
}
