export { appRouter, type AppRouter } from './lib/app.router';
export { createCallerFactory } from './lib/trpc';
export type { ApiContext } from './lib/context';
export type { ProgramCatalog, ProgramOverview } from './lib/program-catalog';
