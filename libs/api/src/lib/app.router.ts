import { auditRouter } from './routers/audit.router';
import { computationsRouter } from './routers/computations.router';
import { indicatorsRouter } from './routers/indicators.router';
import { municipalitiesRouter } from './routers/municipalities.router';
import { overviewRouter } from './routers/overview.router';
import { programsRouter } from './routers/programs.router';
import { sessionRouter } from './routers/session.router';
import { systemRouter } from './routers/system.router';
import { motionsRouter } from './routers/motions.router';
import { questionsRouter } from './routers/questions.router';
import { reportsRouter } from './routers/reports.router';
import { router } from './trpc';

/** Every procedure the dashboard can call. */
export const appRouter = router({
  system: systemRouter,
  session: sessionRouter,
  municipalities: municipalitiesRouter,
  overview: overviewRouter,
  programs: programsRouter,
  indicators: indicatorsRouter,
  computations: computationsRouter,
  audit: auditRouter,
  reports: reportsRouter,
  motions: motionsRouter,
  questions: questionsRouter,
});

/** The API's shape; the dashboard imports only this type. */
export type AppRouter = typeof appRouter;
