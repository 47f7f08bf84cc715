import { indicatorsRouter } from './routers/indicators.router';
import { municipalitiesRouter } from './routers/municipalities.router';
import { overviewRouter } from './routers/overview.router';
import { programsRouter } from './routers/programs.router';
import { systemRouter } from './routers/system.router';
import { router } from './trpc';

/** Every procedure the dashboard can call. */
export const appRouter = router({
  system: systemRouter,
  municipalities: municipalitiesRouter,
  overview: overviewRouter,
  programs: programsRouter,
  indicators: indicatorsRouter,
});

/** The API's shape; the dashboard imports only this type. */
export type AppRouter = typeof appRouter;
