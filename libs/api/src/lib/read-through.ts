import type { Municipality } from '@koers/domain';
import { TRPCError } from '@trpc/server';
import type { ApiContext } from './context';

/** Reads through the context's cache when it has one; builds anew otherwise. */
export function readThrough<T>(ctx: ApiContext, key: string, build: () => Promise<T>): Promise<T> {
  return ctx.cache === undefined ? build() : ctx.cache.get(key, build);
}

/** The municipality with this id, or NOT_FOUND in Dutch. */
export async function requireMunicipality(ctx: ApiContext, municipalityId: string): Promise<Municipality> {
  const municipalities = await readThrough(ctx, 'municipalities', () => ctx.catalog.listMunicipalities());
  const municipality = municipalities.find((candidate) => candidate.id === municipalityId);
  if (municipality === undefined) {
    throw new TRPCError({ code: 'NOT_FOUND', message: `Gemeente "${municipalityId}" bestaat niet in deze installatie.` });
  }
  return municipality;
}

/** The current time by the context's clock. */
export function nowOf(ctx: ApiContext): Date {
  return ctx.now?.() ?? new Date();
}
