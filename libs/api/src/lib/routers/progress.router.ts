import { identifierSchema, leadsTeamOf, progressStatuses, quarterOf, quarterSchema } from '@koers/domain';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { nowOf, readThrough, requireMunicipality } from '../read-through';
import { municipalityProcedure, router } from '../trpc';
import { buildActionsBoard } from '../work/actions-board.builder';
import { requirePort, signedInViewer } from '../work/work-ports';

/** The actions board: how the actions stand per quarter, and the team leads' reports. */
export const progressRouter = router({
  /** Every action with its standing in the quarter (today's when left out); per team who still has to report, for the college and admins. */
  board: municipalityProcedure.input(z.object({ quarter: quarterSchema.optional() })).query(async ({ ctx, input }) => {
    const municipality = await requireMunicipality(ctx, input.municipalityId);
    const work = requirePort(ctx, 'work');
    const [programs, updates, teamLeads] = await Promise.all([
      readThrough(ctx, `programs:${municipality.id}`, () => ctx.catalog.listPrograms(municipality.id)),
      readThrough(ctx, `progress-updates:${municipality.id}`, () => work.listProgressUpdates(municipality.id)),
      work.listTeamLeads(municipality.id),
    ]);
    return buildActionsBoard({ municipality, programs, updates, teamLeads, viewer: ctx.viewer, now: nowOf(ctx), ...(input.quarter ? { quarter: input.quarter } : {}) });
  }),

  /**
   * A team lead reports on an action of their own team for the current
   * quarter (a second report replaces the first). Another team's action is
   * refused with FORBIDDEN, whatever the dashboard showed.
   */
  save: municipalityProcedure
    .input(
      z.object({
        actionId: identifierSchema,
        status: z.enum(progressStatuses, { message: `must be one of ${progressStatuses.join(', ')}` }),
        percent: z.number().int('must be a whole number').min(0, 'must be 0 or more').max(100, 'must be at most 100'),
        comment: z.string().max(4000, 'must be at most 4000 characters'),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const municipality = await requireMunicipality(ctx, input.municipalityId);
      const commands = requirePort(ctx, 'workCommands');
      const programs = await readThrough(ctx, `programs:${municipality.id}`, () => ctx.catalog.listPrograms(municipality.id));
      const action = programs.flatMap((program) => program.tasks.flatMap((task) => task.actions)).find((candidate) => candidate.id === input.actionId);
      if (action === undefined) {
        throw new TRPCError({ code: 'NOT_FOUND', message: `Actie "${input.actionId}" bestaat niet in de begroting van ${municipality.name}.` });
      }
      if (!leadsTeamOf(ctx.viewer, municipality.id, action.owner)) {
        const owner = action.owner ? `is van ${action.owner}` : 'heeft geen eigenaar';
        throw new TRPCError({ code: 'FORBIDDEN', message: `Actie "${action.title}" ${owner}: u rapporteert alleen over de acties van uw eigen team.` });
      }
      if (input.status === 'done' && input.percent !== 100) {
        throw new TRPCError({ code: 'BAD_REQUEST', message: 'percent: een gerede actie staat op 100%: zet het percentage op 100 of kies een andere status.' });
      }
      return commands.saveProgress(
        municipality.id,
        { actionId: action.id, quarter: quarterOf(nowOf(ctx)), status: input.status, percent: input.percent, comment: input.comment.trim() },
        signedInViewer(ctx),
      );
    }),
});
