import { readThrough } from '../read-through';
import { ownMunicipalitiesProcedure, router } from '../trpc';

/** The municipalities this installation serves. */
export const municipalitiesRouter = router({
  /** Those the signed-in user holds a grant in, by name: what the switcher offers. */
  list: ownMunicipalitiesProcedure.query(async ({ ctx }) => {
    const all = await readThrough(ctx, 'municipalities', () => ctx.catalog.listMunicipalities());
    return all.filter((municipality) => ctx.permittedMunicipalities.has(municipality.id));
  }),
});
