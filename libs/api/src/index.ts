export { appRouter, type AppRouter } from './lib/app.router';
export { createCallerFactory, maskedInternalError, mergeRouters, ownMunicipalitiesProcedure, publicProcedure, router } from './lib/trpc';
export { anyRole, readers, type Access } from './lib/access/access';
export type { ApiContext, InstallationMode } from './lib/context';
export { ReadModelCache } from './lib/read-model-cache';
export type { KoersCatalog, ProgramOverview } from '@koers/domain';
export { readIndicatorCsv, readIndicatorsExport, type ExportAnswer } from './lib/exports/read-exports';
export type { IndicatorsExport } from './lib/exports/indicators-json.export';
export { authorizeSourceUpload, type SourceUploadRoute, type UploadAccess } from './lib/sources/upload-access';
