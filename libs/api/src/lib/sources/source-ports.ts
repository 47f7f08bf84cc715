import { SourceCommandRefused, type ApiTokens, type SourceCatalog, type SourceCommands } from '@koers/domain';
import { TRPCError } from '@trpc/server';
import type { ApiContext } from '../context';

const notSupported = (what: string) => new TRPCError({ code: 'METHOD_NOT_SUPPORTED', message: `Deze installatie kan geen ${what} beheren.` });

/** The context's source catalog, or METHOD_NOT_SUPPORTED. */
export function sourcesOf(ctx: ApiContext): SourceCatalog {
  if (ctx.sources === undefined) throw notSupported('bronnen');
  return ctx.sources;
}

/** The context's source commands, or METHOD_NOT_SUPPORTED. */
export function sourceCommandsOf(ctx: ApiContext): SourceCommands {
  if (ctx.sourceCommands === undefined) throw notSupported('bronnen');
  return ctx.sourceCommands;
}

/** The context's API tokens, or METHOD_NOT_SUPPORTED. */
export function apiTokensOf(ctx: ApiContext): ApiTokens {
  if (ctx.apiTokens === undefined) throw notSupported('API-sleutels');
  return ctx.apiTokens;
}

const codeOf = { not_found: 'NOT_FOUND', conflict: 'CONFLICT', invalid: 'BAD_REQUEST' } as const;

/**
 * Runs a source command; a refusal leaves as its TRPCError (NOT_FOUND,
 * CONFLICT, BAD_REQUEST) with its Dutch message, prefixed by the field where
 * it names one (`sourceId: ...`), so the dashboard can show it beside that field.
 */
export async function refusalsAsErrors<T>(command: () => Promise<T>): Promise<T> {
  try {
    return await command();
  } catch (error) {
    if (!(error instanceof SourceCommandRefused)) throw error;
    const message = error.field === undefined ? error.message : `${error.field}: ${error.message}`;
    throw new TRPCError({ code: codeOf[error.reason], message });
  }
}
