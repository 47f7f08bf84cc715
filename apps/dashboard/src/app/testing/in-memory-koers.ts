import { type EnvironmentProviders, makeEnvironmentProviders } from '@angular/core';
import { type ApiContext, appRouter, type InstallationMode } from '@koers/api';
import { type CatalogContents, InMemoryCatalog, sampleCatalogContents, sampleViewer } from '@koers/api/testing';
import type { Viewer } from '@koers/domain';
import { createTRPCClient, localLink } from '@trpc/client';
import { KOERS_CLIENT, type KoersClient } from '../api/koers-client';
import { provideKoersRouter } from '../app.routes';
import { provideDutchLocale } from '../locale';

/** The clock of the dashboard's specs: the last day of November 2026, so "this quarter" is 2026-Q4. */
export const testNow = new Date('2026-11-30T12:00:00Z');

/** The real `appRouter` over an installation in memory, and the providers that make the app use it. */
export interface InMemoryKoers {
  /** What the router reads; change `contents`, set `failure`, or `hold()` answers to see a loading state. */
  readonly catalog: InMemoryCatalog;
  readonly client: KoersClient;
  /** Router, Dutch locale and the client. */
  readonly providers: EnvironmentProviders;
}

/**
 * The dashboard over the real API in memory: every call goes through the real
 * `appRouter` (validation, errors, read models) with a `localLink`, so a spec
 * sees what the server would answer, serialised to JSON and back.
 *
 * @example
 * const koers = inMemoryKoers();
 * TestBed.configureTestingModule({ providers: [koers.providers] });
 * const harness = await RouterTestingHarness.create('/uithoorn');
 */
export function inMemoryKoers(options: { contents?: CatalogContents; mode?: InstallationMode; viewer?: Viewer | null } = {}): InMemoryKoers {
  const catalog = new InMemoryCatalog(options.contents ?? sampleCatalogContents());
  const context: ApiContext = {
    catalog,
    mode: options.mode ?? 'demo',
    // A member of the college of every sample municipality, unless the spec says who is signed in.
    viewer: options.viewer === undefined ? sampleViewer('college') : options.viewer,
    now: () => testNow,
    // A spec that expects a failure sees it in the page; nothing to log here.
    reportInternalError: () => undefined,
  };
  const client = createTRPCClient<typeof appRouter>({
    links: [localLink({ router: appRouter, createContext: async () => context })],
  });
  return {
    catalog,
    client,
    providers: makeEnvironmentProviders([
      provideKoersRouter(),
      provideDutchLocale(),
      { provide: KOERS_CLIENT, useValue: client },
    ]),
  };
}
