import { nowOf, readThrough, requireMunicipality } from '../read-through';
import { municipalityProcedure, router } from '../trpc';
import { buildTodoList } from '../work/todo-list.builder';
import { requirePort } from '../work/work-ports';

/** The signed-in user's personal "to do" on the start page. */
export const todoRouter = router({
  /** What is open for the user in the municipality this quarter, by their roles there; each item links to where it is done. */
  list: municipalityProcedure.query(async ({ ctx, input }) => {
    const municipality = await requireMunicipality(ctx, input.municipalityId);
    const work = requirePort(ctx, 'work');
    const [programs, indicators, history, updates, commentary, teamLeads] = await Promise.all([
      readThrough(ctx, `programs:${municipality.id}`, () => ctx.catalog.listPrograms(municipality.id)),
      readThrough(ctx, `indicators:${municipality.id}`, () => ctx.catalog.listIndicators(municipality.id)),
      ctx.catalog.computationHistory(municipality.id),
      readThrough(ctx, `progress-updates:${municipality.id}`, () => work.listProgressUpdates(municipality.id)),
      readThrough(ctx, `commentary:${municipality.id}`, () => work.listCommentary(municipality.id)),
      work.listTeamLeads(municipality.id),
    ]);
    return buildTodoList({ municipality, viewer: ctx.viewer, programs, indicators, history, updates, commentary, teamLeads, now: nowOf(ctx) });
  }),
});
