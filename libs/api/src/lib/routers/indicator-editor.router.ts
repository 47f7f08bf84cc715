import { identifierSchema, type IndicatorDraft, type IndicatorEditor, type SaveIndicatorOutcome } from '@koers/domain';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import type { ApiContext } from '../context';
import { withHint } from '../indicator-editor/draft-hints';
import { requireMunicipality } from '../read-through';
import { municipalityProcedure, router } from '../trpc';

const text = (max: number) => z.string().max(max, `mag hoogstens ${max} tekens zijn`);
const numberOrText = z.union([z.number().finite(), text(40)]);

/**
 * The form's fields as the person typed them: bounded in size, but not judged
 * here. The workspace loader and the engine judge the draft as they judge the
 * file, so their problems land on the same fields as in `koers check`.
 */
export const indicatorDraftSchema = z
  .object({
    id: text(100),
    title: text(300),
    description: text(5_000).optional(),
    unit: text(100),
    direction: text(40),
    grain: text(40),
    source: text(100),
    time: text(200),
    measure: text(2_000),
    filter: text(2_000).optional(),
    per: z.object({ source: text(100), time: text(200), measure: text(2_000), scale: numberOrText.optional() }).strict().optional(),
    dimensions: z.array(text(200)).max(20).readonly().optional(),
    baseline: z.object({ period: text(20), value: numberOrText }).strict().optional(),
    targets: z.array(z.object({ year: text(20), value: numberOrText }).strict()).max(100).readonly().optional(),
    tolerance: numberOrText.optional(),
    decimals: numberOrText.optional(),
    bbv: z.boolean().optional(),
  })
  .strict();

const effectLinkSchema = z.object({ programId: identifierSchema, effectId: identifierSchema }).strict();

function requireEditor(ctx: ApiContext): IndicatorEditor {
  if (ctx.indicatorEditor === undefined) {
    throw new TRPCError({ code: 'METHOD_NOT_SUPPORTED', message: 'Deze installatie kan geen indicatoren bewerken.' });
  }
  return ctx.indicatorEditor;
}

/** The pick lists, for the hints; a failure to read them costs only the hints. */
async function choicesFor(editor: IndicatorEditor, municipalityId: string) {
  return editor.choices(municipalityId).catch(() => null);
}

/**
 * The data team's indicator editor: the form's pick lists, a definition as it
 * is, a dry run of a draft, and saving it (with a link to an effect). Every
 * change goes through the workspace folder, validated as `koers check` would,
 * audited and recomputed (the port, `ctx.indicatorEditor`, does that).
 */
export const indicatorEditorRouter = router({
  /** The sources with their columns, the indicators, and the effects a new indicator can be linked to. */
  choices: municipalityProcedure.query(async ({ ctx, input }) => {
    await requireMunicipality(ctx, input.municipalityId);
    return requireEditor(ctx).choices(input.municipalityId);
  }),

  /** The definition file of one indicator, for the form; NOT_FOUND when the workspace has none. */
  read: municipalityProcedure.input(z.object({ indicatorId: identifierSchema })).query(async ({ ctx, input }) => {
    await requireMunicipality(ctx, input.municipalityId);
    const found = await requireEditor(ctx).read(input.municipalityId, input.indicatorId);
    if (found === null) throw new TRPCError({ code: 'NOT_FOUND', message: `Indicator "${input.indicatorId}" heeft geen definitiebestand in deze gemeente.` });
    return found;
  }),

  /** Computes the draft against the municipality's data without storing anything: its values, or its problems per field. */
  dryRun: municipalityProcedure
    .input(z.object({ draft: indicatorDraftSchema, isNew: z.boolean() }))
    .mutation(async ({ ctx, input }) => {
      await requireMunicipality(ctx, input.municipalityId);
      const editor = requireEditor(ctx);
      const draft = input.draft as IndicatorDraft;
      const outcome = await editor.dryRun(input.municipalityId, draft, input.isNew);
      if (outcome.problems.length === 0) return outcome;
      const choices = await choicesFor(editor, input.municipalityId);
      return { ...outcome, problems: outcome.problems.map((problem) => withHint(problem, draft, choices)) };
    }),

  /** Validates the draft as the loader and `koers check` would, writes it atomically, audits and recomputes just it. */
  save: municipalityProcedure
    .input(z.object({ draft: indicatorDraftSchema, isNew: z.boolean(), baseVersion: z.string().max(100).nullable(), link: effectLinkSchema.optional() }))
    .mutation(async ({ ctx, input }): Promise<SaveIndicatorOutcome> => {
      await requireMunicipality(ctx, input.municipalityId);
      const editor = requireEditor(ctx);
      const draft = input.draft as IndicatorDraft;
      const outcome = await editor.save(
        input.municipalityId,
        draft,
        { isNew: input.isNew, baseVersion: input.baseVersion, ...(input.link === undefined ? {} : { link: input.link }) },
        ctx.viewer,
      );
      if (outcome.kind === 'conflict') throw new TRPCError({ code: 'CONFLICT', message: outcome.message });
      if (outcome.kind !== 'refused') return outcome;
      const choices = await choicesFor(editor, input.municipalityId);
      return { kind: 'refused', problems: outcome.problems.map((problem) => withHint(problem, draft, choices)) };
    }),

  /** Links an indicator to an effect of a program, so it shows on the overview (writes that program's file, audited). */
  link: municipalityProcedure
    .input(z.object({ indicatorId: identifierSchema, link: effectLinkSchema }))
    .mutation(async ({ ctx, input }) => {
      await requireMunicipality(ctx, input.municipalityId);
      return requireEditor(ctx).link(input.municipalityId, input.indicatorId, input.link, ctx.viewer);
    }),
});
