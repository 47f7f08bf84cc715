import { initTRPC, TRPCError } from '@trpc/server';
import type { ApiContext } from './context';

/**
 * The one tRPC instance. Only the base procedures below leave this file, so
 * every router builds on the same error handling (and, later, the same roles).
 * `isDev: false`: stack traces never leave the server, whatever NODE_ENV says.
 */
const t = initTRPC.context<ApiContext>().create({ isDev: false });

/**
 * Errors are for the reader (STYLE.md habit 4): a `TRPCError` a procedure
 * throws on purpose passes as it is; anything else is reported with a fresh
 * id and leaves as INTERNAL_SERVER_ERROR that shows only that id, never the
 * internal message.
 */
const hideInternalErrors = t.middleware(async ({ ctx, next, path }) => {
  const result = await next();
  // tRPC wraps what is not a TRPCError into INTERNAL_SERVER_ERROR with the original as `cause`.
  if (result.ok || result.error.code !== 'INTERNAL_SERVER_ERROR' || result.error.cause === undefined) return result;
  // The global Web Crypto, not node:crypto: the dashboard type-checks this file through `AppRouter`.
  const errorId = crypto.randomUUID().slice(0, 8);
  const report = ctx.reportInternalError ?? ((id, error) => console.error(`[${id}] ${path}:`, error));
  report(errorId, result.error.cause);
  throw new TRPCError({
    code: 'INTERNAL_SERVER_ERROR',
    message: `Er ging iets mis op de server (foutcode ${errorId}). Probeer het later opnieuw of meld de foutcode.`,
  });
});

export const router = t.router;
export const mergeRouters = t.mergeRouters;
export const publicProcedure = t.procedure.use(hideInternalErrors);
export const createCallerFactory = t.createCallerFactory;
