import { publicProcedure, router } from '../trpc';

/** Who is signed in. */
export const sessionRouter = router({
  /** The signed-in user with their grants, or null: the dashboard then shows the sign-in page. */
  me: publicProcedure.query(({ ctx }) => ctx.viewer),
});
