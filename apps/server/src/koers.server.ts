import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { appRouter, type ApiContext, type KoersCatalog, ReadModelCache } from '@koers/api';
import {
  createKoersCatalog,
  type AppDatabase,
  hasMunicipalities,
  listMunicipalities,
  listUsers,
  openDatabase,
} from '@koers/persistence';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import { type DemoLog, importDemoWorkspaces, needsDemoImport } from './demo/demo-import';
import { formatDemoSignIns } from './demo/demo-users';
import { benchAppRouter } from './bench/bench.router';
import { type ServerComputations, startComputations } from './computation/server-computations';
import { answerExport, isExportPath } from './http/api-exports.route';
import { sendJson } from './http/json-response';
import { setSecurityHeaders } from './http/security-headers';
import { createStaticFiles } from './http/static-files';
import { repositoryRoot, type ServerSettings } from './server.env';

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

/**
 * Builds the server from its settings. Listening and preparing are separate
 * steps so the port answers (503 "starting") while a first start imports the
 * demo data, and so a test can see both states.
 */
export function createKoersServer(settings: ServerSettings, log: ServerLog = console): KoersServer {
  let db: AppDatabase | undefined;
  let catalog: KoersCatalog | undefined;
  let computations: ServerComputations | undefined;
  let url = `http://${settings.host}:${settings.port}`;
  // Bumped whenever something the API reads is stored: cached read models are then built anew.
  let dataVersion = 0;
  const cache = new ReadModelCache(() => dataVersion);

  const reportInternalError = (errorId: string, error: unknown): void => log.error(`[fout ${errorId}]`, error);
  // Requests reach the API only once `catalog` is set (see handle).
  const apiContext = (): ApiContext => ({
    catalog: catalog as KoersCatalog,
    mode: settings.isDemo ? 'demo' : 'production',
    cache,
    reportInternalError,
  });
  const trpc = createHTTPHandler({
    router: settings.isBenchmark ? benchAppRouter : appRouter,
    basePath: '/trpc/',
    createContext: apiContext,
  });
  const staticFiles = createStaticFiles(settings.dashboardDirectory);

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    setSecurityHeaders(response);
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    if (path === '/health') {
      if (catalog) sendJson(response, 200, { status: 'ok', database: 'duckdb', computing: computingMunicipalities() });
      else sendJson(response, 503, { status: 'starting' });
      return;
    }
    const isApi = path === '/trpc' || path.startsWith('/trpc/') || isExportPath(path);
    if (isApi && !catalog) {
      response.setHeader('Retry-After', '2');
      sendJson(response, 503, { status: 'starting' });
      return;
    }
    if (isExportPath(path)) {
      await answerExport(request, response, path, apiContext());
      return;
    }
    if (isApi) {
      trpc(request, response);
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('Allow', 'GET, HEAD');
      sendJson(response, 405, { error: 'Methode niet toegestaan / method not allowed' });
      return;
    }
    await staticFiles(request, response);
  }

  /** The municipalities whose indicators are being computed or wait to be, for /health. */
  function computingMunicipalities(): string[] {
    return knownMunicipalities.filter((id) => computations?.scheduler.isBusy(id) ?? false);
  }
  let knownMunicipalities: string[] = [];

  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      const errorId = crypto.randomUUID().slice(0, 8);
      reportInternalError(errorId, error);
      if (!response.headersSent) sendJson(response, 500, { error: `Interne fout (foutcode ${errorId})` });
      else response.destroy();
    });
  });

  return {
    listen: () =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(settings.port, settings.host, () => {
          server.off('error', reject);
          const { port } = server.address() as AddressInfo;
          url = `http://${settings.host}:${port}`;
          resolve(url);
        });
      }),

    async prepare() {
      db = await openDatabase({ kind: 'duckdb', path: settings.databasePath });
      if (settings.isDemo && (await needsDemoImport(db, await hasMunicipalities(db)))) {
        log.info('Eerste start: de demogemeenten worden ingelezen ...');
        await importDemoWorkspaces(db, settings.demoDirectory, log, repositoryRoot);
      }
      catalog = createKoersCatalog(db);
      knownMunicipalities = (await listMunicipalities(db)).map((municipality) => municipality.id);
      computations = await startComputations(db, settings.computation, log, () => {
        dataVersion += 1;
      });
      if (settings.isDemo) {
        log.info(formatDemoSignIns(url, await listUsers(db), await listMunicipalities(db)));
      } else {
        log.info(`Koers draait op ${url}`);
      }
    },

    whenComputed: () => computations?.scheduler.whenIdle() ?? Promise.resolve(),

    async close() {
      catalog = undefined;
      await computations?.close();
      computations = undefined;
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        // A request still open after a few seconds (a stuck client) does not hold the shutdown.
        setTimeout(() => server.closeAllConnections(), 5_000).unref();
      });
      await db?.destroy();
      db = undefined;
    },
  };
}
