import { answerTextSchema, questionItemSchema, questionTextSchema, quarterSchema, type QuestionItem, type ReportSnapshot } from '@koers/domain';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { requireMunicipality } from '../read-through';
import { doneOrConflict, requireReportCommands, viewerOf } from '../reports/report-ports';
import { latestPublishedSnapshot } from '../reports/report-view.builder';
import { quarterWords } from '../reports/report-words';
import { municipalityProcedure, router } from '../trpc';

/** The council's questions on published reports, and the college's answers. */
export const questionsRouter = router({
  /** A council member asks about the report or one item of it; the report must be published. */
  ask: municipalityProcedure
    .input(z.object({ quarter: quarterSchema, item: questionItemSchema, text: questionTextSchema }))
    .mutation(async ({ ctx, input }) => {
      const municipality = await requireMunicipality(ctx, input.municipalityId);
      const snapshot = await latestPublishedSnapshot(ctx, municipality.id, input.quarter);
      if (snapshot === null) throw new TRPCError({ code: 'NOT_FOUND', message: `Er is geen gepubliceerde rapportage over het ${quarterWords(input.quarter)} om een vraag over te stellen.` });
      const itemTitle = titleOf(snapshot, input.item);
      if (itemTitle === null) throw new TRPCError({ code: 'NOT_FOUND', message: `De rapportage over het ${quarterWords(input.quarter)} heeft geen onderdeel "${input.item.id}" (${input.item.kind}).` });
      return requireReportCommands(ctx).askQuestion(municipality.id, { quarter: input.quarter, item: input.item, itemTitle, text: input.text }, viewerOf(ctx));
    }),

  /** The college answers a question (or replaces its answer). */
  answer: municipalityProcedure
    .input(z.object({ questionId: z.string().min(1).max(100), text: answerTextSchema }))
    .mutation(async ({ ctx, input }) => {
      const municipality = await requireMunicipality(ctx, input.municipalityId);
      return doneOrConflict(await requireReportCommands(ctx).answerQuestion(municipality.id, input.questionId, input.text, viewerOf(ctx)));
    }),
});

/** The title of the item a question is about, as the report names it; null when the report has no such item. */
function titleOf(snapshot: ReportSnapshot, item: QuestionItem): string | null {
  switch (item.kind) {
    case 'report':
      return `Rapportage ${quarterWords(snapshot.quarter)}`;
    case 'program':
      return snapshot.programs.find((program) => program.id === item.id)?.title ?? null;
    case 'effect':
      return snapshot.programs.flatMap((program) => program.effects).find((effect) => effect.id === item.id)?.title ?? null;
    case 'indicator':
      return snapshot.indicators.find((indicator) => indicator.id === item.id)?.title ?? null;
    case 'action':
      return snapshot.programs.flatMap((program) => program.tasks.flatMap((task) => task.actions)).find((action) => action.id === item.id)?.title ?? null;
    case 'motion': {
      const motion = snapshot.motions.find((candidate) => candidate.id === item.id);
      return motion === undefined ? null : `${motion.reference} ${motion.title}`;
    }
  }
}
