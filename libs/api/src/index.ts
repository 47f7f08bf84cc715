export { appRouter, type AppRouter } from './lib/app.router';
export { createCallerFactory } from './lib/trpc';
export type { ApiContext, InstallationMode } from './lib/context';
export { ReadModelCache } from './lib/read-model-cache';
export type { KoersCatalog, ProgramOverview } from '@koers/domain';
