import { z } from 'zod';
import { requireMunicipality } from '../read-through';
import { municipalityProcedure, router } from '../trpc';

const isoTime = z.iso.datetime({ offset: true, message: 'must be a time written YYYY-MM-DDTHH:MM:SSZ' });

/** The audit trail: every change, who made it, when, and before and after. Admins only. */
export const auditRouter = router({
  /** A page of changes of the municipality, newest first, by entity, actor and time. */
  list: municipalityProcedure
    .input(
      z.object({
        entity: z.string().min(1).max(100).optional(),
        actor: z.string().min(1).max(320).optional(),
        from: isoTime.optional(),
        to: isoTime.optional(),
        after: z.object({ occurredAt: isoTime, id: z.string().min(1).max(100) }).optional(),
        limit: z.number().int().min(1).max(200).default(50),
      }),
    )
    .query(async ({ ctx, input }) => {
      await requireMunicipality(ctx, input.municipalityId);
      return ctx.catalog.listAudit(input);
    }),
});
