import { identifierSchema, type ProgramSaveResult } from '@koers/domain';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { readThrough, requireMunicipality } from '../read-through';
import { municipalityProcedure, router } from '../trpc';
import { checkEditedProgram, editedProgramSchema } from '../work/program-edit.checks';
import { requirePort, signedInViewer } from '../work/work-ports';

/**
 * Editing a program (admin and college): its file in the workspace is the
 * source of truth, so the editor reads it and writes it back, and a
 * computation imports the change.
 */
export const programEditorRouter = router({
  /** The program as its file holds it, with the indicators an effect may list and the owner teams in use. */
  get: municipalityProcedure.input(z.object({ programId: identifierSchema })).query(async ({ ctx, input }) => {
    const municipality = await requireMunicipality(ctx, input.municipalityId);
    const file = await requirePort(ctx, 'programFiles').read(municipality.id, input.programId);
    if (file === null) {
      throw new TRPCError({ code: 'NOT_FOUND', message: `Programma "${input.programId}" heeft geen bestand in de werkmap van ${municipality.name}.` });
    }
    const programs = await readThrough(ctx, `programs:${municipality.id}`, () => ctx.catalog.listPrograms(municipality.id));
    const actions = programs.flatMap((program) => program.tasks.flatMap((task) => task.actions.map((action) => ({ ...action, programId: program.id }))));
    return {
      municipality,
      ...file,
      teams: [...new Set(actions.flatMap((action) => (action.owner ? [action.owner] : [])))].sort((left, right) => left.localeCompare(right, 'nl')),
      /** Action ids of the other programs: an action id is unique in the whole workspace. */
      actionIdsElsewhere: actions.filter((action) => action.programId !== input.programId).map((action) => action.id),
    };
  }),

  /**
   * Writes the program back to its file: refused with every problem and its
   * field when the program is not valid (here, then as `koers check` would
   * find it in the workspace), or as a conflict when the file changed since
   * `revision` was read. Nothing is written then.
   */
  save: municipalityProcedure
    .input(z.object({ programId: identifierSchema, revision: z.string().regex(/^[0-9a-f]{64}$/, 'must be the revision the program was read at'), program: editedProgramSchema }))
    .mutation(async ({ ctx, input }): Promise<ProgramSaveResult> => {
      const municipality = await requireMunicipality(ctx, input.municipalityId);
      const files = requirePort(ctx, 'programFiles');
      const checked = checkEditedProgram(input.program);
      if ('problems' in checked) return { status: 'invalid', problems: checked.problems };
      return files.save(municipality.id, input.programId, checked.program, input.revision, signedInViewer(ctx));
    }),
});
