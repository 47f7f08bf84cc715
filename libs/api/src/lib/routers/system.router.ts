import { publicProcedure, router } from '../trpc';

/** What the dashboard needs to know of the installation itself. */
export const systemRouter = router({
  /** `mode: 'demo'` when the figures are fictitious: the dashboard then says so on every page. */
  info: publicProcedure.query(({ ctx }) => ({ mode: ctx.mode })),
});
