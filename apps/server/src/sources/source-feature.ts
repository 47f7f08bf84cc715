import { hostname } from 'node:os';
import type { ApiContext } from '@koers/api';
import type { AppDatabase } from '@koers/persistence';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ServerComputations } from '../computation/server-computations';
import type { ServerSettings } from '../server-settings';
import type { TokenFeature } from '../tokens/token-feature';
import { SourceCatalogReader } from './source-catalog.reader';
import { SourceJobs } from './source-jobs';
import { registerSourceRoutes } from './source-routes';
import { VersionStore } from './version-store';

/** The data team's sources in the server: the upload routes, the API's ports, the jobs. */
export interface SourceFeature {
  /** Registers the upload routes (they answer 503 until {@link start}). */
  register(app: FastifyInstance, tokens: TokenFeature, contextOf: (request: FastifyRequest) => Promise<ApiContext>): Promise<void>;
  /** Starts once the database is open and computing: fails a stopped server's jobs, removes its waiting uploads. */
  start(db: AppDatabase, computations: ServerComputations, isShared: boolean): Promise<void>;
  /** The API's `sources` and `sourceCommands` ports (none before {@link start}). */
  ports(): Pick<ApiContext, 'sources' | 'sourceCommands'>;
  /** Stops following jobs and waits for those at work to record where they are. */
  close(): Promise<void>;
}

/** The preview's memory bound: a quarter of the engine's budget, between 256 MiB and 1 GiB. */
function previewMemoryOf(settings: ServerSettings): string {
  const bytes = Math.min(1024 ** 3, Math.max(256 * 1024 ** 2, Math.floor(settings.computation.memoryBudgetBytes / 4)));
  return `${Math.floor(bytes / 1024 ** 2)}MiB`;
}

/** Creates the server's source feature from its settings; see {@link SourceFeature}. */
export function createSourceFeature(settings: ServerSettings, log: ConstructorParameters<typeof SourceJobs>[0]['log']): SourceFeature {
  let jobs: SourceJobs | undefined;
  let reader: SourceCatalogReader | undefined;
  return {
    register: (app, tokens, contextOf) => registerSourceRoutes(app, { jobs: () => jobs, tokens, contextOf, uploadLimitBytes: settings.sources.uploadLimitBytes }),
    async start(db, computations, isShared) {
      reader = new SourceCatalogReader(db);
      jobs = new SourceJobs({
        db,
        store: new VersionStore(settings.sources.versionsDirectory),
        requestComputation: (municipalityId) => computations.scheduler.request(municipalityId, 'change'),
        owner: `${hostname()}:${process.pid}`,
        preview: { memoryLimit: previewMemoryOf(settings), queryTimeoutMs: settings.computation.queryTimeoutMs },
        computeTimeoutMs: settings.computation.timeoutMs,
        isShared,
        log,
      });
      await jobs.start();
    },
    ports: () => (jobs === undefined || reader === undefined ? {} : { sources: reader, sourceCommands: jobs }),
    close: async () => jobs?.close(),
  };
}
