import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import { appRouter, type ApiContext, type KoersCatalog, maskedInternalError, ReadModelCache } from '@koers/api';
import type { IndicatorEditor } from '@koers/domain';
import { type AppDatabase, createKoersCatalog, createReportCatalog, createReportCommands, hasMunicipalities, listMunicipalities, listUsers, openDatabase, readDataVersion } from '@koers/persistence';
import { type CreateFastifyContextOptions, fastifyTRPCPlugin } from '@trpc/server/adapters/fastify';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { registerAuthRoutes } from './auth/auth.routes';
import { registerOidcRoutes } from './auth/oidc.routes';
import { readSessionSecret } from './auth/session-cookie';
import { SessionService } from './auth/session-service';
import { benchAppRouter } from './bench/bench.router';
import { type ServerComputations, startComputations } from './computation/server-computations';
import { ensureDemoUsers, type DemoLog, importDemoWorkspaces, needsDemoImport } from './demo/demo-import';
import { publishDemoReports } from './demo/demo-reports';
import { formatDemoSignIns } from './demo/demo-users';
import { registerApiExports } from './http/api-exports.route';
import { registerReportRoutes } from './http/report.routes';
import { registerCsrfRule } from './http/csrf';
import { isApiPath, registerDashboard } from './http/dashboard.routes';
import { registerErrorHandler } from './http/error-handler';
import { createIndicatorEditor } from './indicators/indicator-editor.setup';
import { registerIndicatorEditorRoutes } from './indicators/indicator-editor.routes';
import { registerSecurityHeaders } from './http/security-headers';
import { repositoryRoot, type ServerSettings } from './server.env';
import { createSourceFeature } from './sources/source-feature';
import { createTokenFeature } from './tokens/token-feature';
import { reportCommentaryOf } from './work/report-commentary';
import { createWorkPorts, type WorkPorts } from './work/work-ports';

/** Where the server writes what it does; `console` in production, a collector in tests. */
export type ServerLog = DemoLog & { error(line: string, error?: unknown): void };

/** A Koers server: one port for the API, the dashboard and `/health`. */
export interface KoersServer {
  /** Starts listening; `/health` answers 503 until {@link KoersServer.prepare} is done. Resolves to the base URL. */
  listen(): Promise<string>;
  /** Opens and migrates the database and, in demo mode, fills an empty one; then the server is ready. */
  prepare(): Promise<void>;
  /** Resolves once no computation waits or runs (tests, benchmarks). */
  whenComputed(): Promise<void>;
  /** Stops taking requests, waits for the open ones, and closes the database. */
  close(): Promise<void>;
}

/** The largest request body (JSON of the API, the sign-in); uploads get limits of their own. */
export const bodyLimitBytes = 1024 * 1024;
/** The most procedure calls in one batched request. */
export const maxBatchSize = 20;

/** What exists once the database is open. */
interface Ready {
  readonly db: AppDatabase;
  readonly catalog: KoersCatalog;
  readonly sessions: SessionService;
  readonly computations: ServerComputations;
  readonly indicatorEditor: IndicatorEditor;
  /** Progress, commentary and the program files (`src/work/`). */
  readonly work: WorkPorts;
  readonly reports: Pick<ApiContext, 'reports' | 'reportCommands' | 'reportCommentary'>;
}

/**
 * Builds the server from its settings. Listening and preparing are separate
 * steps so the port answers (503 "starting") while a first start imports the
 * demo data, and so a test can see both states.
 */
export function createKoersServer(settings: ServerSettings, log: ServerLog = console): KoersServer {
  let ready: Ready | undefined;
  let url = `http://${settings.host}:${settings.port}`;
  // The database's count of changes the API reads, by any instance: cached read models built at another count are built anew.
  let dataVersion = -1;
  let versionTimer: NodeJS.Timeout | undefined;
  // In demo mode: the reports of past quarters, published once the first results are stored.
  let demoReports: Promise<void> = Promise.resolve();
  const cache = new ReadModelCache(() => dataVersion);
  const refreshDataVersion = async (db: AppDatabase): Promise<void> => {
    dataVersion = await readDataVersion(db).catch(() => dataVersion);
  };
  const reportInternalError = (errorId: string, error: unknown): void => log.error(`[fout ${errorId}]`, error);
  const tokens = createTokenFeature();
  const sources = createSourceFeature(settings, log);

  /** The API's context for a request: who is signed in, and what the API reads and may change. Only once ready. */
  const contextOf = async (request: FastifyRequest): Promise<ApiContext> => {
    const current = ready as Ready;
    const secret = readSessionSecret(request);
    const viewer = secret === undefined ? null : await current.sessions.viewerOf(secret);
    return {
      catalog: current.catalog,
      ...current.work,
      viewer,
      mode: settings.isDemo ? 'demo' : 'production',
      identityProvider: settings.auth.oidc === null ? null : { label: settings.auth.oidc.label },
      indicatorEditor: current.indicatorEditor,
      cache,
      reportInternalError,
      ...sources.ports(),
      ...tokens.ports(),
      ...current.reports,
      commands: {
        requestComputation: async (municipalityId, by) => {
          await current.computations.requestByPerson(municipalityId, by.email);
          // The person who asked sees "calculating" on the next read, not after the next poll.
          await refreshDataVersion(current.db);
        },
      },
    };
  };

  // maxParamLength: a batched tRPC path names every procedure of the batch (`/trpc/overview.get,programs.get,...`).
  const app: FastifyInstance = Fastify({
    logger: false,
    bodyLimit: bodyLimitBytes,
    trustProxy: settings.auth.isBehindProxy,
    routerOptions: { maxParamLength: 2_000 },
  });
  const built = build();

  async function build(): Promise<void> {
    registerSecurityHeaders(app);
    registerErrorHandler(app, reportInternalError);
    // Until the database is ready, everything but the dashboard's files and /health answers 503.
    app.addHook('onRequest', async (request, reply) => {
      const path = request.url.split('?')[0] ?? '/';
      if (ready === undefined && isApiPath(path) && path !== '/health') {
        return reply.status(503).header('retry-after', '2').send({ status: 'starting' });
      }
    });
    registerCsrfRule(app, settings.auth.allowedOrigins);
    await app.register(fastifyCookie, { secret: settings.auth.sessionSecret });
    await app.register(fastifyCompress, { global: true, threshold: 1024 });
    // The data team's uploads (src/sources/): each route sets the file size limit from KOERS_UPLOAD_LIMIT.
    await app.register(fastifyMultipart, { limits: { fileSize: settings.sources.uploadLimitBytes, files: 1, fields: 10 } });

    app.get('/health', async (_request, reply) => {
      if (ready === undefined) return reply.status(503).send({ status: 'starting' });
      const computing = await ready.computations.scheduler.busyMunicipalities();
      return reply.header('cache-control', 'no-store').send({ status: 'ok', database: settings.database.kind, computing });
    });
    await registerAuthRoutes(app, () => (ready as Ready).sessions);
    await registerOidcRoutes(app, settings.auth, () => ready as Ready, log);
    registerApiExports(app, contextOf);
    await sources.register(app, tokens, contextOf);
    await registerIndicatorEditorRoutes(app, contextOf);
    registerReportRoutes(app, contextOf);
    await app.register(fastifyTRPCPlugin, {
      prefix: '/trpc',
      trpcOptions: {
        router: settings.isBenchmark ? benchAppRouter : appRouter,
        createContext: ({ req }: CreateFastifyContextOptions) =>
          contextOf(req).catch((error: unknown) => {
            throw maskedInternalError(error, reportInternalError);
          }),
        maxBatchSize,
      },
    });
    await registerDashboard(app, settings.dashboardDirectory);
  }

  return {
    async listen() {
      await built;
      const address = await app.listen({ port: settings.port, host: settings.host });
      url = address.replace('[::1]', 'localhost');
      return url;
    },

    async prepare() {
      const db = await openDatabase(settings.database);
      if (settings.isDemo && (await needsDemoImport(db, await hasMunicipalities(db)))) {
        log.info('Eerste start: de demogemeenten worden ingelezen ...');
        await importDemoWorkspaces(db, settings.demoDirectory, settings.workspacesDirectory, log, repositoryRoot);
      }
      if (settings.isDemo) await ensureDemoUsers(db, await listMunicipalities(db));
      const sessions = new SessionService(db, settings.auth);
      await refreshDataVersion(db);
      // Another instance's change reaches this one's caches within a second.
      versionTimer = setInterval(() => void refreshDataVersion(db), 1_000).unref();
      const computations = await startComputations(db, settings.computation, settings.database.kind === 'postgres', log, () => void refreshDataVersion(db));
      tokens.start(db);
      await sources.start(db, computations, settings.database.kind === 'postgres');
      const work = createWorkPorts(db, () => computations, () => refreshDataVersion(db));
      // The next read after a change to a report shows it, on this instance at once and on others within a second.
      const reports = {
        reports: createReportCatalog(db),
        reportCommands: createReportCommands(db, () => refreshDataVersion(db)),
        reportCommentary: reportCommentaryOf(work.work),
      };
      ready = {
        db,
        catalog: createKoersCatalog(db),
        sessions,
        computations,
        indicatorEditor: createIndicatorEditor(db, computations, settings.computation),
        work,
        reports,
      };
      if (settings.isDemo) {
        demoReports = computations.scheduler
          .whenIdle()
          .then(() => publishDemoReports(db, log))
          .then(() => refreshDataVersion(db))
          .catch((error: unknown) => log.error('De demorapportages konden niet worden gepubliceerd.', error));
      }
      if (settings.isDemo) {
        log.info(formatDemoSignIns(url, await listUsers(db), await listMunicipalities(db)));
      } else {
        log.info(`Koers draait op ${url}`);
      }
    },

    whenComputed: async () => {
      await ready?.computations.scheduler.whenIdle();
      await demoReports;
    },

    async close() {
      const current = ready;
      ready = undefined;
      clearInterval(versionTimer);
      await current?.computations.close();
      await sources.close();
      // A request still open after a few seconds (a stuck client) does not hold the shutdown.
      const forceClose = setTimeout(() => app.server.closeAllConnections(), 5_000).unref();
      await app.close();
      clearTimeout(forceClose);
      await current?.db.destroy();
    },
  };
}
