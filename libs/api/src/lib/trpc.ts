import { identifierSchema } from '@koers/domain';
import { initTRPC, TRPCError } from '@trpc/server';
import { z } from 'zod';
import type { Access } from './access/access';
import { accessTable } from './access/access-table';
import { mayIn, municipalitiesWhere } from './access/viewer-access';
import type { ApiContext } from './context';

/** What a procedure may say of itself; `access` only for procedures outside the app's router (the server's benchmark). */
export interface ProcedureMeta {
  readonly access?: Access;
}

/**
 * The one tRPC instance. Only the base procedures below leave this file, so
 * every router builds on the same error handling and the same access rules.
 * `isDev: false`: stack traces never leave the server, whatever NODE_ENV says.
 * The error formatter masks what the middleware below cannot see: an
 * unexpected error while the context is created.
 */
const t = initTRPC
  .context<ApiContext>()
  .meta<ProcedureMeta>()
  .create({
    isDev: false,
    errorFormatter({ shape, error, ctx, path }) {
      if (error.code !== 'INTERNAL_SERVER_ERROR' || error.cause === undefined || isMasked(error.message)) return shape;
      return { ...shape, message: maskedMessage(report(ctx, path, error.cause)) };
    },
  });

const maskedPrefix = 'Er ging iets mis op de server (foutcode ';

function maskedMessage(errorId: string): string {
  return `${maskedPrefix}${errorId}). Probeer het later opnieuw of meld de foutcode.`;
}

function isMasked(message: string): boolean {
  return message.startsWith(maskedPrefix);
}

/** Reports an unexpected error with a fresh id; returns the id the caller is shown. */
function report(ctx: ApiContext | undefined, path: string | undefined, error: unknown): string {
  // The global Web Crypto, not node:crypto: the dashboard type-checks this file through `AppRouter`.
  const errorId = crypto.randomUUID().slice(0, 8);
  const reporter = ctx?.reportInternalError ?? ((id, cause) => console.error(`[${id}] ${path ?? '(context)'}:`, cause));
  reporter(errorId, error);
  return errorId;
}

/**
 * Errors are for the reader (STYLE.md habit 4): a `TRPCError` a procedure
 * throws on purpose passes as it is; anything else is reported with a fresh
 * id and leaves as INTERNAL_SERVER_ERROR that shows only that id, never the
 * internal message.
 */
const hideInternalErrors = t.middleware(async ({ ctx, next, path }) => {
  const result = await next();
  // tRPC wraps what is not a TRPCError into INTERNAL_SERVER_ERROR with the original as `cause`.
  if (result.ok || result.error.code !== 'INTERNAL_SERVER_ERROR' || result.error.cause === undefined || isMasked(result.error.message)) {
    return result;
  }
  throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: maskedMessage(report(ctx, path, result.error.cause)) });
});

/** The access rule of a procedure: its row in the access table, else what it says of itself; none means nobody may call it. */
function accessOf(path: string, meta: ProcedureMeta | undefined): Access {
  const access = accessTable[path] ?? meta?.access;
  if (access === undefined) throw new TRPCError({ code: 'FORBIDDEN', message: `Niemand mag "${path}" aanroepen: de procedure staat niet in de toegangstabel.` });
  return access;
}

function requireViewer(ctx: ApiContext) {
  if (ctx.viewer === null) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Meld u aan om Koers te gebruiken.' });
  return ctx.viewer;
}

/** Anyone; the access table must say `public`. */
const allowPublic = t.middleware(({ path, meta, next }) => {
  const access = accessOf(path, meta);
  if (access.kind !== 'public') throw new TRPCError({ code: 'FORBIDDEN', message: `"${path}" is in the access table as ${access.kind}, not public.` });
  return next();
});

/** A signed-in user with one of the procedure's roles somewhere; the procedure answers for those municipalities only. */
const allowOwnMunicipalities = t.middleware(({ ctx, path, meta, next }) => {
  const access = accessOf(path, meta);
  const viewer = requireViewer(ctx);
  if (access.kind !== 'own_municipalities') throw new TRPCError({ code: 'FORBIDDEN', message: `"${path}" is in the access table as ${access.kind}.` });
  const permitted = municipalitiesWhere(viewer, access.roles);
  if (permitted.size === 0) throw new TRPCError({ code: 'FORBIDDEN', message: 'Uw rol geeft geen toegang tot deze gegevens.' });
  return next({ ctx: { viewer, permittedMunicipalities: permitted } });
});

/** A signed-in user with one of the procedure's roles in the municipality the input names. */
const allowMunicipality = t.middleware(async ({ ctx, path, meta, next, getRawInput }) => {
  const access = accessOf(path, meta);
  const viewer = requireViewer(ctx);
  if (access.kind !== 'municipality') throw new TRPCError({ code: 'FORBIDDEN', message: `"${path}" is in the access table as ${access.kind}.` });
  // Checked before the input is: a malformed input is the procedure's BAD_REQUEST, after this says who may ask at all.
  const parsed = z.object({ municipalityId: identifierSchema }).safeParse(await getRawInput());
  if (!parsed.success) return next({ ctx: { viewer } });
  if (!mayIn(viewer, parsed.data.municipalityId, access.roles)) {
    throw new TRPCError({ code: 'FORBIDDEN', message: `U heeft geen toegang tot deze gegevens van gemeente "${parsed.data.municipalityId}".` });
  }
  return next({ ctx: { viewer } });
});

/**
 * An unexpected error outside any procedure (making the context), reported
 * with a fresh id and turned into the INTERNAL_SERVER_ERROR every procedure
 * would answer: only the id leaves the server.
 */
export function maskedInternalError(error: unknown, reporter: (errorId: string, error: unknown) => void): TRPCError {
  const errorId = crypto.randomUUID().slice(0, 8);
  reporter(errorId, error);
  return new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: maskedMessage(errorId) });
}

export const router = t.router;
export const mergeRouters = t.mergeRouters;
export const createCallerFactory = t.createCallerFactory;
/** For anyone, signed in or not. */
export const publicProcedure = t.procedure.use(hideInternalErrors).use(allowPublic);
/** For a signed-in user with the table's roles somewhere; `ctx.permittedMunicipalities` are where. */
export const ownMunicipalitiesProcedure = t.procedure.use(hideInternalErrors).use(allowOwnMunicipalities);
/** For a signed-in user with the table's roles in the input's `municipalityId`. */
export const municipalityProcedure = t.procedure
  .use(hideInternalErrors)
  .use(allowMunicipality)
  .input(z.object({ municipalityId: identifierSchema }));
