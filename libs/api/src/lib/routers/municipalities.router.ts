import { publicProcedure, router } from '../trpc';

/** The municipalities this installation serves. */
export const municipalitiesRouter = router({
  list: publicProcedure.query(({ ctx }) => ctx.catalog.listMunicipalities()),
});
