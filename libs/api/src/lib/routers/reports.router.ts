import {
  correctionReasonSchema,
  exceptionKinds,
  explanationFieldsSchema,
  identifierSchema,
  quarterOf,
  quarterSchema,
  type ReportList,
  type ReportSnapshot,
  type ReportSummary,
  shiftQuarter,
} from '@koers/domain';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import type { ApiContext } from '../context';
import { nowOf, requireMunicipality } from '../read-through';
import { reportAbilitiesOf } from '../reports/report-access';
import { missingExplanations } from '../reports/report-exceptions';
import { doneOrConflict, requireReportCommands, requireReports, viewerOf } from '../reports/report-ports';
import { searchReports } from '../reports/report-search';
import { buildLiveSnapshot, buildReportView, hasQuarterEnded, latestPublishedSnapshot, shownVersionOf } from '../reports/report-view.builder';
import { quarterWords } from '../reports/report-words';
import { municipalityProcedure, router } from '../trpc';

/** How many ended quarters without a report the college is offered to open. */
const openableQuarters = 8;

const quarterInput = z.object({ quarter: quarterSchema });

/** The quarterly reports to the council: the cycle of a quarter, the report itself, search. */
export const reportsRouter = router({
  /** The municipality's reports (the council sees the published ones), and the ended quarters the college may open. */
  list: municipalityProcedure.query(async ({ ctx, input }): Promise<ReportList> => {
    const municipality = await requireMunicipality(ctx, input.municipalityId);
    const reports = requireReports(ctx);
    const abilities = reportAbilitiesOf(ctx.viewer, municipality.id);
    const [records, settings] = await Promise.all([reports.listReports(municipality.id), reports.readSettings(municipality.id)]);
    const summaries = records
      .filter((record) => abilities.maySeeDrafts || record.publishedVersions.length > 0)
      .map(
        (record): ReportSummary => ({
          quarter: record.quarter,
          // The council reads the latest published version, whatever is under way.
          status: abilities.maySeeDrafts ? record.status : 'published',
          version: abilities.maySeeDrafts ? record.version : (record.publishedVersions.at(-1)?.version ?? record.version),
          correctionReason: abilities.maySeeDrafts ? record.correctionReason : (record.publishedVersions.at(-1)?.correctionReason ?? null),
          isPublic: settings.isPublic && record.publishedVersions.length > 0,
          latestPublished: record.publishedVersions.at(-1) ?? null,
        }),
      );
    const taken = new Set(records.map((record) => record.quarter));
    const lastEnded = shiftQuarter(quarterOf(nowOf(ctx)), -1);
    const openQuarters = abilities.mayManage
      ? Array.from({ length: openableQuarters }, (_, index) => shiftQuarter(lastEnded, -index)).filter((quarter) => !taken.has(quarter))
      : [];
    return {
      municipality,
      reports: summaries,
      openQuarters,
      isPublic: settings.isPublic,
      abilities: { mayManage: abilities.mayManage, mayAsk: abilities.mayAsk, mayAnswer: abilities.mayAnswer, maySetPublic: abilities.mayManage },
    };
  }),

  /** One quarter's report: a published version (the latest unless `version` says), or, for the college and the organisation, the version under way. */
  get: municipalityProcedure
    .input(z.object({ quarter: quarterSchema, version: z.number().int().min(1).optional() }))
    .query(async ({ ctx, input }) => {
      const municipality = await requireMunicipality(ctx, input.municipalityId);
      const record = await requireReports(ctx).findReport(municipality.id, input.quarter);
      const abilities = reportAbilitiesOf(ctx.viewer, municipality.id);
      const shown = record === null ? { kind: 'none' as const } : shownVersionOf(record, abilities.maySeeDrafts, input.version);
      if (record === null || shown.kind === 'none') {
        const message =
          input.version === undefined
            ? `Er is (nog) geen gepubliceerde rapportage over het ${quarterWords(input.quarter)} van ${municipality.name}.`
            : `Versie ${input.version} van de rapportage over het ${quarterWords(input.quarter)} van ${municipality.name} bestaat niet (of is nog niet gepubliceerd).`;
        throw new TRPCError({ code: 'NOT_FOUND', message });
      }
      return buildReportView(ctx, municipality, record, shown);
    }),

  /** Starts the report of an ended quarter. */
  open: municipalityProcedure.input(quarterInput).mutation(async ({ ctx, input }) => {
    const municipality = await requireMunicipality(ctx, input.municipalityId);
    if (!hasQuarterEnded(input.quarter, nowOf(ctx))) {
      throw new TRPCError({ code: 'BAD_REQUEST', message: `Het ${quarterWords(input.quarter)} is nog niet voorbij: een rapportage gaat over een afgelopen kwartaal.` });
    }
    return doneOrConflict(await requireReportCommands(ctx).open(municipality.id, input.quarter, viewerOf(ctx)));
  }),

  /** Writes the cause, consequence and correction of an exception in the draft. */
  explain: municipalityProcedure
    .input(quarterInput.extend({ item: z.object({ kind: z.enum(exceptionKinds), id: identifierSchema }).strict(), fields: explanationFieldsSchema }))
    .mutation(async ({ ctx, input }) => {
      const municipality = await requireMunicipality(ctx, input.municipalityId);
      const programs = await ctx.catalog.listPrograms(municipality.id);
      const exists =
        input.item.kind === 'effect'
          ? programs.some((program) => program.effects.some((effect) => effect.id === input.item.id))
          : programs.some((program) => program.tasks.some((task) => task.actions.some((action) => action.id === input.item.id)));
      if (!exists) {
        throw new TRPCError({ code: 'NOT_FOUND', message: `${input.item.kind === 'effect' ? 'Effect' : 'Actie'} "${input.item.id}" bestaat niet in de programma's van ${municipality.name}.` });
      }
      return doneOrConflict(await requireReportCommands(ctx).saveExplanation(municipality.id, input.quarter, input.item, input.fields, viewerOf(ctx)));
    }),

  /** Draft → approved by the college; refused while an exception lacks its cause, consequence or correction. */
  approve: municipalityProcedure.input(quarterInput).mutation(async ({ ctx, input }) => {
    const municipality = await requireMunicipality(ctx, input.municipalityId);
    const record = await requireReportOf(ctx, municipality.id, input.quarter);
    refuseUnexplained(await buildLiveSnapshot(ctx, municipality, record, null), 'goedgekeurd');
    return doneOrConflict(await requireReportCommands(ctx).approve(municipality.id, input.quarter, viewerOf(ctx)));
  }),

  /** Approved → draft again, to change it. */
  withdrawApproval: municipalityProcedure.input(quarterInput).mutation(async ({ ctx, input }) => {
    const municipality = await requireMunicipality(ctx, input.municipalityId);
    return doneOrConflict(await requireReportCommands(ctx).withdrawApproval(municipality.id, input.quarter, viewerOf(ctx)));
  }),

  /**
   * Approved → published to the council: the report is frozen as it stands
   * now. Refused when the data changed since the approval so that an
   * exception lacks its explanation.
   */
  publish: municipalityProcedure.input(quarterInput).mutation(async ({ ctx, input }) => {
    const municipality = await requireMunicipality(ctx, input.municipalityId);
    const record = await requireReportOf(ctx, municipality.id, input.quarter);
    const viewer = viewerOf(ctx);
    const snapshot = await buildLiveSnapshot(ctx, municipality, record, viewer.name);
    refuseUnexplained(snapshot, 'gepubliceerd');
    return doneOrConflict(await requireReportCommands(ctx).publish(municipality.id, input.quarter, snapshot, viewer));
  }),

  /** Published → a draft of the next version, with the reason for the correction. */
  correct: municipalityProcedure.input(quarterInput.extend({ reason: correctionReasonSchema })).mutation(async ({ ctx, input }) => {
    const municipality = await requireMunicipality(ctx, input.municipalityId);
    return doneOrConflict(await requireReportCommands(ctx).startCorrection(municipality.id, input.quarter, input.reason, viewerOf(ctx)));
  }),

  /** Whether the municipality's published reports are public (Wet open overheid). */
  setPublic: municipalityProcedure.input(z.object({ isPublic: z.boolean() })).mutation(async ({ ctx, input }) => {
    const municipality = await requireMunicipality(ctx, input.municipalityId);
    return requireReportCommands(ctx).setPublic(municipality.id, input.isPublic, viewerOf(ctx));
  }),

  /** Searches the published reports (the latest version of each) and their questions. */
  search: municipalityProcedure
    .input(z.object({ query: z.string().trim().min(2, 'typ ten minste twee tekens').max(200, 'mag hoogstens 200 tekens lang zijn') }))
    .query(async ({ ctx, input }) => {
      const municipality = await requireMunicipality(ctx, input.municipalityId);
      const reports = requireReports(ctx);
      const records = (await reports.listReports(municipality.id)).filter((record) => record.publishedVersions.length > 0);
      const published = await Promise.all(
        records.map(async (record) => ({
          // Only reports with a published version are searched.
          snapshot: (await latestPublishedSnapshot(ctx, municipality.id, record.quarter)) as ReportSnapshot,
          questions: await reports.listQuestions(municipality.id, record.quarter),
        })),
      );
      return searchReports(published, input.query);
    }),
});

async function requireReportOf(ctx: ApiContext, municipalityId: string, quarter: string) {
  const record = await requireReports(ctx).findReport(municipalityId, quarter);
  if (record === null) throw new TRPCError({ code: 'NOT_FOUND', message: `Er is geen rapportage over het ${quarterWords(quarter)}: open die eerst.` });
  return record;
}

function refuseUnexplained(snapshot: ReportSnapshot, step: string): void {
  const missing = missingExplanations(snapshot);
  if (missing.length === 0) return;
  throw new TRPCError({
    code: 'PRECONDITION_FAILED',
    message: `De rapportage kan nog niet worden ${step}: ${missing.length === 1 ? 'één uitzondering mist' : `${missing.length} uitzonderingen missen`} een toelichting. ${missing.map((line) => `Het ${line}.`).join(' ')}`,
  });
}
