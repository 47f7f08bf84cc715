import { type EnvironmentProviders, InjectionToken, makeEnvironmentProviders } from '@angular/core';
import type { AppRouter } from '@koers/api';
import { createTRPCClient, httpBatchLink, type TRPCClient } from '@trpc/client';

/**
 * The typed tRPC client of the Koers API. Stores call its procedures directly
 * (`client.overview.get.query(...)`): the router's types are the one interface,
 * so there is no hand-kept copy to drift from it.
 */
export type KoersClient = TRPCClient<AppRouter>;

/** The client the app talks to; `provideKoersClient()` supplies the HTTP one, tests one over the real router in memory. */
export const KOERS_CLIENT = new InjectionToken<KoersClient>('KoersClient');

/** Where and how the client reaches the server. */
export interface KoersClientOptions {
  /** The tRPC endpoint; the server mounts it at `/trpc` on the dashboard's own origin. */
  readonly url: string;
  /** Replaces the global `fetch`, for tests that answer requests themselves. */
  readonly fetch?: typeof fetch;
}

/**
 * A client over HTTP. Calls made in the same tick go out as one batched GET;
 * an aborted signal cancels its request.
 *
 * @example
 * const client = createKoersClient({ url: '/trpc' });
 * const overview = await client.overview.get.query({ municipalityId: 'uithoorn' });
 */
export function createKoersClient(options: KoersClientOptions): KoersClient {
  return createTRPCClient<AppRouter>({
    links: [httpBatchLink({ url: options.url, ...(options.fetch ? { fetch: options.fetch } : {}) })],
  });
}

/** Provides the HTTP client at `url` (default `/trpc`, next to the dashboard). */
export function provideKoersClient(url = '/trpc'): EnvironmentProviders {
  return makeEnvironmentProviders([{ provide: KOERS_CLIENT, useFactory: () => createKoersClient({ url }) }]);
}
