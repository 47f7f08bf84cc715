import { publicProcedure, router } from '../trpc';

/** What the dashboard needs to know of the installation itself. */
export const systemRouter = router({
  /**
   * `mode: 'demo'` when the figures are fictitious (the dashboard then says so
   * on every page); `identityProvider` when the sign-in page offers one.
   */
  info: publicProcedure.query(({ ctx }) => ({ mode: ctx.mode, identityProvider: ctx.identityProvider ?? null })),
});
