export { appRouter, type AppRouter } from './lib/app.router';
export { createCallerFactory, mergeRouters, publicProcedure, router } from './lib/trpc';
export type { ApiContext, InstallationMode } from './lib/context';
export { ReadModelCache } from './lib/read-model-cache';
export type { KoersCatalog, ProgramOverview } from '@koers/domain';
export { readIndicatorCsv, readIndicatorsExport, type ExportAnswer } from './lib/exports/read-exports';
export type { IndicatorsExport } from './lib/exports/indicators-json.export';
