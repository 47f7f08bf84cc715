import { type MotionList, motionResponseSchema, motionSchema, type ProgramOverview, quarterOf, shiftQuarter } from '@koers/domain';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { nowOf, requireMunicipality } from '../read-through';
import { reportAbilitiesOf } from '../reports/report-access';
import { doneOrConflict, requireReportCommands, requireReports, viewerOf } from '../reports/report-ports';
import { municipalityProcedure, router } from '../trpc';

/** The council's motions and the college's commitments (moties en toezeggingen), with the college's response per point per quarter. */
export const motionsRouter = router({
  /** Every motion and commitment, with its points and responses, and what a point may link to. */
  list: municipalityProcedure.query(async ({ ctx, input }): Promise<MotionList> => {
    const municipality = await requireMunicipality(ctx, input.municipalityId);
    const [motions, programs] = await Promise.all([requireReports(ctx).listMotions(municipality.id), ctx.catalog.listPrograms(municipality.id)]);
    return {
      municipality,
      motions,
      responseQuarter: shiftQuarter(quarterOf(nowOf(ctx)), -1),
      mayManage: reportAbilitiesOf(ctx.viewer, municipality.id).mayManage,
      programs: programs.map((program) => ({
        id: program.id,
        title: program.title,
        tasks: program.tasks.map((task) => ({ id: task.id, title: task.title, actions: task.actions.map((action) => ({ id: action.id, title: action.title })) })),
      })),
    };
  }),

  /** Adds a motion or commitment, or changes it; every link must name a program (and task or action) of the municipality. */
  save: municipalityProcedure.input(z.object({ motion: motionSchema })).mutation(async ({ ctx, input }) => {
    const municipality = await requireMunicipality(ctx, input.municipalityId);
    const { motion } = input;
    const problems = linkProblems(motion.points, await ctx.catalog.listPrograms(municipality.id));
    if (problems.length > 0) throw new TRPCError({ code: 'BAD_REQUEST', message: problems.join(' ') });
    return requireReportCommands(ctx).saveMotion(municipality.id, motion, viewerOf(ctx));
  }),

  /** The college's response to one point for one quarter, with the point's status. */
  respond: municipalityProcedure.input(z.object({ response: motionResponseSchema })).mutation(async ({ ctx, input }) => {
    const municipality = await requireMunicipality(ctx, input.municipalityId);
    return doneOrConflict(await requireReportCommands(ctx).saveMotionResponse(municipality.id, input.response, viewerOf(ctx)));
  }),
});

/** Every link of a point that names no program, task or action of the municipality, as a Dutch sentence with the point and field. */
function linkProblems(points: readonly { readonly number: number; readonly links: readonly { programId: string; taskId?: string; actionId?: string }[] }[], programs: readonly ProgramOverview[]): string[] {
  return points.flatMap((point) =>
    point.links.flatMap((link, index) => {
      const where = `points.${point.number - 1}.links.${index}`;
      const program = programs.find((candidate) => candidate.id === link.programId);
      if (program === undefined) return [`${where}.programId: programma "${link.programId}" bestaat niet.`];
      const task = link.taskId === undefined ? undefined : program.tasks.find((candidate) => candidate.id === link.taskId);
      if (link.taskId !== undefined && task === undefined) return [`${where}.taskId: opgave "${link.taskId}" hoort niet bij programma "${program.title}".`];
      const actions = (task === undefined ? program.tasks : [task]).flatMap((candidate) => candidate.actions);
      if (link.actionId !== undefined && !actions.some((action) => action.id === link.actionId)) {
        return [`${where}.actionId: actie "${link.actionId}" hoort niet bij ${task === undefined ? `programma "${program.title}"` : `opgave "${task.title}"`}.`];
      }
      return [];
    }),
  );
}
