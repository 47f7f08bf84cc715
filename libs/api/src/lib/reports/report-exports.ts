import { identifierPattern, type Municipality, type PublishedVersion, quarterPattern, type ReportSnapshot } from '@koers/domain';
import { accessTable } from '../access/access-table';
import { mayIn } from '../access/viewer-access';
import type { ApiContext } from '../context';
import type { ExportAnswer } from '../exports/read-exports';
import { readThrough } from '../read-through';
import { quarterWords } from './report-words';

/** A published version of a report, and every version published of it. */
export interface PublishedReport {
  readonly snapshot: ReportSnapshot;
  readonly versions: readonly PublishedVersion[];
}

/** The reports of a municipality everyone may read. */
export interface PublicReportIndex {
  readonly municipality: Municipality;
  /** Newest quarter first: the latest version of each. */
  readonly reports: readonly (PublishedVersion & { readonly quarter: string })[];
}

/**
 * `GET /api/<municipality-id>/reports/<quarter>.<pdf|xlsx|csv|json>`: a
 * published version (the latest, or `version`) for whoever may read the
 * municipality's reports: 401 without a session, 403 without a role there,
 * 404 for a report, or version, that is not published.
 */
export async function readReportExport(ctx: ApiContext, municipalityId: string, quarter: string, version?: number): Promise<ExportAnswer<PublishedReport>> {
  const access = accessTable['GET /api/:municipalityId/reports/:quarter.:format'];
  if (ctx.viewer === null) return { kind: 'unauthorized', message: 'Meld u aan: deze rapportage is alleen voor wie is aangemeld.' };
  if (access?.kind !== 'municipality' || !mayIn(ctx.viewer, municipalityId, access.roles)) {
    return { kind: 'forbidden', message: `U heeft geen toegang tot de rapportages van gemeente "${municipalityId}".` };
  }
  const found = await findPublished(ctx, municipalityId, quarter, version);
  return found ?? { kind: 'not_found', message: `Er is geen gepubliceerde rapportage over ${quarterPattern.test(quarter) ? `het ${quarterWords(quarter)}` : `"${quarter}"`}${version === undefined ? '' : ` in versie ${version}`}.` };
}

/** What a report that is not public answers: exactly what one that does not exist answers. */
export const notPublic = { kind: 'not_found', message: 'Deze rapportage bestaat niet, of is niet openbaar.' } as const;

/**
 * `GET /public/<municipality-id>/reports/<quarter>[.json|.pdf]`: a published
 * version for everyone, signed in or not, where the municipality publishes its
 * reports; anything else is {@link notPublic}, whether it exists or not.
 */
export async function readPublicReport(ctx: ApiContext, municipalityId: string, quarter: string, version?: number): Promise<ExportAnswer<PublishedReport>> {
  if (!(await isPublicMunicipality(ctx, municipalityId))) return notPublic;
  return (await findPublished(ctx, municipalityId, quarter, version)) ?? notPublic;
}

/** `GET /public/<municipality-id>/reports.json`: the published reports of a municipality that publishes them; else {@link notPublic}. */
export async function readPublicReportIndex(ctx: ApiContext, municipalityId: string): Promise<ExportAnswer<PublicReportIndex>> {
  const municipality = await findMunicipality(ctx, municipalityId);
  if (municipality === undefined || ctx.reports === undefined || !(await isPublicMunicipality(ctx, municipalityId))) return notPublic;
  const records = await ctx.reports.listReports(municipalityId);
  return {
    kind: 'found',
    body: {
      municipality,
      reports: records.flatMap((record) => {
        const latest = record.publishedVersions.at(-1);
        return latest === undefined ? [] : [{ quarter: record.quarter, ...latest }];
      }),
    },
  };
}

async function isPublicMunicipality(ctx: ApiContext, municipalityId: string): Promise<boolean> {
  if (ctx.reports === undefined || (await findMunicipality(ctx, municipalityId)) === undefined) return false;
  return (await ctx.reports.readSettings(municipalityId)).isPublic;
}

async function findMunicipality(ctx: ApiContext, municipalityId: string): Promise<Municipality | undefined> {
  if (!identifierPattern.test(municipalityId)) return undefined;
  const municipalities = await readThrough(ctx, 'municipalities', () => ctx.catalog.listMunicipalities());
  return municipalities.find((municipality) => municipality.id === municipalityId);
}

/** The published version asked for (the latest without `version`), or null. */
async function findPublished(ctx: ApiContext, municipalityId: string, quarter: string, version: number | undefined): Promise<ExportAnswer<PublishedReport> | null> {
  if (ctx.reports === undefined || !quarterPattern.test(quarter) || (await findMunicipality(ctx, municipalityId)) === undefined) return null;
  const record = await ctx.reports.findReport(municipalityId, quarter);
  const wanted = version ?? record?.publishedVersions.at(-1)?.version;
  if (record === null || wanted === undefined || !record.publishedVersions.some((entry) => entry.version === wanted)) return null;
  const snapshot = await ctx.reports.readSnapshot(municipalityId, quarter, wanted);
  return snapshot === null ? null : { kind: 'found', body: { snapshot, versions: record.publishedVersions } };
}
