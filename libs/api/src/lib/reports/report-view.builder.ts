import { type Municipality, periodEnd, type ReportRecord, type ReportSnapshot, type ReportView, shiftQuarter } from '@koers/domain';
import type { ApiContext } from '../context';
import { nowOf, readThrough } from '../read-through';
import { reportAbilitiesOf } from './report-access';
import { compareWithPreviousQuarter } from './report-comparison.builder';
import { diffReportVersions } from './report-difference';
import { listExceptions } from './report-exceptions';
import { requireReports } from './report-ports';
import { buildReportSnapshot } from './report-snapshot.builder';

/**
 * A quarter's report built from today's data, as it would be published now:
 * the version under way, its explanations, the progress as it stood in the
 * quarter, the college's commentary and the motions.
 */
export async function buildLiveSnapshot(
  ctx: ApiContext,
  municipality: Municipality,
  report: Pick<ReportRecord, 'quarter' | 'version' | 'correctionReason'>,
  publishedBy: string | null,
): Promise<ReportSnapshot> {
  const reports = requireReports(ctx);
  const key = `report-live:${municipality.id}:${report.quarter}:${report.version}`;
  const parts = await readThrough(ctx, key, async () => {
    const [programs, indicators, progress, explanations, commentary, motions] = await Promise.all([
      ctx.catalog.listPrograms(municipality.id),
      ctx.catalog.listIndicators(municipality.id),
      reports.listProgressAsOf(municipality.id, report.quarter),
      reports.listExplanations(municipality.id, report.quarter, report.version),
      ctx.reportCommentary?.listCommentary(municipality.id, report.quarter) ?? Promise.resolve([]),
      reports.listMotions(municipality.id),
    ]);
    return { programs, indicators, progress, explanations, commentary, motions };
  });
  return buildReportSnapshot({
    municipality,
    quarter: report.quarter,
    version: report.version,
    publishedAt: nowOf(ctx).toISOString(),
    publishedBy,
    correctionReason: report.correctionReason,
    ...parts,
  });
}

/** The latest published version of a quarter's report, or null when it has none. */
export async function latestPublishedSnapshot(ctx: ApiContext, municipalityId: string, quarter: string): Promise<ReportSnapshot | null> {
  const reports = requireReports(ctx);
  const record = await reports.findReport(municipalityId, quarter);
  const latest = record?.publishedVersions.at(-1);
  return latest === undefined ? null : reports.readSnapshot(municipalityId, quarter, latest.version);
}

/** Which version the viewer sees: a published one asked for, the live version under way (not for the council), or the latest published. */
export type ShownVersion = { readonly kind: 'published'; readonly version: number } | { readonly kind: 'live' } | { readonly kind: 'none' };

export function shownVersionOf(record: ReportRecord, maySeeDrafts: boolean, asked: number | undefined): ShownVersion {
  const published = record.publishedVersions.map((entry) => entry.version);
  if (asked !== undefined) {
    if (published.includes(asked)) return { kind: 'published', version: asked };
    return maySeeDrafts && asked === record.version && record.status !== 'published' ? { kind: 'live' } : { kind: 'none' };
  }
  if (maySeeDrafts && record.status !== 'published') return { kind: 'live' };
  const latest = published.at(-1);
  return latest === undefined ? { kind: 'none' } : { kind: 'published', version: latest };
}

/** The report page's read model: the snapshot shown, its exceptions, the comparison, the changes against the version before, the questions. */
export async function buildReportView(ctx: ApiContext, municipality: Municipality, record: ReportRecord, shown: Exclude<ShownVersion, { kind: 'none' }>): Promise<ReportView> {
  const reports = requireReports(ctx);
  const abilities = reportAbilitiesOf(ctx.viewer, municipality.id);
  const snapshot =
    shown.kind === 'live'
      ? await buildLiveSnapshot(ctx, municipality, record, null)
      : ((await reports.readSnapshot(municipality.id, record.quarter, shown.version)) as ReportSnapshot);
  const previousQuarter = shiftQuarter(record.quarter, -1);
  const [previous, earlierVersion, questions, settings] = await Promise.all([
    latestPublishedSnapshot(ctx, municipality.id, previousQuarter),
    snapshot.version > 1 ? reports.readSnapshot(municipality.id, record.quarter, snapshot.version - 1) : Promise.resolve(null),
    reports.listQuestions(municipality.id, record.quarter),
    reports.readSettings(municipality.id),
  ]);
  return {
    municipality,
    quarter: record.quarter,
    status: shown.kind === 'live' ? record.status : 'published',
    version: snapshot.version,
    currentVersion: record.version,
    isLive: shown.kind === 'live',
    isPublic: settings.isPublic && record.publishedVersions.length > 0,
    approvedBy: record.approvedBy,
    approvedAt: record.approvedAt,
    correctionReason: shown.kind === 'live' ? record.correctionReason : snapshot.correctionReason,
    publishedVersions: record.publishedVersions,
    snapshot,
    exceptions: listExceptions(snapshot),
    comparison: compareWithPreviousQuarter(snapshot, previousQuarter, previous),
    changes: earlierVersion === null ? null : { againstVersion: earlierVersion.version, items: diffReportVersions(earlierVersion, snapshot) },
    questions,
    abilities: { mayManage: abilities.mayManage, mayAsk: abilities.mayAsk, mayAnswer: abilities.mayAnswer },
  };
}

/** Whether `quarter` had ended by `now`: only an ended quarter is reported on. */
export function hasQuarterEnded(quarter: string, now: Date): boolean {
  return periodEnd(quarter) < now.toISOString().slice(0, 10);
}
