import { columnTypes, identifierSchema } from '@koers/domain';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { requireMunicipality } from '../read-through';
import { refusalsAsErrors, sourceCommandsOf, sourcesOf } from '../sources/source-ports';
import { municipalityProcedure, router } from '../trpc';

const jobInput = z.object({ jobId: z.string().min(1).max(100) });
const sourceInput = z.object({ sourceId: identifierSchema });

/**
 * The data team's sources: the workspace's sources with the indicators that
 * read them, their kept versions and jobs; publishing a previewed upload, a
 * new source, a rollback, a deletion. Uploads themselves come over HTTP
 * (`POST /api/<municipality>/uploads`, streamed to disk, previewed); these
 * procedures act on what they left.
 */
export const sourcesRouter = router({
  /** The sources of the municipality, each with the indicators that read it and what serves. */
  list: municipalityProcedure.query(async ({ ctx, input }) => {
    await requireMunicipality(ctx, input.municipalityId);
    return sourcesOf(ctx).listSources(input.municipalityId);
  }),

  /** One source with its kept versions (newest first) and its latest jobs. */
  get: municipalityProcedure.input(sourceInput).query(async ({ ctx, input }) => {
    await requireMunicipality(ctx, input.municipalityId);
    const source = await sourcesOf(ctx).getSource(input.municipalityId, input.sourceId);
    if (source === null) throw new TRPCError({ code: 'NOT_FOUND', message: `Bron "${input.sourceId}" bestaat niet in deze gemeente.` });
    return source;
  }),

  /** One job, as it stands: what the dashboard polls while a version loads and computes. */
  job: municipalityProcedure.input(jobInput).query(async ({ ctx, input }) => {
    await requireMunicipality(ctx, input.municipalityId);
    const job = await sourcesOf(ctx).getJob(input.municipalityId, input.jobId);
    if (job === null) throw new TRPCError({ code: 'NOT_FOUND', message: 'Deze upload bestaat niet (meer) in deze gemeente.' });
    return job;
  }),

  /** Puts a previewed upload in place as its source's new version; returns the job to poll. */
  publish: municipalityProcedure.input(jobInput).mutation(async ({ ctx, input }) => {
    await requireMunicipality(ctx, input.municipalityId);
    return refusalsAsErrors(() => sourceCommandsOf(ctx).publishUpload(input.municipalityId, input.jobId, ctx.viewer));
  }),

  /** Declares a new source from a previewed upload: `sources/<id>.yaml` and its data file; returns the job to poll. */
  create: municipalityProcedure
    .input(
      z.object({
        jobId: z.string().min(1).max(100),
        sourceId: identifierSchema,
        title: z.string().trim().min(1, 'must be a title (for example "Geregistreerde misdrijven")').max(200),
        owner: z.string().trim().max(200).optional(),
        description: z.string().trim().max(2_000).optional(),
        columns: z.record(z.string().min(1).max(200), z.enum(columnTypes, { message: `must be one of ${columnTypes.join(', ')}` })),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      await requireMunicipality(ctx, input.municipalityId);
      const { municipalityId, jobId, sourceId, title, owner, description, columns } = input;
      const details = { ...(owner ? { owner } : {}), ...(description ? { description } : {}) };
      return refusalsAsErrors(() => sourceCommandsOf(ctx).createSource(municipalityId, { jobId, sourceId, title, columns, ...details }, ctx.viewer));
    }),

  /** Puts a kept version back in place and computes again; returns the job to poll. */
  rollback: municipalityProcedure.input(sourceInput.extend({ version: z.number().int().min(1) })).mutation(async ({ ctx, input }) => {
    await requireMunicipality(ctx, input.municipalityId);
    return refusalsAsErrors(() => sourceCommandsOf(ctx).rollback(input.municipalityId, input.sourceId, input.version, ctx.viewer));
  }),

  /** Removes a source that no indicator reads; refused (CONFLICT, naming them) while one does. */
  delete: municipalityProcedure.input(sourceInput).mutation(async ({ ctx, input }) => {
    await requireMunicipality(ctx, input.municipalityId);
    await refusalsAsErrors(() => sourceCommandsOf(ctx).deleteSource(input.municipalityId, input.sourceId, ctx.viewer));
    return { isDeleted: true };
  }),

  /** Throws away a previewed upload. */
  discard: municipalityProcedure.input(jobInput).mutation(async ({ ctx, input }) => {
    await requireMunicipality(ctx, input.municipalityId);
    await refusalsAsErrors(() => sourceCommandsOf(ctx).discardUpload(input.municipalityId, input.jobId, ctx.viewer));
    return { isDiscarded: true };
  }),
});
