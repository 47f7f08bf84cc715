import { readThrough } from '../read-through';
import { publicProcedure, router } from '../trpc';

/** The municipalities this installation serves. */
export const municipalitiesRouter = router({
  list: publicProcedure.query(({ ctx }) => readThrough(ctx, 'municipalities', () => ctx.catalog.listMunicipalities())),
});
