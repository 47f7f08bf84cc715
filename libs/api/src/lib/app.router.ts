import { municipalitiesRouter } from './routers/municipalities.router';
import { programsRouter } from './routers/programs.router';
import { router } from './trpc';

/** Every procedure the dashboard can call. */
export const appRouter = router({
  municipalities: municipalitiesRouter,
  programs: programsRouter,
});

/** The API's shape; the dashboard imports only this type. */
export type AppRouter = typeof appRouter;
