import { type Role, roles, type Viewer } from '@koers/domain';
import { TRPCError } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import {
  InMemoryApiTokens,
  InMemoryCatalog,
  InMemoryIndicatorEditor,
  InMemoryReports,
  inMemoryReportPorts,
  InMemorySources,
  InMemoryWork,
  inMemoryWorkPorts,
  sampleCatalogContents,
  sampleDraft,
  sampleReportContents,
  sampleViewer,
} from '../../testing/index';
import { appRouter } from '../app.router';
import type { ApiContext } from '../context';
import { readIndicatorCsv, readIndicatorsExport } from '../exports/read-exports';
import { exportDefinitions, importDefinitions } from '../indicator-editor/definitions-transfer';
import { authorizeSourceUpload } from '../sources/upload-access';
import { readPublicReport, readPublicReportIndex, readReportExport } from '../reports/report-exports';
import { createCallerFactory } from '../trpc';
import { accessTable } from './access-table';

/** A valid input for every procedure, in the user's own municipality or another; a procedure missing here fails. */
const sampleInputs: Readonly<Record<string, (municipalityId: string) => unknown>> = {
  'system.info': () => undefined,
  'session.me': () => undefined,
  'municipalities.list': () => undefined,
  'overview.get': (municipalityId) => ({ municipalityId }),
  'programs.list': (municipalityId) => ({ municipalityId }),
  'programs.get': (municipalityId) => ({ municipalityId, programId: municipalityId === 'uithoorn' ? 'veiligheid' : 'bestuur' }),
  'indicators.get': (municipalityId) => ({ municipalityId, indicatorId: 'winkeldiefstallen' }),
  'indicators.compare': () => ({ indicatorId: 'winkeldiefstallen' }),
  'indicators.comparable': () => undefined,
  'computations.list': (municipalityId) => ({ municipalityId }),
  'computations.run': (municipalityId) => ({ municipalityId }),
  'audit.list': (municipalityId) => ({ municipalityId }),
  'sources.list': (municipalityId) => ({ municipalityId }),
  'sources.get': (municipalityId) => ({ municipalityId, sourceId: 'misdrijven' }),
  'sources.job': (municipalityId) => ({ municipalityId, jobId: 'upload-misdrijven' }),
  'sources.publish': (municipalityId) => ({ municipalityId, jobId: 'upload-misdrijven' }),
  'sources.create': (municipalityId) => ({ municipalityId, jobId: 'upload-nieuw', sourceId: 'meldingen', title: 'Meldingen', columns: { datum: 'date' } }),
  'sources.rollback': (municipalityId) => ({ municipalityId, sourceId: 'misdrijven', version: 1 }),
  'sources.delete': (municipalityId) => ({ municipalityId, sourceId: 'oud-archief' }),
  'sources.discard': (municipalityId) => ({ municipalityId, jobId: 'upload-nieuw' }),
  'tokens.list': () => undefined,
  'tokens.create': () => ({ name: 'Nachtelijke import' }),
  'tokens.revoke': () => ({ tokenId: 'token-1' }),
  'indicatorEditor.choices': (municipalityId) => ({ municipalityId }),
  'indicatorEditor.read': (municipalityId) => ({ municipalityId, indicatorId: 'winkeldiefstallen' }),
  'indicatorEditor.dryRun': (municipalityId) => ({ municipalityId, draft: sampleDraft, isNew: true }),
  'indicatorEditor.save': (municipalityId) => ({ municipalityId, draft: sampleDraft, isNew: true, baseVersion: null }),
  'indicatorEditor.link': (municipalityId) => ({ municipalityId, indicatorId: 'winkeldiefstallen', link: { programId: 'veiligheid', effectId: 'veilig' } }),
  'programEditor.get': (municipalityId) => ({ municipalityId, programId: municipalityId === 'uithoorn' ? 'veiligheid' : 'bestuur' }),
  'programEditor.save': (municipalityId) => ({
    municipalityId,
    programId: municipalityId === 'uithoorn' ? 'veiligheid' : 'bestuur',
    revision: '0'.repeat(64),
    program: { title: 'Veiligheid', portfolioHolders: ['burgemeester'], policyDocuments: [], effects: [], tasks: [] },
  }),
  'progress.board': (municipalityId) => ({ municipalityId }),
  'progress.save': (municipalityId) => ({ municipalityId, actionId: 'bestuurskrachtonderzoek', status: 'on_schedule', percent: 50, comment: '' }),
  'commentary.board': (municipalityId) => ({ municipalityId }),
  'commentary.history': (municipalityId) => ({ municipalityId, effectId: 'keuzes-met-effect', quarter: '2026-Q4' }),
  'commentary.save': (municipalityId) => ({ municipalityId, effectId: 'keuzes-met-effect', quarter: '2026-Q4', text: 'Toelichting van het college.' }),
  'todo.list': (municipalityId) => ({ municipalityId }),
  'reports.list': (municipalityId) => ({ municipalityId }),
  'reports.get': (municipalityId) => ({ municipalityId, quarter: '2025-Q4' }),
  'reports.search': (municipalityId) => ({ municipalityId, query: 'oorzaak' }),
  'reports.open': (municipalityId) => ({ municipalityId, quarter: '2026-Q3' }),
  'reports.explain': (municipalityId) => ({
    municipalityId,
    quarter: '2026-Q2',
    item: { kind: 'effect', id: municipalityId === 'uithoorn' ? 'keuzes-met-effect' : 'veilige-stad' },
    fields: { cause: 'Oorzaak.', consequence: 'Gevolg.', correction: 'Bijsturing.' },
  }),
  'reports.approve': (municipalityId) => ({ municipalityId, quarter: '2026-Q2' }),
  'reports.withdrawApproval': (municipalityId) => ({ municipalityId, quarter: '2026-Q1' }),
  'reports.publish': (municipalityId) => ({ municipalityId, quarter: '2026-Q1' }),
  'reports.correct': (municipalityId) => ({ municipalityId, quarter: '2025-Q3', reason: 'Een bron is gecorrigeerd.' }),
  'reports.setPublic': (municipalityId) => ({ municipalityId, isPublic: true }),
  'motions.list': (municipalityId) => ({ municipalityId }),
  'motions.save': (municipalityId) => ({
    municipalityId,
    motion: {
      id: 'motie-nieuw',
      kind: 'motion',
      reference: 'M2026-01',
      title: 'Een nieuwe motie',
      adoptedOn: '2026-01-15',
      points: [{ number: 1, text: 'Het college doet iets.', links: [{ programId: municipalityId === 'uithoorn' ? 'bestuur-en-organisatie' : 'bestuur' }] }],
    },
  }),
  'motions.respond': (municipalityId) => ({
    municipalityId,
    response: { motionId: municipalityId === 'uithoorn' ? 'toezegging-woo' : 'motie-veilige-winkels', pointNumber: 1, quarter: '2026-Q3', status: 'in_progress', response: 'Loopt.' },
  }),
  'questions.ask': (municipalityId) => ({ municipalityId, quarter: '2025-Q4', item: { kind: 'report', id: '2025-Q4' }, text: 'Waarom?' }),
  'questions.answer': (municipalityId) => ({ municipalityId, questionId: `vraag-${municipalityId}-1`, text: 'Daarom.' }),
};

/** The plain exports, called the way the server's routes call them. */
const httpRoutes: Readonly<Record<string, (ctx: ApiContext, municipalityId: string) => Promise<{ kind: string }>>> = {
  'GET /api/:municipalityId/indicators.json': (ctx, municipalityId) => readIndicatorsExport(ctx, municipalityId),
  'GET /api/:municipalityId/indicators/:indicatorId.csv': (ctx, municipalityId) => readIndicatorCsv(ctx, municipalityId, 'winkeldiefstallen'),
  'POST /api/:municipalityId/uploads': (ctx, municipalityId) => authorizeSourceUpload(ctx, 'POST /api/:municipalityId/uploads', municipalityId),
  'POST /api/:municipalityId/sources/:sourceId/versions': (ctx, municipalityId) =>
    authorizeSourceUpload(ctx, 'POST /api/:municipalityId/sources/:sourceId/versions', municipalityId),
  'GET /api/:municipalityId/definitions.zip': (ctx, municipalityId) => exportDefinitions(ctx, municipalityId, false),
  'POST /api/:municipalityId/definitions.zip': (ctx, municipalityId) => importDefinitions(ctx, municipalityId, new Uint8Array(), false),
  'GET /api/:municipalityId/reports/:quarter.:format': (ctx, municipalityId) => readReportExport(ctx, municipalityId, '2025-Q4'),
  'GET /public/:municipalityId/reports.json': (ctx, municipalityId) => readPublicReportIndex(ctx, municipalityId),
  'GET /public/:municipalityId/reports/:quarter': (ctx, municipalityId) => readPublicReport(ctx, municipalityId, '2025-Q4'),
};

const own = 'uithoorn';
const other = 'hilversum';
const procedures = Object.keys(appRouter._def.procedures).sort();
type Outcome = 'allowed' | 'UNAUTHORIZED' | 'FORBIDDEN';

function contextFor(viewer: Viewer | null): ApiContext {
  const catalog = new InMemoryCatalog(sampleCatalogContents());
  return {
    catalog,
    ...inMemoryWorkPorts(new InMemoryWork(catalog)),
    ...inMemoryReportPorts(new InMemoryReports(catalog, () => new Date('2026-11-30T12:00:00Z'), sampleReportContents(catalog.contents))),
    commands: { requestComputation: async () => undefined },
    ...(() => {
      const sources = new InMemorySources();
      return { sources, sourceCommands: sources, apiTokens: new InMemoryApiTokens() };
    })(),
    indicatorEditor: new InMemoryIndicatorEditor(sampleCatalogContents()),
    viewer,
    mode: 'demo',
    now: () => new Date('2026-11-30T12:00:00Z'),
  };
}

async function callProcedure(path: string, viewer: Viewer | null, municipalityId: string): Promise<{ outcome: Outcome; result?: unknown }> {
  const caller = createCallerFactory(appRouter)(contextFor(viewer)) as unknown as Record<string, unknown>;
  const procedure = path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (input: unknown) => Promise<unknown>;
  try {
    return { outcome: 'allowed', result: await procedure(sampleInputs[path]?.(municipalityId)) };
  } catch (error) {
    if (error instanceof TRPCError && (error.code === 'UNAUTHORIZED' || error.code === 'FORBIDDEN')) return { outcome: error.code };
    throw new Error(`${path} as ${viewer?.grants[0]?.role ?? 'nobody'} in ${municipalityId} failed otherwise: ${String(error)}`);
  }
}

function expected(route: string, role: Role | null, municipalityId: string): Outcome {
  const access = accessTable[route];
  if (access === undefined || access.kind === 'public') return 'allowed';
  if (role === null) return 'UNAUTHORIZED';
  if (!access.roles.includes(role)) return 'FORBIDDEN';
  if (access.kind === 'own_municipalities') return 'allowed';
  return municipalityId === own ? 'allowed' : 'FORBIDDEN';
}

describe('the access table', () => {
  it('has a row and a sample input for every procedure, and no row for a procedure or route that does not exist', () => {
    expect(procedures.filter((path) => accessTable[path] === undefined)).toEqual([]);
    expect(procedures.filter((path) => sampleInputs[path] === undefined)).toEqual([]);
    const routes = Object.keys(httpRoutes);
    expect(Object.keys(accessTable).filter((key) => !procedures.includes(key) && !routes.includes(key))).toEqual([]);
  });

  for (const path of procedures) {
    it(`is what ${path} enforces, for every role, in the user's own municipality and another`, async () => {
      const seen: string[] = [];
      const want: string[] = [];
      for (const role of [null, ...roles]) {
        const viewer = role === null ? null : sampleViewer(role, [own]);
        for (const municipalityId of [own, other]) {
          const { outcome, result } = await callProcedure(path, viewer, municipalityId);
          seen.push(`${role ?? 'nobody'} in ${municipalityId}: ${outcome}`);
          want.push(`${role ?? 'nobody'} in ${municipalityId}: ${expected(path, role, municipalityId)}`);
          // A procedure for the user's own municipalities answers nothing of another.
          if (outcome === 'allowed' && accessTable[path]?.kind === 'own_municipalities') expect(JSON.stringify(result)).not.toContain(other);
        }
      }
      expect(seen).toEqual(want);
    });
  }

  for (const [route, call] of Object.entries(httpRoutes)) {
    it(`is what ${route} enforces, for every role, in the user's own municipality and another`, async () => {
      const seen: string[] = [];
      const want: string[] = [];
      for (const role of [null, ...roles]) {
        for (const municipalityId of [own, other]) {
          const answer = await call(contextFor(role === null ? null : sampleViewer(role, [own])), municipalityId);
          const outcome = answer.kind === 'unauthorized' ? 'UNAUTHORIZED' : answer.kind === 'forbidden' ? 'FORBIDDEN' : 'allowed';
          seen.push(`${role ?? 'nobody'} in ${municipalityId}: ${outcome}`);
          want.push(`${role ?? 'nobody'} in ${municipalityId}: ${expected(route, role, municipalityId)}`);
        }
      }
      expect(seen).toEqual(want);
    });
  }

  it('refuses a procedure that is missing from the table, whoever calls it', async () => {
    const { router, ownMunicipalitiesProcedure } = await import('../trpc');
    const unlisted = router({ secret: router({ read: ownMunicipalitiesProcedure.query(() => 'geheim') }) });
    const caller = createCallerFactory(unlisted)(contextFor(sampleViewer('admin')));
    await expect(caller.secret.read()).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('toegangstabel') });
  });
});
