import { buildMunicipalityOverview } from '../read-models/municipality-overview.builder';
import { nowOf, readThrough, requireMunicipality } from '../read-through';
import { municipalityProcedure, router } from '../trpc';

/** A municipality in één oogopslag. */
export const overviewRouter = router({
  get: municipalityProcedure.query(async ({ ctx, input }) => {
    const municipality = await requireMunicipality(ctx, input.municipalityId);
    const now = nowOf(ctx);
    // The action counts are per quarter: a new quarter is a new entry.
    return readThrough(ctx, `overview:${municipality.id}:${now.getUTCFullYear()}-${now.getUTCMonth()}`, async () => {
      const [programs, indicators, progress, history] = await Promise.all([
        ctx.catalog.listPrograms(municipality.id),
        ctx.catalog.listIndicators(municipality.id),
        ctx.catalog.listLatestProgress(municipality.id),
        ctx.catalog.computationHistory(municipality.id),
      ]);
      return buildMunicipalityOverview({ municipality, programs, indicators, progress, history, now });
    });
  }),
});
