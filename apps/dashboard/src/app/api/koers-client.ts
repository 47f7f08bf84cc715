import { type EnvironmentProviders, InjectionToken, Injector, inject, makeEnvironmentProviders } from '@angular/core';
import type { AppRouter } from '@koers/api';
import { createTRPCClient, httpBatchLink, loggerLink, type TRPCClient, TRPCClientError, type TRPCLink } from '@trpc/client';
import { readErrorCode } from './api-error';

/**
 * The typed tRPC client of the Koers API. Stores call its procedures directly
 * (`client.overview.get.query(...)`): the router's types are the one interface,
 * so there is no hand-kept copy to drift from it.
 */
export type KoersClient = TRPCClient<AppRouter>;

/** The client the app talks to; `provideKoersClient()` supplies the HTTP one, tests one over the real router in memory. */
export const KOERS_CLIENT = new InjectionToken<KoersClient>('KoersClient');

/**
 * What a state-changing request of the dashboard carries, besides the page's
 * own `Origin`: the server refuses a POST that has neither. Sent with every
 * request, reads too, so the server's log can tell the dashboard's requests apart.
 */
export const koersRequestHeaders: Readonly<Record<string, string>> = { 'X-Koers-Request': '1' };

/** Where and how the client reaches the server. */
export interface KoersClientOptions {
  /** The tRPC endpoint; the server mounts it at `/trpc` on the dashboard's own origin. */
  readonly url: string;
  /** Replaces the global `fetch`, for tests that answer requests themselves. */
  readonly fetch?: typeof fetch;
  /** Called when the server answers UNAUTHORIZED: the session expired or was ended elsewhere. */
  readonly onUnauthorized?: () => void;
}

/**
 * A link that watches the answers go by and calls `onUnauthorized` for each
 * UNAUTHORIZED one; it changes nothing. Built on tRPC's `loggerLink`, whose
 * `logger` sees every result: `@trpc/client` exports no other way to build a
 * link without the server package, which stays out of the browser bundle.
 */
export function sessionExpiryLink(onUnauthorized: () => void): TRPCLink<AppRouter> {
  return loggerLink<AppRouter>({
    enabled: (options) => options.direction === 'down',
    logger: (options) => {
      if (options.direction !== 'down' || !(options.result instanceof TRPCClientError)) return;
      if (readErrorCode(options.result) === 'UNAUTHORIZED') onUnauthorized();
    },
  });
}

/**
 * A client over HTTP. Calls made in the same tick go out as one batched GET
 * (with `X-Koers-Request: 1`); an aborted signal cancels its request.
 *
 * @example
 * const client = createKoersClient({ url: '/trpc', onUnauthorized: () => session.expired() });
 * const overview = await client.overview.get.query({ municipalityId: 'uithoorn' });
 */
export function createKoersClient(options: KoersClientOptions): KoersClient {
  const http = httpBatchLink<AppRouter>({
    url: options.url,
    headers: () => koersRequestHeaders,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  return createTRPCClient<AppRouter>({
    links: options.onUnauthorized ? [sessionExpiryLink(options.onUnauthorized), http] : [http],
  });
}

/**
 * Provides the HTTP client at `url` (default `/trpc`, next to the dashboard).
 * An UNAUTHORIZED answer goes to `onUnauthorized`, resolved lazily from the
 * injector: the session store it usually calls needs this client itself.
 */
export function provideKoersClient(url: string, onUnauthorized: (injector: Injector) => void): EnvironmentProviders {
  return makeEnvironmentProviders([
    {
      provide: KOERS_CLIENT,
      useFactory: () => {
        const injector = inject(Injector);
        return createKoersClient({ url, onUnauthorized: () => onUnauthorized(injector) });
      },
    },
  ]);
}
