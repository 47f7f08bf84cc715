import { anyRole, appRouter, mergeRouters, ownMunicipalitiesProcedure, router } from '@koers/api';
import { z } from 'zod';

/** Payloads by size, built once: the bare procedure does no work per request. */
const payloads = new Map<number, { readonly payload: string }>();

/**
 * The API plus `bench.bare({ bytes })`: a procedure that returns a constant of
 * about `bytes` bytes of JSON and does nothing else, so `npm run bench:api`
 * can measure a real procedure against the bare cost of a tRPC request of the
 * same size, on the same server in the same run. Mounted only when the server
 * runs with `KOERS_BENCH=true`; the dashboard's `AppRouter` does not have it.
 * Like every procedure but the public ones, it needs a session: the bench
 * measures the session check on both sides.
 */
export const benchAppRouter = mergeRouters(
  appRouter,
  router({
    bench: router({
      bare: ownMunicipalitiesProcedure.meta({ access: { kind: 'own_municipalities', roles: anyRole } }).input(z.object({ bytes: z.number().int().min(2).max(10_000_000) })).query(({ input }) => {
        let payload = payloads.get(input.bytes);
        if (payload === undefined) {
          // `{"payload":"…"}` is 14 bytes around the text.
          payload = { payload: 'x'.repeat(Math.max(0, input.bytes - 14)) };
          payloads.set(input.bytes, payload);
        }
        return payload;
      }),
    }),
  }),
);
