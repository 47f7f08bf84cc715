import { initTRPC } from '@trpc/server';
import type { ApiContext } from './context';

/**
 * The one tRPC instance. Only the base procedures below leave this file, so
 * every router builds on the same error handling (and, later, the same roles).
 */
const t = initTRPC.context<ApiContext>().create();

export const router = t.router;
export const publicProcedure = t.procedure;
export const createCallerFactory = t.createCallerFactory;
