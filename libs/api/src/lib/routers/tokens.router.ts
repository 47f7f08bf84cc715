import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { apiTokensOf } from '../sources/source-ports';
import { ownMunicipalitiesProcedure, router } from '../trpc';

/**
 * Personal API tokens of the data team, for its own scripts (`Authorization:
 * Bearer …` on `POST /api/<municipality>/sources/<source>/versions`). A token
 * is the viewer's own: it acts with the grants its owner has when it is used.
 */
export const tokensRouter = router({
  /** The viewer's tokens, newest first, revoked ones included; never a secret. */
  list: ownMunicipalitiesProcedure.query(({ ctx }) => apiTokensOf(ctx).list(ctx.viewer)),

  /** Makes a token; its secret is in this answer only, and kept as a hash. */
  create: ownMunicipalitiesProcedure
    .input(z.object({ name: z.string().trim().min(1, 'must say what the token is for (for example "Nachtelijke import")').max(100) }))
    .mutation(({ ctx, input }) => apiTokensOf(ctx).create(ctx.viewer, input.name)),

  /** Revokes one of the viewer's tokens: from then on it answers 401. */
  revoke: ownMunicipalitiesProcedure.input(z.object({ tokenId: z.string().min(1).max(100) })).mutation(async ({ ctx, input }) => {
    if (!(await apiTokensOf(ctx).revoke(ctx.viewer, input.tokenId))) {
      throw new TRPCError({ code: 'NOT_FOUND', message: 'U heeft geen actieve API-sleutel met dit id.' });
    }
    return { isRevoked: true };
  }),
});
