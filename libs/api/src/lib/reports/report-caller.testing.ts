import type { Role } from '@koers/domain';
import { InMemoryCatalog, InMemoryReports, inMemoryReportPorts, sampleCatalogContents, sampleReportContents, sampleViewer } from '../../testing/index';
import { appRouter } from '../app.router';
import { createCallerFactory } from '../trpc';

/** The clock of the report tests: the last day of November 2026, so the last ended quarter is 2026-Q3. */
export const reportTestNow = new Date('2026-11-30T12:00:00Z');

/**
 * The real appRouter over the sample installation and its sample reports in
 * memory; `as(role)` is a caller signed in with that role in every sample
 * municipality. All callers share one catalog and one set of reports.
 */
export function reportCallers() {
  const catalog = new InMemoryCatalog(sampleCatalogContents());
  const reports = new InMemoryReports(catalog, () => reportTestNow, sampleReportContents(catalog.contents));
  const as = (role: Role | null) =>
    createCallerFactory(appRouter)({
      catalog,
      ...inMemoryReportPorts(reports),
      mode: 'demo',
      viewer: role === null ? null : sampleViewer(role),
      now: () => reportTestNow,
      reportInternalError: (_errorId, error) => {
        throw error;
      },
    });
  return { catalog, reports, as, college: as('college'), council: as('council') };
}
