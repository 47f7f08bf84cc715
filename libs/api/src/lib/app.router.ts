import { auditRouter } from './routers/audit.router';
import { computationsRouter } from './routers/computations.router';
import { indicatorEditorRouter } from './routers/indicator-editor.router';
import { indicatorsRouter } from './routers/indicators.router';
import { municipalitiesRouter } from './routers/municipalities.router';
import { overviewRouter } from './routers/overview.router';
import { programsRouter } from './routers/programs.router';
import { sessionRouter } from './routers/session.router';
import { systemRouter } from './routers/system.router';
import { sourcesRouter } from './routers/sources.router';
import { tokensRouter } from './routers/tokens.router';
import { commentaryRouter } from './routers/commentary.router';
import { programEditorRouter } from './routers/program-editor.router';
import { progressRouter } from './routers/progress.router';
import { todoRouter } from './routers/todo.router';
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
  sources: sourcesRouter,
  tokens: tokensRouter,
  indicatorEditor: indicatorEditorRouter,
  programEditor: programEditorRouter,
  progress: progressRouter,
  commentary: commentaryRouter,
  todo: todoRouter,
  reports: reportsRouter,
  motions: motionsRouter,
  questions: questionsRouter,
});

/** The API's shape; the dashboard imports only this type. */
export type AppRouter = typeof appRouter;
