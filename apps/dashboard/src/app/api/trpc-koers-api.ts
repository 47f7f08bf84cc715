import { type EnvironmentProviders, makeEnvironmentProviders } from '@angular/core';
import type { AppRouter } from '@koers/api';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import { KOERS_API, type KoersApi } from './koers-api';

/** Where and how the tRPC client reaches the server. */
export interface TrpcKoersApiOptions {
  /** The tRPC endpoint; the server mounts it at `/trpc` on the dashboard's own origin. */
  readonly url: string;
  /** Replaces the global `fetch`, for tests that answer requests themselves. */
  readonly fetch?: typeof fetch;
}

/**
 * A `KoersApi` over tRPC. Requests made in the same tick go out as one batched
 * HTTP request; an aborted signal cancels the request.
 *
 * @example
 * const api = createTrpcKoersApi({ url: '/trpc' });
 * const programs = await api.listPrograms('uithoorn');
 */
export function createTrpcKoersApi(options: TrpcKoersApiOptions): KoersApi {
  const client = createTRPCClient<AppRouter>({
    links: [httpBatchLink({ url: options.url, ...(options.fetch ? { fetch: options.fetch } : {}) })],
  });
  return {
    listMunicipalities: (abortSignal) => client.municipalities.list.query(undefined, { signal: abortSignal }),
    listPrograms: (municipalityId, abortSignal) =>
      client.programs.list.query({ municipalityId }, { signal: abortSignal }),
  };
}

/** Provides the tRPC `KoersApi` at `url` (default `/trpc`, next to the dashboard). */
export function provideKoersApi(url = '/trpc'): EnvironmentProviders {
  return makeEnvironmentProviders([{ provide: KOERS_API, useFactory: () => createTrpcKoersApi({ url }) }]);
}
