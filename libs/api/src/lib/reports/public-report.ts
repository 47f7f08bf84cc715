import type { IndicatorStatus, PublishedVersion, ReportSnapshot, SnapshotIndicator } from '@koers/domain';

/** One indicator in the public JSON: as frozen in the report, `period` the latest with a value at publication. */
export interface PublicReportIndicator {
  readonly id: string;
  readonly title: string;
  readonly unit: string;
  readonly period: string | null;
  readonly value: number | null;
  readonly status: IndicatorStatus;
  readonly target: number | null;
  readonly values: SnapshotIndicator['values'];
  readonly lineage: SnapshotIndicator['lineage'];
}

/**
 * `/public/<municipality-id>/reports/<quarter>.json`: the numbers of a
 * published report, the same as its page and its PDF, with the earlier
 * versions it corrects.
 */
export interface PublicReport {
  readonly municipality: { readonly id: string; readonly name: string };
  readonly quarter: string;
  readonly version: number;
  readonly publishedAt: string;
  readonly correctionReason: string | null;
  readonly versions: readonly PublishedVersion[];
  readonly indicators: readonly PublicReportIndicator[];
  readonly programs: ReportSnapshot['programs'];
  readonly motions: ReportSnapshot['motions'];
}

/** The public JSON of one published version. */
export function toPublicReport(snapshot: ReportSnapshot, versions: readonly PublishedVersion[]): PublicReport {
  return {
    municipality: { id: snapshot.municipality.id, name: snapshot.municipality.name },
    quarter: snapshot.quarter,
    version: snapshot.version,
    publishedAt: snapshot.publishedAt,
    correctionReason: snapshot.correctionReason,
    versions,
    indicators: snapshot.indicators.map((indicator) => ({
      id: indicator.id,
      title: indicator.title,
      unit: indicator.unit,
      period: indicator.latest?.period ?? null,
      value: indicator.latest?.value ?? null,
      status: indicator.status,
      target: indicator.target,
      values: indicator.values,
      lineage: indicator.lineage,
    })),
    programs: snapshot.programs,
    motions: snapshot.motions,
  };
}
