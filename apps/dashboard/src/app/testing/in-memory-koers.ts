import { type EnvironmentProviders, makeEnvironmentProviders } from '@angular/core';
import { type ApiContext, appRouter, type InstallationMode } from '@koers/api';
import {
  type CatalogContents,
  InMemoryApiTokens,
  InMemoryCatalog,
  InMemoryCommands,
  InMemoryReports,
  inMemoryReportPorts,
  InMemorySources,
  InMemoryWork,
  inMemoryWorkPorts,
  sampleCatalogContents,
  sampleReportContents,
  sampleTeamLeads,
  sampleViewer,
} from '@koers/api/testing';
import type { IndicatorEditor, Viewer } from '@koers/domain';
import { createTRPCClient, localLink } from '@trpc/client';
import { KOERS_CLIENT, type KoersClient, sessionExpiryLink } from '../api/koers-client';
import { provideKoersRouter } from '../app.routes';
import { provideDutchLocale } from '../locale';
import { KOERS_FETCH } from '../session/auth-client';
import { SessionStore } from '../session/session.store';
import { inMemoryAuthRoutes, type InMemoryAuth } from './in-memory-auth';
import { InMemoryUploads } from './in-memory-uploads';
import { JOB_POLL_MS } from '../sources/source-job/source-job.component';
import { UPLOAD_TRANSPORT } from '../sources/upload-transport';

/** The clock of the dashboard's specs: the last day of November 2026, so "this quarter" is 2026-Q4. */
export const testNow = new Date('2026-11-30T12:00:00Z');

/** The real `appRouter` over an installation in memory, and the providers that make the app use it. */
export interface InMemoryKoers {
  /** What the router reads; change `contents`, set `failure`, or `hold()` answers to see a loading state. */
  readonly catalog: InMemoryCatalog;
  /** What the router may change: `requests` lists the computations asked for. */
  readonly commands: InMemoryCommands;
  /** Progress, commentary and program files in memory: `changes` is what was saved. */
  readonly work: InMemoryWork;
  /** The quarterly reports, motions and questions (the sample reports unless said): `reports.audit` lists each change. */
  readonly reports: InMemoryReports;
  /**
   * The server's session and its sign-in routes: `auth.viewer` is who the router
   * sees (set it to null to end the session "elsewhere"); `auth.accounts` whom
   * `POST /auth/login` accepts.
   */
  readonly auth: InMemoryAuth;
  /** The sources, their versions and jobs, and the personal API tokens (`sources`, `tokens` procedures). */
  readonly sources: InMemorySources;
  readonly apiTokens: InMemoryApiTokens;
  /** The upload routes, answering into `sources` (a previewed job); `received` lists what was sent. */
  readonly uploads: InMemoryUploads;
  readonly client: KoersClient;
  /** Router, Dutch locale, the client and the sign-in routes. */
  readonly providers: EnvironmentProviders;
}

/** Who may be signed in, and what the installation says of itself. */
export interface InMemoryKoersOptions {
  readonly contents?: CatalogContents;
  readonly mode?: InstallationMode;
  /** Who is signed in at the start: a college member of every sample municipality unless said; null for nobody. */
  readonly viewer?: Viewer | null;
  /** The identity provider the sign-in page offers; none when left out. */
  readonly identityProvider?: { readonly label: string } | null;
  /** The indicator editor's port (`InMemoryIndicatorEditor`); without it `indicatorEditor.*` answers METHOD_NOT_SUPPORTED. */
  readonly indicatorEditor?: IndicatorEditor;
  /** Start without any report, motion or question (else the sample reports of `@koers/api/testing`). */
  readonly withoutReports?: boolean;
}

/**
 * The dashboard over the real API in memory: every call goes through the real
 * `appRouter` (validation, access rules, errors, read models) with a
 * `localLink`, so a spec sees what the server would answer, serialised to
 * JSON and back. The sign-in routes, plain HTTP on the server, answer in
 * memory as the server's do.
 *
 * @example
 * const koers = inMemoryKoers({ viewer: sampleViewer('council') });
 * TestBed.configureTestingModule({ providers: [koers.providers] });
 * const harness = await RouterTestingHarness.create('/uithoorn');
 */
export function inMemoryKoers(options: InMemoryKoersOptions = {}): InMemoryKoers {
  const catalog = new InMemoryCatalog(options.contents ?? sampleCatalogContents());
  const commands = new InMemoryCommands(catalog, () => testNow);
  const work = new InMemoryWork(catalog, { teamLeads: sampleTeamLeads, now: () => testNow });
  const reports = new InMemoryReports(catalog, () => testNow, options.withoutReports === true ? undefined : sampleReportContents(catalog.contents));
  const auth = inMemoryAuthRoutes(options.viewer === undefined ? sampleViewer('college') : options.viewer);
  const sources = new InMemorySources(undefined, () => testNow);
  const apiTokens = new InMemoryApiTokens(() => testNow);
  const uploads = new InMemoryUploads(sources);
  const context = (): ApiContext => ({
    catalog,
    commands,
    ...inMemoryWorkPorts(work),
    sources,
    sourceCommands: sources,
    apiTokens,
    ...(options.indicatorEditor === undefined ? {} : { indicatorEditor: options.indicatorEditor }),
    ...inMemoryReportPorts(reports),
    mode: options.mode ?? 'demo',
    identityProvider: options.identityProvider ?? null,
    viewer: auth.viewer,
    now: () => testNow,
    // A spec that expects a failure sees it in the page; nothing to log here.
    reportInternalError: () => undefined,
  });
  let expired: () => void = () => undefined;
  const client = createTRPCClient<typeof appRouter>({
    links: [sessionExpiryLink(() => expired()), localLink({ router: appRouter, createContext: async () => context() })],
  });
  return {
    catalog,
    commands,
    work,
    reports,
    auth,
    sources,
    apiTokens,
    uploads,
    client,
    providers: makeEnvironmentProviders([
      provideKoersRouter(),
      provideDutchLocale(),
      { provide: KOERS_CLIENT, useValue: client },
      { provide: KOERS_FETCH, useValue: auth.fetch },
      { provide: UPLOAD_TRANSPORT, useValue: uploads },
      // A job at work is asked after at once, so a spec sees its steps without waiting.
      { provide: JOB_POLL_MS, useValue: 1 },
      {
        provide: SessionStore,
        useFactory: () => {
          const session = new SessionStore();
          expired = () => session.expired();
          return session;
        },
      },
    ]),
  };
}
